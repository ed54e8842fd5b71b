"""One shape inside an everyday story, when the question asks exactly one measure of it.

"a rectangle garden is 14 m long and 9 m wide how much fencing" (perimeter, 46 m), "a round pool has a diameter
of 20 ft whats the distance around it" (circumference, 20π ft), "we are carpeting a room 4.5 m by 3 m how many
square meters" (area, 13.5 m²), "a fish tank is 60 cm long 30 cm wide 40 cm tall how many liters does it hold"
(volume, 72 L), "a 13 ft ladder leans on a wall with its bottom 5 ft from the wall how high up the wall does it
reach" (12 ft).

The story's nouns name the measure through a small explicit table (:data:`MEASURES`); the story is then written
as the formula question it is and read by :func:`~tutor.verify.recognise.geometry.shapes`, whose checks still hold:
every number placed, every other word on its short list. So a second shape, a path or a border of some width, a
price ("$5 per square meter": a cost is not a measure), two questions, a word the table does not know, or a
"how much paint" that does not ask for square meters all give None.
"""

from __future__ import annotations

import re

import sympy as sp

from tutor.verify.recognise.geometry import shapes
from tutor.verify.recognise.reading import NotMine, Solution, approx, number_text, plain

MEASURES = {
    "perimeter": r"fencing|fence|border|trim|edging|go (?:all the way )?around|around it|distance around|"
                 r"way around|to surround it|to enclose it",
    "area": r"carpet|carpeting|square (?:meters|metres|m|feet|foot|ft|yards|yd|cm|centimeters|centimetres|inches|in)"
            r"|sq (?:m|ft|yd|cm|in)|m²|ft²|cm²",
    "volume": r"hold|holds|fill|capacity|liters|litres|water",
    "circumference": r"circumference",
}
"""Story nouns -> the measure they ask for. An area is read only where a square unit is asked ("how many square
meters"): "how much carpet" or "how much paint" alone may mean rolls, litres or dollars."""

_NOT_A_MEASURE = re.compile(r"[$£€¢]|\b(?:dollars?|cents?|pounds?|euros?|cost|costs|price|prices|pay|paid|spend|"
                            r"per|each|path|walkway|paths|margin|rolls?|bags?|cans?|tins?|boxes|tiles|how long will|"
                            r"minutes?|hours?|percent|half|twice|double|times)\b|%")
_ASK_TAIL = re.compile(r"(?:^|[,.;]\s*|\s)(?P<tail>(?:how (?:much|many)|what(?:'s| is)|whats)\b[^,.;]*)$")
_TAIL_WORDS = frozenset("""
how much many what is are do does will would can could need needed we i you they he she it its to go all the way
of be there in total for buy get used use around needs take takes goes it's that this paint cover tile tiles tiling
""".split())
_TAIL_UNITS = {"feet": "ft", "foot": "ft", "ft": "ft", "meters": "m", "metres": "m", "m": "m", "yards": "yd",
               "yd": "yd", "cm": "cm", "centimeters": "cm", "centimetres": "cm", "inches": "in"}
_USE_PI = re.compile(r"[,;]?\s*\(?\b(?:use|using|take)\s+(?:(?:pi|π)\s*(?:=|as)?\s*)?(3\.14|22/7)\)?(?:\s+for\s+(?:pi|π))?")
_DOING = re.compile(r"^(?:(?:we|i|they|you|my (?:mom|mum|dad|parents|family|brother|sister)) (?:are|am|is|want to|"
                    r"wants to|need to|needs to|have to|has to|will|would like to|plan to|plans to|are going to|"
                    r"is going to) (?P<verb>carpet|carpeting|fence|fencing|fill|filling|paint|painting|tile|tiling|"
                    r"cover|covering|build|building|put carpet in|put a fence around)\s+)")
_VERB_MEASURE = {"carpet": "area", "carpeting": "area", "put carpet in": "area", "fence": "perimeter",
                 "fencing": "perimeter", "put a fence around": "perimeter", "fill": "volume", "filling": "volume"}
