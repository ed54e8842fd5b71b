"""Expressions and equations (grades 6–8): exponents, equivalent expressions, inequalities, two-step and
multi-step equations, the laws of exponents and scientific notation."""

from __future__ import annotations

import random

import sympy
from sympy import Rational as R

from curriculum.expressions import _
from curriculum.expressions.shared import (
    FLIP,
    SIGN,
    STRICT,
    linear_text,
    num,
    paren,
    pick,
    solution,
    tape_diagram,
)
from curriculum.kit import N_, Draft, misconception, nonzero, plain, step
from plugins._common import x
from tutor.figures import number_line

INEQUALITY_FORMAT = N_("an inequality, like x > 2 or x ≤ -1")


def exponent_expr(rng: random.Random, level: int) -> Draft:
    if level == 1:
        b, n = pick(rng, lambda: (rng.randint(2, 9), rng.randint(2, 4)), lambda t: t[0] ** t[1] <= 1000 and t != (2, 2))
        ans = sympy.Integer(b) ** n
        factors = " × ".join([str(b)] * n)
        return Draft(
            _("What is {b}^{n}?").format(b=b, n=n), f"{b}^{{{n}}}", ans, str(ans),
            [step(_("{b}^{n} means {n} factors of {b}: {factors}.").format(b=b, n=n, factors=factors),
                  sympy.Pow(b, n, evaluate=False), sympy.Mul(*[b] * n, evaluate=False))],
            _("The exponent says how many times the base is used as a factor."),
            method=_("Write the base as a factor as many times as the exponent says, then multiply."),
            answer_format=_("a whole number"),
            misconceptions=[
                misconception(N_("multiplied the base by the exponent"), sympy.Integer(b * n),
                              _("You multiplied the base by the exponent. An exponent means repeated multiplication "
                                "of the base by itself.")),
                misconception(N_("added the base to the exponent"), sympy.Integer(b + n),
                              _("You added the two numbers. The exponent tells how many copies of the base to "
                                "multiply.")),
            ],
        )
    a = rng.randint(2, 5)
    v = rng.randint(2, 6) if level == 2 else -rng.randint(2, 6)
    c = 0 if level == 2 else rng.randint(1, 12)
    expr = a * x**2 - c
    ans = sympy.Integer(a * v * v - c)
    text = f"{a}x^2" if c == 0 else f"{a}x^2 - {c}"
    steps = [step(_("Square first: ({v})^2 = {sq}.").format(v=v, sq=v * v), sympy.Pow(v, 2, evaluate=False), v * v),
             step(_("Then multiply by {a}: {a} × {sq} = {prod}.").format(a=a, sq=v * v, prod=a * v * v),
                  sympy.Mul(a, v * v, evaluate=False), a * v * v)]
    if c:
        steps.append(step(_("Subtract {c}: {prod} - {c} = {ans}.").format(c=c, prod=a * v * v, ans=ans),
                          expr.subs(x, v), ans))
    wrong = [misconception(N_("squared the coefficient too"), sympy.Integer((a * v) ** 2 - c),
                           _("You multiplied by the coefficient before squaring. Exponents come first: square x, "
                             "then multiply.")),
             misconception(N_("multiplied by the exponent instead of squaring"), sympy.Integer(a * v * 2 - c),
                           _("Squaring means multiplying the number by itself, not by 2."))]
    if level == 3:
        wrong.append(misconception(N_("squared a negative number to a negative"), sympy.Integer(-a * v * v - c),
                                   _("A negative number times itself is positive, so its square is positive.")))
    return Draft(
        _("Evaluate {expr} when x = {v}.").format(expr=text, v=v), f"{sympy.latex(expr)}, x = {v}", ans, str(ans),
        steps, _("Put the value in for x and follow the order of operations."),
        method=_("Replace x by its value in brackets, work out the power first, then multiply, then subtract."),
        answer_format=_("a number"), misconceptions=wrong,
    )


