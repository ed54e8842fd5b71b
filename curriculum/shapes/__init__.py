"""Curriculum plugin shapes: geometry for grades 1–8 (Common Core domain G), with a figure for every problem
and a geometry agent that reasons from the figure's data one piece per hint level."""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import sympy

from curriculum.kit import N_, catalogue, register_table
from tutor import hookimpl
from tutor.plugin_api import HINT_LEVELS, AgentDeps, AgentSpec, Grade, Problem, compare_answers, default_hints, writing_in

__version__ = "0.1.0"
LANGUAGES = ("en", "zh")
_ = catalogue(__file__, "shapes")

from curriculum.shapes import early, late, middle  # noqa: E402  (the generators use the catalogue above)
from curriculum.shapes.common import SUBJECT  # noqa: E402

SKILLS = [
    # id, title, grades, prerequisites, description, standards, generator
    ("shape.sides_corners", N_("Sides and corners of shapes"), 1, 2, (),
     N_("Count the sides and corners (vertices) of triangles, squares, rectangles, pentagons and hexagons."),
     ("1.G.A.1", "2.G.A.1"), early.sides_corners),
    ("shape.equal_shares", N_("Equal shares"), 1, 3, (),
     N_("Cut shapes into halves, thirds and fourths, and name an equal share as a fraction of the whole."),
     ("1.G.A.3", "2.G.A.3", "3.G.A.2"), early.equal_shares),
    ("shape.solids", N_("Faces, edges and vertices"), 1, 2, (),
     N_("Count the faces, edges and vertices of cubes, prisms and pyramids, hidden ones included."),
     ("1.G.A.1", "2.G.A.1"), early.solids),
    ("shape.quadrilaterals", N_("Kinds of quadrilaterals"), 3, 5, ("shape.sides_corners",),
     N_("Sort quadrilaterals into families: a square is also a rectangle, a rhombus and a parallelogram."),
     ("3.G.A.1", "4.G.A.2", "5.G.B.3", "5.G.B.4"), early.quadrilaterals),
    ("shape.angles", N_("Acute, right and obtuse angles"), 4, 4, ("shape.sides_corners",),
     N_("Sort angles into acute, right and obtuse, and find the missing part of a right angle."),
     ("4.G.A.1", "4.MD.C.5", "4.MD.C.7"), early.angles),
    ("shape.symmetry", N_("Lines of symmetry"), 4, 4, ("shape.sides_corners",),
     N_("Find how many lines of symmetry a polygon has by folding it in your mind."),
     ("4.G.A.3",), early.symmetry),
    ("shape.plot_points", N_("Points in the first quadrant"), 5, 6, (),
     N_("Read, move and place points (x, y) on a first-quadrant grid."),
     ("5.G.A.1", "5.G.A.2"), early.plot_points),
    ("shape.four_quadrants", N_("Points in four quadrants and distances"), 6, 6, ("shape.plot_points",),
     N_("Read points in all four quadrants and find the distance between points on a level or upright line."),
     ("6.G.A.3", "6.NS.C.8"), middle.four_quadrants),
    ("shape.area_polygons", N_("Area of triangles, parallelograms and trapezoids"), 6, 6, ("arith.mult_div",),
     N_("Find areas with the height at a right angle to the base, never the slanted side."),
     ("6.G.A.1",), middle.area_polygons),
    ("shape.surface_area", N_("Surface area from nets"), 6, 6, ("shape.area_polygons",),
     N_("Find the surface area of a cube or a box by adding the areas of the faces of its net."),
     ("6.G.A.4",), middle.surface_area),
    ("shape.circles", N_("Circumference and area of circles"), 7, 7, ("arith.mult_div",),
     N_("Find the circumference and area of a circle from its radius or diameter, in terms of π."),
     ("7.G.B.4",), middle.circles),
    ("shape.angle_relationships", N_("Angle relationships"), 7, 7, ("shape.angles",),
     N_("Use complementary, supplementary, vertical and adjacent angles to find an unknown angle."),
     ("7.G.B.5",), middle.angle_relationships),
    ("shape.triangle_angles", N_("Angles of a triangle"), 8, 8, ("shape.angle_relationships",),
     N_("Use the angle sum of a triangle and its exterior angles to find unknown angles."),
     ("8.G.A.5",), late.triangle_angles),
    ("shape.transformations", N_("Transformations on the coordinate plane"), 8, 8, ("shape.four_quadrants",),
     N_("Find the image of a point after a translation, a reflection in an axis, or a rotation about the origin."),
     ("8.G.A.3", "8.G.A.1"), late.transformations),
    ("shape.pythagorean", N_("The Pythagorean theorem"), 8, 8, ("int.exponents", "shape.four_quadrants"),
     N_("Find a missing side of a right triangle, and the distance between two points."),
     ("8.G.B.7", "8.G.B.8"), late.pythagorean),
    ("shape.volume_round", N_("Volume of cylinders, cones and spheres"), 8, 8, ("shape.circles",),
     N_("Find the volume of a cylinder, a cone or a sphere, in terms of π."),
     ("8.G.C.9",), late.volume),
]

