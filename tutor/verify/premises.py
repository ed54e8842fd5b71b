"""False premises: what a question takes for granted that mathematics rules out.

A question whose premise is impossible (a triangle with angles summing to 200°,
a probability of 1.3, "the largest prime") must be pointed out, not solved.
Each detector looks for one *kind* of contradiction: it reads numbers out of the
English text with regular expressions and checks them with exact arithmetic
(:class:`fractions.Fraction`). Equations go through the bounded parser
(:func:`~tutor.verify.parse.safe_parse`), never ``sympify``.

A flagged question is not answered, so every detector prefers silence to a
guess: it stays quiet on yes/no questions ("Can a triangle have sides 2, 3 and
10?"), where the premise is asked about, not asserted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction

MAX_CHARS = 4_000
"""Only the first this-many characters of a question are read (bounded work on hostile input)."""
MAX_EXPAND_POWER = 12
"""Powers above this are not expanded to look for a cancelling unknown (the work would grow too fast)."""

_D = r"(?<![\d.,])\d{1,15}(?:\.\d{1,15})?(?![\d]|\.\d)"  # a plain number, at most 15 digits a side
_N = r"(?<![\d.,])\d{1,15}(?:\.\d{1,15})?(?:\s*/\s*\d{1,15})?(?![\d]|\.\d)"  # … or a fraction
_MINUS = r"(?:-|−|minus\s+|negative\s+)"


def false_premises(question: str) -> list[str]:
    """Why the question cannot be answered as asked, one short sentence per reason (empty if none found).

    Args:
        question: the student's text, untrusted; only its first ``MAX_CHARS`` characters are read.
    """
    text = (question or "")[:MAX_CHARS]
    asserted = " ".join(s for s in _sentences(text) if not _asks_whether(s))
    found: list[str] = []
    for detect in DETECTORS:
        # "Can you divide 8 by zero?": the reason is the answer, so these two read questions too.
        for reason in detect(text if detect in (_division_by_zero, _no_solution) else asserted):
            if reason not in found:
                found.append(reason)
    return found


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.?!])\s+|\n+", text) if s.strip()]


_WHETHER = re.compile(
    r"^\W*(?:(?:can|could|is|are|was|were|do|does|did|will|would|should|may|might|must|am|has|have)\b"
    r"|true or false)|\b(?:whether|possible|impossible)\b", re.I)


def _asks_whether(sentence: str) -> bool:
    """A yes/no question asks about the premise ("Is π exactly 22/7?"), it does not assert it."""
    return sentence.endswith("?") and bool(_WHETHER.search(sentence)) or bool(re.search(r"\bwhether\b", sentence, re.I))


def _num(text: str) -> Fraction | None:
    text = re.sub(r"\s+", "", text).replace("−", "-")
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None


def _show(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    as_decimal = value.numerator / value.denominator
    return f"{as_decimal:g}" if Fraction(str(as_decimal)) == value else f"{value.numerator}/{value.denominator}"


# -- division by zero and equations with no solution -------------------------------------------------

def _division_by_zero(text: str) -> list[str]:
    if (re.search(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:/|÷|divided by)\s*0(?![\d.])", text, re.I)
            or re.search(r"divide\w* (?:\d+|it|them|something|a number) by zero", text, re.I)
            or re.search(r"\b(?:share|split|divide|shared|divided)\b[^.?!]{1,60}?\b(?:among|between|into)\s+(?:0|zero)\b"
                         r"(?!\s*(?:\.\d|point))", text, re.I)):
        return ["Dividing by zero is not defined, so that expression has no value."]
    return []


_MATH_TAIL = re.compile(r"(?:[\d.()+\-*/^ ]|(?<![A-Za-z])[a-z](?![A-Za-z]))+$")
_MATH_HEAD = re.compile(r"^(?:[\d.()+\-*/^ ]|(?<![A-Za-z])[a-z](?![A-Za-z]))+")


def _equations(text: str) -> list[str]:
    """Equations written in running text: the math characters on both sides of each '='."""
    parts = text.split("=")[:40]
    found = []
    for left, right in zip(parts, parts[1:]):
        lm, rm = _MATH_TAIL.search(left[-200:]), _MATH_HEAD.search(right[:200])
        if lm and rm and lm.group(0).strip() and rm.group(0).strip():
            found.append(f"{lm.group(0).strip()} = {rm.group(0).strip().rstrip('.')}")
    return found


def _short(eq: str) -> str:
    """An equation as the student wrote it, cut short enough to read in one sentence."""
    eq = eq.strip()
    return eq if len(eq) <= 60 else eq[:57].rstrip() + "…"


def _one_unknown_equation(eq: str):
    """``(relation, unknown)`` for an equation in one unknown, read with the bounded parser; else None."""
    import sympy

    from tutor.errors import VerificationError
    from tutor.verify.parse import safe_parse

    try:
        relation = safe_parse(eq)
    except VerificationError:
        return None
    if not isinstance(relation, sympy.Eq) or len(relation.free_symbols) != 1:
        return None
    if any(p.exp.is_Number and abs(p.exp) > MAX_EXPAND_POWER for p in relation.atoms(sympy.Pow)):
        return None
    return relation, next(iter(relation.free_symbols))


def _no_solution(text: str) -> list[str]:
    """A one-unknown equation whose unknown cancels, leaving a false statement ("x + 1 = x + 3")."""
    import sympy

    found = []
    for eq in _equations(text):
        parsed = _one_unknown_equation(eq)
        if parsed is None:
            continue
        relation, unknown = parsed
        try:
            diff = sympy.expand(relation.lhs - relation.rhs)
        except (ArithmeticError, RecursionError, TypeError, ValueError):
            continue
        if not diff.free_symbols and diff != 0:
            found.append(f"The equation {_short(eq)} has no solution: the {unknown}'s cancel and it says "
                         f"{sympy.sstr(diff)} = 0.")
    return found


def _no_real_solution(text: str) -> list[str]:
    """A real number asked for where none exists: √ of a negative, or a quadratic with negative discriminant."""
    import sympy

    if not re.search(r"\breal\b", text, re.I) or re.search(r"\b(?:imaginary|complex)\b|\bi\b", text, re.I):
        return []
    found = []
    for m in re.finditer(rf"(?:square\s+root|sqrt|√)\s*(?:of\s*)?\(?\s*{_MINUS}\s*({_D})", text, re.I):
        value = _num(m.group(1))
        if value:
            found.append(f"No real number times itself gives a negative number, so -{_show(value)} has no real "
                         "square root.")
    for eq in _equations(text):
        parsed = _one_unknown_equation(eq)
        if parsed is None:
            continue
        relation, unknown = parsed
        try:
            poly = sympy.Poly(relation.lhs - relation.rhs, unknown)
            if poly.degree() != 2 or not all(c.is_Rational for c in poly.all_coeffs()):
                continue
            a, b, c = poly.all_coeffs()
        except (sympy.PolynomialError, ArithmeticError, RecursionError, TypeError, ValueError):
            continue
        if b * b - 4 * a * c < 0:
            found.append(f"The equation {_short(eq)} has no real solution: no real number squared is negative.")
    return found


# -- angles and sides --------------------------------------------------------------------------------

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


# -- probability ---------------------------------------------------------------------------------------

_P_WORD = r"(?:probability|chance|likelihood)"
_ASKED = re.compile(r"(?:find|what is|what's|calculate|compute|work out|determine|estimate|give)\s+(?:the\s+)?$", re.I)
_VALUE = rf"(?P<v>-?\s*{_N})\s*(?P<pct>%|percent\b)?"
_AFTER = r"(?=\s*(?:[.,;:?!)]|$)|\s+(?:and|but|while|for|that|chance|probability|of|so|then)\b)"
_STATED = [
    # "the probability (of|that) EVENT is 0.3"
    re.compile(rf"\b{_P_WORD}\s+(?:of|that)\s+(?P<e>[^.?!;]{{1,60}}?)\s+(?:is|=|equals|was|will be|of)\s+"
               rf"(?:exactly\s+|only\s+)?{_VALUE}{_AFTER}", re.I),
    # "a probability of 1.3", "the chance is 150%"
    re.compile(rf"\b{_P_WORD}\s+(?:is|=|equals|was|of|being)\s+(?:exactly\s+|only\s+)?{_VALUE}{_AFTER}", re.I),
    # "a 120% chance of winning"
    re.compile(rf"(?P<v>-?\s*{_D})\s*(?P<pct>%|percent\b)\s+{_P_WORD}(?:\s+(?:(?:of|that)\s+)?(?P<e>[^.?!;,]{{1,60}}?))?"
               rf"(?=\s*(?:[.,;?!]|$|\s+and\b))", re.I),
    # "lands heads with probability 0.5"
    re.compile(rf"(?P<e>[\w' ]{{1,40}}?)\s+with\s+(?:a\s+)?{_P_WORD}\s+(?:of\s+)?{_VALUE}{_AFTER}", re.I),
]
_P_OF = re.compile(rf"\bP\s*\(\s*(?P<e>[^()]{{1,30}}?)\s*\)\s*=\s*{_VALUE}")
_NEGATION = {"not", "no", "doesn't", "don't", "didn't", "won't", "isn't", "never"}
_OPPOSITE = {"lose": "win", "loses": "win", "lost": "win", "tails": "heads", "tail": "head", "misses": "hit",
             "miss": "hit", "fail": "pass", "fails": "pass", "failed": "pass"}
_EVENT_STOP = {"the", "a", "an", "it", "that", "will", "does", "do", "did", "is", "be", "to", "on", "lands", "land",
               "comes", "come", "up", "shows", "he", "she", "they", "we", "you", "i", "and", "of", "getting", "get"}


def _probabilities(text: str) -> list[tuple[str | None, Fraction, str]]:
    """(event, value, as written) for each probability the text states."""
    found = []
    for pattern in (*_STATED, _P_OF):
        for m in pattern.finditer(text):
            if pattern is not _P_OF and _ASKED.search(text[max(0, m.start() - 40):m.start()]):
                continue
            raw = m.group("v")
            value = _num(raw)
            if value is None:
                continue
            pct = bool(m.group("pct"))
            if not pct and "/" not in raw and "." not in raw and value >= 0:
                continue  # "a chance of 2 heads": a whole number is a count, not a probability
            found.append((m.groupdict().get("e"), value / 100 if pct else value, f"{raw.replace(' ', '')}{'%' if pct else ''}"))
    return found


def _probability_range(text: str) -> list[str]:
    return [f"A probability must be between 0 and 1 (0% to 100%), so {written} is impossible."
            for _e, value, written in _probabilities(text) if not 0 <= value <= 1]


def _stem(word: str) -> str:
    """Singular / bare verb, roughly: "wins" → "win", "passes" → "pass"."""
    if re.search(r"(?:ss|sh|ch|x)es$", word):
        return word[:-2]
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _event_key(event: str) -> tuple[frozenset[str], bool] | None:
    letter = re.fullmatch(r"(not|¬|~)?([A-Z])('|′|\^c|\^C|ᶜ)?", re.sub(r"\s+", "", event))
    if letter:  # P(A), P(not A), P(A')
        return frozenset({letter.group(2)}), bool(letter.group(1) or letter.group(3))
    words, negated = set(), False
    for word in re.findall(r"[a-z']+|\d+", event.lower()):
        if word in _NEGATION:
            negated = not negated
            continue
        if word in _OPPOSITE:
            word, negated = _OPPOSITE[word], not negated
        if word in _EVENT_STOP:
            continue
        words.add(_stem(word))
    return (frozenset(words), negated) if words else None


def _complements(text: str) -> list[str]:
    stated = [(key, value, written) for event, value, written in _probabilities(text)
              if event and 0 <= value <= 1 and (key := _event_key(event))]
    for i, ((words, neg), p, pw) in enumerate(stated):
        for (other, other_neg), q, qw in stated[i + 1:]:
            if neg != other_neg and (words <= other or other <= words) and p + q != 1:
                return [f"An event and its opposite must have probabilities that add up to 1 (100%), "
                        f"but {pw} and {qw} add up to {_show((p + q) * 100)}%."]
    return []


# -- percentages of a whole ----------------------------------------------------------------------------

_CHANGE = re.compile(
    r"\b(?:up|down|increase\w*|decrease\w*|rise|rose|fall|fell|grew|grow\w*|discount\w*|off|tax|tip|interest|more|"
    r"less|profit|loss|markup|raised?|cut|reduced?|then|price|chance|probability|likelihood|both|also|too|at least)\b",
    re.I)
_PARTITIONS = [("boys", "girls"), ("yes", "no"), ("male", "female"), ("men", "women"), ("adults", "children"),
               ("passed", "failed"), ("pass", "fail"), ("true", "false"), ("right", "wrong"), ("correct", "wrong")]
_WHOLE = re.compile(r"\b(?:pie chart|circle graph|made up of|consists? of|split into|divided into|has only|"
                    r"contains only|only \w+ and \w+|the rest)\b", re.I)
_GROUP = r"(?:students|pupils|class|children|kids|people|members|players|voters|employees|workers|team|school)"


def _percent_parts(text: str) -> list[str]:
    found = []
    for sentence in _sentences(text):
        if _CHANGE.search(sentence):
            continue
        over = re.search(rf"({_D})\s*(?:%|percent\b)\s+of\s+(?:the|all|our|his|her|their|its)?\s*{_GROUP}\b", sentence,
                         re.I)
        if over and _num(over.group(1)) > 100:
            found.append(f"A part of a group can't be more than the whole group, so {over.group(1)}% is impossible.")
            continue
        parts = [_num(m.group(1)) for m in re.finditer(rf"({_D})\s*(?:%|percent\b)", sentence, re.I)]
        if not 2 <= len(parts) <= 6 or sum(parts) <= 100:
            continue
        lower = sentence.lower()
        if _WHOLE.search(sentence) or any(re.search(rf"\b{a}\b", lower) and re.search(rf"\b{b}\b", lower)
                                          for a, b in _PARTITIONS):
            listed = " + ".join(f"{_show(p)}%" for p in parts)
            found.append(f"The parts of a whole add up to 100%, but {listed} = {_show(sum(parts))}%.")
    return found


# -- stories -------------------------------------------------------------------------------------------

_INT = r"(?<![\d.,])\$?\d{1,12}(?![\d]|[.,]\d)"
_FUNCTION_WORDS = {"of", "on", "at", "from", "to", "and", "in", "for", "each", "with", "more", "them", "the", "a",
                   "her", "his", "their", "its", "that", "this", "but", "then", "so", "away", "out", "got", "get"}
_HAS = r"\b(?:has|had|have|owns|owned|holds|held|keeps|kept|there\s+(?:are|were|is|was)|contains|contained|" \
       r"carries|carried|starts?\s+with|started\s+with|began\s+with|saved|collected)"
_TAKE = r"\b(?:sells|sold|sell|gives|gave|give|eats|ate|eat|loses|lost|lose|spends|spent|spend|uses|used|use|" \
        r"takes|took|take|removes|removed|remove|donates|donated|donate|breaks|broke|throws|threw|drops|dropped|" \
        r"hands|handed|pops|popped|shares|shared)(?:\s+(?:away|out|off))?"
_ADD = r"\b(?:buys|bought|buy|gets|got|get|receives|received|finds|found|earns|earned|adds|added|picks|picked|" \
       r"collects|collected|wins|won|makes|made|bakes|baked|another)"
_RATE = re.compile(r"^\s*(?:\w+\s+)?(?:each|every|per|a|an)\s+(?:day|week|month|year|hour|minute|time)\b|^\s*\w*\s*"
                   r"(?:daily|weekly|monthly|each|every|per)\b", re.I)


def _noun(word: str | None) -> str | None:
    if not word or word.lower() in _FUNCTION_WORDS:
        return None
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


_GO = r"(?:(?:got|get|gets|stepped|step|steps|jumped|jump|jumps|fell|fall|falls)\s+(?:off|out)|(?:flew|fly|flies|ran|run|" \
      r"runs|swam|swim|swims|hopped|hop|hops|walked|walk|walks|rolled|roll|rolls|blew|blow|blows)\s+away|popped|pop|" \
      r"pops|burst|bursts|left|leave|leaves|melted|melt|melts|broke|break|breaks|escaped|escape|escapes|died|die|dies)"
_COME = r"(?:(?:got|get|gets|stepped|step|steps|jumped|jump|jumps|climbed|climb|climbs)\s+(?:on|in|aboard)|came|come|" \
        r"comes|joined|join|joins|arrived|arrive|arrives)"
_COMPARE = re.compile(r"\b(?:how many more|how many fewer|how much more|how much less|than|difference|compare\w*|"
                      r"before|originally|at first|to begin with|start(?:ed)? with\?)", re.I)


def _negative_quantity(text: str) -> list[str]:
    """A story that takes away more than there is ("has 5 apples and sells 8", "gave away 12 of her 7")."""
    m = re.search(rf"{_TAKE}\s+({_INT})\s+of\s+(?:her|his|their|the|its|my|your|our)\s+({_INT})\b", text, re.I)
    if m and int(m.group(1).lstrip("$")) > int(m.group(2).lstrip("$")):
        return [f"You can't take {m.group(1)} out of only {m.group(2)}: there aren't that many."]
    if _COMPARE.search(text):
        return []  # a comparison or a story told backwards: the amounts need not be one running total
    events = []  # (position, sign, amount, noun, refers back with "of them") in the order the story tells them
    spans = []
    for sign, pattern in ((0, rf"{_HAS}\s+(?:only\s+|just\s+)?({_INT})\s*([a-z]+)?"),
                          (-1, rf"{_TAKE}\s+({_INT})\s*([a-z]+)?"),
                          (-1, rf"({_INT})\s+(?:of\s+(?:them|these|those|the\s+[a-z]+)\s+)?([a-z]+)?\s*{_GO}\b"),
                          (1, rf"{_ADD}\s+(?:another\s+)?({_INT})\s*([a-z]+)?"),
                          (1, rf"({_INT})\s+(?:more\s+)?([a-z]+)?\s*{_COME}\b")):
        for hit in re.finditer(pattern, text, re.I):
            tail = text[hit.end():hit.end() + 30]
            if sign and _RATE.match(tail):
                return []  # a rate ("sells 8 a day") is not a single take-away
            events.append((hit.start(1), sign, int(hit.group(1).lstrip("$")),
                           "$" if hit.group(1).startswith("$") else _noun(hit.group(2)),
                           bool(re.match(r"\s*of\s+(?:them|these|those)\b", text[hit.end(1):hit.end(1) + 20], re.I))))
            spans.append(hit.span(1))
    numbers = [n.span() for n in re.finditer(rf"{_INT}|\d+", text)]
    if not events or any(span not in spans for span in numbers):
        return []  # a number the story model doesn't place: stay silent
    events.sort()
    stock = [e for e in events if e[1] == 0]
    # The story starts with what there is: "has 5", or "made 20 … sold 35 of them" (the take refers back).
    if len(stock) > 1 or events[0][1] < 0 or not stock and not any(e[4] for e in events if e[1] < 0):
        return []
    _pos, _sign, amount, unit, _back = events[0]
    for _pos, sign, n, noun, _back in events[1:]:
        if noun and unit and noun != unit:
            return []
        amount += (sign or 1) * n
        if amount < 0:
            return [f"The story takes away {n} when there are only {amount + n}, so the amount would go below zero."]
    return []


def _consecutive(text: str) -> list[str]:
    """k consecutive (even/odd) whole numbers that cannot add up to the stated sum."""
    counts = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
    kinds = r"(?P<k>two|three|four|five|[2-5])\s+consecutive\s+(?P<p>even\s+|odd\s+)?(?:positive\s+)?" \
            r"(?:whole\s+|natural\s+|counting\s+)?(?:numbers|integers)"
    m = (re.search(rf"\b{kinds}\b[^.?!\d]{{0,30}}?\b(?:add\s+up\s+to|adds\s+up\s+to|sum\s+to|total|have\s+a\s+sum\s+of|"
                   rf"make)\s+(?P<s>{_D})", text, re.I)
         or re.search(rf"\bsum\s+of\s+{kinds}\s+(?:is|=|equals|was)\s+(?P<s>{_D})", text, re.I))
    if not m or "." in m.group("s"):
        return []
    k, total, parity = counts[m.group("k").lower()], int(m.group("s")), (m.group("p") or "").strip().lower()
    step = 2 if parity else 1
    first = Fraction(total - step * k * (k - 1) // 2, k)
    if first.denominator != 1:
        why = "a whole number"
    elif parity == "even" and first.numerator % 2 or parity == "odd" and not first.numerator % 2:
        why = parity
    else:
        return []
    described = f"consecutive {parity} numbers" if parity else "consecutive whole numbers"
    return [f"No {k} {described} add up to {total}: the first would have to be {_show(first)}, which is not {why}."]


# -- definitions and impossible claims -------------------------------------------------------------------

_NONE_SUCH = [
    (re.compile(r"\b(?:the|a)\s+(?:largest|biggest|greatest|highest|last)\s+prime(?:\s+number)?"
                r"(?=\s*(?:ever|in the world|of all|there is|that exists)?\s*(?:[.?!,]|$))", re.I),
     "There is no largest prime: there is always a bigger prime (Euclid proved that primes never run out)."),
    (re.compile(r"\b(?:the|a)\s+(?:largest|biggest|greatest|highest|last)\s+(?:positive\s+)?(?:whole number|natural "
                r"number|counting number|integer|even number|odd number|number)"
                r"(?=\s*(?:ever|in the world|of all|there is|that exists)?\s*(?:[.?!,]|$))", re.I),
     "There is no biggest whole number: you can always add 1 to get a bigger one."),
    (re.compile(r"\b(?:last|final)\s+(?:decimal\s+)?(?:digit|decimal|number)\s+(?:of|in)\s+(?:π|pi)\b", re.I),
     "π has no last digit: its decimals go on forever without repeating."),
    (re.compile(r"\b(?:smallest|least|tiniest)\s+(?:positive\s+(?:real\s+|rational\s+)?(?:number|fraction|decimal)|"
                r"(?:real\s+|rational\s+)?(?:number|fraction|decimal)\s+(?:greater|bigger|larger|more)\s+than\s+(?:0|zero))"
                r"(?=\s*(?:[.?!,]|$))", re.I),
     "There is no smallest positive number: half of any positive number is smaller and still positive."),
]


def _definitions(text: str) -> list[str]:
    found = []
    for sentence in _sentences(text):
        for pattern, reason in _NONE_SUCH:
            m = pattern.search(sentence)
            if not m or re.search(r"\b(?:no|not|isn't|never|known|found|discovered|computed|mersenne)\b|\d",
                                  sentence[:m.start()] + " " + sentence[m.end():], re.I):
                continue
            if "which" in sentence.lower():
                continue
            found.append(reason)
    return found


def _pi_exact(text: str) -> list[str]:
    pi = r"(?:π|\bpi\b)"
    m = re.search(rf"{pi}\s*(?:is|=|equals|is\s+equal\s+to)?\s*(?:exactly|precisely)\s*(?:equal\s+to\s*|=\s*)?({_N})"
                  rf"|{pi}\s*(?:is|=|equals|is\s+equal\s+to)\s*({_N})\s*(?:exactly|precisely)\b"
                  rf"|exact\s+value\s+of\s+{pi}\s+(?:is|=|equals)\s+({_N})", text, re.I)
    if not m or re.search(r"\b(?:not|isn't|never)\s*$", text[max(0, m.start() - 12):m.start() + 3], re.I):
        return []
    value = next(g for g in m.groups() if g)
    return [f"π is not exactly {value.replace(' ', '')}: that is only an approximation, because π's decimals never "
            "end or repeat."]


_MALE = r"(?:roosters?|cockerels?|cocks?|drakes?|ganders?)"
_MALE_MAMMAL = r"(?:bulls?|rams?|stallions?|billy\s+goats?|boars?)"
_NOT_SUBJECT = r"(?!(?:and|or|with|but|hens?|chickens?|ducks?|geese|cows?|ewes?|mares?)\b)"


def _biology(text: str) -> list[str]:
    found = []
    m = (re.search(rf"\b({_MALE})(?:'s|s')?\s+(?:{_NOT_SUBJECT}\w+\s+){{0,2}}?(?:lays?|laid|laying|eggs?)\b", text, re.I)
         or re.search(rf"\beggs?\s+(?:laid\s+by|from|of|does|do|did|will|can|would)\s+(?:a|the|his|her|my|our|their|\d+)\s+"
                      rf"({_MALE})\b", text, re.I))
    if m:
        found.append(f"{m.group(1).capitalize()} are male birds, and male birds don't lay eggs (only females do)."
                     if m.group(1).lower().endswith("s") else
                     f"A {m.group(1).lower()} is a male bird, and male birds don't lay eggs (only females do).")
    m = (re.search(rf"\b({_MALE_MAMMAL})(?:'s|s')?\s+(?:{_NOT_SUBJECT}[\w.]+\s+){{0,4}}?milk\b", text, re.I)
         or re.search(rf"\bmilk\s+(?:from|of|does|do|did|will|can|would)\s+(?:a|the|his|her|my|our|their|\d+)\s+"
                      rf"({_MALE_MAMMAL})\b", text, re.I))
    if m:
        found.append(f"A {m.group(1).lower().rstrip('s')} is a male animal, and male animals don't give milk.")
    return found


DETECTORS: tuple[Callable[[str], list[str]], ...] = (
    _division_by_zero, _no_solution, _no_real_solution, _angle_sums, _triangle_sides, _negative_length,
    _probability_range, _complements, _percent_parts, _negative_quantity, _consecutive, _definitions, _pi_exact,
    _biology,
)
"""Every kind of contradiction looked for, in the order reasons are given."""
