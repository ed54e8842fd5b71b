"""Evaluate the tutor with the real default model on GSM8K word problems.

Measures, on N questions from ``bench/data/gsm8k_train_steps.jsonl``:

1. final-answer accuracy of the raw model (one chain-of-thought reply) vs the
   tutor (verify-and-repair + program-of-thought re-solve); a withheld reply
   counts as no answer;
2. share of shown tutor replies with a refuted statement (target 0);
3. ``verify-steps --resolve`` on the raw model's own solutions: share of wrong
   solutions not marked verified (target >= 90%) and share of right ones
   rejected (target <= 5%), next to the step checker alone;
4. answer-leak rate in Socratic mode (target 0): the question becomes the
   current problem and the student asks for help before trying.

The raw reply is the tutor's first draft (same prompt, greedy), so one cached
generation serves both; the re-solve is cached the same way and shared with
``--resolve``. Results go to a JSONL file (one line per question) and a summary.

    python bench/tutor_eval.py -n 30 --out bench/results/tutor_eval.jsonl
    python bench/tutor_eval.py -n 50 --split 30   # questions 31-50 held out

In Chinese (issue 15), on CMATH grade 1-6 word problems (``bench/data/cmath_zh_dev.jsonl``), the same
measures; the question is Chinese, so the tutor answers in Chinese and the Socratic asks are Chinese:

    python bench/tutor_eval.py --set cmath-zh -n 30 --split 0 --out bench/results/tutor_eval_zh.jsonl
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from langchain_core.messages import HumanMessage  # noqa: E402
from langgraph.checkpoint.memory import InMemorySaver  # noqa: E402

from agents.checks import final_answer_of, numbers_in  # noqa: E402
from agents.context import AgentContext  # noqa: E402
from agents.solution_check import make_resolver  # noqa: E402
from agents.tutor import build_graph  # noqa: E402
from tutor.context import TutorContext, configure_logging  # noqa: E402
from tutor.llm.base import ChatMessage, GenerationParams  # noqa: E402
from tutor.settings import Settings  # noqa: E402
from tutor.verify import Status, check_steps, check_text, compare_answers  # noqa: E402

DATA = ROOT / "bench" / "data" / "gsm8k_train_steps.jsonl"
DATA_ZH = ROOT / "bench" / "data" / "cmath_zh_dev.jsonl"
SOCRATIC_ASKS = ("How should I start this problem?", "What should I work out first?")
SOCRATIC_ASKS_ZH = ("这道题是什么意思？我应该先想什么？", "我应该先算什么？")


class CachingModel:
    """Wraps the model: an identical request (messages and parameters) is generated once."""

    def __init__(self, inner):
        self.inner = inner
        self.name, self.context_window = inner.name, inner.context_window
        self.cache: dict[tuple, str] = {}
        self.generated_tokens = 0
        self.seconds = 0.0

    def stream(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> Iterator[str]:
        params = params or GenerationParams()
        key = (tuple((m.role, m.content) for m in messages), params.max_tokens, params.temperature, params.seed,
               params.stop)
        if key in self.cache:
            yield self.cache[key]
            return
        start, parts = time.monotonic(), []
        for token in self.inner.stream(messages, params):
            parts.append(token)
            yield token
        self.seconds += time.monotonic() - start
        self.generated_tokens += len(parts)
        self.cache[key] = "".join(parts)

    def complete(self, messages, params=None) -> str:
        return "".join(self.stream(messages, params))

    @property
    def decodes_batches(self) -> bool:
        return bool(getattr(self.inner, "decodes_batches", False))

    def complete_many(self, requests, on_token=None, on_end=None) -> list[str]:
        """Cached replies as they are; the rest generated in one batch by the inner model (as the tutor does).
        ``on_token`` hears a cached reply whole, the others as they are generated; ``on_end`` hears every reply
        as it ends (a cached one at once). A reply its listener stopped is not cached: it is not the reply."""
        keys = [(tuple((m.role, m.content) for m in msgs), (p or GenerationParams()).max_tokens,
                 (p or GenerationParams()).temperature, (p or GenerationParams()).seed, (p or GenerationParams()).stop)
                for msgs, p in requests]
        missing = [i for i, k in enumerate(keys) if k not in self.cache]
        if on_token is not None or on_end is not None:
            for i, k in enumerate(keys):
                if i not in missing:
                    if on_token is not None:
                        on_token(i, self.cache[k])
                    if on_end is not None:
                        on_end(i, self.cache[k])
        replies: dict[int, str] = {i: self.cache[k] for i, k in enumerate(keys) if i not in missing}
        if missing:
            start = time.monotonic()
            batch = [requests[i] for i in missing]
            stopped: set[int] = set()

            def tell(j: int, piece: str) -> bool:
                if on_token(missing[j], piece):
                    stopped.add(j)
                    return True
                return False

            listeners = {}
            if on_token is not None:
                listeners["on_token"] = tell
            if on_end is not None:
                listeners["on_end"] = lambda j, reply: on_end(missing[j], reply)
            generated = self.inner.complete_many(batch, **listeners)
            self.seconds += time.monotonic() - start
            for j, (i, reply) in enumerate(zip(missing, generated)):
                replies[i] = reply
                if j not in stopped:
                    self.cache[keys[i]] = reply
        return [replies[i] for i in range(len(keys))]


def load_questions(n: int) -> list[dict]:
    """The first ``n`` distinct questions, with the GSM8K gold answer."""
    seen: dict[str, dict] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        gold = case["meta"].get("gold_final_answer") or (case["final_answer"] if case["label"] == "correct" else None)
        if gold is None or case["question"] in seen:
            continue
        seen[case["question"]] = {"id": case["id"], "question": case["question"], "gold": str(gold)}
        if len(seen) >= n:
            break
    return list(seen.values())


def load_questions_zh(n: int) -> list[dict]:
    """``n`` CMATH problems spread evenly over the 300 (grades 1-6 alike), with their gold answers."""
    cases = [json.loads(line) for line in DATA_ZH.read_text(encoding="utf-8").splitlines() if line.strip()]
    step = max(1, len(cases) // max(n, 1))
    picked = cases[::step][:n]
    return [{"id": c["id"], "question": c["question"], "gold": str(c["answer"]), "grade": c.get("grade")}
            for c in picked]


def raw_reply(llm, question: str) -> str:
    from agents import prompts

    system = prompts.solving_prompt(prompts.reply_language(question, None))
    return llm.complete([ChatMessage("system", system), ChatMessage("user", question)],
                        GenerationParams(max_tokens=400, temperature=0.0, seed=0, stop=()))


def same(a: str | None, b: str) -> bool:
    """Equal as mathematics; a percent gold ("12%") also takes the bare number a "百分之几" answer writes."""
    if a is None:
        return False
    if compare_answers(a, b).status is Status.verified:
        return True
    return b.strip().endswith("%") and compare_answers(a, b.strip()[:-1]).status is Status.verified


def leaks(text: str, gold: str, statement: str) -> bool:
    """Independent of the tutor's own check: a number equal to the gold answer that the statement lacks
    (Chinese numerals read as numbers too: 答案是十二)."""
    from tutor.verify.chinese import to_ascii_math

    given = set(numbers_in(statement)) | set(numbers_in(to_ascii_math(statement)))
    found = numbers_in(text) + numbers_in(to_ascii_math(text))
    return (any(same(n, gold) and n not in given for n in found) or f"answer is {gold}" in text
            or f"答案是{gold}" in text.replace(" ", ""))


async def one(graph, context: AgentContext, resolver, q: dict, index: int, asks=SOCRATIC_ASKS) -> dict:
    t0 = time.monotonic()
    cfg = {"configurable": {"thread_id": f"direct-{q['id']}"}}
    out = await graph.ainvoke({"messages": [HumanMessage(content=q["question"])], "mode": "direct"}, cfg,
                              context=context)
    reply = out["reply"]
    reply_seconds = time.monotonic() - t0
    # The raw model's reply: one greedy reply to the tutor's solving prompt. It is the tutor's first draft when
    # that draft ran to its end (the cache then holds it); a draft stopped early at a false line, or a question
    # answered without the model (a false premise), gets it generated here.
    raw = await asyncio.to_thread(raw_reply, context.llm, q["question"])
    raw_final = final_answer_of(raw)
    shown_final = final_answer_of(reply["text"]) if reply["status"] != "withheld" else None
    shown_refuted = [c.claim for c in check_text(reply["text"]) if c.status is Status.refuted]
    # verify-steps (--resolve) on the raw solution.
    steps = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    record = {"id": q["id"], "question": q["question"], "steps": steps, "final_answer": raw_final}
    base = check_steps(steps, raw_final, q["question"])
    resolved = resolver(record, base)
    # Socratic: the same question as the current problem, the student asks for help before trying.
    ask = asks[index % len(asks)]
    problem = {"id": q["id"], "skill_id": "", "statement": q["question"], "answer_text": q["gold"], "steps": [],
               "hints": [], "difficulty": 1, "seed": 0, "plugin": "", "data": {}}
    sout = await graph.ainvoke({"messages": [HumanMessage(content=ask)], "problem": problem, "mode": "socratic"},
                               {"configurable": {"thread_id": f"socratic-{q['id']}"}}, context=context)
    sreply = sout["reply"]
    return {
        "id": q["id"],
        "gold": q["gold"],
        "raw_final": raw_final,
        "raw_correct": same(raw_final, q["gold"]),
        "tutor_status": reply["status"],
        "tutor_final": shown_final,
        "tutor_correct": same(shown_final, q["gold"]),
        "tutor_repaired": reply["repaired"],
        "tutor_tries": reply["tries"],
        "tutor_caught": reply["caught"],
        "shown_refuted": shown_refuted,
        "steps_only": base.status.value,
        "with_resolve": resolved.status.value,
        "resolve_votes": (out.get("reference") or {}).get("votes"),
        # every checking program's answer in order (None: it failed or could not answer), and the first draft's
        "resolve_answers": (out.get("reference") or {}).get("answers"),
        "resolve_first_answer": (out.get("reference") or {}).get("first_answer"),
        "resolve_explanation": resolved.explanation,
        "socratic_ask": ask,
        "socratic_status": sreply["status"],
        "socratic_caught": [c["kind"] for c in sreply["caught"]],
        "socratic_leak": leaks(sreply["text"], q["gold"], q["question"]),
        "socratic_text": sreply["text"][:400],
        "raw_text": raw[:1500],
        "tutor_text": reply["text"][:1500],
        "reply_seconds": round(reply_seconds, 1),
        "seconds": round(time.monotonic() - t0, 1),
    }


def summarise(rows: list[dict]) -> dict:
    n = len(rows)
    wrong = [r for r in rows if not r["raw_correct"]]
    right = [r for r in rows if r["raw_correct"]]

    def share(items, pred):
        return round(sum(1 for r in items if pred(r)) / len(items), 3) if items else None

    return {
        "questions": n,
        "raw_accuracy": share(rows, lambda r: r["raw_correct"]),
        "tutor_accuracy": share(rows, lambda r: r["tutor_correct"]),
        "tutor_withheld": share(rows, lambda r: r["tutor_status"] == "withheld"),
        "tutor_verified": share(rows, lambda r: r["tutor_status"] == "verified"),
        "tutor_verified_and_wrong": sum(1 for r in rows if r["tutor_status"] == "verified" and not r["tutor_correct"]),
        "replies_with_refuted_statement": share(rows, lambda r: bool(r["shown_refuted"])),
        "raw_wrong": len(wrong),
        "wrong_not_verified_steps_only": share(wrong, lambda r: r["steps_only"] != "verified"),
        "wrong_not_verified_with_resolve": share(wrong, lambda r: r["with_resolve"] != "verified"),
        "raw_right": len(right),
        "right_rejected_with_resolve": share(right, lambda r: r["with_resolve"] == "refuted"),
        "right_not_verified_with_resolve": share(right, lambda r: r["with_resolve"] != "verified"),
        "right_called_wrong_steps_only": share(right, lambda r: r["steps_only"] == "refuted"),
        "wrong_refuted_with_resolve": share(wrong, lambda r: r["with_resolve"] == "refuted"),
        "socratic_leak_rate": share(rows, lambda r: r["socratic_leak"]),
        "socratic_drafts_caught_leaking": share(rows, lambda r: "answer_leak" in r["socratic_caught"]),
        "mean_seconds_per_question": round(sum(r["seconds"] for r in rows) / n, 1) if n else None,
        "reply_seconds_median": sorted(r.get("reply_seconds", 0) for r in rows)[n // 2] if n else None,
    }


async def main_async(args) -> dict:
    settings = Settings.from_env()
    configure_logging(settings.replace(log_level="WARNING"))
    ctx = TutorContext(settings)
    llm = CachingModel(ctx.llm)
    context = AgentContext.from_tutor(ctx, llm=llm, plugins=None, tutor=None, resolve_samples=args.samples,
                                      stream=False)
    resolver = make_resolver(llm, context.run_code, compare_answers, samples=args.samples)
    graph = build_graph(checkpointer=InMemorySaver())
    rows: list[dict] = []
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        chinese = args.set == "cmath-zh"
        questions = load_questions_zh(args.n) if chinese else load_questions(args.n)
        questions = questions[args.skip:]  # a run cut short goes on where it stopped
        for i, q in enumerate(questions):
            row = await one(graph, context, lambda rec, res: _sync(resolver, rec, res), q, i,
                            SOCRATIC_ASKS_ZH if chinese else SOCRATIC_ASKS)
            rows.append(row)
            f.write(json.dumps(row) + "\n")
            f.flush()
            print(f"[{i + 1}/{args.n}] {q['id']} raw={row['raw_correct']} tutor={row['tutor_correct']} "
                  f"({row['tutor_status']}) resolve={row['with_resolve']} leak={row['socratic_leak']} "
                  f"{row['seconds']}s", flush=True)
    summary = summarise(rows) | {"set": args.set, "model": llm.name, "samples": args.samples,
                                 "model_seconds": round(llm.seconds), "repair_tries": settings.repair_tries}
    if args.split and 0 < args.split < len(rows):
        # The first questions are the ones the design was looked at on; the rest are held out.
        summary["first"] = summarise(rows[:args.split])
        summary["held_out"] = summarise(rows[args.split:])
    return summary


def _sync(resolver, record, result):
    # The resolver runs its own event loop; run it off this one.
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(resolver, record, result).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=30, help="questions (default 30)")
    parser.add_argument("--skip", type=int, default=0,
                        help="leave out the first K questions (to finish a run that was stopped; merge the rows "
                             "with --merge)")
    parser.add_argument("--merge", type=Path, nargs="+",
                        help="summarise these row files together (as one run) instead of running anything")
    parser.add_argument("--samples", type=int, default=AgentContext.resolve_samples,
                        help="program-of-thought samples per re-solve (default: the tutor's own budget)")
    parser.add_argument("--split", type=int, default=30,
                        help="also summarise the first K questions and the rest apart (held-out check)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "tutor_eval.jsonl")
    parser.add_argument("--set", choices=("gsm8k", "cmath-zh"), default="gsm8k",
                        help="GSM8K (English) or CMATH (Chinese, grades 1-6) word problems")
    args = parser.parse_args()
    if args.merge:
        rows = [json.loads(line) for path in args.merge for line in path.read_text(encoding="utf-8").splitlines()]
        summary = summarise(rows) | {"merged": [str(p) for p in args.merge]}
        if args.split and 0 < args.split < len(rows):
            summary["first"] = summarise(rows[:args.split])
            summary["held_out"] = summarise(rows[args.split:])
        print(json.dumps(summary, indent=2))
        summary_path(args.out).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
        return
    summary = asyncio.run(main_async(args))
    print(json.dumps(summary, indent=2))
    summary_path(args.out).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


def summary_path(out: Path) -> Path:
    """Where the summary of rows saved at ``out`` goes: beside it, ``run12.jsonl`` -> ``run12.summary.json``.
    Only a ``.jsonl`` ending is replaced: ``tutor_eval.run12`` keeps its run name (``with_suffix`` took it)."""
    return out.with_name(out.name.removesuffix(".jsonl") + ".summary.json")


if __name__ == "__main__":
    main()
