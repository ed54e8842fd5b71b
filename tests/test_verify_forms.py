"""Answers in the form a question asks for: factored, expanded, simplest."""

import pytest

from tutor.verify.forms import in_form
from tutor.verify.result import Status


@pytest.mark.parametrize(("text", "form", "status"), [
    ("(x + 3)(x + 4)", "factored", Status.verified),
    ("(x+3)^2", "factored", Status.verified),
    ("x^2 + 7x + 12", "factored", Status.refuted),
    ("x^2 - 3x - 10", "expanded", Status.verified),
    ("(x + 2)(x - 5)", "expanded", Status.refuted),
    ("4/5", "simplest", Status.verified),
    ("8/10", "simplest", Status.refuted),
    ("x = 4/5", "simplest", Status.verified),
    ("(x + 1)^50", "expanded", Status.refuted),  # read off the tree, never expanded
    ("(x + 1)^5000", "expanded", Status.undetermined),  # too big to read: not decided
    ("@@", "factored", Status.undetermined),
    ("anything", None, Status.verified),
])
def test_in_form(text, form, status):
    assert in_form(text, form) is status


def test_a_ratio_is_in_simplest_form_only_when_its_terms_share_no_factor():
    assert in_form("2:3", "simplest") is Status.verified
    assert in_form("4:6", "simplest") is Status.refuted


@pytest.mark.parametrize(("text", "status"), [
    ("2^2 × 3 × 7", Status.verified),
    ("2 × 2 × 3 × 7", Status.verified),
    ("84", Status.refuted),  # equal, but not a factorisation
    ("2 * 42", Status.refuted),  # 42 is not prime
])
def test_a_prime_factorisation_has_only_primes(text, status):
    assert in_form(text, "factored") is status


def test_in_a_chain_the_form_is_read_from_the_last_part():
    from tutor.verify.forms import in_form

    assert in_form(r"84 = 2^2 \times 3 \times 7", "factored") is Status.verified
    assert in_form("2 × 42 = 84", "factored") is Status.refuted
    assert in_form("16/20 = 4/5", "simplest") is Status.verified
    assert in_form("4/5 = 16/20", "simplest") is Status.refuted
