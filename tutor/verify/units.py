"""A measured answer, "2400 m", "2,400 meters", "48 oz", "60 mph": its number and its unit, compared as a quantity.

Only a whole answer that is a number followed by one unit word is read here (``split_quantity``); anything
else is left to the other readers. ``compare_quantities`` then decides:

- the same unit written two ways ("2400 meters", "2400 m") compares the numbers;
- two units of one kind ("2.4 km", "2400 m") compare after conversion, exactly (``fractions.Fraction``);
- units of different kinds ("48 pounds", "48 ounces" is the same kind; "48 minutes" against "48 m" is not)
  are refuted;
- a bare number against a measured gold ("2400" for "2400 m") is the number in the gold's unit: the unit is
  the one the question asked for.
"""

from __future__ import annotations

import re
from fractions import Fraction

from tutor.verify.result import Status

# unit word -> (kind, factor to the kind's base unit)
_UNITS: dict[str, tuple[str, Fraction]] = {}


def _add(kind: str, factor: Fraction | int | str, *names: str) -> None:
    for name in names:
        _UNITS[name] = (kind, Fraction(factor))


_add("length", "1/1000", "mm", "millimeter", "millimeters", "millimetre", "millimetres")
_add("length", "1/100", "cm", "centimeter", "centimeters", "centimetre", "centimetres")
_add("length", 1, "m", "meter", "meters", "metre", "metres")
_add("length", 1000, "km", "kilometer", "kilometers", "kilometre", "kilometres")
_add("length", "0.0254", "in", "inch", "inches")
_add("length", "0.3048", "ft", "foot", "feet")
_add("length", "0.9144", "yd", "yard", "yards")
_add("length", "1609.344", "mi", "mile", "miles")
_add("mass", "1/1000", "mg", "milligram", "milligrams")
_add("mass", 1, "g", "gram", "grams")
_add("mass", 1000, "kg", "kilogram", "kilograms", "kilo", "kilos")
_add("mass", "28.349523125", "oz", "ounce", "ounces")
_add("mass", "453.59237", "lb", "lbs", "pound", "pounds")
_add("time", 1, "s", "sec", "secs", "second", "seconds")
_add("time", 60, "min", "mins", "minute", "minutes")
_add("time", 3600, "h", "hr", "hrs", "hour", "hours")
_add("time", 86400, "day", "days")
_add("time", 604800, "week", "weeks")
_add("volume", "1/1000", "ml", "milliliter", "milliliters", "millilitre", "millilitres")
_add("volume", 1, "l", "liter", "liters", "litre", "litres")
_add("speed", 1, "km/h", "kph", "kmh")
_add("speed", "1.609344", "mph")
_add("money", 1, "$", "dollar", "dollars")
_add("money", "1/100", "cent", "cents", "¢")
_add("area", "1/10000", "cm²", "cm^2", "cm2", "square centimeters", "square centimetres", "sq cm")
_add("area", 1, "m²", "m^2", "m2", "square meters", "square metres", "sq m")
_add("angle", 1, "°", "degree", "degrees", "deg")

_NUMBER = r"[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*/\s*\d+)?"
_UNIT_NAMES = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_QUANTITY = re.compile(rf"^\s*(?P<pre>\$)?\s*(?P<n>{_NUMBER})\s*(?P<u>{_UNIT_NAMES})?\s*\.?\s*$", re.I)


def split_quantity(text: str) -> tuple[Fraction, str | None] | None:
    """("2400 meters") -> (2400, "meters"); ("$4.05") -> (81/20, "$"); ("2400") -> (2400, None); else None."""
    if not isinstance(text, str) or len(text) > 60:
        return None
    m = _QUANTITY.match(text)
    if m is None:
        return None
    raw = m.group("n").replace(",", "").replace("−", "-").replace(" ", "")
    try:
        value = Fraction(raw)
    except (ValueError, ZeroDivisionError):
        return None
    unit = "$" if m.group("pre") else m.group("u")
    if m.group("pre") and m.group("u"):
        return None  # "$5 m": not one quantity
    return value, (unit.lower() if unit and unit != "$" else unit)


def compare_quantities(given: str, gold: str) -> Status | None:
    """A verdict when the gold is a measured number and the answer a number (with or without a unit); else None."""
    g, a = split_quantity(gold), split_quantity(given)
    if g is None or a is None or g[1] is None:
        return None
    gold_value, gold_unit = g
    value, unit = a
    if unit is None:
        return Status.verified if value == gold_value else Status.refuted
    kind, factor = _UNITS.get(unit, (None, None))
    gold_kind, gold_factor = _UNITS.get(gold_unit, (None, None))
    if kind is None or gold_kind is None:
        return None
    if kind != gold_kind:
        return Status.refuted
    return Status.verified if value * factor == gold_value * gold_factor else Status.refuted
