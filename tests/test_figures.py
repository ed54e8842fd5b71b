"""Figures (issue 16): drawn from the problem's data, checked label by label before serving, sanitised before
showing, and carried into the tutor chat's state."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from plugins._common import Draft, SeededGenerator, step
from tutor.figures import (Canvas, bar_graph, coordinate_plane, figure_data, figure_numbers, figure_problems,
                           number_line, safe_svg)
from tutor.problems import validate_problem


def test_a_number_line_marks_its_points_and_writes_fraction_ticks():
    fig = number_line(0, 1, step=Fraction(1, 4), points=[Fraction(3, 4)], alt="Three quarters on a number line",
                      data={"point": "3/4"}, denominator=4)
    labels, values = figure_numbers(fig.svg)
    assert values == ["3/4"] and labels == []
    assert "1/4" in fig.svg and ">2/4<" in fig.svg and ">1<" in fig.svg  # the ticks, as a child reads them
    assert figure_problems(fig, {"point": "3/4"}) == []


def test_a_bar_graph_carries_each_value_and_its_categories():
    fig = bar_graph(["Mon", "Tue", "Wed"], [3, 7, 5], alt="Books read", data={"books": [3, 7, 5]},
                    title="Books read")
    labels, values = figure_numbers(fig.svg)
    assert values == ["3", "7", "5"] and {"Mon", "Tue", "Wed", "Books read"} <= set(labels)
    assert figure_problems(fig, {"books": [3, 7, 5]}) == []


def test_a_label_or_mark_that_is_not_the_problems_data_is_caught():
    c = Canvas(100, 100)
    c.text(10, 10, "12 cm")
    c.rect(0, 0, 10, 10, value=9)
    fig = c.figure("shape", "A square", {"side": 10})
    errors = figure_problems(fig, {"side": 10})
    assert any("12 cm" in e for e in errors) and any("data-value '9'" in e for e in errors)
    # the figure's data must be the problem's: a different side is caught too
    assert any("differs" in e for e in figure_problems(c.figure("shape", "A square", {"side": 12}), {"side": 10}))
    assert any("not in the problem" in e for e in figure_problems(c.figure("shape", "A", {"w": 1}), {"side": 10}))


def test_a_label_that_states_the_answer_is_caught_unless_the_statement_says_it():
    c = Canvas(100, 100)
    c.text(10, 10, "13")
    fig = c.figure("right_triangle", "A right triangle", {"sides": [5, 12, 13]})
    assert any("states the answer" in e for e in figure_problems(fig, {"sides": [5, 12, 13]}, answer=13,
                                                                  statement="Find the hypotenuse."))
    assert figure_problems(fig, {"sides": [5, 12, 13]}, answer=13, statement="The hypotenuse is 13. Find x.") == []


def test_ticks_are_not_data_but_labels_are():
    fig = coordinate_plane(-5, 5, points={"A": (2, -3)}, alt="Point A", data={"A": (2, -3)}, show_coordinates=True)
    labels, values = figure_numbers(fig.svg)
    assert labels == ["A(2, -3)"] and values == ["2"]
    assert figure_problems(fig, {"A": (2, -3)}) == []


def test_the_sanitiser_keeps_drawing_and_drops_anything_active():
    hostile = ("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><script>alert(1)</script>"
               "<foreignObject><div>x</div></foreignObject><a href='javascript:alert(1)'><text>t</text></a>"
               "<rect width='3' height='4' fill='url(http://evil/x)' onclick='x'/><text x='1'>ok</text>"
               "<image href='http://evil/x.png'/></svg>")
    clean = safe_svg(hostile)
    for bad in ("script", "onload", "onclick", "foreignObject", "javascript", "evil", "<a", "image"):
        assert bad not in clean, bad
    assert "<rect" in clean and ">ok<" in clean
    assert safe_svg("<svg><unclosed>") == "" and safe_svg("<html/>") == "" and safe_svg("x" * 200_000) == ""
    assert safe_svg("<!DOCTYPE svg [<!ENTITY a 'aaaa'>]><svg>&a;</svg>") == ""


def test_a_problem_whose_figure_does_not_match_its_data_is_not_served():
    def make(rng, level):
        c = Canvas(100, 60)
        c.text(50, 30, "7 cm")  # the statement says 5 cm
        return Draft("A square has side 5 cm. What is its perimeter?", "", sympy.Integer(20), "20",
                     [step("4 × 5 = 20", sympy.Mul(4, 5, evaluate=False), 20)], "Add the sides.",
                     data={"side": 5}, figure=c.figure("shape", "A square", {"side": 5}))

    problem = SeededGenerator("t.square", make).generate(0, 1)
    assert any("7 cm" in e for e in validate_problem(problem, "t.square"))


def test_the_chat_state_keeps_a_sanitised_figure():
    from agents.state import problem_ref

    fig = number_line(0, 10, points=[4], alt="4 on a number line", data={"n": 4})
    ref = problem_ref(type("P", (), {"id": "p", "skill_id": "s", "statement": "?", "answer_text": "4",
                                     "steps": (), "hints": (), "difficulty": 1, "seed": 0, "figure": fig})())
    assert ref["figure"]["kind"] == "number_line" and ref["figure"]["svg"].startswith("<svg")
    assert ref["figure"]["alt"] == "4 on a number line"
    assert figure_data(None) == {}


@pytest.mark.asyncio
async def test_a_problem_served_in_the_tutor_chat_carries_its_picture(settings):
    """The reply that serves a problem carries its sanitised figure for the Learn page; a later reply does not."""
    from langchain_core.messages import HumanMessage
    from langgraph.checkpoint.memory import InMemorySaver

    import curriculum.measurement
    from agents.tutor import build_graph
    from tests.test_agents_support import make_context
    from tutor.llm.fake import FakeChatModel
    from tutor.plugins import PluginManager

    pm = PluginManager()
    pm.add_plugin(curriculum.measurement, "measurement")  # its first-grade skills all draw a picture
    graph = build_graph(checkpointer=InMemorySaver())
    config = {"configurable": {"thread_id": "fig"}}
    context = make_context(settings, FakeChatModel("Look at the picture again."), plugins=pm)
    out = await graph.ainvoke({"messages": [HumanMessage(content="give me a new problem")]}, config, context=context)
    figure = out["reply"]["figure"]
    assert figure["svg"].startswith("<svg") and figure["alt"] and figure["kind"]
    assert figure == out["problem"]["figure"] and "<script" not in figure["svg"]
    later = await graph.ainvoke({"messages": [HumanMessage(content="hint please")]}, config, context=context)
    assert later["reply"]["figure"] == {}
