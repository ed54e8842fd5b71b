"""Linear equations in one variable (grades 6-8)."""

from __future__ import annotations

import random

import sympy

from plugins._common import N_, Draft, SeededGenerator, _, nonzero, plain, skill, tex, x
from tutor import hookimpl
from tutor.plugin_api import Step

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")

SUBJECT = N_("Linear equations")


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
        steps.append(claim(_("Undo the {op} {b}: {lhs} = {rhs}").format(op="+" if b > 0 else "-", b=abs(b), lhs=plain(a * x), rhs=c - b),
                           a * x, c - b))
    steps.append(claim(_("Divide both sides by {a}: x = {sol}").format(a=a, sol=sol), x, sympy.Integer(c - b) / a))
    steps.append(claim(_("Check: with x = {sol}, {lhs} is {c}").format(sol=sol, lhs=plain(lhs), c=c), lhs, c))
    return Draft(
        _("Solve for x: {equation}").format(equation=f"{plain(lhs)} = {c}"), f"{tex(lhs)} = {c}", sympy.Integer(sol),
        str(sol), steps, _("What is being done to x? Undo it in reverse order."),
        method=_("Undo what is done to x in reverse order: first undo any adding or subtracting, then divide both "
                 "sides by the number multiplying x."),
        bindings={x: sol}, answer_format=_("a number, like 4"),
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
        steps.append(claim(_("Distribute: {equation}").format(equation=f"{plain(expanded)} = {plain(rhs)}"), expanded, rhs))
    steps += [
        claim(_("Collect x on the left: {equation}").format(equation=f"{plain((ca - rc) * x + cb)} = {rd}"), (ca - rc) * x + cb, rd),
        claim(_("Move the constant: {equation}").format(equation=f"{plain((ca - rc) * x)} = {rd - cb}"), (ca - rc) * x, rd - cb),
        claim(_("Divide by {a}: x = {sol}").format(a=ca - rc, sol=sol), x, sympy.Integer(rd - cb) / (ca - rc)),
    ]
    return Draft(
        _("Solve for x: {equation}").format(equation=f"{plain(lhs)} = {plain(rhs)}"), f"{tex(lhs)} = {tex(rhs)}",
        sympy.Integer(sol), str(sol), steps, _("Get all the x terms on one side and the numbers on the other."),
        method=_("Expand any brackets, move the x terms to one side and the numbers to the other, then divide by the "
                 "number in front of x."),
        bindings={x: sol}, answer_format=_("a number"),
    )


@hookimpl
def register_skills(register):
    register(skill("lin.one_step", N_("One- and two-step equations"), SUBJECT, 6, 7, ("int.operations",),
                   description=N_("Solve ax + b = c by undoing each operation in reverse order."),
                   standards=("7.EE.B.4a", "6.EE.B.7")))
    register(skill("lin.multi_step", N_("Multi-step equations"), SUBJECT, 7, 8, ("lin.one_step",),
                   description=N_("Solve equations with x on both sides and brackets."),
                   standards=("8.EE.C.7b",)))


@hookimpl
def register_generators(register):
    register(SeededGenerator("lin.one_step", one_step))
    register(SeededGenerator("lin.multi_step", multi_step))
