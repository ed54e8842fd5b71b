"""The pictures of the shapes plugin, drawn from each problem's own numbers with ``tutor.figures.Canvas``.

Every label that shows a number shows one of the figure's ``data``; an unknown is drawn as a letter.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from tutor.figures import ACCENT, SOFT, Canvas

Point = tuple[float, float]


def _fit(points: Sequence[Point], width: float, height: float, pad: float = 40) -> list[Point]:
    """Scale and move unit points (y up) into a canvas of width × height (y down), keeping their shape."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    w, h = max(xs) - min(xs) or 1, max(ys) - min(ys) or 1
    k = min((width - 2 * pad) / w, (height - 2 * pad) / h)
    ox = (width - k * w) / 2 - k * min(xs)
    oy = (height - k * h) / 2 + k * max(ys)
    return [(ox + k * px, oy - k * py) for px, py in points]


def _outward(a: Point, b: Point, centre: Point, dist: float = 16) -> Point:
    """A spot beside the middle of side ab, on the side away from ``centre``."""
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    nx, ny = b[1] - a[1], a[0] - b[0]
    n = math.hypot(nx, ny) or 1
    nx, ny = nx / n, ny / n
    if (mx + nx - centre[0]) ** 2 + (my + ny - centre[1]) ** 2 < (mx - centre[0]) ** 2 + (my - centre[1]) ** 2:
        nx, ny = -nx, -ny
    return mx + nx * dist, my + ny * dist + 5


def polygon(points: Sequence[Point], side_labels: Mapping[int, str], *, alt: str, data: Mapping[str, Any],
            kind: str = "shape", height_line: tuple[Point, Point, str] | None = None, shade: bool = True,
            width: float = 320, height: float = 240):
    """A polygon from unit points; side i (from point i to i+1) labelled ``side_labels[i]``; an optional dashed
    height from one unit point to another with its label."""
    all_points = list(points) + ([height_line[0], height_line[1]] if height_line else [])
    placed = _fit(all_points, width, height)
    pts = placed[: len(points)]
    cx, cy = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
    c = Canvas(width, height)
    c.polygon(pts, fill=SOFT if shade else "none", stroke=ACCENT)
    for i, label in side_labels.items():
        a, b = pts[i], pts[(i + 1) % len(pts)]
        lx, ly = _outward(a, b, (cx, cy))
        c.text(lx, ly, label, size=13)
    if height_line:
        (x1, y1), (x2, y2) = placed[len(points)], placed[len(points) + 1]
        c.line(x1, y1, x2, y2, dash="5 4", width=1.5)
        c.rect(x2 - 8 if x2 >= x1 else x2, y2 - 8, 8, 8, width=1)
        c.text(x1 + 6, (y1 + y2) / 2 + 4, height_line[2], size=13, anchor="start")
    return c.figure(kind, alt, data)


def regular(n: int) -> list[Point]:
    """A regular n-gon standing on a side."""
    start = -math.pi / 2 - math.pi / n
    return [(math.cos(start + 2 * math.pi * i / n), math.sin(start + 2 * math.pi * i / n)) for i in range(n)]


OUTLINES: dict[str, list[Point]] = {
    "triangle": [(0, 0), (4, 0), (1.5, 3)],
    "equilateral": regular(3),
    "isosceles": [(0, 0), (3, 0), (1.5, 3.6)],
    "square": [(0, 0), (3, 0), (3, 3), (0, 3)],
    "rectangle": [(0, 0), (5, 0), (5, 2.6), (0, 2.6)],
    "rhombus": [(0, 0), (2, 1.4), (4, 0), (2, -1.4)],
    "parallelogram": [(0, 0), (4, 0), (5.2, 2.4), (1.2, 2.4)],
    "trapezoid": [(0, 0), (5, 0), (3.8, 2.4), (1.2, 2.4)],
    "kite": [(0, 0), (1.6, 1.2), (0, 3.6), (-1.6, 1.2)],
    "pentagon": regular(5),
    "hexagon": regular(6),
}


def outline(name: str, sides: int = 0) -> list[Point]:
    return OUTLINES.get(name) or regular(sides or 4)


def gallery(names: Sequence[str], *, alt: str, data: Mapping[str, Any], kind: str = "shape"):
    """A row (or two) of outlines, each in its own cell: a page of shapes to sort."""
    per_row = min(len(names), 4)
    rows = math.ceil(len(names) / per_row)
    cell = 110
    c = Canvas(cell * per_row, cell * rows)
    for i, name in enumerate(names):
        r, col = divmod(i, per_row)
        pts = _fit(outline(name), cell, cell, pad=18)
        c.polygon([(px + col * cell, py + r * cell) for px, py in pts], fill=SOFT, stroke=ACCENT)
    return c.figure(kind, alt, data)


