"""The measurement plugin (md.*): a child's typed forms of times, money and measures read right, common wrong
answers are named, figures show the problem's own numbers, both languages say the same numbers, and the
``measurement_units`` agent reveals one piece per hint level and is reached through routing."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import sympy

from tutor.figures import figure_numbers, numbers_in_text
from tutor.plugins import PluginManager

MANAGER = PluginManager.load(third_party=False)
SKILLS = sorted(sid for sid, name in MANAGER.skill_plugin.items() if name == "measurement")
CJK = re.compile(r"[\u4e00-\u9fff]")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def find(skill_id, test, difficulties=(1, 2, 3), language="en", seeds=range(60)):
    """The first generated problem of ``skill_id`` for which ``test(problem)`` holds."""
    for d in difficulties:
        for seed in seeds:
            problem = MANAGER.generate(skill_id, seed, d, language=language)
            if test(problem):
                return problem
    raise AssertionError(f"no {skill_id} problem found")


def grade(problem, typed):
    return MANAGER.check(problem, typed)


def test_sixteen_skills_for_grades_1_to_5_with_standards_and_prerequisites():
    assert len(SKILLS) == 16
    specs = [MANAGER.skills[s] for s in SKILLS]
    assert all(s.domain == "MD" and 1 <= s.grade_min <= s.grade_max <= 5 for s in specs)
    assert sum(s.grade_min <= 1 <= s.grade_max for s in specs) >= 4
    assert sum(s.grade_min <= 2 <= s.grade_max for s in specs) >= 5
    for s in specs:
        assert all(code.startswith(str(g)) for code in s.standards for g in [int(code[0])]), s.standards
        assert any(s.grade_min <= int(code[0]) <= s.grade_max for code in s.standards), (s.id, s.standards)
        for pre in s.prerequisites:
            assert MANAGER.skills[pre].grade_min <= s.grade_min


def test_every_skill_has_figures_in_the_required_kinds():
    problems = [MANAGER.generate(sid, 0, d) for sid in SKILLS for d in (1, 2, 3)]
    kinds = {p.figure.kind for p in problems if p.figure is not None}
    assert {"clock", "coins", "ruler", "rectangle", "protractor", "angle", "line_plot", "bar_graph", "prism"} <= kinds
    with_figure = [sid for sid in SKILLS if MANAGER.generate(sid, 0, 1).figure is not None]
    assert len(with_figure) >= len(SKILLS) // 2


# ------------------------------------------------------------------------------------------- typed forms


def test_a_clock_time_reads_in_every_form_a_child_types():
    problem = find("md.time_hour", lambda p: p.answer[1] == 30 and p.answer[0] < 12, (2,))
    h = int(problem.answer[0])
    for typed in (f"{h}:30", f"{h}:30 pm", f"{h}:30 a.m.", f"{h + 12}:30", f"{h}点半", f"{h}点30分", f"下午{h}点30分",
                  f"half past {h}", problem.answer_text, f"({h}, 30)"):
        assert grade(problem, typed).status == "verified", typed
    assert grade(problem, f"{h % 12 + 1}:30").status == "refuted"
    oclock = find("md.time_hour", lambda p: p.answer[1] == 0, (1,))
    h = int(oclock.answer[0])
    for typed in (f"{h}:00", f"{h} o'clock", f"{h}点", f"{h}点整", f"{h}时"):
        assert grade(oclock, typed).status == "verified", typed


def test_elapsed_minutes_read_as_hours_and_minutes_in_both_languages():
    problem = find("md.elapsed_time", lambda p: p.answer > 60, (2,))
    total = int(problem.answer)
    h, m = divmod(total, 60)
    for typed in (str(total), f"{total} min", f"{total} minutes", f"{h} h {m} min", f"{h} hour {m} minutes",
                  f"{h}小时{m}分钟", f"{h}小时{m}分", f"{total}分钟", f"{h}:{m:02d}"):
        assert grade(problem, typed).status == "verified", typed
    assert grade(problem, f"{h}小时{m + 1}分钟").status == "refuted"


def test_money_reads_as_dollars_cents_yuan_and_jiao():
    coins = find("md.coins", lambda p: p.answer_unit == "¢" and 10 < p.answer < 100 and p.answer % 10, (1, 2))
    c = int(coins.answer)
    for typed in (str(c), f"{c}¢", f"{c} cents", f"$0.{c:02d}", f"{c}分", f"{c // 10}角{c % 10}分"):
        assert grade(coins, typed).status == "verified", typed
    change = find("md.make_change", lambda p: p.answer_unit == "$" and p.answer > 1 and (p.answer * 100) % 10, (2, 3))
    cents = int(change.answer * 100)
    d, rest = divmod(cents, 100)
    for typed in (change.answer_text, f"${change.answer_text}", f"{cents} cents", f"{d}元{rest // 10}角{rest % 10}分",
                  f"{change.answer_text}元", f"{cents}分"):
        assert grade(change, typed).status == "verified", typed
    assert grade(change, f"{cents + 1} cents").status == "refuted"


def test_converted_measures_read_in_either_unit_and_in_chinese():
    problem = find("md.convert_units", lambda p: p.answer_unit == "m" and "km" in p.statement, (1,))
    km = int(problem.answer) // 1000
    for typed in (str(km * 1000), f"{km * 1000} m", f"{km} km", f"{km * 1000}米", f"{km}千米"):
        assert grade(problem, typed).status == "verified", typed
    grams = find("md.convert_units", lambda p: p.answer_unit == "g", (1, 2))
    kg = int(grams.answer) // 1000
    assert grade(grams, f"{kg}千克").status == "verified"
    assert grade(grams, f"{kg}克").status == "refuted"


# ------------------------------------------------------------------------------------------- misconceptions


def test_base_ten_subtraction_of_times_is_named():
    problem = find("md.elapsed_time", lambda p: any(m.tag == "subtracted times like base-ten numbers"
                                                    for m in p.misconceptions), (2,))
    wrong = next(m for m in problem.misconceptions if m.tag == "subtracted times like base-ten numbers")
    (h1, m1), (h2, m2) = problem.data["start"], problem.data["end"]
    base_ten = (h2 * 100 + m2) - (h1 * 100 + m1)
    assert wrong.answer == (base_ten // 100) * 60 + base_ten % 100
    result = grade(problem, str(wrong.answer))
    assert (result.status, result.mistake) == ("refuted", "subtracted times like base-ten numbers")
    assert str(problem.answer) not in result.explanation
    # written the way the mistake is made: 2:10 - 1:50 = "0:60"
    typed = f"{base_ten // 100}:{base_ten % 100:02d}"
    assert grade(problem, typed).mistake == "subtracted times like base-ten numbers", typed


def test_swapped_clock_hands_are_named_when_typed_as_a_time():
    problem = find("md.time_five", lambda p: 5 <= p.answer[1] <= 55 and p.answer[0] <= 11, (1,))
    h, m = int(problem.answer[0]), int(problem.answer[1])
    result = grade(problem, f"{m // 5}:{h * 5:02d}")
    assert (result.status, result.mistake) == ("refuted", "swapped the hour and minute hands")
    result = grade(problem, f"{h}:{m // 5:02d}")
    assert result.mistake == "read the minute hand's number as minutes"


def test_area_and_perimeter_swaps_and_volume_as_a_sum_are_named():
    area = find("md.area_rectangles", lambda p: "width" in p.data and "area" not in p.data, (2,))
    l, w = area.data["length"], area.data["width"]
    assert grade(area, str(2 * (l + w))).mistake == "found the perimeter instead of the area"
    assert grade(area, f"{l * w} cm²").status == "verified"
    box = MANAGER.generate("md.volume_prisms", 0, 2)
    l, w, h = (box.data[k] for k in ("length", "width", "height"))
    assert grade(box, str(l + w + h)).mistake == "added the edges instead of multiplying"
    assert grade(box, f"{l * w * h}立方厘米").status == "verified"


def test_ruler_and_conversion_mistakes_are_named():
    ruler = find("md.ruler", lambda p: p.data["start"] > 0, (2,))
    assert grade(ruler, str(ruler.data["end"])).mistake == "read the end mark without checking the start"
    zero = MANAGER.generate("md.ruler", 0, 1)
    assert grade(zero, str(zero.answer + 1)).mistake == "counted the tick marks instead of the spaces"
    conv = find("md.convert_units", lambda p: True, (1,))
    factor = int(conv.steps[0].lhs)
    n = int(conv.answer) // factor
    assert grade(conv, str(sympy.Rational(n, factor))).mistake == "converted in the wrong direction"


# ------------------------------------------------------------------------------------------- figures


def test_clock_hands_carry_the_hour_and_minute():
    problem = MANAGER.generate("md.time_five", 3, 2)
    labels, values = figure_numbers(problem.figure.svg)
    assert values == [str(problem.data["hour"]), str(problem.data["minute"])]
    assert (problem.data["hour"], problem.data["minute"]) == tuple(int(v) for v in problem.answer)
    assert labels == []  # the clock face numbers are ticks


def test_labels_are_the_problems_own_numbers():
    rect = MANAGER.generate("md.perimeter", 1, 1)
    labels, _values = figure_numbers(rect.figure.svg)
    assert [numbers_in_text(t) for t in labels] == [{rect.data["length"]}, {rect.data["width"]}]
    coins = MANAGER.generate("md.coins", 2, 2)
    labels, values = figure_numbers(coins.figure.svg)
    assert sorted(int(v) for v in values) == sorted(coins.data["coins"])
    assert all(label.endswith("¢") for label in labels)
    box = MANAGER.generate("md.volume_prisms", 1, 3)
    labels, _values = figure_numbers(box.figure.svg)
    assert labels == [str(box.data["length"]), str(box.data["width"]), "?"]
    graph = MANAGER.generate("md.bar_graphs", 4, 2)
    _labels, values = figure_numbers(graph.figure.svg)
    assert [int(v) for v in values] == graph.data["values"]


def test_chinese_problems_have_the_same_numbers_and_no_english_words():
    for sid in SKILLS:
        for d in (1, 2, 3):
            for seed in range(2):
                en = MANAGER.generate(sid, seed, d, language="en")
                zh = MANAGER.generate(sid, seed, d, language="zh")
                assert (en.answer, en.answer_text) == (zh.answer, zh.answer_text)
                en_texts = [en.statement, en.answer_format, *(s.text for s in en.steps),
                            *(h.text for h in MANAGER.hints(en))]
                zh_texts = [zh.statement, zh.answer_format, *(s.text for s in zh.steps),
                            *(h.text for h in MANAGER.hints(zh))]
                assert CJK.search(zh.statement) and CJK.search(zh.figure.alt if zh.figure else "图")
                for a, b in zip(en_texts, zh_texts, strict=True):
                    assert sorted(NUMBER.findall(a)) == sorted(NUMBER.findall(b)), (en.id, a, b)
                    assert not re.findall(r"[A-Za-z]{2,}", b), (zh.id, b)


# ------------------------------------------------------------------------------------------- agent


def agent_replies(problem):
    node = MANAGER.build_agent("measurement_units")
    return [node({"problem": problem, "hint_level": level}) for level in range(4)]


def test_the_units_agent_reveals_one_piece_per_level_and_the_answer_last():
    problem = find("md.convert_units", lambda p: True, (2,))
    replies = agent_replies(problem)
    assert all(r["handled"] and r["plugin_agent"] == "measurement_units" for r in replies)
    texts = [r["plugin_reply"] for r in replies]
    assert all(len(texts[i].splitlines()) == i + 1 for i in range(3))
    assert texts[0] == f"The answer is asked in {problem.data['unit']}."
    assert problem.data["facts"][0] in texts[1]
    for text in texts[:3]:
        assert problem.answer_text not in text
    assert texts[3].endswith(f"The answer is {problem.answer_text}.")
    for s in problem.steps:
        assert s.text.rstrip(".") in texts[3]


def test_the_units_agent_speaks_the_problems_language_and_declines_other_problems():
    zh = MANAGER.generate("md.elapsed_time", 1, 2, language="zh")
    replies = agent_replies(zh)
    assert all(CJK.search(r["plugin_reply"]) for r in replies)
    assert "1小时 = 60分钟" in replies[1]["plugin_reply"]
    assert str(zh.answer) not in replies[2]["plugin_reply"].replace("60", "")
    other = MANAGER.generate("frac.simplify", 0, 1)
    assert MANAGER.build_agent("measurement_units")({"problem": other, "hint_level": 0})["handled"] is False
    by_seed = MANAGER.build_agent("measurement_units")({"skill_id": "md.coins", "seed": 2, "difficulty": 1})
    assert by_seed["handled"] is True


def test_the_router_chooses_the_units_agent_only_for_measurement_skills():
    from agents.nodes import choose_agent

    assert choose_agent(MANAGER, "why minutes?", {"skill_id": "md.elapsed_time"}) == "measurement_units"
    assert choose_agent(MANAGER, "why?", {"skill_id": "frac.simplify"}) != "measurement_units"


@pytest.mark.asyncio
async def test_a_question_about_a_measurement_problem_reaches_the_units_agent(settings):
    from langgraph.checkpoint.memory import InMemorySaver

    import curriculum.measurement
    from agents.state import problem_ref
    from agents.tutor import build_graph
    from tests.test_agents_routing import nodes_run
    from tests.test_agents_support import make_context
    from tutor.llm.fake import FakeChatModel

    pm = PluginManager()
    pm.add_plugin(curriculum.measurement, "measurement")
    problem = pm.generate("md.elapsed_time", 1, 1)
    ref = problem_ref(replace(problem, hints=tuple(pm.hints(problem))), pm.plugin_of("md.elapsed_time"))
    graph = build_graph(checkpointer=InMemorySaver())
    context = make_context(settings, FakeChatModel(), plugins=pm)
    ran = await nodes_run(graph, context, "Why do we count in minutes here?", thread="md", problem=ref)
    assert "plugin_agent" in ran
    state = await graph.aget_state({"configurable": {"thread_id": "md"}})
    reply = state.values["reply"]
    assert reply["agent"] == "measurement_units"
    assert reply["text"] == f"The answer is asked in {problem.data['unit']}."


def test_a_clock_answer_is_shown_as_a_clock_time_only_at_the_bottom_out():
    problem = MANAGER.generate("md.time_five", 2, 2)
    h, m = (int(v) for v in problem.answer)
    ladder = MANAGER.hints(problem)
    assert ladder[-1].text == f"The answer is {h}:{m:02d} (you may also type {problem.answer_text})."
    assert all(f"{h}:{m:02d}" not in rung.text for rung in ladder[:-1])


def test_a_duration_written_with_sixty_or_more_minutes_is_not_taken_as_right():
    problem = replace(MANAGER.generate("md.elapsed_time", 0, 2), answer=sympy.Integer(120), answer_text="120",
                      misconceptions=())
    assert grade(problem, "2:00").status == "verified"
    assert grade(problem, "1:60").status == "refuted"
