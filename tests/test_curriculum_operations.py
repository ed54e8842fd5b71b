"""Behaviour particular to the operations curriculum plugin (operations and algebraic thinking, OA grades 1–5)."""

from __future__ import annotations

from tests.test_plugin_languages import NUMBER
from tutor.figures import figure_numbers
from tutor.plugins import PluginManager

MANAGER = PluginManager.load(third_party=False)
SKILLS = sorted(sid for sid, name in MANAGER.skill_plugin.items() if name == "operations")


def gen(sid, seed=0, level=1, language="en"):
    return MANAGER.generate(sid, seed, level, language=language)


def test_skills_cover_grades_one_to_five_with_oa_standards():
    assert len(SKILLS) >= 10
    grades = {g for sid in SKILLS for g in range(MANAGER.skills[sid].grade_min, MANAGER.skills[sid].grade_max + 1)}
    assert grades == {1, 2, 3, 4, 5}
    assert all(MANAGER.skills[sid].domain == "OA" for sid in SKILLS)


def test_word_problems_use_chinese_names_in_chinese():
    zh = gen("oa.word_100", 1, 1, "zh")
    assert any(name in zh.statement for name in ("小明", "小红", "小华", "小丽", "小军", "小芳", "小亮", "小雨"))


def test_counting_on_from_the_start_is_named():
    p = gen("oa.facts_20", 0, 1)
    assert MANAGER.check(p, str(p.answer - 1)).mistake == "counted the starting number"
    assert MANAGER.check(p, p.answer_text).status == "verified"


def test_parentheses_ignored_is_named():
    p = gen("oa.expressions", 2, 1)
    a, b, c = (int(t) for t in NUMBER.findall(p.data["expression"]))
    assert p.answer == a * (b + c)
    assert MANAGER.check(p, str(a * b + c)).mistake == "ignored the parentheses"


def test_factors_read_in_any_order_and_missing_ends_are_named():
    p = gen("oa.factors", 0, 1)
    fs = sorted(p.answer)
    assert MANAGER.check(p, ", ".join(str(f) for f in reversed(fs))).status == "verified"
    grade = MANAGER.check(p, ", ".join(str(f) for f in fs[1:-1]))
    assert grade.status == "refuted" and grade.mistake == "left out 1 and the number itself"


def test_one_is_not_prime():
    p = gen("oa.factors", 0, 3)
    assert 1 in p.data["options"]
    assert MANAGER.check(p, "1").mistake == "thought 1 is prime"


def test_figures_are_drawn_from_the_numbers():
    arr = gen("oa.arrays", 0, 1)
    assert arr.figure.kind == "array"
    assert arr.figure.svg.count("<circle") == arr.data["rows"] * arr.data["cols"]
    frames = gen("oa.facts_20", 0, 1)
    assert frames.figure.kind == "ten_frame"
    assert frames.figure.svg.count("<circle") == frames.data["a"] + frames.data["b"]
    groups = gen("oa.mult_groups", 0, 1)
    assert groups.figure.kind == "equal_groups"
    assert groups.figure.svg.count("<circle") == groups.data["groups"] * (groups.data["each"] + 1)
    line = gen("oa.unknown_addend", 0, 1).figure
    assert line.kind == "number_line"
    assert sorted(figure_numbers(line.svg)[1]) == sorted(str(v) for v in (line.data["a"], line.data["c"]))
