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

from collections.abc import Callable

from tutor.verify.premises.comparisons import _comparison_direction
from tutor.verify.premises.definitions import _biology, _definitions, _pi_exact
from tutor.verify.premises.equations import (
    _absolute_negative,
    _division_by_zero,
    _named_zero_divisor,
    _no_real_solution,
    _no_solution,
    _inconsistent_system,
    _radicand_at,
    _real_valued_no_solution,
    _square_negative,
    _undefined_at,
)
from tutor.verify.premises.geometry import (
    _angle_sums,
    _equal_sides,
    _ladder,
    _negative_length,
    _rectangle_diagonal,
    _rectangle_perimeter,
    _regular_polygon,
    _square_segments,
    _triangle_sides,
)
from tutor.verify.premises.probability import _complements, _outcomes_total, _probability_range
from tutor.verify.premises.reading import MAX_CHARS, _asks_whether, _sentences, words_to_numbers
from tutor.verify.premises.stories import (
    _consecutive,
    _heads_and_legs,
    _negative_quantity,
    _over_capacity,
    _percent_parts,
    _uneven_split,
)

def false_premises(question: str) -> list[str]:
    """Why the question cannot be answered as asked, one short sentence per reason (empty if none found).

    Args:
        question: the student's text, untrusted; only its first ``MAX_CHARS`` characters are read.
    """
    text = words_to_numbers((question or "")[:MAX_CHARS])
    asserted = " ".join(s for s in _sentences(text) if not _asks_whether(s))
    found: list[str] = []
    for detect in DETECTORS:
        # "Can you divide 8 by zero?": the reason is the answer, so division reads questions too.
        for reason in detect(text if detect is _division_by_zero else asserted):
            if reason not in found:
                found.append(reason)
    return found


DETECTORS: tuple[Callable[[str], list[str]], ...] = (
    _division_by_zero, _named_zero_divisor, _undefined_at, _no_solution, _inconsistent_system, _absolute_negative,
    _real_valued_no_solution, _no_real_solution, _square_negative, _radicand_at, _angle_sums, _regular_polygon,
    _triangle_sides, _ladder, _equal_sides, _square_segments, _rectangle_diagonal, _rectangle_perimeter,
    _negative_length, _probability_range, _complements, _outcomes_total, _percent_parts, _negative_quantity,
    _over_capacity, _uneven_split, _heads_and_legs, _consecutive, _definitions, _pi_exact, _biology,
    _comparison_direction,
)
"""Every kind of contradiction looked for, in the order reasons are given."""
