"""Quadratic equations: by factoring and by the quadratic formula (grades 9-10)."""

from __future__ import annotations

import math
import random

import sympy

from plugins._common import N_, Draft, SeededGenerator, _, nonzero, plain, skill, step, tex, x
from tutor import hookimpl

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")

SUBJECT = N_("Quadratics")


def _roots_text(roots) -> str:
    return ", ".join(plain(r) for r in sorted(roots, key=lambda r: float(r)))


def _over(num: str, den: int) -> str:
    return num if den == 1 else f"({num})/{den}"


def _radical_roots(a: int, b: int, disc: int) -> tuple[str, str, str]:
    """The roots (-b ± √disc)/(2a) written as a student would: reduced, ``-2 ± sqrt(11)`` style.

    Returns (the ± form, the + root, the - root), e.g. ("(-3 ± sqrt(17))/4", ...).
    """
    k, rad = sympy.sqrt(disc).as_coeff_Mul()
    k = int(k)
    # Make the denominator positive: (-b ± k√m)/(2a) is the same pair as (b ∓ k√m)/(-2a).
    p, den = (-b, 2 * a) if a > 0 else (b, -2 * a)
    g = math.gcd(math.gcd(p, k), den)
    p, k, den = p // g, k // g, den // g
    r = plain(rad) if k == 1 else f"{k}*{plain(rad)}"
    if p == 0:
        return _over(f"±{r}", den), _over(r, den), _over(f"-{r}", den)
    return _over(f"{p} ± {r}", den), _over(f"{p} + {r}", den), _over(f"{p} - {r}", den)


def factor(rng: random.Random, level: int) -> Draft:
    r1, r2 = nonzero(rng, -9, 9), nonzero(rng, -9, 9)
    a = 1 if level < 3 else rng.randint(2, 3)
    if level == 1:
        r2 = -r1 if rng.random() < 0.3 else r2
    poly = sympy.expand(a * (x - r1) * (x - r2))
    factored = sympy.Mul(a, x - r1, x - r2, evaluate=False) if a != 1 else sympy.Mul(x - r1, x - r2, evaluate=False)
    roots = frozenset({sympy.Integer(r1), sympy.Integer(r2)})
    steps = [
        step(_("Factor: {equation}").format(equation=f"{plain(poly)} = {plain(factored)}"), factored, poly),
        step(_("A product is zero only when a factor is zero: {roots}").format(
                 roots=_(" or ").join(f"x = {r}" for r in sorted(set((r1, r2))))),
             sympy.FiniteSet(*sympy.solve(poly, x)), sympy.FiniteSet(*roots)),
    ]
    return Draft(
        _("Solve by factoring: {equation}. Give every solution.").format(equation=f"{plain(poly)} = 0"),
        f"{tex(poly)} = 0", roots, _roots_text(roots), steps,
        _("Look for two numbers that multiply to the constant term and add to the x coefficient."),
        method=_("Take out any common factor, write the quadratic as a product of two brackets, then set each bracket "
                 "equal to zero."),
        answer_format=_("the solutions separated by commas, like 2, -3"),
    )


def formula(rng: random.Random, level: int) -> Draft:
    """Level 1: a = 1, whole roots; level 2: rational roots; level 3: irrational roots (radicals)."""
    while True:
        a = 1 if level == 1 else nonzero(rng, -4, 5)
        b, c = rng.randint(-9, 9), rng.randint(-9, 9)
        disc = b * b - 4 * a * c
        square = disc > 0 and sympy.sqrt(disc).is_integer
        if level < 3 and square and (level == 1 or (-b + sympy.sqrt(disc)) % (2 * a) != 0):
            break
        if level == 3 and b != 0 and disc > 0 and not square:
            break
    poly = a * x**2 + b * x + c
    roots = frozenset(sympy.Rational(-b, 2 * a) + s * sympy.sqrt(disc) / (2 * a) for s in (1, -1))
    steps = [
        step(f"a = {a}, b = {b}, c = {c}."),
        step(_("Discriminant: {working}").format(working=f"b^2 - 4ac = ({b})^2 - 4·({a})·({c}) = {disc}"), sympy.Integer(b) ** 2 - 4 * a * c, disc),
    ]
    if level < 3:
        steps.append(step(_("{formula} gives {roots}").format(formula=f"x = (-b ± √{disc}) / (2·{a})",
                                                             roots=_(" or ").join(plain(r) for r in roots)),
                          sympy.FiniteSet(*sympy.solve(poly, x)), sympy.FiniteSet(*roots)))
        answer_text, answer_format = _roots_text(roots), _("the solutions separated by commas, like 3/2, -1")
        ask = _("Give every solution (exact values, as fractions if needed).")
    else:
        both, plus, minus = _radical_roots(a, b, disc)
        root = sympy.sqrt(disc)
        if root != sympy.sqrt(disc, evaluate=False):
            steps.append(step(_("{disc} is not a perfect square; simplify: {working}").format(
                                  disc=disc, working=f"√{disc} = {plain(root)}"),
                              sympy.sqrt(sympy.Integer(disc), evaluate=False), root))
        steps.append(step(f"x = (-b ± √(b^2 - 4ac)) / (2a) = ({-b} ± {plain(root)}) / {2 * a if a > 0 else f'({2 * a})'}",
                          sympy.FiniteSet(*[(-b + s * root) / (2 * a) for s in (1, -1)]), sympy.FiniteSet(*roots)))
        steps.append(step(_("Simplify: x = {both}, that is {plus} and {minus}").format(both=both, plus=plus, minus=minus),
                          sympy.FiniteSet(*sympy.solve(poly, x)), sympy.FiniteSet(*roots)))
        answer_text = f"{plus}, {minus}"
        answer_format = _("both exact solutions separated by a comma, like -2 + sqrt(11), -2 - sqrt(11)")
        ask = _("Give both solutions exactly, using sqrt (for example -2 ± sqrt(11)).")
    return Draft(
        _("Use the quadratic formula to solve {equation}. {ask}").format(equation=f"{plain(poly)} = 0", ask=ask),
        f"{tex(poly)} = 0", roots, answer_text, steps,
        _("Identify a, b and c, then compute the discriminant b^2 - 4ac."),
        method=_("Use x = (-b ± √(b² - 4ac)) / (2a): read off a, b and c, work out the discriminant b² - 4ac first, "
                 "then take the + and the - sign."),
        answer_format=answer_format,
    )


@hookimpl
def register_skills(register):
    register(skill("quad.factor", N_("Solve quadratics by factoring"), SUBJECT, 9, 10, ("poly.expand",),
                   description=N_("Factor a quadratic and set each factor equal to zero."),
                   standards=("HSA-REI.B.4b", "HSA-SSE.A.2")))
    register(skill("quad.formula", N_("The quadratic formula"), SUBJECT, 9, 10, ("quad.factor", "frac.simplify"),
                   description=N_("Solve any quadratic with the discriminant and the quadratic formula, exactly."),
                   standards=("HSA-REI.B.4b",)))


@hookimpl
def register_generators(register):
    register(SeededGenerator("quad.factor", factor))
    register(SeededGenerator("quad.formula", formula))
