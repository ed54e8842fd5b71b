"""Angle sums, triangle sides and negative lengths."""

from __future__ import annotations

import re
from fractions import Fraction

from tutor.verify.premises.reading import _D, _MINUS, _num, _show

_ANGLE = re.compile(rf"(?<![\w+\-*/^(])({_D})\s*(?:°|º|degrees?\b|deg\b)", re.I)
_UNIT = r"cm|mm|km|m|in|inch|inches|ft|foot|feet|yd|yards?|metres?|meters?|units?"
_LEN = rf"({_D})(?!\s*(?:°|º|deg|%))\s*(?:cm|mm|km|m|in|inches|ft|feet|yd|yards|units?)?\b"
_LIST3 = re.compile(rf"{_LEN}\s*,\s*{_LEN}\s*,?\s*(?:and\s+)?{_LEN}", re.I)
_SIDES3 = re.compile(rf"\b(?:sides?|side lengths|lengths|measuring)\b[^.?!\d]{{0,30}}?{_LIST3.pattern}", re.I)
_UNITED = rf"({_D})\s*(?:{_UNIT})\b"
_UNITED3 = re.compile(rf"{_UNITED}\s*,\s*{_UNITED}\s*,?\s*(?:and\s+)?{_UNITED}", re.I)
_SEGMENT = re.compile(rf"\b([A-Z]{{2}})\s*=\s*{_LEN}")
_RIGHT_AT = re.compile(r"\bright\s+angle\s+(?:is\s+)?at\s+([A-Z])\b|\bangle\s+([A-Z])\s*(?:=|is)\s*90\b")
_HYP = re.compile(rf"\bhypotenuse\s*(?:of|is|=|measures|measuring|of length)?\s*{_LEN}", re.I)
_LEGS = re.compile(rf"\blegs?\b[^.?!\d]{{0,30}}?{_LEN}(?:\s*(?:,|and)\s*{_LEN})?", re.I)
_RIGHT = re.compile(r"\bright[- ]?(?:angled\s+)?triangle|\btriangle\s+with\s+a\s+right\s+angle", re.I)
_MANY_SHAPES = re.compile(
    r"\b(?:(?:exterior|outside)\s+angles?\s+(?:of\s+\w+\s+\w+\s+)?(?:are|is|measure|of|=|:)|rotat\w*|turn\w*|elevation|"
    r"depression|bearing|clock|arc|sector|(?:another|second|other)\s+(?:triangle|shape)|similar|congruent|scale\w*|"
    r"pentagon|hexagon|polygon|triangles|quadrilaterals)\b", re.I)
_TRIANGLE = re.compile(r"\btriang(?:le|ular)\b", re.I)
_QUAD = re.compile(r"\b(?:quadrilateral|four-sided|parallelogram|trapezoid|trapezium|rhombus|kite)\b", re.I)


_DEGREE = r"(?:°|º|degrees?\b|deg\b)"
_ANGLE_LIST = re.compile(
    rf"(?<![\w+\-*/^(.])((?:{_D}\s*(?:°|º)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)){{1,4}}{_D})\s*{_DEGREE}", re.I)
"""'30, 60 and 100 degrees': a unit written once after a list covers every number in it."""
_BASE_ANGLE = re.compile(rf"\bbase\s+angles?\b[^.?!\d]{{0,40}}?({_D})\s*{_DEGREE}?", re.I)
_TWO_OF = re.compile(r"\b(?:two|2|both)\s+(right|obtuse)\s+angles\b|\b(?:two|2)\s+angles\s+(?:of|that are|are)\s+"
                     r"(?:both\s+)?(right|obtuse)\b|\bmore than one (right|obtuse) angle\b", re.I)


def _angles(text: str) -> list[Fraction]:
    """Every angle the text states, in order; a base angle of an isosceles triangle counts twice."""
    found: dict[int, Fraction] = {}
    for m in _ANGLE.finditer(text):
        found[m.start(1)] = _num(m.group(1))
    for m in _ANGLE_LIST.finditer(text):
        for n in re.finditer(_D, m.group(1)):
            found.setdefault(m.start(1) + n.start(), _num(n.group(0)))
    angles = [found[k] for k in sorted(found) if found[k] is not None]
    base = _BASE_ANGLE.search(text)
    if base and _num(base.group(1)) is not None and _num(base.group(1)) in angles:
        angles.insert(angles.index(_num(base.group(1))), _num(base.group(1)))
    return angles