def equivalent(rng: random.Random, level: int) -> Draft:
    a, b = rng.randint(2, 9), rng.randint(1, 9)
    if level == 1:
        given = a * (x + b)
        text = f"{a}(x + {b})"
        ans = sympy.expand(given)
        steps = [step(_("Multiply {a} by each term inside the brackets: {a} × x and {a} × {b}.").format(a=a, b=b),
                      sympy.Mul(a, b, evaluate=False), a * b)]
        wrong = [misconception(N_("distributed to the first term only"), a * x + b,
                               _("You multiplied only the first term by the number outside. It multiplies every "
                                 "term inside the brackets.")),
                 misconception(N_("added instead of multiplying"), x + a + b,
                               _("The number outside the brackets multiplies each term; it is not added."))]
    elif level == 2:
        c, d = rng.randint(1, 9), rng.randint(1, 12)
        text = f"{a}(x + {b}) + {c}x + {d}"
        ans = sympy.expand(a * (x + b) + c * x + d)
        steps = [step(_("Distribute: {a}(x + {b}) = {expanded}.").format(a=a, b=b, expanded=linear_text(a, a * b)),
                      a * (x + b), a * x + a * b),
                 step(_("Combine the x terms and the numbers: {a}x + {c}x and {ab} + {d}.").format(
                     a=a, c=c, ab=a * b, d=d), a * x + c * x, (a + c) * x)]
        wrong = [misconception(N_("distributed to the first term only"), (a + c) * x + b + d,
                               _("You multiplied only the first term in the brackets. The number outside multiplies "
                                 "every term inside.")),
                 misconception(N_("combined unlike terms"), (a + c + a * b + d) * x,
                               _("Only like terms can be added: x terms with x terms, numbers with numbers."))]
    else:
        c, d = rng.randint(2, 6), rng.randint(1, 9)
        text = f"{a}(x - {b}) - {c}(x + {d})"
        ans = sympy.expand(a * (x - b) - c * (x + d))
        steps = [step(_("Distribute {a}: {a}(x - {b}) = {first}.").format(a=a, b=b, first=linear_text(a, -a * b)),
                      a * (x - b), a * x - a * b),
                 step(_("Distribute -{c}: -{c}(x + {d}) = {second}.").format(c=c, d=d, second=linear_text(-c, -c * d)),
                      -c * (x + d), -c * x - c * d)]
        wrong = [misconception(N_("did not distribute the minus sign"), a * x - a * b - c * x + c * d,
                               _("The minus sign in front of the second bracket multiplies both of its terms, so "
                                 "both change sign.")),
                 misconception(N_("distributed to the first term only"), a * x - b - c * x - d,
                               _("Each number outside a bracket multiplies every term inside it, not only the "
                                 "first."))]
    written = linear_text(ans.coeff(x), ans.subs(x, 0))
    steps.append(step(_("So the expression is {ans}.").format(ans=written), sympy.expand(ans), ans))
    return Draft(
        _("Write {expr} without brackets, with like terms combined.").format(expr=text), text, ans, written, steps,
        _("Use the distributive property, then collect like terms."),
        method=_("Multiply the number outside each bracket by every term inside, then add the x terms together and "
                 "the numbers together."),
        answer_format=_("an expression like 3x + 5"), misconceptions=wrong,
    )


def _ineq_text(op: str, bound) -> str:
    return f"x {SIGN[op]} {num(bound)}"


