"""Whole worked solutions: the first wrong step, or the final answer not following.

A solution is verified only when every checkable statement holds, at least one
statement could be checked, and the final answer equals what the steps
compute. Steps with no checkable math are listed as "not checkable"; they
never count as correct. This cannot see a wrong set-up whose arithmetic is
right (adding where one should subtract): the explanation says so.
"""

from __future__ import annotations

import re

import sympy as sp

from tutor.errors import VerificationError
from tutor.verify.algebra import check_step_pair, solution_satisfies
from tutor.verify.arithmetic import check_text, compare_numbers, find_claims, format_value
from tutor.verify.bounded import MATH_ERRORS, reason
from tutor.verify.chinese import restates_answer
from tutor.verify.parse import parse_chain, safe_parse
from tutor.verify.result import Check, SolutionCheck, Status, undetermined

_NUMBER = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?|-?\.\d+")
_QUESTION_EQ = re.compile(r"([0-9a-z+\-*/^().\s]*[a-z][0-9a-z+\-*/^().\s]*=[0-9a-z+\-*/^().\s]+)")


def _value(text: str):
    try:
        parts, ops = parse_chain(text)
    except VerificationError:
        return None
    v = parts[-1]
    return v if v.is_number and v.is_finite else None


def final_number(answer: str):
    """The number a final answer states (``$1,200``, ``x = 4``, ``12 apples``), or None."""
    text = answer.strip().replace("$", "")
    v = _value(re.sub(r"^\s*[a-zA-Z]\s*=\s*", "", text))
    if v is not None:
        return v
    nums = _NUMBER.findall(text)
    if len(nums) == 1:
        return _value(nums[0])
    return None


def computed_results(steps: list[str]) -> tuple[sp.Expr | None, str | None, list[sp.Expr]]:
    """What the steps compute: the last result stated, its text, and other results the last step states.

    The extra results are numbers right after a ``=`` in the last step, or every number of a
    last step with no arithmetic in it ("That means he lifted 352 kg"); operands never count.
    """
    last_step = steps[-1].replace("$", "") if steps else ""
    if re.search(r"[+*/×÷=]|\d\s*[-xX]\s*\d", last_step):
        stated = [_value(n) for n in re.findall(r"=\s*(" + _NUMBER.pattern + ")", last_step)]
    elif restates_answer(last_step):
        stated = []  # "答：还剩9页。" states the answer; it works nothing out, so it cannot vouch for it
    else:
        stated = [_value(n) for n in _NUMBER.findall(last_step)]
    numbers = [v for v in stated if v is not None]
    for step in reversed(steps):
        for claim in reversed(find_claims(step)):
            last = _value(claim.parts[-1])
            if last is not None:
                return last, claim.parts[-1], numbers
    return None, None, numbers


def _is_pure_math(step: str) -> bool:
    try:
        safe_parse(step)
    except VerificationError:
        return False
    return True


def check_final(steps: list[str], final_answer: str) -> Check:
    """Does the stated final answer equal what the steps compute?"""
    index = len(steps)
    given = final_number(final_answer)
    last, last_text, numbers = computed_results(steps)
    if given is None:
        return undetermined(final_answer, "final_answer", "I could not read a number in the final answer.", index)
    if last is None:
        return undetermined(final_answer, "final_answer", "The steps never compute a result to compare with.", index)
    if compare_numbers(last, given, final_answer.replace("$", "").strip(), False) is Status.verified \
            or compare_numbers(given, last, last_text or "", False) is Status.verified:
        return Check(Status.verified, final_answer, "final_answer", format_value(last),
                     "The final answer is what the steps worked out.", index)
    if any(n == given for n in numbers):
        return Check(Status.verified, final_answer, "final_answer", format_value(last),
                     "The final answer is a number the last step worked out.", index)
    if _computes_in_words_after(steps, last_text):
        return undetermined(final_answer, "final_answer",
                            "A step after the last calculation works something out in words, so the final answer "
                            "may come from there: there is no calculation to check it against.", index)
    return Check(Status.refuted, final_answer, "final_answer", format_value(last),
                 f"The steps work out {format_value(last)}, but the final answer says {final_answer.strip()}.", index)


_OPERATION_WORDS = re.compile(
    r"\b(?:multipl\w*|times|divid\w*|add(?:s|ed|ing)?|sum|subtract\w*|minus|plus|product|quotient)\b"
    r"|乘|除以|除|加上|相加|减去|相减|的积|的商|的和|的差")
