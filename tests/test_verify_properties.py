"""Property tests: random correct steps verify, perturbed ones are refuted."""

from __future__ import annotations

from fractions import Fraction

import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from tutor.verify import Status, check_step_pair, check_text

ints = st.integers(min_value=-999, max_value=999)
small = st.integers(min_value=1, max_value=99)
ops = st.sampled_from(["+", "-", "*", "/"])


def _apply(a: int, op: str, b: int) -> Fraction:
    return {"+": Fraction(a + b), "-": Fraction(a - b), "*": Fraction(a * b), "/": Fraction(a, b)}[op]


def _show(v: Fraction) -> str:
    return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"


@settings(max_examples=60, deadline=None)
@given(a=ints, b=small, op=ops)
def test_true_arithmetic_verifies(a, b, op):
    text = f"{a} {op} {b} = {_show(_apply(a, op, b))}"
    checks = check_text(text)
    assert [c.status for c in checks] == [Status.verified], text


@settings(max_examples=60, deadline=None)
@given(a=ints, b=small, op=ops, delta=st.integers(min_value=1, max_value=50))
def test_perturbed_arithmetic_is_refuted(a, b, op, delta):
    text = f"{a} {op} {b} = {_show(_apply(a, op, b) + delta)}"
    assert [c.status for c in check_text(text)] == [Status.refuted], text


@settings(max_examples=30, deadline=None)
@given(k=st.integers(min_value=1, max_value=9), c=st.integers(-20, 20), root=st.integers(-20, 20))
def test_solving_linear_equation_verifies(k, c, root):
    rhs = k * root + c
    assert check_step_pair(f"{k}x + {c} = {rhs}", f"x = {root}").status is Status.verified
    assert check_step_pair(f"{k}x + {c} = {rhs}", f"{k}x = {rhs - c}").status is Status.verified


@settings(max_examples=30, deadline=None)
@given(k=st.integers(min_value=1, max_value=9), c=st.integers(-20, 20), root=st.integers(-20, 20),
       delta=st.integers(min_value=1, max_value=5))
def test_wrong_root_is_refuted(k, c, root, delta):
    assert check_step_pair(f"{k}x + {c} = {k * root + c}", f"x = {root + delta}").status is Status.refuted


@settings(max_examples=30, deadline=None)
@given(a=st.integers(1, 9), b=st.integers(-9, 9), n=st.integers(2, 4))
def test_expansion_verifies_and_perturbation_is_refuted(a, b, n):
    x = sp.Symbol("x")
    expanded = str(sp.expand((a * x + b) ** n)).replace("**", "^")
    assert check_step_pair(f"({a}x + {b})^{n}", expanded).status is Status.verified
    assert check_step_pair(f"({a}x + {b})^{n}", expanded + " + 1").status is Status.refuted
