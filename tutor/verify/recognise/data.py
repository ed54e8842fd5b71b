"""Data and measurement questions: mean/median/mode/range, unit conversion, and dice, coin and card probability."""

from __future__ import annotations

import re

import sympy as sp

from tutor.verify.recognise.reading import (
    ASK,
    NUM,
    NotMine,
    Solution,
    approx,
    number_text,
    plain,
    read_math,
)

MAX_STAT_VALUES = 50


_STATS = re.compile(rf"(?:{ASK} )?(?:the )?(mean|average|median|mode|range)(?: value)?(?: (?:of|for)| ?:|(?= -?\d))(?: the (?:numbers|data|"
                    r"data set|values|set))?\s*:?\s*(.+)", re.I)


def statistics(text: str) -> Solution | None:
    m = _STATS.fullmatch(text)
    if not m:
        return None
    items = [p for p in re.split(r"\s*(?:,|;|\band\b|&)\s*|\s+", m.group(2).strip().strip("{}[]()")) if p]
    values = [read_math(p, numbers_only=True) for p in items]
    if not 2 <= len(values) <= MAX_STAT_VALUES or not all(v.is_Rational for v in values):
        raise NotMine
    kind = {"average": "mean"}.get(m.group(1).lower(), m.group(1).lower())
    data = sorted(values)
    shown = f"{kind} of " + ", ".join(number_text(v) for v in values)
    if kind == "mean":
        value = sp.Add(*data) / len(data)
    elif kind == "median":
        mid = len(data) // 2
        value = data[mid] if len(data) % 2 else (data[mid - 1] + data[mid]) / 2
    elif kind == "range":
        value = data[-1] - data[0]
    else:
        counts = {v: data.count(v) for v in data}
        top = max(counts.values())
        if top == 1:
            raise NotMine  # every value once: "no mode" by one convention, all of them by another
        modes = sorted(v for v, c in counts.items() if c == top)
        value = modes[0] if len(modes) == 1 else sp.FiniteSet(*modes)
        return Solution("mode", value, " and ".join(number_text(v) for v in modes), shown)
    return Solution(kind, value, number_text(value), shown)


# Units: (dimension, factor to the base unit). Temperatures are handled apart.
_UNITS = {}
for _names, _dim, _scale in [
    ("mm millimeter millimeters millimetre millimetres", "length", sp.Rational(1, 1000)),
    ("cm centimeter centimeters centimetre centimetres", "length", sp.Rational(1, 100)),
    ("dm decimeter decimeters decimetre decimetres", "length", sp.Rational(1, 10)),
    ("m meter meters metre metres", "length", 1), ("km kilometer kilometers kilometre kilometres", "length", 1000),
    ("in inch inches", "length", sp.Rational(254, 10000)), ("ft foot feet", "length", sp.Rational(3048, 10000)),
    ("yd yard yards", "length", sp.Rational(9144, 10000)), ("mi mile miles", "length", sp.Rational(1609344, 1000)),
    ("mg milligram milligrams", "mass", sp.Rational(1, 1000)), ("g gram grams gramme grammes", "mass", 1),
    ("kg kilogram kilograms kilo kilos", "mass", 1000), ("t tonne tonnes", "mass", 10**6),
    ("oz ounce ounces", "mass", sp.Rational(28349523125, 10**9)), ("lb lbs pound pounds", "mass", sp.Rational(45359237, 10**5)),
    ("ms millisecond milliseconds", "time", sp.Rational(1, 1000)), ("s sec secs second seconds", "time", 1),
    ("min mins minute minutes", "time", 60), ("h hr hrs hour hours", "time", 3600), ("day days", "time", 86400),
    ("week weeks", "time", 604800),
    ("ml milliliter milliliters millilitre millilitres", "volume", sp.Rational(1, 1000)),
    ("cl centiliter centiliters centilitre centilitres", "volume", sp.Rational(1, 100)),
    ("l liter liters litre litres", "volume", 1),
    ("cents cent", "money", 1), ("dollars dollar", "money", 100),
    ("dozen dozens", "count", 12),
]:
    for _name in _names.split():
        _UNITS[_name] = (_dim, sp.Integer(_scale) if isinstance(_scale, int) else _scale, _names.split()[-1])
_TEMPS = {"c": "C", "celsius": "C", "°c": "C", "degrees c": "C", "degrees celsius": "C", "centigrade": "C",
          "f": "F", "fahrenheit": "F", "°f": "F", "degrees f": "F", "degrees fahrenheit": "F"}
