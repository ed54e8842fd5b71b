"""Reading and grading a student's typed answer: the one path for Practice and the tutor chat.

A child types "the answer is 12", "x = 12", "12 cm", "$4.05" or a few lines
of work ending in "= 12". :func:`read_typed` turns that into the readings to
try, most literal first; :func:`grade_typed` grades them against the plugin's
ground truth (its checker, else the verifier) and keeps the first reading that
decides. Nothing here asks a language model.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ANSWER_LEAD = re.compile(
    r"^\s*(?:(?:my answer is|the answer is|answer:?|i got|i get|i think it'?s|i think|it'?s|it is|is it|maybe|"
    r"so|final answer:?"
    r"|(?:我的)?答案(?:是|为|[:：])|我(?:算出来|算出|算得|得出|得到|觉得|认为|猜)(?:的)?(?:是|为|得)?|"
    r"应该是|是不是|结果(?:是|为)|等于|所以(?:是)?)\s*)+",
    re.I,
)
"""Words a student puts before an answer, one or several ("so the answer is 12", "所以答案是12", "我算出来是12")."""

_NUMBER = r"[-+−]?\d[\d,]*(?:\.\d+)?(?:\s*/\s*\d+)?|[-+−]?\.\d+"
_CURRENCY = re.compile(rf"^\s*([-+−]?)\s*[$€£¥]\s*({_NUMBER})\s*$")
_UNIT_TAIL = re.compile(rf"^\s*({_NUMBER})\s*(?:[a-zA-Z][a-zA-Z.]*(?:\s*[²³]|\^\s*[23])?(?:\s+[a-zA-Z][a-zA-Z.]*){{0,2}}|°|%)\s*$")
_MATH_WORDS = frozenset({"pi", "sqrt", "e", "i", "x", "y", "z", "n", "a", "b", "c", "k", "m", "t", "oo", "inf"})


@dataclass(frozen=True)
class TypedAnswer:
    """What a student typed, read for grading."""

    text: str
    """The whole text, trimmed (what is stored as the answer given)."""
    lines: tuple[str, ...]
    """Non-empty lines; two or more are a worked solution whose last line holds the answer."""
    readings: tuple[str, ...]
    """Forms of the answer to grade, most literal first."""

    @property
    def is_work(self) -> bool:
        return len(self.lines) >= 2

    @property
    def final(self) -> str:
        """The answer as the student wrote it, after any lead-in."""
        return self.readings[0] if self.readings else ""

    @property
    def value(self) -> str:
        """The answer's value: what follows the last "=" of the final answer, if it has one."""
        final = self.final
        return final.split("=")[-1].strip() if "=" in final else final


def _without_unit(text: str) -> str | None:
    m = _CURRENCY.match(text)
    if m:
        return (m.group(1) + m.group(2)).replace(",", "")
    m = _UNIT_TAIL.match(text)
    if m and text[m.end(1):].strip().lower() not in _MATH_WORDS:
        return m.group(1).replace(",", "")
    return None


def read_typed(text: str) -> TypedAnswer:
    """The readings of a typed answer: lead-in removed; then what follows the last "="; then without a unit."""
    text = (text or "").strip()
    lines = tuple(ln.strip() for ln in text.splitlines() if ln.strip())
    if not lines:
        return TypedAnswer(text, (), ())
    answer = lines[-1] if len(lines) >= 2 else text
    answer = ANSWER_LEAD.sub("", answer).strip().rstrip(".!。！").strip()
    readings = [answer] if answer else []
    if "=" in answer:
        rhs = answer.split("=")[-1].strip()
        if rhs:
            readings.append(rhs)
    for r in list(readings):
        bare = _without_unit(r)
        if bare:
            readings.append(bare)
    # Chinese answers (issue 15): "27只", "三分之二", "答案是１２" are also read as plain math ("27", "2/3", "12")
    from tutor.verify.chinese import answer_text, has_chinese

    readings += [plain for r in list(readings) if has_chinese(r) and (plain := answer_text(r))]
    return TypedAnswer(text, lines, tuple(dict.fromkeys(readings)))


def grade_typed(check: Callable[[str], Any], typed: TypedAnswer | str) -> tuple[Any, str]:
    """Grade each reading with ``check`` (reading -> plugin ``Grade``); the first verified or refuted one decides.

    Returns the grade (undetermined when no reading could be decided) and the reading it is for.
    """
    from tutor.plugin_api import Grade

    if isinstance(typed, str):
        typed = read_typed(typed)
    last = Grade("undetermined", "The answer could not be read.")
    for reading in typed.readings:
        grade = check(reading)
        if grade.status in ("verified", "refuted"):
            return grade, reading
        last = grade
    return last, typed.final


def grade_for_problem(plugins, problem, typed: TypedAnswer | str) -> tuple[Any, str]:
    """:func:`grade_typed` against a plugin problem's ground truth (its skill's checker, else the verifier)."""
    return grade_typed(lambda reading: plugins.check(problem, reading), typed)


__all__ = ["ANSWER_LEAD", "TypedAnswer", "grade_for_problem", "grade_typed", "read_typed"]
