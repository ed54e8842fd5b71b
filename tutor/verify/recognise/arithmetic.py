"""Everyday arithmetic wordings: rounding, operation verbs, substituting values, trig of angles in degrees.

"round 2,467 to the nearest hundred" (2500, half up as schools teach), "subtract 17 from 50" (33: the order
the words say), "evaluate 3a^2 - 2b when a = 4 and b = 5", "cos(60°) + tan(45°)" (3/2, only when the
degrees are written: "sin(30)" alone stays ambiguous).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import sympy as sp

from tutor.verify.recognise.reading import (
    ASK,
    NotMine,
    Solution,
    number_text,
    plain,
    plain_input,
    read_expression,
    read_math,
    trig_powers,
    within_bounds,
)

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1}
_NEAREST = {"tenth": -1, "hundredth": -2, "thousandth": -3, "whole number": 0, "whole": 0, "integer": 0, "one": 0,
            "unit": 0, "ten": 1, "hundred": 2, "thousand": 3, "ten thousand": 4, "hundred thousand": 5,
            "million": 6, "1": 0, "10": 1, "100": 2, "1000": 3, "1,000": 3, "10000": 4, "10,000": 4,
            "0.1": -1, "0.01": -2, "0.001": -3}
_PLAIN_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_ROUND = [
    re.compile(rf"(?:{ASK} )?(?:round(?:ed)?|rounding) (?:off )?(?:the number )?({_PLAIN_NUMBER})(?:,)? (?:off )?to (.+)",
               re.I),
    re.compile(rf"(?:{ASK} )?({_PLAIN_NUMBER}),? (?:rounded|rounded off|correct) to (.+)", re.I),
]


def rounding(text: str) -> Solution | None:
    """'round 4.35 to the nearest tenth' -> 4.4 (exact decimals, half up); negatives are left alone."""
    for pattern in _ROUND:
        m = pattern.fullmatch(text)
        if m:
            break
    else:
        return None
    number, target = m.group(1), m.group(2).strip().lower()
    place = _place(target)
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        raise NotMine from None
    if place is None or len(number) > 30:
        raise NotMine
    if place[0] == "sf":
        if value == 0:
            raise NotMine
        exponent = value.adjusted() - (place[1] - 1)
    else:
        exponent = place[1]
    rounded = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP) if exponent <= 0 else \
        (value.scaleb(-exponent).quantize(Decimal(1), rounding=ROUND_HALF_UP).scaleb(exponent))
    shown = f"{rounded:.{max(-exponent, 0)}f}"
    answer = sp.Rational(shown)
    return Solution("round", answer, shown, f"{number} rounded to {target}")


def _place(target: str) -> tuple[str, int] | None:
    """('dp', -2) for two decimal places: the power of ten to round to; ('sf', 3) for three significant figures."""
    target = re.sub(r"\s+", " ", target.strip(" .")).removeprefix("the ")
    m = re.fullmatch(r"nearest (.+?)s?", target) or re.fullmatch(r"nearest (.+)", target)
    if m:
        key = m.group(1).removesuffix(" place").strip()
        return ("dp", _NEAREST[key]) if key in _NEAREST else None
    m = re.fullmatch(r"(\d|one|two|three|four|five|six|a) ?(?:decimal places?|dp|d\.p\.?|decimal point|"
                     r"significant figures?|sig figs?|sf|s\.f\.?)", target)
    if not m:
        return None
    count = int(m.group(1)) if m.group(1).isdigit() else _WORD_NUMBERS[m.group(1)]
    if re.search(r"sig|sf|s\.f", target):
        return ("sf", count) if 1 <= count <= 12 else None
    return ("dp", -count) if count <= 12 else None


def _divide(a, b):
    if b == 0:
        raise NotMine
    return a / b


_OPERATIONS = [
    (re.compile(r"(?:how (?:do|would|can) (?:i|you|we) )?divide (.+?) by (.+)", re.I), _divide),
    (re.compile(r"(?:how (?:do|would|can) (?:i|you|we) )?multiply (.+?) by (.+)", re.I), lambda a, b: a * b),
    (re.compile(r"(?:how (?:do|would|can) (?:i|you|we) )?subtract (.+?) from (.+)", re.I), lambda a, b: b - a),
    (re.compile(r"(?:how (?:do|would|can) (?:i|you|we) )?take (?:away )?(.+?) (?:away )?from (.+)", re.I),
     lambda a, b: b - a),
    (re.compile(r"(?:how (?:do|would|can) (?:i|you|we) )?add (.+?) (?:and|to|plus) (.+)", re.I), lambda a, b: a + b),
    (re.compile(rf"(?:{ASK} )?(?:the )?(?:sum|total) of (.+?) and (.+)", re.I), lambda a, b: a + b),
    (re.compile(rf"(?:{ASK} )?(?:the )?product of (.+?) and (.+)", re.I), lambda a, b: a * b),
    (re.compile(rf"(?:{ASK} )?(.+?) (?:shared|split|divided) (?:equally )?(?:between|among|amongst|into) (.+)",
                re.I), _divide),
]


def operations(text: str) -> Solution | None:
    """'subtract 17 from 50' -> 33, 'divide 3/4 by 5/8' -> 6/5: numbers only, in the order the words say."""
    for pattern, op in _OPERATIONS:
        m = pattern.fullmatch(text)
        if not m:
            continue
        a, b = (read_math(g, numbers_only=True) for g in (m.group(1), m.group(2)))
        if not (a.is_Rational and b.is_Rational):
            raise NotMine
        value = op(a, b)
        if not value.is_Rational:
            raise NotMine
        fractions = re.search(r"\d\s*/\s*\d", m.group(1) + m.group(2))
        kind = "fraction" if fractions else "evaluate"
        return Solution(kind, value, plain(value) if fractions else number_text(value),
                        f"{plain_input(m.group(1))}, {plain_input(m.group(2))}")
    return None


_ASSIGN = r"([a-z])\s*=\s*(-?\s*[\d.]+(?:\s*/\s*\d+)?)"
_SUBSTITUTE = [
    re.compile(rf"(?:{ASK}|evaluate|work out|calculate|find)(?: the value of)?\s*:?\s+(.+?),?\s+(?:when|if|for|where|"
               rf"given|given that|with)\s+({_ASSIGN}(?:\s*(?:,|and|&)\s*{_ASSIGN}){{0,3}})", re.I),
    re.compile(rf"(?:if|when|given that|given)\s+({_ASSIGN}(?:\s*(?:,|and|&)\s*{_ASSIGN}){{0,3}}),?\s+"
               rf"(?:{ASK}|evaluate|work out|calculate|find)(?: the value of)?\s*:?\s+(.+)", re.I),
]


def substitute(text: str) -> Solution | None:
    """'evaluate 3a^2 - 2b when a = 4 and b = 5' -> 38; every letter in the expression must be given a value."""
    m = _SUBSTITUTE[0].fullmatch(text)
    if m:
        body, assigns = m.group(1), m.group(2)
    else:
        m = _SUBSTITUTE[1].fullmatch(text)
        if not m:
            return None
        assigns, body = m.group(1), m.group(m.lastindex)
    values = {}
    for name, number in re.findall(_ASSIGN, assigns, re.I):
        if name in values:
            raise NotMine
        values[name] = read_math(number, numbers_only=True)
    expr = read_expression(body)
    names = {s.name for s in expr.free_symbols}
    if not names or names != set(values):
        raise NotMine  # "find x when y = 2": that is an equation to solve, not a substitution
    value = within_bounds(_substituted, expr, {s: values[s.name] for s in expr.free_symbols})
    if not value.is_Rational:
        raise NotMine
    shown = ", ".join(f"{k} = {plain(v)}" for k, v in sorted(values.items()))
    return Solution("substitute", value, number_text(value), f"{plain(expr)} with {shown}")


def _substituted(expr, values):
    value = sp.simplify(expr.xreplace(values))
    if value.has(sp.zoo, sp.nan, sp.oo) or len(str(value)) > 200:
        raise NotMine
    return value


_DEGREE_ANGLE = re.compile(r"\b(sin|cos|tan)\s*(?:\(\s*([-+]?\d+(?:\.\d+)?)\s*(?:°|degrees?|deg)\s*\)"
                           r"|([-+]?\d+(?:\.\d+)?)\s*(?:°|degrees?|deg)\b|([-+]?\d+(?:\.\d+)?)\s*°)", re.I)


def degrees(text: str) -> Solution | None:
    """'cos(60°) + tan(45°)' -> 3/2: every sine, cosine and tangent must have its angle written in degrees."""
    if not re.search(r"°|\bdeg(?:rees?)?\b", text, re.I):
        return None
    text = trig_powers(text)
    count = len(re.findall(r"\b(?:sin|cos|tan)(?![a-z])", text, re.I))
    rewritten, done = _DEGREE_ANGLE.subn(lambda m: f"{m[1].lower()}(({m[2] or m[3] or m[4]})*pi/180)", text)
    if done == 0 or done != count or re.search(r"°|\bdeg(?:rees?)?\b", rewritten, re.I):
        raise NotMine  # "sin(30) + cos 60°": one angle in degrees says nothing about the other
    m = re.fullmatch(rf"(?:{ASK}(?: the value of)?\s*:?\s+)?(.+?)", rewritten, re.I)
    value = read_math(m.group(1), numbers_only=True)
    value = within_bounds(sp.simplify, value) if not value.is_Rational else value
    if not value.is_finite or value.has(sp.zoo, sp.nan) or value.has(sp.sin, sp.cos, sp.tan):
        raise NotMine
    return Solution("trig", value, plain(value), plain_input(text))
