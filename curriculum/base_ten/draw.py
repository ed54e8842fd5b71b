"""Base-ten blocks: hundreds flats, tens rods and ones cubes drawn from a number."""

from __future__ import annotations

from curriculum.kit import catalogue
from tutor.figures import ACCENT, INK, SOFT, Canvas

_ = catalogue(__file__, "base_ten")

UNIT = 6
SIDE = 10 * UNIT


def parts(n: int) -> tuple[int, int, int]:
    """(hundreds, tens, ones) of a number below 1000."""
    return n // 100, n // 10 % 10, n % 10


def width_of(n: int) -> float:
    h, t, o = parts(n)
    w = h * (SIDE + 8) + t * (UNIT + 5) + ((o + 4) // 5) * (UNIT + 4)
    return max(w, UNIT)


def draw_blocks(c: Canvas, x0: float, y0: float, n: int) -> float:
    """Draw ``n`` as blocks with the top-left corner at (x0, y0); returns the x after the last block."""
    h, t, o = parts(n)
    x = x0
    for _i in range(h):
        c.rect(x, y0, SIDE, SIDE, fill=SOFT, stroke=ACCENT, width=1.5)
        for k in range(1, 10):
            c.line(x + k * UNIT, y0, x + k * UNIT, y0 + SIDE, stroke=ACCENT, width=0.5)
            c.line(x, y0 + k * UNIT, x + SIDE, y0 + k * UNIT, stroke=ACCENT, width=0.5)
        x += SIDE + 8
    for _i in range(t):
        c.rect(x, y0, UNIT, SIDE, fill="#bbf7d0", stroke="#15803d", width=1.2)
        for k in range(1, 10):
            c.line(x, y0 + k * UNIT, x + UNIT, y0 + k * UNIT, stroke="#15803d", width=0.5)
        x += UNIT + 5
    for i in range(o):
        col, row = divmod(i, 5)
        c.rect(x + col * (UNIT + 4), y0 + SIDE - (row + 1) * (UNIT + 3), UNIT, UNIT, fill="#fde68a", stroke=INK, width=1)
    if o:
        x += ((o + 4) // 5) * (UNIT + 4)
    return x


def blocks_figure(numbers: list[int], data: dict, alt: str, *, sign: str = "", labels: bool = True):
    """One group of blocks per number (joined by ``sign``), each labelled with its number when ``labels``."""
    gap = 40
    width = 20 + sum(width_of(n) for n in numbers) + gap * (len(numbers) - 1) + 20
    height = SIDE + (50 if labels else 30)
    c = Canvas(max(width, 120), height)
    x = 20
    for i, n in enumerate(numbers):
        if i:
            if sign:
                c.text(x + gap / 2 - 8, 15 + SIDE / 2 + 6, sign, size=22, bold=True)
            x += gap
        start = x
        x = draw_blocks(c, x, 15, n)
        if labels:
            c.text((start + x) / 2, SIDE + 40, n, size=15, bold=True, color=ACCENT)
    return c.figure("base_ten_blocks", alt, data)


def place_value_chart(headings: list[str], digits: list[int], data: dict, alt: str, *, point_after: int | None = None):
    """A place-value chart: one column per heading (words), the number's digits under them; a decimal point
    after column ``point_after`` (0-based) when given."""
    col = 78
    c = Canvas(col * len(headings) + 20, 110)
    for i, head in enumerate(headings):
        x = 10 + i * col
        c.rect(x, 10, col, 36, fill="#eff6ff", stroke=ACCENT, width=1.2)
        c.rect(x, 46, col, 54, stroke=ACCENT, width=1.2)
        c.text(x + col / 2, 33, head, size=12)
        if i < len(digits):
            c.text(x + col / 2, 83, digits[i], size=24, bold=True)
    if point_after is not None:
        c.circle(10 + (point_after + 1) * col, 92, 4, fill=INK, stroke=INK)
    return c.figure("place_value_chart", alt, data)
