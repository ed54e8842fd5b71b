"""Pictures for problems: a small SVG canvas and the figures several subjects share (part of the plugin API).

A plugin draws a figure from its problem's own numbers and returns a
:class:`tutor.plugin_api.Figure`. Two conventions let the tutor check that a
figure shows the problem and nothing else (:func:`figure_problems`):

* every text is a *label* (its numbers must be data of the problem) unless it
  is drawn with ``tick=True`` (an axis scale: 0, 5, 10, ...);
* a mark that stands for a number (a bar's height, a point on a number line,
  a clock hand) carries it as ``data-value``: it must be a number of the data.

The SVG is plain: no scripts, no links, no styles from outside. What reaches
a page goes through :func:`safe_svg` anyway, which keeps only drawing elements
and attributes. Text is always escaped.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from tutor.plugin_api import Figure

__all__ = ["Canvas", "bar_graph", "coordinate_plane", "figure_data", "figure_numbers", "figure_problems", "number_line",
           "numbers_in", "safe_svg"]

INK = "#1f2937"
ACCENT = "#2563eb"
SOFT = "#93c5fd"
GRID = "#d1d5db"
MAX_SVG_BYTES = 100_000
FONT = "font-family='sans-serif'"


def _num(v: float) -> str:
    """A coordinate written short: 12, 12.5, 12.25."""
    s = f"{float(v):.2f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


class Canvas:
    """An SVG drawing of ``width`` × ``height`` user units that scales to its container."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self._parts: list[str] = []

    def _add(self, tag: str, attrs: Mapping[str, Any], value: Any = None, body: str = "") -> None:
        items = {k.replace("_", "-"): v for k, v in attrs.items() if v is not None}
        if value is not None:
            items["data-value"] = value_text(value)
        text = " ".join(f"{k}={quoteattr(_num(v) if isinstance(v, (int, float)) else str(v))}" for k, v in items.items())
        self._parts.append(f"<{tag} {text}>{body}</{tag}>" if body else f"<{tag} {text}/>")

    def line(self, x1, y1, x2, y2, *, stroke=INK, width=2, value: Any = None, dash: str | None = None) -> None:
        self._add("line", {"x1": x1, "y1": y1, "x2": x2, "y2": y2, "stroke": stroke, "stroke_width": width,
                           "stroke_dasharray": dash, "stroke_linecap": "round"}, value)

    def rect(self, x, y, w, h, *, fill="none", stroke=INK, width=2, value: Any = None) -> None:
        self._add("rect", {"x": x, "y": y, "width": w, "height": h, "fill": fill, "stroke": stroke,
                           "stroke_width": width}, value)

    def circle(self, cx, cy, r, *, fill="none", stroke=INK, width=2, value: Any = None) -> None:
        self._add("circle", {"cx": cx, "cy": cy, "r": r, "fill": fill, "stroke": stroke, "stroke_width": width}, value)

    def polygon(self, points: Iterable[tuple[float, float]], *, fill="none", stroke=INK, width=2,
                value: Any = None) -> None:
        pts = " ".join(f"{_num(px)},{_num(py)}" for px, py in points)
        self._add("polygon", {"points": pts, "fill": fill, "stroke": stroke, "stroke_width": width,
                              "stroke_linejoin": "round"}, value)

    def polyline(self, points: Iterable[tuple[float, float]], *, stroke=INK, width=2, value: Any = None) -> None:
        pts = " ".join(f"{_num(px)},{_num(py)}" for px, py in points)
        self._add("polyline", {"points": pts, "fill": "none", "stroke": stroke, "stroke_width": width}, value)

    def path(self, d: str, *, fill="none", stroke=INK, width=2, value: Any = None) -> None:
        self._add("path", {"d": d, "fill": fill, "stroke": stroke, "stroke_width": width}, value)

    def arrow(self, x1, y1, x2, y2, *, stroke=INK, width=2, head=8) -> None:
        """A line with an arrow head at (x2, y2)."""
        self.line(x1, y1, x2, y2, stroke=stroke, width=width)
        angle = math.atan2(y2 - y1, x2 - x1)
        left = (x2 - head * math.cos(angle - 0.45), y2 - head * math.sin(angle - 0.45))
        right = (x2 - head * math.cos(angle + 0.45), y2 - head * math.sin(angle + 0.45))
        self.polygon([(x2, y2), left, right], fill=stroke, stroke=stroke, width=1)

    def text(self, x, y, text: Any, *, size=14, anchor="middle", tick=False, color=INK, bold=False) -> None:
        """A label (its numbers must be the problem's data), or an axis tick with ``tick=True``."""
        attrs = {"x": x, "y": y, "font_size": size, "text_anchor": anchor, "fill": color,
                 "font_weight": "bold" if bold else None, "data_role": "tick" if tick else None}
        body = escape(str(text))
        items = " ".join(f"{k.replace('_', '-')}={quoteattr(_num(v) if isinstance(v, (int, float)) else str(v))}"
                         for k, v in attrs.items() if v is not None)
        self._parts.append(f"<text {items} font-family='sans-serif'>{body}</text>")

    def svg(self, title: str) -> str:
        """The drawing as an SVG document whose ``<title>`` is ``title`` (the alt text)."""
        return (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {_num(self.width)} {_num(self.height)}' "
                f"width='100%' style='max-width:{_num(self.width)}px' role='img'>"
                f"<title>{escape(title)}</title>{''.join(self._parts)}</svg>")

    def figure(self, kind: str, alt: str, data: Mapping[str, Any]) -> Figure:
        return Figure(kind=kind, svg=self.svg(alt), alt=alt, data=dict(data))


