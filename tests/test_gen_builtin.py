"""Property tests: every built-in generator, over many seeds and every difficulty, makes problems that verify."""

from __future__ import annotations

import re

import pytest
import sympy

from plugins._common import plain
from tutor.plugin_api import HINT_LEVELS, Step, compare_answers, default_hints
from tutor.plugins import PluginManager, claim_holds, validate_problem

SEEDS = range(10)
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


def wrong_answer(answer) -> str:
    """A wrong answer of the same shape, typed: one more, or one root / coordinate moved by one."""
    if isinstance(answer, frozenset):
        items = sorted(answer, key=sympy.default_sort_key)
        return "{" + ", ".join(plain(v) for v in [items[0] + 1, *items[1:]]) + "}"
    if isinstance(answer, tuple):
        return "(" + ", ".join(plain(v) for v in [answer[0] + 1, *answer[1:]]) + ")"
    if isinstance(answer, sympy.Rel):  # an inequality: its boundary moved by one
        return plain(answer.func(answer.lhs, answer.rhs + 1))
    return plain(answer + 1)




@pytest.mark.parametrize(("skill_id", "difficulty"), CASES)
def test_written_answers_read_back_and_a_wrong_answer_is_refuted(skill_id, difficulty):
    for seed in SEEDS:
        problem = MANAGER.generate(skill_id, seed, difficulty)
        assert compare_answers(problem.answer_text, problem.answer).status == "verified", problem.answer_text
        wrong = wrong_answer(problem.answer)
        assert compare_answers(wrong, problem.answer).status == "refuted", (problem.answer_text, wrong)


def test_quadratic_formula_hard_level_has_irrational_roots_that_read_back_in_every_form():
    for seed in SEEDS:
        problem = MANAGER.generate("quad.formula", seed, 3)
        roots = sorted(problem.answer, key=float)
        assert len(roots) == 2 and not any(r.is_rational for r in roots), problem.statement
        assert "sqrt(" in problem.answer_text
        assert any(s.text.startswith("Discriminant") and s.lhs is not None for s in problem.steps)
        mid, half = (roots[0] + roots[1]) / 2, (roots[1] - roots[0]) / 2
        for typed in (
            "{" + problem.answer_text + "}",
            f"x = {plain(roots[0])} or x = {plain(roots[1])}",
            f"{plain(mid)} ± {plain(half)}",
            f"{plain(roots[1])}, {plain(roots[0])}",
        ):
            assert compare_answers(typed, problem.answer).status == "verified", typed
        for wrong in (plain(roots[1]), f"{plain(mid)} ± {plain(half + 1)}", f"{plain(mid + 1)} ± {plain(half)}"):
            assert compare_answers(wrong, problem.answer).status != "verified", wrong


def test_product_rule_uses_exp_then_trig_and_refutes_u_prime_v_prime():
    seen = set()
    for seed in SEEDS:
        for difficulty in (2, 3):
            problem = MANAGER.generate("calc.product_rule", seed, difficulty)
            statement = problem.statement
            seen |= {f for f in ("e^x", "sin(x)", "cos(x)") if f in statement}
            if difficulty == 2:
                assert "e^x" in statement and "e^x" in problem.answer_text
            du, dv = problem.steps[0].rhs, problem.steps[1].rhs
            # The classic mistake (u'v')' = u'v' is refuted, whichever spelling of exp it uses.
            assert compare_answers(plain(du * dv), problem.answer).status == "refuted", statement
            assert compare_answers(sympy.sstr(problem.answer), problem.answer).status == "verified"
    assert seen == {"e^x", "sin(x)", "cos(x)"}


def test_chain_rule_uses_exp_of_a_polynomial_and_refutes_a_forgotten_inner_derivative():
    kinds = set()
    for seed in SEEDS:
        for difficulty in (2, 3):
            problem = MANAGER.generate("calc.chain_rule", seed, difficulty)
            kinds |= {k for k in ("e^(", "sin(", "cos(", ")^") if k in problem.statement}
            if difficulty == 3 and "e^(" in problem.statement:
                assert "e^(x^2" in problem.statement and "x*e^(x^2" in problem.answer_text
            outer_only = problem.steps[1].rhs
            assert compare_answers(plain(outer_only), problem.answer).status == "refuted", problem.statement
            assert compare_answers(sympy.sstr(problem.answer), problem.answer).status == "verified"
    assert kinds == {"e^(", "sin(", "cos(", ")^"}


NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:/\d+)?(?!\w)")


