"""Independent re-solve: majority vote, and verify-steps --resolve never lets a disagreement read as correct."""

from __future__ import annotations

import io
import json

from agents.resolve import Resolution, extract_code, majority, normalise_number
from agents.solution_check import apply_resolution, make_resolver
from tests.test_agents_support import fake_run_code, pot
from tutor.cli.verify import verify_lines
from tutor.llm.fake import FakeChatModel
from tutor.verify import SolutionCheck, Status, compare_answers

RECORD = {"id": "c1", "question": "Sam has 5 pens and buys 3 more. How many pens?",
          "steps": ["5 * 3 = 15"], "final_answer": "15"}


def test_majority_needs_a_quorum_and_no_tie():
    assert majority(["8", "8", "15"], 2) == ("8", {"8": 2, "15": 1})
    assert majority(["8", "15", None], 2)[0] is None
    assert majority([None, None], 1) == (None, {})


def test_numbers_are_normalised_for_voting():
    assert [normalise_number(v) for v in ("8.0", "8", "2/4", "$1,200", "x")] == ["8", "8", "0.5", "1200", None]


def test_code_is_taken_from_the_fenced_block():
    assert extract_code("Here:\n```python\nresult = 1\n```\nDone") == "result = 1"


def test_disagreeing_resolve_refutes_a_solution_the_steps_could_not_fault():
    steps_ok = SolutionCheck(Status.verified, None, [], "All steps check out.")
    out = apply_resolution(RECORD, steps_ok, Resolution("8", {"8": 2}), compare_answers)
    assert out.status is Status.refuted and out.first_error_step == 1
    agreed = apply_resolution(RECORD | {"final_answer": "8"}, steps_ok, Resolution("8", {"8": 2}), compare_answers)
    assert agreed.status is Status.verified
    no_majority = apply_resolution(RECORD, steps_ok, Resolution(None, {"8": 1, "15": 1}), compare_answers)
    assert no_majority.status is Status.undetermined


def test_verify_steps_with_resolver_uses_the_model_and_sandbox():
    llm = FakeChatModel(pot("5 + 3"), pot("5 + 3"))
    resolver = make_resolver(llm, fake_run_code, compare_answers, samples=3)
    out = io.StringIO()
    verify_lines([json.dumps(RECORD)], out, resolver)
    verdict = json.loads(out.getvalue())
    assert verdict["verdict"] == "wrong" and verdict["first_error_step"] == 1
    assert len(llm.history) == 2  # two agreeing samples settle a 3-sample vote