def shares(parts: int, shaded: int, round_: bool, *, alt: str, data: Mapping[str, Any]):
    """A circle cut into equal sectors, or a rectangle into equal strips, with ``shaded`` of them coloured."""
    c = Canvas(260, 200)
    if round_:
        cx, cy, r = 130, 100, 80
        for i in range(parts):
            a0, a1 = 2 * math.pi * i / parts - math.pi / 2, 2 * math.pi * (i + 1) / parts - math.pi / 2
            p0 = (cx + r * math.cos(a0), cy + r * math.sin(a0))
            p1 = (cx + r * math.cos(a1), cy + r * math.sin(a1))
            large = 1 if a1 - a0 > math.pi else 0
            d = (f"M {cx} {cy} L {p0[0]:.2f} {p0[1]:.2f} A {r} {r} 0 {large} 1 {p1[0]:.2f} {p1[1]:.2f} Z")
            c.path(d, fill=ACCENT if i < shaded else "white", stroke="#1f2937")
    else:
        x0, y0, w, h = 20, 40, 220, 120
        for i in range(parts):
            c.rect(x0 + i * w / parts, y0, w / parts, h, fill=ACCENT if i < shaded else "white")
    return c.figure("shape", alt, data)


def solid(kind_name: str, labels: Mapping[str, str], *, alt: str, data: Mapping[str, Any]):
    """A sketch of a prism, cube, pyramid, cylinder, cone or sphere; hidden edges dashed; ``labels`` keyed by
    "r", "d", "h", "l", "w" are written beside the matching dimension."""
    c = Canvas(300, 240)
    dash = "5 4"
    if kind_name in ("cube", "prism"):
        x0, y0, w, h, dx, dy = 60, 90, 130 if kind_name == "prism" else 100, 100, 50, -40
        c.rect(x0, y0, w, h)
        c.polygon([(x0, y0), (x0 + dx, y0 + dy), (x0 + w + dx, y0 + dy), (x0 + w, y0)])
        c.polygon([(x0 + w, y0), (x0 + w + dx, y0 + dy), (x0 + w + dx, y0 + h + dy), (x0 + w, y0 + h)])
        c.line(x0, y0 + h, x0 + dx, y0 + h + dy, dash=dash, width=1)
        c.line(x0 + dx, y0 + h + dy, x0 + w + dx, y0 + h + dy, dash=dash, width=1)
        c.line(x0 + dx, y0 + dy, x0 + dx, y0 + h + dy, dash=dash, width=1)
        spots = {"l": (x0 + w / 2, y0 + h + 20), "h": (x0 - 10, y0 + h / 2), "w": (x0 + w + dx / 2 + 14, y0 + h + dy / 2 + 8)}
    elif kind_name == "triangular_prism":
        a, b, t = (60, 180), (170, 180), (115, 90)
        dx, dy = 70, -40
        c.polygon([a, b, t])
        c.polygon([b, (b[0] + dx, b[1] + dy), (t[0] + dx, t[1] + dy), t])
        c.line(t[0], t[1], t[0] + dx, t[1] + dy)
        c.line(a[0], a[1], a[0] + dx, a[1] + dy, dash=dash, width=1)
        c.line(a[0] + dx, a[1] + dy, b[0] + dx, b[1] + dy, dash=dash, width=1)
        c.line(a[0] + dx, a[1] + dy, t[0] + dx, t[1] + dy, dash=dash, width=1)
        spots = {}
    elif kind_name == "pyramid":
        base = [(70, 180), (190, 180), (240, 140), (120, 140)]
        apex = (150, 40)
        c.line(*base[0], *base[1])
        c.line(*base[1], *base[2])
        c.line(*base[2], *base[3], dash=dash, width=1)
        c.line(*base[3], *base[0], dash=dash, width=1)
        for i, p in enumerate(base):
            c.line(*p, *apex, dash=dash if i == 3 else None, width=1 if i == 3 else 2)
        spots = {}
    elif kind_name == "sphere":
        c.circle(150, 120, 85, fill=SOFT, stroke=ACCENT)
        c.path("M 65 120 A 85 24 0 0 0 235 120", stroke=ACCENT, width=1.5)
        c.path("M 65 120 A 85 24 0 0 1 235 120", stroke=ACCENT, width=1, fill="none")
        c.line(150, 120, 235, 120, width=1.5)
        c.circle(150, 120, 3, fill="#1f2937")
        spots = {"r": (192, 112), "d": (150, 112)}
    else:  # cylinder or cone
        cx, top, bottom, rx, ry = 150, 50, 190, 80, 20
        c.path(f"M {cx - rx} {bottom} A {rx} {ry} 0 0 0 {cx + rx} {bottom}", stroke=ACCENT)
        c.path(f"M {cx - rx} {bottom} A {rx} {ry} 0 0 1 {cx + rx} {bottom}", stroke=ACCENT, width=1)
        if kind_name == "cylinder":
            c.path(f"M {cx - rx} {top} A {rx} {ry} 0 1 0 {cx + rx} {top} A {rx} {ry} 0 1 0 {cx - rx} {top}", stroke=ACCENT)
            c.line(cx - rx, top, cx - rx, bottom, stroke=ACCENT)
            c.line(cx + rx, top, cx + rx, bottom, stroke=ACCENT)
            c.line(cx + rx + 18, top, cx + rx + 18, bottom, width=1, dash=dash)
        else:
            c.line(cx - rx, bottom, cx, top, stroke=ACCENT)
            c.line(cx + rx, bottom, cx, top, stroke=ACCENT)
            c.line(cx, top, cx, bottom, width=1, dash=dash)
        c.line(cx, bottom, cx + rx, bottom, width=1.5)
        c.circle(cx, bottom, 3, fill="#1f2937")
        spots = {"r": (cx + rx / 2, bottom + 20), "d": (cx, bottom + 34),
                 "h": (cx + rx + 24 if kind_name == "cylinder" else cx + 8, (top + bottom) / 2)}
    for key, text in labels.items():
        sx, sy = spots.get(key, (150, 20))
        c.text(sx, sy, text, size=13, anchor="start" if key == "h" and kind_name != "cube" else "middle")
    return c.figure("solid", alt, data)


