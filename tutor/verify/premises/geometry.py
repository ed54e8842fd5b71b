"""Angle sums, triangle sides and negative lengths."""

from __future__ import annotations

import re
from fractions import Fraction

from tutor.verify.premises.reading import _D, _MINUS, _num, _show

_ANGLE = re.compile(rf"(?<![\w+\-*/^(])({_D})\s*(?:°|º|degrees?\b|deg\b)", re.I)
_LEN = rf"({_D})(?!\s*(?:°|º|deg|%))\s*(?:cm|mm|km|m|in|inches|ft|feet|yd|yards|units?)?\b"
_LIST3 = re.compile(rf"{_LEN}\s*,\s*{_LEN}\s*,?\s*(?:and\s+)?{_LEN}", re.I)
_SIDES3 = re.compile(rf"\b(?:sides?|side lengths|lengths|measuring)\b[^.?!\d]{{0,30}}?{_LIST3.pattern}", re.I)
_SEGMENT = re.compile(rf"\b([A-Z]{{2}})\s*=\s*{_LEN}")
_HYP = re.compile(rf"\bhypotenuse\s*(?:of|is|=|measures|measuring|of length)?\s*{_LEN}", re.I)
_LEGS = re.compile(rf"\blegs?\b[^.?!\d]{{0,30}}?{_LEN}(?:\s*(?:,|and)\s*{_LEN})?", re.I)
_RIGHT = re.compile(r"\bright[- ]?(?:angled\s+)?triangle|\btriangle\s+with\s+a\s+right\s+angle", re.I)
_MANY_SHAPES = re.compile(
    r"\b(?:(?:exterior|outside)\s+angles?\s+(?:of\s+\w+\s+\w+\s+)?(?:are|is|measure|of|=|:)|rotat\w*|turn\w*|elevation|"
    r"depression|bearing|clock|arc|sector|(?:another|second|other)\s+(?:triangle|shape)|similar|congruent|scale\w*|"
    r"pentagon|hexagon|polygon|triangles|quadrilaterals)\b", re.I)
_TRIANGLE = re.compile(r"\btriang(?:le|ular)\b", re.I)
_QUAD = re.compile(r"\b(?:quadrilateral|four-sided|parallelogram|trapezoid|trapezium|rhombus|kite)\b", re.I)


def _angle_sums(text: str) -> list[str]:
    triangle, quad = bool(_TRIANGLE.search(text)), bool(_QUAD.search(text))
    if triangle == quad or _MANY_SHAPES.search(text):
        return []
    angles = [v for v in (_num(m.group(1)) for m in _ANGLE.finditer(text)) if v is not None]
    shape, total, n = ("triangle", 180, 3) if triangle else ("quadrilateral", 360, 4)
    if len(angles) == n and sum(angles) != total:
        listed = ", ".join(f"{_show(a)}°" for a in angles)
        return [f"The angles of a {shape} always add up to {total}°, but {listed} add up to {_show(sum(angles))}°."]
    if len(angles) == n - 1 and sum(angles) >= total:
        return [f"The angles of a {shape} add up to {total}°, and the angles given already make "
                f"{_show(sum(angles))}°, leaving nothing for the rest."]
    if triangle and _RIGHT.search(text) and 90 not in angles and (
            len(angles) == 2 and sum(angles) != 90 or len(angles) == 3 and sum(angles) == 180):
        listed = " and ".join(f"{_show(a)}°" for a in angles)
        return [f"A right triangle has a 90° angle and its other two angles add up to 90°, which {listed} can't fit."]
    return []


def _triangle_sides(text: str) -> list[str]:
    if not _TRIANGLE.search(text) or _QUAD.search(text) or _MANY_SHAPES.search(text):
        return []
    found = []
    lists = [m for m in _SIDES3.finditer(text)]
    segments = {m.group(1): m.group(2) for m in _SEGMENT.finditer(text)}
    sides: list[Fraction] = []
    if len(lists) == 1:
        sides = [_num(g) for g in lists[0].groups()]
    elif not lists and len(segments) == 3:
        sides = [_num(v) for v in segments.values()]
    if len(sides) == 3 and all(sides):
        a, b, c = sorted(sides)
        if a + b <= c:
            found.append(f"Sides {_show(a)}, {_show(b)} and {_show(c)} can't make a triangle: the two shorter sides "
                         f"({_show(a)} + {_show(b)} = {_show(a + b)}) must add up to more than the longest ({_show(c)}).")
        elif _RIGHT.search(text) and a * a + b * b != c * c:
            found.append(f"Sides {_show(a)}, {_show(b)} and {_show(c)} can't make a right triangle: "
                         f"{_show(a)}² + {_show(b)}² = {_show(a * a + b * b)}, but {_show(c)}² = {_show(c * c)}.")
        return found
    hyp, legs = _HYP.search(text), _LEGS.search(text)
    if _RIGHT.search(text) and hyp and legs and len(_HYP.findall(text)) == 1:
        c = _num(hyp.group(1))
        leg_values = [v for v in (_num(g) for g in legs.groups() if g) if v]
        if c is None or not leg_values:
            return found
        if max(leg_values) >= c:
            found.append(f"In a right triangle the hypotenuse is the longest side, so a leg of {_show(max(leg_values))} "
                         f"can't go with a hypotenuse of {_show(c)}.")
        elif len(leg_values) == 2 and leg_values[0] ** 2 + leg_values[1] ** 2 != c * c:
            a, b = leg_values
            found.append(f"Legs {_show(a)} and {_show(b)} give a hypotenuse with {_show(a)}² + {_show(b)}² = "
                         f"{_show(a * a + b * b)}, but {_show(c)}² = {_show(c * c)}.")
    return found


_LENGTH_WORD = r"(?:sides?|length|width|height|radius|diameter|base|edge|perimeter|area|leg|hypotenuse)"


def _negative_length(text: str) -> list[str]:
    if re.search(r"\b(?:coordinate|number line|temperature|axis|vector|displacement|velocity|exponent|change)\b",
                 text, re.I):
        return []
    m = re.search(rf"\b{_LENGTH_WORD}\b(?:\s+(?:of|is|are|=|measures|measuring|length|of length))*\s*(?:=\s*)?"
                  rf"{_MINUS}\s*({_D})(?!\s*[-+*/^×÷])", text, re.I)
    if m and _num(m.group(1)):
        return [f"A length can't be negative, so -{m.group(1)} can't be the {m.group(0).split()[0].lower()} "
                "of a shape."]
    return []
