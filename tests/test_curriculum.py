"""The grades 1–8 curriculum (issue 16): coverage by grade and Common Core domain, standards, a sensible skill
graph, misconceptions recognised, figures drawn from the problem's data, and every string in Chinese.

The generator harness proper (answers and worked solutions verify, written answers read back, wrong answers
refuted, no hint leaks, figures match their data through ``validate_problem``) runs over every skill in
``tests/test_gen_builtin.py``; this file adds what is particular to the curriculum.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import sympy
from babel.messages.pofile import read_po

from plugins._common import plain
from tutor.figures import figure_numbers, safe_svg
from tutor.plugin_api import CC_DOMAINS, Translator, standard_domain
from tutor.plugin_i18n import extract, placeholders
from tutor.plugins import PluginManager

ROOT = Path(__file__).resolve().parents[1]
CURRICULUM = sorted(p.name for p in (ROOT / "curriculum").iterdir() if (p / "__init__.py").exists())
MANAGER = PluginManager.load(third_party=False)
SEEDS = range(10)
GRADE_DOMAINS = {
    1: {"OA", "NBT", "MD", "G"}, 2: {"OA", "NBT", "MD", "G"}, 3: {"OA", "NBT", "NF", "MD", "G"},
    4: {"OA", "NBT", "NF", "MD", "G"}, 5: {"OA", "NBT", "NF", "MD", "G"}, 6: {"RP", "NS", "EE", "G", "SP"},
    7: {"RP", "NS", "EE", "G", "SP"}, 8: {"NS", "EE", "F", "G", "SP"},
}
"""The Common Core domains of each grade (K–8 standards)."""


def curriculum_skills() -> list[str]:
    return sorted(sid for sid, name in MANAGER.skill_plugin.items() if name in CURRICULUM)


def in_grade(grade: int) -> list:
    return [s for s in MANAGER.skills.values() if s.grade_min <= grade <= s.grade_max]


def test_every_curriculum_plugin_loads_without_errors():
    for name in CURRICULUM:
        info = MANAGER.plugins[name]
        assert info.ok, (name, info.errors)
        assert info.languages == ("en", "zh"), name


def test_at_least_100_skills_for_grades_1_to_8_and_10_per_grade():
    grades_1_8 = [s for s in MANAGER.skills.values() if s.grade_min <= 8 and s.grade_max >= 1]
    assert len(grades_1_8) >= 100, len(grades_1_8)
    for grade in range(1, 9):
        assert len(in_grade(grade)) >= 10, (grade, len(in_grade(grade)))


@pytest.mark.parametrize("grade", range(1, 9))
def test_every_common_core_domain_of_a_grade_has_skills(grade):
    have = {s.domain for s in in_grade(grade)}
    assert GRADE_DOMAINS[grade] <= have, GRADE_DOMAINS[grade] - have


def test_every_skill_names_valid_standards_and_a_known_domain():
    for spec in MANAGER.skills.values():
        assert spec.standards or spec.domain == "CALC", f"{spec.id} names no Common Core standard"
        for code in spec.standards:
            assert standard_domain(code) or spec.domain == "CALC", (spec.id, code)
        assert spec.domain in CC_DOMAINS, (spec.id, spec.domain)


def test_the_skill_graph_has_no_cycles_and_prerequisites_come_no_later_in_school():
    assert not [e for info in MANAGER.plugins.values() for e in info.errors if "prerequisite" in e]
    for spec in MANAGER.skills.values():
        for pre in spec.prerequisites:
            assert MANAGER.skills[pre].grade_min <= spec.grade_min, (spec.id, pre)


@pytest.mark.parametrize("skill_id", curriculum_skills())
def test_two_common_wrong_answers_are_recognised_and_named(skill_id):
    """Typing a misconception's answer is refuted with its tag and explanation (never 'not quite' alone)."""
    gen = MANAGER.generators[skill_id]
    tags = Counter()
    for difficulty in gen.difficulties:
        for seed in SEEDS:
            problem = MANAGER.generate(skill_id, seed, difficulty, language="en")
            for m in problem.misconceptions:
                typed = m.answer if isinstance(m.answer, str) else plain(m.answer) if not isinstance(
                    m.answer, tuple) else "(" + ", ".join(plain(v) for v in m.answer) + ")"
                grade = MANAGER.check(problem, typed)
                assert grade.status == "refuted", (problem.statement, typed, grade)
                assert grade.mistake == m.tag and grade.explanation == m.explanation, (problem.statement, typed)
                tags[m.tag] += 1
            # the right answer is never taken for a misconception
            assert MANAGER.check(problem, problem.answer_text).status == "verified", problem.statement
    assert len(tags) >= 2, f"{skill_id}: misconceptions recognised {dict(tags)}"


