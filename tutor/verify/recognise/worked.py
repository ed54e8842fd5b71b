"""The working behind a SymPy answer, as a few equations a child can follow.

``worked_steps(solution)`` gives the key lines of the usual school method for the forms where one exists
(a linear equation or inequality, a quadratic equation, two fractions, LCM/GCF, mean and median): each line
is an equation SymPy has worked out, so a model explaining the answer can follow them instead of inventing
its own (the default model's own working for "lcm of 18, 24 and 30" claimed 2^2 × 3 × 5 = 360, and its
explanation was repaired, then replaced). Any other form, or a case the method does not fit, gives ``()``:
the explanation is then the model's, checked line by line as before.

The steps are built from the solution's ``expression`` (plain text the safe parser reads back) and its
``answer``; they never read the student's text again.
"""

from __future__ import annotations

import re
from math import gcd

import sympy as sp

from tutor.verify.recognise.reading import NotMine, Solution, plain, read_math

_RELATIONS = {"<": sp.StrictLessThan, "≤": sp.LessThan, ">": sp.StrictGreaterThan, "≥": sp.GreaterThan}
_FLIP = {"<": ">", ">": "<", "≤": "≥", "≥": "≤"}


def worked_steps(solution: Solution | None) -> tuple[str, ...]:
    """The key lines of the school method for ``solution``, or ``()`` when none is known for its form."""
    if solution is None:
        return ()
    build = _BUILDERS.get(solution.kind)
    if build is None:
        return ()
    try:
        steps = build(solution)
    except (NotMine, ValueError, TypeError, ZeroDivisionError, AttributeError, sp.SympifyError,
            sp.PolynomialError):
        return ()
    return tuple(steps or ())


# --- equations and inequalities ---------------------------------------------------------


def _sides(expression: str) -> tuple[str, str, str] | None:
    parts = re.split(r"\s*(=|≤|≥|<|>)\s*", expression.strip())
    if len(parts) != 3:
        return None
    return parts[0], parts[1], parts[2]


def _linear(left: sp.Expr, right: sp.Expr, x: sp.Symbol, sign: str) -> list[str]:
    """Clear denominators, collect x on one side, divide: "x/3 + 2 = x/2 - 1" -> "2x + 12 = 3x - 6",
    "-x = -18", "x = 18"."""
    f = sp.expand(left - right)
    a, c = f.coeff(x, 1), f.coeff(x, 0)
    if a == 0 or not (a.is_Rational and c.is_Rational):
        raise NotMine
    steps = []
    terms = sp.Add.make_args(sp.expand(left)) + sp.Add.make_args(sp.expand(right))
    d = sp.ilcm(1, *(int(t.as_coeff_Mul()[0].q) for t in terms))
    if d > 1:
        left, right = sp.expand(d * left), sp.expand(d * right)
        steps.append(f"{plain(left)} {sign} {plain(right)}")  # both sides times the common denominator
        a, c = a * d, c * d
    collected = f"{plain(a * x)} {sign} {plain(-c)}"
    if not steps or steps[-1] != collected:
        steps.append(collected)
    value = -c / a
    final = sign if a > 0 else _FLIP.get(sign, sign)
    if a != 1:
        steps.append(f"{x} {final} {plain(value)}")  # dividing by a negative number turned the sign round
    return steps


