"""Division by zero, equations with no solution, no real solution."""

from __future__ import annotations

import re

from tutor.verify.premises.reading import MAX_EXPAND_POWER, _D, _MINUS, _num, _show

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
