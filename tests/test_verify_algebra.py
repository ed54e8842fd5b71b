"""Algebra and calculus step pairs."""

from __future__ import annotations

import pytest

from tutor.verify import Status, check_step_pair
from tutor.verify.algebra import solution_satisfies


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("2x+3=11", "2x=8"),
        ("2x=8", "x=4"),
        ("(a+b)^2", "a^2+2ab+b^2"),
        ("d/dx x^3", "3x^2"),
        ("\\frac{d}{dx} x^2 + 5x", "2x+5"),
        ("∫ 2x dx", "x^2 + 7"),
        ("x^2 - 5x + 6 = 0", "(x-2)(x-3) = 0"),
    ],
)
def test_valid_steps_verify(before, after):
    assert check_step_pair(before, after).status is Status.verified


def test_cancelling_notes_the_excluded_value():
    c = check_step_pair("(x^2-1)/(x-1)", "x+1")
    assert c.status is Status.verified
    assert "x ≠ 1" in c.explanation


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("2x+3=11", "x=5", "4"),
        ("d/dx x^3", "3x", "3*x^2"),
        ("(a+b)^2", "a^2+b^2", None),
    ],
)
def test_wrong_steps_are_refuted(before, after, expected):
    c = check_step_pair(before, after)
    assert c.status is Status.refuted
    if expected:
        assert c.expected == expected


def test_dividing_by_x_loses_a_solution():
    c = check_step_pair("x^2 = 4", "x = 2")
    assert c.status is Status.refuted
    assert "-2" in c.explanation


def test_equation_without_solution_is_a_false_premise():
    c = check_step_pair("x + 1 = x + 2", "x = 3")
    assert c.status is Status.refuted
    assert c.kind == "false_premise"


def test_mixing_equation_and_expression_is_undetermined():
    assert check_step_pair("2x+3=11", "8").status is Status.undetermined


def test_claimed_solution_satisfies_equation():
    assert solution_satisfies("2x+3=11", "x = 4").status is Status.verified
    assert solution_satisfies("2x+3=11", "5").status is Status.refuted


def test_solution_that_divides_by_zero_is_a_false_premise():
    c = solution_satisfies("1/(x-2) = 1", "x = 2")
    assert c.status is Status.refuted
    assert c.kind == "false_premise"


@pytest.mark.parametrize(("after", "status"), [
    ("x^2 + C", Status.verified),  # was refuted: differentiated by C, whose name sorts before x
    ("x^2 + K", Status.verified),
    ("2x^2 + C", Status.refuted),
])
def test_an_antiderivative_with_its_named_constant_is_checked_in_the_integrals_variable(after, status):
    assert check_step_pair("∫ 2x dx", after).status is status
