"""Whole-number arithmetic and the order of operations (grades 3-6)."""

from __future__ import annotations

import random

import sympy

from plugins._common import N_, Draft, SeededGenerator, _, skill, step
from tutor import hookimpl

__version__ = "1.0.0"
LANGUAGES = ("en", "zh")

SUBJECT = N_("Whole numbers")


def _split(a: int, b: int, sign: int) -> list:
    """Add or subtract ``b`` in two parts, all but its ones first, then its ones: a first step that does not finish."""
    big, ones = b - b % 10, b % 10
    if not big or not ones:
        return []
    mid = a + sign * big
    op = "+" if sign > 0 else "-"
    first = (_("Add {big} first, the ones of {b} next: {a} {op} {big} = {mid}") if sign > 0 else
             _("Subtract {big} first, the ones of {b} next: {a} {op} {big} = {mid}"))
    return [
        step(first.format(big=big, b=b, a=a, op=op, mid=mid), sympy.Add(a, sign * big, evaluate=False), mid),
        step(_("Then the ones: {mid} {op} {ones} = {result}").format(mid=mid, op=op, ones=ones, result=mid + sign * ones),
             sympy.Add(mid, sign * ones, evaluate=False), a + sign * b),
    ]


def _division_start(a: int, b: int) -> list:
    """A first step of a division that does not finish it: take out ten groups at a time."""
    tens = b - b % 10
    if not tens or tens == b:
        return []
    return [step(_("Take out {tens} groups of {a}: {a} × {tens} = {taken}, which leaves {left} to share").format(
                 tens=tens, a=a, taken=a * tens, left=a * (b - tens)),
                 sympy.Mul(a, tens, evaluate=False), a * tens)]


