"""Serving problems: only verified problems go out, a plugin's bug is reported and never grades as correct."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sympy

from tutor import hookimpl
from tutor.errors import NotFound, PluginError, ValidationError
from tutor.plugin_api import Grade, Hint, Problem, SkillSpec, Step
from tutor.plugins import PluginManager
from tutor.problems import check, generate, hints, validate_problem, verifier_ready


@pytest.fixture(scope="module")
def manager() -> PluginManager:
    return PluginManager.load(third_party=False)


def _lying_problem(seed: int, difficulty: int) -> Problem:
    two = sympy.Integer(2)
    return Problem(
        id=f"liar.add:{seed}", skill_id="liar.add", statement="What is 2 + 2?", latex="2 + 2",
        answer=sympy.Integer(5), answer_text="5",
        steps=(Step("2 + 2 = 5", lhs=sympy.Add(two, two, evaluate=False), rhs=sympy.Integer(5)),),
    )


def _good_problem(skill_id: str = "toy.add") -> Problem:
    two = sympy.Integer(2)
    return Problem(
        id=f"{skill_id}:1", skill_id=skill_id, statement="What is 2 + 2?", latex="2 + 2",
        answer=sympy.Integer(4), answer_text="4",
        steps=(Step("2 + 2 = 4", lhs=sympy.Add(two, two, evaluate=False), rhs=sympy.Integer(4)),),
    )


class Liar:
    @hookimpl
    def register_skills(self, register):
        register(SkillSpec("liar.add", "Lying addition", "Test"))

    @hookimpl
    def register_generators(self, register):
        class Gen:
            skill_id = "liar.add"
            difficulties = (1,)

            def generate(self, seed, difficulty=1):
                return _lying_problem(seed, difficulty)

        register(Gen())


class Toy:
    """A skill whose generator, checker and hint ladder can each be told to misbehave."""

    def __init__(self, generate_raises=False, check_returns=None, check_raises=False, ladder_raises=False):
        self.generate_raises, self.check_returns = generate_raises, check_returns
        self.check_raises, self.ladder_raises = check_raises, ladder_raises

    @hookimpl
    def register_skills(self, register):
        register(SkillSpec("toy.add", "Toy addition", "Test"))

    @hookimpl
    def register_generators(self, register):
        toy = self

        class Gen:
            skill_id = "toy.add"
            difficulties = (1, 2)

            def generate(self, seed, difficulty=1):
                if toy.generate_raises:
                    raise ZeroDivisionError("division by zero in the generator")
                return _good_problem()

        register(Gen())

    @hookimpl
    def register_checkers(self, register):
        toy = self

        class Checker:
            skill_id = "toy.add"

            def check(self, given, problem):
                if toy.check_raises:
                    raise RuntimeError("checker bug")
                return toy.check_returns

        register(Checker())

    @hookimpl
    def register_hints(self, register):
        def ladder(problem):
            if self.ladder_raises:
                raise KeyError("ladder bug")
            return [Hint("nudge", "Count on from 2.")]

        register("toy.add", ladder)


def toy_manager(**kw) -> PluginManager:
    m = PluginManager()
    m.add_plugin(Toy(**kw), "toy")
    assert m.broken == [], m.broken
    return m


def test_generator_whose_answer_does_not_verify_is_never_served():
    m = PluginManager()
    m.add_plugin(Liar(), "liar")
    with pytest.raises(PluginError, match=r"Plugin liar: .*does not verify.*step 1"):
        generate(m, "liar.add", seed=1)
    assert any("does not verify" in e for e in m.plugins["liar"].errors)


def test_generator_that_raises_is_a_plugin_error_naming_the_plugin():
    m = toy_manager(generate_raises=True)
    with pytest.raises(PluginError, match=r"Plugin toy: the generator for 'toy.add' failed"):
        m.generate("toy.add")
    assert "raised ZeroDivisionError" in m.plugins["toy"].errors[0]


def test_unknown_skill_and_difficulty_errors_list_the_options(manager):
    with pytest.raises(NotFound, match="arith.add_sub"):
        manager.generate("no.such.skill")
    with pytest.raises(ValidationError, match=r"choose one of \(1, 2, 3\)"):
        manager.generate("arith.add_sub", 1, difficulty=9)


def test_validate_problem_lists_each_reason():
    assert validate_problem(_lying_problem(0, 1), "other.skill")[0].startswith("problem is for skill")
    assert validate_problem("not a problem", "x")[0].startswith("expected a Problem")
    assert validate_problem(_lying_problem(0, 1), "liar.add") == ["step 1 ('2 + 2 = 5') is false"]
    empty = Problem(id="e", skill_id="e.x", statement=" ", latex="", answer=None, answer_text="", steps=())
    assert validate_problem(empty, "e.x") == ["no answer", "no worked solution", "no statement"]
    backwards = replace(_good_problem(), hints=(Hint("bottom_out", "4"), Hint("nudge", "Add.")))
    assert "not in the order" in validate_problem(backwards, "toy.add")[0]
    assert validate_problem(_good_problem(), "toy.add") == []


def test_a_written_answer_that_does_not_read_back_is_refused():
    wrong_text = replace(_good_problem(), answer_text="5")
    assert "does not verify as the ground truth" in validate_problem(wrong_text, "toy.add")[0]


def test_verifier_ready_is_asked_once():
    assert verifier_ready() is verifier_ready()
    assert verifier_ready.cache_info().currsize == 1


def test_checker_verdict_is_used_and_a_non_grade_is_undetermined():
    problem = _good_problem()
    refuted = Grade("refuted", "Not in lowest terms.", "not_lowest_terms")
    assert check(toy_manager(check_returns=refuted), problem, "4") is refuted
    assert toy_manager(check_returns="yes!").check(problem, "4").status == "undetermined"


def test_checker_that_raises_is_undetermined_never_correct_and_reported():
    m = toy_manager(check_raises=True)
    grade = m.check(_good_problem(), "4")
    assert grade.status == "undetermined" and "not graded" in grade.explanation
    assert "checker for 'toy.add' raised" in m.plugins["toy"].errors[0]


def test_without_a_checker_the_verifier_grades(manager):
    problem = manager.generate("arith.add_sub", 3)
    assert "arith.add_sub" not in manager.checkers
    assert check(manager, problem, problem.answer_text).status == "verified"


def test_hints_come_from_the_ladder_then_the_problem_then_a_default():
    problem = _good_problem()
    assert hints(toy_manager(), problem) == (Hint("nudge", "Count on from 2."),)
    broken = toy_manager(ladder_raises=True)
    fallback = broken.hints(problem)
    assert [h.level for h in fallback][0] == "nudge" and fallback[-1].level == "bottom_out"
    assert "hint ladder raised" in broken.plugins["toy"].errors[0]
    own = replace(problem, skill_id="no.ladder", hints=(Hint("nudge", "Mine."),))
    assert hints(broken, own) == (Hint("nudge", "Mine."),)
