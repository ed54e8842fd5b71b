"""Geometry formula questions: area, perimeter, circumference, volume, surface area and Pythagoras, the way
students type them (angles are in :mod:`.angle_facts`, which reads questions the same way).

"area of a rectangle 8 by 5" (40), "whats the area of a circle with radius 3 cm" (9π cm² ≈ 28.27 cm²),
"volume of a box 3 by 4 by 5" (60), "legs 3 and 4 find the hypotenuse" (5), "hypotenuse is 13 and one leg
is 5, what is the other leg" (12).

A question is read only when it is one shape, its measurements and one thing asked, and nothing else:
every number must be a measurement we read (a number left over is a story's extra quantity), and every
other word must be on a short list (shape names, what is asked, fillers), so a story ("a garden 10 m by
6 m with a path 1 m wide round it"), a second shape, an inverse question ("the area is 24 and the width is
4"), a change ("if the radius is doubled") or any word we do not know gives None. Lengths are positive and
in one unit; a triangle keeps the triangle inequality, a hypotenuse is the longest side, given angles leave
room for the one asked. An impossible premise is not ours to answer (:mod:`tutor.verify.premises` says why).

Answers are exact: multiples of π ("9π ≈ 28.27"), surds ("5√2 ≈ 7.071"); "use 3.14" or "use 22/7" in the
question computes with that value. A length in cm gives an area in cm² and a volume in cm³.
"""

from __future__ import annotations

import re

import sympy as sp

from tutor.verify.recognise.reading import NotMine, Solution, approx, number_text, plain

MAX_VALUE = 10**9
"""A measurement past this is not a school geometry question."""
MAX_SIDES = 10_000

# --- reading the question into quantities --------------------------------------------------

_LENGTH_UNITS = {}
for _shown, _names in [
    ("mm", "mm millimeter millimeters millimetre millimetres"),
    ("cm", "cm centimeter centimeters centimetre centimetres"),
    ("dm", "dm decimeter decimeters decimetre decimetres"),
    ("m", "m meter meters metre metres"), ("km", "km kilometer kilometers kilometre kilometres"),
    ("in", "in inch inches"), ("ft", "ft foot feet"), ("yd", "yd yard yards"), ("mi", "mi mile miles"),
    ("units", "unit units"),
]:
    for _name in _names.split():
        _LENGTH_UNITS[_name] = _shown
_DEGREE_UNITS = ("degrees", "degree", "deg")
_UNIT_WORDS = "|".join(sorted([*(u for u in _LENGTH_UNITS if u != "in"), *_DEGREE_UNITS], key=len, reverse=True))
# "5 in" is inches only where nothing else can follow it: "sum of angles in a hexagon" has no number before "in"
_INCH = r"in(?=\s*(?:$|,|and\b|by\b|long\b|wide\b|tall\b|high\b|deep\b|each\b|on\b|radius\b|diameter\b|side\b|"\
        r"square\b|cube\b|circle\b))"
_AREA_UNIT = (rf"(?:(?:square|sq)\s+(?:{_UNIT_WORDS})|(?:{_UNIT_WORDS})\s*(?:²|\^\s*2|2\b|squared\b)"
              rf"|(?:cubic|cu)\s+(?:{_UNIT_WORDS})|(?:{_UNIT_WORDS})\s*(?:³|\^\s*3|3\b|cubed\b))")
_NUMBER = r"(?:\d+(?:\.\d+)?(?:/\d+)?|\.\d+)"
_QUANTITY = re.compile(rf"(?<![\w.#/])({_NUMBER})(?:\s*({_UNIT_WORDS}|{_INCH})\b)?(?![\w/])")
_ASKED_UNIT = re.compile(rf"\b(?:in|using)\s+(?:(square|sq|cubic|cu)\s+)?({_UNIT_WORDS}|in|inches)"
                         r"(?:\s*(²|\^\s*2|2|squared|³|\^\s*3|3|cubed))?\s*$")
