"""bench/everyday.py reads a reply's final answer the way the tutor does (no model needed)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def everyday():
    spec = importlib.util.spec_from_file_location("bench_everyday", ROOT / "bench" / "everyday.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("text", "gold", "final"), [
    # four right replies the first held-out run scored as wrong by picking a number out of them
    ("(3x - 2)^2 = 9x^2 - 12x + 4", "9x^2 - 12x + 4", "9x^2 - 12x + 4"),
    ("The derivative of 3x^4 - 5x^2 + 7 is 12x^3 - 10x.", "12x^3 - 10x", "12x^3 - 10x"),
    ("So, the equation of the line is \\( y = 3x - 1 \\).", "y = 3x - 1", "y = 3x - 1"),
    ("The area of the room is 4.5 m × 3 m = 13.5 m².", "13.5 m^2", "13.5 m²"),
    ("Let's add. The answer is 46 meters of fencing.", "46 m", "46 meters of fencing"),
])
def test_a_right_reply_is_scored_right_whatever_sentence_states_its_answer(everyday, text, gold, final):
    q = {"id": "t", "kind": "symbolic", "subject": "-", "question": "q", "gold": gold}
    row = everyday.score(q, "verified", text)
    assert row["final"] == final and row["class"] == "verified and right"


def test_a_wrong_reply_is_still_scored_wrong(everyday):
    q = {"id": "t", "kind": "symbolic", "subject": "-", "question": "q", "gold": "12x^3 - 10x"}
    assert everyday.score(q, "verified", "The derivative is 12x^3 - 10.")["class"] == "wrongly verified"
    assert everyday.score(q, "undetermined", "The derivative is 12x^3 - 10.")["class"] == "shown wrong (any mark)"


def test_rows_of_the_latency_bench_are_scored_with_the_gold_of_their_questions(everyday):
    """bench/reply_latency.py saves the same replies with their timings and no gold: one run gives both figures."""
    questions = [{"id": "q1", "question": "what is 6 x 7", "gold": "42", "kind": "numeric", "subject": "arithmetic"},
                 {"id": "q2", "question": "what is 5 x 5", "gold": "25", "kind": "numeric", "subject": "arithmetic"}]
    saved = [{"id": "q1", "status": "verified", "text": "6 × 7 = 42\nThe answer is 42.", "final": 3.5},
             {"id": "q2", "status": "verified", "text": "The answer is 24.", "final": 2.0}]
    rows = everyday.rescore(saved, questions)
    assert [r["class"] for r in rows] == ["verified and right", "wrongly verified"]
    assert [r["seconds"] for r in rows] == [3.5, 2.0] and rows[0]["final"] == "42"


def test_a_decimal_rounded_from_a_fraction_that_never_ends_is_scored_right_to_the_places_written(everyday):
    q = {"id": "t", "kind": "word", "subject": "-", "question": "q", "gold": "7/12"}
    assert everyday.score(q, "verified", "所以，答案是：0.5833。")["class"] == "verified and right"
    assert everyday.score(q, "verified", "The answer is 0.59.")["class"] == "wrongly verified"
    assert everyday.score(q, "verified", "The answer is 0.6.")["class"] == "wrongly verified"  # one place: too coarse
    ended = {**q, "gold": "0.255"}
    assert everyday.score(ended, "verified", "The answer is 0.26.")["class"] == "wrongly verified"


def test_a_students_typed_answer_is_still_graded_exactly():
    from tutor.verify import compare_answers

    assert compare_answers("0.58", "7/12").status.value == "refuted"  # a fractions lesson does not take 0.58