def inequalities(rng: random.Random, level: int) -> Draft:
    op = rng.choice([">", ">=", "<", "<="])
    if level == 1:
        s = rng.randint(-6, 6)
        right = op in (">", ">=")
        closed = op in (">=", "<=")
        data = {"boundary": s}
        fig = number_line(-8, 8, ray=(s, "right" if right else "left", closed),
                          alt=(_("A number line with a closed circle at {s} and a ray to the {side}.") if closed else
                               _("A number line with an open circle at {s} and a ray to the {side}.")).format(
                              s=s, side=_("right") if right else _("left")), data=data)
        ans = solution(x, op, s)
        return Draft(
            _("The number line shows all the solutions of an inequality in x; its circle is at {s}. Write the "
              "inequality.").format(s=s),
            r"x \; ? \; " + str(s), ans, _ineq_text(op, s),
            [step(_("The circle is at {s}.").format(s=s), sympy.Integer(s), s),
             step((_("A closed circle means {s} is a solution too.") if closed else
                   _("An open circle means {s} itself is not a solution.")).format(s=s), sympy.Integer(s), s)],
            _("Look at where the circle is, whether it is filled in, and which way the ray points."),
            method=_("A ray to the right means greater than, to the left less than; a filled circle adds 'or equal "
                     "to'."),
            answer_format=_(INEQUALITY_FORMAT), data=data, figure=fig,
            misconceptions=[
                misconception(N_("mixed up open and closed circles"), solution(x, STRICT[op], s),
                              _("Check the circle: a filled circle includes the number (≤ or ≥), an open circle "
                                "leaves it out (< or >).")),
                misconception(N_("read the ray the wrong way"), solution(x, FLIP[op], s),
                              _("The ray points to the numbers that are solutions: to the right they get bigger, to "
                                "the left smaller.")),
            ],
        )
    if level == 2:
        a, b = rng.randint(2, 15), rng.randint(-10, 20)
        plus = rng.random() < 0.5
        bound = b - a if plus else b + a
        text = f"x + {a} {SIGN[op]} {b}" if plus else f"x - {a} {SIGN[op]} {b}"
        steps = [step((_("Subtract {a} from both sides: {b} - {a} = {bound}.") if plus else
                       _("Add {a} to both sides: {b} + {a} = {bound}.")).format(a=a, b=b, bound=bound),
                      b - a if plus else b + a, bound)]
        wrong = [misconception(N_("undid the operation the wrong way"), solution(x, op, b + a if plus else b - a),
                               _("To undo adding, subtract (and to undo subtracting, add) on both sides.")),
                 misconception(N_("switched the inequality sign"), solution(x, FLIP[op], bound),
                               _("Adding or subtracting the same number on both sides never changes the direction "
                                 "of the inequality."))]
        nudge = _("Get x on its own, as for an equation.")
    else:
        a = rng.randint(2, 9)
        bound = sympy.Integer(rng.randint(-6, 9))
        b = a * bound
        text = f"{a}x {SIGN[op]} {b}"
        steps = [step(_("Divide both sides by {a}: {b} ÷ {a} = {bound}.").format(a=a, b=b, bound=bound),
                      R(b, a), bound)]
        wrong = [misconception(N_("subtracted instead of dividing"), solution(x, op, b - a),
                               _("The x is multiplied by the number, so divide both sides by it.")),
                 misconception(N_("mixed up strict and non-strict inequalities"), solution(x, STRICT[op], bound),
                               _("Keep the same kind of sign: < stays <, and ≤ stays ≤, when you divide by a "
                                 "positive number."))]
        nudge = _("Get x on its own by undoing the multiplication.")
    ans = solution(x, op, bound)
    return Draft(
        _("Solve {ineq}.").format(ineq=text), text.replace("≥", r"\ge").replace("≤", r"\le"), ans,
        _ineq_text(op, bound), steps, nudge,
        method=_("Do the same thing to both sides, as with an equation; dividing by a positive number keeps the sign."),
        answer_format=_(INEQUALITY_FORMAT), misconceptions=wrong,
    )


