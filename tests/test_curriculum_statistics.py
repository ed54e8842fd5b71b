"""The statistics plugin: data reading for grades 1–3 and statistics and probability for grades 6–8. What a child
types reads right, common wrong answers are named, figures show exactly the problem's numbers, every text is in
Chinese when asked, and the ``graph_reader`` agent reads a graph one piece per hint level."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import sympy
from langchain_core.messages import HumanMessage
from langgraph.checkpoint.memory import InMemorySaver

from agents.nodes import choose_agent
from agents.state import problem_ref
from agents.tutor import build_graph
from curriculum import statistics
from tests.test_agents_support import make_context
from tests.test_plugin_languages import CJK
from tutor.figures import figure_numbers
from tutor.llm.fake import FakeChatModel
from tutor.plugin_api import AgentDeps
from tutor.plugins import PluginManager

SKILLS = [s[0] for s in statistics.SKILLS]


@pytest.fixture(scope="module")
def pm() -> PluginManager:
    import plugins.arithmetic
    import plugins.fractions

    manager = PluginManager()
    manager.add_plugin(plugins.arithmetic, "arithmetic")
    manager.add_plugin(plugins.fractions, "fractions")
    manager.add_plugin(statistics, "statistics")
    assert manager.plugins["statistics"].ok, manager.plugins["statistics"].errors
    return manager


def test_skills_span_grades_1_to_8_with_standards(pm):
    specs = [pm.skills[s] for s in SKILLS]
    assert len(specs) == 16
    assert any(s.grade_min <= 1 <= s.grade_max and s.domain == "MD" for s in specs)
    assert any(s.grade_min <= 2 <= s.grade_max and s.domain == "MD" for s in specs)
    assert {s.domain for s in specs} == {"MD", "SP"}
    for grade in (6, 7, 8):
        assert any(s.grade_min <= grade <= s.grade_max and s.domain == "SP" for s in specs), grade
    for s in specs:
        assert all(code.startswith(f"{s.grade_min}.") for code in s.standards), s.id


def find(pm, sid, difficulty, pred=lambda p: True, language="en"):
    for seed in range(60):
        problem = pm.generate(sid, seed, difficulty, language=language)
        if pred(problem):
            return problem
    raise AssertionError(f"no {sid} problem found")


def test_a_median_and_a_probability_read_right_in_a_childs_forms(pm):
    even = find(pm, "sp.median_mode", 2, lambda p: p.answer.q == 2)
    whole = even.answer.p // 2
    for typed in (even.answer_text, f"{even.answer.p}/2", f"{whole} 1/2"):
        assert pm.check(even, typed).status == "verified", typed
    chance = find(pm, "sp.probability", 2, lambda p: p.answer.q < 12)
    for typed in (chance.answer_text, f"{chance.answer.p * 2}/{chance.answer.q * 2}"):
        assert pm.check(chance, typed).status == "verified", typed


@pytest.mark.parametrize(("sid", "difficulty", "tag"), [
    ("sp.tally_charts", 1, "counted a bundle of five tallies as one"),
    ("sp.scaled_graphs", 1, "ignored the picture graph key"),
    ("sp.median_mode", 1, "median without sorting"),
    ("sp.median_mode", 3, "mode as the largest value"),
    ("sp.range_iqr", 2, "IQR as max − min"),
    ("sp.probability", 2, "probability written as odds"),
    ("sp.compound", 2, "added probabilities of independent events"),
    ("sp.sample_space", 2, "added instead of multiplying"),
    ("sp.mean", 1, "mean and median mixed up"),
])
def test_named_misconceptions_are_recognised(pm, sid, difficulty, tag):
    problem = find(pm, sid, difficulty, lambda p: any(m.tag == tag for m in p.misconceptions))
    wrong = next(m for m in problem.misconceptions if m.tag == tag)
    grade = pm.check(problem, sympy.sstr(wrong.answer))
    assert (grade.status, grade.mistake) == ("refuted", tag)
    assert grade.explanation == wrong.explanation and problem.answer_text not in grade.explanation


def test_figures_come_in_every_required_kind(pm):
    problems = [pm.generate(sid, seed, d) for sid in SKILLS for d in (1, 2, 3) for seed in range(2)]
    kinds = {p.figure.kind for p in problems if p.figure is not None}
    assert {"bar_graph", "picture_graph", "tally_chart", "dot_plot", "box_plot", "scatter_plot", "spinner",
            "tree_diagram", "two_way_table"} <= kinds
    with_figure = {p.skill_id for p in problems if p.figure is not None}
    assert len(with_figure) >= len(SKILLS) // 2


def test_figure_marks_are_the_problems_numbers(pm):
    box = pm.generate("sp.box_plots", 4, 2)
    _labels, values = figure_numbers(box.figure.svg)
    assert sorted(map(int, values)) == sorted(box.data["summary"])
    tally = pm.generate("sp.tally_charts", 2, 1)
    assert [int(v) for v in figure_numbers(tally.figure.svg)[1]] == tally.data["counts"]
    graph = pm.generate("sp.scaled_graphs", 3, 2)
    labels, values = figure_numbers(graph.figure.svg)
    assert [int(v) for v in values] == graph.data["icons"]
    assert any(str(graph.data["key"]) in label for label in labels)
    bars = pm.generate("sp.bar_graphs", 1, 1)
    assert [int(v) for v in figure_numbers(bars.figure.svg)[1]] == bars.data["counts"]
    table = pm.generate("sp.two_way", 0, 2)
    labels, _values = figure_numbers(table.figure.svg)
    numbers = sorted(int(t) for t in labels if t.isdigit())
    assert numbers == sorted(n for row in table.data["cells"] for n in row)


def test_graph_reader_gives_one_piece_per_level_and_the_answer_last(pm):
    node = statistics.agent.make_graph_reader(AgentDeps(generate=pm.generate))
    for sid in SKILLS:
        for d in (1, 2, 3):
            problem = pm.generate(sid, 1, d)
            problem = replace(problem, hints=tuple(pm.hints(problem)))
            replies = [node({"problem": problem, "hint_level": level}) for level in range(4)]
            assert all(r["handled"] and r["plugin_agent"] == "graph_reader" for r in replies)
            texts_ = [r["plugin_reply"] for r in replies]
            for text in texts_[:3]:
                said = {sympy.Rational(t) for t in re.findall(r"-?\d+(?:\.\d+)?(?:/\d+)?", text)}
                assert problem.answer not in said, (sid, d, text)
            assert problem.answer_text in texts_[3]
    zh = pm.generate("sp.box_plots", 0, 1, language="zh")
    assert CJK.search(node({"problem": zh, "hint_level": 1})["plugin_reply"])
    by_id = node({"skill_id": "sp.two_way", "seed": 0, "difficulty": 1, "hint_level": 0})
    assert by_id["handled"]
    other = node({"problem": pm.generate("arith.add_sub", 0, 1), "hint_level": 0})
    assert other["handled"] is False


def current(pm, skill, seed=1):
    problem = pm.generate(skill, seed, 1)
    return problem_ref(replace(problem, hints=tuple(pm.hints(problem))), pm.plugin_of(skill))


def test_routing_reaches_the_graph_reader_only_for_its_skills(pm):
    assert choose_agent(pm, "what does the box mean?", current(pm, "sp.box_plots")) == "graph_reader"
    assert choose_agent(pm, "what does this mean?", current(pm, "sp.mean")) == ""
    assert choose_agent(pm, "what does this mean?", current(pm, "arith.add_sub")) == ""


@pytest.mark.asyncio
async def test_graph_reader_is_reached_through_the_tutor_graph(settings, pm):
    graph = build_graph(checkpointer=InMemorySaver())
    context = make_context(settings, FakeChatModel(), plugins=pm)
    ref = current(pm, "sp.bar_graphs")
    ran = []
    async for chunk in graph.astream({"messages": [HumanMessage(content="How do I read this graph?")], "problem": ref},
                                     {"configurable": {"thread_id": "sp"}}, context=context, stream_mode="updates"):
        ran.extend(chunk)
    assert "plugin_agent" in ran
    state = await graph.aget_state({"configurable": {"thread_id": "sp"}})
    reply = state.values["reply"]
    assert reply["agent"] == "graph_reader"
    problem = pm.generate("sp.bar_graphs", 1, 1)
    assert reply["text"].startswith(problem.figure.alt)
