"""The ``measurement_units`` agent: walks a measurement problem through its units, one piece per hint level.

Level 0 says which unit the answer is asked in; level 1 adds the facts that link the units (1 h = 60 min,
$1 = 100¢); level 2 adds the worked steps that do not yet state the answer; level 3 (the bottom-out) gives
every checked step and the answer. Everything comes from the problem's own data and checked steps, in the
problem's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from curriculum.measurement import _
from tutor.plugin_api import HINT_LEVELS, AgentDeps, Problem, claim_holds, writing_in

NAME = "measurement_units"
BOTTOM_OUT = HINT_LEVELS.index("bottom_out")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:/\d+)?")


def _numbers(text: str) -> set[Fraction]:
    out = set()
    for t in _NUMBER.findall(text):
        try:
            out.add(Fraction(t))
        except (ValueError, ZeroDivisionError):
            continue
    return out


def _answer_numbers(problem: Problem) -> set[Fraction]:
    parts = problem.answer if isinstance(problem.answer, tuple) else (problem.answer,)
    out = set()
    for p in parts:
        if hasattr(p, "p") and hasattr(p, "q"):
            out.add(Fraction(int(p.p), int(p.q)))
    return out


def states_answer(text: str, step: Any, problem: Problem) -> bool:
    """Whether a line gives the answer away: it writes the answer, a number equal to it (or to a part of a
    time) that the statement does not show, or it is a step whose claim is the answer."""
    if problem.answer_text and problem.answer_text in text:
        return True
    hidden = _answer_numbers(problem) - _numbers(problem.statement)
    if hidden & _numbers(text):
        return True
    if step is not None and step.lhs is not None and not isinstance(problem.answer, tuple):
        try:
            return any(claim_holds(side, problem.answer) is True for side in (step.lhs, step.rhs))
        except Exception:  # a claim SymPy cannot compare is not the answer
            return False
    return False


def unit_lines(problem: Problem) -> list[str]:
    """The lines before the bottom-out: the unit asked for, the facts linking units, the safe first steps."""
    data = problem.data
    lines = [_("The answer is asked in {unit}.").format(unit=data["unit"])]
    facts = list(data.get("facts") or [])
    if facts:
        lines.append(_("The fact that links the units: {facts}.").format(facts=_("; ").join(facts)))
    else:
        lines.append(_("Every number here is already in the same unit, so keep working in it."))
    shown = []
    for s in problem.steps:
        if states_answer(s.text, s, problem):
            break
        shown.append(s.text.rstrip(".。"))
    if shown:
        lines.append(_("Work in that unit: {steps}.").format(steps=_("; ").join(shown)))
    else:
        lines.append(_("Now work out the quantity in that unit yourself."))
    return lines


def solution_line(problem: Problem) -> str:
    return _("All the steps: {steps}. The answer is {answer}.").format(
        steps=_("; ").join(s.text.rstrip(".。") for s in problem.steps), answer=problem.answer_text)


def make_units_agent(deps: AgentDeps):
    """A LangGraph node: from ``state["problem"]`` (or ``skill_id``/``seed``/``difficulty``) and
    ``state["hint_level"]``, the problem's units one piece per level; the answer only at the bottom-out."""

    def measurement_units(state: Mapping[str, Any]) -> dict[str, Any]:
        problem = deps.problem_of(state)
        if not isinstance(problem, Problem) or not problem.skill_id.startswith("md.") or "unit" not in problem.data:
            return _declined()
        with writing_in(problem.language):
            lines = unit_lines(problem)
            level = state.get("hint_level")
            level = 0 if level is None else int(level)
            shown = [*lines, solution_line(problem)] if level >= BOTTOM_OUT else lines[: max(0, level) + 1]
        return {"plugin_agent": NAME, "handled": True, "plugin_reply": "\n".join(shown)}

    return measurement_units


def _declined() -> dict[str, Any]:
    return {"plugin_agent": NAME, "handled": False,
            "plugin_reply": _("I can walk through the units of the tutor's measurement problems; this is not one "
                              "of them.")}
