"""Integers and exponents (grades 6-8)."""

from __future__ import annotations

import random

import sympy
from sympy import Rational as R

from plugins._common import Draft, SeededGenerator, nonzero, plain, step
from tutor import hookimpl
from tutor.plugin_api import SkillSpec

__version__ = "1.0.0"

SUBJECT = "Integers and exponents"


def _p(n: int) -> str:
    return f"({n})" if n < 0 else str(n)


def operations(rng: random.Random, level: int) -> Draft:
    a, b = nonzero(rng, -20, 20), nonzero(rng, -20, 20)
    if level == 1:
        ans = a + b
        return Draft(
            f"What is {a} + {_p(b)}?", f"{a} + {_p(b)}", sympy.Integer(ans), str(ans),
            [step(f"{a} + {_p(b)} = {ans}", sympy.Add(a, b, evaluate=False), ans)],
            "Think of a number line: adding a negative moves left.", method="Adding a negative number is subtracting its size: compare the sizes and keep the sign of the larger one.",
        )
    if level == 2:
        ans = a - b
        return Draft(
            f"What is {a} - {_p(b)}?", f"{a} - {_p(b)}", sympy.Integer(ans), str(ans),
            [
                step(f"Subtracting {_p(b)} is adding its opposite: {a} + {_p(-b)}", sympy.Add(a, -b, evaluate=False), ans),
                step(f"{a} + {_p(-b)} = {ans}", sympy.Integer(a - b), ans),
            ],
            "Subtracting a number is the same as adding its opposite.", method="Rewrite the subtraction as adding the opposite, then add the two integers.",
        )
    c = nonzero(rng, -9, 9)
    ans = a * c
    sign = "positive" if ans > 0 else "negative"
    return Draft(
        f"What is {a} × {_p(c)}?", rf"{a} \times {_p(c)}", sympy.Integer(ans), str(ans),
        [
            step(f"{abs(a)} × {abs(c)} = {abs(ans)}", sympy.Mul(abs(a), abs(c), evaluate=False), abs(ans)),
            step(f"The signs {'match' if ans > 0 else 'differ'}, so the product is {sign}: {ans}", sympy.Mul(a, c, evaluate=False), ans),
        ],
        "Multiply the sizes, then decide the sign.", method="Multiply the sizes; the product is positive when the signs match and negative when they differ.",
    )


def exponents(rng: random.Random, level: int) -> Draft:
    if level == 1:
        b, e = rng.randint(2, 9), rng.randint(2, 3)
        ans = b**e
        return Draft(
            f"What is {b}^{e}?", f"{b}^{{{e}}}", sympy.Integer(ans), str(ans),
            [step(f"{b}^{e} means {' × '.join([str(b)] * e)} = {ans}", sympy.Mul(*([b] * e), evaluate=False), ans)],
            f"The exponent says how many {b}s to multiply.", method="Write the power out as a repeated multiplication and multiply one factor at a time.",
        )
    if level == 2:
        b = rng.choice([-3, -2, 2, 3, 5])
        m, n = rng.randint(1, 4), rng.randint(1, 3)
        ans = sympy.Integer(b) ** (m + n)
        return Draft(
            f"Simplify {_p(b)}^{m} × {_p(b)}^{n} and give its value.", rf"{_p(b)}^{{{m}}} \cdot {_p(b)}^{{{n}}}", ans, str(ans),
            [
                step(f"Same base: add the exponents, {_p(b)}^{m + n}", sympy.Mul(sympy.Pow(b, m, evaluate=False), sympy.Pow(b, n, evaluate=False), evaluate=False), sympy.Pow(b, m + n, evaluate=False)),
                step(f"{_p(b)}^{m + n} = {ans}", sympy.Pow(b, m + n), ans),
            ],
            "When you multiply powers of the same base, what happens to the exponents?", method="With the same base, add the exponents; then work out the power, watching the sign of a negative base.",
        )
    b, e = rng.randint(2, 5), rng.randint(1, 3)
    ans = R(1, b**e)
    return Draft(
        f"What is {b}^(-{e})? Give a fraction.", f"{b}^{{-{e}}}", ans, plain(ans),
        [
            step(f"A negative exponent means the reciprocal: 1/{b}^{e}", sympy.Pow(b, -e), 1 / sympy.Integer(b) ** e),
            step(f"{b}^{e} = {b ** e}, so the value is 1/{b ** e}", sympy.Integer(b) ** e, b**e),
        ],
        "What does a negative exponent do?", method="A negative exponent means one over the positive power: work out the positive power, then take its reciprocal.", answer_format="a fraction",
    )


@hookimpl
def register_skills(register):
    register(SkillSpec("int.operations", "Operations with integers", SUBJECT, 6, 7, ("arith.order_ops",)))
    register(SkillSpec("int.exponents", "Exponents and powers", SUBJECT, 6, 8, ("int.operations",)))


@hookimpl
def register_generators(register):
    register(SeededGenerator("int.operations", operations))
    register(SeededGenerator("int.exponents", exponents))
