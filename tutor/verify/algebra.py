"""Algebra and calculus steps: equal expressions, equivalent equations, derivatives, integrals.

``check_step_pair("(x^2-1)/(x-1)", "x+1")`` is verified (noting x ≠ 1);
``check_step_pair("2x+3=11", "x=4")`` is verified because both equations have
the same solutions; ``check_step_pair("d/dx x^3", "3x^2")`` checks a derivative.
"""

from __future__ import annotations

import re

import sympy as sp

from tutor.errors import VerificationError
from tutor.verify.bounded import MATH_ERRORS, limited, reason
from tutor.verify.numeric import EXACT_SECONDS, first_disagreement, same_value
from tutor.verify.parse import check_size, parse_chain
from tutor.verify.result import Check, Status, undetermined

_DERIV = re.compile(r"^\s*(?:d/d([a-z])|\\frac\{d\}\{d([a-z])\}|derivative of)\s*(.+?)\s*$", re.S)
_INTEGRAL = re.compile(r"^\s*(?:∫|\\int|integral of)\s*(.+?)\s*(?:d([a-z]))?\s*$", re.S)


def _one(text: str, symbols: dict) -> tuple[str, object]:
    """Parse one side: ('expr', e), ('eq', lhs - rhs) or raise VerificationError."""
    for pattern, kind in ((_DERIV, "deriv"), (_INTEGRAL, "integral")):
        m = pattern.match(text)
        if m:
            if kind == "deriv":
                var = m.group(1) or m.group(2) or "x"
                body = m.group(3)
            else:
                body, var = m.group(1), m.group(2) or "x"
            parts, ops = parse_chain(body, symbols)
            if ops:
                raise VerificationError("malformed: a relation inside a derivative")
            x = symbols.setdefault(var, sp.Symbol(var))
            value = limited(sp.diff if kind == "deriv" else sp.integrate, parts[0], x, seconds=EXACT_SECONDS)
            if kind == "integral" and value.has(sp.Integral):
                raise VerificationError("too hard: I cannot find this integral")
            return kind, value
    parts, ops = parse_chain(text, symbols)
    if not ops:
        return "expr", parts[0]
    if len(ops) == 1 and ops[0] == "=":
        return "eq", (parts[0], parts[1])
    raise VerificationError("malformed: only one '=' per step here")


def excluded_values(before: sp.Expr, after: sp.Expr) -> list[str]:
    """Values where ``before`` is undefined but ``after`` is not (like x = 1 in (x²-1)/(x-1))."""
    try:
        return limited(_excluded, before, after, seconds=EXACT_SECONDS)
    except (VerificationError, sp.PolynomialError, *MATH_ERRORS):
        return []


def _excluded(before: sp.Expr, after: sp.Expr) -> list[str]:
    out = []
    for x in sorted(before.free_symbols, key=str):
        den = sp.denom(sp.together(before))
        if not den.has(x) or len(den.free_symbols) > 1:
            continue
        for root in sp.solveset(den, x, domain=sp.S.Reals) if sp.degree(den, x) < 5 else []:
            if sp.denom(sp.together(after)).subs(x, root) != 0:
                out.append(f"{x} ≠ {root}")
    return out


def solutions(lhs: sp.Expr, rhs: sp.Expr):
    """Real solution set of ``lhs = rhs`` in its one variable, or None if we cannot say quickly."""
    f = lhs - rhs
    syms = f.free_symbols
    if not syms and (lhs.free_symbols or rhs.free_symbols):
        # x + 1 = x + 2 cancels to 1 = 2: no solution (or every number)
        status = same_value(f, sp.S.Zero)
        return {Status.verified: sp.S.Reals, Status.refuted: sp.S.EmptySet}.get(status)
    if len(syms) != 1:
        return None
    (x,) = syms
    try:
        result = limited(_real_solutions, f, x, seconds=EXACT_SECONDS)
    except (VerificationError, *MATH_ERRORS):
        return None
    # solveset keeps points where a denominator vanishes out; so do we
    if isinstance(result, (sp.FiniteSet, sp.EmptySet.__class__)) or result in (sp.S.Reals, sp.S.EmptySet):
        return result
    return None


def _real_solutions(f: sp.Expr, x: sp.Symbol):
    return sp.solveset(sp.together(f), x, domain=sp.S.Reals)


def _proportional(fa: sp.Expr, fb: sp.Expr) -> bool:
    """fa = c·fb for a non-zero constant c: equations with the same solutions."""
    if fb == 0 or fa == 0:
        return False
    ratio = None
    point_pair = first_disagreement(fa, fa + 1)  # any point where both are defined
    if point_pair is None:
        return False
    point = point_pair[0]
    try:
        vb = complex(fb.xreplace(point).evalf(15))
        if abs(vb) < 1e-12:
            return False
        ratio = complex(fa.xreplace(point).evalf(15)) / vb
    except (TypeError, ValueError, ZeroDivisionError):
        return False
    if abs(ratio) < 1e-12:
        return False
    c = sp.nsimplify(ratio.real, rational=True) if abs(ratio.imag) < 1e-12 else None
    return c is not None and same_value(fa, c * fb) is Status.verified


def check_step_pair(before: str, after: str) -> Check:
    """Is ``after`` a valid next step from ``before``?

    Expressions must keep the same value (excluded values are noted), equations
    must keep the same solutions, and ``d/dx f`` / ``∫ f dx`` must be followed
    by the right derivative / antiderivative (up to a constant). Never raises:
    a step SymPy cannot evaluate (a number overflowing, too deep) is undetermined.
    """
    try:
        return _check_step_pair(before, after)
    except MATH_ERRORS as exc:
        return undetermined(f"{before} -> {after}"[:200], "step", f"I could not check this step: {reason(exc)}.")


