"""Whether an answer is written in the form a question asks for: factored, expanded, simplest.

The same polynomial factored and expanded are equal, so equivalence alone
cannot tell "factor x^2 + 7x + 12" answered "x^2 + 7x + 12" from the right
answer; nor "simplify 16/20" answered "8/10". This reads the written answer.
"""

from __future__ import annotations

import math
import re

import sympy as sp

from tutor.errors import VerificationError
from tutor.verify.parse import safe_parse
from tutor.verify.result import Status

_FRACTION = re.compile(r"(?<![\d.])(\d+)\s*/\s*(\d+)(?![\d.])")
_RATIO = re.compile(r"(?<![\d.:])(\d+)\s*:\s*(\d+)(?![\d.:])")
_SCIENTIFIC = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(?:(?:×|x|\*|·|\\times|\\cdot)\s*10\s*(?:\^\s*\{?\(?\s*[-−+]?\s*\d+\s*\)?\}?"
                         r"|\*\*\s*\(?[-−+]?\d+\)?|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|[eE][-+]?\d+)\s*")
"""A number in scientific notation as typed: the mantissa, then × 10 to a power (or an e)."""


def _value(text: str):
    text = text.strip()
    if "=" in text:
        text = text.rsplit("=", 1)[-1]
    return safe_parse(text)


def in_form(text: str, form: str | None) -> Status:
    """verified: written in ``form``; refuted: clearly not; undetermined: could not read it (or no form asked).

    In a chain ("84 = 2^2 × 3 × 7", "16/20 = 4/5") the answer is what follows the last '='.
    """
    if not form:
        return Status.verified
    text = text.rsplit("=", 1)[-1] if form in ("simplest", "factored") and "=" in text else text
    if form == "scientific":  # a × 10^k with 1 ≤ |a| < 10: "4.82 × 10^-4", "4.82 x 10⁻⁴", "4.82e-4"
        m = _SCIENTIFIC.fullmatch(text.rsplit("=", 1)[-1].strip().rstrip("."))
        if m is None:
            return Status.refuted if re.fullmatch(r"\s*-?[\d.,]+\s*", text) else Status.undetermined
        return Status.verified if 1 <= abs(float(m.group(1))) < 10 else Status.refuted
    if form == "simplest":  # read off the text: 8/10 and 4:6 are equal to their simplest forms
        pairs = [(int(a), int(b)) for a, b in _FRACTION.findall(text) + _RATIO.findall(text)]
        return Status.refuted if any(math.gcd(a, b) > 1 for a, b in pairs) else Status.verified
    try:
        expr = _value(text)
    except VerificationError:
        return Status.undetermined
    if form == "factored" and not expr.free_symbols:
        # a whole number's factorisation: every base written is a prime (2^2 × 3 × 7, not 84 or 2 × 42)
        bases = [int(b) for b in re.findall(r"(?<![\d^.])(\d{1,30})(?![\d.])", re.sub(r"\^\s*\d+", "", text))]
        if not bases:
            return Status.undetermined
        return Status.verified if all(sp.isprime(b) for b in bases) else Status.refuted
    if form == "factored":
        if isinstance(expr, sp.Mul | sp.Pow):
            return Status.verified
        return Status.refuted if isinstance(expr, sp.Add) else Status.undetermined
    if form == "expanded":  # read off the tree: no product or power of a sum left (never expands it)
        unexpanded = any(
            (isinstance(node, sp.Mul) and any(isinstance(f, sp.Add) for f in node.args))
            or (isinstance(node, sp.Pow) and isinstance(node.base, sp.Add) and node.exp.is_Integer and node.exp > 1)
            for node in sp.preorder_traversal(expr)
        )
        return Status.refuted if unexpanded else Status.verified
    return Status.undetermined
