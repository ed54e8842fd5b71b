"""Calculus questions: derivatives, integrals (indefinite and definite) and limits."""

from __future__ import annotations

import re

import sympy as sp

from tutor.verify.recognise.reading import (
    ASK,
    NotMine,
    Solution,
    exact_or_approx,
    plain,
    read_expression,
    read_math,
    within_bounds,
)

_DERIV = [
    re.compile(rf"(?:{ASK} )?(?:the )?(second |2nd )?derivative of (.+?)"
               r"(?: with respect to ([a-z]))?", re.I),
    re.compile(r"(?:differentiate|diff) (.+?)(?: with respect to ([a-z]))?( twice)?", re.I),
    re.compile(r"(?:d/d([a-z])|\\frac\{d\}\{d([a-z])\}|\\frac\{d\}\{d ([a-z])\})(?:\s+of)?\s*(.+)", re.I),
    re.compile(r"(?:find )?(?:dy/dx|y'|f'\(x\)|f'|the derivative)\s*(?:if|when|for|of|where|,|:)\s*(?:y|f\(x\))\s*=\s*(.+)", re.I),
]


def derivative(text: str) -> Solution | None:
    body, var, order = None, None, 1
    for i, pattern in enumerate(_DERIV):
        m = pattern.fullmatch(text)
        if not m:
            continue
        if i == 0:
            order, body, var = (2 if m.group(1) else 1), m.group(2), m.group(3)
        elif i == 1:
            body, var, order = m.group(1), m.group(2), (2 if m.group(3) else 1)
        elif i == 2:
            var, body = m.group(1) or m.group(2) or m.group(3), m.group(4)
        else:
            body = m.group(1)
        break
    if body is None:
        return None
    body = re.sub(r"^(?:y|f\(x\))\s*=\s*", "", body.strip())
    expr = read_expression(body)
    x = _variable(expr, var)
    value = within_bounds(sp.diff, expr, x, order)
    return Solution("derivative", value, plain(value), f"d/d{x} ({plain(expr)})")


def _variable(expr, var: str | None) -> sp.Symbol:
    if var:
        return next((s for s in expr.free_symbols if s.name == var), sp.Symbol(var))
    syms = sorted(expr.free_symbols, key=str)
    if len(syms) == 1:
        return syms[0]
    if not syms or any(s.name == "x" for s in syms):
        return next((s for s in syms if s.name == "x"), sp.Symbol("x"))
    raise NotMine


_INTEGRAL = re.compile(
    r"(?:(?:find|what is|calculate|compute|evaluate) )?(?:the )?(?:(?:indefinite |definite )?integral of|integrate|"
    r"antiderivative of|anti-derivative of|∫|\\int)\s*(?:_\{?([^{}\s^]+)\}?\s*\^\{?([^{}\s]+)\}?)?\s*(.+?)"
    r"\s*(?:d([a-z]))?(?:\s+(?:from|between) (.+?) (?:to|and) (.+?))?(?:\s+(?:with respect to|wrt) ([a-z]))?",
    re.I)


_BOUNDS_FIRST = re.compile(
    rf"(?:{ASK} )?(?:the )?(?:definite )?(?:integral|integrate) (?:from|between) (\S+) (?:to|and) (\S+),? of (.+)", re.I)
"""'integral from 0 to 3 of x^2 dx': the bounds before the integrand, as it is read aloud."""


def integral(text: str) -> Solution | None:
    bounds_first = _BOUNDS_FIRST.fullmatch(text)
    if bounds_first:
        low, high, body = bounds_first.groups()
        if re.search(r"\b(?:from|between)\b", body, re.I):
            raise NotMine
        text = f"integral of {body} from {low} to {high}"
    m = _INTEGRAL.fullmatch(text)
    if not m:
        return None
    low_text, high_text = m.group(1) or m.group(5), m.group(2) or m.group(6)
    if re.search(r"(?<![A-Za-z])d[a-z](?![A-Za-z])", m.group(3)):
        raise NotMine  # "integral of x^2 dx + 5": the differential inside, so what is integrated is not clear
    expr = read_expression(m.group(3).strip())
    x = _variable(expr, m.group(4) or m.group(7))
    if low_text is not None:
        low, high = read_math(low_text, numbers_only=True), read_math(high_text, numbers_only=True)
        value = within_bounds(_definite, expr, x, low, high)
        return Solution("definite_integral", value, exact_or_approx(value),
                        f"integral of {plain(expr)} d{x} from {plain(low)} to {plain(high)}")
    value = within_bounds(_antiderivative, expr, x)
    c = sp.Symbol("C")
    return Solution("integral", value + c, f"{plain(value)} + C", f"integral of {plain(expr)} d{x}")


