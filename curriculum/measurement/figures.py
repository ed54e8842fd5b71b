"""The measurement pictures: clock, coins, ruler, rectangle, polygon, protractor, angle, line plot, prism.

Every figure is drawn from the numbers it is given, which are the problem's own data: scale numbers
(clock face, ruler, protractor, line plot) are ticks; every label's number is a number of ``data``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from tutor.figures import ACCENT, GRID, INK, SOFT, Canvas, value_text


def clock(hour: int, minute: int, *, alt: str, data: Mapping[str, Any]) -> Any:
    """An analog clock showing ``hour``:``minute``; the hands carry the hour and the minute."""
    c = Canvas(220, 220)
    cx = cy = 110
    c.circle(cx, cy, 100, fill="white", stroke=INK, width=4)
    for k in range(60):
        a = math.radians(k * 6)
        inner = 88 if k % 5 == 0 else 93
        c.line(cx + inner * math.sin(a), cy - inner * math.cos(a), cx + 97 * math.sin(a), cy - 97 * math.cos(a),
               width=2.5 if k % 5 == 0 else 1)
    for n in range(1, 13):
        a = math.radians(n * 30)
        c.text(cx + 74 * math.sin(a), cy - 74 * math.cos(a) + 6, n, size=16, tick=True)
    hour_angle = math.radians((hour % 12) * 30 + minute * 0.5)
    minute_angle = math.radians(minute * 6)
    c.line(cx, cy, cx + 40 * math.sin(hour_angle), cy - 40 * math.cos(hour_angle), width=7, value=hour)
    c.line(cx, cy, cx + 62 * math.sin(minute_angle), cy - 62 * math.cos(minute_angle), stroke=ACCENT, width=4,
           value=minute)
    c.circle(cx, cy, 5, fill=INK, stroke=INK)
    return c.figure("clock", alt, data)


def coins(values: Sequence[int], bills: Sequence[int] = (), *, alt: str, data: Mapping[str, Any]) -> Any:
    """Dollar bills (labelled $1, $5) then coins (labelled 25¢, 10¢ ...), bigger coins drawn bigger."""
    radius = {1: 17, 5: 20, 10: 16, 25: 23, 50: 26}
    width = max(120, 70 * len(bills) + 56 * len(values) + 20)
    c = Canvas(width, 90)
    x = 12
    for b in bills:
        c.rect(x, 22, 62, 44, fill="#dcfce7", stroke="#166534", value=b)
        c.text(x + 31, 50, f"${b}", size=15, color="#166534", bold=True)
        x += 70
    for v in values:
        r = radius.get(v, 20)
        fill = "#fde68a" if v == 1 else "#e5e7eb"
        c.circle(x + 26, 45, r, fill=fill, stroke=INK, value=v)
        c.text(x + 26, 50, f"{v}¢", size=13 if r > 17 else 11, bold=True)
        x += 56
    return c.figure("coins", alt, data)


def ruler(start: Any, end: Any, length: int, *, unit: str, alt: str, data: Mapping[str, Any]) -> Any:
    """A ruler from 0 to ``length`` with an object (a pencil) lying from ``start`` to ``end``."""
    unit_px = min(44, 520 / length)
    left = 20
    width = left * 2 + unit_px * length
    c = Canvas(width, 130)
    c.rect(left - 10, 66, unit_px * length + 20, 52, fill="#fef3c7", stroke=INK)
    for k in range(length + 1):
        xk = left + k * unit_px
        c.line(xk, 66, xk, 86, width=1.5)
        c.text(xk, 104, k, size=12, tick=True)
        if k < length:
            c.line(xk + unit_px / 2, 66, xk + unit_px / 2, 76, width=1)
    c.text(width - 14, 116, unit, size=10, anchor="end", tick=True)
    x0, x1 = left + float(start) * unit_px, left + float(end) * unit_px
    c.rect(x0, 30, x1 - x0 - 14, 22, fill=SOFT, stroke=ACCENT)
    c.polygon([(x1 - 14, 30), (x1, 41), (x1 - 14, 52)], fill="#fcd34d", stroke=ACCENT)
    c.line(x0, 26, x0, 64, stroke=ACCENT, width=1, dash="3 3")
    c.line(x1, 26, x1, 64, stroke=ACCENT, width=1, dash="3 3")
    return c.figure("ruler", alt, data)


def strips(lengths: Sequence[int], names: Sequence[str], *, unit: str, alt: str, data: Mapping[str, Any]) -> Any:
    """Ribbons side by side, each labelled with its name and length, drawn to scale."""
    top = max(lengths)
    c = Canvas(440, 40 + 46 * len(lengths))
    for i, (n, name) in enumerate(zip(lengths, names)):
        y = 22 + i * 46
        c.text(8, y + 19, name, size=13, anchor="start")
        c.rect(110, y, 270 * n / top, 26, fill=SOFT if i % 2 == 0 else "#fcd34d", stroke=ACCENT, value=n)
        c.text(116 + 270 * n / top, y + 19, f"{n} {unit}", size=13, anchor="start", bold=True)
    return c.figure("strips", alt, data)


def rectangle(length: Any, width: Any, *, unit: str, alt: str, data: Mapping[str, Any], grid: bool = False,
              labels: tuple[bool, bool] = (True, True), kind: str = "rectangle") -> Any:
    """A rectangle ``length`` × ``width`` (drawn to scale), with its sides labelled (a side not labelled shows
    "?"); ``grid`` tiles it with unit squares."""
    scale = min(300 / float(length), 170 / float(width), 40)
    w, h = float(length) * scale, float(width) * scale
    c = Canvas(w + 120, h + 80)
    x0, y0 = 60, 30
    c.rect(x0, y0, w, h, fill="#eff6ff", stroke=ACCENT, width=3)
    if grid:
        for i in range(1, int(length)):
            c.line(x0 + i * scale, y0, x0 + i * scale, y0 + h, stroke=SOFT, width=1.5)
        for j in range(1, int(width)):
            c.line(x0, y0 + j * scale, x0 + w, y0 + j * scale, stroke=SOFT, width=1.5)
    c.text(x0 + w / 2, y0 + h + 24, f"{value_text(length)} {unit}".strip() if labels[0] else "?", size=14, bold=True)
    c.text(x0 + w + 8, y0 + h / 2 + 5, f"{value_text(width)} {unit}".strip() if labels[1] else "?", size=14,
           anchor="start", bold=True)
    return c.figure(kind, alt, data)


def polygon(sides: Sequence[Any], *, unit: str, alt: str, data: Mapping[str, Any], hidden: int | None = None) -> Any:
    """A polygon with as many sides as ``sides`` (a regular shape, not to scale), each side labelled with its
    length ("?" for the side ``hidden``)."""
    n = len(sides)
    c = Canvas(300, 260)
    cx, cy, r = 150, 132, 95
    turn = -90 + (180 / n if n % 2 == 0 else 0)  # a flat base: a square, not a diamond
    pts = [(cx + r * math.cos(math.radians(turn + 360 * k / n)), cy + r * math.sin(math.radians(turn + 360 * k / n)))
           for k in range(n)]
    c.polygon(pts, fill="#eff6ff", stroke=ACCENT, width=3)
    for k, s in enumerate(sides):
        (xa, ya), (xb, yb) = pts[k], pts[(k + 1) % n]
        mx, my = (xa + xb) / 2, (ya + yb) / 2
        dx, dy = mx - cx, my - cy
        norm = math.hypot(dx, dy) or 1
        text = "?" if k == hidden else f"{value_text(s)} {unit}".strip()
        c.text(mx + 22 * dx / norm, my + 22 * dy / norm + 5, text, size=13, bold=True)
    return c.figure("polygon", alt, data)


def protractor(angle: int, *, alt: str, data: Mapping[str, Any]) -> Any:
    """A protractor (inner scale from the right, outer scale from the left) with an angle from the right-hand 0."""
    c = Canvas(320, 190)
    cx, cy, r = 160, 165, 140
    c.path(f"M {cx - r} {cy} A {r} {r} 0 0 1 {cx + r} {cy} Z", fill="#f8fafc", stroke=INK, width=2)
    for d in range(0, 181, 5):
        a = math.radians(d)
        inner = r - (14 if d % 10 == 0 else 7)
        c.line(cx + inner * math.cos(a), cy - inner * math.sin(a), cx + r * math.cos(a), cy - r * math.sin(a),
               width=1.2)
        if d % 30 == 0:
            c.text(cx + (r - 26) * math.cos(a), cy - (r - 26) * math.sin(a) + 4, d, size=10, tick=True)
            c.text(cx + (r + 12) * math.cos(a), cy - (r + 12) * math.sin(a) + 4, 180 - d, size=9, tick=True,
                   color="#6b7280")
    a = math.radians(angle)
    c.line(cx, cy, cx + r, cy, stroke=ACCENT, width=3)
    c.line(cx, cy, cx + r * math.cos(a), cy - r * math.sin(a), stroke=ACCENT, width=3, value=angle)
    c.circle(cx, cy, 4, fill=INK, stroke=INK)
    return c.figure("protractor", alt, data)


def split_angle(whole: int, part: int, *, alt: str, data: Mapping[str, Any], show_whole: bool = True) -> Any:
    """An angle ``whole``° cut by a ray into ``part``° and the rest; the rest is marked "?"."""
    c = Canvas(340, 200)
    cx, cy, r = 170, 180, 150
    rays = [0, part, whole]
    for d in rays:
        a = math.radians(d)
        c.line(cx, cy, cx + r * math.cos(a), cy - r * math.sin(a), stroke=ACCENT if d == part else INK, width=3)

    def arc(d0: float, d1: float, rad: float, color: str) -> None:
        a0, a1 = math.radians(d0), math.radians(d1)
        c.path(f"M {cx + rad * math.cos(a0):.1f} {cy - rad * math.sin(a0):.1f} A {rad} {rad} 0 0 0 "
               f"{cx + rad * math.cos(a1):.1f} {cy - rad * math.sin(a1):.1f}", stroke=color, width=2)

    arc(0, part, 45, ACCENT)
    arc(part, whole, 70, "#b45309")
    mid1, mid2 = math.radians(part / 2), math.radians((part + whole) / 2)
    c.text(cx + 62 * math.cos(mid1), cy - 62 * math.sin(mid1) + 5, f"{part}°", size=13, bold=True, color=ACCENT)
    c.text(cx + 90 * math.cos(mid2), cy - 90 * math.sin(mid2) + 5, "?", size=15, bold=True, color="#b45309")
    if show_whole:
        arc(0, whole, 115, GRID)
        c.text(cx + 130 * math.cos(math.radians(whole * 0.8)), cy - 130 * math.sin(math.radians(whole * 0.8)) + 5,
               f"{whole}°", size=13, bold=True)
    return c.figure("angle", alt, data)


def line_plot(values: Sequence[Any], lo: Any, hi: Any, denominator: int, *, title: str, alt: str,
              data: Mapping[str, Any]) -> Any:
    """A line plot: a scale from ``lo`` to ``hi`` in steps of 1/``denominator`` and an X over it per value."""
    from fractions import Fraction

    lo_f, hi_f = Fraction(str(lo)), Fraction(str(hi))
    steps = int((hi_f - lo_f) * denominator)
    counts: dict[Fraction, int] = {}
    for v in values:
        f = Fraction(int(v.p), int(v.q)) if hasattr(v, "p") else Fraction(v)
        counts[f] = counts.get(f, 0) + 1
    tallest = max(counts.values())
    width, gap = 480, 440 / steps
    height = 90 + 20 * tallest
    c = Canvas(width, height)
    base = height - 46
    c.line(20, base, width - 20, base, width=2)
    for k in range(steps + 1):
        v = lo_f + Fraction(k, denominator)
        xk = 20 + k * gap
        c.line(xk, base - 6, xk, base + 6, width=1.5)
        whole, rest = divmod(v.numerator, v.denominator)
        label = str(whole) if rest == 0 else (f"{rest}/{v.denominator}" if whole == 0 else f"{whole} {rest}/{v.denominator}")
        c.text(xk, base + 22, label, size=11, tick=True)
    for v, n in counts.items():
        xk = 20 + float((v - lo_f) * denominator) * gap
        for j in range(n):
            c.text(xk, base - 12 - 20 * j, "X", size=16, bold=True, color=ACCENT)
            c.circle(xk, base - 17 - 20 * j, 1, fill="none", stroke="none", value=value_text(v))
    c.text(width / 2, height - 6, title, size=12)
    return c.figure("line_plot", alt, data)


def prism(length: int, width: int, height: int, *, alt: str, data: Mapping[str, Any],
          labels: tuple[bool, bool, bool] = (True, True, True), kind: str = "prism") -> Any:
    """A box of unit cubes (oblique drawing): the front, top and side faces ruled into unit squares, its
    edges labelled (a hidden edge shows "?")."""
    u = min(34, 230 / (length + 0.6 * width), 150 / (height + 0.6 * width))
    dx, dy = 0.6 * u, -0.5 * u
    x0, y0 = 40, 40 + width * -dy + height * u
    W, H = length * u, height * u
    front = [(x0, y0), (x0 + W, y0), (x0 + W, y0 - H), (x0, y0 - H)]
    top = [(x0, y0 - H), (x0 + W, y0 - H), (x0 + W + width * dx, y0 - H + width * dy), (x0 + width * dx, y0 - H + width * dy)]
    side = [(x0 + W, y0), (x0 + W + width * dx, y0 + width * dy), (x0 + W + width * dx, y0 - H + width * dy),
            (x0 + W, y0 - H)]
    c = Canvas(x0 + W + width * dx + 60, y0 + 36)
    c.polygon(front, fill="#dbeafe", stroke=ACCENT)
    c.polygon(top, fill="#eff6ff", stroke=ACCENT)
    c.polygon(side, fill="#bfdbfe", stroke=ACCENT)
    for i in range(1, length):
        c.line(x0 + i * u, y0, x0 + i * u, y0 - H, stroke=ACCENT, width=1)
        c.line(x0 + i * u, y0 - H, x0 + i * u + width * dx, y0 - H + width * dy, stroke=ACCENT, width=1)
    for j in range(1, height):
        c.line(x0, y0 - j * u, x0 + W, y0 - j * u, stroke=ACCENT, width=1)
        c.line(x0 + W, y0 - j * u, x0 + W + width * dx, y0 - j * u + width * dy, stroke=ACCENT, width=1)
    for k in range(1, width):
        c.line(x0 + k * dx, y0 - H + k * dy, x0 + W + k * dx, y0 - H + k * dy, stroke=ACCENT, width=1)
        c.line(x0 + W + k * dx, y0 + k * dy, x0 + W + k * dx, y0 - H + k * dy, stroke=ACCENT, width=1)
    texts = [str(n) if shown else "?" for n, shown in zip((length, width, height), labels)]
    c.text(x0 + W / 2, y0 + 22, texts[0], size=14, bold=True)
    c.text(x0 + W + width * dx / 2 + 14, y0 + width * dy / 2 + 12, texts[1], size=14, anchor="start", bold=True)
    c.text(x0 - 10, y0 - H / 2 + 5, texts[2], size=14, anchor="end", bold=True)
    return c.figure(kind, alt, data)
