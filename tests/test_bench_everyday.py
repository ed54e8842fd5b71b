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
