"""The number_system plugin (NS, grades 6–8): typed forms, named misconceptions and figures drawn from the numbers."""

from __future__ import annotations

import re

import pytest
import sympy

import curriculum.number_system as ns
from tutor.figures import figure_numbers, figure_problems
from tutor.plugins import PluginManager

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def pm() -> PluginManager:
    import plugins.arithmetic
    import plugins.fractions
    import plugins.integers

    m = PluginManager()
    for module, name in ((plugins.arithmetic, "arithmetic"), (plugins.fractions, "fractions"),
                         (plugins.integers, "integers"), (ns, "number_system")):
        m.add_plugin(module, name)
    return m


def test_skills_cover_grades_6_to_8_with_real_standards(pm):
    specs = [pm.skills[s] for s, name in pm.skill_plugin.items() if name == "number_system"]
    assert len(specs) >= 8
    assert {s.grade_min for s in specs} == {6, 7, 8}
    assert all(s.standards[0].startswith(str(s.grade_min) + ".") for s in specs)
    assert {s.domain for s in specs} == {"NS", "EE"}


def test_absolute_value_keeping_the_sign_is_named(pm):
    for seed in range(10):
        problem = pm.generate("ns.absolute_compare", seed, 1)
        a, b = problem.data["first"], problem.data["second"]
        grade = pm.check(problem, str(a + b))
        assert grade.status == "refuted" and grade.mistake == "ignored the absolute value bars"


def test_comparing_negatives_by_their_digits_is_named(pm):
    problem = pm.generate("ns.absolute_compare", 0, 2)
    smaller = min(problem.data["first"], problem.data["second"])
    grade = pm.check(problem, str(smaller))
    assert grade.mistake == "compared the numbers without their signs"
    assert pm.check(problem, problem.answer_text).status == "verified"


def test_subtracting_a_negative_as_subtracting_is_named(pm):
    seen = False
    for seed in range(10):
        problem = pm.generate("ns.add_sub_rational", seed, 2)
        for m in problem.misconceptions:
            if m.tag == "subtracted a negative as if it were positive":
                assert pm.check(problem, sympy.sstr(m.answer)).mistake == m.tag
                seen = True
    assert seen


def test_gcf_and_lcm_swapped_are_named(pm):
    gcf = pm.generate("ns.gcf_lcm", 1, 1)
    a, b = gcf.data["numbers"]
    assert pm.check(gcf, str(sympy.ilcm(a, b))).mistake == "found the LCM instead of the GCF"
    lcm = pm.generate("ns.gcf_lcm", 1, 2)
    a, b = lcm.data["numbers"]
    if sympy.igcd(a, b) != sympy.ilcm(a, b):
        assert pm.check(lcm, str(sympy.igcd(a, b))).mistake == "found the GCF instead of the LCM"


def test_square_root_as_half_is_named_and_the_side_reads_with_its_unit(pm):
    problem = pm.generate("ns.roots", 2, 3)
    n = problem.data["area"]
    grade = pm.check(problem, str(sympy.Rational(n, 2)))
    assert grade.mistake == "took the square root as half the number"
    assert pm.check(problem, f"{problem.answer_text} cm").status == "verified"
    assert problem.figure.kind == "shape"


def test_irrational_roots_are_typed_with_the_root_sign(pm):
    problem = pm.generate("ns.rational_irrational", 0, 1)
    k = problem.data["not_square"]
    assert pm.check(problem, f"√{k}").status == "verified"
    assert pm.check(problem, f"sqrt({problem.data['perfect_square']})").mistake == \
        "thought every square root is irrational"
    pi = pm.generate("ns.rational_irrational", 0, 3)
    assert pm.check(pi, "pi").mistake == "thought pi is a fraction"


def test_decimal_points_misplaced_are_named(pm):
    problem = pm.generate("ns.decimals", 3, 2)
    grade = pm.check(problem, sympy.sstr(problem.answer * 10))
    assert grade.status == "refuted" and grade.mistake == "put the decimal point in the wrong place"


@pytest.mark.parametrize(("skill_id", "difficulty"), [("ns.integers_line", 1), ("ns.integers_line", 2),
                                                      ("ns.absolute_compare", 3), ("ns.estimate_roots", 3)])
def test_number_lines_mark_the_problems_numbers(pm, skill_id, difficulty):
    for seed in range(5):
        problem = pm.generate(skill_id, seed, difficulty)
        assert problem.figure.kind == "number_line"
        assert figure_problems(problem.figure, problem.data, answer=problem.answer,
                               statement=problem.statement) == []
        _labels, values = figure_numbers(problem.figure.svg)
        assert values


def test_estimate_lies_between_the_marked_whole_numbers(pm):
    for seed in range(5):
        problem = pm.generate("ns.estimate_roots", seed, 3)
        lo, hi = problem.data["roots"]
        assert lo < sympy.sqrt(problem.data["number"]) < hi
        assert problem.answer in (lo, hi)


def test_chinese_text(pm):
    problem = pm.generate("ns.divide_fractions", 1, 2, language="zh")
    assert CJK.search(problem.statement) and all(CJK.search(s.text) for s in problem.steps)
    assert all(CJK.search(m.explanation) for m in problem.misconceptions)
