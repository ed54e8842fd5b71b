"""The working behind a SymPy answer, as a few equations a child can follow.

``worked_steps(solution)`` gives the key lines of the usual school method for the forms where one exists
(a linear or quadratic equation, a linear inequality, two linear equations in two unknowns, two fractions,
factoring and expanding, a polynomial's derivative and definite integral, substituting values, a percent
of a number, LCM/GCF, mean and median): each line
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

from tutor.verify.recognise.numbers import factor_text
from tutor.verify.recognise.reading import NotMine, Solution, plain, read_expression, read_math

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


def _one_unknown(solution: Solution, signs) -> tuple[sp.Expr, sp.Expr, sp.Symbol, str, sp.Expr]:
    """The two sides of a relation in one unknown, the unknown, the sign and left - right expanded."""
    sides = _sides(solution.expression)
    if sides is None or sides[1] not in signs:
        raise NotMine
    left, right = read_math(sides[0]), read_math(sides[2])
    free = (left - right).free_symbols
    if len(free) != 1:
        raise NotMine
    x = next(iter(free))
    f = sp.expand(left - right)
    if not f.is_polynomial(x):
        raise NotMine
    return left, right, x, sides[1], f


def _solve(solution: Solution) -> list[str]:
    left, right, x, _, f = _one_unknown(solution, ("=",))
    degree = sp.degree(f, x)
    if degree == 1:
        return _linear(left, right, x, "=")
    if degree == 2:
        steps = [] if right == 0 else [f"{plain(f)} = 0"]
        return steps + _quadratic(f, x)
    raise NotMine


def _inequality(solution: Solution) -> list[str]:
    left, right, x, sign, f = _one_unknown(solution, _RELATIONS)
    if sp.degree(f, x) != 1:
        raise NotMine
    return _linear(left, right, x, sign)


# --- fractions ---------------------------------------------------------------------------

_TERM = r"\(*\s*(?:(\d+)\s*\+\s*)?\(*\s*(\d+)\s*/\s*(\d+)\s*\)*"
_TWO_FRACTIONS = re.compile(rf"\s*{_TERM}\s*([-+×÷*/−])\s*{_TERM}\s*")


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
    reduced = sp.Rational(together, lcd)
    if reduced != value:
        raise NotMine  # not the question's answer: the expression was read some other way
    if (reduced.p, reduced.q) != (together, lcd):
        line += f" = {plain(reduced)}"
    steps.append(line)
    return steps


# --- whole numbers and data ------------------------------------------------------------------


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
    steps = [f"{v} = {factor_text(sp.factorint(v))}" for v in values if not sp.isprime(v)]
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
    product = factor_text(chosen)
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


# --- polynomials --------------------------------------------------------------------------------


def _sum_text(terms: list[str]) -> str:
    return " + ".join(terms).replace("+ -", "- ")


def _factor(solution: Solution) -> list[str]:
    """A common factor taken out first, then a monic quadratic's two numbers (product c, sum b), then the whole
    factorisation: "6x^2 - 24 = 6(x^2 - 4)", "6x^2 - 24 = 6(x - 2)(x + 2)"."""
    f = sp.expand(read_expression(solution.expression))
    if sp.expand(solution.answer) != f:
        raise NotMine
    steps = []
    common = sp.factor_terms(f)
    inner = f
    if common != f and isinstance(common, sp.Mul):
        steps.append(f"{plain(f)} = {plain(common)}")
        inner = next((a for a in common.args if isinstance(a, sp.Add)), f)
    free = inner.free_symbols
    if len(free) == 1:
        x = next(iter(free))
        poly = sp.Poly(inner, x)
        if poly.degree() == 2 and poly.LC() == 1:
            b, c = poly.coeff_monomial(x), poly.coeff_monomial(1)
            roots = sp.roots(poly)
            if len(roots) == 2 and all(r.is_Integer for r in roots) and c != 0 and b != 0:
                m, n = (-r for r in roots)
                steps.append(f"{plain(m)} × {_paren(n)} = {plain(c)}")
                steps.append(f"{plain(m)} + {_paren(n)} = {plain(b)}")
    if not steps:
        raise NotMine  # nothing to show but the answer itself
    steps.append(f"{plain(f)} = {solution.answer_text}")
    return steps


def _paren(value) -> str:
    text = plain(value)
    return f"({text})" if text.startswith("-") else text


def _expand(solution: Solution) -> list[str]:
    """Every term times every term, then like terms collected: "(2x - 3)(x + 4) = 2x^2 + 8x - 3x - 12"."""
    product = read_expression(solution.expression)
    if isinstance(product, sp.Pow) and product.exp == 2 and isinstance(product.base, sp.Add):
        factors = [product.base, product.base]
    elif isinstance(product, sp.Mul):
        factors = [a for a in product.args if isinstance(a, sp.Add)]
        rest = sp.Mul(*(a for a in product.args if not isinstance(a, sp.Add)))
        if len(factors) != 2:
            raise NotMine
        factors[0] = sp.expand(rest * factors[0])
        if not isinstance(factors[0], sp.Add):
            raise NotMine
    else:
        raise NotMine
    left, right = (f.as_ordered_terms() for f in factors)
    if len(left) * len(right) > 9:
        raise NotMine
    terms = _sum_text([plain(a * b) for a in left for b in right])
    if sp.expand(read_expression(terms)) != sp.expand(solution.answer):
        raise NotMine
    steps = [f"{_product_text(factors)} = {terms}"]
    if terms != solution.answer_text:
        steps.append(f"{terms} = {solution.answer_text}")
    return steps


def _product_text(factors: list) -> str:
    return "".join(f"({plain(f)})" for f in factors)


def _polynomial(expression: str, pattern: str) -> tuple[sp.Expr, sp.Symbol, re.Match]:
    m = re.fullmatch(pattern, expression.strip())
    if not m:
        raise NotMine
    f = read_expression(m.group(1))
    if len(f.free_symbols) != 1:
        raise NotMine
    x = next(iter(f.free_symbols))
    if not f.is_polynomial(x) or len(sp.Add.make_args(sp.expand(f))) > 6:
        raise NotMine
    return sp.expand(f), x, m


def _derivative(solution: Solution) -> list[str]:
    """The power rule term by term: "d/dx (3x^4) = 12x^3"."""
    f, x, _ = _polynomial(solution.expression, r"d/d[a-z]\s*\((.+)\)")
    if sp.diff(f, x) != sp.expand(solution.answer):
        raise NotMine
    terms = f.as_ordered_terms()
    if len(terms) < 2:
        raise NotMine
    return [f"d/d{x} ({plain(t)}) = {plain(sp.diff(t, x))}" for t in terms]


def _definite_integral(solution: Solution) -> list[str]:
    """An antiderivative, then F(b) - F(a): "F(x) = x^3/3", "F(3) - F(0) = 9 - 0 = 9"."""
    f, x, m = _polynomial(solution.expression, r"integral of (.+) d[a-z] from (\S+) to (\S+)")
    a, b = read_math(m.group(2), numbers_only=True), read_math(m.group(3), numbers_only=True)
    big = sp.integrate(f, x)
    upper, lower = big.subs(x, b), big.subs(x, a)
    if upper - lower != solution.answer:
        raise NotMine
    return [f"F({x}) = {plain(big)}",
            f"F({plain(b)}) - F({plain(a)}) = {plain(upper)} - {_paren(lower)} = {plain(upper - lower)}"]


def _substitute(solution: Solution) -> list[str]:
    """The values put in, in brackets, then each term's value: "(-2)^2 - 2(-2)(3) + (3)^2 = 4 + 12 + 9 = 25"."""
    m = re.fullmatch(r"(.+?) with ((?:[a-z] = -?[\d./]+(?:, )?)+)", solution.expression.strip())
    if not m:
        raise NotMine
    expr = read_expression(m.group(1))
    values = {sp.Symbol(k): sp.Rational(v) for k, v in re.findall(r"([a-z]) = (-?[\d./]+)", m.group(2))}
    if set(expr.free_symbols) != set(values):
        raise NotMine
    shown = re.sub(r"\*", "", plain(expr))
    names = {str(k) for k in values}

    def put_in(run: re.Match) -> str:  # "ab" is a times b; a function name ("sqrt") is left as it is
        word = run.group(0)
        if not all(ch in names for ch in word):
            return word
        return "".join(f"({plain(values[sp.Symbol(ch)])})" for ch in word)

    put = re.sub(r"[A-Za-z]+", put_in, shown)
    put = re.sub(r"(?<=\d)\(", "(", put)
    if read_expression(put) != solution.answer:
        raise NotMine
    terms = expr.as_ordered_terms()
    line = f"{put} = {_sum_text([plain(t.subs(values)) for t in terms])}" if len(terms) > 1 else put
    return [f"{line} = {plain(solution.answer)}"]


