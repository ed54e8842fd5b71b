"""Where in the prompt should SymPy's answer go? Layouts of the explanation prompt, side by side in one run.

For every question of the everyday sets that SymPy settles, the tutor answers once per layout through the
service the Learn page uses, each time on a fresh conversation:

- ``before`` (sessions 11-18): the rule with the answer and SymPy's working in the system prompt, and the same
  rule again at the end of the student's turn. Every settled question has its own system prompt, so llama.cpp
  decodes the rule twice on every question.
- ``no example``: the fixed rule alone in the system prompt (the same text for every question, kept decoded from
  one question to the next) and only the answer and working, short, at the end of the student's turn.
- ``after`` (the tutor now): as ``no example``, with one short worked turn (a question, its working, the
  explanation wanted) between the system prompt and the conversation, fixed too.

A question's replies run back to back, in alternating order, so a slow spell of the machine hits all
alike; before each reply the model decodes that layout's prompt for another settled question (untimed), as when the
student's previous question was settled too.

    python bench/explain_prompt.py                          # the held-out sets (English 2-4, Chinese 4-7)
    python bench/explain_prompt.py --sets everyday,everyday_zh --json bench/results/explain_prompt.dev.jsonl

Per layout: replies verified, explanations that pass their checks on the first try, explanations shown (the
rest are SymPy's own working or answer), prompt tokens decoded and generated per reply, median and p90 seconds
to the final reply.
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

# The layout before, as it was written (English and its Chinese translation), for the side-by-side run only.
BEFORE_RULE = {
    "en": ("A computer algebra system has already worked this question out exactly: {answer}. Explain to the "
           "student in at most four short lines, one equation per line, how to get there, and finish with one "
           "sentence that begins with the words 'The answer is' followed by exactly that result."),
    "zh": ("计算机代数系统已经精确地算出了这道题的答案：{answer}。请用最多四行简短的话（每行一个等式）向学生讲解怎样"
           "得到这个结果，最后用一句以“答案是”开头的话写出这个结果，必须与它完全相同。"),
}
BEFORE_WORKING = {
    "en": "Its working:\n{steps}\nWrite these same lines, each after a few words saying what was done, and nothing "
          "else before the final sentence.",
    "zh": "它的计算过程：\n{steps}\n请照着写出这几行，每行前用几个字说明做了什么，最后一句之前不要写别的。",
}


def before_layout(lang: str | None, reference: dict) -> tuple[str, str]:
    """``agents.prompts.settled_prompt`` as it was: the whole rule, answer included, for both places."""
    key = "zh" if (lang or "").startswith("zh") else "en"
    rule = BEFORE_RULE[key].format(answer=reference["answer"])
    if reference.get("steps"):
        rule += "\n" + BEFORE_WORKING[key].format(steps="\n".join(reference["steps"]))
    return rule, "(" + rule + ")"


LAYOUTS = ("before", "no example", "after")


def use_layout(layout: str) -> None:
    from agents import prompts

    prompts.settled_prompt = before_layout if layout == "before" else CURRENT
    prompts.settled_example = CURRENT_EXAMPLE if layout == "after" else (lambda _lang: [])


def prime(chat, ctx, layout: str, lang: str | None) -> None:
    """Decode the layout's fixed prompt, as the app does at start (the ``before`` layout's system prompt holds
    the answer, so only its first words are shared between questions)."""
    from agents import prompts
    from tutor.llm.base import GenerationParams, as_messages

    use_layout(layout)
    system = prompts.say(lang, prompts.TUTOR_SYSTEM) + "\n" + prompts.settled_prompt(lang, {"answer": "4"})[0]
    ctx.llm.complete(as_messages([{"role": "system", "content": system}, *prompts.settled_example(lang),
                                  {"role": "user", "content": "2 + 2"}]),
                     GenerationParams(max_tokens=1, temperature=0.0, seed=0))


def answer(chat, ctx, q: dict, layout: str) -> dict:
    use_layout(layout)
    model = getattr(ctx.llm, "inner", ctx.llm)
    calls = getattr(model, "calls", [])
    since = len(calls)
    started = time.perf_counter()
    reply = chat.ask(None, q["question"], thread_id=f"explain-{q['id']}-{layout}-{time.time_ns()}", mode="direct")
    seconds = time.perf_counter() - started
    new = calls[since:]
    text = reply.text or ""
    tool = text.startswith(SYMPY_REPLY)
    return {"id": q["id"], "set": q["set"], "form": q["form"], "layout": layout, "status": reply.status,
            "tries": reply.tries, "explained": reply.status == "verified" and not tool, "tool": tool,
            "first_try": reply.status == "verified" and not tool and reply.tries == 1, "seconds": round(seconds, 2),
            "prompt_tokens": sum(int(c["prompt"]) for c in new),
            "prompt_evaluated": sum(int(c["evaluated"]) for c in new),
            "reply_tokens": model.count_tokens(text) if hasattr(model, "count_tokens") else None,
            "caught": [c.get("claim") for c in reply.caught or []], "text": text[:600]}


def summary(rows: list[dict]) -> dict:
    out = {}
    for layout in LAYOUTS:
        part = [r for r in rows if r["layout"] == layout]
        if not part:
            continue
        secs = sorted(r["seconds"] for r in part)
        out[layout] = {
            "replies": len(part),
            "verified": sum(r["status"] == "verified" for r in part),
            "explanation passes first try": sum(r["first_try"] for r in part),
            "explanation shown": sum(r["explained"] for r in part),
            "SymPy's own reply shown": sum(r["tool"] for r in part),
            "mean prompt tokens decoded": round(statistics.mean(r["prompt_evaluated"] for r in part), 1),
            "mean prompt tokens": round(statistics.mean(r["prompt_tokens"] for r in part), 1),
            "median reply tokens": statistics.median(r["reply_tokens"] or 0 for r in part),
            "median s": round(statistics.median(secs), 2),
            "p90 s": round(secs[min(len(secs) - 1, int(0.9 * len(secs)))], 2),
            "mean tries": round(statistics.mean(r["tries"] for r in part), 2),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default=HELD_OUT, help="everyday sets (names under bench/data, comma separated)")
    parser.add_argument("--layouts", default="before,after", help=f"which of {', '.join(LAYOUTS)} (comma separated)")
    parser.add_argument("-n", type=int, default=None, help="only the first N questions")
    parser.add_argument("--json", type=Path, default=None, help="write one row per reply here")
    args = parser.parse_args(argv)
    qs = questions(args.sets, keep=lambda _solution: True)[: args.n]
    print(f"{len(qs)} questions SymPy settles", flush=True)
    from agents.prompts import reply_language
    from bench.everyday import build_chat, write_rows

    layouts = [name.strip() for name in args.layouts.split(",")]
    assert all(name in LAYOUTS for name in layouts), f"layouts are {LAYOUTS}"
    rows = []
    with tempfile.TemporaryDirectory(prefix="explain-prompt-") as home:
        ctx, chat = build_chat(Path(home))
        try:
            chat.prime()
            for i, q in enumerate(qs):
                order = layouts if i % 2 == 0 else layouts[::-1]
                for layout in order:
                    # as after another settled question: the main context holds this layout's last prompt
                    prime(chat, ctx, layout, reply_language(q["question"], None))
                    row = answer(chat, ctx, q, layout)
                    rows.append(row)
                    print(f"{q['id']:>14} {layout:10} {row['status']:>12} tries={row['tries']} "
                          f"shown={row['explained']!s:5} decoded={row['prompt_evaluated']:4} {row['seconds']:5.1f}s",
                          flush=True)
        finally:
            use_layout("after")
            chat.close()
    result = summary(rows)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        write_rows(args.json, rows, result)
    return 0


from bench.worked_steps import SYMPY_REPLY, questions  # noqa: E402
from agents.prompts import settled_example as CURRENT_EXAMPLE  # noqa: E402  (the layout the tutor uses now)
from agents.prompts import settled_prompt as CURRENT  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
