"""Load benchmark: N students at once, through the service layer, on SQLite and PostgreSQL.

Each simulated student (one thread) does what a student does in a lesson:
logs in (real Argon2id), fetches the lesson plan and mastery, answers
problems (each graded by the real verifier and stored with its BKT mastery and
FSRS update by the learner service, in one transaction), and asks for hints (a tutor-session message pair). A
browser that resubmits on a flaky network is simulated too: some answers are
sent twice with the same ``submission_id``, and any error is retried by the
"client" with the same ``submission_id``.

At the end the database is checked against what the students were told:
every acknowledged answer is stored exactly once (lost = duplicated = 0), and
every student's mastery row counted every stored attempt (no lost update).

    .venv/bin/python bench/load.py                       # SQLite and PostgreSQL, N = 10, 50, 200
    .venv/bin/python bench/load.py --backend sqlite --students 10
    .venv/bin/python bench/load.py --backend postgres --url postgresql+psycopg://u:p@host/db   # an existing, empty db

PostgreSQL without ``--url`` starts a throwaway cluster (``tests/pg.py``) with
fsync on, as a real server would run.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func  # noqa: E402
from sqlmodel import select  # noqa: E402

from tutor import repo  # noqa: E402
from tutor.accounts import create_user, hash_password, login  # noqa: E402
from tutor.context import TutorContext  # noqa: E402
from tutor.db import run_in_transaction  # noqa: E402
from tutor.errors import StorageError  # noqa: E402
from tutor.models import Attempt, LessonItem, LessonPlan, MasteryState, Skill, Verdict  # noqa: E402
from tutor.settings import Settings  # noqa: E402

PASSWORD = "load-test-password"
SKILL = "fractions.add"
def submit_answer(ctx: TutorContext, student_id: int, problem: dict, answer: str, submission_id: str) -> str:
    """Grade an answer and store the attempt with its mastery update in one transaction.

    Idempotent on ``submission_id``: a resubmission returns the stored verdict
    and does not touch mastery again.
    """
    from tutor.admission import cpu_slot
    from tutor.verify import Status, compare_answers

    with cpu_slot():  # as tutor.learner.submit_and_commit does: answers queue behind log-ins
        check = compare_answers(answer, problem["answer"])
        verdict = {Status.verified: Verdict.correct, Status.refuted: Verdict.incorrect}.get(
            check.status, Verdict.undetermined
        )
        return record_attempt(ctx, student_id, problem, answer, verdict, submission_id)


def record_attempt(
    ctx: TutorContext, student_id: int, problem: dict, answer: str, verdict: Verdict, submission_id: str
) -> str:
    """Store a graded attempt with its BKT/FSRS update through the learner service, in one transaction.

    Idempotent on ``submission_id``: a resubmission returns the stored verdict and changes nothing.
    """
    from tutor.learner.service import record_attempt as learner_record

    def tx(s):
        return learner_record(
            session=s, student_id=student_id, skill_id=SKILL, problem_id=problem["id"],
            problem_text=problem["text"], expected_answer=problem["answer"], answer_given=answer,
            verdict=verdict, submission_id=submission_id,
        ).verdict

    return run_in_transaction(ctx.engine, tx)


def ask_hint(ctx: TutorContext, student_id: int, thread_id: str, problem: dict) -> None:
    """What a hint request writes: the question and the tutor's reply in the conversation."""

    def tx(s):
        ts = repo.get_or_create_tutor_session(session=s, student_id=student_id, thread_id=thread_id, skill_id=SKILL)
        repo.add_message(session=s, tutor_session=ts, role="user", content=f"Can I have a hint for {problem['text']}?")
        repo.add_message(session=s, tutor_session=ts, role="assistant",
                         content="Find a common denominator first. What is the least common multiple?")

    run_in_transaction(ctx.engine, tx)


def fetch_plan(ctx: TutorContext, student_id: int):
    with ctx.session() as s:
        plan = repo.active_lesson_plan(session=s, student_id=student_id)
        repo.mastery_for(session=s, student_ids=[student_id])
        return plan