# --------------------------------------------------------------------------- shared figures

def value_text(value: Any) -> str:
    """How a number is written in ``data-value`` and labels: 3, 2.5, 3/4."""
    if isinstance(value, Fraction) or (hasattr(value, "p") and hasattr(value, "q")):
        f = Fraction(int(value.numerator if isinstance(value, Fraction) else value.p),
                     int(value.denominator if isinstance(value, Fraction) else value.q))
        return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"
    if isinstance(value, float):
        return _num(value)
    return str(value)


def number_line(lo: float, hi: float, *, step: Any = 1, points: Sequence[Any] = (), labels: Mapping[Any, str] | None = None,
                ray: tuple[Any, str, bool] | None = None, alt: str, data: Mapping[str, Any], kind: str = "number_line",
                tick_labels: bool = True, denominator: int | None = None) -> Figure:
    """A number line from ``lo`` to ``hi`` with ticks every ``step``.

    ``points`` are marked with dots (``data-value``); ``labels`` maps a point to a text drawn above it (a
    label: its numbers must be data); ``ray=(start, "left"|"right", closed)`` draws an inequality's solution
    from ``start`` with an open or closed circle. Tick numbers are ticks (``denominator`` writes them as
    fractions n/denominator).
    """
    width, height, margin = 560, 90, 30
    lo_f, hi_f = _fraction(lo), _fraction(hi)
    step_f = _fraction(step)

    def at(v: Any) -> float:
        return margin + float((_fraction(v) - lo_f) / (hi_f - lo_f)) * (width - 2 * margin)

    c = Canvas(width, height)
    base = 55
    c.arrow(margin - 15, base, width - margin + 18, base)
    c.arrow(width - margin + 5, base, margin - 18, base)
    v = lo_f
    count = 0
    while v <= hi_f and count < 200:
        c.line(at(v), base - 7, at(v), base + 7, width=1.5)
        if tick_labels:
            scaled = v * denominator if denominator else None
            label = (f"{scaled.numerator}/{denominator}" if scaled is not None and v.denominator != 1
                     and scaled.denominator == 1 else value_text(v))
            c.text(at(v), base + 25, label, size=12, tick=True)
        v += step_f
        count += 1
    if ray is not None:
        start, direction, closed = ray
        end = margin - 10 if direction == "left" else width - margin + 10
        c.line(at(start), base, end, base, stroke=ACCENT, width=5)
        c.circle(at(start), base, 7, fill=ACCENT if closed else "white", stroke=ACCENT, width=3, value=start)
    for p in points:
        c.circle(at(p), base, 6, fill=ACCENT, stroke=ACCENT, value=p)
        if labels and p in labels:
            c.text(at(p), base - 14, labels[p], size=13, color=ACCENT, bold=True)
    return c.figure(kind, alt, data)


