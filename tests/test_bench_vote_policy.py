"""bench/vote_policy.py replays vote rules over stored program answers the way the tutor judges them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tutor.verify import compare_answers

_spec = importlib.util.spec_from_file_location(
    "vote_policy", Path(__file__).resolve().parent.parent / "bench" / "vote_policy.py")
vote_policy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(vote_policy)


def row(draft, programs, gold):
    return {"id": "q", "question": "?", "gold": gold, "draft": draft, "draft_right": draft == gold,
            "programs": programs}


def rule(samples=6, against=True):
    return {"votes": 2, "margin": 2, "samples": samples, "draft_against": against}


def test_two_agreeing_programs_verify_a_draft_after_one_round():
    assert vote_policy.replay(row("7", ["7", "7", "1", "1", "1", "1"], "7"), compare_answers, **rule()) == \
        ("verified", 2, "7")


def test_a_split_four_is_settled_by_a_budget_of_six_only():
    r = row("8", ["8", "4", "8", None, "8", "8"], "8")
    assert vote_policy.replay(r, compare_answers, **rule(samples=4)) == ("undetermined", 4, "8")
    assert vote_policy.replay(r, compare_answers, **rule(samples=6)) == ("verified", 6, "8")


def test_the_first_draft_weighs_against_the_repair_that_overrules_it():
    r = row("24", ["36", "36", "36", "24", "36", "24"], "24")
    assert vote_policy.replay(r, compare_answers, **rule(against=False)) == ("verified", 4, "36")
    assert vote_policy.replay(r, compare_answers, **rule(against=True))[0] == "undetermined"
