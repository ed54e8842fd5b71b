"""Property tests: every built-in generator, over many seeds and every difficulty, makes problems that verify."""

from __future__ import annotations

import pytest
import sympy

from tutor.plugin_api import HINT_LEVELS
from tutor.plugins import PluginManager, claim_holds, validate_problem, verifier_ready

SEEDS = range(6)
MANAGER = PluginManager.load(third_party=False)
CASES = [(sid, d) for sid, gen in sorted(MANAGER.generators.items()) for d in gen.difficulties]


def test_every_builtin_skill_has_a_generator_with_three_levels():
    assert len(CASES) == 3 * len(MANAGER.skills)


@pytest.mark.parametrize(("skill_id", "difficulty"), CASES)
def test_generated_answers_and_worked_solutions_verify(skill_id, difficulty):
    gen = MANAGER.generators[skill_id]
    statements = set()
    for seed in SEEDS:
        problem = gen.generate(seed, difficulty)
        assert validate_problem(problem, skill_id) == [], (seed, problem.statement)
        # Same seed, same problem; every claimed step holds under the answer's bindings.
        assert gen.generate(seed, difficulty) == problem
        checked = [s for s in problem.steps if s.lhs is not None]
        assert checked, "a worked solution must make at least one checkable claim"
        assert all(claim_holds(s.lhs, s.rhs, problem.bindings) is True for s in checked)
        assert [h.level for h in problem.hints] == list(HINT_LEVELS)
        assert problem.id == f"{skill_id}:{difficulty}:{seed}"
        statements.add(problem.statement)
    assert len(statements) >= 3, "seeds should give varied problems"


@pytest.mark.parametrize(("skill_id", "difficulty"), CASES)
def test_written_answers_read_back_through_the_verifier(skill_id, difficulty):
    if not verifier_ready():
        pytest.skip("the verifier cannot read answers yet (tutor.verify returns undetermined)")
    from tutor.plugin_api import compare_answers

    for seed in range(2):
        problem = MANAGER.generate(skill_id, seed, difficulty)
        assert compare_answers(problem.answer_text, problem.answer).status == "verified"
        wrong = problem.answer + 1 if isinstance(problem.answer, sympy.Basic) and not isinstance(problem.answer, sympy.Set) else None
        if wrong is not None:
            assert compare_answers(sympy.sstr(wrong), problem.answer).status == "refuted"