def coordinate_plane(lo: int, hi: int, *, points: Mapping[str, tuple[Any, Any]] | None = None,
                     polygons: Sequence[Sequence[tuple[Any, Any]]] = (), lines: Sequence[tuple[Any, Any]] = (),
                     show_coordinates: bool = False, alt: str, data: Mapping[str, Any],
                     kind: str = "coordinate_plane") -> Figure:
    """A square grid from ``lo`` to ``hi`` on both axes, with named points (``{"A": (2, -3)}``), polygons
    (vertex lists) and lines y = m·x + b given as ``(m, b)``. Axis numbers are ticks; a point's name is a
    label, and its coordinates too when ``show_coordinates``."""
    size, margin = 360, 24
    span = hi - lo
    unit = (size - 2 * margin) / span

    def px(xv: Any) -> float:
        return margin + float(_fraction(xv) - lo) * unit

    def py(yv: Any) -> float:
        return size - margin - float(_fraction(yv) - lo) * unit

    c = Canvas(size, size)
    for k in range(lo, hi + 1):
        c.line(px(k), py(lo), px(k), py(hi), stroke=GRID, width=1)
        c.line(px(lo), py(k), px(hi), py(k), stroke=GRID, width=1)
    if lo <= 0 <= hi:
        c.arrow(px(lo), py(0), px(hi) + 10, py(0), width=1.5, head=6)
        c.arrow(px(0), py(lo), px(0), py(hi) - 10, width=1.5, head=6)
        every = 1 if span <= 12 else 2 if span <= 24 else 5
        for k in range(lo, hi + 1):
            if k != 0 and k % every == 0:
                c.text(px(k), py(0) + 14, k, size=10, tick=True)
                c.text(px(0) - 8, py(k) + 4, k, size=10, anchor="end", tick=True)
        c.text(px(hi) + 4, py(0) - 8, "x", size=12, anchor="end", tick=True)
        c.text(px(0) + 8, py(hi) + 4, "y", size=12, anchor="start", tick=True)
    for poly in polygons:
        c.polygon([(px(a), py(b)) for a, b in poly], fill=SOFT, stroke=ACCENT)
    for m, b in lines:
        ends = [(xv, _fraction(m) * xv + _fraction(b)) for xv in (lo, hi)]
        c.line(px(ends[0][0]), py(ends[0][1]), px(ends[1][0]), py(ends[1][1]), stroke=ACCENT, width=2.5)
    for name, (a, b) in (points or {}).items():
        c.circle(px(a), py(b), 5, fill=ACCENT, stroke=ACCENT, value=a)
        text = f"{name}({value_text(a)}, {value_text(b)})" if show_coordinates else name
        c.text(px(a) + 7, py(b) - 7, text, size=13, anchor="start", color=ACCENT, bold=True)
    return c.figure(kind, alt, data)


