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
_add("length", "1/10", "dm", "decimeter", "decimeters", "decimetre", "decimetres")
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
_add("volume", "3.785411784", "gal", "gallon", "gallons")
_add("volume", "0.946352946", "qt", "quart", "quarts")
_add("volume", "0.473176473", "pt", "pint", "pints")
_add("volume", "0.2365882365", "cup", "cups", "c")
_add("volume", "0.0295735295625", "fl oz", "fluid ounce", "fluid ounces")
_add("volume", "1/1000", "cm³", "cm^3", "cm3", "cubic centimeters", "cubic centimetres")
_add("volume", 1000, "m³", "m^3", "m3", "cubic meters", "cubic metres")
_add("volume", "0.016387064", "in³", "in^3", "in3", "cubic inches")
_add("volume", "28.316846592", "ft³", "ft^3", "ft3", "cubic feet")
_add("area", "0.00064516", "in²", "in^2", "in2", "square inches", "sq in")
_add("area", "0.09290304", "ft²", "ft^2", "ft2", "square feet", "sq ft")
_add("area", "0.83612736", "yd²", "yd^2", "yd2", "square yards", "sq yd")
_add("area", 1000000, "km²", "km^2", "km2", "square kilometers", "square kilometres")
_add("time", 2629800, "month", "months")
_add("area", "1/100", "dm²", "dm^2", "dm2", "square decimeters", "square decimetres")
_add("area", 10000, "ha", "hectare", "hectares")
_add("area", "4046.8564224", "acre", "acres")
_add("volume", 1, "dm³", "dm^3", "dm3", "cubic decimeters", "cubic decimetres")
_add("time", 31557600, "year", "years")
# the ways an area or a volume is written after a length unit ("square cm", "cm squared", "cubic in")
_add("area", "1/1000000", "mm²", "mm^2", "mm2", "square millimeters", "square millimetres", "sq mm", "square mm")
_add("area", "1/10000", "square cm", "cm squared")
_add("area", 1, "square m", "m squared")
_add("area", "0.00064516", "square in", "square inch", "in squared")
_add("area", "0.09290304", "square ft", "square foot", "ft squared")
_add("area", "0.83612736", "square yd", "square yard")
_add("area", "2589988.110336", "mi²", "mi^2", "square miles", "square mile", "sq mi")
_add("volume", "1/1000000", "mm³", "mm^3", "mm3", "cubic millimeters", "cubic millimetres", "cubic mm")
_add("volume", "1/1000", "cubic cm", "cm cubed", "cc")
_add("volume", 1000, "cubic m", "m cubed")
_add("volume", "0.016387064", "cubic in", "cubic inch", "in cubed")
_add("volume", "28.316846592", "cubic ft", "cubic foot", "ft cubed")
_add("volume", "764.554857984", "yd³", "yd^3", "yd3", "cubic yards", "cubic yard", "cubic yd")

UNIT_NAMES = frozenset(_UNITS)
"""Every unit name the table knows ("liters", "km", "hectares", "cubic yards")."""



def unit_factor(name: str) -> tuple[str, Fraction] | None:
    """(kind, factor to the kind's base unit) of a unit word ("hectares" -> ("area", 10000)), or None."""
    return _UNITS.get(name)


_NUMBER = r"[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*/\s*\d+)?"
_UNIT_NAMES = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_QUANTITY = re.compile(rf"^\s*(?P<pre>\$)?\s*(?P<n>{_NUMBER})\s*(?P<u>{_UNIT_NAMES})?\s*\.?\s*$", re.I)


_MIXED = re.compile(r"^\s*(?P<sign>[-−]?)\s*(?P<whole>\d+)(?:\s+and\s+|\s+|\s*又\s*)(?P<num>\d+)\s*/\s*(?P<den>\d+)"
                    r"(?P<tail>\s*[^\d\s/*^+\-−=.(),].*)?$", re.I)
VULGAR = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅖": "2/5", "⅗": "3/5",
           "⅘": "4/5", "⅙": "1/6", "⅚": "5/6", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8", "⅞": "7/8"}
