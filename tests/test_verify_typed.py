"""Typed answers read by our own parser, and the well-formedness test Math-Verify's reading must pass."""

from __future__ import annotations

import pytest
import sympy as sp

from tutor.verify import Status
from tutor.verify.typed import compare_typed, plain_symbols, read_answer, reads_as_math

x = sp.Symbol("x")


@pytest.mark.parametrize(
    ("text", "values", "shape"),
    [
        ("2x cos(x^2)", [2 * x * sp.cos(x**2)], "one"),
        ("e^(2x)", [sp.exp(2 * x)], "one"),
        ("x = -2 ± √11", [-2 + sp.sqrt(11), -2 - sp.sqrt(11)], "alternatives"),
        ("{1, 2}", [1, 2], "braces"),
        ("\\{1, 2\\}", [1, 2], "braces"),
        ("1, 2", [1, 2], "list"),
        ("x = 1 or x = 2", [1, 2], "alternatives"),
        ("x_1 = 1, x_2 = 2", [1, 2], "list"),
        ("(1, 2)", [1, 2], "bracketed"),
        ("\\boxed{3/4}", [sp.Rational(3, 4)], "one"),
        ("7,425,000", [7425000], "one"),
    ],
)
def test_read_answer_forms(text, values, shape):
    read = read_answer(text, frozenset("x"))
    assert read is not None
    assert list(read.values) == [sp.sympify(v) for v in values]
    assert read.shape == shape


@pytest.mark.parametrize("text", ["the cat", "cat", "3/+", "1, , 2", "2x = 8", "x ± 1 ± 2 ± 3", ", ".join(["1"] * 9), "1/0"])
def test_read_answer_refuses_what_is_not_a_plain_answer(text):
    assert read_answer(text, frozenset("x")) is None


def test_letters_run_together_only_when_they_are_the_golds_variables():
    assert read_answer("xy", frozenset("xy")) is not None
    assert read_answer("xy", frozenset("x")) is None


def test_plain_symbols_drops_assumptions_by_name():
    real_x = sp.Symbol("x", real=True)
    assert plain_symbols(2 * real_x) == 2 * x


def test_compare_typed_leaves_what_it_cannot_read_to_math_verify():
    assert compare_typed("[0, 1)", sp.Interval.Ropen(0, 1)) is None
    assert compare_typed("(0, 1)", sp.FiniteSet(0, 1)) is None
    assert compare_typed("2x", sp.Eq(x, 4)) is None
    assert compare_typed("2 x", 2 * x) is Status.verified
    assert compare_typed("2, 3", 2) is Status.refuted


@pytest.mark.parametrize(
    ("extracted", "given", "ok"),
    [
        ("12", "The answer is \\boxed{12}", True),
        ("(-6, 10)", "Final Answer: \\((-6, 10)\\). I hope it is correct.", True),
        ("4", "4 cm", True),
        ("3/+", "3/+", False),
        ("2 +* 3", "2 +* 3", False),
        ("the cat", "$the cat$", False),
        ("-2", "-2*foo(2x+8)", False),
        ("1 + \\frac{1}{", "$1 + \\frac{1}{\\mathrm{e}}$", False),
        ("4\\text{ cm}", "$4\\text{ cm}$", True),
    ],
)
def test_reads_as_math(extracted, given, ok):
    assert reads_as_math(extracted, given, frozenset("x")) is ok
