"""Straight lines and function values, the way students type them.

"slope of the line through (2, 5) and (6, -3)" (-2), "equation of the line with slope 3 through (1, 2)"
(y = 3x - 1), "equation of the line through (1, 2) and (3, 8)" (y = 3x - 1), "y-intercept of 3x + 2y = 6" (3),
"slope of y = -4x + 7" (-4), "if f(x) = x^2 - 2x what is f(3)" (3), "... f(x + 1)" (x^2 - 1, expanded).

A line is read only from exactly the points or the slope and point it names; two points on one vertical line
(no slope, and an equation "x = c" that is not y = mx + b) and a single point given twice are left alone. An
equation read as a line must be of degree one in x and y with y in it, so a curve or a vertical line is not
given a slope or an intercept.
"""

from __future__ import annotations

import re

import sympy as sp

from tutor.verify.recognise.reading import (
    ASK,
    NotMine,
    Solution,
    number_text,
    plain,
    read_expression,
    read_math,
)

_N = r"[-+]?\s*\d+(?:\.\d+)?(?:\s*/\s*\d+)?"
_POINT = rf"[A-Z]?\s*\(\s*({_N})\s*,\s*({_N})\s*\)"
_TWO_POINTS = rf"(?:the )?(?:points? )?{_POINT}\s*(?:,\s*)?(?:and|&|,|to)\s+(?:the point )?{_POINT}"
_THROUGH = r"(?:through|passing through|that passes through|which passes through|going through|that goes through|" \
           r"joining|connecting|containing)"
_LINE = r"(?:the |a )?(?:straight )?line"
_FORM = r"(?:,?\s*(?:in|as|written in)\s+(?:the\s+)?(?:slope[- ]?intercept|y\s*=\s*mx\s*\+\s*[bc])(?:\s+form)?)?"
"""'in slope intercept form', 'in y = mx + b form': the form the line's equation is given in anyway."""

_SLOPE = re.compile(rf"(?:{ASK} )?(?:the )?(?:slope|gradient)(?: of {_LINE})?(?: {_THROUGH}| between| of)? "
                    rf"{_TWO_POINTS}", re.I)
_EQUATION_TWO_POINTS = re.compile(rf"(?:(?:{ASK}|write) (?:the |an )?equation of {_LINE},? {_THROUGH} {_TWO_POINTS}"
                                  r"|(?:the |an )?equation of " + rf"{_LINE},? {_THROUGH} {_TWO_POINTS}){_FORM}", re.I)
_SLOPE_WORDS = r"(?:a )?(?:slope|gradient)(?: of| is| =)?"
_EQUATION_SLOPE_POINT = [
    re.compile(rf"(?:(?:{ASK}|write) )?(?:the |an )?equation of {_LINE},? (?:with|that has|having|which has|of) "
               rf"{_SLOPE_WORDS} ({_N}),? (?:and |that |which )?(?:passes |goes |passing |going )?"
               rf"(?:through|containing|thru) (?:the point )?{_POINT}{_FORM}", re.I),
    re.compile(rf"(?:(?:{ASK}|write) )?(?:the |an )?equation of {_LINE},? {_THROUGH} (?:the point )?{_POINT},? "
               rf"(?:with|that has|having|which has|and) {_SLOPE_WORDS} ({_N}){_FORM}", re.I),
]
_OF_LINE = re.compile(rf"(?:{ASK} )?(?:the )?(slope|gradient|y[- ]?intercept)(?: of(?: the line| the graph of)?|:)?\s+"
                      r"([^,;]*=[^,;]*)", re.I)

_FUNCTION = r"([fgh])\s*\(\s*x\s*\)\s*=\s*(.+?)"
_VALUE = [
    re.compile(rf"(?:if|given|given that|let|suppose|when)?\s*{_FUNCTION}\s*[,;.]?\s*(?:then\s+)?"
               rf"(?:{ASK}|evaluate)?\s*(?:the value of )?([fgh])\s*\(([^()]*)\)"
               r"(?:\s*,?\s*(?:simplified|and simplify|simplify|expanded|and expand))?", re.I),
    re.compile(rf"(?:{ASK}|evaluate)\s*(?:the value of )?([fgh])\s*\(([^()]*)\)\s*,?\s*(?:if|when|given|given that|"
               rf"where|for)\s+{_FUNCTION}", re.I),
]

x, y = sp.symbols("x y")


def _number(text: str) -> sp.Rational:
    value = read_math(re.sub(r"\s+", "", text), numbers_only=True)
    if not value.is_Rational:
        raise NotMine
    return value