def _quadratic(f: sp.Expr, x: sp.Symbol) -> list[str]:
    """"2x^2 - 5x - 3 = 0" -> "(2x + 1)(x - 3) = 0", "2x + 1 = 0 or x - 3 = 0"; without rational roots, the
    discriminant and the quadratic formula."""
    poly = sp.Poly(f, x)
    a, b, c = (poly.coeff_monomial(x ** k) for k in (2, 1, 0))
    if not all(v.is_Rational for v in (a, b, c)):
        raise NotMine
    steps = []
    _, factors = sp.factor_list(f)
    if all(sp.degree(g, x) == 1 for g, _ in factors):
        factored = sp.factor(f)
        steps.append(f"{plain(factored)} = 0")
        roots = [g for g, _ in factors]
        if len(roots) > 1:
            steps.append(" or ".join(f"{plain(g)} = 0" for g in roots))
        return steps
    disc = b ** 2 - 4 * a * c
    steps.append(f"b^2 - 4ac = {plain(b ** 2)} - {plain(4 * a * c)} = {plain(disc)}" if 4 * a * c >= 0 else
                 f"b^2 - 4ac = {plain(b ** 2)} + {plain(-4 * a * c)} = {plain(disc)}")
    if disc < 0:
        return steps + [f"{plain(disc)} < 0"]
    steps.append(f"x = ({plain(-b)} ± √{plain(disc)}) / {plain(2 * a)}")
    return steps


def _solve(solution: Solution) -> list[str]:
    sides = _sides(solution.expression)
    if sides is None or sides[1] != "=":
        raise NotMine
    left, right = read_math(sides[0]), read_math(sides[2])
    free = (left - right).free_symbols
    if len(free) != 1:
        raise NotMine
    x = next(iter(free))
    f = sp.expand(left - right)
    if not f.is_polynomial(x):
        raise NotMine
    degree = sp.degree(f, x)
    if degree == 1:
        return _linear(left, right, x, "=")
    if degree == 2:
        steps = [] if right == 0 else [f"{plain(f)} = 0"]
        return steps + _quadratic(f, x)
    raise NotMine


def _inequality(solution: Solution) -> list[str]:
    sides = _sides(solution.expression)
    if sides is None or sides[1] not in _RELATIONS:
        raise NotMine
    left, right = read_math(sides[0]), read_math(sides[2])
    free = (left - right).free_symbols
    if len(free) != 1:
        raise NotMine
    x = next(iter(free))
    if sp.degree(sp.expand(left - right), x) != 1:
        raise NotMine
    return _linear(left, right, x, sides[1])


# --- fractions ---------------------------------------------------------------------------

_TERM = r"\(*\s*(?:(\d+)\s*\+\s*)?\(*\s*(\d+)\s*/\s*(\d+)\s*\)*"
_TWO_FRACTIONS = re.compile(rf"\s*{_TERM}\s*([-+×÷*/−])\s*{_TERM}\s*")


def _fraction_text(value: sp.Rational) -> str:
    return plain(value)


