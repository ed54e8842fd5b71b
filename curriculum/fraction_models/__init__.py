"""Fractions as models (Common Core NF, grades 3–5): parts of a strip or circle, fractions on a number line,
equivalent and compared fractions, mixed numbers, tenths and hundredths, and the four operations with fractions,
each drawn from its numbers; with an agent that explains a problem through its model."""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from curriculum.fraction_models import gen
from curriculum.kit import N_, catalogue, register_table
from tutor import hookimpl
from tutor.plugin_api import (
    HINT_LEVELS,
    AgentDeps,
    AgentSpec,
    Grade,
    Problem,
    compare_answers,
    writing_in,
)

__version__ = "0.1.0"
LANGUAGES = ("en", "zh")
_ = catalogue(__file__, "fraction_models")

SUBJECT = N_("Fractions")
AGENT = "fraction_models"

SKILLS = [
    # id, title, grades, prerequisites, description, standards, generator
    ("nf.unit_fraction", N_("Fractions of a shape"), 3, 3, (),
     N_("Name the fraction of a strip or a circle that is shaded, from its equal parts."), ("3.NF.A.1", "3.G.A.2"),
     gen.unit_fraction),
    ("nf.number_line", N_("Fractions on a number line"), 3, 3, ("nf.unit_fraction",),
     N_("Read a fraction on a number line by counting equal spaces from 0."), ("3.NF.A.2", "3.NF.A.2a", "3.NF.A.2b"),
     gen.number_line),
    ("nf.equivalent", N_("Equivalent fractions with models"), 3, 4, ("nf.unit_fraction",),
     N_("Find an equal fraction by cutting the same whole into more or fewer parts."),
     ("3.NF.A.3b", "4.NF.A.1"), gen.equivalent),
    ("nf.compare", N_("Compare fractions"), 3, 4, ("nf.unit_fraction", "nf.equivalent"),
     N_("Compare two fractions with the same denominator, the same numerator, or a common denominator."),
     ("3.NF.A.3d", "4.NF.A.2"), gen.compare),
    ("nf.mixed_numbers", N_("Mixed numbers and improper fractions"), 4, 4, ("nf.equivalent",),
     N_("Change a mixed number to a fraction and a fraction greater than one to a mixed number."),
     ("4.NF.B.3b", "4.NF.B.3c"), gen.mixed_numbers),
    ("nf.add_like", N_("Add and subtract like fractions"), 4, 4, ("nf.unit_fraction", "nf.mixed_numbers"),
     N_("Add and subtract fractions and mixed numbers with the same denominator."),
     ("4.NF.B.3a", "4.NF.B.3c", "4.NF.B.3d"), gen.add_like),
    ("nf.mult_whole", N_("Multiply a fraction by a whole number"), 4, 4, ("nf.add_like", "arith.mult_div"),
     N_("Multiply a fraction by a whole number as equal groups of parts."), ("4.NF.B.4a", "4.NF.B.4b", "4.NF.B.4c"),
     gen.mult_whole),
    ("nf.decimal_fractions", N_("Tenths and hundredths"), 4, 4, ("nf.equivalent",),
     N_("Write tenths as hundredths, add them, and compare decimals."), ("4.NF.C.5", "4.NF.C.6", "4.NF.C.7"),
     gen.decimal_fractions),
    ("nf.add_unlike", N_("Add and subtract unlike fractions"), 5, 5, ("nf.add_like", "nf.equivalent"),
     N_("Solve word problems adding and subtracting fractions with different denominators."),
     ("5.NF.A.1", "5.NF.A.2"), gen.add_unlike),
    ("nf.multiply", N_("Multiply fractions with area models"), 5, 5, ("nf.mult_whole",),
     N_("Multiply two fractions and find the area of a rectangle with fraction sides."), ("5.NF.B.4a", "5.NF.B.4b"),
     gen.multiply),
    ("nf.divide_unit", N_("Divide with unit fractions"), 5, 5, ("nf.mult_whole",),
     N_("Divide a unit fraction by a whole number and a whole number by a unit fraction."),
     ("5.NF.B.7a", "5.NF.B.7b", "5.NF.B.7c"), gen.divide_unit),
]

