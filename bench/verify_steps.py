"""Step-verification benchmark: runs ``tutor verify-steps`` and scores it ProcessBench-style.

Usage: ``python bench/verify_steps.py [DATA.jsonl]`` (default: bench/data/gsm8k_train_steps.jsonl).

Prints accuracy on wrong cases (verdict wrong *and* the right first error step, with the
final answer as step ``len(steps)``), accuracy on correct cases, their harmonic mean (F1),
milliseconds per case, and the p95 milliseconds per step (each case timed separately).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "bench" / "data" / "gsm8k_train_steps.jsonl"


def run_cli(data: Path, out: Path) -> float:
    """Run the real CLI once over the whole file; return wall seconds."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from tutor.cli import main; main()", "verify-steps", str(data), "-o", str(out)],
                   check=True, cwd=ROOT)
    return time.perf_counter() - start


def per_step_times(cases: list[dict]) -> list[float]:
    """Milliseconds per step for each case, timed in-process (no start-up cost)."""
    from tutor.cli.verify import verdict_for

    verdict_for({"id": "warm-up", "steps": ["1 + 1 = 2"], "final_answer": "2"})
    out = []
    for case in cases:
        public = {k: case[k] for k in ("id", "question", "steps", "final_answer") if k in case}
        start = time.perf_counter()
        verdict_for(public)
        out.append((time.perf_counter() - start) * 1000 / max(1, len(case.get("steps", [])) + 1))
    return out


def score(cases: list[dict], verdicts: list[dict]) -> dict:
    wrong_ok = wrong_n = right_ok = right_n = 0
    by_kind: dict[str, list[int]] = {}
    for case, v in zip(cases, verdicts, strict=True):
        if case["label"] == "correct":
            right_n += 1
            right_ok += v["verdict"] == "correct"
        else:
            wrong_n += 1
            step = case["error_step"] if case["error_step"] is not None else len(case["steps"])
            ok = v["verdict"] == "wrong" and v["first_error_step"] == step
            wrong_ok += ok
            by_kind.setdefault(case["error_kind"], [0, 0])
            by_kind[case["error_kind"]][0] += ok
            by_kind[case["error_kind"]][1] += 1
    acc_wrong = wrong_ok / wrong_n if wrong_n else 0.0
    acc_right = right_ok / right_n if right_n else 0.0
    f1 = 2 * acc_wrong * acc_right / (acc_wrong + acc_right) if acc_wrong + acc_right else 0.0
    undetermined = sum(v["verdict"] == "undetermined" for v in verdicts)
    return {"acc_wrong": acc_wrong, "acc_correct": acc_right, "f1": f1, "by_kind": by_kind,
            "undetermined": undetermined, "n": len(cases)}


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    cases = [json.loads(line) for line in data.read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "verdicts.jsonl"
        wall = run_cli(data, out)
        verdicts = [json.loads(line) for line in out.read_text().splitlines()]
    s = score(cases, verdicts)
    step_ms = sorted(per_step_times(cases))
    p95 = step_ms[int(0.95 * (len(step_ms) - 1))]
    print(f"cases: {s['n']}  undetermined verdicts: {s['undetermined']}")
    print(f"accuracy on wrong cases:   {s['acc_wrong']:.3f}")
    for kind, (ok, n) in sorted(s["by_kind"].items()):
        print(f"  {kind:<13} {ok}/{n}")
    print(f"accuracy on correct cases: {s['acc_correct']:.3f}")
    print(f"F1:                        {s['f1']:.3f}")
    print(f"CLI wall time: {wall:.2f} s = {wall * 1000 / s['n']:.1f} ms per case (incl. start-up)")
    print(f"per step: median {statistics.median(step_ms):.2f} ms, p95 {p95:.2f} ms")


if __name__ == "__main__":
    main()
