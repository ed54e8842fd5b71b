"""Everyday questions, typed the way students and parents type them: tools first, then the tutor.

Data: ``bench/data/everyday.jsonl`` (written by hand; see ``bench/data/everyday.md``). Each line has
id, question, gold, kind (symbolic / numeric / word / concept), subject, grade and form.

Two modes:

``--tools-only`` (no model, seconds): ``tutor.verify.solve_question`` on each question. Per question:
recognised or not, the recogniser's answer against gold both ways with ``compare_answers``, the form
asked for, and the time. Summary: recognised share, right and **wrong among recognised** (a wrong
SymPy answer would be marked verified by the tutor, so any is a bug), per kind; concept and word
questions the recogniser took on.

default (full, the real default model, slow): each question goes through ``agents.service.TutorChat``
(what the Learn page uses) in direct mode over a ``TutorContext`` on a throwaway TUTOR_HOME (the model
file is read from the usual one). Per question: the reply's status, its final answer against gold,
seconds, and one class: verified and right / shown unchecked and right / shown wrong / wrongly
verified / withheld / concept ok (a concept reply with no refuted statement; read them).

    python bench/everyday.py --tools-only
    python bench/everyday.py -n 20 --json bench/results/everyday.jsonl
    python bench/everyday.py --split 60          # also summarise questions 1-60 and the rest apart
    python bench/everyday.py --tools-only --data bench/data/everyday_heldout.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "bench" / "data" / "everyday.jsonl"
KINDS = ("symbolic", "numeric", "word", "concept")
CLASSES = ("verified and right", "shown unchecked and right", "shown wrong (any mark)", "wrongly verified",
           "withheld", "concept ok")


def load(n: int | None = None, data: Path = DATA) -> list[dict]:
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:n] if n else rows


def pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def cut(text, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------- tools only

def form_ok(answer_text: str, form: str | None) -> bool | None:
    """Is the recogniser's answer written in the form the question asks for? None when no form is asked."""
    if not form:
        return None
    import sympy as sp

    from tutor.errors import VerificationError
    from tutor.verify import safe_parse

    if form == "simplest" and re.fullmatch(r"\s*\d+\s*:\s*\d+\s*", answer_text):
        from tutor.verify.forms import in_form  # a ratio: its terms have no common factor (the parser has no ":")

        return in_form(answer_text, form).value == "verified"
    answer_text = re.sub(r"(?<=[\d)])\s+[A-Za-z]+$", "", answer_text)  # "5.4 days": the unit is not the form
    try:
        expr = safe_parse(answer_text)
    except VerificationError:  # an answer our parser cannot read is not in any form we can confirm
        return False
    if not isinstance(expr, sp.Expr):
        return False
    if form == "factored":
        return not isinstance(expr, sp.Add) or sp.factor(expr) == expr
    if form == "expanded":
        return sp.expand(expr) == expr
    return True  # "simplest": equality with the gold already says enough for this set


def tools_row(q: dict) -> dict:
    from tutor.verify import Status, compare_answers, solve_question

    t0 = time.perf_counter()
    solution = solve_question(q["question"])
    seconds = time.perf_counter() - t0
    row = {"id": q["id"], "kind": q["kind"], "subject": q["subject"], "question": q["question"], "gold": q["gold"],
           "recognised": solution is not None, "ms": round(1000 * seconds, 1)}
    if solution is None:
        return row | {"verdict": "not recognised"}
    row |= {"form_kind": solution.kind, "answer_text": solution.answer_text, "answer": str(solution.answer),
            "form_asked": q.get("form"), "form_given": solution.form}
    if q["kind"] == "concept" or not q["gold"]:
        return row | {"verdict": "took a concept question"}
    forward = compare_answers(solution.answer_text, q["gold"]).status
    backward = compare_answers(q["gold"], solution.answer).status
    row |= {"text_vs_gold": forward.value, "gold_vs_answer": backward.value,
            "form_ok": form_ok(solution.answer_text, q.get("form"))}
    # The text is what the tutor uses as its reference; the SymPy object decides only when the text cannot.
    decisive = forward if forward is not Status.undetermined else backward
    if decisive is Status.refuted or row["form_ok"] is False:
        verdict = "WRONG"
    elif decisive is Status.verified:
        verdict = "right"
    else:
        verdict = "undetermined"
    row["directions_disagree"] = {forward, backward} == {Status.verified, Status.refuted}
    return row | {"verdict": verdict}


