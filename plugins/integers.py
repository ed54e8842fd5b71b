"""Integers and exponents (grades 6-8)."""

from __future__ import annotations

import random

import sympy
from sympy import Rational as R

from plugins._common import N_, Draft, SeededGenerator, _, nonzero, plain, skill, step
from tutor import hookimpl

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")

SUBJECT = N_("Integers and exponents")


def _p(n: int) -> str:
    return f"({n})" if n < 0 else str(n)


def operations(rng: random.Random, level: int) -> Draft:
    a, b = nonzero(rng, -20, 20), nonzero(rng, -20, 20)
    if level == 1:
        ans = a + b
        return Draft(
            _("What is {a} + {b}?").format(a=a, b=_p(b)), f"{a} + {_p(b)}", sympy.Integer(ans), str(ans),
            [step(f"{a} + {_p(b)} = {ans}", sympy.Add(a, b, evaluate=False), ans)],
            _("Think of a number line: adding a negative moves left."),
            method=_("Adding a negative number is subtracting its size: compare the sizes and keep the sign of the "
                     "larger one."),
        )
    if level == 2:
        ans = a - b
        return Draft(
            _("What is {a} - {b}?").format(a=a, b=_p(b)), f"{a} - {_p(b)}", sympy.Integer(ans), str(ans),
            [
                step(_("Subtracting {b} is adding its opposite: {a} + {opposite}").format(b=_p(b), a=a, opposite=_p(-b)), sympy.Add(a, -b, evaluate=False), ans),
                step(f"{a} + {_p(-b)} = {ans}", sympy.Integer(a - b), ans),
            ],
            _("Subtracting a number is the same as adding its opposite."),
            method=_("Rewrite the subtraction as adding the opposite, then add the two integers."),
        )
    c = nonzero(rng, -9, 9)
    ans = a * c
    return Draft(
        _("What is {a} × {b}?").format(a=a, b=_p(c)), rf"{a} \times {_p(c)}", sympy.Integer(ans), str(ans),
        [
            step(f"{abs(a)} × {abs(c)} = {abs(ans)}", sympy.Mul(abs(a), abs(c), evaluate=False), abs(ans)),
            step((_("The signs match, so the product is positive: {ans}") if ans > 0 else
                  _("The signs differ, so the product is negative: {ans}")).format(ans=ans), sympy.Mul(a, c, evaluate=False), ans),
        ],
        _("Multiply the sizes, then decide the sign."),
        method=_("Multiply the sizes; the product is positive when the signs match and negative when they differ."),
    )


def exponents(rng: random.Random, level: int) -> Draft:
    if level == 1:
        b, e = rng.randint(2, 9), rng.randint(2, 3)
        ans = b**e
        return Draft(
            _("What is {b}^{e}?").format(b=b, e=e), f"{b}^{{{e}}}", sympy.Integer(ans), str(ans),
            [step(_("{b}^{e} means {product} = {ans}").format(b=b, e=e, product=" × ".join([str(b)] * e), ans=ans), sympy.Mul(*([b] * e), evaluate=False), ans)],
            _("The exponent says how many {b}s to multiply.").format(b=b),
            method=_("Write the power out as a repeated multiplication and multiply one factor at a time."),
        )
    if level == 2:
        b = rng.choice([-3, -2, 2, 3, 5])
        m, n = rng.randint(1, 4), rng.randint(1, 3)
        ans = sympy.Integer(b) ** (m + n)
        return Draft(
            _("Simplify {b}^{m} × {b}^{n} and give its value.").format(b=_p(b), m=m, n=n), rf"{_p(b)}^{{{m}}} \cdot {_p(b)}^{{{n}}}", ans, str(ans),
            [
                step(_("Same base: add the exponents, {b}^{e}").format(b=_p(b), e=m + n), sympy.Mul(sympy.Pow(b, m, evaluate=False), sympy.Pow(b, n, evaluate=False), evaluate=False), sympy.Pow(b, m + n, evaluate=False)),
                step(f"{_p(b)}^{m + n} = {ans}", sympy.Pow(b, m + n), ans),
            ],
            _("When you multiply powers of the same base, what happens to the exponents?"),
            method=_("With the same base, add the exponents; then work out the power, watching the sign of a negative "
                     "base."),
        )
    b, e = rng.randint(2, 5), rng.randint(1, 3)
    ans = R(1, b**e)
    return Draft(
        _("What is {b}^(-{e})? Give a fraction.").format(b=b, e=e), f"{b}^{{-{e}}}", ans, plain(ans),
        [
            step(_("A negative exponent means the reciprocal: 1/{b}^{e}").format(b=b, e=e), sympy.Pow(b, -e), 1 / sympy.Integer(b) ** e),
            step(_("{b}^{e} = {power}, so the value is 1/{power}").format(b=b, e=e, power=b**e), sympy.Integer(b) ** e, b**e),
        ],
        _("What does a negative exponent do?"),
        method=_("A negative exponent means one over the positive power: work out the positive power, then take its "
                 "reciprocal."),
        answer_format=_("a fraction"),
    )


@hookimpl
def register_skills(register):
    register(skill("int.operations", N_("Operations with integers"), SUBJECT, 6, 7, ("arith.order_ops",),
                   description=N_("Add, subtract and multiply positive and negative numbers."),
                   standards=("7.NS.A.1", "7.NS.A.2")))
    register(skill("int.exponents", N_("Exponents and powers"), SUBJECT, 6, 8, ("int.operations",),
                   description=N_("Powers, the product of powers with the same base, and negative exponents."),
                   standards=("8.EE.A.1", "6.EE.A.1")))


@hookimpl
def register_generators(register):
    register(SeededGenerator("int.operations", operations))
    register(SeededGenerator("int.exponents", exponents))
