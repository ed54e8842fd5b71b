"""Natural-error set: solutions the shipped models write to GSM8K train questions, and how the verifier reads them.

Planted errors (``bench/verify_steps.py``) test whether the verifier finds a slip it was built to find. This set
tests the other side with real model prose: a model's *right* solution must not be called wrong, whatever way the
model writes it (bullets, "x 2", "$1,200", "3 hours", words between the numbers...).

Two steps:

    python bench/natural_errors.py generate --model default   # appends to bench/data/natural_errors.jsonl
    python bench/natural_errors.py score                      # reads it, prints the summary

In Chinese (issue 15), on CMATH grade 1-6 problems, asked the way the tutor asks a Chinese question:

    python bench/natural_errors.py generate --set cmath-zh -n 60 --data bench/data/natural_errors_zh.jsonl
    python bench/natural_errors.py score --data bench/data/natural_errors_zh.jsonl

``generate`` asks the model exactly what the tutor's first draft asks (the tutor's system prompt and solving rule,
greedy), for each distinct question of ``bench/data/gsm8k_train_steps.jsonl``, and labels each solution by its final
answer against GSM8K's gold answer. It resumes where it stopped (one line per question and model).

``score`` runs, on every solution, what the tutor runs on a draft: every claim of the text checked
(``check_text``), and the step checker over its lines with its final answer (``check_steps``, as ``tutor
verify-steps`` does). It reports how many right solutions are called wrong (target <= 2%) and how many wrong ones
are caught, with the claims behind each false alarm so that a misreading can be found and fixed in the verifier.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCE = ROOT / "bench" / "data" / "gsm8k_train_steps.jsonl"
SOURCE_ZH = ROOT / "bench" / "data" / "cmath_zh_dev.jsonl"
DATA = ROOT / "bench" / "data" / "natural_errors.jsonl"


def questions() -> list[dict]:
    """Each distinct question of the source set once, with GSM8K's gold final answer."""
    seen: dict[str, dict] = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        gold = case["meta"].get("gold_final_answer") or (case["final_answer"] if case["label"] == "correct" else None)
        if gold is None or case["question"] in seen:
            continue
        seen[case["question"]] = {"source_id": case["id"], "question": case["question"], "gold": str(gold)}
    return list(seen.values())


def questions_zh() -> list[dict]:
    """The CMATH problems, spread over grades 1-6 (every 5th, then the rest), with their gold answers."""
    cases = [json.loads(line) for line in SOURCE_ZH.read_text(encoding="utf-8").splitlines() if line.strip()]
    order = cases[::5] + [c for i, c in enumerate(cases) if i % 5]
    return [{"source_id": c["id"], "question": c["question"], "gold": str(c["answer"])} for c in order]


def _same(final: str | None, gold: str) -> bool:
    from tutor.verify import Status, compare_answers

    if final is None:
        return False
    if compare_answers(final, gold).status is Status.verified:
        return True
    return gold.endswith("%") and compare_answers(final, gold[:-1]).status is Status.verified


def _done(path: Path) -> set[tuple[str, str]]:
    if not path.exists():
        return set()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {(r["source_id"], r["model"]) for r in rows}


def generate(args) -> None:
    from agents import prompts
    from agents.checks import final_answer_of
    from tutor.context import TutorContext
    from tutor.llm.base import ChatMessage, GenerationParams
    from tutor.settings import Settings

    import os

    os.environ["TUTOR_MODEL"] = args.model
    settings = Settings.from_env()
    llm = TutorContext(settings).llm
    done = _done(args.data)
    lang = "zh" if args.set == "cmath-zh" else "en"
    source = questions_zh() if lang == "zh" else questions()
    todo = [q for q in source if (q["source_id"], args.model) not in done][: args.n]
    system = prompts.solving_prompt(lang)
    params = GenerationParams(max_tokens=400, temperature=0.0, seed=0)
    args.data.parent.mkdir(parents=True, exist_ok=True)
    with args.data.open("a", encoding="utf-8") as f:
        for i, q in enumerate(todo, 1):
            start = time.monotonic()
            text = llm.complete([ChatMessage("system", system), ChatMessage("user", q["question"])], params).strip()
            final = final_answer_of(text)
            right = _same(final, q["gold"])
            row = {"id": f"{q['source_id']}-{args.model}", "source_id": q["source_id"], "model": args.model,
                   "model_file": getattr(llm, "name", ""), "question": q["question"], "gold": q["gold"],
                   "solution": text, "final_answer": final, "label": "right" if right else "wrong",
                   "made": date.today().isoformat()}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            f.flush()
            print(f"[{i}/{len(todo)}] {q['source_id']} {row['label']} ({final!r} vs {q['gold']}) "
                  f"{time.monotonic() - start:.1f}s", flush=True)


def read_solution(row: dict) -> dict:
    """What the verifier sees: the solution's lines and its final answer (never the label or the gold)."""
    steps = [ln.strip() for ln in row["solution"].splitlines() if ln.strip()]
    return {"id": row["id"], "question": row["question"], "steps": steps, "final_answer": row["final_answer"]}


def verdicts(row: dict) -> dict:
    from tutor.verify import Status, check_steps, check_text

    seen = read_solution(row)
    refuted = [c.claim for c in check_text(row["solution"]) if c.status is Status.refuted]
    steps = check_steps(seen["steps"], seen["final_answer"] or "", seen["question"])
    return {"text_refuted": refuted, "steps_verdict": steps.status.value,
            "steps_explanation": steps.explanation if steps.status is Status.refuted else ""}


def score(args) -> dict:
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.model:
        rows = [r for r in rows if r["model"] == args.model]
    start = time.perf_counter()
    results = [(r, verdicts(r)) for r in rows]
    seconds = time.perf_counter() - start
    right = [(r, v) for r, v in results if r["label"] == "right"]
    wrong = [(r, v) for r, v in results if r["label"] == "wrong"]

    def called_wrong(v: dict) -> bool:
        return bool(v["text_refuted"]) or v["steps_verdict"] == "refuted"

    alarms = [(r, v) for r, v in right if called_wrong(v)]
    summary = {
        "solutions": len(rows),
        "models": sorted({r["model"] for r in rows}),
        "right": len(right),
        "wrong": len(wrong),
        "right_called_wrong": len(alarms),
        "right_called_wrong_share": round(len(alarms) / len(right), 3) if right else None,
        "wrong_caught": sum(called_wrong(v) for _, v in wrong),
        "wrong_caught_share": round(sum(called_wrong(v) for _, v in wrong) / len(wrong), 3) if wrong else None,
        "ms_per_solution": round(1000 * seconds / max(1, len(rows)), 1),
    }
    for r, v in alarms:
        print(f"FALSE ALARM {r['id']}: {v['text_refuted'] or v['steps_explanation']}")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate", help="write solutions with a shipped model")
    g.add_argument("--model", default="default", choices=("default", "small"))
    g.add_argument("-n", type=int, default=1000, help="at most this many new questions")
    g.add_argument("--data", type=Path, default=DATA)
    g.add_argument("--set", choices=("gsm8k", "cmath-zh"), default="gsm8k",
                   help="GSM8K train questions (English) or CMATH problems (Chinese)")
    s = sub.add_parser("score", help="run the verifier over the set")
    s.add_argument("--model", default=None, help="only this model's solutions")
    s.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    if args.command == "generate":
        generate(args)
    else:
        print(json.dumps(score(args), indent=2))


if __name__ == "__main__":
    main()