def add_sub(rng: random.Random, level: int) -> Draft:
    hi = (20, 200, 2000)[level - 1]
    a, b = rng.randint(hi // 10, hi), rng.randint(hi // 10, hi)
    if rng.random() < 0.5:
        ans = a + b
        return Draft(
            _("What is {a} + {b}?").format(a=a, b=b), f"{a} + {b}", sympy.Integer(ans), str(ans),
            _split(a, b, 1) or [step(_("Add the ones, then the tens (carry when a column passes 9): {a} + {b} = {ans}").format(
                a=a, b=b, ans=ans), sympy.Add(a, b, evaluate=False), ans)],
            _("Line the numbers up by place value."),
            method=_("Add column by column from the ones, carrying 1 into the next column when a column adds up to "
                     "10 or more."),
        )
    a, b = max(a, b), min(a, b)
    ans = a - b
    return Draft(
        _("What is {a} - {b}?").format(a=a, b=b), f"{a} - {b}", sympy.Integer(ans), str(ans),
        [
            *(_split(a, b, -1) or [step(_("Subtract column by column, borrowing when needed: {a} - {b} = {ans}").format(
                a=a, b=b, ans=ans), sympy.Add(a, -b, evaluate=False), ans)]),
            step(_("Check by adding back: {ans} + {b} = {a}").format(ans=ans, b=b, a=a), sympy.Add(ans, b, evaluate=False), a),
        ],
        _("Line the numbers up by place value; you may need to borrow."),
        method=_("Subtract column by column from the ones; when the top digit is smaller, borrow 10 from the next column."),
    )


def mult_div(rng: random.Random, level: int) -> Draft:
    a = rng.randint(2, (9, 12, 25)[level - 1])
    b = rng.randint(2, (9, 12, 99)[level - 1])
    if rng.random() < 0.5:
        return Draft(
            _("What is {a} × {b}?").format(a=a, b=b), rf"{a} \times {b}", sympy.Integer(a * b), str(a * b),
            [step(_("{a} groups of {b}: {a} × {b} = {product}").format(a=a, b=b, product=a * b),
                  sympy.Mul(a, b, evaluate=False), a * b)],
            _("Think of {a} groups of {b}.").format(a=a, b=b),
            method=_("Multiply: add {b} again and again, {a} times in all, or use the times table.").format(a=a, b=b),
        )
    prod = a * b
    return Draft(
        _("What is {prod} ÷ {a}?").format(prod=prod, a=a), rf"{prod} \div {a}", sympy.Integer(b), str(b),
        [
            *_division_start(a, b),
            step(_("Ask: {a} times what makes {prod}? {a} × {b} = {prod}").format(a=a, b=b, prod=prod),
                 sympy.Mul(a, b, evaluate=False), prod),
            step(_("So {prod} ÷ {a} = {b}").format(prod=prod, a=a, b=b), sympy.Mul(prod, sympy.Rational(1, a), evaluate=False), b),
        ],
        _("Division undoes multiplication."),
        method=_("Division undoes multiplication: find the number that {a} multiplies to make {prod}.").format(a=a, prod=prod),
    )


def order_ops(rng: random.Random, level: int) -> Draft:
    a, b, c = rng.randint(2, 12), rng.randint(2, 9), rng.randint(2, 9)
    if level == 1:
        text, ltx = f"{a} + {b} × {c}", rf"{a} + {b} \times {c}"
        steps = [
            step(_("Multiply first: {b} × {c} = {bc}").format(b=b, c=c, bc=b * c), sympy.Mul(b, c, evaluate=False), b * c),
            step(_("Then add: {a} + {bc} = {ans}").format(a=a, bc=b * c, ans=a + b * c),
                 sympy.Add(a, b * c, evaluate=False), a + b * c),
        ]
        ans = a + b * c
    elif level == 2:
        d = rng.randint(1, 9)
        text, ltx = f"({a} + {b}) × {c} - {d}", rf"({a} + {b}) \times {c} - {d}"
        steps = [
            step(_("Parentheses first: {a} + {b} = {ab}").format(a=a, b=b, ab=a + b), sympy.Add(a, b, evaluate=False), a + b),
            step(_("Then multiply: {ab} × {c} = {abc}").format(ab=a + b, c=c, abc=(a + b) * c),
                 sympy.Mul(a + b, c, evaluate=False), (a + b) * c),
            step(_("Then subtract: {abc} - {d} = {ans}").format(abc=(a + b) * c, d=d, ans=(a + b) * c - d),
                 sympy.Add((a + b) * c, -d, evaluate=False), (a + b) * c - d),
        ]
        ans = (a + b) * c - d
    else:
        e = rng.randint(2, 3)
        q = rng.randint(2, 6)
        num = q * c
        text, ltx = f"{a} + {b}^{e} - {num} ÷ {c}", rf"{a} + {b}^{{{e}}} - {num} \div {c}"
        steps = [
            step(_("Exponents first: {b}^{e} = {power}").format(b=b, e=e, power=b**e), sympy.Pow(b, e, evaluate=False), b**e),
            step(_("Then divide: {num} ÷ {c} = {q}").format(num=num, c=c, q=q), sympy.Mul(num, sympy.Rational(1, c), evaluate=False), q),
            step(_("Then add and subtract from left to right: {a} + {power} - {q} = {ans}").format(
                a=a, power=b**e, q=q, ans=a + b**e - q), sympy.Add(a, b**e, -q, evaluate=False), a + b**e - q),
        ]
        ans = a + b**e - q
    return Draft(
        _("Evaluate {expression}.").format(expression=text), ltx, sympy.Integer(ans), str(ans), steps,
        _("Remember the order: parentheses, exponents, multiplication and division, then addition and subtraction."),
        method=_("Work inside parentheses first, then powers, then multiplication and division from left to right, "
                 "then addition and subtraction from left to right."),
    )


@hookimpl
def register_skills(register):
    register(skill("arith.add_sub", N_("Add and subtract whole numbers"), SUBJECT, 3, 4,
                   description=N_("Add and subtract whole numbers up to the thousands, carrying and borrowing."),
                   standards=("3.NBT.A.2", "4.NBT.B.4")))
    register(skill("arith.mult_div", N_("Multiply and divide whole numbers"), SUBJECT, 3, 5, ("arith.add_sub",),
                   description=N_("Times tables and beyond; division as the inverse of multiplication."),
                   standards=("3.OA.C.7", "4.NBT.B.5", "4.NBT.B.6")))
    register(skill("arith.order_ops", N_("Order of operations"), SUBJECT, 5, 6, ("arith.mult_div",),
                   description=N_("Evaluate expressions with parentheses, powers and the four operations in the "
                                  "right order."),
                   standards=("5.OA.A.1",)))


@hookimpl
def register_generators(register):
    register(SeededGenerator("arith.add_sub", add_sub))
    register(SeededGenerator("arith.mult_div", mult_div))
    register(SeededGenerator("arith.order_ops", order_ops))
