"""What the shapes generators share: the catalogue, shape names, and the data the geometry agent reads."""

from __future__ import annotations

from typing import Any

import sympy

from curriculum.kit import N_, catalogue

_ = catalogue(__file__, "shapes")

SUBJECT = N_("Geometry")

NAMES = {
    "triangle": N_("triangle"), "square": N_("square"), "rectangle": N_("rectangle"), "pentagon": N_("pentagon"),
    "hexagon": N_("hexagon"), "rhombus": N_("rhombus"), "parallelogram": N_("parallelogram"),
    "trapezoid": N_("trapezoid"), "kite": N_("kite"), "equilateral": N_("equilateral triangle"),
    "isosceles": N_("isosceles triangle"),
}


def name(key: str) -> str:
    return _(NAMES[key])


def listing(items: list[str]) -> str:
    """Words joined as a list in the content language ("a, b, c" / "a、b、c")."""
    return _(", ").join(items)


def cm(n: Any) -> str:
    """A length label for a figure: "8 cm" / "8厘米"."""
    return _("{n} cm").format(n=n)


def deg(n: Any) -> str:
    return _("{n}°").format(n=n)


def geo(figure_data: dict[str, Any], shows: str, rule: str) -> dict[str, Any]:
    """A problem's data: what its figure was drawn from, plus what the geometry agent says first
    (``shows``: the givens in the figure) and second (``rule``: the relationship or formula)."""
    return {**figure_data, "shows": shows, "rule": rule}


def pi_text(value: Any) -> str:
    """A multiple of pi as a student writes it: 36π."""
    k = sympy.nsimplify(value / sympy.pi)
    return f"{k}π" if k != 1 else "π"
