"""Misspelt math words, the way students type them: "hypotnuse", "probablity", "perimiter", "circumfrence".

:func:`correct_spelling` puts a word back to one of the recogniser's own keywords only when it is within a small
edit distance (one letter for a word of up to ten letters, two from eleven) of exactly one keyword of at least
six letters. Numbers, single letters and short words are never touched ("area", "are", "mean", "men" stay as
typed), nor an inflection of a keyword ("perimeters", "squared"), nor an English word that is a different word
("probably" is not "probability", "radios" is not "radius"). A few chat spellings ("thru", "squareroot", "can u")
are written out from a fixed table. A word the table does not correct is left as typed, so a story keeps its
words and the forms still refuse what they do not know.
"""

from __future__ import annotations

import re

KEYWORDS = frozenset("""
hypotenuse probability perimeter circumference different average diameter radius volume surface
rectangle rectangular triangle triangular parallelogram trapezoid trapezium cylinder sphere pyramid
circle circular square pentagon hexagon heptagon octagon nonagon decagon dodecagon polygon regular
equilateral interior exterior supplement supplementary complement complementary degrees
derivative differentiate integral integrate antiderivative simplify factorise factorize expand evaluate
calculate convert equation inequality fraction percent percentage median divisible multiple remainder
substitute quotient product minimum maximum intercept gradient coordinates function
centimeters centimetres millimeters millimetres kilometers kilometres kilograms milliliters millilitres
liters litres grams seconds minutes inches meters metres
""".split())
"""The recogniser's own words; only those of at least six letters are targets of a correction."""

_NOT_TYPOS = frozenset("""
probably probable possibly problem problems parameter parameters diameters radios radium radial radiance
triangles rectangles circles spheres squares squared squares volumes averages averaged medians medial medium
median's integer integers integrity integrals integrated regulars regularly irregular differences difference
differs differed differently circled circling circuit circles circuits average's intercepts interceptor
interior's exterior's supplements complements complemented complimentary compliment compliments
calculated calculates calculator evaluated evaluates converted converts converter equations
fractions percents products produce produced product's minimums maximums functions functional
seconds' minute minutes' second secondly inches meter meters metre metres liter liters litre litres
grams gram multiples multiplied multiply remainders quotients substituted substitutes expanded expands
simplified simplifies expansion heptagons hexagons octagons pentagons polygons decagons nonagons gradients
coordinate coordinated degree degreed spheres sphered surfaces surfaced
concert convent decrees minuets factory reminder junction inferior meteors litters niches itches inched friction
traction faction expend regimen squire ranges sphinx medina helium evacuate circulate parentage supplemental
lifters covert differential differentiable portability probabilist triangulate coordinator centiliters centilitres
percentile intersect education decimeter implement derivation emulation multiplier invisible differing refraction
factories linters
""".split())
"""Real words a letter or two from a keyword: they are what the student meant, never corrected."""

_CHAT = [
    (r"\bthru\b", "through"), (r"\bsquareroots?\b|\bsq rt\b", "square root"),
    (r"\b(can|could|would|will|do|did|are|have|if|should) u\b", r"\1 you"),
    (r"\bwhats\b|\bwats\b", "what is"),
]


def correct_spelling(text: str) -> str:
    """``text`` with misspelt keywords put right and chat spellings written out; everything else as typed."""
    for pattern, repl in _CHAT:
        text = re.sub(pattern, repl, text, flags=re.I)
    return re.sub(r"(?<![\w\\^])[A-Za-z]{6,}(?![\w(])", _corrected, text)


def _corrected(m: re.Match) -> str:
    word = m.group(0)
    lower = word.lower()
    if lower in KEYWORDS or lower in _NOT_TYPOS or _inflected(lower) or _derived(lower):
        return word
    limit = 1 if len(lower) <= 10 else 2
    close = {k for k in KEYWORDS if abs(len(k) - len(lower)) <= limit and _distance(lower, k, limit) <= limit}
    if len(close) != 1:
        return word  # no keyword, or two ("diffrent" is near one; a word near two is not guessed)
    return close.pop()


def _inflected(word: str) -> bool:
    """A keyword with an ending ("perimeters", "squared", "integrated"): a word the student meant."""
    return any(word.endswith(end) and word[: -len(end)] in KEYWORDS for end in ("s", "es", "d", "ed", "ing", "ly"))


def _derived(word: str) -> bool:
    """A keyword inside a longer word ("trapezoidal", "recalculate", "pentagonal"): another word, not a typo."""
    return any(len(word) > len(k) and (word.startswith(k) or word.endswith(k)) for k in KEYWORDS)


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (a swap of neighbours is one edit), cut off past ``limit``."""
    previous2: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[-1]
