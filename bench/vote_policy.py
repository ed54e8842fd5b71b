"""Calibrate the re-solve vote on word problems the evaluation does not use.

``collect`` generates the tutor's own checking programs (``agents.resolve.program_request``, the same prompts,
temperatures and seeds, in the same batched rounds) for GSM8K train questions of the natural-error set, runs
them in the sandbox and stores each program's answer next to the default model's greedy draft answer and the
gold answer. ``score`` replays vote rules over those samples, with no model, and counts per rule: drafts
verified and right, verified and wrong, and programs needed.

By default the questions are the natural-error set's default-model questions after the first 50, which are the
50 that ``bench/tutor_eval.py -n 50`` measures: the rule is chosen on other questions than the ones it is
measured on.

    python bench/vote_policy.py collect --samples 6 --out bench/results/vote_samples.jsonl
    python bench/vote_policy.py score bench/results/vote_samples.jsonl
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "bench" / "data" / "natural_errors.jsonl"
EVAL_QUESTIONS = 50
"""``bench/tutor_eval.py -n 50`` measures the first 50 default-model questions of the natural-error set."""


def load(skip: int, n: int | None) -> list[dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["model"] == "default"][skip:]
    return rows[:n] if n else rows


def same(compare, a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    status = compare(str(a), str(b)).status
    return getattr(status, "value", status) == "verified"


def collect(args) -> None:
    from agents.resolve import PROMPT_FAMILIES, _generate, extract_code, program_answer, program_request
    from tutor.context import TutorContext, configure_logging
    from tutor.sandbox import run_code
    from tutor.settings import Settings

    settings = Settings.from_env()
    configure_logging(settings.replace(log_level="WARNING"))
    ctx = TutorContext(settings)
    llm = ctx.llm
    batched = bool(getattr(llm, "decodes_batches", False))
    step = len(PROMPT_FAMILIES) if batched else 1
    done: dict[str, dict] = {}
    if args.out.exists():
        done = {r["id"]: r for r in map(json.loads, args.out.read_text(encoding="utf-8").splitlines()) if r}
    for row in load(args.skip, args.n):
        old = done.get(row["id"])
        if old is None and args.extend or old is not None and (len(old["programs"]) >= args.samples
                                                                or not args.extend):
            continue  # --extend only lengthens the rows already collected
        # --extend: a row collected with fewer samples gets the next ones (the same indices, prompts and
        # seeds the tutor would use), so a larger budget is replayed on the same first programs
        t0, answers = time.monotonic(), list(old["programs"]) if old else []
        for first in range(len(answers), args.samples, step):
            indices = list(range(first, min(first + step, args.samples)))
            replies = asyncio.run(_generate(llm, [program_request(row["question"], i) for i in indices],
                                            batched))
            for reply in replies:
                result = run_code(extract_code(reply), settings=settings, timeout_s=10.0)
                answers.append(program_answer(result))
        out = {"id": row["id"], "question": row["question"], "gold": row["gold"],
               "draft": row["final_answer"], "draft_right": row["label"] == "right", "programs": answers,
               "seconds": round(time.monotonic() - t0 + (old["seconds"] if old else 0.0), 1)}
        print(f"{row['id']} gold={row['gold']} draft={row['final_answer']} programs={answers} "
              f"{out['seconds']}s", flush=True)
        done[row["id"]] = out  # an extended row keeps its place, a new one goes last
        _rewrite(args.out, done)  # after every question: an interrupted run loses nothing


def _rewrite(path: Path, rows: dict[str, dict]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r) + "\n" for r in rows.values()), encoding="utf-8")
    tmp.replace(path)


RULES = {
    "before: 2 votes, margin 2, 4 programs": {"votes": 2, "margin": 2, "samples": 4, "draft_against": False},
    "the first draft counts against a repair": {"votes": 2, "margin": 2, "samples": 4, "draft_against": True},
    "6 programs": {"votes": 2, "margin": 2, "samples": 6, "draft_against": False},
    "6 programs, first draft against": {"votes": 2, "margin": 2, "samples": 6, "draft_against": True},
    "3 votes, 6 programs": {"votes": 3, "margin": 2, "samples": 6, "draft_against": False},
    "3 votes, 6 programs, draft against": {"votes": 3, "margin": 2, "samples": 6, "draft_against": True},
    "6, draft against, no negative how-many votes": {"votes": 2, "margin": 2, "samples": 6, "draft_against": True,
                                                      "fit": True},
    "8, draft against, no negative how-many votes": {"votes": 2, "margin": 2, "samples": 8, "draft_against": True,
                                                      "fit": True},
    "8, draft against": {"votes": 2, "margin": 2, "samples": 8, "draft_against": True},
}


def score(args) -> None:
    from tutor.verify import compare_answers

    rows = [json.loads(line) for path in args.files for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    print(f"{len(rows)} questions; draft right {sum(r['draft_right'] for r in rows)}")
    have = min(len(r["programs"]) for r in rows)
    for name, rule in RULES.items():
        if rule["samples"] > have:
            print(f"{name:52s} needs {rule['samples']} programs per question; collected {have} (collect --extend)")
            continue
        counts = Counter()
        for r in rows:
            status, used, shown = replay(r, compare_answers, **rule)
            right = same(compare_answers, shown, r["gold"])
            counts["programs"] += used
            counts["right"] += right
            if status == "verified":
                counts["verified right" if right else "VERIFIED WRONG"] += 1
        print(f"{name:52s} " + "  ".join(f"{k}={v}" for k, v in counts.items()))


def replay(row: dict, compare, *, votes: int, margin: int, samples: int,
           draft_against: bool, fit: bool = False) -> tuple[str, int, str | None]:
    """What a reply to ``row`` ends as under a vote rule: its status, the programs run and the answer shown.

    The tutor's order: the draft's answer is judged by programs written in rounds of two, stopping once more
    cannot verify or refute it. An outvoted draft is repaired; the repair is assumed to take the answer the
    programs lead with (a repair's best case), which is then judged by the programs run and more, up to the
    budget. With ``draft_against``, the first draft's own answer counts as one vote against a different one.
    With ``fit``, a program's answer that cannot answer the question (``agents.resolve.fits``: a negative
    how-many) is no vote, as in the tutor."""
    from agents.resolve import _decided, fits, judge

    programs = [a if not fit or fits(row["question"], a) else None for a in row["programs"][:samples]]
    draft = row["draft"]

    def ballots(n: int) -> dict[str, int]:
        return dict(Counter(a for a in programs[:n] if a is not None))

    def verdict(candidate: str | None, n: int):
        return judge(candidate, ballots(n), compare, draft if draft_against else None, need=votes, margin=margin)

    def decided(candidate: str | None, n: int) -> bool:
        return _decided(candidate, ballots(n), compare, samples - n, draft if draft_against else None,
                        need=votes, margin=margin)

    n = 0
    while n < samples:
        n = min(samples, n + 2)
        if decided(draft, n):
            break
    first = verdict(draft, n)
    if first.status == "verified":
        return "verified", n, draft
    if first.rival_votes <= first.support:
        return "undetermined", n, draft
    lead = Counter(a for a in programs[:n] if a is not None).most_common(1)[0][0]
    while n < samples and not decided(lead, n):
        n = min(samples, n + 2)
    return ("verified" if verdict(lead, n).status == "verified" else "undetermined"), n, lead


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect", help="generate and run the checking programs")
    c.add_argument("--samples", type=int, default=6)
    c.add_argument("--skip", type=int, default=EVAL_QUESTIONS,
                   help="leave out the first K default-model questions (default: the 50 tutor_eval measures)")
    c.add_argument("-n", type=int, default=None, help="at most N questions")
    c.add_argument("--extend", action="store_true",
                   help="only give rows already collected with fewer than --samples programs the next ones")
    c.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "vote_samples.jsonl")
    s = sub.add_parser("score", help="replay vote rules over collected samples")
    s.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args()
    collect(args) if args.command == "collect" else score(args)


if __name__ == "__main__":
    main()
