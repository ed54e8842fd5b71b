"""Linear equations in one variable (grades 6-8)."""

from __future__ import annotations

import random

import sympy

from plugins._common import Draft, SeededGenerator, nonzero, plain, tex, x
from tutor import hookimpl
from tutor.plugin_api import SkillSpec, Step

__version__ = "1.0.0"

SUBJECT = "Linear equations"


def claim(text: str, lhs, rhs) -> Step:
    """A step that states an equation; it must hold at the solution."""
    return Step(text=text, latex=f"{tex(lhs)} = {tex(rhs)}", lhs=lhs, rhs=rhs)


def one_step(rng: random.Random, level: int) -> Draft:
    sol = nonzero(rng, -12, 12) if level > 1 else rng.randint(1, 12)
    a = nonzero(rng, -9, 9) if level > 1 else rng.randint(2, 9)
    b = nonzero(rng, -15, 15)
    if level == 1:
        b = 0
    lhs = a * x + b
    c = a * sol + b
    steps = []
    if b:
        steps.append(claim(f"Undo the {'+' if b > 0 else '-'} {abs(b)}: {plain(a * x)} = {c - b}", a * x, c - b))
    steps.append(claim(f"Divide both sides by {a}: x = {sol}", x, sympy.Integer(c - b) / a))
    steps.append(claim(f"Check: with x = {sol}, {plain(lhs)} is {c}", lhs, c))
    return Draft(
        f"Solve for x: {plain(lhs)} = {c}", f"{tex(lhs)} = {c}", sympy.Integer(sol), str(sol), steps,
        "What is being done to x? Undo it in reverse order.", method="Undo what is done to x in reverse order: first undo any adding or subtracting, then divide both sides by the number multiplying x.", bindings={x: sol}, answer_format="a number, like 4",
    )


def multi_step(rng: random.Random, level: int) -> Draft:
    sol = nonzero(rng, -10, 10)
    b = rng.randint(-20, 20)
    if level == 1:
        lhs = nonzero(rng, -9, 9) * x + b
    else:
        k = rng.randint(2, 4)
        inner = x + rng.randint(-6, 6)
        lhs = sympy.Mul(k, inner, evaluate=False) + b if level == 3 else k * inner + b
    ca = sympy.expand(lhs).coeff(x, 1)
    c = nonzero(rng, -9, 9)
    while c == ca:
        c = nonzero(rng, -9, 9)
    rhs = c * x + (lhs.subs(x, sol) - c * sol)
    expanded = sympy.expand(lhs)
    ca, cb = expanded.coeff(x, 1), expanded.coeff(x, 0)
    rc, rd = rhs.coeff(x, 1), rhs.coeff(x, 0)
    steps = []
    if level == 3:
        steps.append(claim(f"Distribute: {plain(expanded)} = {plain(rhs)}", expanded, rhs))
    steps += [
        claim(f"Collect x on the left: {plain((ca - rc) * x + cb)} = {rd}", (ca - rc) * x + cb, rd),
        claim(f"Move the constant: {plain((ca - rc) * x)} = {rd - cb}", (ca - rc) * x, rd - cb),
        claim(f"Divide by {ca - rc}: x = {sol}", x, sympy.Integer(rd - cb) / (ca - rc)),
    ]
    return Draft(
        f"Solve for x: {plain(lhs)} = {plain(rhs)}", f"{tex(lhs)} = {tex(rhs)}", sympy.Integer(sol), str(sol), steps,
        "Get all the x terms on one side and the numbers on the other.", method="Expand any brackets, move the x terms to one side and the numbers to the other, then divide by the number in front of x.", bindings={x: sol}, answer_format="a number",
    )


@hookimpl
def register_skills(register):
    register(SkillSpec("lin.one_step", "One- and two-step equations", SUBJECT, 6, 7, ("int.operations",)))
    register(SkillSpec("lin.multi_step", "Multi-step equations", SUBJECT, 7, 8, ("lin.one_step",)))


@hookimpl
def register_generators(register):
    register(SeededGenerator("lin.one_step", one_step))
    register(SeededGenerator("lin.multi_step", multi_step))
