"""More of the ways people type a question the recogniser answers (tutor.verify.recognise): misspelt keywords,
conversions asked the other way round, definite integrals written "from a to b of", lines and functions, exact
trig values, a preamble before a form and one shape inside an everyday story; and what each must leave alone."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import sympy as sp

from tutor.verify import solve_question
from tutor.verify.recognise.spelling import correct_spelling

ROOT = Path(__file__).resolve().parents[1]


def _answer(question: str):
    solution = solve_question(question)
    assert solution is not None, question
    return solution


# --- misspelt keywords ---------------------------------------------------------------------------------------

MISSPELT = [
    ("whats the hypotnuse if the legs are 3 and 4", 5),
    ("probablity of rolling a 6 on a dice", sp.Rational(1, 6)),
    ("perimiter of a rectangle 8 by 5", 26),
    ("circumfrence of a circle with radius 3", 6 * sp.pi),
    ("avarage of 3, 5, 7", 5),
    ("squareroot of 49", 7),
    ("factorize x^2 + 5x + 6", sp.factor(sp.Symbol("x") ** 2 + 5 * sp.Symbol("x") + 6)),
    ("are of a trinagle with base 6 and height 4", None),  # "are" is a word: not "area"
    ("area of a triangel with base 6 and height 4", 12),
    ("volumn of a cube with side 3", 27),
    ("what is the diamter of a circle with radius 4", 8),
]


@pytest.mark.parametrize("question, answer", MISSPELT)
def test_misspelt_keywords_are_read_as_the_keyword_meant(question, answer):
    solution = solve_question(question)
    if answer is None:
        assert solution is None
    else:
        assert solution is not None and sp.simplify(solution.answer - answer) == 0, question


@pytest.mark.parametrize("word, fixed", [
    ("hypotnuse", "hypotenuse"), ("probablity", "probability"), ("perimiter", "perimeter"),
    ("circumfrence", "circumference"), ("diffrent", "different"), ("avarage", "average"),
    ("squareroot", "square root"), ("thru", "through"), ("can u", "can you"), ("whats", "what is"),
    ("cylindar", "cylinder"),
])
def test_a_misspelling_within_an_edit_or_two_of_one_keyword_is_corrected(word, fixed):
    assert correct_spelling(word) == fixed


@pytest.mark.parametrize("text", [
    "probably", "perimeters", "area", "are", "mean", "men", "squared", "radios", "integer", "medium", "parameter",
    "problem", "minute", "u + 3 = 5", "solve for u: 2u = 8", "x", "12345", "factorise", "Anderson", "differ",
    "the men are probably right", "rectangles", "integrated",
])
def test_ordinary_words_numbers_and_letters_are_not_corrected(text):
    assert correct_spelling(text) == text