_PI = re.compile(r"[,;]?\s*\b(?:and\s+)?(?:use|using|take|taking|let|with|where)?\s*(?:pi|π)\s*(?:=|as|is|≈|to be|"
                 r"equals|equal to)?\s*(3\.14|3\.14159|3\.1416|3\.142|22/7)\b|[,;]?\s*\b(?:and\s+)?(?:use|using)\s+"
                 r"(3\.14|3\.14159|3\.1416|3\.142|22/7)(?:\s+for\s+(?:pi|π))?")
_IN_TERMS_OF_PI = re.compile(r"[,;]?\s*\b(?:(?:leave|leaving|give|write|answer|express)"
                             r"(?: it| your answer| the answer)?\s+)?(?:in terms of|as a multiple of)\s+(?:pi|π)\b")


class _Question:
    """A question as quantities (``#0``, ``#1``, …) in its words, with the units, π and answer unit it names."""

    def __init__(self, text: str):
        t = " " + text.lower().replace("’", "'").replace("×", " by ").replace("−", "-") + " "
        t = re.sub(r"\bwhat'?s\b|\bwats\b|\bwhats\b", "what is", t)
        t = re.sub(r"\b(?:pls|plz|please|thanks|thank you|thx)\b", " ", t)
        t = t.replace("°", " degrees ").replace("º", " degrees ").replace("π", " pi ")
        if re.search(r"(?<![\w.])-\s*\.?\d", t) or re.search(r"\d,\d{3}(?!\d)", t):
            raise NotMine  # a negative length or a thousands comma ("3,400"): a trap or a reading we do not guess
        self.exact = bool(_IN_TERMS_OF_PI.search(t))
        t = _IN_TERMS_OF_PI.sub(" ", t)
        pis = [m.group(1) or m.group(2) for m in _PI.finditer(t)]
        if len(set(pis)) > 1 or (pis and self.exact):
            raise NotMine  # "use 3.14 … leave it in terms of π": which one?
        self.pi = sp.Rational(pis[0]) if pis else sp.pi
        t = _PI.sub(" ", t)
        t = re.sub(r"(?<=\d)\s*(?:x|\*)\s*(?=\.?\d)", " by ", t)  # 8x5, 8 x 5 cm
        t = re.sub(r"(?<=\d)(?=[a-z])", " ", t)  # 8cm -> 8 cm
        t = re.sub(r"(?<=[a-z])-(?=[a-z])|(?<=\d)-(?=[a-z])", " ", t)  # right-angled, 12-sided
        t = re.sub(r"[?!;:\"()]|(?<!\d)[.,]|[.,](?!\d)", lambda m: " , " if m.group(0) in ",;" else " ", t)
        t = re.sub(r"\s+", " ", t).strip()
        m = _ASKED_UNIT.search(t)
        self.asked_unit = None
        if m:
            unit = "in" if m.group(2) in ("in", "inches") else _LENGTH_UNITS.get(m.group(2))
            if unit is None:
                raise NotMine
            self.asked_unit = unit
            t = t[:m.start()].strip()
        if re.search(rf"\d\s*{_AREA_UNIT}", t):
            raise NotMine  # an area or a volume given: an inverse question, not a formula applied
        self.values: list[sp.Rational] = []
        self.units: list[str | None] = []

        def token(m: re.Match) -> str:
            self.values.append(sp.Rational(m.group(1)))
            unit = m.group(2)
            self.units.append(None if unit is None else "°" if unit in _DEGREE_UNITS else _LENGTH_UNITS[unit])
            return f"#{len(self.values) - 1}"

        self.text = _QUANTITY.sub(token, t)
        if re.search(r"\d", re.sub(r"#\d+", "", self.text)):
            raise NotMine  # a number we could not read as a quantity ("3rd", "1.2.3")
        self.used: set[int] = set()

    def take(self, pattern: re.Pattern[str] | str) -> list[re.Match]:
        """Every match of ``pattern``, its quantities marked as read and its words removed from the text."""
        found = []
        for m in re.finditer(pattern, self.text):
            found.append(m)
            self.used.update(int(i) for i in re.findall(r"#(\d+)", m.group(0)))
        if found:
            self.text = re.sub(pattern, " ~ ", self.text)
        return found

    def listed(self, text: str) -> list[int]:
        return [int(i) for i in re.findall(r"#(\d+)", text)]

    def check_read(self, extra_words: frozenset[str] = frozenset()) -> None:
        """Every quantity read and every word known, else the question is not one of ours."""
        if len(self.used) != len(self.values):
            raise NotMine
        words = set(re.findall(r"[a-z']+", self.text))
        if words - _WORDS - extra_words:
            raise NotMine

    def unit_of(self, indices) -> str | None:
        """The one length unit of these quantities (one stated covers the rest), None if none; mixed: not ours."""
        units = {self.units[i] for i in indices} - {None}
        if "°" in units or len(units) > 1:
            raise NotMine
        unit = units.pop() if units else None
        if self.asked_unit is not None:
            if unit is not None and unit != self.asked_unit:
                raise NotMine  # given in cm, asked in m: a conversion we leave to the model-written programs
            unit = self.asked_unit
        return None if unit == "units" else unit


