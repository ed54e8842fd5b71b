"""The agents' commands: ``tutor ask``, ``tutor chat``, ``tutor plan`` and ``tutor verify-steps``.

This module is the ``agents`` plugin (entry point ``agents`` in the ``tutor``
group): the core's command line knows nothing of the agents, and they add their
commands through the ``register_commands`` hook, as any plugin would.
``verify-steps`` lives here because ``--resolve`` re-solves with the model; the
checking itself is ``tutor.cli.verify.run_verify_steps``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from tutor import hookimpl
from tutor.errors import NotFound, ValidationError


@hookimpl
def register_commands(cli):
    cli.command("ask")(ask)
    cli.command("chat")(chat)
    cli.command("plan")(plan)
    cli.command("verify-steps")(verify_steps)


def _context():
    """The CLI's context, looked up when a command runs (not when the plugin loads, e.g. in the web app).

    Tests hand these commands a context with a scripted model by monkeypatching ``tutor.cli.core.context``.
    """
    from tutor.cli import core

    return core.context()


def _student_id(name: str | None) -> int | None:
    if not name:
        return None
    from tutor.accounts import get_user_by_name

    ctx = _context()
    with ctx.session() as s:
        user = get_user_by_name(session=s, username=name)
        if user.role != "student":
            raise NotFound(f"{name!r} is a {user.role}, not a student.")
        return user.id


def _check_mode(value: str) -> str:
    """Refuse an unknown mode up front (a misspelt "socratic" must not fall back to giving answers)."""
    from agents.state import MODES

    if value not in MODES:
        raise typer.BadParameter(f"unknown mode {value!r}; use one of: {', '.join(MODES)}")
    return value


def _chat(student: str | None):
    from agents.service import TutorChat

    ctx = _context()
    if student:
        ctx.upgrade_db()
    return TutorChat(ctx), _student_id(student)


def ask(
    question: str = typer.Argument(..., help="A math question, e.g. \"What is 3/4 of 20?\""),
    as_json: bool = typer.Option(False, "--json", help="Print the reply, verified statements and repairs as JSON"),
    student: str = typer.Option(None, help="Answer as this student's tutor (stores the conversation)"),
    mode: str = typer.Option("direct", callback=_check_mode,
                             help="direct (answers questions) or socratic (guides)"),
) -> None:
    """Ask the tutor one question; the reply is verified before it is printed."""
    if not question.strip():
        raise ValidationError("The question is empty: type a math question, e.g. tutor ask \"What is 3/4 of 20?\"")
    chat, student_id = _chat(student)
    try:
        if as_json:
            reply = chat.ask(student_id, question, mode=mode)
            typer.echo(json.dumps({
                "reply": reply.text, "status": reply.status, "verified": reply.verified,
                "repaired": reply.repaired, "caught": reply.caught, "intent": reply.intent,
            }, indent=2, ensure_ascii=False))
            return
        _print_stream(chat.send(student_id, question, mode=mode))
    finally:
        chat.close()


def _print_stream(events):
    """Show the draft as it streams (dim), then the checked reply; returns that reply (None if none came)."""
    tty = sys.stdout.isatty()
    drafted = False
    reply = None
    for event in events:
        if event.type == "token" and tty:
            typer.secho(event.text, nl=False, dim=True)
            drafted = True
        elif event.type == "final":
            reply = event.reply
            if drafted:
                typer.echo("\n" + "-" * 20)
            typer.echo(reply.text)
            mark = {"verified": "checked", "withheld": "draft withheld: it did not pass the checks",
                    "graded": "graded by code"}.get(reply.status, "not checked")
            line = f"[{mark}"
            if reply.verified:
                line += f"; verified: {', '.join(reply.verified[:6])}"
            if reply.repaired:
                line += f"; repaired: {', '.join(c['claim'] for c in reply.caught[:4])}"
            typer.secho(line + "]", fg=typer.colors.GREEN if reply.status in ("verified", "graded") else None)
    return reply


def chat(
    student: str = typer.Option(..., help="The student's login name"),
    mode: str = typer.Option("socratic", callback=_check_mode,
                             help="socratic (default for students) or direct"),
    new: bool = typer.Option(False, help="Start a new conversation instead of resuming the last one"),
) -> None:
    """Talk with the tutor in the terminal; the conversation resumes where it left off."""
    import uuid

    session, student_id = _chat(student)
    thread = uuid.uuid4().hex if new else None
    typer.echo("Type a question or answer; 'new problem' for a problem, 'quit' to stop.")
    try:
        if thread is None:
            from tutor import repo

            with _context().session() as s:
                latest = repo.latest_tutor_session(session=s, student_id=student_id)
            if latest is not None:
                thread = latest.thread_id
                for role, text in session.history(thread)[-4:]:
                    typer.echo(f"{role}: {text}")
        while True:
            try:
                text = input("you> ").strip()
            except EOFError:
                break
            if text.lower() in ("quit", "exit", ":q"):
                break
            if not text:
                continue
            reply = _print_stream(session.send(student_id, text, thread, mode=mode))
            if reply is not None:
                thread = reply.thread_id
    finally:
        session.close()


def plan(
    student: str = typer.Option(..., help="The student's login name"),
    seed: int = typer.Option(None, help="Seed for a reproducible plan"),
) -> None:
    """Plan today's lesson for a student (stored as the active plan parents and teachers see)."""
    from agents.service import plan_lesson

    ctx = _context()
    ctx.upgrade_db()
    result = plan_lesson(ctx, _student_id(student), seed=seed)
    typer.echo(f"Lesson plan {result.plan_id}: {result.minutes} minutes\n{result.greeting}\n")
    for i, item in enumerate(result.items, 1):
        typer.echo(f"{i:>2}. [{item['minutes']} min] {item['title']} (difficulty {item['difficulty']})")
        for line in item["content"].splitlines():
            if line.strip():
                typer.echo(f"      {line}")
    for d in result.dropped:
        typer.secho(f"(dropped the model's {d['part']}: {', '.join(d['claims'])} did not check out)", dim=True)


def verify_steps(
    input_path: Path = typer.Argument(..., metavar="INPUT.jsonl", help="One case per line: id, question, steps, final_answer"),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write one verdict per input line"),
    resolve: bool = typer.Option(False, "--resolve", help="Also re-solve each question with the configured model "
                                 "(4 programs, two prompts): correct only if they confirm the answer, wrong only if all disagree"),
) -> None:
    """Check worked solutions line by line: correct, wrong (with the first wrong step) or undetermined."""
    from tutor.cli.verify import run_verify_steps

    resolver = None
    if resolve:
        from agents.solution_check import resolver_for

        resolver = resolver_for(_context())
    run_verify_steps(input_path, output, resolver)
