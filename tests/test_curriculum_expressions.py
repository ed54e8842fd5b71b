"""The expressions plugin (grades 6–8: ratios, expressions, equations, functions): what is particular to its skills.

The shared harness (answers verify, hints do not leak, figures match their data, Chinese everywhere) runs in
tests/test_gen_builtin.py, tests/test_curriculum.py and tests/test_plugin_languages.py."""

from __future__ import annotations

import re

import pytest
import sympy

from curriculum.expressions.shared import solution
from plugins._common import x
from tutor.figures import figure_numbers, numbers_in, numbers_in_text
from tutor.plugins import PluginManager

MANAGER = PluginManager.load(third_party=False)
CJK = re.compile(r"[\u4e00-\u9fff]")


def first(skill_id: str, difficulty: int, test, seeds=range(40), language: str = "en"):
    """The first problem of a skill at a level (by seed) for which ``test(problem)`` holds."""
    for seed in seeds:
        problem = MANAGER.generate(skill_id, seed, difficulty, language=language)
        if test(problem):
            return problem
    raise AssertionError(f"no {skill_id} problem at level {difficulty} passes the test")


def tag_of(problem, typed: str) -> str:
    grade = MANAGER.check(problem, typed)
    assert grade.status == "refuted", (problem.statement, typed, grade)
    return grade.mistake


def test_the_plugin_loads_with_its_skills_in_grades_6_to_8():
    assert MANAGER.plugins["expressions"].ok, MANAGER.plugins["expressions"].errors
    ids = [s for s, name in MANAGER.skill_plugin.items() if name == "expressions"]
    assert len(ids) >= 16
    domains = {MANAGER.skills[s].domain for s in ids}
    assert {"RP", "EE", "F"} <= domains
    assert all(6 <= MANAGER.skills[s].grade_min <= MANAGER.skills[s].grade_max <= 8 for s in ids)


def test_inequality_answers_compare_as_solution_sets():
    from tutor.plugin_api import claim_holds

    gt = solution(x, ">", 3)
    assert claim_holds(gt, solution(x, ">", 3)) is True and claim_holds(sympy.Lt(3, x), gt) is True
    assert claim_holds(solution(x, ">=", 3), gt) is False
    assert claim_holds(gt, sympy.Integer(3)) is False  # a number is never an inequality's answer


def test_a_child_writes_an_inequality_in_any_usual_form():
    problem = first("ee.inequalities", 2, lambda p: p.answer.rel_op == ">=")
    bound = problem.answer_text.split()[-1]
    for typed in (f"x >= {bound}", f"x ≥ {bound}", f"x>={bound}", f"{bound} <= x"):
        assert MANAGER.check(problem, typed).status == "verified", typed
    assert tag_of(problem, f"x > {bound}") != "switched the inequality sign"
    assert tag_of(problem, f"x <= {bound}") == "switched the inequality sign"


def test_open_and_closed_circles_on_the_number_line():
    problem = first("ee.inequalities", 1, lambda p: p.answer.rel_op == ">=")
    s = problem.data["boundary"]
    assert problem.figure.kind == "number_line"
    assert f'data-value="{s}"' in problem.figure.svg and "fill=\"#2563eb\"" in problem.figure.svg  # a filled circle
    assert MANAGER.check(problem, f"x >= {s}").status == "verified"
    assert tag_of(problem, f"x > {s}") == "mixed up open and closed circles"
    assert tag_of(problem, f"x <= {s}") == "read the ray the wrong way"


def test_dividing_by_a_negative_flips_the_sign_and_forgetting_is_named():
    problem = first("ee.two_step_ineq", 2, lambda p: True)
    assert "flip" in " ".join(s.text for s in problem.steps)
    op = {">": "<", "<": ">", ">=": "<=", "<=": ">="}[problem.answer.rel_op]
    typed = f"x {op} {problem.answer.rhs}"
    assert tag_of(problem, typed) == "did not flip the sign for a negative divisor"


def test_base_times_exponent_and_first_term_only_are_recognised():
    power = first("ee.exponent_expr", 1, lambda p: True)
    b, n = map(int, re.findall(r"\d+", power.statement)[:2])
    assert tag_of(power, str(b * n)) == "multiplied the base by the exponent"
    expand = first("ee.equivalent", 1, lambda p: True)
    a, c = map(int, re.findall(r"\d+", expand.statement)[:2])
    assert MANAGER.check(expand, f"{a}x + {a * c}").status == "verified"
    assert MANAGER.check(expand, f"{a * c} + {a}x").status == "verified"
    assert tag_of(expand, f"{a}x + {c}") == "distributed to the first term only"