def make_problem(rng: random.Random) -> dict:
    a, b, c, d = rng.randint(1, 9), rng.randint(2, 12), rng.randint(1, 9), rng.randint(2, 12)
    total = Fraction(a, b) + Fraction(c, d)
    return {"id": f"frac-{a}-{b}-{c}-{d}", "text": f"{a}/{b} + {c}/{d}", "answer": str(total)}


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"login": [], "plan": [], "submit": [],
                                                                       "hint": []})
    acknowledged: set[str] = field(default_factory=set)
    sent: int = 0
    client_retries: int = 0
    surfaced_errors: Counter = field(default_factory=Counter)
    lock = threading.Lock()


def student_loop(ctx, name, student_id, n_answers, hints, think, ramp, seed, stats: Stats):
    rng = random.Random(seed)
    time.sleep(rng.uniform(0, ramp))
    lat = {k: [] for k in stats.latencies}
    acked, sent, retries, errors = [], 0, 0, Counter()

    def timed(kind, fn, *args):
        t0 = time.perf_counter()
        out = fn(*args)
        lat[kind].append(time.perf_counter() - t0)
        return out

    try:
        timed("login", login, ctx, name, PASSWORD)
        timed("plan", fetch_plan, ctx, student_id)
        thread_id = uuid.uuid4().hex
        hint_at = set(rng.sample(range(n_answers), min(hints, n_answers)))
        for i in range(n_answers):
            problem = make_problem(rng)
            if i in hint_at:
                timed("hint", ask_hint, ctx, student_id, thread_id, problem)
            answer = problem["answer"] if rng.random() < 0.7 else str(Fraction(problem["answer"]) + 1)
            sub = uuid.uuid4().hex
            copies = 2 if rng.random() < 0.05 else 1  # a double-click / network resend
            for _ in range(copies):
                sent += 1
                t0 = time.perf_counter()
                for attempt in range(6):  # the client retries with the same submission_id
                    try:
                        submit_answer(ctx, student_id, problem, answer, sub)
                        acked.append(sub)
                        break
                    except StorageError as exc:
                        retries += 1
                        if attempt == 5:
                            errors[str(exc)[:80]] += 1
                        time.sleep(0.1 * (attempt + 1))
                lat["submit"].append(time.perf_counter() - t0)
            if think:
                time.sleep(rng.uniform(0, 2 * think))
    except Exception as exc:  # anything a user would see
        errors[f"{type(exc).__name__}: {str(exc)[:80]}"] += 1
    with stats.lock:
        for k, v in lat.items():
            stats.latencies[k].extend(v)
        stats.acknowledged.update(acked)
        stats.sent += sent
        stats.client_retries += retries
        stats.surfaced_errors.update(errors)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def seed_school(ctx: TutorContext, n: int) -> list[tuple[str, int]]:
    shared_hash = hash_password(PASSWORD)  # real Argon2id parameters; hashed once for speed of set-up
    students = []
    with ctx.session() as s:
        repo.upsert_skills(session=s, skills=[Skill(id=SKILL, title="Adding fractions", subject="fractions",
                                                    plugin="bench")])
        for i in range(n):
            user = create_user(session=s, username=f"student{i:04d}", password=PASSWORD, role="student",
                               password_hash=shared_hash, grade_level=6)
            students.append((user.username, user.id))
            repo.save_lesson_plan(session=s, plan=LessonPlan(student_id=user.id, greeting="Hi"), items=[
                LessonItem(kind=k, skill_id=SKILL, title=f"{k} fractions", position=0)
                for k in ("review", "new", "practice", "check")
            ])
    return students


