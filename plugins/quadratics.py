"""Quadratic equations: by factoring and by the quadratic formula (grades 9-10)."""

from __future__ import annotations

import random

import sympy

from plugins._common import Draft, SeededGenerator, answer_form, nonzero, plain, step, tex, x
from tutor import hookimpl
from tutor.plugin_api import SkillSpec

__version__ = "1.0.0"

SUBJECT = "Quadratics"


def _roots_text(roots) -> str:
    return ", ".join(answer_form(r) for r in sorted(roots, key=lambda r: float(r)))


def factor(rng: random.Random, level: int) -> Draft:
    r1, r2 = nonzero(rng, -9, 9), nonzero(rng, -9, 9)
    a = 1 if level < 3 else rng.randint(2, 3)
    if level == 1:
        r2 = -r1 if rng.random() < 0.3 else r2
    poly = sympy.expand(a * (x - r1) * (x - r2))
    factored = sympy.Mul(a, x - r1, x - r2, evaluate=False) if a != 1 else sympy.Mul(x - r1, x - r2, evaluate=False)
    roots = frozenset({sympy.Integer(r1), sympy.Integer(r2)})
    steps = [
        step(f"Factor: {plain(poly)} = {plain(factored)}", factored, poly),
        step("A product is zero only when a factor is zero: x = " + " or x = ".join(str(r) for r in sorted(set((r1, r2))))
             , sympy.FiniteSet(*sympy.solve(poly, x)), sympy.FiniteSet(*roots)),
    ]
    return Draft(
        f"Solve by factoring: {plain(poly)} = 0. Give every solution.", f"{tex(poly)} = 0",
        roots, _roots_text(roots), steps,
        "Look for two numbers that multiply to the constant term and add to the x coefficient.",
        answer_format="the solutions separated by commas, like 2, -3",
    )


def formula(rng: random.Random, level: int) -> Draft:
    while True:
        a = 1 if level == 1 else nonzero(rng, -4, 5)
        b, c = rng.randint(-9, 9), rng.randint(-9, 9)
        disc = b * b - 4 * a * c
        # Rational roots only: the verifier does not yet read answers with radicals reliably.
        if disc > 0 and sympy.sqrt(disc).is_integer and (level < 3 or (-b + sympy.sqrt(disc)) % (2 * a) != 0):
            break
    poly = a * x**2 + b * x + c
    roots = frozenset(sympy.Rational(-b, 2 * a) + s * sympy.sqrt(disc) / (2 * a) for s in (1, -1))
    steps = [
        step(f"a = {a}, b = {b}, c = {c}. Discriminant b^2 - 4ac = {disc}", sympy.Integer(b) ** 2 - 4 * a * c, disc),
        step(f"x = (-b ± √{disc}) / (2·{a}) gives " + " or ".join(plain(r) for r in roots),
             sympy.FiniteSet(*sympy.solve(poly, x)), sympy.FiniteSet(*roots)),
    ]
    return Draft(
        f"Use the quadratic formula to solve {plain(poly)} = 0. Give every solution (exact values, as fractions if needed).",
        f"{tex(poly)} = 0", roots, _roots_text(roots), steps,
        "Identify a, b and c, then compute the discriminant b^2 - 4ac.",
        answer_format="the solutions separated by commas, like 3/2, -1",
    )


@hookimpl
def register_skills(register):
    register(SkillSpec("quad.factor", "Solve quadratics by factoring", SUBJECT, 9, 10, ("poly.expand",)))
    register(SkillSpec("quad.formula", "The quadratic formula", SUBJECT, 9, 10, ("quad.factor", "frac.simplify")))


@hookimpl
def register_generators(register):
    register(SeededGenerator("quad.factor", factor))
    register(SeededGenerator("quad.formula", formula))
