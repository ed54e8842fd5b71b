"""Serving problems: generate one that verifies, grade an answer to it, and climb its hint ladder.

Generators, checkers and hint ladders are plugin code, so each call here is
guarded: a plugin's bug is reported against the plugin (``registry.report``)
and reaches the student as "not served" or "not graded", never as a traceback
and never as "correct".

Every problem is written in one language: the one asked for (default: the
app's current language) when the skill's plugin offers it, else the plugin's
first language, with ``Problem.requested_language`` saying what was asked for
(:func:`language_notice` words that for the student). The language never
changes the numbers: a generator draws them from the seed alone.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tutor.errors import NotFound, PluginError, ValidationError
from tutor.plugin_api import HINT_LEVELS, N_, Grade, Hint, Problem, _, claim_holds, default_hints, writing_in

if TYPE_CHECKING:
    from tutor.registry import Registry


LANGUAGE_NAMES = {"en": N_("English"), "zh": N_("Chinese")}
"""Each content language's name as a msgid (the notice says it in the student's language)."""


def serving_language(registry: Registry, skill_id: str, language: str | None = None) -> tuple[str, str]:
    """(requested, served): ``language`` (default: the app's current one) and the one the skill is written in."""
    from tutor.i18n import current_language, normalise

    requested = normalise(language) if language else current_language()
    offered = registry.languages_of(skill_id)
    return requested, requested if requested in offered else offered[0]


def generate(registry: Registry, skill_id: str, seed: int = 0, difficulty: int = 1, *,
             language: str | None = None) -> Problem:
    """A verified problem for ``skill_id`` in ``language`` (see the module docstring); raise PluginError rather
    than serve an unverified one."""
    registry.skill(skill_id)
    gen = registry.generators.get(skill_id)
    if gen is None:
        raise NotFound(f"No generator for skill {skill_id!r}; skills with generators: {', '.join(sorted(registry.generators))}")
    levels = tuple(getattr(gen, "difficulties", (1,)))
    if difficulty not in levels:
        raise ValidationError(f"Difficulty {difficulty} is not offered for {skill_id!r}; choose one of {levels}")
    name = registry.skill_plugin[skill_id]
    requested, served = serving_language(registry, skill_id, language)
    try:
        with writing_in(served):
            problem = gen.generate(seed, difficulty)
    except Exception as exc:  # a plugin's bug must not reach the student as a traceback
        registry.report(name, f"generator for {skill_id!r} raised {type(exc).__name__}: {exc}")
        raise PluginError(f"Plugin {name}: the generator for {skill_id!r} failed ({exc}).") from exc
    errors = validate_problem(problem, skill_id)
    if errors:
        msg = f"generator for {skill_id!r} made a problem that does not verify (seed {seed}, difficulty {difficulty}): {errors[0]}"
        registry.report(name, msg)
        raise PluginError(f"Plugin {name}: {msg}")
    return replace(problem, language=served, requested_language=requested)


def language_notice(problem: Problem) -> str:
    """For the student, in the language they asked for: that this problem is in another language ("" when not)."""
    if problem.in_requested_language:
        return ""
    lang = problem.requested_language
    name = _.gettext(LANGUAGE_NAMES.get(problem.language, problem.language), lang)
    return _.gettext("This skill is not available in your language yet, so this problem is in {language}.",
                     lang).format(language=name)


def check(registry: Registry, problem: Problem, given: str) -> Grade:
    """Grade ``given`` against ``problem``: the skill's checker if any, else the verifier."""
    from tutor.plugin_api import compare_answers

    checker = registry.checkers.get(problem.skill_id)
    if checker is None:
        grade = compare_answers(given, _measured_gold(problem))
    else:
        with writing_in(problem.language):  # a checker's explanation is in the problem's language
            try:
                grade = checker.check(given, problem)
            except Exception as exc:  # a checker's bug becomes "could not decide", never "correct"
                registry.report(registry.skill_plugin.get(problem.skill_id, "?"),
                                f"checker for {problem.skill_id!r} raised {exc!r}")
                return Grade("undetermined", _("The answer checker failed; your answer was not graded."))
        if not isinstance(grade, Grade):
            return Grade("undetermined", _("The answer checker gave no verdict."))
    if grade.status == "refuted" and not grade.mistake:
        return _misconception(problem, given) or grade
    return grade


def _measured_gold(problem: Problem) -> Any:
    """The ground truth with its unit as text ("200 min"), so "3 h 20 min" and "200" are both read; else as is."""
    if not problem.answer_unit or isinstance(problem.answer, (tuple, list, set, frozenset)):
        return problem.answer
    value = problem.answer
    if getattr(value, "is_Rational", False) or isinstance(value, int):
        from fractions import Fraction

        f = Fraction(int(value.p), int(value.q)) if hasattr(value, "p") else Fraction(value)
        text = str(f.numerator) if f.denominator == 1 else (
            f"{float(f):.10g}" if 10**10 % f.denominator == 0 else f"{f.numerator}/{f.denominator}")
        return f"{text} {problem.answer_unit}"
    return value


def _misconception(problem: Problem, given: str) -> Grade | None:
    """A refuted answer that is one of the problem's common wrong answers: the grade names the misconception."""
    from tutor.plugin_api import compare_answers

    for m in problem.misconceptions:
        if compare_answers(given, m.answer).status == "verified":
            return Grade("refuted", m.explanation, m.tag)
    return None


def hints(registry: Registry, problem: Problem) -> tuple[Hint, ...]:
    """The hint ladder for a problem: the skill's registered ladder, the problem's own, or a default."""
    with writing_in(problem.language):  # hints are in the problem's language
        ladder = registry.hint_ladders.get(problem.skill_id)
        if ladder is not None:
            try:
                ladder_hints = tuple(ladder(problem))
                if ladder_hints:
                    return ladder_hints
            except Exception as exc:  # fall back to the problem's own ladder
                registry.report(registry.skill_plugin.get(problem.skill_id, "?"), f"hint ladder raised {exc!r}")
        return problem.hints or default_hints(problem.steps, problem.answer_text, _("What is the question asking for?"))


def validate_problem(problem: Any, skill_id: str) -> list[str]:
    """Why a generated problem must not be served (empty list: it verifies).

    Every step's claim is checked with SymPy on the generator's own objects
    (never on text), and the written answer must read back as the ground truth
    through the verifier's safe parser.
    """
    if not isinstance(problem, Problem):
        return [f"expected a Problem, got {type(problem).__name__}"]
    errors = []
    if problem.skill_id != skill_id:
        errors.append(f"problem is for skill {problem.skill_id!r}, not {skill_id!r}")
    if problem.answer is None or not problem.answer_text.strip():
        errors.append("no answer")
    if not problem.steps:
        errors.append("no worked solution")
    if not problem.statement.strip():
        errors.append("no statement")
    for i, step in enumerate(problem.steps, 1):
        if step.lhs is None:
            continue
        holds = claim_holds(step.lhs, step.rhs, problem.bindings)
        if holds is not True:
            errors.append(f"step {i} ({step.text!r}) is {'false' if holds is False else 'not checkable'}")
    levels = [h.level for h in problem.hints]
    if levels and (any(lv not in HINT_LEVELS for lv in levels) or levels != sorted(levels, key=HINT_LEVELS.index)):
        errors.append(f"hint ladder levels {levels} are not in the order {HINT_LEVELS}")
    if problem.figure is not None:
        from tutor.figures import figure_problems

        errors += figure_problems(problem.figure, problem.data, answer=problem.answer, statement=problem.statement)
    for m in problem.misconceptions:
        if not m.tag or not m.explanation:
            errors.append("a misconception needs a tag and an explanation")
        elif _holds(m.answer, problem.answer):
            errors.append(f"misconception {m.tag!r} gives the right answer")
    if not errors:
        grade = _readback(problem)
        if grade is not None and grade.status != "verified":
            errors.append(f"the written answer {problem.answer_text!r} does not verify as the ground truth ({grade.status})")
    return errors


def _holds(a: Any, b: Any) -> bool:
    try:
        return claim_holds(a, b) is True
    except Exception:  # values SymPy cannot compare are not equal as far as serving goes
        return False


def _readback(problem: Problem) -> Grade | None:
    if not verifier_ready():
        return None
    from tutor.plugin_api import compare_answers

    return compare_answers(problem.answer_text, _measured_gold(problem))


@functools.cache
def verifier_ready() -> bool:
    """Whether the verifier can read answers at all (it verifies "1" against 1); asked once per process.

    While it cannot (not installed, or an early build that answers everything
    with "undetermined"), problems are served on the strength of the SymPy step
    checks alone; students' answers then grade as undetermined, never correct.
    """
    try:
        import sympy

        from tutor.plugin_api import compare_answers

        return compare_answers("1", sympy.Integer(1)).status == "verified"
    except Exception:  # ImportError, or a verifier bug: treat as not ready
        return False
