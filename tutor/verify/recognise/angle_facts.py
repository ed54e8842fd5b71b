"""Angle facts, the way students type them: a polygon's angle sum, a regular polygon's interior or exterior
angle, the last angle of a triangle or quadrilateral, a supplement or a complement.

"sum of interior angles of a hexagon" (720°), "each exterior angle of a regular pentagon" (72°), "a triangle has
angles 50 and 60 degrees what is the third" (70°), "supplement of 35" (145°). The question is read as in
:mod:`.geometry` (every number a quantity we place, every word on a short list); given angles that leave no room
for the one asked (a false premise), a question with two answers ("the other two angles") or a theorem we do not
read (an exterior angle given) is left alone.
"""

from __future__ import annotations

import re

import sympy as sp

from tutor.verify.recognise.geometry import (
    _ONE_OF_SEVERAL,
    _Q,
    MAX_SIDES,
    POLYGON_SIDES,
    _Question,
    _value,
    decimal,
)
from tutor.verify.recognise.reading import NotMine, Solution, number_text

_ANGLE_WORDS = frozenset("""
a an the of in for with and to is are was be its it this that if has have there what find calculate compute work
out get determine tell me give show how do does did i you we can could would will figure need want help solve
answer value , ~ so it's
angle angles interior inside exterior outside sum total add adds added up together altogether all each one every
single measure measures measurement size degrees degree many much make makes regular shape polygon sided gon
triangle quadrilateral pentagon hexagon heptagon septagon octagon nonagon decagon hendecagon undecagon
dodecagon equilateral square right angled third fourth other another missing remaining last unknown two three
known given supplement supplementary complement complementary
""".split())
_POLYGON_NAME = re.compile(r"\b(" + "|".join(POLYGON_SIDES) + r")\b")
_SUM = re.compile(r"\b(?:sum|total|add(?:s|ed)? up|all together|altogether|angle sum|how many degrees)\b")
_EACH = re.compile(r"\b(?:each|every|one|single|an?)(?: (?:interior|exterior|inside|outside))? angle\b"
                   r"|\b(?:interior|exterior|inside|outside) angle\b(?! sum)")


_OTHER_TWO_GIVEN = re.compile(r"(,\s*|\b(?:if|and|where|when|given)\s+)(?:the )?other (?:2|two)(?: angles)? (?:are|measure|=)",
                             re.I)


def angles(text: str) -> Solution | None:
    """Angle facts: a polygon's angle sum, a regular polygon's interior or exterior angle, the last angle of a
    triangle or quadrilateral, a supplement or a complement."""
    if not re.search(r"angle|degree|°|supplement|complement|sum of|add up", text, re.I):
        return None
    # "the missing angle …, the other 2 are 48 and 67": the two given angles, not two asked for
    text = _OTHER_TWO_GIVEN.sub(r"\1two angles are", text)
    q = _Question(text)
    counts = [int(m.group(1)[1:]) for m in q.take(rf"({_Q}) ?(?:equal )?(?:sides|sided|gon)\b")]
    if any(q.units[i] is not None for i in counts):
        raise NotMine  # "6 cm sides": a length, not a count
    given = [i for i in range(len(q.values)) if i not in counts]
    if any(q.units[i] not in (None, "°") for i in given):
        raise NotMine
    if set(re.findall(r"[a-z']+", q.text)) - _ANGLE_WORDS:
        raise NotMine  # a word we do not know: a story, a side length, a theorem we do not read
    values = [_value(q, i) for i in given]
    if re.search(r"\b(?:supplement|complement)", q.text):
        return _supplement(q, values)
    n = _sides(q, counts)
    if n is None:
        return None
    if values:
        return _last_angle(q, n, values)
    if re.search(rf"\b(?:{_ONE_OF_SEVERAL}|known|given|two|three|right)\b", q.text):
        return None  # "the sum of the other angles": not the whole polygon
    regular = bool(re.search(r"\b(?:regular|equilateral)\b", q.text)) or n == 4 and re.search(r"\bsquare\b", q.text)
    exterior = bool(re.search(r"\b(?:exterior|outside)\b", q.text))
    each = re.search(r"\b(?:each|every|one|single)\b", q.text)  # "how many degrees is each angle": one angle
    if _SUM.search(q.text) and not each:
        total = sp.Integer(360) if exterior else sp.Integer((n - 2) * 180)
        return _degrees("angle_sum", total, f"sum of the {'exterior' if exterior else 'interior'} angles of a {n}-gon")
    if _EACH.search(q.text) and regular and not re.search(r"\b(?:sum|total|add|adds|added|together|altogether)\b",
                                                          q.text):
        value = sp.Rational(360, n) if exterior else sp.Rational((n - 2) * 180, n)
        return _degrees("exterior_angle" if exterior else "interior_angle", value,
                        f"each {'exterior' if exterior else 'interior'} angle of a regular {n}-gon")
    return None


def _sides(q: _Question, counts: list[int]) -> int | None:
    names = {POLYGON_SIDES[m] for m in _POLYGON_NAME.findall(q.text)}
    if re.search(r"\bsquare\b", q.text):
        names.add(4)
    for i in counts:
        n = q.values[i]
        if not n.is_Integer or not 3 <= n <= MAX_SIDES:
            raise NotMine
        names.add(int(n))
    if len(names) != 1:
        return None
    return names.pop()


def _last_angle(q: _Question, n: int, values: list) -> Solution | None:
    """The angle left when all but one of a polygon's angles are given (a right triangle's right angle counted)."""
    if re.search(r"\b(?:exterior|outside|regular|equilateral|sum|total|add|adds)\b", q.text):
        return None  # "an exterior angle is 120 …": another theorem; "regular" with angles given: a premise to check
    known = list(values)
    if n == 3 and re.search(r"\bright\b", q.text) and 90 not in known:
        known.append(sp.Integer(90))
    total = (n - 2) * 180
    if len(known) != n - 1 or sum(known) >= total:
        return None  # not the last angle, or no room left for it: a false premise, not ours
    asked = re.findall(r"\b(?:third|fourth|other|another|missing|remaining|last|unknown)\b( \w+)?", q.text)
    if not asked or any(w.strip() in ("two", "three", "angles", "ones") for w in asked):
        return None  # "what are the other two angles": two answers (90° and 55°), not one
    return _degrees("missing_angle", sp.Integer(total) - sum(known), f"the last angle of a {n}-gon")


_SUPPLEMENT_WORDS = frozenset("""
a an the of to for is what find calculate compute work out get determine tell me give show how do you i we can
angle angles degrees degree its it measure measures size value whose which that with , ~
supplement supplementary complement complementary
""".split())


def _supplement(q: _Question, values: list) -> Solution | None:
    if set(re.findall(r"[a-z']+", q.text)) - _SUPPLEMENT_WORDS:
        return None  # a shape, a sum, a second angle: not just the supplement of one angle
    supplement = bool(re.search(r"\bsupplement", q.text))
    if supplement == bool(re.search(r"\bcomplement", q.text)) or len(values) != 1:
        return None
    whole = 180 if supplement else 90
    if values[0] >= whole:
        return None  # no supplement of 200°, no complement of 120°
    name = "supplement" if supplement else "complement"
    return _degrees(name, whole - values[0], f"{name} of {number_text(values[0])}°")


def _degrees(kind: str, value, shown: str) -> Solution:
    text = f"{number_text(value)}°"
    if "/" in text:
        text = f"{text} ≈ {decimal(value)}°"
    return Solution(kind, value, text, shown, unit="°")