def two_step_eq(rng: random.Random, level: int) -> Draft:
    sol = rng.randint(1, 9) if level == 1 else nonzero(rng, -9, 12)
    if level == 1:
        p, q = rng.randint(2, 5), rng.randint(1, 20)
    elif level == 2:
        p, q = rng.randint(2, 9), -rng.randint(1, 20)
    else:
        p, q = -rng.randint(2, 9), rng.randint(-20, 20) or 3
    r = p * sol + q
    text = f"{linear_text(p, q)} = {r}"
    rest = r - q
    steps = [step((_("Subtract {q} from both sides: {r} - {q} = {rest}.") if q > 0 else
                   _("Add {q} to both sides: {r} + {q} = {rest}.")).format(q=abs(q), r=r, rest=rest), r - q, rest),
             step(_("Divide both sides by {p}: {rest} ÷ {d} = {sol}.").format(p=p, d=paren(p), rest=rest, sol=sol),
                  R(rest, p), sol)]
    data = {"p": p, "q": q, "r": r} if level == 1 else None
    fig = None
    if level == 1:
        fig = tape_diagram([("x", 1)] * p + [(str(q), 1)], str(r),
                           alt=_("A tape of {p} equal pieces x and one piece {q}, {r} in all.").format(p=p, q=q, r=r),
                           data=data)
    return Draft(
        _("Solve {eq}.").format(eq=text), text, sympy.Integer(sol), f"x = {sol}", steps,
        _("Undo the operations in reverse order."),
        method=_("First undo the adding or subtracting on both sides, then undo the multiplying by dividing."),
        answer_format=_("a number (or x = ...)"), data=data, figure=fig,
        misconceptions=[
            misconception(N_("divided before undoing the addition"), R(r, p) - q,
                          _("Undo the addition or subtraction first, then divide: the number was multiplied before "
                            "it was added.")),
            misconception(N_("added instead of subtracting"), R(r + q, p),
                          _("To undo adding a number, subtract it from both sides (and to undo subtracting, add).")),
        ],
    )


def two_step_ineq(rng: random.Random, level: int) -> Draft:
    op = rng.choice([">", ">=", "<", "<="])
    sol = rng.randint(-6, 9)
    p = rng.randint(2, 6) if level == 1 else -rng.randint(2, 7)
    q = rng.randint(1, 15) if level < 3 else -rng.randint(1, 15)
    r = p * sol + q
    text = f"{linear_text(p, q)} {SIGN[op]} {r}"
    final = op if p > 0 else FLIP[op]
    ans = solution(x, final, sol)
    rest = r - q
    steps = [step((_("Subtract {q} from both sides: {r} - {q} = {rest}.") if q > 0 else
                   _("Add {q} to both sides: {r} + {q} = {rest}.")).format(q=abs(q), r=r, rest=rest), r - q, rest),
             step((_("Divide both sides by {p}: {rest} ÷ {d} = {sol}.") if p > 0 else
                   _("Divide both sides by {p} and flip the inequality sign, because {p} is negative: "
                     "{rest} ÷ {d} = {sol}.")).format(p=p, d=paren(p), rest=rest, sol=sol), R(rest, p), sol)]
    wrong = [misconception(N_("added instead of subtracting"), solution(x, final, R(r + q, p)),
                           _("To undo adding a number, subtract it from both sides (and to undo subtracting, add)."))]
    if p < 0:
        wrong.insert(0, misconception(N_("did not flip the sign for a negative divisor"), solution(x, op, sol),
                                      _("Dividing both sides by a negative number reverses the order, so the "
                                        "inequality sign must flip.")))
    else:
        wrong.append(misconception(N_("flipped the sign for a positive divisor"), solution(x, FLIP[op], sol),
                                   _("Only multiplying or dividing by a negative number flips the sign; this number "
                                     "is positive.")))
    return Draft(
        _("Solve {ineq}.").format(ineq=text), text.replace("≥", r"\ge").replace("≤", r"\le"), ans,
        _ineq_text(final, sol), steps, _("Solve it like an equation, but watch the sign when you divide."),
        method=_("Undo the adding or subtracting first, then divide; if you divide by a negative number, turn the "
                 "inequality sign around."),
        answer_format=_(INEQUALITY_FORMAT), misconceptions=wrong,
    )


def _power(b: int, e: int) -> str:
    return f"{b}^{e}" if e >= 0 else f"{b}^({e})"


