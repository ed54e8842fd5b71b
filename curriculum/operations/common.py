"""What the operations generators share: SymPy helpers, names and objects in the content language, figures."""

from __future__ import annotations

import random

import sympy
from sympy import Integer as I

from curriculum.kit import N_, catalogue
from tutor.figures import ACCENT, INK, SOFT, Canvas
from tutor.plugin_api import content_language

_ = catalogue(__file__, "operations")

NAMES = {"en": ("Ana", "Ben", "Maya", "Leo", "Sara", "Omar", "Lily", "Sam"),
         "zh": ("小明", "小红", "小华", "小丽", "小军", "小芳", "小亮", "小雨")}
ITEMS = (N_("apples"), N_("marbles"), N_("oranges"), N_("eggs"), N_("balloons"), N_("peaches"))
CONTAINERS = (N_("bags"), N_("boxes"), N_("plates"), N_("baskets"))


def names(rng: random.Random, k: int = 2) -> list[str]:
    """``k`` different names in the content language (the same choice in every language)."""
    picks = rng.sample(range(len(NAMES["en"])), k)
    table = NAMES.get(content_language(), NAMES["en"])
    return [table[i] for i in picks]


def item(rng: random.Random) -> str:
    return _(rng.choice(ITEMS))


def container(rng: random.Random) -> str:
    return _(rng.choice(CONTAINERS))


def add(*terms):
    return sympy.Add(*[I(t) for t in terms], evaluate=False)


def sub(a, b):
    return sympy.Add(I(a), sympy.Mul(-1, I(b), evaluate=False), evaluate=False)


def mul(*factors):
    return sympy.Mul(*[I(f) for f in factors], evaluate=False)


def div(a, b):
    return sympy.Mul(I(a), sympy.Pow(I(b), -1, evaluate=False), evaluate=False)


def ten_frames(counts: list[int], data: dict, alt: str, crossed: int = 0):
    """Ten frames (2 × 5) filled with ``counts`` counters, one colour per addend; the last ``crossed`` counters
    are crossed out (taken away)."""
    total = sum(counts)
    frames = max(1, (total + 9) // 10)
    cell = 34
    c = Canvas(20 + frames * (5 * cell + 20), 2 * cell + 30)
    colours = [ACCENT, "#f59e0b"]
    k = 0
    for f in range(frames):
        x0 = 15 + f * (5 * cell + 20)
        for i in range(10):
            c.rect(x0 + (i % 5) * cell, 15 + (i // 5) * cell, cell, cell, stroke=INK, width=1.5)
    positions = []
    for group, n in enumerate(counts):
        for _i in range(n):
            f, i = divmod(k, 10)
            x = 15 + f * (5 * cell + 20) + (i % 5) * cell + cell / 2
            y = 15 + (i // 5) * cell + cell / 2
            c.circle(x, y, cell / 2 - 5, fill=colours[group % 2], stroke=INK, width=1)
            positions.append((x, y))
            k += 1
    for x, y in positions[len(positions) - crossed:] if crossed else []:
        c.line(x - 11, y - 11, x + 11, y + 11, stroke="#dc2626", width=3)
    return c.figure("ten_frame", alt, data)


def array_figure(rows: int, cols: int, data: dict, alt: str):
    gap = 30
    c = Canvas(cols * gap + 30, rows * gap + 30)
    for r in range(rows):
        for k in range(cols):
            c.circle(30 + k * gap, 30 + r * gap, 9, fill=ACCENT, stroke=ACCENT, width=1)
    return c.figure("array", alt, data)


def groups_figure(groups: int, each: int, data: dict, alt: str):
    """``groups`` circles with ``each`` dots in every one."""
    per_row = min(groups, 5)
    size = 96
    rows = (groups + per_row - 1) // per_row
    c = Canvas(per_row * (size + 10) + 10, rows * (size + 10) + 10)
    cols = 3 if each <= 9 else 4
    for g in range(groups):
        gx, gy = 10 + (g % per_row) * (size + 10), 10 + (g // per_row) * (size + 10)
        c.circle(gx + size / 2, gy + size / 2, size / 2 - 2, fill="#eff6ff", stroke=ACCENT, width=2)
        for i in range(each):
            r, k = divmod(i, cols)
            c.circle(gx + size / 2 + (k - (cols - 1) / 2) * 20, gy + size / 2 + (r - 1) * 20 - (4 if each > 9 else 0),
                     7, fill=SOFT if g % 2 else ACCENT, stroke=INK, width=1)
    return c.figure("equal_groups", alt, data)
