"""Plugin, practice and learner-model commands."""

from __future__ import annotations

import typer

from tutor.cli import app
from tutor.cli.core import context

plugins_app = typer.Typer(help="Subject plugins.", no_args_is_help=True)
learner_app = typer.Typer(help="The learner model (BKT mastery, FSRS review).", no_args_is_help=True)
app.add_typer(plugins_app, name="plugins")
app.add_typer(learner_app, name="learner")


@plugins_app.command("list")
def plugins_list() -> None:
    """Show each plugin, its version, skills and agents; broken plugins with their error."""
    manager = context().plugins
    if not manager.plugins:
        typer.echo("No plugins installed.")
    for name, info in sorted(manager.plugins.items()):
        status = "ok" if info.ok else ("FAILED" if not info.loaded else "errors")
        typer.echo(f"{name} {info.version}  [{status}]  {info.module}")
        if info.skills:
            typer.echo(f"  skills: {', '.join(info.skills)}")
        if info.agents:
            typer.echo(f"  agents: {', '.join(info.agents)}")
        for err in info.errors:
            typer.secho(f"  error: {err}", fg=typer.colors.RED)
    ok = sum(1 for p in manager.plugins.values() if p.ok)
    typer.echo(f"{ok} of {len(manager.plugins)} plugins ok; {len(manager.skills)} skills, {len(manager.agents)} agents.")


@app.command("practice")
def practice(
    skill: str = typer.Option(..., "--skill", help="Skill id, e.g. frac.add_sub (see `tutor plugins list`)"),
    seed: int = typer.Option(0, help="Which problem: the same seed gives the same problem"),
    difficulty: int = typer.Option(1, help="Difficulty level (usually 1-3)"),
) -> None:
    """Print a problem, read your answer from stdin, and say whether it is right, with the worked solution."""
    manager = context().plugins
    problem = manager.generate(skill, seed=seed, difficulty=difficulty)
    typer.echo(problem.statement)
    if problem.answer_format:
        typer.echo(f"(Answer as {problem.answer_format}.)")
    answer = typer.prompt("Your answer", default="", show_default=False)
    from tutor.learner.grading import grade_for_problem  # read as Practice and the chat read it

    grade, _reading = grade_for_problem(manager, problem, answer)
    if grade.status == "verified":
        typer.secho("Right!", fg=typer.colors.GREEN)
    elif grade.status == "refuted":
        extra = f" {grade.explanation}" if grade.mistake else ""
        typer.secho(f"Not quite.{extra} The answer is {problem.answer_text}.", fg=typer.colors.YELLOW)
    else:
        typer.secho(f"I couldn't read that answer, so it is not marked. The answer is {problem.answer_text}.",
                    fg=typer.colors.YELLOW)
    typer.echo("Worked solution:")
    typer.echo(problem.worked_solution())


@learner_app.command("fit")
def learner_fit(
    min_attempts: int = typer.Option(60, help="First attempts a skill needs before it is fitted"),
    min_students: int = typer.Option(5, help="Students a skill needs before it is fitted"),
) -> None:
    """Fit BKT parameters per skill from recorded attempts with pyBKT; report AUC and RMSE."""
    from tutor.learner.fit import fit_bkt

    with context().session() as s:
        results = fit_bkt(session=s, min_attempts=min_attempts, min_students=min_students)
    if not results:
        typer.echo("No graded attempts yet; nothing to fit.")
    for r in results:
        if r.params is None:
            typer.echo(f"{r.skill_id:20s} {r.n_attempts:5d} attempts  skipped: {r.skipped}")
        else:
            p = r.params
            typer.echo(
                f"{r.skill_id:20s} {r.n_attempts:5d} attempts  prior {p.prior:.2f} learn {p.learn:.2f} "
                f"guess {p.guess:.2f} slip {p.slip:.2f}  AUC {r.auc:.3f} RMSE {r.rmse:.3f}"
            )
    fitted = sum(r.params is not None for r in results)
    typer.echo(f"Fitted {fitted} of {len(results)} skills.")