def bar_graph(categories: Sequence[str], values: Sequence[Any], *, alt: str, data: Mapping[str, Any],
              title: str = "", step: int | None = None, value_labels: bool = False, kind: str = "bar_graph",
              horizontal_label: str = "") -> Figure:
    """Vertical bars with a scale (ticks) on the left; each bar carries its value; category names are
    labels (words). ``value_labels`` writes each value above its bar."""
    width, height = 480, 300
    left, right, top, bottom = 50, 20, 36 if title else 16, 50
    top_value = max(max(float(v) for v in values), 1)
    step = step or _nice_step(top_value)
    scale_top = math.ceil(top_value / step) * step
    plot_h = height - top - bottom
    c = Canvas(width, height)
    if title:
        c.text(width / 2, 22, title, size=15, bold=True)
    k = 0
    while k <= scale_top:
        yv = height - bottom - k / scale_top * plot_h
        c.line(left, yv, width - right, yv, stroke=GRID, width=1)
        c.text(left - 8, yv + 4, k, size=11, anchor="end", tick=True)
        k += step
    c.line(left, top, left, height - bottom, width=1.5)
    c.line(left, height - bottom, width - right, height - bottom, width=1.5)
    slot = (width - left - right) / max(len(categories), 1)
    for i, (name, v) in enumerate(zip(categories, values)):
        h = float(v) / scale_top * plot_h
        x0 = left + i * slot + slot * 0.2
        c.rect(x0, height - bottom - h, slot * 0.6, h, fill=SOFT, stroke=ACCENT, value=v)
        c.text(x0 + slot * 0.3, height - bottom + 18, name, size=12)
        if value_labels:
            c.text(x0 + slot * 0.3, height - bottom - h - 6, value_text(v), size=12, bold=True)
    if horizontal_label:
        c.text(width / 2, height - 8, horizontal_label, size=12)
    return c.figure(kind, alt, data)


def _nice_step(top: float) -> int:
    for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / s <= 10:
            return s
    return 10 ** max(1, int(math.log10(top)))


def _fraction(v: Any) -> Fraction:
    if isinstance(v, Fraction):
        return v
    if hasattr(v, "p") and hasattr(v, "q"):
        return Fraction(int(v.p), int(v.q))
    if isinstance(v, float):
        return Fraction(str(v))
    return Fraction(v)


# --------------------------------------------------------------------------- checking and showing

_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])-?\d+(?:\.\d+)?(?:/\d+)?")  # ASCII: "和6/10" is a number after a CJK character
_ALLOWED = {"svg", "g", "line", "rect", "circle", "ellipse", "path", "polygon", "polyline", "text", "tspan", "title",
            "desc"}
_ALLOWED_ATTRS = {"xmlns", "viewBox", "width", "height", "style", "role", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy",
                  "r", "rx", "ry", "d", "points", "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap",
                  "stroke-linejoin", "font-size", "font-family", "font-weight", "text-anchor", "dominant-baseline",
                  "transform", "opacity", "fill-opacity", "data-value", "data-role"}
_SVG_NS = "{http://www.w3.org/2000/svg}"
_STYLE_OK = re.compile(r"^max-width:\s*\d+(?:\.\d+)?px$")


def numbers_in(value: Any) -> set[Fraction]:
    """Every number in a value of a problem's data (nested lists, dicts, strings, SymPy numbers)."""
    found: set[Fraction] = set()
    if isinstance(value, bool) or value is None:
        return found
    if isinstance(value, Mapping):
        for v in value.values():
            found |= numbers_in(v)
        return found
    if isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            found |= numbers_in(v)
        return found
    if isinstance(value, str):
        for t in _NUMBER.findall(value):
            found |= numbers_in_text(t)
        return found
    try:
        found.add(_fraction(value))
    except (TypeError, ValueError):
        pass
    return found


def numbers_in_text(text: str) -> set[Fraction]:
    """The numbers written in a label: "12 cm" -> {12}; "3/4" -> {3/4}; "2.5" -> {5/2}."""
    out = set()
    for t in _NUMBER.findall(text.replace("−", "-").replace(",", "")):
        try:
            out.add(Fraction(t))
        except (ValueError, ZeroDivisionError):
            continue
    return out