def exponent_laws(rng: random.Random, level: int) -> Draft:
    single = _("a single power, like 5^4")
    if level == 1:
        b = rng.randint(2, 7)
        m, n = pick(rng, lambda: (rng.randint(2, 6), rng.randint(2, 5)), lambda t: t[0] != t[1] and t[0] * t[1] != t[0] + t[1])
        ans = sympy.Integer(b) ** (m + n)
        return Draft(
            _("Write {a} · {c} as a single power of {b}.").format(a=_power(b, m), c=_power(b, n), b=b),
            f"{b}^{{{m}}} \\cdot {b}^{{{n}}}", ans, _power(b, m + n),
            [step(_("Same base, multiplying: add the exponents, {m} + {n} = {s}.").format(m=m, n=n, s=m + n),
                  sympy.Add(m, n, evaluate=False), m + n)],
            _("Count the factors of the base in both powers together."),
            method=_("When powers of the same base are multiplied, keep the base and add the exponents."),
            answer_format=single,
            misconceptions=[
                misconception(N_("multiplied the exponents"), sympy.Integer(b) ** (m * n),
                              _("Multiplying powers of the same base adds the exponents; exponents are multiplied "
                                "only for a power of a power.")),
                misconception(N_("multiplied the bases"), sympy.Integer(b * b) ** (m + n),
                              _("The base stays the same: you are counting factors of the same number, not "
                                "multiplying the bases.")),
            ],
        )
    if level == 2:
        kind = rng.choice(["quotient", "power", "bases"])
        if kind == "quotient":
            b = rng.randint(2, 9)
            m, n = pick(rng, lambda: (rng.randint(5, 12), rng.randint(2, 6)), lambda t: t[0] - t[1] >= 2 and t[0] % t[1])
            ans = sympy.Integer(b) ** (m - n)
            return Draft(
                _("Write {a} ÷ {c} as a single power of {b}.").format(a=_power(b, m), c=_power(b, n), b=b),
                f"{b}^{{{m}}} \\div {b}^{{{n}}}", ans, _power(b, m - n),
                [step(_("Same base, dividing: subtract the exponents, {m} - {n} = {d}.").format(m=m, n=n, d=m - n),
                      sympy.Add(m, -n, evaluate=False), m - n)],
                _("Dividing cancels factors of the base that appear on top and bottom."),
                method=_("When powers of the same base are divided, keep the base and subtract the exponents."),
                answer_format=single,
                misconceptions=[
                    misconception(N_("added the exponents when dividing"), sympy.Integer(b) ** (m + n),
                                  _("Dividing cancels factors, so the exponents are subtracted, not added.")),
                    misconception(N_("divided the bases"), sympy.Integer(1),
                                  _("The base stays the same when you divide powers of it; only the exponents "
                                    "change.")),
                ],
            )
        if kind == "power":
            b = rng.randint(2, 5)
            m, n = pick(rng, lambda: (rng.randint(2, 5), rng.randint(2, 4)), lambda t: t[0] * t[1] != t[0] + t[1])
            ans = sympy.Integer(b) ** (m * n)
            return Draft(
                _("Write ({a})^{n} as a single power of {b}.").format(a=_power(b, m), n=n, b=b),
                f"({b}^{{{m}}})^{{{n}}}", ans, _power(b, m * n),
                [step(_("A power of a power: multiply the exponents, {m} × {n} = {p}.").format(m=m, n=n, p=m * n),
                      sympy.Mul(m, n, evaluate=False), m * n)],
                _("The power is used as a factor again and again."),
                method=_("For a power of a power, keep the base and multiply the exponents."),
                answer_format=single,
                misconceptions=[
                    misconception(N_("added the exponents for a power of a power"), sympy.Integer(b) ** (m + n),
                                  _("Here the whole power is repeated as a factor, so the exponents multiply.")),
                    misconception(N_("multiplied the base by the exponent"), sympy.Integer(b * n) ** m,
                                  _("The outer exponent repeats the power; it does not multiply the base.")),
                ],
            )
        a, c = rng.sample([2, 3, 5], 2)
        n = rng.randint(2, 4)
        ans = sympy.Integer(a * c) ** n
        return Draft(
            _("Write {a} · {c} as a single power of {ac}.").format(a=_power(a, n), c=_power(c, n), ac=a * c),
            f"{a}^{{{n}}} \\cdot {c}^{{{n}}}", ans, _power(a * c, n),
            [step(_("The exponents are the same, so multiply the bases: {a} × {c} = {ac}.").format(a=a, c=c, ac=a * c),
                  sympy.Mul(a, c, evaluate=False), a * c)],
            _("The two powers have different bases but the same exponent."),
            method=_("Pair up one factor of each base at a time: powers with the same exponent multiply their bases, "
                     "and the exponent stays."),
            answer_format=single,
            misconceptions=[
                misconception(N_("added exponents of different bases"), sympy.Integer(a * c) ** (2 * n),
                              _("You may add exponents only when the bases are the same. Here the bases differ and "
                                "the exponent stays.")),
                misconception(N_("added the bases"), sympy.Integer(a + c) ** n,
                              _("The bases are multiplied, since each pair of factors is multiplied, not added.")),
            ],
        )
    b = rng.randint(2, 5)
    m, n = pick(rng, lambda: (rng.randint(1, 5), rng.randint(3, 8)), lambda t: 2 <= t[1] - t[0] <= 3)
    ans = R(1, b ** (n - m))
    return Draft(
        _("Write {a} · {c} as a fraction.").format(a=_power(b, m), c=_power(b, -n)),
        f"{b}^{{{m}}} \\cdot {b}^{{-{n}}}", ans, plain(ans),
        [step(_("Add the exponents: {m} + ({neg}) = {s}.").format(m=m, neg=-n, s=m - n),
              sympy.Add(m, -n, evaluate=False), m - n),
         step(_("A negative exponent means one over the power: {p} = 1/{q}.").format(p=_power(b, m - n),
                                                                                     q=_power(b, n - m)),
              sympy.Pow(b, m - n), ans)],
        _("A negative exponent is not a negative number."),
        method=_("Add the exponents, then use the rule that a power with a negative exponent is one over the power "
                 "with the positive exponent."),
        answer_format=_("a fraction"),
        misconceptions=[
            misconception(N_("read a negative exponent as a negative number"), -sympy.Integer(b) ** (n - m),
                          _("A negative exponent means 'one over', not 'negative': the value stays positive.")),
            misconception(N_("subtracted the exponents the wrong way"), sympy.Integer(b) ** (n - m),
                          _("Add the exponents with their signs; the result is negative here, which gives a "
                            "fraction.")),
        ],
    )


