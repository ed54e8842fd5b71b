"""The shapes plugin (geometry, grades 1–8): typed answers, named misconceptions, figures drawn to the problem's
numbers, and the geometry_figure agent (its hint levels, its language, and how the router reaches it)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import sympy
from langgraph.checkpoint.memory import InMemorySaver

import curriculum.shapes as shapes
import plugins.arithmetic
import plugins.integers
from agents.nodes import choose_agent
from agents.state import problem_ref
from agents.tutor import build_graph
from plugins._common import plain
from tests.test_agents_routing import nodes_run
from tests.test_agents_support import make_context
from tutor.figures import figure_numbers, numbers_in, numbers_in_text
from tutor.llm.fake import FakeChatModel
from tutor.plugins import PluginManager

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def pm() -> PluginManager:
    m = PluginManager()
    m.add_plugin(plugins.arithmetic, "arithmetic")
    m.add_plugin(plugins.integers, "integers")
    m.add_plugin(shapes, "shapes")
    assert all(not info.errors for info in m.plugins.values()), [i.errors for i in m.plugins.values()]
    return m


def test_grade_coverage_and_standards(pm):
    specs = [s for s in pm.skills.values() if s.id.startswith("shape.")]
    assert len(specs) >= 15 and all(s.domain == "G" for s in specs)
    for grade in range(1, 9):
        assert sum(s.grade_min <= grade <= s.grade_max for s in specs) >= 2, grade
    for s in specs:
        assert all(int(code[0]) in range(s.grade_min, s.grade_max + 1) for code in s.standards), s.id


def test_circle_answers_in_terms_of_pi_or_as_decimals(pm):
    problem = pm.generate("shape.circles", 0, 1)  # circumference of a circle with radius 11: 22π
    assert problem.answer == 22 * sympy.pi and problem.answer_text == "22π"
    for typed in ("22π", "22pi", "22*pi", "22 π cm", "69.1", "69.08", "69.12"):
        assert pm.check(problem, typed).status == "verified", typed
    for typed in ("69", "70.1", "23π"):
        assert pm.check(problem, typed).status == "refuted", typed
    grade = pm.check(problem, "121π")  # πr²: the area formula
    assert grade.status == "refuted" and grade.mistake == "mixed up 2πr and πr²"


def test_volume_answers_read_with_a_unit(pm):
    problem = pm.generate("shape.volume_round", 0, 3)  # sphere, radius 6: 288π
    assert problem.answer_text == "288π"
    assert pm.check(problem, "288π cm³").status == "verified"
    assert pm.check(problem, "288 π 立方厘米").status == "verified"
    grade = pm.check(problem, plain(4 * sympy.pi * 36))
    assert grade.mistake == "used the surface area formula" and "surface" in grade.explanation


@pytest.mark.parametrize(("skill", "level", "wrong", "tag"), [
    ("shape.area_polygons", 1, lambda d: d["base"] * d["height"], "forgot the ½ in the triangle area"),
    ("shape.area_polygons", 2, lambda d: d["base"] * d["side"], "used the slanted side as the height"),
    ("shape.pythagorean", 1, lambda d: sum(d["legs"]), "added the legs instead of their squares"),
])
def test_named_misconceptions_from_the_figures_numbers(pm, skill, level, wrong, tag):
    for seed in range(5):
        problem = pm.generate(skill, seed, level)
        grade = pm.check(problem, str(wrong(problem.data)))
        assert grade.status == "refuted" and grade.mistake == tag, (problem.statement, grade)
        assert problem.answer_text not in grade.explanation


def test_a_square_is_a_rectangle(pm):
    for seed in range(10):
        problem = pm.generate("shape.quadrilaterals", seed, 2)
        if "rectangles" not in problem.statement:
            continue
        listed = problem.statement.split(":")[1].split(".")[0]
        names = [n.strip() for n in listed.split(",")]
        assert int(problem.answer) == sum(n in ("square", "rectangle") for n in names)
        without_squares = str(sum(n == "rectangle" for n in names))
        assert pm.check(problem, without_squares).mistake == "counted a square as not a rectangle"
        return
    pytest.fail("no rectangle question in ten seeds")


def test_points_typed_swapped_are_named(pm):
    problem = pm.generate("shape.plot_points", 0, 1)
    a, b = problem.answer
    assert pm.check(problem, f"({a}, {b})").status == "verified"
    assert pm.check(problem, f"({b}, {a})").mistake == "swapped x and y"
    moved = pm.generate("shape.transformations", 0, 2)  # a reflection in an axis
    wrong_axis = next(m for m in moved.misconceptions if m.tag == "reflected over the wrong axis")
    assert pm.check(moved, "(" + ", ".join(map(str, wrong_axis.answer)) + ")").mistake == "reflected over the wrong axis"


@pytest.mark.parametrize("skill", ["shape.area_polygons", "shape.pythagorean", "shape.circles",
                                   "shape.surface_area", "shape.volume_round", "shape.triangle_angles"])
def test_figure_labels_are_the_problems_numbers(pm, skill):
    for level in (1, 2, 3):
        problem = pm.generate(skill, 1, level)
        figure = problem.figure
        assert figure is not None and figure.alt
        labels, _values = figure_numbers(figure.svg)
        shown = set().union(*(numbers_in_text(label) for label in labels))
        assert shown and shown <= numbers_in(dict(figure.data)), (labels, figure.data)
        assert shown <= numbers_in_text(problem.statement), (labels, problem.statement)


def test_figure_kinds(pm):
    kinds = {pm.generate(s, 0, d).figure.kind for s in pm.skills if s.startswith("shape.") for d in (1, 2, 3)}
    assert {"shape", "angle", "coordinate_plane", "right_triangle", "circle", "solid", "net"} <= kinds


def test_the_agent_reveals_one_piece_per_hint_level(pm):
    node = pm.build_agent("geometry_figure")
    problem = pm.generate("shape.pythagorean", 2, 1)
    replies = [node({"problem": problem, "hint_level": level})["plugin_reply"] for level in range(4)]
    assert replies[0] == problem.data["shows"]
    assert replies[1] == problem.data["shows"] + "\n" + problem.data["rule"]
    assert replies[2].startswith(replies[1]) and len(replies[2]) > len(replies[1])
    for reply in replies[:3]:
        assert str(problem.answer) not in re.findall(r"\d+", reply.replace(problem.statement, ""))
    assert problem.answer_text in replies[3] and all(s.text.rstrip(".") in replies[3] for s in problem.steps)
    declined = node({"problem": pm.generate("arith.add_sub", 0, 1)})
    assert declined["handled"] is False and declined["plugin_agent"] == "geometry_figure"


def test_the_agent_speaks_the_problems_language(pm):
    node = pm.build_agent("geometry_figure")
    zh = pm.generate("shape.area_polygons", 0, 1, language="zh")
    reply = node({"problem": zh, "hint_level": 3})["plugin_reply"]
    assert CJK.search(reply) and not re.search(r"[A-Za-z]{3,}", reply), reply
    assert zh.answer_text in reply
    by_id = node({"skill_id": "shape.area_polygons", "seed": 0, "difficulty": 1, "hint_level": 0})
    assert by_id["handled"] and by_id["plugin_reply"] == pm.generate("shape.area_polygons", 0, 1).data["shows"]


def test_routing_sends_a_question_about_a_shape_problem_to_the_agent(pm):
    shape = pm.generate("shape.circles", 0, 2)
    assert choose_agent(pm, "why is it the radius?", {"skill_id": shape.skill_id}) == "geometry_figure"
    assert choose_agent(pm, "why do we carry?", {"skill_id": "arith.add_sub"}) == ""


def _ref(pm, skill, seed=1):
    problem = pm.generate(skill, seed, 1)
    return problem_ref(replace(problem, hints=tuple(pm.hints(problem))), pm.plugin_of(skill)), problem


@pytest.mark.asyncio
async def test_geometry_agent_is_reached_through_routing(settings, pm):
    graph = build_graph(checkpointer=InMemorySaver())
    context = make_context(settings, FakeChatModel(), plugins=pm)
    ref, problem = _ref(pm, "shape.area_polygons")
    ran = await nodes_run(graph, context, "Why do we use the dashed line?", problem=ref)
    assert "plugin_agent" in ran
    state = await graph.aget_state({"configurable": {"thread_id": "r"}})
    reply = state.values["reply"]
    assert reply["agent"] == "geometry_figure"
    assert reply["text"] == problem.data["shows"]