def net(l: int, w: int, h: int, labels: Mapping[str, str], *, alt: str, data: Mapping[str, Any]):
    """The cross-shaped net of an l × w × h box: the base, a side face either side, front, back and top."""
    cols = [h, l, h, l]
    rows = [h, w, h]
    total_w, total_h = sum(cols), sum(rows)
    k = min(380 / total_w, 260 / total_h)
    c = Canvas(total_w * k + 40, total_h * k + 40)
    ox, oy = 20, 20

    def cell(ci: int, ri: int, fill: str) -> tuple[float, float, float, float]:
        x0 = ox + sum(cols[:ci]) * k
        y0 = oy + sum(rows[:ri]) * k
        c.rect(x0, y0, cols[ci] * k, rows[ri] * k, fill=fill, stroke=ACCENT)
        return x0, y0, cols[ci] * k, rows[ri] * k

    base = cell(1, 1, SOFT)
    cell(1, 0, "white")
    cell(1, 2, "white")
    side = cell(0, 1, "white")
    cell(2, 1, "white")
    cell(3, 1, SOFT)
    bx, by, bw, bh = base
    c.text(bx + bw / 2, by + bh - 8, labels["l"], size=12)
    c.text(bx + 8, by + bh / 2 + 4, labels["w"], size=12, anchor="start")
    sx, sy, sw, sh = side
    c.text(sx + sw / 2, sy - 6 if sy > 30 else sy + 16, labels["h"], size=12)
    return c.figure("net", alt, data)


def angles_row(values: Sequence[int], *, alt: str, data: Mapping[str, Any], labels: Sequence[str]):
    """A row of separate angles, each drawn to size with its measure written in it."""
    cell = 120
    c = Canvas(cell * len(values), 130)
    for i, (v, label) in enumerate(zip(values, labels)):
        vx, vy = i * cell + 60, 95
        c.line(vx, vy, vx + 52, vy)
        t = math.radians(v)
        c.line(vx, vy, vx + 52 * math.cos(t), vy - 52 * math.sin(t))
        if v == 90:
            c.rect(vx, vy - 12, 12, 12, width=1)
        else:
            c.path(_arc(vx, vy, 22, 0, v), width=1.5, stroke=ACCENT)
        c.text(vx, vy + 22, label, size=13)
    return c.figure("angle", alt, data)


def _arc(cx: float, cy: float, r: float, a0: float, a1: float) -> str:
    """An arc (degrees counter-clockwise, y up) as a path."""
    p0 = (cx + r * math.cos(math.radians(a0)), cy - r * math.sin(math.radians(a0)))
    p1 = (cx + r * math.cos(math.radians(a1)), cy - r * math.sin(math.radians(a1)))
    large = 1 if (a1 - a0) % 360 > 180 else 0
    return f"M {p0[0]:.2f} {p0[1]:.2f} A {r} {r} 0 {large} 0 {p1[0]:.2f} {p1[1]:.2f}"