def _angle_sums(text: str) -> list[str]:
    triangle, quad = bool(_TRIANGLE.search(text)), bool(_QUAD.search(text))
    if triangle == quad or _MANY_SHAPES.search(text):
        return []
    two = _TWO_OF.search(text)
    if triangle and two:
        kind = next(g for g in two.groups() if g).lower()
        return [f"A triangle can't have two {kind} angles: together they would already make "
                f"{'180°' if kind == 'right' else 'more than 180°'}, and the three angles add up to exactly 180°."]
    angles = _angles(text)
    if len(angles) > (3 if triangle else 4):  # "… 53 degrees. Find the side opposite the 72 degree angle": named again
        angles = list(dict.fromkeys(angles))
    base = _BASE_ANGLE.search(text)
    if triangle and base and _num(base.group(1)) and 2 * _num(base.group(1)) >= 180:
        v = _num(base.group(1))
        return [f"The two base angles of an isosceles triangle are equal, and two angles of {_show(v)}° already make "
                f"{_show(2 * v)}°, but all three angles add up to 180°."]
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
    if not lists:  # "three sticks that are 9 in, 13 in and 25 in long … into a triangle": a unit on each length
        lists = [m for m in _UNITED3.finditer(text)]
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
    at = _RIGHT_AT.search(text)
    if at and len(segments) >= 2:
        vertex = next(g for g in at.groups() if g).upper()
        hyps = {k: _num(v) for k, v in segments.items() if vertex not in k}
        legs_at = {k: _num(v) for k, v in segments.items() if vertex in k}
        if len(hyps) == 1 and legs_at:
            (name, c), (leg, longest) = next(iter(hyps.items())), max(legs_at.items(), key=lambda kv: kv[1])
            if c is not None and longest is not None and longest >= c:
                return [f"With the right angle at {vertex}, {name} is the hypotenuse, the longest side, so it can't "
                        f"be {_show(c)} when {leg} is {_show(longest)}."]
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


_SLANTED = r"(?:ladder|plank|ramp|slide|rope|wire|cable|pole|board)"
_LADDER = re.compile(rf"\b{_SLANTED}\b", re.I)
_LADDER_LENGTH = re.compile(rf"(?:({_D})\s*(?:-|\s)?(?:{_UNIT})\s*(?:-|\s)?(?:long\s+)?{_SLANTED}|{_SLANTED}\s+"
                            rf"(?:is\s+|of\s+|that\s+is\s+|measuring\s+)?(?:length\s+)?({_D})\s*(?:{_UNIT})?\s*(?:long)?)", re.I)
_LADDER_FOOT = re.compile(rf"\b(?:foot|base|bottom|end|feet)\b[^.?!\d]{{0,40}}?({_D})\s*(?:{_UNIT})?\s*(?:away\s+)?"
                          rf"(?:from|out from)\s+(?:the|its|a|that)\s+\w+", re.I)
_LADDER_RUN = re.compile(rf"\b(?:horizontal\s+(?:distance|run|length)|run|ground\s+distance)\s+(?:of\s+|is\s+)?({_D})"
                         rf"|({_D})\s*(?:{_UNIT})?\s+(?:horizontally|along\s+the\s+ground|of\s+(?:horizontal\s+)?ground)", re.I)
_LADDER_TOP = re.compile(rf"\b(?:reaches|reaching|touches|top\s+is|top\s+at|up)\b[^.?!\d]{{0,25}}?({_D})\s*(?:{_UNIT})?\s*"
                         rf"(?:up|high|above)", re.I)


def _ladder(text: str) -> list[str]:
    """A ladder (rope, ramp...) against a wall is the hypotenuse: its foot can't be as far out as it is long."""
    if not _LADDER.search(text):
        return []
    length = _LADDER_LENGTH.search(text)
    if not length:
        return []
    long = _num(length.group(1) or length.group(2))
    thing = _LADDER.search(length.group(0)).group(0).lower()
    for pattern, where in ((_LADDER_FOOT, "stand with its foot {d} from the wall"), (_LADDER_TOP, "reach {d} up"),
                           (_LADDER_RUN, "cover {d} along the ground")):
        m = pattern.search(text)
        d = _num(next(g for g in m.groups() if g)) if m else None
        if long and d is not None and d >= long:
            return [f"A slanted {thing} is the longest side of the right triangle it makes, so a {thing} {_show(long)} "
                    f"long can't {where.format(d=_show(d))}: each leg is shorter than the hypotenuse."]
    return []


_SQUARE_SIDES = re.compile(rf"\b(square|equilateral\s+triangle|cube|rhombus)\b[^.?!]{{0,60}}?\b(?:sides?|edges?)\b[^.?!\d]{{0,20}}?"
                           rf"({_D})\s*(?:{_UNIT})?\b[^.?!\d]{{0,40}}?\b(?:another|other|second|and|one)\b[^.?!\d]{{0,25}}?"
                           rf"({_D})\s*(?:{_UNIT})?", re.I)


def _equal_sides(text: str) -> list[str]:
    """A square (equilateral triangle, cube, rhombus) has all its sides equal: two different sides are impossible."""
    m = _SQUARE_SIDES.search(text)
    if not m or re.search(r"\b(?:rectangle|squares|other\s+(?:square|shape))\b", text, re.I):
        return []
    a, b = _num(m.group(2)), _num(m.group(3))
    if a is None or b is None or a == b:
        return []
    shape = m.group(1).lower()
    return [f"All the sides of a {shape} are equal, so it can't have one side of {_show(a)} and another of {_show(b)}."]


