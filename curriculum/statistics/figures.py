"""The statistics plugin's pictures: tally charts, picture graphs, dot plots, box plots, scatter plots, spinners,
tree diagrams and two-way tables, each drawn from the problem's own numbers (see ``tutor.figures``)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from tutor.figures import ACCENT, GRID, INK, SOFT, Canvas
from tutor.plugin_api import Figure

COLOURS = {"red": "#ef4444", "blue": "#3b82f6", "green": "#22c55e", "yellow": "#facc15", "purple": "#a855f7"}


def tally_chart(names: Sequence[str], counts: Sequence[int], *, header: tuple[str, str], alt: str,
                data: Mapping[str, Any]) -> Figure:
    """A two-column table: category, then its count in tally marks (groups of five, the fifth struck across)."""
    row_h, left_w, width = 40, 130, 420
    c = Canvas(width, row_h * (len(names) + 1) + 4)
    c.rect(2, 2, width - 4, row_h * (len(names) + 1), stroke=INK, width=1.5)
    c.text(left_w / 2, 26, header[0], size=14, bold=True)
    c.text(left_w + (width - left_w) / 2, 26, header[1], size=14, bold=True)
    c.line(left_w, 2, left_w, row_h * (len(names) + 1) + 2, width=1.5)
    for i, (name, n) in enumerate(zip(names, counts), 1):
        top = 2 + i * row_h
        c.line(2, top, width - 2, top, width=1)
        c.text(left_w / 2, top + 26, name, size=14)
        c.rect(left_w + 4, top + 4, width - left_w - 10, row_h - 8, stroke="none", width=0, value=n)
        x0 = left_w + 16
        for k in range(n):
            group, pos = divmod(k, 5)
            gx = x0 + group * 48
            if pos < 4:
                c.line(gx + pos * 8, top + 8, gx + pos * 8, top + row_h - 8, width=2.5)
            else:
                c.line(gx - 5, top + row_h - 12, gx + 30, top + 12, width=2.5)
    return c.figure("tally_chart", alt, data)


def _icon(c: Canvas, cx: float, cy: float, r: float = 11) -> None:
    pts = []
    for k in range(10):
        rad = r if k % 2 == 0 else r * 0.45
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    c.polygon(pts, fill="#facc15", stroke="#ca8a04", width=1.5)


def picture_graph(names: Sequence[str], icons: Sequence[int], *, key_label: str, alt: str,
                  data: Mapping[str, Any]) -> Figure:
    """One row of stars per category and a key (each star stands for ``key`` things)."""
    row_h, left_w = 36, 120
    width = left_w + 30 * max(max(icons), 4) + 30
    height = row_h * len(names) + 56
    c = Canvas(width, height)
    for i, (name, n) in enumerate(zip(names, icons)):
        top = 8 + i * row_h
        c.text(left_w - 10, top + 23, name, size=14, anchor="end")
        c.rect(left_w, top + 2, 30 * n + 6, row_h - 4, stroke="none", width=0, value=n)
        for k in range(n):
            _icon(c, left_w + 18 + 30 * k, top + row_h / 2)
    c.line(left_w, 4, left_w, 8 + row_h * len(names), stroke=GRID, width=1.5)
    ky = height - 22
    c.rect(8, ky - 20, width - 16, 34, stroke=GRID, width=1)
    _icon(c, 30, ky - 3)
    c.text(48, ky + 2, key_label, size=14, anchor="start")
    return c.figure("picture_graph", alt, data)


def _scale(c: Canvas, lo: int, hi: int, step: int, at, base: float) -> None:
    c.line(at(lo) - 10, base, at(hi) + 10, base, width=1.5)
    v = lo
    while v <= hi:
        c.line(at(v), base - 5, at(v), base + 5, width=1.5)
        c.text(at(v), base + 20, v, size=12, tick=True)
        v += step


def dot_plot(values: Sequence[int], lo: int, hi: int, *, alt: str, data: Mapping[str, Any],
             caption: str = "") -> Figure:
    """A dot above the scale for each value (stacked); the scale numbers are ticks."""
    counts = Counter(values)
    width, margin = 480, 30
    tall = max(counts.values())
    base = 40 + 18 * tall
    c = Canvas(width, base + 30 + (20 if caption else 0))

    def at(v: float) -> float:
        return margin + (v - lo) / max(hi - lo, 1) * (width - 2 * margin)

    _scale(c, lo, hi, 1 if hi - lo <= 15 else 2, at, base)
    for v, n in sorted(counts.items()):
        for k in range(n):
            c.circle(at(v), base - 14 - 18 * k, 7, fill=ACCENT, stroke=ACCENT, width=1, value=v)
    if caption:
        c.text(width / 2, base + 42, caption, size=13)
    return c.figure("dot_plot", alt, data)


def box_plot(summary: Sequence[int], lo: int, hi: int, step: int, *, alt: str, data: Mapping[str, Any]) -> Figure:
    """A box plot drawn from the five-number summary, over a ticked scale (no value is written)."""
    mn, q1, med, q3, mx = summary
    width, margin, base = 520, 30, 120
    c = Canvas(width, base + 32)

    def at(v: float) -> float:
        return margin + (v - lo) / (hi - lo) * (width - 2 * margin)

    _scale(c, lo, hi, step, at, base)
    for v in range(lo, hi + 1, step):
        c.line(at(v), 20, at(v), base - 6, stroke=GRID, width=1, dash="3 4")
    mid = 60
    c.line(at(mn), mid, at(q1), mid, width=2)
    c.line(at(q3), mid, at(mx), mid, width=2)
    c.line(at(mn), mid - 14, at(mn), mid + 14, width=2.5, value=mn)
    c.line(at(mx), mid - 14, at(mx), mid + 14, width=2.5, value=mx)
    c.rect(at(q1), mid - 26, at(q3) - at(q1), 52, fill=SOFT, stroke=ACCENT, width=2)
    c.line(at(q1), mid - 26, at(q1), mid + 26, stroke=ACCENT, width=2.5, value=q1)
    c.line(at(q3), mid - 26, at(q3), mid + 26, stroke=ACCENT, width=2.5, value=q3)
    c.line(at(med), mid - 26, at(med), mid + 26, stroke=INK, width=3.5, value=med)
    return c.figure("box_plot", alt, data)


def scatter_plot(points: Sequence[tuple[int, int]], xmax: int, ymax: int, *, line: tuple[Any, Any] | None,
                 axes: tuple[str, str], alt: str, data: Mapping[str, Any]) -> Figure:
    """Points on a first-quadrant grid with ticked axes, and a line of best fit y = m·x + b when given."""
    width, height, left, bottom, top, right = 420, 350, 50, 46, 30, 16
    xstep = 1 if xmax <= 12 else 2
    ystep = next(s for s in (1, 2, 5, 10, 20, 25, 50) if ymax / s <= 10)

    def px(v: float) -> float:
        return left + v / xmax * (width - left - right)

    def py(v: float) -> float:
        return height - bottom - v / ymax * (height - top - bottom)

    c = Canvas(width, height)
    for v in range(0, xmax + 1, xstep):
        c.line(px(v), py(0), px(v), py(ymax), stroke=GRID, width=1)
        c.text(px(v), py(0) + 16, v, size=11, tick=True)
    for v in range(0, ymax + 1, ystep):
        c.line(px(0), py(v), px(xmax), py(v), stroke=GRID, width=1)
        c.text(px(0) - 6, py(v) + 4, v, size=11, anchor="end", tick=True)
    c.line(px(0), py(0), px(xmax), py(0), width=1.5)
    c.line(px(0), py(0), px(0), py(ymax), width=1.5)
    c.text((left + width - right) / 2, height - 8, axes[0], size=12)
    c.text(left - 40, 16, axes[1], size=12, anchor="start")
    if line is not None:
        m, b = line
        x_end = min(xmax, (ymax - float(b)) / float(m)) if float(m) > 0 else xmax
        c.line(px(0), py(float(b)), px(x_end), py(float(m) * x_end + float(b)), stroke=ACCENT, width=2, dash="6 4")
    for xv, yv in points:
        c.circle(px(xv), py(yv), 5, fill=INK, stroke=INK, width=1, value=yv)
    return c.figure("scatter_plot", alt, data)


def spinner(colours: Sequence[str], names: Sequence[str], *, alt: str, data: Mapping[str, Any]) -> Figure:
    """A spinner of equal sectors, each coloured and named; ``colours`` are keys of :data:`COLOURS`."""
    size, r = 260, 110
    cx = cy = size / 2
    c = Canvas(size, size)
    n = len(colours)
    for k, (colour, name) in enumerate(zip(colours, names)):
        a0, a1 = -math.pi / 2 + 2 * math.pi * k / n, -math.pi / 2 + 2 * math.pi * (k + 1) / n
        x0, y0 = cx + r * math.cos(a0), cy + r * math.sin(a0)
        x1, y1 = cx + r * math.cos(a1), cy + r * math.sin(a1)
        c.path(f"M {cx:.1f} {cy:.1f} L {x0:.1f} {y0:.1f} A {r} {r} 0 0 1 {x1:.1f} {y1:.1f} Z",
               fill=COLOURS[colour], stroke="white", width=2)
        am = (a0 + a1) / 2
        c.text(cx + r * 0.66 * math.cos(am), cy + r * 0.66 * math.sin(am) + 5, name, size=13, bold=True)
    c.arrow(cx, cy, cx + 60, cy - 45, width=3, head=10)
    c.circle(cx, cy, 6, fill=INK, stroke=INK)
    return c.figure("spinner", alt, data)


def tree_diagram(first: Sequence[str], second: Sequence[str], *, alt: str, data: Mapping[str, Any]) -> Figure:
    """Every first choice branching to every second choice (one leaf per outcome)."""
    leaves = len(first) * len(second)
    leaf_h = 26
    height = leaves * leaf_h + 20
    c = Canvas(400, height)
    root = (20, height / 2)
    c.circle(*root, 4, fill=INK, stroke=INK)
    for i, a in enumerate(first):
        block = len(second) * leaf_h
        ay = 10 + i * block + block / 2
        c.line(root[0], root[1], 130, ay, width=1.5)
        c.text(140, ay + 5, a, size=13, anchor="start", bold=True)
        for j, b in enumerate(second):
            by = 10 + i * block + j * leaf_h + leaf_h / 2
            c.line(215, ay, 280, by, width=1.2, stroke=ACCENT)
            c.text(288, by + 5, b, size=12, anchor="start")
    return c.figure("tree_diagram", alt, data)


def two_way_table(rows: Sequence[str], cols: Sequence[str], cells: Sequence[Sequence[int]], *, alt: str,
                  data: Mapping[str, Any]) -> Figure:
    """A table of counts: a header row of column names, then one row per row name (no totals)."""
    cw, rh, first = 110, 38, 130
    width, height = first + cw * len(cols) + 4, rh * (len(rows) + 1) + 4
    c = Canvas(width, height)
    c.rect(2, 2, width - 4, height - 4, width=1.5)
    for j, name in enumerate(cols):
        c.text(first + cw * j + cw / 2, 26, name, size=13, bold=True)
        c.line(first + cw * j, 2, first + cw * j, height - 2, width=1)
    for i, name in enumerate(rows, 1):
        c.line(2, 2 + rh * i, width - 2, 2 + rh * i, width=1)
        c.text(first / 2, 2 + rh * i + 25, name, size=13, bold=True)
        for j, n in enumerate(cells[i - 1]):
            c.text(first + cw * j + cw / 2, 2 + rh * i + 25, n, size=14)
    return c.figure("two_way_table", alt, data)
