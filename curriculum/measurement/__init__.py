"""Measurement & data, grades 1–5: time, money, length, mass and volume, unit conversion, perimeter, area,
volume, angles, line plots and bar graphs; a checker that reads a child's measured answers ("3:45", "2小时5分",
"4元5角"), and the ``measurement_units`` agent that walks a problem through its units.
"""

from __future__ import annotations

from curriculum.kit import N_, catalogue, register_table
from tutor import hookimpl
from tutor.plugin_api import AgentSpec

__version__ = "0.1.0"
LANGUAGES = ("en", "zh")
_ = catalogue(__file__, "measurement")
SUBJECT = N_("Measurement")

# The generator modules import ``_`` from this package, so they come after it.
from curriculum.measurement import data as _data
from curriculum.measurement import lengths as _lengths
from curriculum.measurement import shapes as _shapes
from curriculum.measurement import time_money as _time_money
from curriculum.measurement.agent import make_units_agent
from curriculum.measurement.checker import MeasureChecker

SKILLS = [
    # id, title, grade_min, grade_max, prerequisites, description, standards, generator
    ("md.time_hour", N_("Tell time to the hour and half hour"), 1, 1, (),
     N_("Read an analog clock showing o'clock or half past."), ("1.MD.B.3",), _time_money.time_hour),
    ("md.time_five", N_("Tell time to five minutes"), 2, 2, ("md.time_hour",),
     N_("Read an analog clock to the nearest five minutes by counting by fives."), ("2.MD.C.7",),
     _time_money.time_five),
    ("md.elapsed_time", N_("Elapsed time"), 3, 4, ("md.time_five",),
     N_("Find how long something lasts, or when it ends, across the hour."), ("3.MD.A.1", "4.MD.A.2"),
     _time_money.elapsed_time),
    ("md.coins", N_("Count coins and money"), 2, 2, (),
     N_("Find the value of a set of coins and bills."), ("2.MD.C.8",), _time_money.count_coins),
    ("md.make_change", N_("Make change"), 3, 4, ("md.coins",),
     N_("Find the change from a payment by subtracting money amounts."), ("4.MD.A.2",), _time_money.make_change),
    ("md.ruler", N_("Measure length with a ruler"), 1, 2, (),
     N_("Measure an object against a ruler in whole units, starting from zero or not."), ("1.MD.A.2", "2.MD.A.1"),
     _lengths.ruler_length),
    ("md.compare_lengths", N_("Compare lengths"), 1, 2, ("md.ruler",),
     N_("Find how much longer one object is than another."), ("1.MD.A.1", "2.MD.A.4"), _lengths.compare_lengths),
    ("md.mass_volume", N_("Mass and liquid volume"), 3, 3, (),
     N_("Solve one-step problems with grams, kilograms and liters."), ("3.MD.A.2",), _lengths.mass_volume),
    ("md.convert_units", N_("Convert units"), 4, 5, ("arith.mult_div",),
     N_("Convert a measurement from a larger unit to a smaller one in the same system."), ("4.MD.A.1", "5.MD.A.1"),
     _lengths.convert_units),
    ("md.perimeter", N_("Perimeter of polygons"), 3, 3, (),
     N_("Add the side lengths of a polygon, or find a missing side from the perimeter."), ("3.MD.D.8",),
     _shapes.perimeter),
    ("md.area_rectangles", N_("Area of rectangles"), 3, 3, (),
     N_("Find the area of a rectangle by tiling it with unit squares and by multiplying its sides."),
     ("3.MD.C.5", "3.MD.C.6", "3.MD.C.7"), _shapes.area_rectangle),
    ("md.area_vs_perimeter", N_("Area and perimeter"), 3, 3, ("md.perimeter", "md.area_rectangles"),
     N_("Tell area from perimeter in a problem, and find one from the other."), ("3.MD.D.8",),
     _shapes.area_vs_perimeter),
    ("md.volume_prisms", N_("Volume of rectangular prisms"), 5, 5, ("md.area_rectangles",),
     N_("Find the volume of a box of unit cubes, with V = l × w × h."), ("5.MD.C.3", "5.MD.C.4", "5.MD.C.5"),
     _shapes.volume_prism),
    ("md.angles", N_("Measure and add angles"), 4, 4, (),
     N_("Read an angle on a protractor and find a missing part of an angle."), ("4.MD.C.6", "4.MD.C.7"),
     _shapes.angles),
    ("md.line_plots", N_("Line plots with fractions"), 4, 5, ("md.ruler",),
     N_("Read a line plot of measurements in halves, quarters and eighths and answer questions with it."),
     ("4.MD.B.4", "5.MD.B.2"), _data.line_plot),
    ("md.bar_graphs", N_("Picture and bar graphs"), 1, 3, (),
     N_("Read a bar graph and answer how many more and how many in all."), ("1.MD.C.4", "2.MD.D.10", "3.MD.B.3"),
     _data.bar_graph),
]


@hookimpl
def register_skills(register):
    register_table(register, None, SKILLS, _, SUBJECT)


@hookimpl
def register_generators(register):
    register_table(None, register, SKILLS, _, SUBJECT)


@hookimpl
def register_checkers(register):
    for sid, *_rest in SKILLS:
        register(MeasureChecker(sid))


def clock_ladder(problem):
    """The problem's own ladder, its bottom-out showing a time of day as a clock does (9:30) as well as typed."""
    from tutor.plugin_api import Hint

    hints = tuple(problem.hints)
    if not isinstance(problem.answer, tuple) or not hints:
        return hints
    hour, minute = (int(v) for v in problem.answer)
    bottom = _("The answer is {time} (you may also type {answer}).").format(
        time=f"{hour}:{minute:02d}", answer=problem.answer_text)
    return (*hints[:-1], Hint("bottom_out", bottom))


@hookimpl
def register_hints(register):
    for sid in ("md.time_hour", "md.time_five", "md.elapsed_time"):
        register(sid, clock_ladder)


@hookimpl
def register_agents(register):
    register(AgentSpec(
        name="measurement_units",
        description="Walks a measurement problem through its units: which unit the answer is asked in, the "
                    "conversion facts that link the units, then the quantity in the new unit, one piece per hint "
                    "level, from the problem's own checked steps. Route here for questions about a measurement "
                    "problem (time, money, length, mass, area, volume, angles).",
        factory=make_units_agent,
        skills=tuple(s[0] for s in SKILLS),
    ))