_LABEL_WORDS = "length|width|breadth|height|depth|radius|diameter|side|edge|base|hypotenuse|leg"
_OBJECTS = "garden|room|field|yard|lawn|park|pool|pond|tank|table|floor|plot|rug|mat|window|door|board|plate|wheel"
"""Things a shape is said to be ("a rectangular garden is 10 m by 6 m"): words that change nothing asked."""
_SHAPE_WORDS = ("rectangle|square|triangle|parallelogram|trapezoid|trapezium|circle|cube|cuboid|box|prism|cylinder|"
                "sphere|ball|cone|pyramid|polygon|pentagon|hexagon|heptagon|octagon|nonagon|decagon|dodecagon|"
                f"{_OBJECTS}")

_WORDS = frozenset("""
a an the of for with and to is are was be its it this that which whose has have having had given if
what find calculate compute work out get determine tell me give show how do does did i you we can could would
will should figure need want help solve answer value measure measures measuring measured shape whole total
its their each all both one two three four any equal same , ~ what's
area perimeter circumference volume surface distance
length lengths long side sides edge edges width wide breadth height high tall deep depth base bases parallel
radius diameter leg legs hypotenuse other another missing unknown third fourth last remaining
rectangle rectangular oblong square triangle triangular right angled angle regular equilateral isosceles circle
parallelogram trapezoid trapezium cube cuboid box prism solid cylinder sphere ball cone pyramid based
polygon pentagon hexagon heptagon octagon nonagon decagon dodecagon sided gon shaped units unit so it's
circular
""".split()) | frozenset(_OBJECTS.split("|"))


def _value(q: _Question, i: int) -> sp.Rational:
    v = q.values[i]
    if v <= 0 or v > MAX_VALUE:
        raise NotMine
    return v


# --- shapes and what is asked ------------------------------------------------------------

