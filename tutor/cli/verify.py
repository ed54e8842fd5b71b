"""Verifier commands: ``tutor check`` (one line) and the body of ``tutor verify-steps`` (batch, JSONL).

The ``verify-steps`` command itself is added by the agents plugin (``agents/cli.py``),
because its ``--resolve`` option re-solves with the model, a layer above the core.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import typer

from tutor.cli import app
from tutor.errors import TutorError
from tutor.i18n import N_, _
from tutor.verify import SolutionCheck, Status, check_step_pair, check_steps, check_text

VERDICTS = {Status.verified: "correct", Status.refuted: "wrong", Status.undetermined: "undetermined"}

STATUS_WORDS = {Status.verified: N_("verified"), Status.refuted: N_("refuted"), Status.undetermined: N_("undetermined")}
"""What ``tutor check`` prints for each result, in TUTOR_LANGUAGE (the JSONL verdicts stay as VERDICTS)."""

Resolver = Callable[[dict, SolutionCheck], SolutionCheck]
"""Optional second opinion on a case (e.g. an independent re-solve): takes the input record
and our check, returns the check to report."""


def verdict_for(record, resolver: Resolver | None = None) -> dict:
    """One output record for one parsed input line; never raises on bad input."""
    if not isinstance(record, dict):
        return {"id": None, "verdict": "undetermined", "first_error_step": None,
                "explanation": "This line is not a JSON object."}
    rid = record.get("id")
    steps = record.get("steps")
    final = record.get("final_answer")
    if not isinstance(steps, list) or not all(isinstance(s, str) for s in steps) or not (
        final is None or isinstance(final, (str, int, float))
    ):
        return {"id": rid, "verdict": "undetermined", "first_error_step": None,
                "explanation": "This line needs 'steps' (a list of strings) and 'final_answer'."}
    question = record.get("question") if isinstance(record.get("question"), str) else ""
    try:
        result = check_steps(steps, None if final is None else str(final), question)
        if resolver is not None:
            result = resolver(record, result)
    except (TutorError, RecursionError, ValueError, TypeError) as exc:
        return {"id": rid, "verdict": "undetermined", "first_error_step": None,
                "explanation": f"The checker could not handle this case ({exc})."}
    return {"id": rid, "verdict": VERDICTS[result.status],
            "first_error_step": result.first_error_step if result.status is Status.refuted else None,
            "explanation": result.explanation}


def verify_lines(lines, out, resolver: Resolver | None = None) -> int:
    """Write one verdict line to ``out`` per input line, in order; return how many."""
    n = 0
    for line in lines:
        if not line.strip():
            record = None
        else:
            try:
                record = json.loads(line)
            except ValueError:
                record = None
        out.write(json.dumps(verdict_for(record, resolver), ensure_ascii=False) + "\n")
        n += 1
    return n


def run_verify_steps(input_path: Path, output: Path, resolver: Resolver | None = None) -> int:
    """The body of ``verify-steps``: check every line of ``input_path``, write the verdicts to ``output``."""
    try:
        lines = input_path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise TutorError(f"cannot read {input_path}: {exc.strerror or exc}") from None
    try:
        with output.open("w", encoding="utf-8") as out:
            n = verify_lines(lines, out, resolver)
    except OSError as exc:
        raise TutorError(f"cannot write {output}: {exc.strerror or exc}") from None
    typer.echo(_("{n} cases checked; verdicts in {output}").format(n=n, output=output), err=True)
    return n


@app.command("check")
def check(text: str = typer.Argument(..., help='A claim like "48/2 = 24" or a step "2x+3=11 -> x=4"')) -> None:
    """Check one claim or one step pair and say verified, refuted or undetermined."""
    if "->" in text:
        before, after = text.split("->", 1)
        results = [check_step_pair(before.strip(), after.strip())]
    else:
        results = check_text(text) or []
    if not results:
        typer.echo(_("undetermined: I found no math to check."))
        return
    for c in results:
        expected = " " + _("(expected {expected})").format(expected=c.expected) if (
            c.expected and c.status is Status.refuted) else ""
        typer.echo(_("{status}: {claim}{expected} - {explanation}").format(
            status=_(STATUS_WORDS[c.status]), claim=c.claim, expected=expected, explanation=c.explanation))
