"""Recognise a typed math question and work out its answer with SymPy, no model involved.

``solve_question("What is 1/3 + 1/4?")`` is ``Solution(kind="fraction", answer=7/12,
answer_text="7/12", ...)``. The question is matched against a small set of
anchored phrasings (evaluate, percent, simplify, factor, expand, solve, calculus,
GCF/LCM, primes, statistics, trig, logarithms, unit conversion, dice/coin/card
probability, counting, geometry formulas, angles); the math inside is read by :func:`~tutor.verify.parse.safe_parse`
(never ``sympify``) after the size guards of :mod:`tutor.verify.size`, and every
SymPy call that could run long (solve, integrate, limit, simplify, factor,
factorint) is bounded by :func:`~tutor.verify.bounded.limited`.

Anything not recognised in full, any word the parser does not know, and any
result we cannot state exactly gives ``None``: the recogniser never guesses,
and a story problem is left to model-written programs.

Layout: :mod:`.reading` reads the question (normalising, spoken operators, the safe parser) and prints
answers in plain text; the forms live in :mod:`.numbers`, :mod:`.algebra`, :mod:`.calculus`, :mod:`.data`,
:mod:`.counting`, :mod:`.geometry`, :mod:`.angle_facts`, :mod:`.stories` and :mod:`.lines`; :data:`HANDLERS` is the order they are tried in.
"""

from __future__ import annotations

import re

from tutor.errors import VerificationError
from tutor.verify.bounded import MATH_ERRORS, TOO_BIG
from tutor.verify.recognise.algebra import evaluate, expand, factor, simplify, solve
from tutor.verify.recognise.angle_facts import angles
from tutor.verify.recognise.chat import unwrap
from tutor.verify.recognise.chinese import as_english
from tutor.verify.recognise.arithmetic import degrees, operations, rounding, substitute
from tutor.verify.recognise.counting import (
    arrangements,
    bag_probability,
    choices,
    die_roll,
    digit_numbers,
    divisors,
    handshakes,
    next_prime,
    heads_and_legs,
    outfits,
    planting,
)
from tutor.verify.recognise.calculus import derivative, integral, limit
from tutor.verify.recognise.data import convert, probability, statistics
from tutor.verify.recognise.geometry import shapes
from tutor.verify.recognise.lines import function_value, lines
from tutor.verify.recognise.stories import story_shape, working_together
from tutor.verify.recognise.numbers import (
    fraction_conversions,
    gcf_lcm,
    log,
    percent,
    primes,
    primes_between,
    ratio,
    scientific,
    trig,
)
from tutor.verify.recognise.reading import NotMine, Solution, normalise, plain, plain_input

__all__ = ["HANDLERS", "MAX_QUESTION_CHARS", "Solution", "plain", "plain_input", "solve_question"]

MAX_QUESTION_CHARS = 300
"""Longer text is a story or a worksheet, not one question."""

HANDLERS = [percent, ratio, scientific, primes, primes_between, next_prime, divisors, gcf_lcm, statistics, bag_probability, die_roll, probability,
            digit_numbers, arrangements, choices, handshakes, outfits, planting, heads_and_legs, shapes, story_shape, working_together, angles, convert, rounding, operations,
            fraction_conversions, derivative, integral, limit, lines, function_value, log, trig, degrees, factor, expand, simplify,
            substitute, solve, evaluate]
"""The forms in the order they are tried: the first that answers wins, the catch-all evaluation last."""

_AMBIGUOUS_POWER = re.compile(r"(?<![A-Za-z\\])[a-z][2-9](?![\d.])")
"""'x2' in typed math: x squared or 2x? A guess would make a wrong ground truth, so the question is left alone."""


def solve_question(question: str) -> Solution | None:
    """The answer to ``question`` if it is a form we recognise and SymPy settles it, else None.

    Never raises and never guesses: an unknown phrasing, a story problem, text the
    safe parser refuses, or work that passes the bounds gives None.
    """
    if not isinstance(question, str) or len(question) > MAX_QUESTION_CHARS:
        return None
    try:
        english = as_english(question)  # "计算 3/4 + 1/6" is asked as "what is 3/4 + 1/6"; other Chinese: None
        text = normalise(english if english is not None else question)
        if not text or _AMBIGUOUS_POWER.search(text):
            return None
        solution = _first_form(text)
        if solution is None and (inner := unwrap(text)) is not None:
            solution = _first_form(inner)  # "my son is stuck on 2x + 3 = 11", "... what is x"
        if solution is None and _ASKING.match(text):
            # "what is d/dx of x^2 ln x": a form that reads its own opening, asked with a question word in front
            solution = _first_form(_ASKING.sub("", text, count=1))
        return solution if solution is not _TOO_BIG else None
    except MATH_ERRORS:
        return None
    except Exception:  # noqa: BLE001 - SymPy on a student's text: any other failure is "could not decide"
        return None


_TOO_BIG = object()
_ASKING = re.compile(r"^(?:what(?:'s|s| is)|calculate|compute|evaluate|work out|tell me)\s+(?:the\s+)?(?=\S)", re.I)


def _first_form(text: str):
    """The first form's answer to ``text``; None when no form answers; ``_TOO_BIG`` when the work is out of bounds."""
    for handler in HANDLERS:
        try:
            solution = handler(text)
        except NotMine:
            continue  # the phrasing matched but not the content: another form may fit
        except VerificationError as exc:
            if str(exc).startswith(TOO_BIG):
                return _TOO_BIG  # out of bounds here is out of bounds for every form
            continue
        if solution is not None:
            return solution
    return None
