"""Answer equivalence: our guarded Math-Verify wrapper against Math-Verify's own test cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sympy as sp

from tutor.verify import Status, compare_answers
from tutor.verify.answers import equivalent

CASES = [json.loads(line) for line in (Path(__file__).parent / "data" / "mathverify_equiv.jsonl").read_text().splitlines()]


def _config(case) -> dict:
    cfg = case["config"]
    if not cfg:
        return {}
    return {"match_types": tuple(cfg["match_types"]), "precision": cfg["precision"], "strict": cfg["strict"],
            "allow_set_relation_comp": cfg["allow_set_relation_comp"]}


def _math_verify_itself(case) -> bool:
    """What plain Math-Verify says, configured the same way (the reference)."""
    from math_verify import ExprExtractionConfig, LatexExtractionConfig, parse, verify

    cfg = _config(case)
    types = cfg.get("match_types", ("latex", "expr"))
    configs = ([LatexExtractionConfig()] if "latex" in types else []) + ([ExprExtractionConfig()] if "expr" in types else [])
    gold, pred = parse(case["gold"], extraction_config=configs), parse(case["pred"], extraction_config=configs)
    return verify(gold, pred, float_rounding=cfg.get("precision", 6), strict=cfg.get("strict", True),
                  allow_set_relation_comp=cfg.get("allow_set_relation_comp", False))


def test_we_pass_every_case_math_verify_passes():
    failures = []
    passed_by_reference = 0
    for case in CASES:
        if _math_verify_itself(case) != case["expected"]:
            continue  # Math-Verify itself disagrees with this case
        passed_by_reference += 1
        ours = equivalent(case["gold"], case["pred"], **_config(case))
        ok = ours is Status.verified if case["expected"] else ours is not Status.verified
        if not ok:
            failures.append((case["id"], case["gold"], case["pred"], case["expected"], ours))
    assert passed_by_reference >= 260
    assert failures == []


@pytest.mark.parametrize(
    ("given", "gold"),
    [
        ("x = 4", 4),
        ("x = 4", "4"),
        ("0.5", "\\frac{1}{2}"),
        ("\\frac{3}{4}", "0.75"),
        ("{1, 2}", sp.FiniteSet(1, 2)),
        ("(1, 2)", (1, 2)),
        ("[0, 1)", sp.Interval.Ropen(0, 1)),
        ("The answer is \\boxed{12}", "12"),
        ("7,425,000", "7425000"),
    ],
)
def test_equivalent_answers_verify(given, gold):
    assert compare_answers(given, gold).status is Status.verified


@pytest.mark.parametrize(("given", "gold"), [("5", "4"), ("{1, 3}", sp.FiniteSet(1, 2)), ("(0, 1)", sp.Interval.Ropen(0, 1))])
def test_different_answers_are_refuted(given, gold):
    c = compare_answers(given, gold)
    assert c.status is Status.refuted
    assert c.explanation


@pytest.mark.parametrize("given", ["banana", "", "9**9**9**9", "1" * 30_000, "\x07"])
def test_garbage_is_undetermined(given):
    assert compare_answers(given, "4").status is Status.undetermined


def test_works_off_the_main_thread():
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(compare_answers, "{1,2}", sp.FiniteSet(1, 2)).result().status is Status.verified