_OBJECT_WORDS = [(r"\bfish tank\b|\baquarium\b", "tank"), (r"\bround\b", "circular"),
                 (r"\bswimming pool\b", "pool"),
                 (r"\b(?:wall|ceiling|patio|deck|driveway)\b", "plot"),
                 (r"\bflower bed\b|\bvegetable patch\b|\bpatch\b", "plot")]
_SHAPE_NAMED = re.compile(r"\b(?:rectangle|rectangular|square|circle|circular|triangle|triangular|cube|cuboid|box|"
                          r"cylinder|cylindrical|sphere|cone|prism)\b")


def story_shape(text: str) -> Solution | None:
    """The one measure an everyday story asks of its one shape, else None."""
    t = text.lower().replace("’", "'")
    if not re.search(r"\b(?:" + "|".join(MEASURES.values()) + r"|paint|cover|tiling|ladder)\b", t):
        return None
    if _NOT_A_MEASURE.search(t):
        return None
    if re.search(r"\bladder\b", t):
        return _ladder(t)
    pis = [p.group(1) for p in _USE_PI.finditer(t)]
    t = _USE_PI.sub(" ", t).strip()
    m = _ASK_TAIL.search(t)
    if not m or len(pis) > 1:
        return None
    tail, story = m.group("tail"), t[:m.start("tail")].strip(" ,.;")
    story += f" use {pis[0]}" if pis else ""  # "use 3.14": the π to compute with, kept for the formula
    asked = _measures_in(tail)
    tail_words = set(re.findall(r"[a-z']+", re.sub("|".join(f"(?:{p})" for p in MEASURES.values()), " ", tail)))
    units = tail_words & set(_TAIL_UNITS)
    if tail_words - _TAIL_WORDS - units or len(units) > 1 or re.search(r"\d", tail):
        return None  # the question asks something the table does not name
    doing = _DOING.match(story)
    if doing:
        verb = doing.group("verb")
        asked |= {_VERB_MEASURE[verb]} if verb in _VERB_MEASURE else set()
        story = story[doing.end():]
    if re.search(r"\b(?:paint|painting|cover|covering|tile|tiling)\b", t) and "area" not in asked:
        return None  # "how much paint": litres of paint, not the wall's area
    asked -= {"circumference"} if asked == {"circumference", "perimeter"} else set()
    if len(asked) != 1 or _measures_in(story):
        return None  # two measures asked, or a measure word inside the story we did not place
    (measure,) = asked
    for pattern, repl in _OBJECT_WORDS:
        story = re.sub(pattern, repl, story)
    if measure == "volume":
        story = re.sub(r"\brectangular\b", "box shaped", story)  # a rectangular tank holds a box's volume
    if not _SHAPE_NAMED.search(story):
        # a room, a garden, a tank with no shape named: a rectangle or a box only when measured as one
        if not (re.search(r"\d[^,;]* by [^,;]*\d", story) or re.search(r"\blong\b", story) and re.search(r"\bwide\b", story)):
            return None  # "a garden with sides 14 m and 9 m": its shape is not said
        story = ("box " if measure == "volume" else "rectangle ") + story
    square = re.search(r"\bsquare (meters|metres|m|feet|foot|ft|yards|yd|cm|centimeters|centimetres|inches|in)\b"
                       r"|\bsq (m|ft|yd|cm|in)\b|\b(m|ft|cm)²", tail)
    asked_in = f" in square {next(g for g in square.groups() if g)}" if square else ""
    if measure == "area" and not square:
        return None  # "how much carpet": square meters, rolls or dollars? only a square unit asked says area
    if units and not square:
        if measure not in ("perimeter", "circumference"):
            return None  # "how many feet of water": not a length asked
        asked_in = f" in {_TAIL_UNITS[units.pop()]}"  # "how many feet of fencing": the unit the lengths are in
    if measure == "perimeter" and re.search(r"\b(?:circle|circular)\b", story):
        measure = "circumference"  # the distance around a round pool
    liters = measure == "volume" and re.search(r"\b(?:liters|litres)\b", tail)
    question = f"{story} what is the {measure}{asked_in}"
    solution = shapes(question)
    if solution is None or solution.kind not in (measure, "perimeter", "circumference"):
        return None
    if measure == "circumference" and solution.kind != "circumference":
        return None  # "the distance around" of a circle is its circumference; of a rectangle, ask "fencing"
    return _in_liters(solution) if liters else solution