def test_misconception_feedback_and_tags_are_in_chinese():
    skill_id = curriculum_skills()[0]
    problem = MANAGER.generate(skill_id, 0, 1, language="zh")
    assert problem.misconceptions
    import re

    assert all(re.search(r"[\u4e00-\u9fff]", m.explanation) for m in problem.misconceptions)
    from tutor.plugin_i18n import translate_any

    assert all(re.search(r"[\u4e00-\u9fff]", translate_any(m.tag, "zh")) for m in problem.misconceptions)


def test_figures_come_in_many_kinds_and_are_safe_to_show():
    kinds = Counter()
    for skill_id in curriculum_skills():
        for difficulty in MANAGER.generators[skill_id].difficulties:
            problem = MANAGER.generate(skill_id, 0, difficulty, language="en")
            if problem.figure is None:
                continue
            kinds[problem.figure.kind] += 1
            cleaned = safe_svg(problem.figure.svg)
            assert cleaned and "<script" not in cleaned
            labels, values = figure_numbers(cleaned)  # the sanitiser keeps what the checks read
            assert (labels, values) == figure_numbers(problem.figure.svg)
    assert len(kinds) >= 8, kinds
    for kind in ("number_line", "clock", "bar_graph", "coordinate_plane"):
        assert kind in kinds, (kind, kinds)


@pytest.mark.parametrize("name", CURRICULUM)
def test_every_string_of_a_curriculum_plugin_has_a_chinese_translation(name):
    """Fix: ``python -m curriculum.kit <name>`` merges new strings into the catalogue; then translate them."""
    translator = Translator(ROOT / "curriculum" / name / "locale", name)
    assert translator.catalogues() == ["zh"]
    with translator.catalogue_path("zh").open("rb") as f:
        shipped = read_po(f, locale="zh", domain=name)
    marked = [m for m in extract(ROOT / "curriculum" / name, domain=name) if m.id]
    assert len(marked) > 20
    missing = [m.id for m in marked if not (found := shipped.get(m.id)) or not found.string or found.fuzzy]
    assert not missing, f"{len(missing)} string(s) without a zh translation: {missing[:10]}"
    mismatched = [(m.id, shipped.get(m.id).string) for m in marked
                  if placeholders(m.id) != placeholders(shipped.get(m.id).string)]
    assert not mismatched, mismatched[:10]


def test_a_misconception_answer_equal_to_the_right_one_is_dropped():
    from plugins._common import Draft, SeededGenerator, step
    from tutor.plugin_api import Misconception

    def make(rng, level):
        return Draft("2 + 2?", "2 + 2", sympy.Integer(4), "4", [step("2 + 2 = 4", sympy.Integer(4), 4)], "Add.",
                     misconceptions=[Misconception("doubled", sympy.Integer(4), "2 × 2 is 4 too."),
                                     Misconception("multiplied", sympy.Integer(5), "no"),
                                     Misconception("again", sympy.Integer(5), "no")])

    problem = SeededGenerator("t.add", make).generate(0, 1)
    assert [m.tag for m in problem.misconceptions] == ["multiplied"]


def test_the_curriculum_page_is_generated_from_the_plugins_and_up_to_date():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "curriculum_doc.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_an_inequality_answer_is_compared_by_the_numbers_it_describes():
    """A misconception 'x >= 3' for the answer 'x > 3' is kept (different answers); '3 < x' is the same one."""
    from tutor.plugin_api import claim_holds

    x = sympy.Symbol("x", real=True)
    assert claim_holds(sympy.Gt(x, 3), sympy.Lt(3, x)) is True
    assert claim_holds(sympy.Gt(x, 3), sympy.Ge(x, 3)) is False
    assert claim_holds(sympy.Gt(x, 3), sympy.Integer(3)) is False
    assert claim_holds(sympy.Gt(sympy.Symbol("x"), 3), sympy.Gt(x, 3)) is True  # the same letter, whatever its assumptions
