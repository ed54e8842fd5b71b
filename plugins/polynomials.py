"""Polynomials: combine like terms and expand products (grades 7-9)."""

from __future__ import annotations

import random

import sympy

from plugins._common import N_, Draft, SeededGenerator, _, nonzero, plain, skill, step, tex, x
from tutor import hookimpl

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")

SUBJECT = N_("Polynomials")


def _poly(rng: random.Random, degree: int, lim: int = 9) -> sympy.Expr:
    return sum(rng.randint(-lim, lim) * x**k for k in range(degree)) + nonzero(rng, -lim, lim) * x**degree


def simplify(rng: random.Random, level: int) -> Draft:
    deg = (1, 2, 3)[level - 1]
    p, q = _poly(rng, deg), _poly(rng, deg)
    sub = level > 1 and rng.random() < 0.5
    op = "-" if sub else "+"
    ans = sympy.expand(p - q if sub else p + q)
    shown = f"({plain(p)}) {op} ({plain(q)})"
    steps = [
        step(_("Remove the parentheses (the minus sign flips every sign in the second).") if sub else
             _("Remove the parentheses."),
             sympy.Add(p, -q if sub else q, evaluate=False), ans),
        step(_("Combine like terms (same power of x): {result}").format(result=plain(ans)), p - q if sub else p + q, ans),
    ]
    return Draft(
        _("Simplify {expression}.").format(expression=shown), rf"\left({tex(p)}\right) {op} \left({tex(q)}\right)",
        ans, plain(ans), steps, _("Terms are alike when they have the same power of x."),
        method=_("Remove the brackets (a minus sign in front flips every sign inside), then add the coefficients of "
                 "terms with the same power of x."),
        answer_format=_("a polynomial, like 3x^2 - 2x + 1"),
    )


def expand(rng: random.Random, level: int) -> Draft:
    if level == 1:
        k, p = nonzero(rng, -6, 6), _poly(rng, 1)
        factors = [sympy.Integer(k) * x if rng.random() < 0.5 else sympy.Integer(k), p]
    elif level == 2:
        factors = [x + nonzero(rng, -9, 9), x + nonzero(rng, -9, 9)]
    else:
        factors = [nonzero(rng, -4, 4) * x + nonzero(rng, -6, 6), _poly(rng, 2, 5)]
    a, b = factors
    product = sympy.Mul(a, b, evaluate=False)
    ans = sympy.expand(a * b)
    terms = sympy.Add.make_args(sympy.expand(b))
    partial = sympy.Add(*[sympy.expand(a * t) for t in terms], evaluate=False)
    steps = [
        step(_("Multiply {a} by each term of {b}: {products}").format(
            a=plain(a), b=plain(b), products=" + ".join(plain(sympy.expand(a * t)) for t in terms)), product, partial),
        step(_("Combine like terms: {result}").format(result=plain(ans)), partial, ans),
    ]
    return Draft(
        _("Expand {expression}.").format(expression=f"({plain(a)})({plain(b)})"),
        rf"\left({tex(a)}\right)\left({tex(b)}\right)", ans, plain(ans), steps,
        _("Every term in the first factor multiplies every term in the second."),
        method=_("Multiply every term of the first bracket by every term of the second, then combine like terms."),
        answer_format=_("a polynomial, like x^2 + 5x + 6"),
    )


@hookimpl
def register_skills(register):
    register(skill("poly.simplify", N_("Combine like terms"), SUBJECT, 7, 9, ("int.exponents",),
                   description=N_("Add and subtract polynomials by combining terms with the same power of x."),
                   standards=("7.EE.A.1", "HSA-APR.A.1")))
    register(skill("poly.expand", N_("Expand products of polynomials"), SUBJECT, 8, 9, ("poly.simplify",),
                   description=N_("Multiply out brackets term by term and collect like terms."),
                   standards=("HSA-APR.A.1",)))


@hookimpl
def register_generators(register):
    register(SeededGenerator("poly.simplify", simplify))
    register(SeededGenerator("poly.expand", expand))
