"""Reading numbers and sentences out of a question, for the premise detectors."""

from __future__ import annotations

import re
from fractions import Fraction

MAX_CHARS = 4_000
"""Only the first this-many characters of a question are read (bounded work on hostile input)."""
MAX_EXPAND_POWER = 12
"""Powers above this are not expanded to look for a cancelling unknown (the work would grow too fast)."""

_D = r"(?<![\d.,])\d{1,15}(?:\.\d{1,15})?(?![\d]|\.\d)"  # a plain number, at most 15 digits a side
_N = r"(?<![\d.,])\d{1,15}(?:\.\d{1,15})?(?:\s*/\s*\d{1,15})?(?![\d]|\.\d)"  # … or a fraction
_MINUS = r"(?:-|−|minus\s+|negative\s+)"


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.?!])\s+|\n+", text) if s.strip()]


_WHETHER = re.compile(
    r"^\W*(?:(?:can|could|is|are|was|were|do|does|did|will|would|should|may|might|must|am|has|have)\b"
    r"|true or false)|\b(?:whether|possible|impossible)\b", re.I)


_REQUEST = re.compile(r"^\W*(?:can|could|would|will)\s+(?:you|u|someone|anyone|somebody|we|i|me)\b", re.I)
"""'Can you find the area…' is a request to solve, which asserts the premise; it is not a yes/no question."""
_YES_NO_START = re.compile(r"^\W*(?:can|could|is|are|was|were|does|do|did|will|would|should|may|might|must|has|have)\b",
                           re.I)


def _asks_whether(sentence: str) -> bool:
    """A yes/no question asks about the premise ("Is π exactly 22/7?"), it does not assert it.

    Typed questions often lack the '?': one that opens like a yes/no question ("can three sticks of 6, 7 and 15 ft
    make a triangle") counts too. A request ("can you find…") does not: it asks to work through the premise.
    """
    if re.search(r"\bwhether\b", sentence, re.I):
        return True
    if _REQUEST.search(sentence):
        return False
    if sentence.endswith("?") and _WHETHER.search(sentence):
        return True
    return bool(_YES_NO_START.search(sentence))


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
