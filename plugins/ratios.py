"""Ratios and rates (grades 6-7)."""

from __future__ import annotations

import math
import random

import sympy
from sympy import Rational as R

from plugins._common import Draft, SeededGenerator, decimal_text, step
from tutor import hookimpl
from tutor.plugin_api import SkillSpec

__version__ = "1.0.0"

SUBJECT = "Ratios and rates"
THINGS = [("red marbles", "blue marbles"), ("cups of flour", "cups of sugar"), ("boys", "girls"), ("cats", "dogs")]


def equivalent(rng: random.Random, level: int) -> Draft:
    a, b = rng.randint(1, 9), rng.randint(1, 9)
    while math.gcd(a, b) != 1 or a == b:
        a, b = rng.randint(1, 9), rng.randint(1, 9)
    k = rng.randint(2, (5, 9, 15)[level - 1])
    first, second = rng.choice(THINGS)
    if level == 1:
        return Draft(
            f"The ratio of {first} to {second} is {a}:{b}. If there are {a * k} {first}, how many {second} are there?",
            rf"{a}:{b} = {a * k}:n", sympy.Integer(b * k), str(b * k),
            [
                step(f"{a * k} ÷ {a} = {k}, so the ratio was scaled by {k}.", R(a * k, a), k),
                step(f"{b} × {k} = {b * k} {second}.", sympy.Mul(b, k, evaluate=False), b * k),
            ],
            "By what number was the first part of the ratio multiplied?", method="Find the number the first part of the ratio was multiplied by, then multiply the second part by the same number.", answer_format="a whole number",
        )
    total = (a + b) * k
    return Draft(
        f"A bag has {first} and {second} in the ratio {a}:{b}. There are {total} in all. How many {first} are there?",
        rf"{a}:{b},\ {total}\text{{ in all}}", sympy.Integer(a * k), str(a * k),
        [
            step(f"The ratio has {a} + {b} = {a + b} parts.", sympy.Add(a, b, evaluate=False), a + b),
            step(f"Each part is {total} ÷ {a + b} = {k}.", R(total, a + b), k),
            step(f"{first.capitalize()}: {a} × {k} = {a * k}.", sympy.Mul(a, k, evaluate=False), a * k),
        ],
        "How many equal parts does the ratio split the total into?", method="Add the parts of the ratio, divide the total by that to get one part, then multiply by the parts asked for.", answer_format="a whole number",
    )


def unit_rate(rng: random.Random, level: int) -> Draft:
    rate = R(rng.randint(2, 12) * (1 if level == 1 else 5), 1 if level == 1 else 10)
    units = rng.randint(2, 9)
    total = rate * units
    item, unit = rng.choice([("miles", "hours"), ("dollars", "pounds"), ("pages", "minutes"), ("liters", "minutes")])
    if level == 3:
        more = rng.randint(10, 20)
        ans = rate * more
        return Draft(
            f"{decimal_text(total)} {item} for {units} {unit}. At the same rate, how many {item} for {more} {unit}?",
            # The statement in LaTeX, not the method (total ÷ units × more would give it away).
            rf"{decimal_text(total)}\text{{ {item} for }}{units}\text{{ {unit}}} \;\to\; ?\text{{ {item} for }}{more}\text{{ {unit}}}",
            ans, decimal_text(ans),
            [
                step(f"Unit rate: {decimal_text(total)} ÷ {units} = {decimal_text(rate)} {item} per one.", total / units, rate),
                step(f"{decimal_text(rate)} × {more} = {decimal_text(ans)}", sympy.Mul(rate, more, evaluate=False), ans),
            ],
            "First find the amount for one.", method="Divide to find the amount for one unit, then multiply by the new number of units.", answer_format="a number",
        )
    return Draft(
        f"{decimal_text(total)} {item} in {units} {unit}. How many {item} per one of the {unit}?",
        rf"{decimal_text(total)}\text{{ {item} in }}{units}\text{{ {unit}}}", rate, decimal_text(rate),
        [step(f"Divide: {decimal_text(total)} ÷ {units} = {decimal_text(rate)}", total / units, rate)],
        "A unit rate is the amount for one.", method="Divide the amount by the number of units to get the amount for one.", answer_format="a number",
    )


@hookimpl
def register_skills(register):
    register(SkillSpec("ratio.equivalent", "Equivalent ratios", SUBJECT, 6, 7, ("frac.simplify",)))
    register(SkillSpec("ratio.unit_rate", "Unit rates", SUBJECT, 6, 7, ("ratio.equivalent", "frac.decimals")))


@hookimpl
def register_generators(register):
    register(SeededGenerator("ratio.equivalent", equivalent))
    register(SeededGenerator("ratio.unit_rate", unit_rate))
