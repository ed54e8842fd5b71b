"""False-premise benchmark: how many trap questions ``tutor.verify.false_premises`` flags.

Usage: ``python bench/premises.py [DATA.jsonl] [--quiet]`` (default: bench/data/premise_traps.jsonl).

Each line is ``{"id", "question", "trap", "kind"}``. A trap must be flagged (the tutor
points out the premise instead of answering); a look-alike (``trap: false``) must not be,
because a flagged question is not answered. Prints one line per question (✓ right, ✗ wrong,
with the reasons given), then the share of traps flagged, the share of look-alikes falsely
flagged, both per kind, and the milliseconds per question.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "bench" / "data" / "premise_traps.jsonl"


def run(cases: list[dict]) -> tuple[list[tuple[dict, list[str]]], float]:
    """Each case with the reasons found for it, and the mean milliseconds per question."""
    from tutor.verify import false_premises

    false_premises("warm-up: 1 / 0")
    results, start = [], time.perf_counter()
    for case in cases:
        results.append((case, false_premises(case["question"])))
    return results, (time.perf_counter() - start) * 1000 / max(1, len(cases))


def summary(results: list[tuple[dict, list[str]]]) -> dict:
    """Traps flagged and look-alikes flagged, overall and per kind: ``{kind: [hits, n]}``."""
    out: dict = {"traps": [0, 0], "lookalikes": [0, 0], "traps_by_kind": {}, "lookalikes_by_kind": {}}
    for case, reasons in results:
        key = "traps" if case["trap"] else "lookalikes"
        for bucket in (out[key], out[f"{key}_by_kind"].setdefault(case["kind"], [0, 0])):
            bucket[0] += bool(reasons)
            bucket[1] += 1
    return out


def _pct(hits: int, n: int) -> str:
    return f"{hits}/{n} ({100 * hits / n:.0f}%)" if n else "0/0"


def main(argv: list[str]) -> None:
    quiet = "--quiet" in argv
    paths = [a for a in argv if not a.startswith("--")]
    data = Path(paths[0]) if paths else DEFAULT
    cases = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    results, ms = run(cases)
    if not quiet:
        for case, reasons in results:
            ok = bool(reasons) == case["trap"]
            label = "trap" if case["trap"] else "ok  "
            print(f"{'✓' if ok else '✗'} {case['id']:<9} {label} {case['kind']:<20} {case['question']}")
            for reason in reasons:
                print(f"      → {reason}")
    s = summary(results)
    print(f"\ntraps flagged:          {_pct(*s['traps'])}")
    print(f"look-alikes flagged:    {_pct(*s['lookalikes'])}  (must be 0)")
    print(f"ms per question:        {ms:.2f}")
    print(f"\n{'kind':<20} {'traps flagged':>16} {'look-alikes flagged':>22}")
    for kind in sorted(set(s["traps_by_kind"]) | set(s["lookalikes_by_kind"])):
        print(f"{kind:<20} {_pct(*s['traps_by_kind'].get(kind, [0, 0])):>16} "
              f"{_pct(*s['lookalikes_by_kind'].get(kind, [0, 0])):>22}")


if __name__ == "__main__":
    main(sys.argv[1:])
