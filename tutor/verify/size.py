"""How big would the result be? Static estimates made before any math is evaluated.

Our own parser sizes what it builds as it goes (:mod:`tutor.verify.parse`).
Text for a third-party parser (Math-Verify reads LaTeX with latex2sympy and
evaluates as it reads: ``(1558621700)!`` is computed, and takes gigabytes)
is sized here first: every factorial's argument and every power's base and
exponent are read with our bounded parser, and an answer whose value would be
too large is "too big to check" (:class:`~tutor.errors.VerificationError`),
never computed. What these estimates cannot read is left to the hard bound
in :mod:`tutor.verify.bounded`.
"""

from __future__ import annotations

import math
import re

import sympy as sp

from tutor.errors import VerificationError
from tutor.verify.bounded import TOO_BIG

MAX_FACTORIAL = 300
"""Largest n whose n! we compute (615 digits)."""
MAX_RESULT_DIGITS = 2_000
"""A power may not produce a number longer than this."""
MAX_EXPONENT = 10_000
"""No exponent larger than this in size, whatever the base (``x^{100000}``)."""
MAX_NUMBER_DIGITS = 1_000
"""Longest number written out that we read in text for Math-Verify."""

_OPEN = {")": "(", "}": "{", "]": "["}
_LONG_NUMBER = re.compile(r"\d{%d,}" % (MAX_NUMBER_DIGITS + 1))
_LITERAL_TAIL = re.compile(r"(?:\d[\d.,]*|\.\d+)$")
_NAME_TAIL = re.compile(r"\\?[A-Za-z]+$")
_LITERAL_HEAD = re.compile(r"\s*[-+]*\s*(?:\d[\d.]*|\.\d+|\\?[A-Za-z]+)")


def too_big(what: str) -> VerificationError:
    return VerificationError(f"{TOO_BIG}: {what}")


def _value(text: str):
    """``text`` read by our parser as a SymPy value, or None if we cannot read it."""
    from tutor.verify.parse import parse_chain  # parse imports this module's limits

    try:
        parts, ops = parse_chain(text.replace("\\left", "").replace("\\right", ""))
    except VerificationError:
        return None
    return None if ops else parts[0]


def _operand_before(text: str, end: int) -> int:
    """Start of the operand ending at ``end`` (exclusive): a literal, a name, a bracket group or ``n!``."""
    head = text[:end].rstrip()
    if not head:
        return end
    if head[-1] == "!" and not head.endswith("\\!"):
        return _operand_before(text, len(head) - 1)  # 3!! is (3!)!
    if head[-1] in _OPEN:
        depth = 0
        for i in range(len(head) - 1, -1, -1):
            if head[i] in _OPEN:
                depth += 1
            elif head[i] in _OPEN.values():
                depth -= 1
                if depth == 0:
                    start = i - 5 if head[max(0, i - 5):i] == "\\left" else i
                    return _operand_before_function(head, start)
        return 0
    m = _LITERAL_TAIL.search(head) or _NAME_TAIL.search(head)
    return m.start() if m else len(head)


def _operand_before_function(head: str, start: int) -> int:
    """``\\frac{a}{b}`` or ``sqrt(x)``: the group belongs to what precedes it."""
    before = head[:start]
    if before.endswith("}"):  # the first argument of \frac{..}{..}
        inner = _operand_before(head, start)
        if head[:inner].rstrip().endswith(("\\frac", "\\dfrac", "\\tfrac")):
            return head[:inner].rstrip().rfind("\\")
    m = _NAME_TAIL.search(before)
    return m.start() if m else start


def _operand_after(text: str, start: int) -> int:
    """End of the operand starting at ``start``: a bracket group or a (signed) literal or name."""
    i = start
    while i < len(text) and text[i] in " \t":
        i += 1
    if i < len(text) and text[i] in "({[":
        depth = 0
        for j in range(i, len(text)):
            if text[j] in "({[":
                depth += 1
            elif text[j] in ")}]":
                depth -= 1
                if depth == 0:
                    return j + 1
        return len(text)
    m = _LITERAL_HEAD.match(text, i)
    return m.end() if m else i


def _check_factorial(text: str, bang: int) -> None:
    start = _operand_before(text, bang)
    arg = text[start:bang].strip()
    if not arg:
        return
    value = _value(arg)
    if value is None:
        if re.search(r"[A-Za-z]", arg.replace("\\frac", "")):
            return  # n!, (n-1)!: left symbolic by SymPy
        raise too_big(f"a factorial I cannot size ({arg[:40]}!)")
    if value.free_symbols:
        return
    if not (value.is_Integer and 0 <= value <= MAX_FACTORIAL):
        raise too_big(f"the factorial of a big or non-integer number ({arg[:40]}!)")


def _digits(value) -> float:
    """log10 of |value| (an upper estimate), for a number our parser built."""
    try:
        v = abs(complex(sp.N(value, 15)))
    except (TypeError, ValueError, OverflowError):
        return math.inf
    if v == math.inf:
        return math.inf
    return math.log10(v) if v > 0 else -math.inf


def _check_power(text: str, caret: int, width: int) -> None:
    exp_end = _operand_after(text, caret + width)
    exp_text = text[caret + width:exp_end].strip()
    if not exp_text:
        return
    exponent = _value(exp_text.strip("{}") if exp_text.startswith("{") else exp_text)
    if exponent is None or exponent.free_symbols:
        return  # towers are refused by the caller's pattern; the rest is left to the hard bound
    size = _digits(exponent)
    if size > math.log10(MAX_EXPONENT):
        raise too_big(f"a huge exponent ({exp_text[:40]})")
    base_start = _operand_before(text, caret)
    base = _value(text[base_start:caret])
    if base is None or base.free_symbols or not base.is_number:
        return
    digits = _digits(base)
    if digits in (math.inf, -math.inf) or abs(digits) < 1e-12:
        return
    if abs(complex(sp.N(exponent, 15))) * abs(digits) > MAX_RESULT_DIGITS:
        raise too_big(f"a power with too many digits ({text[base_start:exp_end][:40]})")


def check_result_size(text: str) -> None:
    """Raise VerificationError ("too big or too slow to check: ...") if ``text`` asks for a huge value.

    Checks every factorial (a big or non-integer argument, nested factorials),
    every numeric power (``2^{10^5}``, ``9^{4000}``, ``-\\pi^{(--4236+-2603)}`` is allowed:
    812 digits) and numbers written with more than :data:`MAX_NUMBER_DIGITS` digits.
    """
    if _LONG_NUMBER.search(text):
        raise too_big(f"a number with more than {MAX_NUMBER_DIGITS} digits")
    for m in re.finditer(r"(?<!\\)!(?!=)", text):
        _check_factorial(text, m.start())
    for m in re.finditer(r"\*\*|\^", text):
        _check_power(text, m.start(), len(m.group()))