_UNIT = r"(°?[a-z][a-z ]*?(?:\s*(?:\^\s*[23]|[²³]))?)"
_CONVERT = [
    re.compile(rf"(?:convert|change|express|turn|write|{ASK})?\s*({NUM}(?:/\d+)?)\s*{_UNIT}\s+(?:to|into|in|as)\s+{_UNIT}", re.I),
    re.compile(rf"how many {_UNIT} (?:(?:are |is )?(?:there )?in|is|are|makes?|equals?)\s+(?:an? |one )?"
               rf"({NUM}(?:/\d+)?)?\s*{_UNIT}", re.I),
    # "3.5 m is how many cm": the amount first, the unit asked last
    re.compile(rf"({NUM}(?:/\d+)?)\s*{_UNIT}\s+(?:is|are|=|equals?|makes?|is equal to)\s+how many {_UNIT}", re.I),
]


_COMPOUND = re.compile(rf"({NUM})\s*([a-z]+)\s*,?\s+(?:and\s+)?({NUM})\s*([a-z]+)(?=\s+(?:to|into|in|as)\s|\s*$)", re.I)
"""An amount in two units, the larger first: "2 h 15 min", "5 feet 6 inches", "3 m and 5 cm"."""


def _merge_compound(text: str) -> str:
    """``text`` with a two-unit amount written in its smaller unit ("2 h 15 min" -> "135 min"); unchanged when
    the two words are not units of one kind, the larger first, or the smaller part is a whole larger unit or
    more (7 ft 14 in is not how anyone writes 8 ft 2 in)."""
    m = _COMPOUND.search(text)
    if not m:
        return text
    try:
        big, small = _units_of(m.group(2).lower(), m.group(4).lower())
    except NotMine:
        return text
    if big[0] != small[0] or big[1] <= small[1]:
        return text
    part = read_math(m.group(3), numbers_only=True)
    if part >= big[1] / small[1]:
        return text
    total = read_math(m.group(1), numbers_only=True) * big[1] / small[1] + part
    return text[:m.start()] + f"{number_text(total)} {m.group(4)}" + text[m.end():]


def _units_of(*names: str) -> list[tuple[str, sp.Rational]]:
    """(kind, factor) of each unit, all from one table: this module's, else the verifier's measured-answer table
    (``tutor.verify.units``: areas, more volumes), whose bases are the same (metre, litre, gram, second) except for
    money, so the two are never mixed in one conversion."""
    if all(n in _UNITS for n in names):
        return [_UNITS[n][:2] for n in names]
    from tutor.verify.units import unit_factor

    found = [unit_factor(n) for n in names]
    if None in found:
        raise NotMine
    return [(kind, sp.Rational(factor.numerator, factor.denominator)) for kind, factor in found]


def _unit_key(unit: str) -> str:
    """A unit as ``_UNITS`` names it: "cm²", "cm^2" -> "cm2", "m³" -> "m3" (a power written after the unit)."""
    unit = unit.strip().lower()
    unit = re.sub(r"\s*(?:\^\s*2|²)$", "2", unit)
    return re.sub(r"\s*(?:\^\s*3|³)$", "3", unit)


def convert(text: str) -> Solution | None:
    text = _merge_compound(text)
    m = _CONVERT[0].fullmatch(text)
    if m:
        amount_text, src, dst = m.group(1), m.group(2), m.group(3)
    else:
        m = _CONVERT[1].fullmatch(text)
        if m:
            dst, amount_text, src = m.group(1), m.group(2) or "1", m.group(3)
        else:
            m = _CONVERT[2].fullmatch(text)
            if not m:
                return None
            amount_text, src, dst = m.group(1), m.group(2), m.group(3)
    src, dst = _unit_key(src), _unit_key(dst)
    amount = read_math(amount_text, numbers_only=True)
    if src in _TEMPS and dst in _TEMPS:
        a, b = _TEMPS[src], _TEMPS[dst]
        value = amount if a == b else ((amount - 32) * sp.Rational(5, 9) if a == "F" else amount * sp.Rational(9, 5) + 32)
        return Solution("convert", value, f"{number_text(value)} °{b}", f"{amount_text} °{a} in °{b}", unit=f"°{b}")
    (dim_a, fa), (dim_b, fb) = _units_of(src, dst)
    if dim_a != dim_b:
        raise NotMine
    value = amount * fa / fb
    unit = re.sub(r"(?<=[a-z])3$", "³", re.sub(r"(?<=[a-z])2$", "²", dst))  # "cm2" is shown "cm²"
    shown = number_text(value)
    shown = f"≈ {approx(value)}" if "/" in shown else shown  # 1 m is 1250/381 feet: a child wants 3.281
    return Solution("convert", value, f"{shown} {unit}", f"{amount_text} {src} in {dst}", unit=unit)