def _measures_in(text: str) -> set[str]:
    return {name for name, pattern in MEASURES.items() if re.search(rf"\b(?:{pattern})(?!\w)", text)}


_TO_LITERS = {"cm³": sp.Rational(1, 1000), "m³": sp.Integer(1000), "mm³": sp.Rational(1, 10**6)}


def _in_liters(solution: Solution) -> Solution | None:
    """A volume asked in liters: 72000 cm³ is 72 L (exact); a volume in feet or without a unit is not converted."""
    if solution.unit not in _TO_LITERS or not solution.answer.is_Rational:
        return None
    value = solution.answer * _TO_LITERS[solution.unit]
    return Solution("volume", value, f"{number_text(value)} L", f"{solution.expression}, in liters", unit="L")


_LENGTH = r"(\d+(?:\.\d+)?)\s*(ft|feet|foot|m|meters|metres|yd|yards)"
_LADDER = [
    re.compile(rf"^(?:an? |the )?{_LENGTH} (?:long )?ladder"),
    re.compile(rf"^(?:an? |the )?ladder (?:that is |is |of )?{_LENGTH}(?: long)?"),  # "ladder 13 ft leaning on …"
]
_BOTTOM = re.compile(rf"(?:its |the )?(?:bottom|foot|base)(?: of the ladder| of it)? (?:is )?{_LENGTH} (?:away )?from "
                     r"the (?:wall|house|building)")
_TOP = re.compile(rf"(?:its |the )?top(?: of the ladder| of it)? (?:is |reaches )?{_LENGTH} up the (?:wall|house|building)")
_UNITS = {"ft": "ft", "feet": "ft", "foot": "ft", "m": "m", "meters": "m", "metres": "m", "yd": "yd", "yards": "yd"}
_LADDER_WORDS = frozenset("""
a an the ladder long is of that leans leaning rests resting stands standing against on wall house building with its
bottom foot base top from away up how high far does do it reach reaches go goes and , ~ what is to
""".split())


def _ladder(t: str) -> Solution | None:
    """A ladder against a wall: Pythagoras with the ladder as the hypotenuse, the wall and the ground as the legs."""
    t = re.sub(r"\s+", " ", re.sub(r"[?!.;]", " ", t)).strip()
    ladder = next((m for m in (p.search(t) for p in _LADDER) if m), None)
    bottom, top = _BOTTOM.search(t), _TOP.search(t)
    if ladder is None or (bottom is None) == (top is None):
        return None
    given = bottom or top
    if re.search(r"\bhow (?:high|far up)\b", t):
        asked = "top"
    elif re.search(r"\bhow far (?:is |from |away )?(?:the |its )?(?:bottom|foot|base)\b|\bhow far from the wall\b", t):
        asked = "bottom"
    else:
        return None
    if (asked == "top") != (bottom is not None):
        return None  # the height given and the height asked: not a question we read
    rest = t[:ladder.start()] + " ~ " + t[ladder.end():given.start()] + " ~ " + t[given.end():]
    if re.search(r"\d", rest) or set(re.findall(r"[a-z']+", rest)) - _LADDER_WORDS:
        return None  # another number or a word we do not place: a story beyond the ladder
    if _UNITS[ladder.group(2)] != _UNITS[given.group(2)]:
        return None
    c, a = sp.Rational(ladder.group(1)), sp.Rational(given.group(1))
    if not 0 < a < c:
        return None  # the ladder must be longer than the distance: a false premise otherwise
    value = sp.sqrt(c * c - a * a)
    unit = _UNITS[ladder.group(2)]
    exact = number_text(value) if value.is_Rational else f"{plain(value)} {unit} ≈ {approx(value)}"
    return Solution("other_leg", value, f"{exact} {unit}", "ladder against a wall: the other leg", unit=unit)


# ---------------------------------------------------------------- working together: a job done alone in a and b hours