def test_scientific_notation_must_be_written_in_scientific_notation():
    problem = first("ee.sci_notation", 1, lambda p: True)
    coef, exp = problem.answer_text.split(" × 10^")
    for typed in (problem.answer_text, f"{coef} x 10^{exp}", f"{coef}*10^{exp}", f"{coef} × 10^({exp})"):
        assert MANAGER.check(problem, typed).status == "verified", typed
    plain_number = str(problem.answer)
    grade = MANAGER.check(problem, plain_number)
    assert (grade.status, grade.mistake) == ("refuted", "not_scientific_notation")
    big = sympy.Rational(coef) * 10
    grade = MANAGER.check(problem, f"{sympy.nsimplify(big)} × 10^{int(exp) - 1}")
    assert (grade.status, grade.mistake) == ("refuted", "not_scientific_notation")
    assert tag_of(problem, f"{coef} × 10^{int(exp) - 1}") == "exponent off by one"
    small = first("ee.sci_notation", 2, lambda p: True)
    c2, e2 = small.answer_text.split(" × 10^")
    assert tag_of(small, f"{c2} × 10^{e2.strip('()').lstrip('-')}") == "wrong sign on the exponent"


def test_slope_run_over_rise_and_the_sign_are_named():
    problem = first("ee.slope", 1, lambda p: p.answer != 1)
    m = problem.answer
    assert tag_of(problem, str(1 / m)) == "used run over rise"
    assert tag_of(problem, str(-m)) == "got the sign of the slope wrong"
    labels, _values = figure_numbers(problem.figure.svg)
    (x1, y1), (x2, y2) = problem.data["A"], problem.data["B"]
    assert {f"A({x1}, {y1})", f"B({x2}, {y2})"} <= set(labels)


def test_percent_change_is_measured_against_the_original_amount():
    problem = first("rp.percent_change", 2, lambda p: "went up" in p.statement)
    old, new = problem.data["old"], problem.data["new"]
    assert tag_of(problem, str(sympy.Rational((new - old) * 100, new))) == "divided by the new value"
    for typed in (problem.answer_text, f"{problem.answer_text}%", f"{problem.answer_text} %"):
        assert MANAGER.check(problem, typed).status == "verified", typed
    assert MANAGER.check(problem, f"{problem.answer + 1}%").status == "refuted"
    sale = first("rp.percent_change", 1, lambda p: "on sale" in p.statement)
    for typed in (f"${sale.answer_text}", sale.answer_text, f"{sale.answer_text} $"):
        assert MANAGER.check(sale, typed).status == "verified", typed
    zh = MANAGER.generate("rp.percent_change", sale.seed, 1, language="zh")
    assert MANAGER.check(zh, f"{zh.answer_text}元").status == "verified"
    assert tag_of(sale, str(sale.data["price"] - sale.data["p"])) == "subtracted the percent as a number"


@pytest.mark.parametrize(("skill_id", "difficulty", "kind"), [
    ("rp.ratio_tables", 1, "ratio_table"), ("rp.percent_whole", 3, "tape_diagram"), ("rp.proportional", 1, "table"),
    ("rp.proportional", 2, "coordinate_plane"), ("ee.two_step_eq", 1, "tape_diagram"), ("fn.tables", 2, "table"),
    ("fn.linear", 1, "table"), ("ee.systems_graph", 1, "coordinate_plane"), ("ee.inequalities", 1, "number_line"),
])
def test_figures_show_the_problems_numbers_and_not_the_answer(skill_id, difficulty, kind):
    problem = MANAGER.generate(skill_id, 3, difficulty)
    assert problem.figure is not None and problem.figure.kind == kind
    labels, _values = figure_numbers(problem.figure.svg)
    shown = set().union(*(numbers_in_text(label) for label in labels)) if labels else set()
    assert shown <= numbers_in(dict(problem.figure.data))
    if kind in ("table", "ratio_table"):
        cells = [v for row in problem.figure.data.values() for v in row if v != "?"]
        assert sorted(map(str, cells)) == sorted(t for t in labels if re.fullmatch(r"-?\d+", t))
    if getattr(problem.answer, "is_Rational", False) and not isinstance(problem.answer, tuple):
        assert problem.answer not in shown or str(problem.answer) in problem.statement


def test_a_ratio_table_leaves_the_unknown_cell_as_a_question_mark():
    problem = MANAGER.generate("rp.ratio_tables", 0, 1)
    labels, _values = figure_numbers(problem.figure.svg)
    assert "?" in labels and problem.answer_text not in labels
    assert tag_of(problem, str(problem.data["b"] + problem.data["c"] - problem.data["a"])) == (
        "added instead of multiplying")


def test_systems_answer_is_a_point_and_swapping_is_named():
    problem = first("ee.systems_graph", 1, lambda p: True)
    x0, y0 = problem.answer
    assert MANAGER.check(problem, f"({x0}, {y0})").status == "verified"
    assert MANAGER.check(problem, f"x = {x0}, y = {y0}").status == "verified"
    assert tag_of(problem, f"({y0}, {x0})") == "swapped x and y"


def test_chinese_problems_use_yuan_and_chinese_feedback():
    problem = first("rp.percent_change", 1, lambda p: True, language="zh")
    assert "元" in problem.statement and "$" not in problem.statement and CJK.search(problem.answer_format)
    assert all(CJK.search(m.explanation) for m in problem.misconceptions)
    plan = MANAGER.generate("fn.compare", 0, 2, language="zh")
    assert "方案" in plan.statement
    zh = MANAGER.localized_skill("ee.sci_notation", "zh")
    assert zh.title == "科学记数法"