_DIE_WORDS = r"(?:a |an |one |a single |a fair |a regular |a normal |a standard |a six-sided |a 6-sided |)(?:fair |six-sided |6-sided |standard |)(?:die|dice|number cube)"
_PROB = re.compile(r"(?:what(?:'s| is)? )?(?:the )?(?:probability|chance|likelihood)(?: of| that| to)?(?: i| you| we)?"
                   r" (?:rolling|roll|rolls|getting|get|gets|landing on|land on|throwing|throw|flipping|flip|tossing|"
                   r"toss|drawing|draw|picking|pick|pulling|pull)\s+(.+?)\s+(?:on|with|from|when rolling|when "
                   r"flipping|when tossing|if i roll|if you roll|if i flip|if you flip|in|using)\s+(.+)", re.I)
_CARDS = {"red": 26, "black": 26, "heart": 13, "diamond": 13, "club": 13, "spade": 13, "ace": 4, "king": 4,
          "queen": 4, "jack": 4, "face card": 12, "picture card": 12}


def probability(text: str) -> Solution | None:
    m = _PROB.fullmatch(text)
    if not m:
        coin = re.fullmatch(r"(?:what(?:'s| is)? )?(?:the )?(?:probability|chance) (?:of )?(?:getting|flipping|tossing|"
                            r"landing on) (heads|tails)", text, re.I)
        if coin:
            return Solution("probability", sp.Rational(1, 2), "1/2", f"P({coin.group(1).lower()}) with a fair coin")
        return None
    event, source = m.group(1).lower().strip(), m.group(2).lower().strip()
    if re.fullmatch(r"(?:a |one |a single |a fair |the )?(?:fair )?coin(?: once)?", source):
        if re.fullmatch(r"(?:a |an )?(?:heads?|tails?)", event):
            return Solution("probability", sp.Rational(1, 2), "1/2", f"P({event}) with a fair coin")
        raise NotMine
    card = re.fullmatch(r"(?:a |an |one |the )?(?:regular |standard |normal |shuffled |full )?(?:deck(?: of (?:52 )?cards)?|"
                        r"pack(?: of (?:52 )?cards)?|52-card deck)", source)
    if card:
        key = re.sub(r"^(?:a |an |one )", "", event).removesuffix(" card").rstrip("s") if event not in ("a face card", "a picture card") else event[2:]
        key = {"face": "face card", "picture": "picture card"}.get(key, key)
        if key not in _CARDS:
            raise NotMine
        value = sp.Rational(_CARDS[key], 52)
        return Solution("probability", value, plain(value), f"P({event}) drawing one card from 52")
    die = re.fullmatch(rf"{_DIE_WORDS}(?: once)?", source)
    if not die:
        raise NotMine
    outcomes = list(range(1, 7))
    wins = [n for n in outcomes if _die_event(event, n)]
    value = sp.Rational(len(wins), len(outcomes))
    return Solution("probability", value, plain(value), f"P({event}) with a fair six-sided die")


def _die_event(event: str, n: int) -> bool:
    event = re.sub(r"^(?:a |an |the )?(?:number |value )?", "", event)
    for pattern, test in [
        (r"(?:greater|more|bigger|larger|higher) than (\d+)", lambda k: n > k),
        (r"(?:less|fewer|smaller|lower) than (\d+)", lambda k: n < k),
        (r"(?:at least|(\d+) or (?:more|higher|greater|above))\s*(\d+)?", None),
        (r"(?:at most|no more than)\s*(\d+)", lambda k: n <= k),
        (r"(\d+) or (?:less|lower|fewer|below)", lambda k: n <= k),
        (r"(?:a )?multiple of (\d+)", lambda k: n % k == 0),
        (r"(\d+)", lambda k: n == k),
        (r"not (?:a )?(\d+)", lambda k: n != k),
    ]:
        m = re.fullmatch(pattern, event)
        if m:
            if test is None:
                k = int(next(g for g in m.groups() if g))
                return n >= k
            return test(int(m.group(1)))
    m = re.fullmatch(r"(\d+) or (?:a )?(\d+)", event)
    if m:
        return n in (int(m.group(1)), int(m.group(2)))
    words = {"even": n % 2 == 0, "odd": n % 2 == 1, "prime": n in (2, 3, 5), "even number": n % 2 == 0,
             "odd number": n % 2 == 1, "prime number": n in (2, 3, 5), "six": n == 6, "one": n == 1}
    if event in words:
        return words[event]
    raise NotMine