def _line_text(slope, intercept) -> str:
    """y = mx + b in the order a child writes it: "y = -2x + 4", "y = -x/2 + 5/2", "y = 3x", "y = 4"."""
    if slope == 0:
        return f"y = {plain(intercept)}"
    if intercept == 0:
        return f"y = {plain(slope * x)}"
    return f"y = {plain(slope * x)} {'-' if intercept < 0 else '+'} {plain(abs(intercept))}"


def lines(text: str) -> Solution | None:
    """The slope through two points, the equation of a line, the slope or y-intercept of a line's equation."""
    m = _SLOPE.fullmatch(text)
    if m:
        x1, y1, x2, y2 = (_number(g) for g in m.groups())
        if x1 == x2:
            raise NotMine  # a vertical line (or one point twice): no slope to give
        slope = (y2 - y1) / (x2 - x1)
        return Solution("slope", slope, number_text(slope), f"slope through ({plain(x1)}, {plain(y1)}) and "
                        f"({plain(x2)}, {plain(y2)})")
    m = _EQUATION_TWO_POINTS.fullmatch(text)
    if m:
        x1, y1, x2, y2 = (_number(g) for g in m.groups() if g is not None)
        if x1 == x2:
            raise NotMine
        slope = (y2 - y1) / (x2 - x1)
        return _equation(slope, y1 - slope * x1, f"line through ({plain(x1)}, {plain(y1)}) and ({plain(x2)}, "
                         f"{plain(y2)})")
    for i, pattern in enumerate(_EQUATION_SLOPE_POINT):
        m = pattern.fullmatch(text)
        if m:
            slope, x1, y1 = (_number(g) for g in (m.groups() if i == 0 else (m.group(3), m.group(1), m.group(2))))
            return _equation(slope, y1 - slope * x1, f"line with slope {plain(slope)} through ({plain(x1)}, "
                             f"{plain(y1)})")
    m = _OF_LINE.fullmatch(text)
    if m:
        return _of_line(m.group(1).lower(), m.group(2))
    return None


def _equation(slope, intercept, shown: str) -> Solution:
    return Solution("line", sp.Eq(y, slope * x + intercept), _line_text(slope, intercept), shown)


def _of_line(asked: str, equation: str) -> Solution:
    relation = read_math(equation)
    if not isinstance(relation, sp.Equality):
        raise NotMine
    f = _in_plain_symbols(sp.expand(relation.lhs - relation.rhs))
    if not f.free_symbols <= {x, y} or y not in f.free_symbols:
        raise NotMine
    poly = sp.Poly(f, x, y)
    if poly.total_degree() != 1 or any(c.free_symbols or not c.is_Rational for c in poly.coeffs()):
        raise NotMine  # a curve, or a coefficient we cannot state exactly
    a, b, c = (poly.coeff_monomial(t) for t in (x, y, 1))
    slope, intercept = -a / b, -c / b
    if asked in ("slope", "gradient"):
        return Solution("slope", slope, number_text(slope), f"slope of {_line_text(slope, intercept)}")
    return Solution("y_intercept", intercept, number_text(intercept), f"y-intercept of {_line_text(slope, intercept)}")


def _in_plain_symbols(expr):
    """``expr`` with each letter as a plain symbol (the parser may read √x's x as positive): x is x however read."""
    return expr.xreplace({s: sp.Symbol(s.name) for s in expr.free_symbols})


def function_value(text: str) -> Solution | None:
    """f(3), f(-1) or f(x + 1) for a function f(x) given in the question."""
    m = _VALUE[0].fullmatch(text)
    if m:
        name, body, called, arg = m.groups()
    else:
        m = _VALUE[1].fullmatch(text)
        if not m:
            return None
        called, arg, name, body = m.groups()
    if name.lower() != called.lower():
        raise NotMine  # f(x) given, g(2) asked: another function we were not told
    expr = _in_plain_symbols(read_expression(body.strip()))
    value_at = _in_plain_symbols(read_expression(arg.strip()))
    if not expr.free_symbols <= {x} or not value_at.free_symbols <= {x} or x not in expr.free_symbols:
        raise NotMine
    value = sp.expand(expr.xreplace({x: value_at}))
    if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo) or len(str(value)) > 200:
        raise NotMine  # f(0) for 1/x: undefined, not ours to state
    shown = f"{name}({plain(value_at)}) for {name}(x) = {plain(expr)}"
    if value.free_symbols:
        return Solution("function_value", value, plain(value), shown)
    value = sp.nsimplify(value) if isinstance(value, sp.Float) else sp.simplify(value)
    if value.is_real is not True:
        raise NotMine  # √(-4) or ln(-1): not a real value, not a school answer to state
    return Solution("function_value", value, number_text(value) if value.is_Rational else plain(value), shown)
