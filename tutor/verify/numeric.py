"""Is ``a`` equal to ``b``? Random numeric points first, exact SymPy as the fallback.

Evaluating at a handful of random points is fast and, for the polynomial and
rational expressions of school algebra, a disagreement is a proof of
inequality and agreement everywhere is overwhelming evidence of identity.
Exact simplification runs only under a time limit.
"""

from __future__ import annotations

import random

import sympy as sp

from tutor.errors import VerificationError
from tutor.verify.bounded import MATH_ERRORS, limited
from tutor.verify.result import Status

POINTS = 7
EXACT_SECONDS = 0.5
_rng = random.Random(20261123)


def evaluate(expr: sp.Expr, point: dict) -> complex | None:
    """``expr`` at ``point`` as a complex number, or None where it is undefined."""
    try:
        value = complex(expr.xreplace(point).evalf(15))
    except MATH_ERRORS:
        return None
    if value != value or abs(value) == float("inf"):
        return None
    return value


def random_points(symbols, n: int = POINTS) -> list[dict]:
    syms = sorted(symbols, key=str)
    points = []
    for _ in range(n):
        points.append({s: sp.Float(round(_rng.uniform(0.3, 3.7) * _rng.choice((1, -1)), 6)) for s in syms})
    return points


def same_value(a: sp.Expr, b: sp.Expr) -> Status:
    """verified if ``a`` and ``b`` are the same expression, refuted if not, else undetermined."""
    diff = a - b
    if diff == 0:
        return Status.verified
    symbols = diff.free_symbols
    if not symbols:
        try:
            zero = limited(_equals_zero, diff, seconds=EXACT_SECONDS)
        except (VerificationError, *MATH_ERRORS):
            zero = None
        return {True: Status.verified, False: Status.refuted}.get(zero, Status.undetermined)
    agree = disagree = 0
    for point in random_points(symbols):
        va, vb = evaluate(a, point), evaluate(b, point)
        if va is None or vb is None:
            continue
        if abs(va - vb) <= 1e-9 * max(1.0, abs(va), abs(vb)):
            agree += 1
        else:
            disagree += 1
    if disagree:
        return Status.refuted
    if agree >= 3 and not disagree:
        return Status.verified
    try:
        zero = limited(_simplifies_to_zero, diff, seconds=EXACT_SECONDS)
    except (VerificationError, *MATH_ERRORS):
        return Status.undetermined
    return Status.verified if zero else Status.undetermined


def _equals_zero(expr: sp.Expr) -> bool | None:
    return expr.equals(0)


def _simplifies_to_zero(expr: sp.Expr) -> bool:
    return sp.simplify(expr) == 0


def first_disagreement(a: sp.Expr, b: sp.Expr) -> tuple[dict, complex, complex] | None:
    """A point where ``a`` and ``b`` differ (both defined), if one turns up."""
    for point in random_points(a.free_symbols | b.free_symbols):
        va, vb = evaluate(a, point), evaluate(b, point)
        if va is not None and vb is not None and abs(va - vb) > 1e-9 * max(1.0, abs(va), abs(vb)):
            return point, va, vb
    return None