BOTTOM_OUT = HINT_LEVELS.index("bottom_out")
IMPROPER = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")
MIXED = re.compile(r"^\s*\d+\s+\d+\s*/\s*\d+\s*$")


class MixedNumberChecker:
    """The right value in the other form is not what was asked: 11/4 when a mixed number is asked for, and
    2 3/4 when a fraction is asked for, are refuted with a tag (any wrong value goes to the misconceptions)."""

    skill_id = "nf.mixed_numbers"

    def check(self, given: str, problem: Problem) -> Grade:
        grade = compare_answers(given, problem.answer)
        if grade.status != "verified":
            return grade
        m = IMPROPER.match(given)
        if problem.data.get("ask") == "mixed" and m and int(m.group(1)) >= int(m.group(2)):
            return Grade("refuted", _("{given} has the right value, but the question asks for a mixed number: "
                                      "take the wholes out.").format(given=given.strip()), "not_a_mixed_number")
        if problem.data.get("ask") == "fraction" and MIXED.match(given):
            return Grade("refuted", _("{given} has the right value, but the question asks for a fraction: turn "
                                      "the wholes into parts.").format(given=given.strip()), "not_a_fraction")
        return grade
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:/\d+)?")


def _states(text: str, answer: Any) -> bool:
    """Whether ``text`` writes a number equal to the answer."""
    try:
        gold = Fraction(int(answer.p), int(answer.q))
    except (AttributeError, TypeError):
        return False
    for token in _NUMBER.findall(text):
        try:
            if Fraction(token) == gold:
                return True
        except (ValueError, ZeroDivisionError):
            continue
    return False


def model_lines(problem: Problem) -> list[str]:
    """The model, one piece per hint level: the whole, its equal parts, the parts taken, then the next step of
    the checked solution (a piece that would state the answer early is said in words instead)."""
    m = problem.data.get("model")
    if not m:
        return []
    lines = [
        _("The whole is {whole}.").format(whole=_(m["whole"])),
        _("It is cut into {parts} equal parts, so each part is 1/{parts} of the whole.").format(parts=m["parts"]),
        _("Count the parts you take: {taken} parts of that size.").format(taken=m["taken"]),
    ]
    quiet = [
        _("Find the whole first: what is one whole here?"),
        _("Count the equal parts the whole is cut into."),
        _("Count the parts that are taken, then write them over the number of equal parts."),
    ]
    return [quiet[i] if _states(line, problem.answer) else line for i, line in enumerate(lines)]


def make_model_agent(deps: AgentDeps):
    """A LangGraph node explaining a fraction problem through its model, one more piece per hint level; the
    answer (with the rest of the checked steps) only at the bottom-out level."""

    def explain_model(state: Mapping[str, Any]) -> dict[str, Any]:
        problem = deps.problem_of(state)
        if not isinstance(problem, Problem):
            return _declined()
        with writing_in(problem.language):
            lines = model_lines(problem)
            if not lines:
                return _declined()
            level = state.get("hint_level")
            level = BOTTOM_OUT - 1 if level is None else int(level)
            if level >= BOTTOM_OUT:
                shown = [*lines, _("Then: {steps}. The answer is {answer}.").format(
                    steps=_("; ").join(s.text.rstrip(".。") for s in problem.steps), answer=problem.answer_text)]
            else:
                shown = lines[: max(0, level) + 1]
        return {"plugin_agent": AGENT, "handled": True, "plugin_reply": "\n".join(shown)}

    return explain_model


def _declined() -> dict[str, Any]:
    return {"plugin_agent": AGENT, "handled": False,
            "plugin_reply": _("I can explain the tutor's fraction problems with their models; this one has none.")}


@hookimpl
def register_skills(register):
    register_table(register, None, SKILLS, _, SUBJECT)


@hookimpl
def register_generators(register):
    register_table(None, register, SKILLS, _, SUBJECT)


@hookimpl
def register_checkers(register):
    register(MixedNumberChecker())


@hookimpl
def register_agents(register):
    register(AgentSpec(
        name=AGENT,
        description="Explains a fraction problem with its model (strip, circle, number line, area grid): what the "
                    "whole is, how many equal parts, how many are taken, then the combined fraction, one piece per "
                    "hint level. Route here when a student asks about the current fraction problem.",
        factory=make_model_agent,
        skills=tuple(s[0] for s in SKILLS),
    ))