def _sci(c: R, e: int) -> str:
    return f"{num(c)} × 10^{e}" if e >= 0 else f"{num(c)} × 10^({e})"


def sci_notation(rng: random.Random, level: int) -> Draft:
    fmt = _("scientific notation, like 3.2 × 10^5")
    if level in (1, 2):
        digits = rng.randint(2, 3)
        coef = R(rng.randint(10 ** (digits - 1) + 1, 10 ** digits - 1), 10 ** (digits - 1))
        if coef.is_Integer or (coef * 10).is_Integer and coef * 10 % 10 == 0:
            coef = coef + R(1, 10 ** (digits - 1))
        e = rng.randint(4, 9) if level == 1 else -rng.randint(3, 7)
        value = coef * sympy.Integer(10) ** e
        written = num(value)
        steps = [step((_("Move the decimal point {k} places to the left to get {c}, a number from 1 to 10.") if e > 0
                       else _("Move the decimal point {k} places to the right to get {c}, a number from 1 to 10.")
                       ).format(k=abs(e), c=num(coef)), value / sympy.Integer(10) ** e, coef),
                  step(_("So the power of ten is {e}.").format(e=e), sympy.Integer(e), e)]
        return Draft(
            _("Write {n} in scientific notation.").format(n=written), written, value, _sci(coef, e), steps,
            _("Scientific notation is a number from 1 to 10 times a power of ten."),
            method=_("Move the decimal point until one non-zero digit is in front of it; count the places moved. "
                     "Big numbers get a positive exponent, small numbers a negative one."),
            answer_format=fmt, data={"form": "scientific"},
            misconceptions=[
                misconception(N_("exponent off by one"), coef * sympy.Integer(10) ** (e - 1 if e > 0 else e + 1),
                              _("Count again: the exponent is the number of places the decimal point moves, not the "
                                "number of digits.")),
                misconception(N_("wrong sign on the exponent"), coef * sympy.Integer(10) ** (-e),
                              _("A number bigger than 1 has a positive exponent, a number smaller than 1 a negative "
                                "one.")),
            ],
        )
    a, b = pick(rng, lambda: (rng.randint(11, 39), rng.randint(2, 4)), lambda t: t[0] * t[1] < 100 and t[0] % 10)
    a = R(a, 10)
    m, n = rng.randint(2, 8), rng.randint(2, 7)
    coef = a * b
    e = m + n
    if coef >= 10:
        coef, e = coef / 10, e + 1
    value = coef * sympy.Integer(10) ** e
    return Draft(
        _("Multiply ({a}) × ({b}). Give the answer in scientific notation.").format(a=_sci(a, m), b=_sci(b, n)),
        rf"({num(a)} \times 10^{{{m}}})({b} \times 10^{{{n}}})", value, _sci(coef, e),
        [step(_("Multiply the numbers in front: {a} × {b} = {p}.").format(a=num(a), b=b, p=num(a * b)),
              sympy.Mul(a, b, evaluate=False), a * b),
         step(_("Add the exponents of ten: {m} + {n} = {s}.").format(m=m, n=n, s=m + n), sympy.Add(m, n, evaluate=False),
              m + n)],
        _("Group the numbers in front together and the powers of ten together."),
        method=_("Multiply the numbers in front, add the exponents of ten, then adjust so the number in front is "
                 "from 1 to 10."),
        answer_format=fmt, data={"form": "scientific"},
        misconceptions=[
            misconception(N_("multiplied the exponents"), a * b * sympy.Integer(10) ** (m * n),
                          _("Powers of ten are multiplied by adding their exponents, not multiplying them.")),
            misconception(N_("added the numbers in front"), (a + b) * sympy.Integer(10) ** (m + n),
                          _("The numbers in front are multiplied, just like the powers of ten.")),
        ],
    )