def _check_step_pair(before: str, after: str) -> Check:
    claim = f"{before} -> {after}"
    symbols: dict[str, sp.Symbol] = {}
    try:
        check_size(before)
        check_size(after)
        kind_a, a = _one(before, symbols)
        kind_b, b = _one(after, symbols)
    except VerificationError as exc:
        return undetermined(claim[:200], "step", f"I could not read this step ({exc}).")
    if kind_b != "expr" and kind_b != "eq":
        return undetermined(claim, "step", "The second step should be a result, not a new question.")
    if kind_a in ("expr", "deriv", "integral") and kind_b == "expr":
        return _expression_pair(claim, kind_a, a, b)
    if kind_a == "eq" and kind_b == "eq":
        return _equation_pair(claim, a, b)
    return undetermined(claim, "step", "One side is an equation and the other is not, so I cannot compare them.")


def _expression_pair(claim: str, kind: str, a: sp.Expr, b: sp.Expr) -> Check:
    label = {"expr": "expression", "deriv": "derivative", "integral": "integral"}[kind]
    if kind == "integral" and a.free_symbols:
        # antiderivatives may differ by a constant: the difference must not change with the variables of the
        # integral's own antiderivative (never differentiated by the "+ C" itself, whose name sorts first)
        status = Status.verified
        for var in sorted(a.free_symbols, key=str):
            verdict = same_value(sp.diff(a - b, var), sp.S.Zero)
            if verdict is not Status.verified:
                status = verdict
                break
    else:
        status = same_value(a, b)
    expected = str(a).replace("**", "^")
    if status is Status.verified:
        notes = excluded_values(a, b) if kind == "expr" else []
        extra = f" (as long as {', '.join(notes)})" if notes else ""
        return Check(status, claim, label, expected, f"Both sides are equal{extra}.")
    if status is Status.refuted:
        return Check(status, claim, label, expected, f"These are not equal: the {label} should be {expected}.")
    return undetermined(claim, label, "I could not tell whether these are equal.")


def _equation_pair(claim: str, a: tuple, b: tuple) -> Check:
    fa, fb = a[0] - a[1], b[0] - b[1]
    if not (a[0].free_symbols | a[1].free_symbols | b[0].free_symbols | b[1].free_symbols):
        sa, sb = same_value(a[0], a[1]), same_value(b[0], b[1])
        if sa is Status.verified and sb is Status.verified:
            return Check(Status.verified, claim, "equation", None, "Both lines are true.")
        if sb is Status.refuted:
            return Check(Status.refuted, claim, "equation", str(b[0]), f"{b[0]} is not equal to {b[1]}.")
        return undetermined(claim, "equation", "I could not check these lines.")
    if _proportional(fa, fb):
        return Check(Status.verified, claim, "equation", None, "Both equations have the same solutions.")
    sa, sb = solutions(*a), solutions(*b)
    if sa is None or sb is None:
        return undetermined(claim, "equation", "I could not solve these equations quickly enough to compare them.")
    shown = _show(sa)
    if sa == sb:
        return Check(Status.verified, claim, "equation", shown, "Both equations have the same solutions.")
    if sa == sp.S.EmptySet:
        return Check(Status.refuted, claim, "false_premise", shown,
                     "The first equation has no solution at all, so no value can be found.")
    lost = sa - sb if sb.is_subset(sa) else sp.S.EmptySet
    why = f" A solution was lost: {_show(lost)}." if isinstance(lost, sp.FiniteSet) and lost else ""
    return Check(Status.refuted, claim, "equation", shown,
                 f"The new equation does not have the same solutions: it should be {shown}.{why}")


def _show(s) -> str:
    if s == sp.S.EmptySet:
        return "no solution"
    if s == sp.S.Reals:
        return "every number"
    if isinstance(s, sp.FiniteSet):
        return ", ".join(str(v).replace("**", "^") for v in s)
    return str(s)


def solution_satisfies(equation: str, value: str) -> Check:
    """Does ``value`` (``4`` or ``x = 4``) make ``equation`` true?"""
    claim = f"{value} in {equation}"
    symbols: dict[str, sp.Symbol] = {}
    try:
        kind, eq = _one(equation, symbols)
        v_parts, v_ops = parse_chain(value, symbols)
    except VerificationError as exc:
        return undetermined(claim, "solution", f"I could not read this ({exc}).")
    if kind != "eq":
        return undetermined(claim, "solution", "The first part is not an equation.")
    f = eq[0] - eq[1]
    if len(f.free_symbols) != 1:
        return undetermined(claim, "solution", "I can only check equations with one letter.")
    (x,) = f.free_symbols
    val = v_parts[-1]
    if val.free_symbols:
        return undetermined(claim, "solution", "The answer should be a number.")
    sub = f.xreplace({x: val})
    if sub.has(sp.zoo, sp.nan):
        return Check(Status.refuted, claim, "false_premise", None, f"{x} = {val} makes us divide by zero.")
    status = same_value(sub, sp.S.Zero)
    if status is Status.verified:
        return Check(status, claim, "solution", None, f"Putting {x} = {val} into the equation makes it true.")
    if status is Status.refuted:
        return Check(status, claim, "solution", _show(solutions(*eq) or sp.S.EmptySet),
                     f"Putting {x} = {val} into the equation does not make it true.")
    return undetermined(claim, "solution", "I could not check this value.")