PI_SKILLS = ("shape.circles", "shape.volume_round")
_UNIT = re.compile(r"\s*(?:cm[²³23]?|平方厘米|立方厘米|厘米|square\s+centimetres?|cubic\s+centimetres?|centimetres?)\s*$",
                   re.IGNORECASE)
_DECIMAL = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")


class PiChecker:
    """An answer in terms of π, or as a decimal: exact (36π), rounded with π (113.1) or with π ≈ 3.14 (113.04);
    a unit after it (cm², 平方厘米) is read as the answer's unit."""

    def __init__(self, skill_id: str) -> None:
        self.skill_id = skill_id

    def check(self, given: str, problem: Problem) -> Grade:
        text = _UNIT.sub("", given.strip())
        grade = compare_answers(text, problem.answer)
        if grade.status == "verified" or not _DECIMAL.match(text):
            return grade
        value = Fraction(text.strip())
        k = sympy.nsimplify(problem.answer / sympy.pi)
        with_314 = Fraction(str(sympy.Rational(k) * sympy.Rational(314, 100)))
        places = len(text.strip().partition(".")[2])
        if places and abs(value - with_314) <= Fraction(1, 2 * 10 ** places):
            return Grade("verified", _("Right, using π ≈ 3.14."))
        return grade


BOTTOM_OUT = HINT_LEVELS.index("bottom_out")


def make_figure_agent(deps: AgentDeps):
    """A node reasoning from a problem's figure: level 0 names what the figure shows (the givens), level 1 adds
    the relationship or formula, level 2 the first worked step (held back where it states the answer), and
    only level 3 the whole checked computation and the answer. Text comes from the problem's own data and
    steps, in the problem's language."""

    def geometry_figure(state: Mapping[str, Any]) -> dict[str, Any]:
        problem = deps.problem_of(state)
        if not isinstance(problem, Problem) or "shows" not in problem.data or "rule" not in problem.data:
            return _declined(problem)
        with writing_in(problem.language):
            level = state.get("hint_level")
            level = BOTTOM_OUT if level is None else max(0, min(int(level), BOTTOM_OUT))
            lines = [problem.data["shows"]]
            if level >= 1:
                lines.append(problem.data["rule"])
            if level == 2:
                ladder = problem.hints or default_hints(problem.steps, problem.answer_text, "", answer=problem.answer)
                worked = next((h.text for h in ladder if h.level == "worked_step"), "")
                if worked:
                    lines.append(worked)
            if level >= BOTTOM_OUT:
                lines.append(_("Working it out: {steps}. The answer is {answer}.").format(
                    steps=_("; ").join(s.text.rstrip(".。") for s in problem.steps), answer=problem.answer_text))
        return {"plugin_agent": "geometry_figure", "handled": True, "plugin_reply": "\n".join(lines)}

    return geometry_figure


def _declined(problem: Any) -> dict[str, Any]:
    language = getattr(problem, "language", None) or "en"
    with writing_in(language):
        text = _("I can talk through the tutor's geometry figures; this problem has no figure data I can check.")
    return {"plugin_agent": "geometry_figure", "handled": False, "plugin_reply": text}


@hookimpl
def register_skills(register):
    register_table(register, None, SKILLS, _, SUBJECT)


@hookimpl
def register_generators(register):
    register_table(None, register, SKILLS, _, SUBJECT)


@hookimpl
def register_checkers(register):
    for sid in PI_SKILLS:
        register(PiChecker(sid))


@hookimpl
def register_agents(register):
    register(AgentSpec(
        name="geometry_figure",
        description="Reasons from a geometry problem's figure, one piece per hint level: what the figure shows "
                    "(the given lengths or angles), the relationship or formula linking them, a first step, and the "
                    "checked computation only at the bottom-out. Route here for questions about a shape, angle, "
                    "grid or solid problem.",
        factory=make_figure_agent,
        skills=tuple(s[0] for s in SKILLS),
    ))
