"""The fraction_models plugin (NF, grades 3–5): typed forms, named misconceptions, models drawn from the numbers,
and the model agent (one piece per hint level, reached through routing)."""

from __future__ import annotations

import re

import pytest
import sympy
from langchain_core.messages import HumanMessage
from langgraph.checkpoint.memory import InMemorySaver

import curriculum.fraction_models as fm
import plugins.arithmetic
from agents.nodes import choose_agent
from agents.state import problem_ref
from agents.tutor import build_graph
from tests.test_agents_support import make_context
from tutor.figures import figure_numbers, figure_problems, numbers_in_text
from tutor.llm.fake import FakeChatModel
from tutor.plugin_api import AgentDeps, compare_answers
from tutor.plugins import PluginManager

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def pm() -> PluginManager:
    m = PluginManager()
    m.add_plugin(plugins.arithmetic, "arithmetic")
    m.add_plugin(fm, "fraction_models")
    return m


def test_skills_standards_and_grades(pm):
    ids = {s for s, name in pm.skill_plugin.items() if name == "fraction_models"}
    assert len(ids) >= 9
    for sid in ids:
        spec = pm.skills[sid]
        assert spec.domain == "NF" and 3 <= spec.grade_min <= spec.grade_max <= 5
        assert all(code[0] == str(g) for code in spec.standards[:1] for g in [spec.grade_min])


def test_a_mixed_number_answer_is_written_and_read_as_a_child_types_it(pm):
    problem = next(p for seed in range(20) if (p := pm.generate("nf.mixed_numbers", seed, 2)).answer.q > 1)
    whole, part = problem.answer_text.split(" ")
    assert int(whole) == int(problem.answer) and "/" in part
    assert pm.check(problem, problem.answer_text).status == "verified"
    assert compare_answers(sympy.sstr(problem.answer), problem.answer).status == "verified"  # same value


def test_mixed_to_improper_misconceptions_are_named(pm):
    problem = pm.generate("nf.mixed_numbers", 3, 1)
    w, n, d = problem.data["whole"], problem.data["numerator"], problem.data["denominator"]
    grade = pm.check(problem, f"{w + n}/{d}")
    assert grade.status == "refuted" and grade.mistake == "added the whole number to the numerator"
    grade = pm.check(problem, f"{w}{n}/{d}")
    assert grade.status == "refuted" and grade.mistake == "wrote the whole number and numerator side by side"


def test_adding_numerators_and_denominators_is_recognised(pm):
    for seed in range(10):
        problem = pm.generate("nf.add_unlike", seed, 1)
        f, g = problem.data["first"], problem.data["second"]
        grade = pm.check(problem, f"{f.p + g.p}/{f.q + g.q}")
        assert grade.status == "refuted" and grade.mistake == "added the numerators and the denominators"
        assert problem.answer_text not in grade.explanation


def test_bigger_denominator_misconception_when_comparing(pm):
    problem = pm.generate("nf.compare", 0, 2)
    smaller = min(problem.data["first"], problem.data["second"])
    grade = pm.check(problem, str(smaller))
    assert grade.mistake == "thought a bigger denominator means a bigger fraction"
    assert compare_answers(problem.answer_text, problem.answer).status == "verified"


def test_decimal_comparison_catches_longer_means_bigger(pm):
    problem = pm.generate("nf.decimal_fractions", 4, 3)
    longer = min(problem.data["first"], problem.data["second"])
    grade = pm.check(problem, str(float(longer)))
    assert grade.status == "refuted" and grade.mistake == "thought more digits means a bigger decimal"


@pytest.mark.parametrize(("skill_id", "difficulty", "kind"), [
    ("nf.unit_fraction", 1, "fraction_bar"), ("nf.unit_fraction", 2, "fraction_circle"),
    ("nf.number_line", 2, "number_line"), ("nf.multiply", 1, "area_model"), ("nf.decimal_fractions", 1,
                                                                             "hundredths_grid")])
def test_figures_are_drawn_from_the_problem_numbers(pm, skill_id, difficulty, kind):
    for seed in range(5):
        problem = pm.generate(skill_id, seed, difficulty)
        fig = problem.figure
        assert fig is not None and fig.kind == kind
        assert figure_problems(fig, problem.data, answer=problem.answer, statement=problem.statement) == []
        labels, _values = figure_numbers(fig.svg)
        for label in labels:  # no label gives the answer away
            assert problem.answer not in numbers_in_text(label) or label in problem.statement