_SPAN = r"(\d+(?:\.\d+)?(?:/\d+)?)\s*(hours?|hrs?|days?|minutes?|mins?|weeks?)\b"
_UNIT_NAME = {"hour": "hours", "hr": "hours", "day": "days", "minute": "minutes", "min": "minutes", "week": "weeks"}
_TOGETHER = re.compile(r"\btogether\b|\bboth\b|\bat the same time\b|\bcombined\b|\bat once\b", re.I)
_NOT_TOGETHER = re.compile(r"\b(?:alone|by (?:him|her|them|it|my|your|our)sel(?:f|ves)|on (?:his|her|their|its|my|your) own|"
                           r"drains?|drained|drain(?:s|ing)|empt(?:y|ies|ying)|leaks?|leaking|faster|slower|times|rate|per|"
                           r"percent|half|twice|third|quarter|stops?|stopped|leaves?|left|joins?|joined|breaks?|"
                           r"remaining|rest|already|more|after|first|then)\b|%|\$", re.I)
_BEFORE_SPAN = re.compile(r"\b(?:in|takes?|took|needs?|needed|requires?|required)\s+$", re.I)
_FIRST_THEN = re.compile(rf"\b(?:works?|worked|working)\s+(?:alone\s+)?for\s+{_SPAN}\s*(?:first\s*)?,?\s*(?:and\s+)?then\b", re.I)


def working_together(text: str) -> Solution | None:
    """'i can paint our fence in 5 hours and my brother takes 7 hours. if we work together how long will it take'
    (35/12 hours): rates add, so together they take 1 ÷ (1/a + 1/b). With 'A works alone for k days first, then
    they work together', the rest of the job: (1 − k/a) ÷ (1/a + 1/b) more. Both spans in one unit; a drain, a
    worker who stops or joins late, a rate given otherwise, or any other number leaves the question alone."""
    lowered = text.lower()
    # "… how long will it take? answer in hours": the unit of the answer, said after the question
    lowered = re.sub(r"[?.]?\s*(?:please\s+)?(?:give\s+|write\s+)?(?:the\s+|your\s+)?(?:answer\s+)?in\s+(?:hours|days|"
                     r"minutes|weeks)\s*$", "", lowered)
    ask = re.search(r"how (?:long|many (?:more )?(?:hours?|days?|minutes?|weeks?))[^.?!]*$", lowered)
    if ask is None or not (_TOGETHER.search(ask.group(0)) or _TOGETHER.search(lowered[:ask.start()][-60:])):
        return None
    first = _FIRST_THEN.search(lowered)
    story = _FIRST_THEN.sub(" ", lowered) if first else lowered
    spans = list(re.finditer(_SPAN, story))
    if (len(spans) != 2 or _NOT_TOGETHER.search(story.replace("how many more", "how many"))
            or len(re.findall(r"\d+(?:\.\d+)?(?:/\d+)?", story)) != 2):
        raise NotMine
    if first and ("how many more" not in lowered or not re.match(r"a can do\b", lowered)
                  or not lowered[first.start() - 2:first.start()] == "a "):
        # after a first stretch alone, the time that is left is asked; who worked first must be plain: said as
        # "A can do … B can do … A works alone for k days first" (the Chinese twin says it so)
        raise NotMine
    units = {_UNIT_NAME.get(m.group(2).rstrip("s"), m.group(2)) for m in spans}
    if len(units) != 1 or any(not _BEFORE_SPAN.search(story[max(0, m.start() - 12):m.start()]) for m in spans):
        raise NotMine  # "5 hours" must be how long one takes for the whole job
    a, b = (sp.Rational(m.group(1)) for m in spans)
    if a <= 0 or b <= 0:
        raise NotMine
    rate = 1 / a + 1 / b
    unit = units.pop()
    if first is None:
        value = 1 / rate
        shown = f"1 / (1/{spans[0].group(1)} + 1/{spans[1].group(1)})"
    else:
        done = sp.Rational(first.group(1))
        if _UNIT_NAME.get(first.group(2).rstrip("s"), first.group(2)) != unit or not 0 < done < a:
            raise NotMine  # the first worker must be named first and not finish alone
        value = (1 - done / a) / rate
        shown = f"(1 - {first.group(1)}/{spans[0].group(1)}) / (1/{spans[0].group(1)} + 1/{spans[1].group(1)})"
    text_value = number_text(value)
    return Solution("working together", value, f"{text_value} {unit}", shown, unit=unit)