_SHAPES = [  # (name, pattern): the first name that matches a mention wins for that mention
    ("cuboid", r"\b(?:cuboid|rectangular (?:prism|box|solid)|box)\b"),
    ("pyramid", r"\b(?:(?:square|rectangular)(?: based| base)? )?pyramid\b"),
    ("cube", r"\bcube\b"), ("cylinder", r"\bcylinder\b"), ("sphere", r"\b(?:sphere|ball)\b"), ("cone", r"\bcone\b"),
    ("right_triangle", r"\bright (?:angled |angle )?triangle\b|\btriangle with a right angle\b"),
    ("equilateral", r"\bequilateral triangle\b"),
    ("triangle", r"\btriangle\b"), ("parallelogram", r"\bparallelogram\b"),
    ("trapezoid", r"\btrapez(?:oid|ium)\b"),
    ("rectangle", r"\b(?:rectangle|oblong|rectangular(?! (?:base|based)\b))\b"),
    ("square", r"\bsquare\b"), ("circle", r"\b(?:circle|circular)\b"),
    ("polygon", r"\b(?:regular )?(?:polygon|pentagon|hexagon|heptagon|octagon|nonagon|decagon|dodecagon)\b"),
]
POLYGON_SIDES = {"triangle": 3, "quadrilateral": 4, "pentagon": 5, "hexagon": 6, "heptagon": 7, "septagon": 7,
                 "octagon": 8, "nonagon": 9, "decagon": 10, "hendecagon": 11, "undecagon": 11, "dodecagon": 12}


def _shape(q: _Question) -> str | None:
    found = set()
    text = q.text
    for name, pattern in _SHAPES:
        if re.search(pattern, text):
            found.add(name)
            text = re.sub(pattern, " ", text)
    if "pyramid" in found:
        found -= {"square", "rectangle"}  # "a pyramid with a square base"
    if "cylinder" in found or "cone" in found:
        found -= {"circle"}  # "a circular cylinder", "a cone with a circular base"
    if len(found) > 1:
        raise NotMine  # two shapes: a composite figure or a comparison
    return found.pop() if found else None


_ASKS = [
    ("surface", r"\b(?:total )?surface area\b"), ("area", r"\barea\b"),
    ("perimeter", r"\bperimeter\b|\bdistance around\b"),
    ("circumference", r"\bcircumference\b"), ("volume", r"\bvolume\b"),
    ("leg", r"\b(?:other|missing|unknown|third|remaining|another) (?:leg|side)\b"),
    ("hypotenuse", r"\bhypotenuse\b"), ("radius", r"\bradius\b"), ("diameter", r"\bdiameter\b"),
]


# --- measurements ------------------------------------------------------------------------

_Q = r"#\d+"
_LIST = rf"{_Q}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*){_Q})+"
_FILL = (r"\s*(?:(?:of|are|is|measuring|measures|measure|with|lengths?|each|equal to|that are|which are)\b\s*"
         r"|[=,]\s*)*")
_LABELS = {  # label word -> role
    "length": "length", "long": "length", "width": "width", "wide": "width", "breadth": "width",
    "height": "height", "high": "height", "tall": "height", "deep": "height", "depth": "height",
    "radius": "radius", "diameter": "diameter", "side": "side", "edge": "side", "base": "base",
    "hypotenuse": "hypotenuse", "leg": "leg", "sides": "side", "edges": "side",
}
_ONE_OF_SEVERAL = "other|another|missing|unknown|third|fourth|last|remaining"
_PLURALS = {"legs": "legs", "sides": "sides", "bases": "bases", "parallel sides": "bases", "side lengths": "sides",
            "lengths": "sides", "edges": "sides"}