_DIAGONAL = re.compile(rf"\b(?:diagonal(?:ly)?|measured\s+(?:on|along)\s+the\s+diagonal)\b", re.I)
_DIAGONAL_VALUE = re.compile(rf"({_D})\s*(?:-|\s)?(?:{_UNIT})?\s*(?:\w+\s+){{0,4}}?(?:measured\s+)?(?:on\s+|along\s+)?(?:the\s+)?"
                             rf"diagonal|diagonal\s+(?:of\s+|is\s+|measures\s+|=\s*)?({_D})", re.I)
_WIDE = re.compile(rf"({_D})\s*(?:{_UNIT})?\s*(?:wide|long|across)|(?:width|length)\s+(?:of\s+|is\s+)?({_D})", re.I)
_TALL = re.compile(rf"({_D})\s*(?:{_UNIT})?\s*(?:tall|high)|(?:height)\s+(?:of\s+|is\s+)?({_D})", re.I)


def _rectangle_diagonal(text: str) -> list[str]:
    """A rectangle (a screen, a door, a field) given its width, height and diagonal must fit Pythagoras."""
    if not _DIAGONAL.search(text) or _TRIANGLE.search(text):
        return []
    d, w, h = _DIAGONAL_VALUE.search(text), _WIDE.search(text), _TALL.search(text)
    if not (d and w and h):
        return []
    d, w, h = (_num(next(g for g in m.groups() if g)) for m in (d, w, h))
    if None in (d, w, h) or len({d, w, h}) < 3:
        return []
    exact = (w * w + h * h) ** 0.5
    if abs(exact - float(d)) <= 0.02 * float(d):
        return []  # a rounded diagonal ("a 40-inch screen") is not a contradiction
    return [f"A rectangle {_show(w)} wide and {_show(h)} tall has a diagonal of about {exact:.1f} "
            f"({_show(w)}² + {_show(h)}² = {_show(w * w + h * h)}), not {_show(d)}."]


_NAMED_SQUARE = re.compile(r"\b([A-Z]{4})\s+is\s+a\s+square\b|\bsquare\s+([A-Z]{4})\b")


def _square_segments(text: str) -> list[str]:
    """Square ABCD with AB = 6 and BC = 8: the sides of a square are equal."""
    m = _NAMED_SQUARE.search(text)
    if not m:
        return []
    name = next(g for g in m.groups() if g)
    sides = {name[i] + name[(i + 1) % 4] for i in range(4)}
    sides |= {side[::-1] for side in sides}
    given = {k: _num(v) for k, v in ((s.group(1), s.group(2)) for s in _SEGMENT.finditer(text)) if k in sides}
    values = {v for v in given.values() if v is not None}
    if len(values) > 1:
        listed = " and ".join(f"{k} = {_show(v)}" for k, v in given.items())
        return [f"All four sides of a square are equal, so {name} can't have {listed}."]
    return []


_RECT_PERIMETER = re.compile(rf"\b(?:rectangle|rectangular)\b[^.?!]{{0,80}}?\bperimeter\s+(?:of\s+|is\s+)?({_D})", re.I)
_RECT_SIDE = re.compile(rf"\b(?:one\s+)?(?:side|length|width)\s+(?:is\s+|of\s+)?({_D})", re.I)


def _rectangle_perimeter(text: str) -> list[str]:
    """A rectangle whose one side is already half its perimeter or more: the other side would be 0 or negative."""
    p = _RECT_PERIMETER.search(text)
    if not p:
        return []
    perimeter = _num(p.group(1))
    for m in _RECT_SIDE.finditer(text):
        side = _num(m.group(1))
        if side is not None and perimeter is not None and m.start(1) != p.start(1) and 2 * side >= perimeter:
            return [f"Two sides of {_show(side)} already make {_show(2 * side)}, so a rectangle with a perimeter of "
                    f"{_show(perimeter)} can't have a side that long: the other side would be "
                    f"{_show(perimeter / 2 - side)}."]
    return []


_POLYGON_SIDES = {"triangle": 3, "square": 4, "pentagon": 5, "hexagon": 6, "heptagon": 7, "octagon": 8,
                  "nonagon": 9, "decagon": 10}
_REGULAR_ANGLE = re.compile(r"\bregular\s+(" + "|".join(_POLYGON_SIDES) + rf")\b[^.?!]{{0,40}}?\b(?:interior\s+)?"
                            rf"angles?\s+(?:of\s+|is\s+|measures?\s+|=\s*)?({_D})", re.I)


def _regular_polygon(text: str) -> list[str]:
    """Every angle of a regular polygon with n sides is 180(n - 2)/n: a pentagon's is 108°, not 100°."""
    m = _REGULAR_ANGLE.search(text)
    if not m:
        return []
    n = _POLYGON_SIDES[m.group(1).lower()]
    angle, right = _num(m.group(2)), Fraction(180 * (n - 2), n)
    if angle is None or angle == right:
        return []
    return [f"Every angle of a regular {m.group(1).lower()} is {_show(right)}° (180° × {n - 2} ÷ {n}), "
            f"so it can't have an angle of {_show(angle)}°."]