def _antiderivative(expr, x):
    value = sp.integrate(expr, x)
    if value.has(sp.Integral) or value.has(sp.Piecewise):
        raise NotMine
    if expr.has(sp.log):
        # ln x in the integrand already says x > 0: x^2 ln(x)/2 - x^2/4 + C, as the textbook writes it
        inner = {f.args[0] for f in expr.atoms(sp.log)}
        if any(f.args[0] not in inner for f in value.atoms(sp.log)):
            raise NotMine  # a new log beside the given one: ln or ln|.|? we do not mix the two
        return value
    # SymPy's log(x) holds for x > 0 only; the antiderivative of 1/x is ln|x| + C.
    return value.replace(sp.log, lambda arg: sp.log(sp.Abs(arg)))


def _definite(expr, x, low, high):
    value = sp.integrate(expr, (x, low, high))
    if value.has(sp.Integral) or value.has(sp.Piecewise) or value.free_symbols or not value.is_finite:
        raise NotMine
    return sp.nsimplify(value) if isinstance(value, sp.Float) else value


_LIMIT = [
    re.compile(r"(?:(?:find|what is|evaluate|calculate) )?(?:the )?(?:limit|lim) of (.+?),? as ([a-z])\s*"
               r"(?:->|→|approaches|goes to|tends to|\\to)\s*(.+)", re.I),
    re.compile(r"(?:(?:find|what is|evaluate|calculate) )?(?:the )?(?:limit|lim) as ([a-z])\s*"
               r"(?:->|→|approaches|goes to|tends to|\\to)\s*(.+?),? of (.+)", re.I),
    re.compile(r"\\?lim(?:it)?\s*_?\{?\s*([a-z])\s*(?:->|→|\\to)\s*([^{}\s]+)\s*\}?\s*(.+)", re.I),
]


def limit(text: str) -> Solution | None:
    for i, pattern in enumerate(_LIMIT):
        m = pattern.fullmatch(text)
        if m:
            body, var, point = (m.group(1), m.group(2), m.group(3)) if i == 0 else (m.group(3), m.group(1), m.group(2))
            break
    else:
        return None
    direction = "+-"
    point = point.strip()
    side = re.search(r"\s*(?:from (?:the )?(left|right|below|above)|\^?([+-]))$", point, re.I)
    if side and not re.fullmatch(r"[-+]?\s*(?:∞|oo|infinity|inf|\\infty)", point, re.I):
        word = (side.group(1) or side.group(2)).lower()
        direction = "-" if word in ("left", "below", "-") else "+"
        point = point[:side.start()].strip()
    point = re.sub(r"(?i)\b(?:positive )?(?:infinity|inf)\b|∞|\\infty\b", "oo", point)
    point = re.sub(r"(?i)\bnegative oo", "-oo", point)
    a = read_math(point, numbers_only=False)
    if not isinstance(a, sp.Expr) or a.free_symbols:
        raise NotMine
    expr = read_expression(body)
    x = _variable(expr, var)
    if a in (sp.oo, -sp.oo):
        direction = "+" if a == sp.oo else "-"
    value = within_bounds(_limit_value, expr, x, a, direction)
    arrow = f"{plain(a)}" + ("" if direction == "+-" or a in (sp.oo, -sp.oo) else direction)
    return Solution("limit", value, exact_or_approx(value) if value.is_finite else plain(value),
                    f"limit of {plain(expr)} as {x} -> {arrow}")


def _limit_value(expr, x, a, direction):
    value = sp.limit(expr, x, a, dir=direction)
    if value.has(sp.Limit) or isinstance(value, sp.AccumBounds) or value.free_symbols or value is sp.nan \
            or value == sp.zoo:
        raise NotMine
    return value
