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


_UNITS_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
               "ninety": 90}
_SMALL = {"one": 1, **_UNITS_WORDS}
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                   "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10}
_NUMBER_WORD = re.compile(
    r"\b(?:(?P<tens>" + "|".join(_TENS_WORDS) + r")(?:[- ](?P<tunit>one|" + "|".join(list(_UNITS_WORDS)[:8]) + r"))?"
    r"|(?P<small>" + "|".join(_UNITS_WORDS) + r")(?!-[a-z])"  # "four-sided", "two-digit" stay words
    r"|(?P<count>a|one|" + "|".join(list(_UNITS_WORDS)[:8]) + r")[- ](?P<frac>" + "|".join(_FRACTION_WORDS) + r")"
    r"|(?P<dozen>a|one|two|three|four|five|six)\s+dozen)\b(?![- ](?:" + "|".join(_FRACTION_WORDS) + r")\b)",
    re.I)


def words_to_numbers(text: str) -> str:
    """Number words as digits, so the detectors read 'four metres', 'a quarter', 'two dozen', 'negative one quarter'.

    'one' alone stays a word ("one side", "one of them"); 'one quarter', 'a third' and 'half' of something are
    fractions only in those forms; 'a dozen' is 12. Everything else is left as written.
    """
    def number(m: re.Match) -> str:
        if m.group("tens"):
            return str(_TENS_WORDS[m.group("tens").lower()] + (_SMALL[m.group("tunit").lower()] if m.group("tunit") else 0))
        if m.group("small"):
            return str(_UNITS_WORDS[m.group("small").lower()])
        if m.group("frac"):
            count = 1 if m.group("count").lower() in ("a", "one") else _SMALL[m.group("count").lower()]
            return f"{count}/{_FRACTION_WORDS[m.group('frac').lower()]}"
        dozens = 1 if m.group("dozen").lower() in ("a", "one") else _SMALL[m.group("dozen").lower()]
        return str(12 * dozens)

    text = _NUMBER_WORD.sub(number, text)
    text = re.sub(r"\b(remaining|last|other|final)\s+(" + "|".join(_FRACTION_WORDS) + r")\b",
                  lambda m: f"{m.group(1)} 1/{_FRACTION_WORDS[m.group(2).lower()]}", text, flags=re.I)
    return re.sub(r"\b(?:negative|minus)\s+(?=\d)", "-", text, flags=re.I)