"""Words that describe a calculation ("multiply the cuts by the minutes per cut", "将锯的次数乘以每次的时间")."""


def _computes_in_words_after(steps: list[str], last_text: str | None) -> bool:
    """Whether a step after the one holding the last calculation describes a calculation in words only
    (no claim the checker could read), so the final answer may be its unwritten result."""
    last_at = None
    for i, step in enumerate(steps):
        if any(last_text is not None and claim.parts[-1] == last_text for claim in find_claims(step)):
            last_at = i
    if last_at is None:
        return False
    return any(_OPERATION_WORDS.search(step) and not find_claims(step) and not restates_answer(step)
               for step in steps[last_at + 1:])


def check_steps(steps: list[str], final_answer: str | None = None, question: str = "") -> SolutionCheck:
    """Check every step of a solution and whether the final answer follows from them.

    Args:
        steps: the worked solution, one step per item (0-based indices in results).
        final_answer: the stated answer; it counts as step ``len(steps)``.
        question: the problem text; an equation in it is used to test the answer.

    Returns:
        SolutionCheck: refuted with ``first_error_step`` at the first false
        statement; verified only if all checkable statements hold and the final
        answer follows; otherwise undetermined (also when SymPy cannot evaluate
        a step: never an exception).
    """
    try:
        return _check_steps(steps, final_answer, question)
    except MATH_ERRORS as exc:
        return SolutionCheck(Status.undetermined, None, [], f"I could not check this solution: {reason(exc)}.",
                             list(range(len(steps)) if isinstance(steps, list) else []))


def _check_steps(steps: list[str], final_answer: str | None, question: str) -> SolutionCheck:
    checks: list[Check] = []
    unchecked: list[int] = []
    prev_math: str | None = None
    for i, step in enumerate(steps):
        step_checks = [c.at_step(i) for c in check_text(step)]
        if _is_pure_math(step):
            if prev_math is not None:
                pair = check_step_pair(prev_math, step).at_step(i)
                if pair.status is not Status.undetermined:
                    step_checks = [c for c in step_checks if c.kind != "equation"] + [pair]
            prev_math = step
        checks.extend(step_checks)
        if not any(c.status is Status.verified for c in step_checks) and not any(
            c.status is Status.refuted for c in step_checks
        ):
            unchecked.append(i)
        refuted = next((c for c in step_checks if c.status is Status.refuted), None)
        if refuted is not None:
            return SolutionCheck(Status.refuted, i, checks, f"Step {i + 1} is wrong: {refuted.explanation}", unchecked)
    if final_answer is not None:
        final = check_final(steps, final_answer)
        eq = _question_equation(question)
        if eq is not None and final.status is not Status.refuted:
            sat = solution_satisfies(eq, final_answer).at_step(len(steps))
            if sat.status is not Status.undetermined:
                final = sat
        checks.append(final)
        if final.status is Status.refuted:
            return SolutionCheck(Status.refuted, len(steps), checks, final.explanation, unchecked)
        if final.status is Status.undetermined:
            return SolutionCheck(Status.undetermined, None, checks,
                                 f"No wrong step found, but {final.explanation[0].lower()}{final.explanation[1:]}",
                                 unchecked)
    if not any(c.status is Status.verified for c in checks):
        return SolutionCheck(Status.undetermined, None, checks, "There was no math here that I could check.", unchecked)
    note = ""
    if unchecked:
        note = f" Steps I could not check: {', '.join(str(i + 1) for i in unchecked)}."
    return SolutionCheck(
        Status.verified, None, checks,
        "Every calculation I could check is right and the final answer follows from the steps. "
        "I cannot tell whether the plan itself fits the question." + note,
        unchecked,
    )


def _question_equation(question: str) -> str | None:
    """An equation stated in the question (``Solve 2x + 3 = 11``), if there is one."""
    if not question or len(question) > 2_000:
        return None
    for m in _QUESTION_EQ.finditer(question):
        candidate = m.group(1).strip()
        try:
            rel = safe_parse(candidate)
        except VerificationError:
            continue
        if isinstance(rel, sp.Eq) and len((rel.lhs - rel.rhs).free_symbols) == 1:
            return candidate
    return None
