"""Fraction models drawn from a problem's numbers: strips, circles, an area grid and a fraction number line."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from tutor.figures import ACCENT, GRID, INK, SOFT, Canvas
from tutor.plugin_api import Figure

LIGHT = "#fde68a"


def fraction_bars(rows: Sequence[tuple[int, int, int]], *, alt: str, data: Mapping[str, Any],
                  labels: Sequence[str] = ()) -> Figure:
    """One strip per row ``(parts, shaded, more)``: cut into equal parts, ``shaded`` filled dark and the next
    ``more`` filled light. ``labels`` (one per row, optional) are written left of the strips."""
    left = 70 if labels else 10
    width, strip, gap = 440, 34, 16
    c = Canvas(width + left + 10, 10 + len(rows) * (strip + gap))
    for i, (parts, shaded, more) in enumerate(rows):
        y = 10 + i * (strip + gap)
        w = width / parts
        for k in range(parts):
            fill = ACCENT if k < shaded else LIGHT if k < shaded + more else "white"
            c.rect(left + k * w, y, w, strip, fill=fill, stroke=INK, width=1.5)
        if labels and i < len(labels) and labels[i]:
            c.text(left - 10, y + strip / 2 + 5, labels[i], size=14, anchor="end")
    return c.figure("fraction_bar", alt, data)


def fraction_circles(circles: Sequence[tuple[int, int]], *, alt: str, data: Mapping[str, Any]) -> Figure:
    """Circles ``(parts, shaded)``, each cut into equal slices from the top, ``shaded`` of them filled."""
    r, gap = 60, 20
    c = Canvas(len(circles) * (2 * r + gap) + gap, 2 * r + 2 * gap)
    for i, (parts, shaded) in enumerate(circles):
        cx, cy = gap + r + i * (2 * r + gap), gap + r
        for k in range(parts):
            a0, a1 = 2 * math.pi * k / parts - math.pi / 2, 2 * math.pi * (k + 1) / parts - math.pi / 2
            x0, y0 = cx + r * math.cos(a0), cy + r * math.sin(a0)
            x1, y1 = cx + r * math.cos(a1), cy + r * math.sin(a1)
            large = 1 if parts == 1 else 0
            if parts == 1:
                c.circle(cx, cy, r, fill=ACCENT if shaded else "white", stroke=INK, width=1.5)
                continue
            d = f"M {cx:.1f} {cy:.1f} L {x0:.1f} {y0:.1f} A {r} {r} 0 {large} 1 {x1:.1f} {y1:.1f} Z"
            c.path(d, fill=ACCENT if k < shaded else "white", stroke=INK, width=1.5)
    return c.figure("fraction_circle", alt, data)


def area_model(cols: int, shaded_cols: int, rows: int, shaded_rows: int, *, alt: str,
               data: Mapping[str, Any]) -> Figure:
    """A unit square cut into ``cols`` columns and ``rows`` rows: the first columns light, the first rows
    light, their overlap dark (the product)."""
    size, m = 260, 14
    c = Canvas(size + 2 * m, size + 2 * m)
    w, h = size / cols, size / rows
    for i in range(cols):
        for j in range(rows):
            both = i < shaded_cols and j < shaded_rows
            one = i < shaded_cols or j < shaded_rows
            c.rect(m + i * w, m + j * h, w, h, fill=ACCENT if both else SOFT if one else "white", stroke=GRID,
                   width=1)
    c.rect(m, m, size, size, stroke=INK, width=2)
    return c.figure("area_model", alt, data)


def fraction_line(hi: int, den: int, point: Any, name: str, *, alt: str, data: Mapping[str, Any]) -> Figure:
    """A number line from 0 to ``hi`` with a tick at every 1/``den``, whole numbers written (ticks), and a
    point named ``name`` at ``point``."""
    width, m, base = 560, 30, 50
    c = Canvas(width, 90)
    c.line(m - 10, base, width - m + 10, base)
    span = width - 2 * m
    for k in range(hi * den + 1):
        xk = m + span * k / (hi * den)
        whole = k % den == 0
        c.line(xk, base - (10 if whole else 6), xk, base + (10 if whole else 6), width=2 if whole else 1.5)
        if whole:
            c.text(xk, base + 28, k // den, size=13, tick=True)
    px = m + span * float(point) / hi
    c.circle(px, base, 6, fill=ACCENT, stroke=ACCENT, value=point)
    c.text(px, base - 16, name, size=14, color=ACCENT, bold=True)
    return c.figure("number_line", alt, data)


def hundred_grid(shaded: int, *, alt: str, data: Mapping[str, Any]) -> Figure:
    """A 10 × 10 grid with ``shaded`` small squares filled, column by column."""
    size, m = 220, 10
    cell = size / 10
    c = Canvas(size + 2 * m, size + 2 * m)
    for k in range(100):
        col, row = divmod(k, 10)
        c.rect(m + col * cell, m + row * cell, cell, cell, fill=ACCENT if k < shaded else "white", stroke=GRID,
               width=1)
    c.rect(m, m, size, size, stroke=INK, width=2)
    return c.figure("hundredths_grid", alt, data)
