"""Systems of two linear equations (grades 8-9), by elimination or substitution."""

from __future__ import annotations

import random

import sympy

from plugins._common import N_, Draft, SeededGenerator, _, nonzero, plain, skill, tex, x, y
from tutor import hookimpl
from tutor.plugin_api import Step

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")

SUBJECT = N_("Systems of equations")


def claim(text: str, lhs, rhs) -> Step:
    return Step(text=text, latex=f"{tex(lhs)} = {tex(rhs)}", lhs=lhs, rhs=rhs)


def two_linear(rng: random.Random, level: int) -> Draft:
    xs, ys = rng.randint(-8, 8), rng.randint(-8, 8)
    lim = (3, 5, 7)[level - 1]
    while True:
        a1, b1, a2, b2 = (nonzero(rng, -lim, lim) for _ in range(4))
        if level == 1:
            a1, b1, a2, b2 = 1, 1, 1, -1
            if rng.random() < 0.5:
                b1 = rng.randint(2, 3)
        if a1 * b2 - a2 * b1 != 0:
            break
    e1, e2 = a1 * x + b1 * y, a2 * x + b2 * y
    c1, c2 = a1 * xs + b1 * ys, a2 * xs + b2 * ys
    # Eliminate x: multiply eq1 by a2 and eq2 by a1 and subtract.
    ey = (a2 * b1 - a1 * b2) * y
    ec = a2 * c1 - a1 * c2
    steps = [
        claim(_("Multiply the first equation by {a2} and the second by {a1}, then subtract to remove x: {equation}").format(
            a2=a2, a1=a1, equation=f"{plain(ey)} = {ec}"), ey, ec),
        claim(_("So y = {y}").format(y=ys), y, sympy.Integer(ec) / (a2 * b1 - a1 * b2)),
        claim(_("Put y = {y} into the first equation: {equation}").format(y=ys, equation=f"{plain(a1 * x)} + {b1 * ys} = {c1}"),
              a1 * x + b1 * ys, c1),
        claim(_("So x = {x}").format(x=xs), x, sympy.Integer(c1 - b1 * ys) / a1),
        claim(_("Check in the second equation: {equation}").format(equation=f"{a2}·{xs} + {b2}·{ys} = {c2}"), e2, c2),
    ]
    answer = (sympy.Integer(xs), sympy.Integer(ys))
    return Draft(
        _("Solve the system: {first} and {second}. Give (x, y).").format(first=f"{plain(e1)} = {c1}",
                                                                          second=f"{plain(e2)} = {c2}"),
        rf"\begin{{cases}} {tex(e1)} = {c1} \\ {tex(e2)} = {c2} \end{{cases}}",
        answer, f"({xs}, {ys})", steps,
        _("Can you add or subtract the equations so that one variable disappears?"),
        method=_("Eliminate x: multiply the equations so the x terms match, subtract to get an equation in y alone, "
                 "solve it, then put y back to find x."),
        bindings={x: xs, y: ys}, answer_format="(x, y)",
    )


@hookimpl
def register_skills(register):
    register(skill("sys.two_linear", N_("Systems of two linear equations"), SUBJECT, 8, 9, ("lin.multi_step",),
                   description=N_("Solve two linear equations in x and y by elimination."),
                   standards=("8.EE.C.8b",)))


@hookimpl
def register_generators(register):
    register(SeededGenerator("sys.two_linear", two_linear))
