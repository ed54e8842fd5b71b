"""Does the worked example in the checking programs' prompts help? One greedy program per prompt family and question,
with and without the example, run in the sandbox and compared with the gold answer.

Questions: GSM8K train questions after the 50 that ``bench/tutor_eval.py -n 50`` asks (English word problems) and
CMATH dev problems spread over the 300 at an offset ``tutor_eval --set cmath-zh`` does not pick (Chinese, grades 1-6).
The two programs of a question are decoded in one batch, as the tutor's first round decodes them.

    python bench/program_example.py                 # both variants, 30 + 30 questions
    python bench/program_example.py --variant none  # only the prompts without the example

Per variant and language: how many programs of each family are right, how many questions both families get right
(what lets the vote verify a right answer) and how many they agree on a wrong answer (what could verify a wrong one).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def questions(n_en: int, n_zh: int) -> list[dict]:
    from bench.tutor_eval import DATA_ZH, load_questions

    en = [dict(q, lang="en") for q in load_questions(50 + n_en)[50:]]
    cmath = [json.loads(line) for line in DATA_ZH.read_text(encoding="utf-8").splitlines() if line.strip()]
    zh = [{"id": c["id"], "question": c["question"], "gold": str(c["answer"]), "lang": "zh"}
          for c in cmath[5::10][:n_zh]]
    return en + zh


def as_number(text: str | None) -> Fraction | None:
    """A program's printed answer or a gold answer as an exact number (``48``, ``48.0``, ``7/12``), else None."""
    if text is None:
        return None
    try:
        return Fraction(str(text).replace(",", "").strip())
    except (ValueError, ZeroDivisionError):
        return None


def is_right(answer: str | None, gold: str) -> bool:
    a, g = as_number(answer), as_number(gold)
    return a is not None and g is not None and abs(a - g) <= Fraction(1, 10_000) * max(1, abs(g))


def run_variant(variant: str, rows: list[dict], llm, settings) -> dict:
    import agents.resolve as resolve
    from tutor.sandbox import run_code

    def request(question: str, i: int):
        """The tutor's request; without the example, its instructions and question only (the prompt before it)."""
        messages, params = resolve.program_request(question, i)
        return ([messages[0], messages[-1]] if variant == "none" else messages), params

    out, t0 = [], time.monotonic()
    for row in rows:
        requests = [request(row["question"], i) for i in range(len(resolve.PROMPT_FAMILIES))]
        replies = asyncio.run(resolve._generate(llm, requests, bool(getattr(llm, "decodes_batches", False))))
        answers = [resolve.program_answer(run_code(resolve.extract_code(r), settings=settings)) for r in replies]
        out.append({"id": row["id"], "lang": row["lang"], "gold": row["gold"], "answers": answers,
                    "right": [is_right(a, row["gold"]) for a in answers]})
    wall = time.monotonic() - t0
    summary: dict = {"variant": variant, "wall_s": round(wall, 1)}
    for lang in ("en", "zh"):
        part = [r for r in out if r["lang"] == lang]
        summary[lang] = {
            "questions": len(part),
            "plain_right": sum(r["right"][0] for r in part),
            "facts_right": sum(r["right"][1] for r in part),
            "both_right": sum(all(r["right"]) for r in part),
            "agree_wrong": sum(r["answers"][0] is not None and as_number(r["answers"][0]) is not None
                               and as_number(r["answers"][0]) == as_number(r["answers"][1]) and not r["right"][0]
                               for r in part),
        }
    return {"summary": summary, "rows": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variant", choices=("none", "example", "both"), default="both")
    parser.add_argument("--en", type=int, default=30, help="GSM8K questions after the eval's first 50")
    parser.add_argument("--zh", type=int, default=30, help="CMATH problems")
    parser.add_argument("--json", type=Path, default=None, help="save rows and summaries (JSON)")
    args = parser.parse_args()

    from tutor.context import TutorContext
    from tutor.settings import Settings

    settings = Settings.from_env()
    llm = TutorContext(settings).llm
    rows = questions(args.en, args.zh)
    variants = ("none", "example") if args.variant == "both" else (args.variant,)
    results = [run_variant(v, rows, llm, settings) for v in variants]
    for r in results:
        print(json.dumps(r["summary"], ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