def leaks(text: str, problem) -> list[str]:
    """What in ``text`` states the problem's final answer.

    The answer's written form anywhere; a number the verifier reads as the answer
    (or as one root / coordinate of it) that the statement does not already show;
    or anything after an ``=`` (that the statement does not show after an ``=``)
    that the verifier reads as the answer or a part of it.
    """
    answer = problem.answer
    targets = [answer, *(answer if isinstance(answer, (tuple, frozenset)) else ())]
    found = []
    squash = re.sub(r"\s+", "", problem.answer_text).lower()
    if not NUMBER.fullmatch(problem.answer_text.strip()) and squash in re.sub(r"\s+", "", text).lower():
        found.append(problem.answer_text)
    shown = set(NUMBER.findall(problem.statement))
    candidates = [(t, t in shown) for t in NUMBER.findall(text)]
    said = re.sub(r"\s+", "", problem.statement)
    for m in re.finditer(r"=\s*([^=\n;]+)", text):
        seg = m.group(1).strip().rstrip(".")
        if text[m.end():].lstrip().startswith("= ?"):
            continue  # "Base area = π × 7² = ?": what the student is to work out, as in "15 + 19 = ?"
        candidates.append((seg, "=" + re.sub(r"\s+", "", seg) in said))  # "= 0" of the equation itself
    for token, in_statement in candidates:
        if in_statement or not token or token == "?":
            continue
        if any(compare_answers(token, t).status == "verified" for t in targets):
            found.append(token)
    return found


@pytest.mark.parametrize(("skill_id", "difficulty"), CASES)
def test_no_hint_before_the_bottom_out_states_the_answer(skill_id, difficulty):
    for seed in range(5):
        problem = MANAGER.generate(skill_id, seed, difficulty)
        ladder = MANAGER.hints(problem)
        assert [h.level for h in ladder] == list(HINT_LEVELS)
        for rung in ladder[:-1]:
            assert leaks(rung.text, problem) == [], (rung.level, rung.text, problem.answer_text)
        # The ladder escalates: the method, then a step of the solution, each different from the last.
        assert len({h.text for h in ladder}) == 4, ladder
        assert problem.answer_text in ladder[-1].text


def test_one_step_ladder_does_not_give_the_answer_as_the_hint():
    """Regression: the "hint" rung of a one-step problem used to be its only step, ``15 + 19 = 34``."""
    steps = (Step("15 + 19 = 34", lhs=sympy.Add(15, 19, evaluate=False), rhs=sympy.Integer(34)),)
    for answer in (sympy.Integer(34), None):
        ladder = default_hints(steps, "34", "Line the numbers up by place value.", answer=answer)
        assert [h.level for h in ladder] == list(HINT_LEVELS)
        assert all("34" not in h.text for h in ladder[:-1]), ladder
        assert ladder[2].text == "15 + 19 = ?"
        assert "34" in ladder[-1].text
    with_method = default_hints(steps, "34", "Add.", method="Add the tens, then the ones.", answer=sympy.Integer(34))
    assert with_method[1].text == "Add the tens, then the ones."
    # A method or nudge that states the answer is replaced, never shown early.
    leaky = default_hints(steps, "34", "It is 34.", method="Write 34.", answer=sympy.Integer(34))
    assert all("34" not in h.text for h in leaky[:-1])


def test_worked_step_shows_leading_steps_but_stops_before_the_result():
    x = sympy.Symbol("x")
    steps = (
        Step("Undo the + 2: 3x = 12", lhs=3 * x, rhs=sympy.Integer(12)),
        Step("Divide by 3: x = 4", lhs=x, rhs=sympy.Integer(4)),
        Step("Check: 3·4 + 2 = 14", lhs=3 * x + 2, rhs=sympy.Integer(14)),
    )
    ladder = default_hints(steps, "4", "Undo it.", method="Undo in reverse order.", answer=sympy.Integer(4))
    assert ladder[2].text == "Undo the + 2: 3x = 12."
    roots = frozenset({-2 + sympy.sqrt(11), -2 - sympy.sqrt(11)})
    quad = (
        Step("Discriminant: 44", lhs=sympy.Integer(44), rhs=sympy.Integer(44)),
        Step("x = -2 ± sqrt(11)", lhs=sympy.FiniteSet(*roots), rhs=sympy.FiniteSet(*roots)),
    )
    ladder = default_hints(quad, "-2 + sqrt(11), -2 - sqrt(11)", "Quadratic.", answer=roots)
    assert ladder[2].text == "Discriminant: 44." and "sqrt(11)" not in " ".join(h.text for h in ladder[:-1])