def _fractions(solution: Solution) -> list[str]:
    """a/b ± c/d over the least common denominator; × and ÷ as the school rule writes them; mixed numbers are
    first written as improper fractions."""
    text = solution.expression
    text = re.sub(r"\\frac\{(\d+)\}\{(\d+)\}", r"\1/\2", text).replace("\\div", "÷").replace("\\times", "×")
    m = _TWO_FRACTIONS.fullmatch(text)
    if not m:
        raise NotMine
    w1, n1, d1, op, w2, n2, d2 = m.groups()
    op = {"−": "-", "*": "×", "/": "÷"}.get(op, op)
    steps = []
    terms = []
    for whole, num, den in ((w1, n1, d1), (w2, n2, d2)):
        num, den = int(num), int(den)
        if den == 0:
            raise NotMine
        if whole is not None:
            improper = int(whole) * den + num
            steps.append(f"{whole} {num}/{den} = {improper}/{den}")
            num = improper
        terms.append((num, den))
    (p, q), (r, s) = terms
    value = solution.answer
    if op in "+-":
        lcd = q * s // gcd(q, s)
        left, right = p * (lcd // q), r * (lcd // s)
        if q != lcd:
            steps.append(f"{p}/{q} = {left}/{lcd}")
        if s != lcd:
            steps.append(f"{r}/{s} = {right}/{lcd}")
        together = left + right if op == "+" else left - right
        line = f"{left}/{lcd} {op} {right}/{lcd} = {together}/{lcd}"
    elif op == "×":
        line = f"{p}/{q} × {r}/{s} = {p * r}/{q * s}"
        together, lcd = p * r, q * s
    else:
        if r == 0:
            raise NotMine
        steps.append(f"{p}/{q} ÷ {r}/{s} = {p}/{q} × {s}/{r}")
        line = f"{p}/{q} × {s}/{r} = {p * s}/{q * r}"
        together, lcd = p * s, q * r
    if sp.Rational(together, lcd) != value:
        raise NotMine  # not the question's answer: the expression was read some other way
    if sp.Rational(together, lcd).q != lcd or sp.Rational(together, lcd).p != together:
        line += f" = {_fraction_text(sp.Rational(together, lcd))}"
    steps.append(line)
    return steps


# --- whole numbers and data ------------------------------------------------------------------


def _power_product(n: int) -> str:
    parts = [f"{p}^{k}" if k > 1 else str(p) for p, k in sorted(sp.factorint(n).items())]
    return " × ".join(parts) if parts else str(n)


def _numbers(expression: str) -> list[int]:
    inside = re.search(r"\(([^()]*)\)", expression)
    if not inside:
        raise NotMine
    values = [int(v) for v in re.findall(r"\d+", inside.group(1))]
    if not 2 <= len(values) <= 4 or any(v < 2 or v > 10 ** 6 for v in values):
        raise NotMine
    return values


def _gcf_lcm(solution: Solution) -> list[str]:
    values = _numbers(solution.expression)
    steps = [f"{v} = {_power_product(v)}" for v in values if not sp.isprime(v)]
    tables = [sp.factorint(v) for v in values]
    primes = sorted(set().union(*tables))
    if solution.kind == "lcm":
        chosen = {p: max(t.get(p, 0) for t in tables) for p in primes}
        label = "lcm"
    else:
        chosen = {p: min(t.get(p, 0) for t in tables) for p in primes}
        label = "gcf"
    chosen = {p: k for p, k in chosen.items() if k}
    value = 1
    for p, k in chosen.items():
        value *= p ** k
    if value != solution.answer:
        raise NotMine
    named = f"{label}({', '.join(map(str, values))})"
    product = " × ".join(f"{p}^{k}" if k > 1 else str(p) for p, k in chosen.items())
    steps.append(f"{named} = {product} = {value}" if product and product != str(value) else f"{named} = {value}")
    return steps


def _data(expression: str) -> list[sp.Rational]:
    m = re.fullmatch(r"\s*(?:mean|median|average) of (.+)", expression, re.I)
    if not m:
        raise NotMine
    values = [sp.Rational(v) for v in re.findall(r"-?\d+(?:\.\d+)?", m.group(1))]
    if not 2 <= len(values) <= 20:
        raise NotMine
    return values


def _mean(solution: Solution) -> list[str]:
    values = _data(solution.expression)
    total = sum(values)
    if total / len(values) != solution.answer:
        raise NotMine
    sum_text = " + ".join(plain(v) for v in values).replace("+ -", "- ")
    return [f"{sum_text} = {plain(total)}", f"{plain(total)} / {len(values)} = {plain(total / len(values))}"]


def _median(solution: Solution) -> list[str]:
    values = sorted(_data(solution.expression))
    n = len(values)
    steps = [", ".join(plain(v) for v in values)]  # the data in order
    if n % 2:
        middle = values[n // 2]
        if middle != solution.answer:
            raise NotMine
    else:
        a, b = values[n // 2 - 1], values[n // 2]
        if (a + b) / 2 != solution.answer:
            raise NotMine
        steps.append(f"({plain(a)} + {plain(b)}) / 2 = {plain((a + b) / 2)}")
    return steps


_BUILDERS = {
    "solve": _solve,
    "inequality": _inequality,
    "fraction": _fractions,
    "lcm": _gcf_lcm,
    "gcf": _gcf_lcm,
    "mean": _mean,
    "median": _median,
}