def _measures(q: _Question) -> dict[str, list[int]]:
    """The measurements by role: {"length": [#i], "legs": [#i, #j], "dims": [#i, #j, #k], "count": [#n], ...}."""
    found: dict[str, list[int]] = {}

    def add(role: str, indices: list[int]) -> None:
        found.setdefault(role, []).extend(indices)

    # "the radius of a sphere is 6", "the legs of a right triangle are 6 and 8": the shape is already known
    q.text = re.sub(rf"\b((?:{_LABEL_WORDS})s?) of (?:a|an|the|this|that|its|my) (?:(?:right|right angled|regular|"
                    rf"rectangular|square|equilateral|circular) )?(?:{_SHAPE_WORDS}) (?=is\b|are\b|=|measures?\b)",
                    r"\1 ", q.text)
    # "both legs are 5", "two legs of length 7", "legs are each 6 cm", "isosceles right triangle with legs 4":
    # one length for the two legs of a right triangle
    for m in q.take(rf"\b(?:both|two|the two|equal) (?:equal )?legs\b{_FILL}({_Q})(?! ?(?:,|and|&) ?{_Q})"
                    rf"|\blegs (?:are )?each(?: of)?(?: length)? ({_Q})"
                    rf"|(?<=\bisosceles right triangle )(?:with |has |whose )?legs\b{_FILL}({_Q})(?! ?(?:,|and|&) ?{_Q})"):
        i = int(next(g for g in m.groups() if g)[1:])
        add("legs", [i, i])
    # "6 sides of length 4", "a polygon with 8 equal sides each 5 cm", "12 sided polygon", "a 12-gon"
    for m in q.take(rf"({_Q}) (?:equal )?sides?(?: each| of| each of)?(?: length| side length)?(?: of)? ({_Q})"
                    r"(?: each)?"):
        add("count", [int(m.group(1)[1:])])
        add("side", [int(m.group(2)[1:])])
    for m in q.take(rf"({_Q}) (?:equal )?(?:sides|sided|gon)\b"):
        i = int(m.group(1)[1:])
        add("side" if q.units[i] is not None else "count", [i])  # "a hexagon with 6 cm sides": a length
    for m in q.take(rf"{_Q}(?: by {_Q}){{1,2}}"):
        add("dims", q.listed(m.group(0)))
    for plural, role in sorted(_PLURALS.items(), key=lambda kv: -len(kv[0])):
        for m in q.take(rf"\b{plural}\b{_FILL}({_LIST})"):
            add(role, q.listed(m.group(1)))
    for m in q.take(rf"\b(?:the )?length of (?:each|a|one|the|every) (?:side|edge){_FILL}({_Q})"):
        add("side", [int(m.group(1)[1:])])
    for m in q.take(rf"({_Q}) on (?:each|a|every) side\b"):
        add("side", [int(m.group(1)[1:])])
    for m in q.take(rf"\b(?:(?:one|a|the first|first|another|the other|other|second|the second) )?"
                    rf"(length|width|breadth|height|depth|radius|diameter|sides?|edges?|base|hypotenuse|leg)"
                    rf"(?: length)?\b{_FILL}({_Q})"):
        add(_LABELS[m.group(1)], [int(m.group(2)[1:])])  # "a square with sides of 6": one side
    for m in q.take(rf"({_Q}) (long|wide|tall|high|deep|radius|diameter|base|height|side|edge|leg|hypotenuse)\b"):
        add(_LABELS[m.group(2)], [int(m.group(1)[1:])])
    for m in q.take(rf"({_Q}) (?=square\b|cube\b)"):  # "a 5 cm square", "a 3 cm cube": the side
        add("side", [int(m.group(1)[1:])])
    return found


def _one(found: dict[str, list[int]], q: _Question, role: str) -> sp.Rational | None:
    indices = found.get(role, [])
    if len(indices) > 1:
        raise NotMine
    return _value(q, indices[0]) if indices else None


def _needs(found: dict[str, list[int]], *roles: str) -> bool:
    """Exactly these roles were given (nothing more: an extra measurement is a story's quantity)."""
    return set(found) == set(roles)


