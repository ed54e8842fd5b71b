"""Checking one draft reply (agents/replycheck.py): three-way, like the verifier."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from agents.replycheck import assess_draft, check_dict, status_name
from tutor import verify
from tutor.verify import compare_answers


def assess(draft: str, **options):
    return assess_draft(draft, check_text=verify.check_text, compare_answers=compare_answers, **options)


def test_status_name_never_reads_an_unknown_status_as_verified():
    assert status_name(compare_answers("7", 7).status) == "verified"
    assert status_name(compare_answers("8", 7).status) == "refuted"
    assert status_name("verified") == "verified"
    for odd in (None, "correct", "VERIFIED", True):
        assert status_name(odd) == "undetermined"


def test_check_dict_keeps_what_the_log_needs():
    check = SimpleNamespace(claim="x" * 1500, kind="arithmetic", status="refuted", expected=7, explanation=None)
    assert check_dict(check) == {"claim": "x" * 1000, "kind": "arithmetic", "status": "refuted", "expected": 7,
                                 "explanation": ""}
    assert check_dict(object())["status"] == "undetermined"


def test_a_correct_calculation_is_verified():
    verdict = assess("Ben has 3 + 4 = 7 apples.")
    assert verdict.status == "verified"
    assert verdict.verified == ["3 + 4 = 7"]
    assert verdict.refuted == [] and verdict.findings == []


def test_a_wrong_calculation_is_refuted_with_the_correct_value():
    verdict = assess("Ben has 3 + 4 = 8 apples.")
    assert verdict.status == "refuted"
    assert [c["claim"] for c in verdict.refuted] == ["3 + 4 = 8"]
    assert verdict.findings == ["The statement '3 + 4 = 8' is wrong; the correct value is 7."]


def test_nothing_checkable_is_undetermined_not_verified():
    verdict = assess("Let's read the question together first.")
    assert verdict.status == "undetermined"
    assert verdict.checks == []


def test_stating_the_answer_before_an_attempt_is_refuted_in_socratic_mode():
    options = dict(gold=12, answer_text="12", statement="Sam has 7 apples and gets 5 more. How many now?")
    leaked = assess("The answer is 12.", forbid_answer=True, **options)
    assert leaked.status == "refuted"
    assert [c["kind"] for c in leaked.refuted] == ["answer_leak"]
    assert "Do not state the answer (12)" in leaked.findings[0]
    assert assess("The answer is 12.", forbid_answer=False, **options).status != "refuted"  # after an attempt
    assert assess("What do you get when you add 7 and 5?", forbid_answer=True, **options).status == "undetermined"


def test_a_final_answer_is_checked_against_the_reference():
    draft = "3 + 4 = 7, so the answer is 7."
    agreed = assess(draft, expects_answer=True, reference="7")
    assert agreed.status == "verified"
    disagreed = assess(draft, expects_answer=True, reference="8")
    assert disagreed.status == "refuted"
    assert "disagrees with an independent calculation" in disagreed.findings[-1]


def test_a_final_answer_nothing_independent_confirmed_stays_undetermined():
    # The arithmetic is right, but whether 7 answers the question is unchecked.
    verdict = assess("3 + 4 = 7, so the answer is 7.", expects_answer=True)
    assert verdict.status == "undetermined"
    assert verdict.verified == ["3 + 4 = 7"]
    assert verdict.checks[-1]["kind"] == "resolve" and verdict.checks[-1]["status"] == "undetermined"


@pytest.mark.parametrize(("votes", "status", "disputed"), [
    ({"7": 3}, "verified", False),
    ({"9": 4}, "refuted", False),  # every program got 9, none 7
    ({"9": 3}, "undetermined", True),  # outvoted by several programs: worth a repair, not yet wrong
    ({"9": 1}, "undetermined", False),  # one program against it is too thin to argue
])
def test_votes_of_the_re_solve_judge_the_final_answer(votes, status, disputed):
    verdict = assess("3 + 4 = 7, so the answer is 7.", expects_answer=True, votes=votes, reference="9")
    assert verdict.status == status
    assert bool(verdict.disputed) is disputed
    assert bool(verdict.findings) is (status == "refuted" or disputed)


@pytest.mark.parametrize(("draft", "status"), [
    ("2 × 2 × 3 × 7 = 84", "verified"),  # was refuted: read as the answer 84, not in factored form
    ("So 2 × 2 × 3 × 7 = 84.", "verified"),
    ("2 × 2 × 21 = 84", "refuted"),  # 21 is not prime: no side is the factorisation
    ("2 × 2 × 3 × 7 = 84\nThe answer is 84.", "refuted"),  # an answer stated in words is read as stated
])
def test_a_closing_chain_states_the_side_in_the_asked_form(draft, status):
    """ev021 explained by the default model: a right prime factorisation whose line ends with its value."""
    solution = verify.solve_question("prime factorization of 84")
    verdict = assess(draft, question="prime factorization of 84", reference=solution.answer,
                     reference_text=solution.answer_text, reference_source="sympy", form=solution.form,
                     expects_answer=True)
    assert verdict.status == status


@pytest.mark.parametrize(("draft", "votes", "status"), [
    # held-out Chinese set 4: "(x－1)²/(x＋1)²" was read as the number 1, which three programs also printed
    ("所以，答案是(x－1)² / (x＋1)²。", {"1": 3}, "undetermined"),
    ("The answer is (x - 1)/(x + 1).", {"1": 3}, "undetermined"),
    # an equation's answer stated whole still agrees with the programs' number, and a set with their set
    ("So the answer is x = 7.", {"7": 3}, "verified"),
    ("The answer is x = 2 or x = 5.", {"{2, 5}": 3}, "verified"),
    ("The answer is x = 2.", {"{2, 5}": 4}, "refuted"),
    # a measured answer is a number with its unit, not a variable
    ("The answer is 5 m.", {"5": 3}, "verified"),
])
def test_a_final_answer_with_a_variable_is_judged_whole_by_the_programs(draft, votes, status):
    verdict = assess(draft, expects_answer=True, votes=votes, reference=next(iter(votes)))
    assert verdict.checks[-1]["kind"] == "resolve" and verdict.checks[-1]["status"] == status


def test_a_closing_expression_is_not_verified_by_a_number_picked_out_of_it():
    # held-out Chinese set 5: the reply's last number (12) and the programs' printed "…- 12" agreed by accident
    verdict = assess("因此，(2x - 3)(x + 4)展开等于 2x^2 + 5x - 12。", expects_answer=True, votes={"12": 3},
                     reference="12")
    assert verdict.checks[-1]["claim"] == "final answer 2x^2 + 5x - 12"
    assert verdict.checks[-1]["status"] != "verified"


def test_a_computation_answered_with_no_number_is_not_shown():
    # Chinese set 6: the model said a repair note back ("re-read the question and recompute") as its reply
    verdict = assess("好的，请你重新阅读题目，设置它并重新计算。", expects_answer=True, votes={"-5": 2})
    assert verdict.status == "refuted"
    assert verdict.checks[-1]["kind"] == "no_final_answer"
    # a reply with its answer in it is judged as before
    assert assess("So the answer is 7.", expects_answer=True, votes={"7": 3}).status == "verified"
