"""What the measurement generators share: unit names in both languages and how quantities are written."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy

from curriculum.kit import N_, decimal_text
from curriculum.measurement import _

UNIT_NAMES = {
    "cm": N_("cm"), "m": N_("m"), "km": N_("km"), "g": N_("g"), "kg": N_("kg"), "l": N_("L"), "ml": N_("mL"),
    "s": N_("s"), "min": N_("min"), "h": N_("h"), "in": N_("in"), "ft": N_("ft"), "yd": N_("yd"), "lb": N_("lb"),
    "oz": N_("oz"), "cm²": N_("cm²"), "m²": N_("m²"), "cm³": N_("cm³"), "°": "°",
}
"""A unit code (as ``Problem.answer_unit`` writes it) -> its short name, a msgid ("cm" -> 厘米)."""

UNIT_WORDS = {
    "cm": N_("centimeters"), "m": N_("meters"), "km": N_("kilometers"), "g": N_("grams"), "kg": N_("kilograms"),
    "l": N_("liters"), "ml": N_("milliliters"), "s": N_("seconds"), "min": N_("minutes"), "h": N_("hours"),
    "in": N_("inches"), "ft": N_("feet"), "yd": N_("yards"), "lb": N_("pounds"), "oz": N_("ounces"),
    "cm²": N_("square centimeters"), "m²": N_("square meters"), "cm³": N_("cubic centimeters"), "°": N_("degrees"),
    "¢": N_("cents"), "$": N_("dollars"),
}
"""A unit code -> its name in words, for "How many centimeters ...?" (厘米, 平方厘米 ...)."""


def unit(code: str) -> str:
    """The unit's short name in the content language."""
    name = UNIT_NAMES[code]
    return name if name == "°" else _(name)


def words(code: str) -> str:
    """The unit's name in words in the content language."""
    return _(UNIT_WORDS[code])


def num(value: Any) -> str:
    """A number as a child writes it: 12, 2.5, 3/4, 2 1/2 (a mixed number for a fraction over 1)."""
    f = Fraction(int(value.p), int(value.q)) if hasattr(value, "p") else Fraction(value)
    if f.denominator == 1:
        return str(f.numerator)
    whole, rest = divmod(f.numerator, f.denominator)
    return f"{rest}/{f.denominator}" if whole == 0 else f"{whole} {rest}/{f.denominator}"


def qty(value: Any, code: str) -> str:
    """A measurement: "12 cm" (12厘米), "45°", "87¢" (87分), "$4.05" (4.05元)."""
    if code == "°":
        return f"{num(value)}°"
    if code == "¢":
        return _("{n}¢").format(n=num(value))
    if code == "$":
        return money(value)
    return _("{n} {unit}").format(n=num(value), unit=unit(code))


def money(dollars: Any) -> str:
    """An amount of money: "$4.05" (4.05元), "$3" (3元)."""
    r = sympy.Rational(dollars)
    text = str(r) if r.q == 1 else f"{float(r):.2f}"
    return _("${amount}").format(amount=text)


def dollars_text(r: Any) -> str:
    """The plain decimal of an amount of dollars, as typed: 4.05, 3.5, 12."""
    return decimal_text(sympy.Rational(r), 2)


def clock_text(hour: int, minute: int) -> str:
    """A time of day as a clock shows it: 7:05."""
    return f"{hour}:{minute:02d}"


def time_answer(hour: int, minute: int) -> tuple[sympy.Integer, sympy.Integer]:
    """A time of day as the problem's answer: (hour, minute), read back from "7, 05" and (by the checker) "7:05"."""
    return (sympy.Integer(hour), sympy.Integer(minute))


def time_answer_text(hour: int, minute: int) -> str:
    return f"{hour}, {minute:02d}"


def later(hour: int, minute: int, minutes: int) -> tuple[int, int]:
    """The 12-hour clock time ``minutes`` after hour:minute."""
    total = (hour % 12) * 60 + minute + minutes
    h, m = divmod(total % 720, 60)
    return (h or 12), m


def add(*terms: Any) -> Any:
    """An unevaluated sum, for a step's claim."""
    return sympy.Add(*[sympy.sympify(t) for t in terms], evaluate=False)


def mul(*factors: Any) -> Any:
    """An unevaluated product, for a step's claim."""
    return sympy.Mul(*[sympy.sympify(f) for f in factors], evaluate=False)


def sub(a: Any, b: Any) -> Any:
    """An unevaluated difference a - b."""
    return sympy.Add(sympy.sympify(a), -sympy.sympify(b), evaluate=False)
