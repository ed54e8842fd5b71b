"""Chinese step-verification benchmark: ``tutor verify-steps`` on the planted-error CMATH set (issue 15).

Usage: ``python bench/verify_steps_zh.py [DATA.jsonl] [--split dev|heldout|all]``
(default: bench/data/cmath_zh_steps.jsonl, built by bench/plant_zh.py; split: all, reported per part).

Per part (dev = even CMATH index, held out = odd): precision, recall and F1 of flagging the wrong
solutions (a case is flagged when the verdict is ``wrong``), the share of right solutions called wrong,
undetermined verdicts, and, as in bench/verify_steps.py, how many flagged wrong cases name the planted
step (the final answer counting as step ``len(steps)``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from verify_steps import ROOT, run_cli  # noqa: E402

DEFAULT = ROOT / "bench" / "data" / "cmath_zh_steps.jsonl"


def flag_scores(cases: list[dict], verdicts: list[dict]) -> dict:
    """Precision/recall/F1 of the verdict ``wrong`` against the label, and more, for one part of the set."""
    tp = fp = fn = located = right_n = right_wrong = right_ok = 0
    undetermined = 0
    by_kind: dict[str, list[int]] = {}
    for case, v in zip(cases, verdicts, strict=True):
        flagged = v["verdict"] == "wrong"
        undetermined += v["verdict"] == "undetermined"
        if case["label"] == "correct":
            right_n += 1
            fp += flagged
            right_wrong += flagged
            right_ok += v["verdict"] == "correct"
            continue
        tp += flagged
        fn += not flagged
        step = case["error_step"] if case["error_step"] is not None else len(case["steps"])
        located += flagged and v["first_error_step"] == step
        counts = by_kind.setdefault(case["error_kind"], [0, 0])
        counts[0] += flagged
        counts[1] += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(cases), "precision": precision, "recall": recall, "f1": f1,
            "right_called_wrong": right_wrong / right_n if right_n else 0.0, "right_n": right_n,
            "right_verified": right_ok / right_n if right_n else 0.0, "undetermined": undetermined,
            "located": located / tp if tp else 0.0, "by_kind": by_kind}


def report(name: str, s: dict) -> None:
    print(f"[{name}] cases: {s['n']} ({s['right_n']} right)  undetermined verdicts: {s['undetermined']}")
    print(f"  flagging wrong solutions: precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}")
    for kind, (ok, n) in sorted(s["by_kind"].items()):
        print(f"    {kind:<13} {ok}/{n} flagged")
    print(f"  right solutions called wrong: {s['right_called_wrong']:.1%}  verified: {s['right_verified']:.1%}")
    print(f"  flagged wrong cases naming the planted step: {s['located']:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--show", action="store_true", help="print the cases scored against the label")
    args = parser.parse_args()
    cases = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.split != "all":
        cases = [c for c in cases if c["meta"]["split"] == args.split]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "cases.jsonl"
        data.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
        out = Path(tmp) / "verdicts.jsonl"
        wall = run_cli(data, out)
        verdicts = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for part in ("dev", "heldout"):
        chosen = [(c, v) for c, v in zip(cases, verdicts, strict=True) if c["meta"]["split"] == part]
        if chosen:
            report(part, flag_scores([c for c, _ in chosen], [v for _, v in chosen]))
    print(f"CLI wall time: {wall:.1f} s for {len(cases)} cases")
    if args.show:
        for c, v in zip(cases, verdicts, strict=True):
            flagged = v["verdict"] == "wrong"
            if flagged != (c["label"] == "wrong") or (c["label"] == "correct" and v["verdict"] != "correct"):
                print(json.dumps({"id": c["id"], "verdict": v["verdict"], "step": v["first_error_step"],
                                  "why": v["explanation"], "steps": c["steps"], "final": c["final_answer"]},
                                 ensure_ascii=False))


if __name__ == "__main__":
    main()