def test_strip_shows_its_parts_and_shaded_parts(pm):
    problem = pm.generate("nf.unit_fraction", 2, 1)
    svg = problem.figure.svg
    n, k = problem.data["parts"], problem.data["shaded"]
    assert svg.count("<rect") == n
    assert svg.count("fill=\"#2563eb\"") == k


def test_number_line_point_is_at_the_answer(pm):
    problem = pm.generate("nf.number_line", 1, 3)
    _labels, values = figure_numbers(problem.figure.svg)
    assert values == [sympy.sstr(problem.answer)]


def test_chinese_statement_and_steps(pm):
    problem = pm.generate("nf.add_like", 1, 3, language="zh")
    assert CJK.search(problem.statement) and all(CJK.search(s.text) for s in problem.steps)
    assert CJK.search(problem.figure.alt if problem.figure else pm.generate("nf.unit_fraction", 1, 1,
                                                                            language="zh").figure.alt)


def test_agent_reveals_one_piece_per_level_and_the_answer_only_at_the_bottom(pm):
    node = fm.make_model_agent(AgentDeps())
    for sid in ("nf.unit_fraction", "nf.equivalent", "nf.mult_whole"):
        for seed in range(5):
            problem = pm.generate(sid, seed, 1)
            replies = [node({"problem": problem, "hint_level": level})["plugin_reply"] for level in range(4)]
            for level, reply in enumerate(replies[:3]):
                assert len(reply.splitlines()) == level + 1
                assert not fm._states(reply, problem.answer), (sid, seed, reply)
            assert problem.answer_text in replies[3]
    problem = pm.generate("nf.unit_fraction", 0, 1)
    assert "The whole is one strip." in node({"problem": problem, "hint_level": 0})["plugin_reply"]


def test_agent_speaks_the_problems_language_and_regenerates_from_the_state(pm):
    node = fm.make_model_agent(AgentDeps(generate=lambda s, seed, d: pm.generate(s, seed, d, language="zh")))
    out = node({"skill_id": "nf.number_line", "seed": 2, "difficulty": 1, "hint_level": 1})
    assert out["handled"] and CJK.search(out["plugin_reply"])
    assert node({"problem": None})["handled"] is False


def test_routing_reaches_the_model_agent_only_for_its_skills(pm):
    problem = pm.generate("nf.unit_fraction", 1, 1)
    assert choose_agent(pm, "why?", {"skill_id": problem.skill_id}) == "fraction_models"
    assert choose_agent(pm, "why?", {"skill_id": "arith.add_sub"}) == ""


@pytest.mark.asyncio
async def test_plugin_agent_is_reached_through_routing(settings, pm):
    graph = build_graph(checkpointer=InMemorySaver())
    context = make_context(settings, FakeChatModel(), plugins=pm)
    problem = pm.generate("nf.unit_fraction", 1, 1)
    ref = problem_ref(problem, pm.plugin_of("nf.unit_fraction"))
    ran = []
    async for chunk in graph.astream({"messages": [HumanMessage(content="Why is the bottom number that?")],
                                      "problem": ref}, {"configurable": {"thread_id": "f"}}, context=context,
                                     stream_mode="updates"):
        ran.extend(chunk)
    assert "plugin_agent" in ran
    state = await graph.aget_state({"configurable": {"thread_id": "f"}})
    reply = state.values["reply"]
    assert reply["agent"] == "fraction_models"
    assert reply["text"] == "The whole is one strip."


def test_the_asked_form_of_a_mixed_number_is_checked(pm):
    to_mixed = pm.generate("nf.mixed_numbers", 0, 2)
    improper = f"{to_mixed.answer.p}/{to_mixed.answer.q}"
    grade = pm.check(to_mixed, improper)
    assert grade.status == "refuted" and grade.mistake == "not_a_mixed_number"
    assert pm.check(to_mixed, to_mixed.answer_text).status == "verified"
    to_fraction = pm.generate("nf.mixed_numbers", 0, 1)
    w, n, d = (to_fraction.data[k] for k in ("whole", "numerator", "denominator"))
    assert pm.check(to_fraction, f"{w} {n}/{d}").mistake == "not_a_fraction"
    assert pm.check(to_fraction, to_fraction.answer_text).status == "verified"
    zh = pm.generate("nf.mixed_numbers", 0, 2, language="zh")
    assert CJK.search(pm.check(zh, improper).explanation)


def test_unlike_fractions_are_drawn_as_strips_with_a_common_cut(pm):
    problem = pm.generate("nf.add_unlike", 0, 2)
    assert problem.figure.kind == "fraction_bar"
    assert problem.figure.data["common_denominator"] % problem.data["first"].q == 0