def multi_side(rng: random.Random, level: int) -> Draft:
    sol = rng.randint(-9, 9)
    a, c = pick(rng, lambda: (rng.randint(2, 9), nonzero(rng, -9, 9)), lambda t: abs(t[0] - t[1]) > 1)
    if level == 3:
        b = nonzero(rng, -6, 6)
        bb = a * b
        d = a * (sol + b) - c * sol
        left = f"{a}(x + {b})" if b > 0 else f"{a}(x - {-b})"
    else:
        b = bb = nonzero(rng, -12, 12)
        d = a * sol + b - c * sol
        left = linear_text(a, b)
    text = f"{left} = {linear_text(c, d)}"
    steps = []
    if level == 3:
        steps.append(step(_("Distribute: {left} = {expanded}.").format(left=left, expanded=linear_text(a, bb)),
                          a * (x + b), a * x + bb))
    steps += [step(_("Collect the x terms on one side: {a}x - ({c}x) = {diff}x.").format(a=a, c=c, diff=a - c),
                   a * x - c * x, (a - c) * x),
              step(_("Collect the numbers on the other side: {d} - ({b}) = {rest}.").format(d=d, b=bb, rest=d - bb),
                   sympy.Integer(d - bb), (a - c) * sol),
              step(_("Divide: {rest} ÷ {diff} = {sol}.").format(rest=d - bb, diff=paren(a - c), sol=sol), R(d - bb, a - c),
                   sol)]
    wrong = [misconception(N_("moved a term without changing its sign"), R(d + bb, a - c),
                           _("When a term moves to the other side it changes sign: subtract it from both sides.")),
             ]
    if a + c != 0:
        wrong.append(misconception(N_("added the x terms instead of subtracting"), R(d - bb, a + c),
                                   _("To collect the x terms, subtract one x term from both sides, do not add it.")))
    if level == 3:
        wrong.append(misconception(N_("distributed to the first term only"), R(d - b, a - c),
                                   _("The number outside the brackets multiplies every term inside, not only x.")))
    return Draft(
        _("Solve {eq}.").format(eq=text), text, sympy.Integer(sol), f"x = {sol}", steps,
        _("Get all the x terms on one side and all the numbers on the other."),
        method=_("Subtract an x term from both sides so x appears once, move the numbers the same way, then divide."),
        answer_format=_("a number (or x = ...)"), misconceptions=wrong,
    )