"""Vulgar fractions as the fractions they are (the verifier's arithmetic reads them too)."""
_VULGAR_AFTER = re.compile(r"(\d)\s*([" + "".join(VULGAR) + "])")


def improper(text: str) -> str:
    """A mixed number as a child writes it, as an improper fraction: "2 1/2" -> "5/2", "2 and 1/2 cups" ->
    "5/2 cups", "2½" -> "5/2", "-1 3/4" -> "-7/4", "2又1/2" -> "5/2". Other text comes back unchanged.

    In a typed answer a whole number, a space and a fraction is a mixed number (never "2 × 1/2")."""
    if not isinstance(text, str) or len(text) > 80:
        return text
    text2 = _VULGAR_AFTER.sub(lambda m: f"{m.group(1)} {VULGAR[m.group(2)]}", text)
    text2 = "".join(VULGAR.get(ch, ch) for ch in text2)
    m = _MIXED.match(text2)
    if m is None:
        return text2 if text2 != text else text
    whole, num, den = int(m.group("whole")), int(m.group("num")), int(m.group("den"))
    if den == 0:
        return text
    sign = "-" if m.group("sign") else ""
    return f"{sign}{whole * den + num}/{den}{m.group('tail') or ''}"


_PART = re.compile(rf"\s*(?P<n>{_NUMBER})\s*(?P<u>{_UNIT_NAMES})(?![a-z])\s*(?:and\s+|,\s*)?", re.I)


_DOLLARS_AND_CENTS = re.compile(r"^\$\s*(\d+)\s*(?:and\s+|,\s*)?(\d{1,2})\s*(?:cents?|¢)$", re.I)


def _compound_units(text: str) -> list[str]:
    """The units a compound quantity is written in ("4 dollars 50 cents" -> dollars, cents); [] if not one."""
    if _compound(text) is None:
        return []
    if _DOLLARS_AND_CENTS.match(text):
        return ["$", "cents"]
    return [m.group("u").lower() for m in _PART.finditer(text)]


def _compound(text: str) -> tuple[Fraction, str] | None:
    """ "3 h 20 min", "2 m 5 cm", "5 ft 3 in", "4 dollars 5 cents", "$4 and 50 cents": one quantity in its last
    unit, or None."""
    money = _DOLLARS_AND_CENTS.match(text)
    if money:
        return Fraction(int(money.group(1)) * 100 + int(money.group(2))), "cents"
    pos, parts = 0, []
    while pos < len(text):
        m = _PART.match(text, pos)
        if m is None or m.end() == pos:
            return None
        parts.append((m.group("n"), m.group("u").lower()))
        pos = m.end()
    if len(parts) < 2:
        return None
    kinds = {_UNITS[u][0] for _, u in parts if u in _UNITS}
    if len(kinds) != 1 or any(u not in _UNITS for _, u in parts):
        return None
    total = Fraction(0)
    for n, u in parts:
        try:
            total += Fraction(n.replace(",", "").replace("−", "-").replace(" ", "")) * _UNITS[u][1]
        except (ValueError, ZeroDivisionError):
            return None
    last = parts[-1][1]
    return total / _UNITS[last][1], last


def split_quantity(text: str) -> tuple[Fraction, str | None] | None:
    """("2400 meters") -> (2400, "meters"); ("$4.05") -> (81/20, "$"); ("2400") -> (2400, None);
    ("3 h 20 min") -> (200, "min"); ("2 1/2 cups") -> (5/2, "cups"); else None."""
    if not isinstance(text, str) or len(text) > 60:
        return None
    text = improper(text)
    # "46 meters of fencing", "3 cups of flour": what the quantity measures, after its unit
    text = re.sub(r"(?<=[A-Za-z²³.])\s+of\s+[A-Za-z][A-Za-z' ]*\.?$", "", text.strip())
    m = _QUANTITY.match(text)
    if m is None:
        return _compound(text.strip().rstrip("."))
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
    if g is None or a is None:
        return None
    if g[1] is None:
        # "8 m" for a gold written as the bare 8 (the question named the unit, the answer key did not)
        if a[1] is None or a[1] not in _UNITS:
            return None
        if a[0] == g[0]:
            return Status.verified
        # "4 dollars 50 cents" for a bare 4.50, "1 h 30 min" for a bare 1.5: a compound answer in any of its units
        units = _compound_units(improper(given).strip().rstrip("."))
        same = any(a[0] * _UNITS[a[1]][1] / _UNITS[u][1] == g[0] for u in units)
        return Status.verified if same else Status.refuted
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