def shapes(text: str) -> Solution | None:
    """Area, perimeter, circumference, volume, surface area, Pythagoras of one named shape."""
    if not re.search(r"area|perimeter|circumference|volume|hypotenuse|leg|radius|diameter|distance around", text, re.I):
        return None
    if re.search(r"\bangles?\b", text, re.I) and not re.search(r"right[- ]angle\b", text, re.I):
        return None  # angles are :mod:`.angle_facts`' questions
    q = _Question(text)
    shape = _shape(q)
    found = _measures(q)  # first, so "the hypotenuse is 13" is a measurement and "the other leg" what is asked
    asks = [name for name, pattern in _ASKS if q.take(pattern)]
    if len(asks) != 1 or (asks[0] in ("radius", "diameter") and shape != "circle"):
        return None
    q.check_read()
    ask = asks[0]
    if ask != "leg" and re.search(rf"\b(?:{_ONE_OF_SEVERAL})\b", q.text):
        return None  # "the area of the other rectangle": a part of a larger story
    named = re.sub(r"\bbase\b", " ", q.text) if shape == "pyramid" else q.text  # "a pyramid with a square base …"
    if ask not in ("leg", "hypotenuse") and re.search(rf"\b(?:{_LABEL_WORDS}|width|wide|tall|high|deep|legs|bases)\b",
                                                     named):
        return None  # a measurement named without its number ("… and the height the same"): not read in full
    unit = q.unit_of([i for role, ids in found.items() if role != "count" for i in ids])
    value, power = _compute(shape, ask, found, q)
    if value is None:
        return None
    if q.pi is not sp.pi:
        if not value.has(sp.pi):
            return None  # "use 3.14" where no π is needed: not the question we think it is
        value = value.subs(sp.pi, q.pi)
    elif q.exact and not value.has(sp.pi):
        return None
    return _answer(ask, shape or "right triangle", value, unit, power, q)


def _compute(shape: str | None, ask: str, found: dict[str, list[int]], q: _Question):
    """(the answer, its unit's power: 1 length, 2 area, 3 volume), or (None, 0) when the shape/ask is not a formula."""
    one = lambda role: _one(found, q, role)  # noqa: E731
    pi = sp.pi
    if ask in ("hypotenuse", "leg"):
        return _pythagoras(shape, ask, found, q), 1
    if shape in ("rectangle", "square", "parallelogram"):
        sides = _rectangle(shape, found, q)
        if sides is None:
            return None, 0
        a, b = sides
        if ask == "area":
            return a * b, 2
        if ask == "perimeter":
            return 2 * (a + b), 1
        return None, 0
    if shape == "circle":
        r = _radius(found, q)
        if r is None:
            return None, 0
        if ask == "area":
            return pi * r**2, 2
        if ask in ("circumference", "perimeter"):
            return 2 * pi * r, 1
        if ask == "radius" and _needs(found, "diameter"):
            return r, 1
        if ask == "diameter" and _needs(found, "radius"):
            return 2 * r, 1
        return None, 0
    if shape in ("triangle", "right_triangle", "equilateral"):
        return _triangle(shape, ask, found, q)
    if shape == "trapezoid" and ask == "area":
        bases = found.get("bases", [])
        if _needs(found, "bases", "height") and len(bases) == 2:
            a, b = (_value(q, i) for i in bases)
            return (a + b) * one("height") / 2, 2
        return None, 0
    if shape == "polygon" and ask == "perimeter":
        return _polygon_perimeter(found, q), 1
    if shape in ("cube", "cuboid", "cylinder", "sphere", "cone", "pyramid") and ask in ("volume", "surface"):
        return _solid(shape, ask, found, q)
    return None, 0


def _rectangle(shape: str, found: dict[str, list[int]], q: _Question):
    """The two side lengths of a rectangle, a square (equal) or a parallelogram's base and height."""
    one = lambda role: _one(found, q, role)  # noqa: E731
    if shape == "square":
        if _needs(found, "side") or _needs(found, "length"):
            s = one("side") or one("length")
            return s, s
        return None
    if shape == "parallelogram":
        if _needs(found, "base", "height"):
            return one("base"), one("height")
        return None  # its perimeter needs the slanted side, its area the height: only base × height is read
    if _needs(found, "dims") and len(found["dims"]) == 2:
        return tuple(_value(q, i) for i in found["dims"])
    for pair in (("length", "width"), ("base", "height"), ("length", "height"), ("width", "height")):
        if _needs(found, *pair):
            return one(pair[0]), one(pair[1])
    if (_needs(found, "sides") or _needs(found, "side")) and len(found.get("sides", found.get("side"))) == 2:
        return tuple(_value(q, i) for i in found.get("sides", found.get("side")))
    return None


