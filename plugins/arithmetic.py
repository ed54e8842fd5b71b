"""Whole-number arithmetic and the order of operations (grades 3-6)."""

from __future__ import annotations

import random

import sympy

from plugins._common import Draft, SeededGenerator, step
from tutor import hookimpl
from tutor.plugin_api import SkillSpec

__version__ = "1.0.0"

SUBJECT = "Whole numbers"


def _split(a: int, b: int, sign: int) -> list:
    """Add or subtract ``b`` in two parts, all but its ones first, then its ones: a first step that does not finish."""
    big, ones = b - b % 10, b % 10
    if not big or not ones:
        return []
    word = "Add" if sign > 0 else "Subtract"
    mid = a + sign * big
    return [
        step(f"{word} {big} first, the ones of {b} next: {a} {'+' if sign > 0 else '-'} {big} = {mid}", sympy.Add(a, sign * big, evaluate=False), mid),
        step(f"Then the ones: {mid} {'+' if sign > 0 else '-'} {ones} = {mid + sign * ones}", sympy.Add(mid, sign * ones, evaluate=False), a + sign * b),
    ]


def _division_start(a: int, b: int) -> list:
    """A first step of a division that does not finish it: take out ten groups at a time."""
    tens = b - b % 10
    if not tens or tens == b:
        return []
    return [step(f"Take out {tens} groups of {a}: {a} × {tens} = {a * tens}, which leaves {a * (b - tens)} to share",
                 sympy.Mul(a, tens, evaluate=False), a * tens)]


def add_sub(rng: random.Random, level: int) -> Draft:
    hi = (20, 200, 2000)[level - 1]
    a, b = rng.randint(hi // 10, hi), rng.randint(hi // 10, hi)
    if rng.random() < 0.5:
        ans = a + b
        return Draft(
            f"What is {a} + {b}?", f"{a} + {b}", sympy.Integer(ans), str(ans),
            _split(a, b, 1) or [step(f"Add the ones, then the tens (carry when a column passes 9): {a} + {b} = {ans}", sympy.Add(a, b, evaluate=False), ans)],
            "Line the numbers up by place value.", method="Add column by column from the ones, carrying 1 into the next column when a column adds up to 10 or more.",
        )
    a, b = max(a, b), min(a, b)
    ans = a - b
    return Draft(
        f"What is {a} - {b}?", f"{a} - {b}", sympy.Integer(ans), str(ans),
        [
            *(_split(a, b, -1) or [step(f"Subtract column by column, borrowing when needed: {a} - {b} = {ans}", sympy.Add(a, -b, evaluate=False), ans)]),
            step(f"Check by adding back: {ans} + {b} = {a}", sympy.Add(ans, b, evaluate=False), a),
        ],
        "Line the numbers up by place value; you may need to borrow.", method="Subtract column by column from the ones; when the top digit is smaller, borrow 10 from the next column.",
    )


def mult_div(rng: random.Random, level: int) -> Draft:
    a = rng.randint(2, (9, 12, 25)[level - 1])
    b = rng.randint(2, (9, 12, 99)[level - 1])
    if rng.random() < 0.5:
        return Draft(
            f"What is {a} × {b}?", rf"{a} \times {b}", sympy.Integer(a * b), str(a * b),
            [step(f"{a} groups of {b}: {a} × {b} = {a * b}", sympy.Mul(a, b, evaluate=False), a * b)],
            f"Think of {a} groups of {b}.", method=f"Multiply: add {b} again and again, {a} times in all, or use the times table.",
        )
    prod = a * b
    return Draft(
        f"What is {prod} ÷ {a}?", rf"{prod} \div {a}", sympy.Integer(b), str(b),
        [
            *_division_start(a, b),
            step(f"Ask: {a} times what makes {prod}? {a} × {b} = {prod}", sympy.Mul(a, b, evaluate=False), prod),
            step(f"So {prod} ÷ {a} = {b}", sympy.Mul(prod, sympy.Rational(1, a), evaluate=False), b),
        ],
        "Division undoes multiplication.", method=f"Division undoes multiplication: find the number that {a} multiplies to make {prod}.",
    )


def order_ops(rng: random.Random, level: int) -> Draft:
    a, b, c = rng.randint(2, 12), rng.randint(2, 9), rng.randint(2, 9)
    if level == 1:
        text, ltx = f"{a} + {b} × {c}", rf"{a} + {b} \times {c}"
        steps = [
            step(f"Multiply first: {b} × {c} = {b * c}", sympy.Mul(b, c, evaluate=False), b * c),
            step(f"Then add: {a} + {b * c} = {a + b * c}", sympy.Add(a, b * c, evaluate=False), a + b * c),
        ]
        ans = a + b * c
    elif level == 2:
        d = rng.randint(1, 9)
        text, ltx = f"({a} + {b}) × {c} - {d}", rf"({a} + {b}) \times {c} - {d}"
        steps = [
            step(f"Parentheses first: {a} + {b} = {a + b}", sympy.Add(a, b, evaluate=False), a + b),
            step(f"Then multiply: {a + b} × {c} = {(a + b) * c}", sympy.Mul(a + b, c, evaluate=False), (a + b) * c),
            step(f"Then subtract: {(a + b) * c} - {d} = {(a + b) * c - d}", sympy.Add((a + b) * c, -d, evaluate=False), (a + b) * c - d),
        ]
        ans = (a + b) * c - d
    else:
        e = rng.randint(2, 3)
        q = rng.randint(2, 6)
        num = q * c
        text, ltx = f"{a} + {b}^{e} - {num} ÷ {c}", rf"{a} + {b}^{{{e}}} - {num} \div {c}"
        steps = [
            step(f"Exponents first: {b}^{e} = {b ** e}", sympy.Pow(b, e, evaluate=False), b**e),
            step(f"Then divide: {num} ÷ {c} = {q}", sympy.Mul(num, sympy.Rational(1, c), evaluate=False), q),
            step(f"Then add and subtract from left to right: {a} + {b ** e} - {q} = {a + b ** e - q}", sympy.Add(a, b**e, -q, evaluate=False), a + b**e - q),
        ]
        ans = a + b**e - q
    return Draft(
        f"Evaluate {text}.", ltx, sympy.Integer(ans), str(ans), steps,
        "Remember the order: parentheses, exponents, multiplication and division, then addition and subtraction.", method="Work inside parentheses first, then powers, then multiplication and division from left to right, then addition and subtraction from left to right.",
    )


@hookimpl
def register_skills(register):
    register(SkillSpec("arith.add_sub", "Add and subtract whole numbers", SUBJECT, 3, 4))
    register(SkillSpec("arith.mult_div", "Multiply and divide whole numbers", SUBJECT, 3, 5, ("arith.add_sub",)))
    register(SkillSpec("arith.order_ops", "Order of operations", SUBJECT, 5, 6, ("arith.mult_div",)))


@hookimpl
def register_generators(register):
    register(SeededGenerator("arith.add_sub", add_sub))
    register(SeededGenerator("arith.mult_div", mult_div))
    register(SeededGenerator("arith.order_ops", order_ops))