# --- a measured answer that is not a plain number: 9π cm², 5√2 cm, 140/3 cm³ ≈ 46.67 cm³ ------------------

_GENERIC_UNIT = re.compile(
    r"\s*(?:(?:square|sq\.?|cubic|cu\.?)\s+units?|units?\s*(?:²|³|\^\s*[23]|squared|cubed)?)\s*$", re.I)
"""'square units', 'units²', 'units': no unit at all, said of a question that gave none."""
_ABOUT_WORDS = r"≈|~|about|approximately|approx\.?|roughly|around|nearly|almost"
_ABOUT = re.compile(rf"^\s*(?:{_ABOUT_WORDS})\s*", re.I)
_MEASURE = re.compile(rf"^(?P<n>[0-9.,/+\-−*×·()√πpisqrt ]*?[0-9)π√i])\s*(?P<u>{_UNIT_NAMES})?\s*$", re.I)
_EXACT_DECIMAL = re.compile(r"^\s*[-+−]?\d+\.(\d+)\s*$")


def _measure(text: str):
    """('9π cm²') -> (9*pi, 'cm²', None); ('28.27') -> (28.27 as a Rational, None, 2 decimal places); else None."""
    m = _MEASURE.match(text.strip().rstrip("."))
    if m is None:
        return None
    number = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", m.group("n").strip())  # 1,256.64
    if "," in number or re.search(r"[\d.]\s+[\d.]", number):
        return None  # "9π, 28.27" or "28 27": two numbers, not one
    number = number.replace("−", "-").replace("×", "*").replace("·", "*")
    number = number.replace("π", "pi")
    if re.search(r"[a-z]", number.replace("sqrt", "").replace("pi", "")):
        return None
    from tutor.verify.parse import safe_parse

    try:
        value = safe_parse(number)
    except Exception:  # noqa: BLE001 - untrusted text: anything the parser refuses is not a measure
        return None
    if not getattr(value, "is_number", False) or not value.is_real:
        return None
    places = _EXACT_DECIMAL.match(number)
    return value, (m.group("u").lower() if m.group("u") else None), (len(places.group(1)) if places else None)