def run_once(ctx: TutorContext, n: int, answers: int, hints: int, think: float, ramp: float) -> dict:
    students = seed_school(ctx, n)
    stats = Stats()
    threads = [
        threading.Thread(target=student_loop, args=(ctx, name, sid, answers, hints, think, ramp, i, stats))
        for i, (name, sid) in enumerate(students)
    ]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    with ctx.session() as s:
        rows = s.exec(select(func.count()).select_from(Attempt)).one()
        distinct = s.exec(select(func.count(func.distinct(Attempt.submission_id)))).one()
        stored = set(s.exec(select(Attempt.submission_id)).all())
        per_student = Counter(s.exec(select(Attempt.student_id).where(Attempt.verdict != "undetermined")).all())
        mastery = {m.student_id: m.n_attempts for m in s.exec(select(MasteryState)).all()}
    lost = len(stats.acknowledged - stored)
    mastery_mismatch = sum(1 for sid, c in per_student.items() if mastery.get(sid) != c)
    locked = sum(c for msg, c in stats.surfaced_errors.items() if "locked" in msg.lower())
    submit = stats.latencies["submit"]
    return {
        "students": n,
        "answers_sent": stats.sent,
        "acknowledged": len(stats.acknowledged),
        "stored": rows,
        "lost": lost,
        "duplicated": rows - distinct,
        "mastery_mismatch": mastery_mismatch,
        "surfaced_errors": sum(stats.surfaced_errors.values()),
        "database_locked_shown": locked,
        "client_retries": stats.client_retries,
        "wall_s": round(wall, 2),
        "attempts_per_s": round(rows / wall, 1),
        "submit_p50_ms": round(pct(submit, 50) * 1000, 1),
        "submit_p95_ms": round(pct(submit, 95) * 1000, 1),
        "login_p50_ms": round(pct(stats.latencies["login"], 50) * 1000, 1),
        "login_p95_ms": round(pct(stats.latencies["login"], 95) * 1000, 1),
        "plan_p95_ms": round(pct(stats.latencies["plan"], 95) * 1000, 1),
        "hint_p95_ms": round(pct(stats.latencies["hint"], 95) * 1000, 1),
        "errors": dict(stats.surfaced_errors.most_common(5)),
    }


def make_ctx(backend: str, workdir: Path, cluster, url: str | None, n: int) -> tuple[TutorContext, callable]:
    """A migrated, empty database for one run, and how to clean it up."""
    if backend == "sqlite":
        home = workdir / f"sqlite-{n}"
        db_url = f"sqlite:///{home / 'tutor.db'}"
        cleanup = lambda: None  # noqa: E731
    elif url:
        home, db_url, cleanup = workdir / f"pg-{n}", url, (lambda: None)
    else:
        name = cluster.create_database(f"load_{n}_{uuid.uuid4().hex[:6]}")
        home, db_url = workdir / f"pg-{n}", cluster.url(name)
        cleanup = lambda: cluster.drop_database(name)  # noqa: E731
    home.mkdir(parents=True, exist_ok=True)
    ctx = TutorContext(Settings.from_env({"TUTOR_HOME": str(home), "TUTOR_DATABASE_URL": db_url}))
    ctx.upgrade_db()
    return ctx, cleanup


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    ap.add_argument("--students", default="10,50,200", help="comma-separated N values")
    ap.add_argument("--answers", type=int, default=10, help="answers per student")
    ap.add_argument("--hints", type=int, default=2, help="hint requests per student")
    ap.add_argument("--think", type=float, default=0.0, help="mean seconds between answers (0 = flat out)")
    ap.add_argument("--ramp", type=float, default=5.0, help="students arrive spread over this many seconds")
    ap.add_argument("--url", help="an existing, empty PostgreSQL database (default: a throwaway cluster)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)

    backends = ("sqlite", "postgres") if args.backend == "both" else (args.backend,)
    sizes = [int(x) for x in args.students.split(",") if x.strip()]
    cluster = None
    if "postgres" in backends and not args.url:
        from tests.pg import PgCluster

        cluster = PgCluster.start(durable=True, max_connections=max(100, 2 * max(sizes)))
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="tutor-load-") as tmp:
            for backend in backends:
                for n in sizes:
                    ctx, cleanup = make_ctx(backend, Path(tmp), cluster, args.url, n)
                    try:
                        r = {"backend": backend} | run_once(ctx, n, args.answers, args.hints, args.think, args.ramp)
                    finally:
                        ctx.engine.dispose()
                        cleanup()
                    r["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
                    results.append(r)
                    print(json.dumps(r), flush=True)
    finally:
        if cluster:
            cluster.stop()
    print()
    print("| backend | N | attempts stored | attempts/s | submit p50 / p95 ms | login p95 ms | lost | duplicated "
          "| mastery mismatches | errors shown | 'database is locked' shown |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['backend']} | {r['students']} | {r['stored']} | {r['attempts_per_s']} | "
              f"{r['submit_p50_ms']} / {r['submit_p95_ms']} | {r['login_p95_ms']} | {r['lost']} | "
              f"{r['duplicated']} | {r['mastery_mismatch']} | {r['surfaced_errors']} | {r['database_locked_shown']} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    bad = any(r["lost"] or r["duplicated"] or r["mastery_mismatch"] or r["surfaced_errors"] for r in results)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
