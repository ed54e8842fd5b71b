"""Whole solutions: first wrong step, final answer, not-checkable steps."""

from __future__ import annotations

import pytest

from tutor.verify import Status, check_steps

STEPS = [
    "Her friend will pay $5 x 7 = $35 after 7 days.",
    "Her brother will pay $8 x 7 = $56 after 7 days.",
    "Her cousin will pay $4 x 7 = $28 after 7 days.",
    "Therefore, she will collect $35 + $56 + $28 = $119 after 7 days.",
]


def test_correct_solution_verifies():
    r = check_steps(STEPS, "119")
    assert r.status is Status.verified
    assert r.first_error_step is None


def test_first_wrong_step_is_found():
    steps = STEPS[:2] + ["Her cousin will pay $4 x 7 = $82 after 7 days.", "She collects $35 + $56 + $82 = $173."]
    r = check_steps(steps, "173")
    assert r.status is Status.refuted
    assert r.first_error_step == 2
    assert "28" in r.explanation


def test_final_answer_not_following_is_step_len():
    r = check_steps(STEPS, "1190")
    assert r.status is Status.refuted
    assert r.first_error_step == len(STEPS)
    assert r.checks[-1].expected == "119"


def test_steps_without_math_are_not_checkable_not_correct():
    r = check_steps(["Let P be the pages of chapter one.", "We think carefully about it."], "12")
    assert r.status is Status.undetermined


def test_unchecked_steps_are_named_in_a_verified_solution():
    r = check_steps(["First we read the problem.", "3 + 4 = 7"], "7")
    assert r.status is Status.verified
    assert r.unchecked_steps == [0]
    assert "could not check: 1" in r.explanation


def test_algebra_solution_with_question_equation():
    r = check_steps(["2x + 3 = 11", "2x = 8", "x = 4"], "x = 4", question="Solve 2x + 3 = 11.")
    assert r.status is Status.verified
    bad = check_steps(["2x + 3 = 11", "2x = 14", "x = 7"], "x = 7", question="Solve 2x + 3 = 11.")
    assert bad.status is Status.refuted
    assert bad.first_error_step == 1


def test_no_final_answer_number_is_undetermined():
    assert check_steps(STEPS, "lots").status is Status.undetermined


@pytest.mark.parametrize("steps", [
    # CMATH cmath-dev-228, written by the default model: the last multiplication is said in words only
    ["因为每根木料被锯成3段，所以需要锯的次数是3-1=2次。", "每锯开一处需要5分钟。",
     "最后，我们将锯的次数乘以每锯一次的时间，得到总时间。", "答案是：10分钟"],
    ["She needs 5 - 1 = 4 cuts.", "Each cut takes 3 minutes.", "Multiply the number of cuts by the minutes per cut.",
     "The answer is 12."],
])
def test_a_calculation_said_in_words_after_the_last_one_is_not_a_wrong_final_answer(steps):
    result = check_steps(steps, steps[-1].rsplit(" ", 1)[-1].strip("答案是：分钟."), "")
    assert result.status is not Status.refuted


def test_a_final_answer_unlike_the_last_calculation_is_still_wrong_when_nothing_follows_it():
    result = check_steps(["She needs 5 - 1 = 4 cuts.", "Each cut takes 3 minutes, so 4 x 3 = 12 minutes."], "15", "")
    assert result.status is Status.refuted