def compare_measured(given: str, gold: str) -> Status | None:
    """A verdict when ``gold`` is a measure the plain reader cannot take: a multiple of π, a surd, or an exact
    value beside its decimal ("9π cm² ≈ 28.27 cm²", "5√2 cm ≈ 7.071 cm", "140/3 ≈ 46.67"); else None.

    The answer is read the same way, with or without the unit ("9π", "28.27 cm²", "28.27 square centimeters",
    "9π square units" when the question gave no unit). A decimal is judged at the precision it is written to
    when the gold is irrational or says itself that a decimal is fine ("≈"): 28.27 and 28.3 state 9π, rounded,
    28.26 does not; a whole number is never taken as a rounding. A unit of another kind is refuted.
    """
    if not isinstance(gold, str) or not isinstance(given, str) or len(gold) > 80 or len(given) > 80:
        return None
    exact_text, _, approx_text = gold.partition("≈")
    read = _measure(exact_text)
    if read is None:
        return None
    gold_value, gold_unit, _ = read
    if approx_text:
        approx = _measure(approx_text)
        if approx is None or approx[1] != gold_unit:
            return None
    said_approx = "≈" in given or bool(_ABOUT.match(given))
    if not approx_text and gold_unit is None and not said_approx:
        return None  # a plain gold: the other readers' case, unless the answer says a value is rounded
        # ("5√2 ≈ 7.071", "1/3 ≈ 0.33", "about 7.07": each part must state it, a rounding at its own precision)
    if gold_value.is_Rational and not approx_text and not said_approx and not re.search(r"[π√]|pi", exact_text):
        return None  # "40 cm²": compare_quantities has read it, or will not
    if gold_unit is not None and gold_unit not in _UNITS:
        return None
    parts = [(k > 0, part) for k, part in enumerate(given.split("≈")) if part.strip()]
    if len(parts) > 1 and re.fullmatch(r"\s*[A-Za-z]\s*=?\s*", parts[0][1]):
        parts = parts[1:]  # "x ≈ 2.236": the unknown's name, then its value
    # a decimal states an irrational gold (or one that says a decimal is fine) rounded; a rational gold only where
    # the answer says so: "0.33" alone is not 1/3, "1/3 ≈ 0.33" and "about 0.33" are true
    rounding = bool(approx_text) or not gold_value.is_Rational
    verdicts = []
    for rounded, part in parts:
        readings = [part]
        if gold_unit is None and _PERCENT_PART.match(part):
            # "33%" for 1/3 is 0.33; "about 30%" for a percentage question's 30 is 30: either reading may be meant
            readings = [_PERCENT_PART.sub(_as_decimal, part), part.replace("%", "")]
        said = [_judge(r, gold_value, gold_unit, rounding=rounding or rounded or bool(_ABOUT.match(part)))
                for r in readings]
        verdicts.append(Status.verified if Status.verified in said else
                        Status.refuted if all(v is Status.refuted for v in said) else None)
    if any(v is Status.refuted for v in verdicts):
        return Status.refuted
    if verdicts and all(v is Status.verified for v in verdicts):
        return Status.verified
    return None


_PERCENT_PART = re.compile(rf"^(\s*(?:{_ABOUT_WORDS})?\s*)(\d+)(?:\.(\d+))?\s*%\s*$", re.I)
"""A part of an answer that is a percentage, for a gold without a unit."""


def _as_decimal(m: re.Match) -> str:
    """"33%" as "0.33", "33.3%" as "0.333": the same value, written to the same precision."""
    whole, places = m.group(2), m.group(3) or ""
    digits = (whole + places).rjust(len(places) + 3, "0")
    point = len(digits) - len(places) - 2
    return f"{m.group(1)}{int(digits[:point])}.{digits[point:]}"


def _judge(part: str, gold_value, gold_unit: str | None, *, rounding: bool) -> Status | None:
    import sympy as sp

    read = _measure(_GENERIC_UNIT.sub("", _ABOUT.sub("", part)).strip())
    if read is None:
        # a sentence: "The area is 9π square centimeters." states its value after its last "is"
        tail = re.split(r"\b(?:is|are|equals|=)\s+|=\s*", part.strip().rstrip("."), flags=re.I)[-1]
        if tail == part:
            return None
        read = _measure(_GENERIC_UNIT.sub("", _ABOUT.sub("", tail)).strip())
        if read is None:
            return None
    value, unit, places = read
    if unit is not None:
        if unit not in _UNITS or gold_unit is None:
            return None  # "28.27 cm²" for a question without units: not ours to judge
        (kind, factor), (gold_kind, gold_factor) = _UNITS[unit], _UNITS[gold_unit]
        if kind != gold_kind:
            return Status.refuted
        if factor != gold_factor:
            value = value * sp.Rational(factor.numerator, factor.denominator) / sp.Rational(
                gold_factor.numerator, gold_factor.denominator)
            places = None  # a converted decimal is compared exactly
    if places is not None and rounding:
        error = abs(sp.N(gold_value - value, 30))
        return Status.verified if error <= sp.Rational(1, 2) * sp.Rational(10) ** -places else Status.refuted
    same = sp.simplify(gold_value - value) == 0
    return Status.verified if same else Status.refuted


def unit(name: str) -> tuple[str, Fraction] | None:
    """The kind of a unit word and its factor to the kind's base unit ("minutes" -> ("time", 60)), else None."""
    return _UNITS.get(name) or _UNITS.get(name.lower())