def _radius(found: dict[str, list[int]], q: _Question):
    if _needs(found, "radius"):
        return _one(found, q, "radius")
    if _needs(found, "diameter"):
        return _one(found, q, "diameter") / 2
    return None


def _triangle(shape: str, ask: str, found: dict[str, list[int]], q: _Question):
    one = lambda role: _one(found, q, role)  # noqa: E731
    if ask == "area":
        if _needs(found, "base", "height"):
            return one("base") * one("height") / 2, 2
        if shape == "right_triangle" and _needs(found, "legs") and len(found["legs"]) == 2:
            a, b = (_value(q, i) for i in found["legs"])
            return a * b / 2, 2
        if shape == "equilateral" and _needs(found, "side"):
            return sp.sqrt(3) / 4 * one("side") ** 2, 2
        return None, 0
    if ask == "perimeter":
        if shape == "equilateral" and _needs(found, "side"):
            return 3 * one("side"), 1
        if _needs(found, "sides") and len(found["sides"]) == 3:
            a, b, c = sorted(_value(q, i) for i in found["sides"])
            if a + b <= c or (shape == "right_triangle" and a * a + b * b != c * c):
                return None, 0  # no such triangle: a false premise, not a perimeter
            if shape == "equilateral" and not a == b == c:
                return None, 0
            return a + b + c, 1
    return None, 0


def _pythagoras(shape: str | None, ask: str, found: dict[str, list[int]], q: _Question):
    """The hypotenuse from two legs, or the other leg from the hypotenuse and one leg (right triangles only)."""
    if shape not in (None, "right_triangle", "triangle"):
        return None
    if shape == "triangle" and ask == "leg":
        return None  # "the third side of a triangle": not determined without the right angle
    if ask == "hypotenuse":
        if shape is None and not found.get("legs") and not found.get("leg"):
            return None
        for roles in (("legs",), ("sides",), ("leg",), ("base", "height")):
            if _needs(found, *roles):
                indices = [i for r in roles for i in found[r]]
                if len(indices) == 2:
                    a, b = (_value(q, i) for i in indices)
                    return sp.sqrt(a * a + b * b)
        return None
    if "hypotenuse" not in found or len(found) != 2 or len(found["hypotenuse"]) != 1:
        return None
    c = _one(found, q, "hypotenuse")
    (role,) = set(found) - {"hypotenuse"}
    if role not in ("leg", "side", "base", "height", "length") or len(found[role]) != 1:
        return None
    a = _value(q, found[role][0])
    if a >= c:
        return None  # the hypotenuse is the longest side: a false premise
    return sp.sqrt(c * c - a * a)


def _polygon_perimeter(found: dict[str, list[int]], q: _Question):
    words = q.text
    count = None
    name = re.search(r"\b(pentagon|hexagon|heptagon|octagon|nonagon|decagon|dodecagon)\b", words)
    if name:
        count = POLYGON_SIDES[name.group(1)]
    if "count" in found:
        n = _one(found, q, "count")
        if not n.is_Integer or n < 3 or n > MAX_SIDES or (count is not None and n != count):
            return None
        count = int(n)
    regular = re.search(r"\bregular\b|\bequal\b|\beach\b|\ball\b", words) or "count" in found
    if count is None or not regular or set(found) - {"count"} != {"side"}:
        return None
    return count * _one(found, q, "side")


