"""What the expressions plugin's generators share: inequality answers, small helpers, and its figures (an x–y
table, a ratio table, a tape diagram) drawn with :class:`tutor.figures.Canvas`."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from decimal import Decimal, localcontext
from typing import Any

import sympy

from tutor.figures import ACCENT, SOFT, Canvas, value_text
from tutor.plugin_api import Figure, content_language

# --------------------------------------------------------------------------- inequality answers

SOLUTION = {">": sympy.StrictGreaterThan, ">=": sympy.GreaterThan, "<": sympy.StrictLessThan, "<=": sympy.LessThan}
"""An inequality answer in x: the tutor compares inequalities by the numbers they describe (``claim_holds``)."""
FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">="}
STRICT = {">": ">=", ">=": ">", "<": "<=", "<=": "<"}
"""The same direction with the other kind of circle (open <-> closed)."""
SIGN = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}


def solution(var: Any, op: str, bound: Any) -> Any:
    """``var op bound`` as a ground truth (``op`` one of > >= < <=)."""
    return SOLUTION[op](var, sympy.nsimplify(bound))


# --------------------------------------------------------------------------- helpers

def pick(rng: random.Random, make: Callable[[], Any], ok: Callable[[Any], bool], tries: int = 200) -> Any:
    """Draw with ``make`` until ``ok`` holds (the last draw if it never does)."""
    value = make()
    for _i in range(tries):
        if ok(value):
            return value
        value = make()
    return value


def num(v: Any) -> str:
    """A number as written in a sentence: 3, -2, 3/4, 2.5 (terminating decimals stay decimals)."""
    v = sympy.nsimplify(v)
    if v.is_Integer:
        return str(int(v))
    q = int(v.q)
    while q % 2 == 0:
        q //= 2
    while q % 5 == 0:
        q //= 5
    if q == 1:
        with localcontext() as ctx:
            ctx.prec = 60
            s = format(Decimal(int(v.p)) / Decimal(int(v.q)), "f")
        return s.rstrip("0").rstrip(".") if "." in s else s
    return f"{v.p}/{v.q}"


def sentences(*parts: str) -> str:
    """Sentences joined as the content language writes them: with a space in English, without one in Chinese."""
    return ("" if content_language() == "zh" else " ").join(parts)


def paren(v: Any) -> str:
    """A number as an operand after an operator: -5 is written (-5)."""
    text = num(v)
    return f"({text})" if text.startswith("-") else text


def money(v: Any) -> str:
    """An amount of money: 12, 12.5 -> 12.50."""
    v = sympy.nsimplify(v)
    return str(int(v)) if v.is_Integer else f"{float(v):.2f}"


def linear_text(m: Any, b: Any, var: str = "x") -> str:
    """m·x + b written as a student reads it: 2x - 3, -x + 5, x/2 + 1 -> (1/2)x + 1."""
    m, b = sympy.nsimplify(m), sympy.nsimplify(b)
    if m == 0:
        return num(b)
    if m == 1:
        head = var
    elif m == -1:
        head = f"-{var}"
    elif m.is_Integer:
        head = f"{m}{var}"
    else:
        head = f"({num(m)}){var}"
    if b == 0:
        return head
    return f"{head} + {num(b)}" if b > 0 else f"{head} - {num(-b)}"


# --------------------------------------------------------------------------- figures

def xy_table(xs: Sequence[Any], ys: Sequence[Any], *, alt: str, data: dict, names: tuple[str, str] = ("x", "y"),
             kind: str = "table") -> Figure:
    """A two-row table: the inputs on top, the outputs below; ``None`` is an empty cell shown as "?"."""
    cols = len(xs)
    head, cell, h = 90, 64, 40
    c = Canvas(head + cols * cell + 20, 2 * h + 20)
    for r, (name, row) in enumerate(zip(names, (xs, ys))):
        top = 10 + r * h
        c.rect(10, top, head - 10, h, fill=SOFT if r == 0 else "#eff6ff", stroke=ACCENT, width=1.5)
        c.text(10 + (head - 10) / 2, top + 26, name, size=15, bold=True)
        for i, v in enumerate(row):
            c.rect(head + i * cell, top, cell, h, fill="white", stroke=ACCENT, width=1.5)
            c.text(head + i * cell + cell / 2, top + 26, "?" if v is None else value_text(v), size=15,
                   color=ACCENT if v is None else "#1f2937", bold=v is None)
    return c.figure(kind, alt, data)


def ratio_table(names: tuple[str, str], first: Sequence[Any], second: Sequence[Any], *, alt: str,
                data: dict) -> Figure:
    """A ratio table: one row per quantity, one column per equivalent pair ("?" for the unknown)."""
    return xy_table(first, second, alt=alt, data=data, names=names, kind="ratio_table")


def tape_diagram(parts: Sequence[tuple[str, Any]], total: str, *, alt: str, data: dict,
                 kind: str = "tape_diagram") -> Figure:
    """A bar cut into pieces, each ``(label, relative width)``, with a bracket over the whole labelled ``total``."""
    width, left, top, h = 520, 20, 46, 44
    whole = sum(float(w) for _l, w in parts) or 1
    c = Canvas(width, top + h + 20)
    c.line(left, top - 14, width - left, top - 14, stroke=ACCENT, width=1.5)
    c.line(left, top - 20, left, top - 8, stroke=ACCENT, width=1.5)
    c.line(width - left, top - 20, width - left, top - 8, stroke=ACCENT, width=1.5)
    c.text(width / 2, top - 22, total, size=15, bold=True, color=ACCENT)
    x0 = left
    span = width - 2 * left
    for label, w in parts:
        pw = span * float(w) / whole
        c.rect(x0, top, pw, h, fill=SOFT, stroke=ACCENT, width=1.5)
        if label:
            c.text(x0 + pw / 2, top + h / 2 + 5, label, size=14)
        x0 += pw
    return c.figure(kind, alt, data)

