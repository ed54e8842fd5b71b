"""Does giving the model SymPy's working help it explain a SymPy answer? Side by side, in one run.

For every question of the everyday sets that SymPy settles and for which ``tutor.verify.worked_steps`` knows a
school method (linear and quadratic equations, inequalities, two fractions, LCM/GCF, mean, median), the tutor
answers twice through the service the Learn page uses: once told only the answer (as before), once told the
answer and the working. The two replies of a question run back to back, in alternating order, so a slow spell
of the machine hits both variants alike.

    python bench/worked_steps.py                          # the held-out sets (English 2-4, Chinese 4-7)
    python bench/worked_steps.py --sets everyday,everyday_zh --json bench/results/worked_steps.dev.jsonl

Per variant: how many explanations pass their checks on the first try, how many are shown, how many replies
are SymPy's own working instead (an explanation that failed its checks, with the working to show: no repair) or
its bare answer (after a failed repair, where no working is known), median and p90 seconds to the final reply.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HELD_OUT = "everyday_heldout2,everyday_heldout3,everyday_heldout4,everyday_zh4,everyday_zh5,everyday_zh6,everyday_zh7"


SYMPY_REPLY = ("I worked this out exactly with SymPy", "我用计算机代数系统")
"""How a reply that is SymPy's own answer or working (not the model's explanation) begins, in English and Chinese."""


def questions(sets: str, keep=None) -> list[dict]:
    """The questions of ``sets`` that SymPy settles and ``keep(solution)`` accepts (default: those with a
    known working)."""
    from tutor.verify import solve_question, worked_steps

    keep = keep or (lambda solution: bool(worked_steps(solution)))

    out = []
    for name in sets.split(","):
        path = ROOT / "bench" / "data" / f"{name.strip()}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            q = json.loads(line)
            solution = solve_question(q["question"])
            if solution is not None and solution.answer is not None and keep(solution):
                out.append(dict(q, set=name.strip(), form=solution.kind))
    return out


def answer(chat, q: dict, with_steps: bool) -> dict:
    import agents.tutor as tutor_graph
    from tutor.verify import worked_steps

    tutor_graph.worked_steps = worked_steps if with_steps else (lambda _solution: ())
    try:
        started = time.perf_counter()
        reply = chat.ask(None, q["question"], thread_id=f"worked-{q['id']}-{with_steps}-{time.time_ns()}",
                         mode="direct")
        seconds = time.perf_counter() - started
    finally:
        tutor_graph.worked_steps = worked_steps
    text = reply.text or ""
    tool = text.startswith(SYMPY_REPLY)
    working = tool and ("Ask me about any line" in text or "哪一步想一起再看看" in text)
    return {"id": q["id"], "set": q["set"], "form": q["form"], "steps": with_steps, "status": reply.status,
            "tries": reply.tries, "explained": reply.status == "verified" and not tool,
            "tool_working": working, "tool_answer": tool and not working,
            "first_try": reply.status == "verified" and not tool and reply.tries == 1, "seconds": round(seconds, 2),
            "caught": [c.get("claim") for c in reply.caught or []], "text": text[:600]}


def summary(rows: list[dict]) -> dict:
    out = {}
    for with_steps in (False, True):
        part = [r for r in rows if r["steps"] is with_steps]
        if not part:
            continue
        secs = sorted(r["seconds"] for r in part)
        out["with working" if with_steps else "answer only"] = {
            "replies": len(part),
            "verified": sum(r["status"] == "verified" for r in part),
            "explanation passes first try": sum(r["explained"] and r["tries"] == 1 for r in part),
            "explanation shown": sum(r["explained"] for r in part),
            "SymPy's working shown": sum(r.get("tool_working", False) for r in part),
            "bare answer shown": sum(r.get("tool_answer", False) for r in part),
            "median s": round(statistics.median(secs), 1),
            "p90 s": round(secs[min(len(secs) - 1, int(0.9 * len(secs)))], 1),
            "mean tries": round(statistics.mean(r["tries"] for r in part), 2),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default=HELD_OUT, help="everyday sets (names under bench/data, comma separated)")
    parser.add_argument("-n", type=int, default=None, help="only the first N questions")
    parser.add_argument("--json", type=Path, default=None, help="write one row per reply here")
    args = parser.parse_args(argv)
    qs = questions(args.sets)[: args.n]
    print(f"{len(qs)} questions with a known working", flush=True)
    from bench.everyday import build_chat, write_rows

    rows = []
    with tempfile.TemporaryDirectory(prefix="worked-steps-") as home:
        ctx, chat = build_chat(Path(home))
        try:
            chat.prime()
            for i, q in enumerate(qs):
                order = (False, True) if i % 2 == 0 else (True, False)
                for with_steps in order:
                    row = answer(chat, q, with_steps)
                    rows.append(row)
                    print(f"{q['id']:>14} {'working' if with_steps else 'answer ':7} {row['status']:>12} "
                          f"tries={row['tries']} shown={row['explained']!s:5} {row['seconds']:5.1f}s", flush=True)
        finally:
            chat.close()
    result = summary(rows)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        write_rows(args.json, rows, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