def figure_numbers(svg: str) -> tuple[list[str], list[str]]:
    """(labels, data values) of a figure: the texts that are not ticks, and every ``data-value``."""
    root = ET.fromstring(svg)
    labels, values = [], []
    for el in root.iter():
        if el.get("data-value") is not None:
            values.append(el.get("data-value"))
        if el.tag in (f"{_SVG_NS}text", "text") and el.get("data-role") != "tick":
            labels.append("".join(el.itertext()))
    return labels, values


def figure_problems(figure: Figure, problem_data: Mapping[str, Any], *, answer: Any = None,
                    statement: str = "") -> list[str]:
    """Why a figure does not show its problem faithfully (empty: it does)."""
    errors = []
    if not isinstance(figure, Figure):
        return [f"figure must be a Figure, not {type(figure).__name__}"]
    if not figure.alt.strip():
        errors.append("figure has no alt text")
    if len(figure.svg.encode()) > MAX_SVG_BYTES:
        errors.append(f"figure SVG is larger than {MAX_SVG_BYTES} bytes")
    for key, value in figure.data.items():
        if key not in problem_data:
            errors.append(f"figure data {key!r} is not in the problem's data")
        elif problem_data[key] != value:
            errors.append(f"figure data {key!r} = {value!r} differs from the problem's {problem_data[key]!r}")
    try:
        labels, values = figure_numbers(figure.svg)
    except ET.ParseError as exc:
        return errors + [f"figure SVG is not well-formed: {exc}"]
    allowed = numbers_in(dict(figure.data))
    for label in labels:
        stray = numbers_in_text(label) - allowed
        if stray:
            errors.append(f"figure label {label!r} shows {sorted(map(str, stray))}, not in the figure's data")
    for v in values:
        got = numbers_in_text(v)
        if not got or not got <= allowed:
            errors.append(f"figure mark with data-value {v!r} is not in the figure's data")
    if answer is not None and not isinstance(answer, (tuple, list, set, frozenset)):
        try:
            gold = _fraction(answer)
        except (TypeError, ValueError):
            gold = None
        if gold is not None and gold not in numbers_in_text(statement):
            leaking = [label for label in labels if gold in numbers_in_text(label)]
            if leaking:
                errors.append(f"figure label {leaking[0]!r} states the answer {answer}")
    if safe_svg(figure.svg) == "":
        errors.append("figure SVG was rejected by the sanitiser")
    return errors


def figure_data(figure: Figure | None) -> dict[str, str]:
    """A figure as plain data ({kind, svg, alt}) for a conversation's state or a page, its SVG sanitised;
    {} without a figure (or with one the sanitiser rejects)."""
    if figure is None:
        return {}
    svg = safe_svg(figure.svg)
    return {"kind": figure.kind, "svg": svg, "alt": figure.alt} if svg else {}


def safe_svg(svg: str) -> str:
    """The SVG with only drawing elements and attributes kept ("" when it cannot be read or is too big).

    Anything else (scripts, foreign objects, links, event handlers, external styles) is dropped, so a
    third-party plugin's figure cannot run code in the page."""
    if not isinstance(svg, str) or len(svg.encode()) > MAX_SVG_BYTES or "<!DOCTYPE" in svg or "<!ENTITY" in svg:
        return ""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError:
        return ""
    if root.tag not in (f"{_SVG_NS}svg", "svg"):
        return ""

    def clean(el: ET.Element) -> None:
        for child in list(el):
            tag = child.tag.replace(_SVG_NS, "")
            if tag not in _ALLOWED:
                el.remove(child)
                continue
            clean(child)
        for attr in list(el.attrib):
            value = el.attrib[attr]
            if attr not in _ALLOWED_ATTRS or "url(" in value.lower() or "javascript" in value.lower() or (
                    attr == "style" and not _STYLE_OK.match(value.strip())):
                del el.attrib[attr]

    clean(root)
    ET.register_namespace("", _SVG_NS[1:-1])
    return ET.tostring(root, encoding="unicode")