def tools_summary(rows: list[dict]) -> dict:
    def part(items: list[dict]) -> dict:
        rec = [r for r in items if r["recognised"] and r["kind"] != "concept"]
        verdicts = Counter(r["verdict"] for r in rec)
        return {"questions": len(items), "recognised": sum(r["recognised"] for r in items),
                "right": verdicts["right"], "wrong": verdicts["WRONG"], "undetermined": verdicts["undetermined"],
                "answerable_recognised": len(rec)}

    summary = {"all": part(rows)} | {kind: part([r for r in rows if r["kind"] == kind]) for kind in KINDS}
    summary["wrong"] = [r for r in rows if r["verdict"] == "WRONG"]
    summary["undetermined"] = [r for r in rows if r["verdict"] == "undetermined"]
    summary["directions_disagree"] = [r for r in rows if r.get("directions_disagree")]
    summary["concept_taken"] = [r for r in rows if r["verdict"] == "took a concept question"]
    summary["word_taken"] = [r for r in rows if r["kind"] == "word" and r["recognised"]]
    ms = sorted(r["ms"] for r in rows)
    summary["ms_median"], summary["ms_max"] = ms[len(ms) // 2], ms[-1]
    return summary


def print_tools(rows: list[dict], summary: dict) -> None:
    print(f"{'id':6} {'kind':8} {'recognised as':14} {'verdict':14} {'ms':>7}  answer_text | gold | question")
    for r in rows:
        print(f"{r['id']:6} {r['kind']:8} {r.get('form_kind', '-'):14} {r['verdict']:14} {r['ms']:7.1f}  "
              f"{cut(r.get('answer_text', ''), 30)} | {cut(r['gold'], 24)} | {cut(r['question'], 60)}")
    print()
    for name in ("all", *KINDS):
        s = summary[name]
        line = f"{name:9} recognised {pct(s['recognised'], s['questions'])}"
        if name != "concept":
            n = s["answerable_recognised"]
            line += (f"; among recognised: right {pct(s['right'], n)}, wrong {pct(s['wrong'], n)}, "
                     f"undetermined {pct(s['undetermined'], n)}")
        print(line)
    print(f"time per question: median {summary['ms_median']} ms, max {summary['ms_max']} ms")
    if summary["wrong"]:
        print(f"\n!!! {len(summary['wrong'])} RECOGNISED ANSWERS DISAGREE WITH GOLD "
              "(the tutor takes them as ground truth: it verifies a model that agrees, repairs one that is right):")
        for r in summary["wrong"]:
            print(f"!!!   {r['id']} {r['question']!r}: answer_text {r['answer_text']!r}, gold {r['gold']!r} "
                  f"(text vs gold {r['text_vs_gold']}, gold vs answer {r['gold_vs_answer']}, "
                  f"form asked {r['form_asked']}, form ok {r['form_ok']})")
    for key, title in (("undetermined", "recognised, but the comparison with gold could not decide"),
                       ("directions_disagree", "answer_text vs gold and gold vs the SymPy answer disagree"),
                       ("concept_taken", "concept questions the recogniser answered (it should leave them)"),
                       ("word_taken", "word problems the recogniser answered")):
        if summary[key]:
            print(f"\n{title}:")
            for r in summary[key]:
                print(f"  {r['id']} {r['question']!r} -> {r.get('answer_text')!r} [SymPy: {r.get('answer')}] "
                      f"(gold {r['gold']!r}, {r['verdict']})")


# ---------------------------------------------------------------- full (model)

def build_chat(home: Path):
    """A TutorChat over a TutorContext on ``home``, with the model file of the usual settings."""
    from agents.service import TutorChat
    from tutor.context import TutorContext, configure_logging
    from tutor.llm.catalog import model_path
    from tutor.settings import Settings

    real = Settings.from_env()
    settings = real.replace(home=home, database_url=f"sqlite:///{home / 'tutor.db'}", model_path=model_path(real))
    configure_logging(settings.replace(log_level="WARNING"))
    ctx = TutorContext(settings)
    ctx.upgrade_db()
    return ctx, TutorChat(ctx)


def classify(q: dict, status: str, right: bool, refuted: list[str]) -> str:
    if status == "withheld":
        return "withheld"
    if q["kind"] == "concept":
        return "shown wrong (any mark)" if refuted else "concept ok"
    if right:
        return "verified and right" if status == "verified" else "shown unchecked and right"
    return "wrongly verified" if status == "verified" else "shown wrong (any mark)"


def model_row(chat, q: dict) -> dict:
    t0 = time.monotonic()
    reply = chat.ask(None, q["question"], thread_id=f"everyday-{q['id']}", mode="direct")
    seconds = time.monotonic() - t0
    final, check = None, None
    return score(q, reply.status, reply.text) | {"reference": reply.reference, "repaired": reply.repaired,
                                                 "tries": reply.tries, "seconds": round(seconds, 1)}


def read_final(text: str, gold: str) -> str | None:
    """The reply's final answer, read the way the tutor reads it: the whole "The answer is" phrase ("x = -4 or
    x = 4"); else what the last sentence states, whole, when it can be compared ("The derivative of ... is
    12x^3 - 10x."); a bare number only when neither was stated."""
    from agents import prompts
    from agents.checks import closing_answer, final_answer_of, final_answer_phrase
    from tutor.verify import Status, compare_answers

    # the note the tutor adds under an unchecked reply after its checks ran: the tutor read the reply without it
    for lang in ("en", "zh"):
        text = text.replace(prompts.say(lang, prompts.UNCHECKED_NOTE), "").rstrip()
    phrase = final_answer_phrase(text)
    if phrase:
        return phrase
    closing = closing_answer(text)
    if closing and compare_answers(closing, gold).status is not Status.undetermined:
        return closing
    return final_answer_of(text)


def score(q: dict, status: str, text: str) -> dict:
    """A reply's row: its final answer against the gold, refuted statements, and the class."""
    from tutor.verify import Status, check_text, compare_answers
    from tutor.verify.answers import rounds_to

    final, check = None, None
    if status != "withheld" and q["gold"]:
        final = read_final(text, q["gold"])
        check = compare_answers(final, q["gold"]).status if final else Status.undetermined
        if check is Status.refuted and rounds_to(final, q["gold"]):
            check = Status.verified  # 0.5833 for 7/12: right to the places written, as the tutor's vote takes it
    refuted = [c.claim for c in check_text(text) if c.status is Status.refuted]
    right = check is Status.verified
    return {"id": q["id"], "kind": q["kind"], "subject": q["subject"], "question": q["question"], "gold": q["gold"],
            "status": status, "final": final, "answer_check": check.value if check else None,
            "class": classify(q, status, right, refuted), "refuted_statements": refuted, "text": text[:1500]}


def rescore(saved: list[dict], questions: list[dict]) -> list[dict]:
    """Saved replies scored again. Rows of ``bench/reply_latency.py`` (the same replies, timed) carry no gold: it
    comes from ``questions`` by id, and their ``final`` is the seconds to the final reply."""
    by_id = {q["id"]: q for q in questions}
    rows = [{**by_id.get(r["id"], {}), **r, **({} if "seconds" in r else {"seconds": r.get("final") or 0.0})}
            for r in saved]
    return [{**r, **score(r, r["status"], r.get("text", ""))} for r in rows]


def model_summary(rows: list[dict]) -> dict:
    n = len(rows)
    classes = Counter(r["class"] for r in rows)
    symbolic = [r for r in rows if r["kind"] == "symbolic"]
    return {
        "questions": n,
        **{c: classes[c] for c in CLASSES},
        "verified_and_right_share": round(classes["verified and right"] / n, 3) if n else None,
        # concept questions have no gold answer, so they can never be "verified and right": also the share of the rest
        "verified_and_right_share_of_gradable": round(
            classes["verified and right"] / gradable, 3) if (gradable := sum(r["kind"] != "concept" for r in rows))
        else None,
        "shown_wrong_any_mark": classes["shown wrong (any mark)"] + classes["wrongly verified"],
        "symbolic_shown_wrong": sum(r["class"] in ("shown wrong (any mark)", "wrongly verified") for r in symbolic),
        "final_answer_unreadable": sum(r["answer_check"] == "undetermined" for r in rows),
        "per_kind": {k: dict(Counter(r["class"] for r in rows if r["kind"] == k)) for k in KINDS},
        "mean_seconds": round(sum(r["seconds"] for r in rows) / n, 1) if n else None,
    }


def run_model(questions: list[dict], args) -> tuple[list[dict], dict]:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="everyday-home-") as home:
        ctx, chat = build_chat(Path(home))
        try:
            for i, q in enumerate(questions, 1):
                try:
                    row = model_row(chat, q)
                except Exception as exc:  # noqa: BLE001 - one failing question must not lose a long run; recorded
                    row = {"id": q["id"], "kind": q["kind"], "subject": q["subject"], "question": q["question"],
                           "gold": q["gold"], "status": "error", "final": None, "answer_check": None,
                           "class": "withheld", "error": repr(exc), "seconds": 0.0}
                rows.append(row)
                print(f"[{i}/{len(questions)}] {row['id']} {row['kind']:8} {row['status']:12} "
                      f"{row['class']:26} final={cut(row['final'], 24)!s} gold={row['gold']!r} "
                      f"{row['seconds']}s", flush=True)
        finally:
            chat.close()
    summary = model_summary(rows) | {"model": str(ctx.settings.model_path)}
    if args.split and 0 < args.split < len(rows):
        summary["first"] = model_summary(rows[:args.split])
        summary["rest"] = model_summary(rows[args.split:])
    return rows, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tools-only", action="store_true", help="no model: only the SymPy recogniser")
    parser.add_argument("-n", type=int, default=None, help="only the first N questions")
    parser.add_argument("--data", type=Path, default=DATA,
                        help="question file (default bench/data/everyday.jsonl; bench/data/everyday_heldout.jsonl is "
                             "the held-out set)")
    parser.add_argument("--split", type=int, default=0, help="also summarise the first K questions and the rest apart")
    parser.add_argument("--json", type=Path, default=None, help="save the rows (JSONL) and a .summary.json beside")
    parser.add_argument("--rescore", type=Path, default=None,
                        help="no model: score the replies saved in these rows again (after a fix to the reading)")
    args = parser.parse_args()
    questions = load(args.n, args.data)
    if args.rescore:
        saved = [json.loads(line) for line in args.rescore.read_text(encoding="utf-8").splitlines()]
        rows = rescore(saved, load(None, args.data))
        summary = model_summary(rows) | {"rescored": str(args.rescore)}
        print(json.dumps(summary, indent=2))
    elif args.tools_only:
        rows = [tools_row(q) for q in questions]
        summary = tools_summary(rows)
        print_tools(rows, summary)
        if args.split and 0 < args.split < len(rows):
            for name, part in (("first", rows[:args.split]), ("rest", rows[args.split:])):
                s = tools_summary(part)["all"]
                print(f"{name}: recognised {pct(s['recognised'], s['questions'])}, right {s['right']}, "
                      f"wrong {s['wrong']}")
    else:
        rows, summary = run_model(questions, args)
        print(json.dumps(summary, indent=2))
    if args.json:
        write_rows(args.json, rows, summary)


def write_rows(path: Path, rows: list[dict], summary: dict) -> None:
    """One JSON line per row at ``path``, and the summary next to it (``<name>.summary.json``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, default=str, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    path.with_suffix(".summary.json").write_text(json.dumps(summary, indent=2, default=str, ensure_ascii=False)
                                                 + "\n", encoding="utf-8")


if __name__ == "__main__":  # Math-Verify may start worker processes that import this file
    main()