def _solid(shape: str, ask: str, found: dict[str, list[int]], q: _Question):
    one = lambda role: _one(found, q, role)  # noqa: E731
    pi = sp.pi
    if shape == "cube":
        if not (_needs(found, "side") or _needs(found, "length")):
            return None, 0
        e = one("side") or one("length")
        return (e**3, 3) if ask == "volume" else (6 * e**2, 2)
    if shape in ("cuboid", "pyramid"):
        dims = _box(found, q)
        if dims is None and shape == "pyramid" and re.search(r"\bsquare\b", q.text) and _needs(found, "side", "height"):
            dims = (one("side"), one("side"), one("height"))
        if dims is None:
            return None, 0
        a, b, c = dims
        if shape == "pyramid":
            return (a * b * c / 3, 3) if ask == "volume" else (None, 0)
        return (a * b * c, 3) if ask == "volume" else (2 * (a * b + a * c + b * c), 2)
    r = one("radius") if "radius" in found else one("diameter") / 2 if "diameter" in found else None
    if r is None or ("radius" in found and "diameter" in found):
        return None, 0
    if shape == "sphere":
        if set(found) not in ({"radius"}, {"diameter"}):
            return None, 0
        return (sp.Rational(4, 3) * pi * r**3, 3) if ask == "volume" else (4 * pi * r**2, 2)
    if set(found) - {"radius", "diameter"} != {"height"}:
        return None, 0
    h = one("height")
    if shape == "cylinder":
        return (pi * r**2 * h, 3) if ask == "volume" else (2 * pi * r**2 + 2 * pi * r * h, 2)
    return (pi * r**2 * h / 3, 3) if ask == "volume" else (None, 0)  # a cone's surface needs its slant height


def _box(found: dict[str, list[int]], q: _Question):
    if _needs(found, "dims") and len(found["dims"]) == 3:
        return tuple(_value(q, i) for i in found["dims"])
    if _needs(found, "dims", "height") and len(found["dims"]) == 2:
        return (*(_value(q, i) for i in found["dims"]), _one(found, q, "height"))
    if _needs(found, "length", "width", "height"):
        return tuple(_one(found, q, r) for r in ("length", "width", "height"))
    if _needs(found, "sides") and len(found["sides"]) == 3:
        return tuple(_value(q, i) for i in found["sides"])
    return None


_UNIT_POWER = {1: "", 2: "²", 3: "³"}


def _answer(ask: str, shape: str, value, unit: str | None, power: int, q: _Question) -> Solution:
    value = sp.nsimplify(value) if isinstance(value, sp.Float) else sp.simplify(value)
    if not value.is_positive or not value.is_finite:
        raise NotMine
    shown_unit = f" {unit}{_UNIT_POWER[power]}" if unit else ""
    exact = _exact_text(value)
    if value.is_Rational and not number_text(value).replace(".", "").isdigit():
        # 140/3 cm³: the decimal a child will write, beside the exact value
        text = f"{exact}{shown_unit} ≈ {decimal(value)}{shown_unit}"
    elif value.is_Rational or q.exact:
        text = f"{exact}{shown_unit}"
    else:
        text = f"{exact}{shown_unit} ≈ {decimal(value)}{shown_unit}"
    what = {"surface": "surface area", "leg": "other leg"}.get(ask, ask)
    return Solution(what.replace(" ", "_"), value, text, f"{what} of the {shape.replace('_', ' ')}",
                    unit=(unit + _UNIT_POWER[power]) if unit else None)


def decimal(value) -> str:
    """The value to four significant digits (1.414, 28.27, 0.7854), or to two decimal places from 100 (314.16)."""
    number = float(sp.N(value, 20))
    return f"{number:.2f}".rstrip("0").rstrip(".") if abs(number) >= 100 else approx(value)


def _exact_text(value) -> str:
    """9π, 6.25π, 5√2, 140/3: the exact value as a child writes it."""
    if value.is_Rational:
        return number_text(value)
    coeff, rest = value.as_coeff_Mul()
    if coeff.is_Rational and rest == sp.pi:
        shown = number_text(coeff)
        if "/" not in shown:
            return "π" if coeff == 1 else f"{shown}π"
        return f"{'' if coeff.p == 1 else coeff.p}π/{coeff.q}"
    return plain(value)

