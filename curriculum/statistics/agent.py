"""``graph_reader``: reads a problem's graph, chart or table for the student, one piece per hint level.

Level 0 says what the picture shows, level 1 gives the values read from it, level 2 the computation with its
result left for the student, and only level 3 (the bottom-out) the answer. Every line comes from the problem's
own alt text, hint ladder and checked steps, in the problem's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import sympy

from curriculum.statistics import _
from tutor.plugin_api import (
    HINT_LEVELS,
    AgentDeps,
    AgentSpec,
    Problem,
    claim_holds,
    writing_in,
)

NAME = "graph_reader"
BOTTOM_OUT = HINT_LEVELS.index("bottom_out")
_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])-?\d+(?:\.\d+)?(?:/\d+)?(?![A-Za-z0-9_])")


def _states_answer(text: str, problem: Problem) -> bool:
    for token in _NUMBER.findall(text):
        try:
            if sympy.Rational(token) == sympy.Rational(problem.answer):
                return True
        except (TypeError, ValueError):
            continue
    return False


def _is_result(step, problem: Problem) -> bool:
    try:
        return step.lhs is not None and claim_holds(step.rhs, problem.answer) is True
    except (TypeError, ValueError, sympy.SympifyError):  # a claim SymPy cannot compare is not the answer
        return False


def reading_lines(problem: Problem) -> list[str]:
    """The three lines before the bottom-out: what is shown, the values needed, the computation left open."""
    what = problem.figure.alt if problem.figure is not None else _("The numbers are all in the question.")
    nudge = problem.hints[0].text if problem.hints else ""
    lines = [_("{what} {nudge}").format(what=what, nudge=nudge) if nudge else what]
    values = [s.text.rstrip(".。") for s in problem.steps if not _is_result(s, problem)
              and not _states_answer(s.text, problem)]
    method = problem.hints[1].text if len(problem.hints) > 1 else ""
    lines.append(_("The values you need: {values}.").format(values=_("; ").join(values)) if values else method)
    last = problem.steps[-1].text if problem.steps else ""
    open_step = last.rsplit("=", 1)[0].rstrip() + " = ?" if "=" in last else ""
    lines.append(open_step if open_step and not _states_answer(open_step, problem) else method)
    return [line if not _states_answer(line, problem) else method for line in lines]


def make_graph_reader(deps: AgentDeps):
    def read_graph(state: Mapping[str, Any]) -> dict[str, Any]:
        problem = deps.problem_of(state)
        if not isinstance(problem, Problem) or not problem.skill_id.startswith("sp.") or not problem.steps:
            return {"plugin_agent": NAME, "handled": False,
                    "plugin_reply": _("I read the graphs and tables of the statistics problems; this is not one.")}
        with writing_in(problem.language):
            level = int(state.get("hint_level") or 0)
            if level >= BOTTOM_OUT:
                text = _("Reading it all: {steps}. The answer is {answer}.").format(
                    steps=_("; ").join(s.text.rstrip(".。") for s in problem.steps), answer=problem.answer_text)
            else:
                text = reading_lines(problem)[max(0, level)]
        return {"plugin_agent": NAME, "handled": True, "plugin_reply": text}

    return read_graph


AGENT = AgentSpec(
    name=NAME,
    description="Reads a statistics problem's graph, chart or table for the student: what it shows, the values "
                "needed, then the computation, one piece per hint level, and the answer only at the bottom-out. "
                "Route here when a student asks about reading a graph, chart, plot or table.",
    factory=make_graph_reader,
    skills=("sp.tally_charts", "sp.bar_graphs", "sp.scaled_graphs", "sp.median_mode", "sp.box_plots", "sp.dot_plots",
            "sp.compare_groups", "sp.probability", "sp.sample_space", "sp.experimental", "sp.scatter", "sp.two_way"),
)