def _percent(solution: Solution) -> list[str]:
    """ "20% of 40": the percent as a decimal, times the number."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)% of (\d+(?:\.\d+)?)", solution.expression.strip())
    if not m:
        raise NotMine
    p, n = sp.Rational(m.group(1)), sp.Rational(m.group(2))
    if p / 100 * n != solution.answer:
        raise NotMine
    rate_text = f"{float(p / 100):g}"
    return [f"{m.group(1)}% = {m.group(1)}/100 = {rate_text}",
            f"{rate_text} × {m.group(2)} = {plain(solution.answer)}"]


def _system(solution: Solution) -> list[str]:
    """Two linear equations by elimination: scale so one unknown's coefficients match, add or subtract, solve,
    then put the value back into the first equation."""
    parts = [p.strip() for p in solution.expression.split(",")]
    if len(parts) != 2:
        raise NotMine
    eqs = [read_math(p) for p in parts]
    if not all(isinstance(e, sp.Equality) for e in eqs):
        raise NotMine
    syms = sorted(set().union(*(e.free_symbols for e in eqs)), key=str)
    if len(syms) != 2:
        raise NotMine
    rows = []
    for e in eqs:
        f = sp.expand(e.lhs - e.rhs)
        coeffs = [f.coeff(s, 1) for s in syms]
        const = -f.subs({s: 0 for s in syms})
        if sp.expand(f - sum(c * s for c, s in zip(coeffs, syms)) + const) != 0:
            raise NotMine
        if not all(c.is_Integer for c in [*coeffs, const]):
            raise NotMine
        rows.append((coeffs, const))
    answer = dict(zip(syms, solution.answer)) if isinstance(solution.answer, sp.Tuple) else None
    if answer is None:
        raise NotMine
    # eliminate the unknown whose coefficients need the least scaling
    best = min(range(2), key=lambda k: sp.ilcm(abs(rows[0][0][k]) or 1, abs(rows[1][0][k]) or 1))
    keep = 1 - best
    (c1, k1), (c2, k2) = rows
    if c1[best] == 0 or c2[best] == 0:
        raise NotMine
    l = sp.ilcm(abs(c1[best]), abs(c2[best]))
    m1, m2 = l // abs(c1[best]), l // abs(c2[best])
    steps = []
    scaled = []
    for (c, k), mult in (((c1, k1), m1), ((c2, k2), m2)):
        row = ([v * mult for v in c], k * mult)
        if mult != 1:
            steps.append(f"{_linear_text(row[0], syms)} = {plain(row[1])}")
        scaled.append(row)
    (s1, t1), (s2, t2) = scaled
    same = s1[best] == s2[best]
    coef = s1[keep] - s2[keep] if same else s1[keep] + s2[keep]
    total = t1 - t2 if same else t1 + t2
    if coef == 0:
        raise NotMine
    x, y = syms[keep], syms[best]
    op = "-" if same else "+"
    steps.append(f"({_linear_text(s1, syms)}) {op} ({_linear_text(s2, syms)}) = {plain(t1)} {op} {_paren(t2)}")
    steps.append(f"{plain(coef * x)} = {plain(total)}")
    value = total / coef
    if value != answer[x]:
        raise NotMine
    if coef != 1:
        steps.append(f"{x} = {plain(value)}")
    # back into the first equation
    a, b = c1[keep], c1[best]
    rest = k1 - a * value
    steps.append(f"{plain(b * y)} = {plain(k1)} - {_paren(a * value)} = {plain(rest)}" if a * value != 0 else
                 f"{plain(b * y)} = {plain(rest)}")
    if rest / b != answer[y]:
        raise NotMine
    if b != 1:
        steps.append(f"{y} = {plain(rest / b)}")
    return steps


def _linear_text(coeffs: list, syms: list) -> str:
    return plain(sum(c * s for c, s in zip(coeffs, syms)))


def _prime_count(solution: Solution) -> list[str]:
    """The primes themselves, then how many: "31, 37, 41, 43, 47"."""
    m = re.fullmatch(r"primes between (\d+) and (\d+)", solution.expression)
    if not m:
        raise NotMine
    found = list(sp.primerange(int(m.group(1)) + 1, int(m.group(2))))
    if len(found) != solution.answer or not found:
        raise NotMine
    return [", ".join(map(str, found))]


def _simplify(solution: Solution) -> list[str]:
    """Two fractions as in ``_fractions``; one fraction divided through by the greatest common factor."""
    try:
        return _fractions(solution)
    except NotMine:
        pass
    m = re.fullmatch(r"\s*\(*\s*(\d+)\s*/\s*(\d+)\s*\)*\s*", solution.expression)
    if not m:
        raise NotMine
    a, b = int(m.group(1)), int(m.group(2))
    g = gcd(a, b)
    if b == 0 or g == 1 or sp.Rational(a, b) != solution.answer:
        raise NotMine
    return [f"gcf({a}, {b}) = {g}", f"{a}/{b} = ({a // g} × {g})/({b // g} × {g}) = {plain(sp.Rational(a, b))}"]


_BUILDERS = {
    "solve": _solve,
    "inequality": _inequality,
    "fraction": _fractions,
    "lcm": _gcf_lcm,
    "gcf": _gcf_lcm,
    "mean": _mean,
    "median": _median,
    "factor": _factor,
    "expand": _expand,
    "derivative": _derivative,
    "definite_integral": _definite_integral,
    "substitute": _substitute,
    "percent": _percent,
    "system": _system,
    "prime_count": _prime_count,
    "simplify": _simplify,
}
