"""Grading measured answers as a child types them.

The verifier reads "3 h 20 min", "$4.05", "405 cents" and "2.4 km" against a gold with a unit. This checker adds
what it does not read: a time of day ("3:45", "3:45 pm", "3点45分", "3点半", "half past 3") for a clock answer,
and Chinese quantities whose unit it mixes up ("2小时5分", "405分" of money, "3千克", "4角"). A refuted answer
that is one of the problem's common wrong answers, written either way, is named.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from curriculum.measurement import _
from tutor.plugin_api import Grade, Problem, claim_holds, compare_answers

UNIT_FACTORS: dict[str, tuple[str, Fraction]] = {}
"""A unit code (the problem's ``answer_unit``) or a Chinese unit word -> (kind, size in the kind's base unit)."""


def _units(kind: str, factor: Any, *names: str) -> None:
    for name in names:
        UNIT_FACTORS[name] = (kind, Fraction(factor))


_units("time", 1, "s", "秒", "秒钟")
_units("time", 60, "min", "分钟", "分")
_units("time", 3600, "h", "小时", "时", "钟头")
_units("money", 1, "¢", "分")
_units("money", 10, "角", "毛")
_units("money", 100, "$", "元", "块")
_units("length", 1, "mm", "毫米")
_units("length", 10, "cm", "厘米")
_units("length", 100, "分米")
_units("length", 1000, "m", "米")
_units("length", 1000000, "km", "千米", "公里")
_units("inch", 1, "in", "英寸")
_units("inch", 12, "ft", "英尺")
_units("inch", 36, "yd", "码")
_units("mass", 1, "g", "克")
_units("mass", 1000, "kg", "千克", "公斤")
_units("ounce", 1, "oz", "盎司")
_units("ounce", 16, "lb", "磅")
_units("volume", 1, "ml", "毫升")
_units("volume", 1000, "l", "升")
_units("angle", 1, "°", "度")
_units("area", 1, "cm²", "平方厘米")
_units("area", 10000, "m²", "平方米")
_units("cube", 1, "cm³", "立方厘米")

_ZH_WORDS = sorted((u for u in UNIT_FACTORS if not u.isascii()), key=len, reverse=True)
_ZH_PART = re.compile(r"\s*(\d+(?:\.\d+)?(?:/\d+)?)\s*(" + "|".join(map(re.escape, _ZH_WORDS)) + r")(?:钟|整)?\s*")
_HALF = re.compile(r"^\s*(\d+)\s*(?:点|時|时)\s*半\s*$")
_CLOCK = re.compile(r"^\s*(?:上午|下午|中午|晚上|早上)?\s*(\d{1,2})\s*(?::|：|点|时|\.)\s*(\d{1,2})?\s*(?:分)?\s*"
                    r"(?:a\.?m\.?|p\.?m\.?)?\s*$", re.IGNORECASE)
_OCLOCK = re.compile(r"^\s*(\d{1,2})\s*(?:o'?clock|点钟?|点整|时整)?\s*(?:a\.?m\.?|p\.?m\.?)?\s*$", re.IGNORECASE)
_DURATION = re.compile(r"^\s*(\d+)\s*:\s*(\d{2})\s*$")
_HALF_PAST = re.compile(r"^\s*half\s+past\s+(\d{1,2})\s*$", re.IGNORECASE)


def measured_gold(problem: Problem) -> Any:
    """The gold with its unit as text ("200 min"), as the tutor grades it; else the answer itself."""
    if not problem.answer_unit or isinstance(problem.answer, (tuple, list, set, frozenset)):
        return problem.answer
    f = _fraction(problem.answer)
    if f is None:
        return problem.answer
    text = str(f.numerator) if f.denominator == 1 else (
        f"{float(f):.10g}" if 10**10 % f.denominator == 0 else f"{f.numerator}/{f.denominator}")
    return f"{text} {problem.answer_unit}"


def _fraction(value: Any) -> Fraction | None:
    if hasattr(value, "p") and hasattr(value, "q"):
        return Fraction(int(value.p), int(value.q))
    if isinstance(value, int):
        return Fraction(value)
    return None


def read_clock(text: str) -> tuple[int, int] | None:
    """A time of day as (hour on a 12-hour clock, minute): "3:45 pm" -> (3, 45); "15:45" -> (3, 45)."""
    text = text.strip().rstrip(".。")
    m = _HALF.match(text) or _HALF_PAST.match(text)
    if m:
        hour, minute = int(m.group(1)), 30
    elif (m := _OCLOCK.match(text)) and not text.strip().isdigit():
        hour, minute = int(m.group(1)), 0
    elif m := _CLOCK.match(text):
        if m.group(2) is None and not re.search(r"[点时]", text):
            return None
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
    else:
        return None
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    return (hour % 12 or 12), minute


def read_quantity(text: str, code: str) -> Fraction | None:
    """A Chinese quantity in the unit ``code`` ("2小时5分" in min -> 125; "4元5角" in ¢ -> 450); None when the
    text is not one, or its units are of another kind."""
    if code not in UNIT_FACTORS:
        return None
    kind, size = UNIT_FACTORS[code]
    text = text.strip().rstrip(".。")
    pos, total, found = 0, Fraction(0), False
    while pos < len(text):
        m = _ZH_PART.match(text, pos)
        if m is None or m.end() == pos:
            return None
        name = m.group(2)
        if name == "分":  # 分 is a minute of time and a cent of money
            part_kind, part_size = ("money", Fraction(1)) if kind == "money" else ("time", Fraction(60))
        else:
            part_kind, part_size = UNIT_FACTORS[name]
        if part_kind != kind:
            return None
        total += Fraction(m.group(1)) * part_size
        pos, found = m.end(), True
    return total / size if found else None


class MeasureChecker:
    """The verifier first; then a clock time or a Chinese quantity read here; a common wrong answer named."""

    def __init__(self, skill_id: str) -> None:
        self.skill_id = skill_id

    def check(self, given: str, problem: Problem) -> Grade:
        grade = compare_answers(given, measured_gold(problem))
        if grade.status == "verified":
            return grade
        value = self.read(given, problem)
        if value is None:
            return grade
        if _same(value, problem.answer):
            m = _DURATION.match(given)
            if problem.answer_unit == "min" and m and int(m.group(2)) >= 60:
                return Grade("refuted", _("An hour has only 60 minutes: write fewer than 60 minutes after the "
                                          "colon, or give the time in minutes only."))
            return Grade("verified", _("This answer matches the right answer."))
        for m in problem.misconceptions:
            if _same(value, m.answer):
                return Grade("refuted", m.explanation, m.tag)
        return Grade("refuted", _("This answer does not match the right answer."))

    @staticmethod
    def read(given: str, problem: Problem) -> Any:
        """The child's answer as a value comparable with the gold, or None when it is not read here."""
        if isinstance(problem.answer, tuple):
            clock = read_clock(given)
            return None if clock is None else clock
        if problem.answer_unit == "min" and (m := _DURATION.match(given)):
            return Fraction(int(m.group(1)) * 60 + int(m.group(2)))  # "1:20" for a time that lasts 80 minutes
        if problem.answer_unit:
            return read_quantity(given, problem.answer_unit)
        return None


def _same(value: Any, gold: Any) -> bool:
    if isinstance(gold, tuple):
        if not isinstance(value, tuple) or len(value) != len(gold):
            return False
        return all(int(a) == int(b) for a, b in zip(value, gold))
    if isinstance(value, tuple):
        return False
    if isinstance(value, Fraction):
        import sympy

        value = sympy.Rational(value.numerator, value.denominator)
    try:
        return claim_holds(value, gold) is True
    except Exception:  # a value SymPy cannot compare is not this answer
        return False
