"""Behaviour particular to the base_ten curriculum plugin (place value and whole numbers, NBT grades 1–5)."""

from __future__ import annotations

import pytest

from tutor.figures import figure_numbers
from tutor.plugins import PluginManager

MANAGER = PluginManager.load(third_party=False)
SKILLS = sorted(sid for sid, name in MANAGER.skill_plugin.items() if name == "base_ten")


def gen(sid, seed=0, level=1, language="en"):
    return MANAGER.generate(sid, seed, level, language=language)


def test_skills_cover_grades_one_to_five_with_nbt_standards():
    assert len(SKILLS) >= 11
    grades = {g for sid in SKILLS for g in range(MANAGER.skills[sid].grade_min, MANAGER.skills[sid].grade_max + 1)}
    assert grades == {1, 2, 3, 4, 5}
    assert all(MANAGER.skills[sid].domain == "NBT" for sid in SKILLS)


def test_subtraction_without_regrouping_is_named():
    p = gen("nbt.sub_100", 1, 2)
    a, b = p.data["a"], int(p.statement.split("−")[1].strip(" ?"))
    wrong = sum(abs(int(x) - int(y)) * 10**k for k, (x, y) in enumerate(zip(str(a)[::-1], str(b).zfill(2)[::-1])))
    grade = MANAGER.check(p, str(wrong))
    assert grade.status == "refuted" and grade.mistake == "subtracted the smaller digit from the larger"


def test_forgot_carried_ten_is_named():
    p = gen("nbt.add_100", 2, 2)
    grade = MANAGER.check(p, str(p.answer - 10))
    assert grade.mistake == "forgot the carried ten"


def test_remainders_read_as_a_child_writes_them():
    p = gen("nbt.divide", 3, 1)
    q, r = p.answer
    for typed in (f"{q} R {r}", f"{q} r {r}", f"{q} remainder {r}", f"{q}……{r}", f"{q}, {r}", f"{q}余{r}"):
        assert MANAGER.check(p, typed).status == "verified", typed
    assert MANAGER.check(p, f"{q}.{r}").mistake == "wrote the remainder as a decimal"
    assert MANAGER.check(p, f"{q + 1} R {r}").status == "refuted"


def test_a_five_rounds_up_and_rounding_down_is_named():
    seen = set()
    for seed in range(30):
        p = gen("nbt.round", seed, 1)
        n = p.data["n"]
        assert p.answer == (n + 5) // 10 * 10
        if n % 10 == 5:
            assert MANAGER.check(p, str(n - 5)).mistake == "rounded a 5 down"
            seen.add(5)
    assert seen


def test_figures_are_drawn_from_the_numbers():
    p = gen("nbt.add_100", 0, 2)
    assert p.figure.kind == "base_ten_blocks"
    labels, _values = figure_numbers(p.figure.svg)
    assert sorted(int(x) for x in labels if x.strip().isdigit()) == sorted([p.data["a"], p.data["b"]])
    blocks = gen("nbt.tens_ones", 0, 1)
    rods = blocks.figure.svg.count("#bbf7d0")
    assert rods == blocks.data["tens"]
    line = gen("nbt.round", 0, 1).figure
    assert line.kind == "number_line" and figure_numbers(line.svg)[1] == [str(line.data["n"])]
    assert gen("nbt.multiply", 0, 2).figure.kind == "area_model"
    assert gen("nbt.decimals", 0, 1).figure.kind == "place_value_chart"


def test_place_value_zero_is_not_left_out():
    for seed in range(20):
        p = gen("nbt.place_value_1000", seed, 1)
        if p.data["tens"] == 0:
            h, o = p.data["hundreds"], p.data["ones"]
            assert MANAGER.check(p, f"{h}{o}").mistake == "left out the zero place"
            return
    pytest.fail("no problem with zero tens")


def test_an_order_may_be_written_with_less_than_signs():
    p = gen("nbt.compare", 0, 1)
    a, b, c = p.answer
    assert MANAGER.check(p, f"{a} < {b} < {c}").status == "verified"
    assert MANAGER.check(p, f"{a}<{b}<{c}").status == "verified"
    assert MANAGER.check(p, f"{c} < {b} < {a}").mistake == "ordered from greatest to least"
    assert MANAGER.check(p, f"{a}, {b}, {c}").status == "verified"


def test_a_remainder_too_big_is_named_in_the_form_a_child_writes():
    p = gen("nbt.divide", 3, 1)
    q, r = p.answer
    assert MANAGER.check(p, f"{q - 1} R {r + p.data['d']}").mistake == "remainder bigger than the divisor"