def rays(directions: Sequence[float], marks: Sequence[tuple[float, float, str]], *, alt: str,
         data: Mapping[str, Any], right_angle: float | None = None, lines: bool = False):
    """Rays (or whole lines when ``lines``) from one vertex at the given directions (degrees), with each
    angle between directions a0 and a1 marked by an arc and its label (a measure or a letter)."""
    c = Canvas(320, 220)
    vx, vy, r = 160, 130 if not lines else 110, 110
    for d in directions:
        t = math.radians(d)
        x1, y1 = vx + r * math.cos(t), vy - r * math.sin(t)
        if lines:
            c.line(vx - r * math.cos(t), vy + r * math.sin(t), x1, y1)
        else:
            c.line(vx, vy, x1, y1)
    if right_angle is not None:
        t1, t2 = math.radians(right_angle), math.radians(right_angle + 90)
        p = [(vx + 14 * math.cos(t1), vy - 14 * math.sin(t1)),
             (vx + 14 * math.cos(t1) + 14 * math.cos(t2), vy - 14 * math.sin(t1) - 14 * math.sin(t2)),
             (vx + 14 * math.cos(t2), vy - 14 * math.sin(t2))]
        c.polyline(p, width=1)
    for i, (a0, a1, label) in enumerate(marks):
        radius = 28 + 10 * (i % 2)
        c.path(_arc(vx, vy, radius, a0, a1), width=1.5, stroke=ACCENT)
        mid = math.radians((a0 + a1) / 2)
        c.text(vx + (radius + 24) * math.cos(mid), vy - (radius + 24) * math.sin(mid) + 5, label, size=13,
               color=ACCENT, bold=True)
    return c.figure("angle", alt, data)


def triangle(points: Sequence[Point], angle_labels: Sequence[str], *, alt: str, data: Mapping[str, Any],
             exterior: str = ""):
    """A triangle with a label inside each corner; ``exterior`` labels the angle outside the third corner
    (the base is extended past it)."""
    pts = _fit(list(points) + ([(points[1][0] + 1.6, points[1][1])] if exterior else []), 320, 220, pad=30)
    tri, ext = pts[:3], pts[3:]
    c = Canvas(320, 220)
    c.polygon(tri, fill=SOFT, stroke=ACCENT)
    cx, cy = sum(p[0] for p in tri) / 3, sum(p[1] for p in tri) / 3
    for (px, py), label in zip(tri, angle_labels):
        c.text(px + (cx - px) * 0.3, py + (cy - py) * 0.3 + 5, label, size=13, bold=True)
    if exterior:
        bx, by = tri[1]
        c.line(bx, by, ext[0][0], ext[0][1], dash="5 4")
        c.text(bx + 30, by - 10, exterior, size=13, color=ACCENT, bold=True)
    return c.figure("angle", alt, data)


def right_triangle(a_label: str, b_label: str, c_label: str, a: float, b: float, *, alt: str,
                   data: Mapping[str, Any]):
    """A right triangle drawn to its legs a (upright) and b (across), each side labelled."""
    pts = _fit([(0, 0), (b, 0), (0, a)], 300, 230, pad=36)
    c = Canvas(300, 230)
    c.polygon(pts, fill=SOFT, stroke=ACCENT)
    (x0, y0), (x1, y1), (x2, y2) = pts
    c.rect(x0, y0 - 12, 12, 12, width=1)
    c.text(x0 - 8, (y0 + y2) / 2 + 4, a_label, size=13, anchor="end")
    c.text((x0 + x1) / 2, y0 + 22, b_label, size=13)
    c.text((x1 + x2) / 2 + 10, (y1 + y2) / 2 - 6, c_label, size=13, anchor="start")
    return c.figure("right_triangle", alt, data)


def circle(label: str, diameter: bool, *, alt: str, data: Mapping[str, Any]):
    """A circle with its radius (or a diameter) drawn and labelled."""
    c = Canvas(240, 220)
    cx, cy, r = 120, 110, 85
    c.circle(cx, cy, r, fill=SOFT, stroke=ACCENT)
    c.circle(cx, cy, 3, fill="#1f2937")
    if diameter:
        c.line(cx - r, cy, cx + r, cy)
        c.text(cx, cy - 8, label, size=13)
    else:
        c.line(cx, cy, cx + r, cy)
        c.text(cx + r / 2, cy - 8, label, size=13)
    return c.figure("circle", alt, data)

