"""Storage on both backends: migrations, repository functions, concurrent writers,
and the LangGraph PostgreSQL checkpointer.

The ``ctx`` tests here run twice (SQLite and PostgreSQL, see tests/conftest.py);
the ``pg_url`` tests need the throwaway PostgreSQL cluster.
"""

from __future__ import annotations

import operator
import os
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, TypedDict

import pytest
from sqlalchemy import func, inspect
from sqlmodel import select

from tutor import repo
from tutor.accounts import create_user
from tutor.db import make_engine, run_in_transaction
from tutor.migrate import head_revision, needs_upgrade, upgrade
from tutor.models import Attempt, LessonItem, LessonPlan, MasteryState, Skill

pytestmark = pytest.mark.storage

EXPECTED_TABLES = {
    "user", "parentlink", "linkcode", "classroom", "enrollment", "skill", "bktparams", "attempt",
    "masterystate", "lessonplan", "lessonitem", "tutorsession", "message", "verificationlog",
}


@pytest.fixture
def student(ctx):
    with ctx.session() as s:
        user = create_user(session=s, username="kid", password="password123", role="student")
        repo.upsert_skills(session=s, skills=[Skill(id="frac.add", title="Adding fractions", subject="fractions",
                                                    plugin="builtin")])
        return user.id


def attempt_kwargs(student_id: int, submission_id: str | None = None, **kw) -> dict:
    return {
        "student_id": student_id, "skill_id": "frac.add", "problem_id": "p1", "problem_text": "1/2 + 1/3",
        "expected_answer": "5/6", "answer_given": "5/6", "verdict": "correct", "submission_id": submission_id,
    } | kw


@pytest.mark.postgres
def test_migrating_an_empty_postgres_database_to_head_creates_every_table(pg_cluster):
    cluster, _ = pg_cluster
    name = cluster.create_database()
    engine = make_engine(cluster.url(name))
    try:
        assert needs_upgrade(engine) is True
        assert upgrade(engine) == head_revision()
        assert upgrade(engine) == head_revision()  # idempotent
        tables = set(inspect(engine).get_table_names())
        assert EXPECTED_TABLES | {"alembic_version"} <= tables
        assert needs_upgrade(engine) is False
    finally:
        engine.dispose()
        cluster.drop_database(name)


def test_repeated_submission_id_is_stored_once(ctx, student):
    with ctx.session() as s:
        first = repo.add_attempt(session=s, **attempt_kwargs(student, "sub-1"))
    with ctx.session() as s:
        again = repo.add_attempt(session=s, **attempt_kwargs(student, "sub-1", answer_given="7/6"))
        assert again.id == first.id and again.answer_given == "5/6"
        assert s.exec(select(func.count()).select_from(Attempt)).one() == 1


def test_concurrent_duplicate_submissions_store_one_attempt(ctx, student):
    """A double-click reaching two workers at once: one row, and no error for either."""
    barrier = threading.Barrier(8)

    def submit(_):
        barrier.wait()
        return run_in_transaction(
            ctx.engine, lambda s: repo.add_attempt(session=s, **attempt_kwargs(student, "double-click")).id
        )

    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(submit, range(8)))
    assert len(set(ids)) == 1
    with ctx.session() as s:
        assert s.exec(select(func.count()).select_from(Attempt)).one() == 1


def test_concurrent_writers_lose_nothing(ctx, student):
    """Many threads each add attempts and update the same mastery row; every write lands."""
    threads, per_thread = 12, 10

    def work(t):
        for i in range(per_thread):
            def tx(s, sub=f"w{t}-{i}"):
                repo.add_attempt(session=s, **attempt_kwargs(student, sub))
                state = repo.get_mastery(session=s, student_id=student, skill_id="frac.add")
                if state is None:
                    state = MasteryState(student_id=student, skill_id="frac.add", p_mastery=0.3)
                state.n_attempts += 1
                repo.save_mastery(session=s, state=state)

            run_in_transaction(ctx.engine, tx)

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(work, range(threads)))
    with ctx.session() as s:
        assert s.exec(select(func.count()).select_from(Attempt)).one() == threads * per_thread
        state = repo.get_mastery(session=s, student_id=student, skill_id="frac.add")
        assert state.n_attempts == threads * per_thread


def test_lesson_plan_and_tutor_session_round_trip(ctx, student):
    with ctx.session() as s:
        plan = repo.save_lesson_plan(
            session=s, plan=LessonPlan(student_id=student, greeting="Hi"),
            items=[LessonItem(kind="new", skill_id="frac.add", title=f"Item {i}", position=0) for i in range(3)],
        )
        repo.save_lesson_plan(session=s, plan=LessonPlan(student_id=student, greeting="Newer"),
                              items=[LessonItem(kind="review", skill_id="frac.add", title="Only", position=0)])
    with ctx.session() as s:
        active, items = repo.active_lesson_plan(session=s, student_id=student)
        assert active.greeting == "Newer" and [i.title for i in items] == ["Only"]
        assert s.get(LessonPlan, plan.id).status == "replaced"
        repo.complete_lesson_item(session=s, item_id=items[0].id)
    with ctx.session() as s:
        assert repo.active_lesson_plan(session=s, student_id=student) is None
        ts = repo.get_or_create_tutor_session(session=s, student_id=student, thread_id="th-1")
        repo.add_message(session=s, tutor_session=ts, role="user", content="x" * 10_000)
    with ctx.session() as s:
        ts = repo.get_or_create_tutor_session(session=s, student_id=student, thread_id="th-1")
        assert [len(m.content) for m in repo.session_messages(session=s, session_id=ts.id)] == [10_000]


def test_deleting_a_student_cascades_to_their_records(ctx, student):
    from tutor.models import User

    with ctx.session() as s:
        repo.add_attempt(session=s, **attempt_kwargs(student, "gone"))
        repo.save_mastery(session=s, state=MasteryState(student_id=student, skill_id="frac.add", p_mastery=0.5))
    with ctx.session() as s:
        s.delete(s.get(User, student))
    with ctx.session() as s:
        assert s.exec(select(func.count()).select_from(Attempt)).one() == 0
        assert s.exec(select(func.count()).select_from(MasteryState)).one() == 0


class Conversation(TypedDict):
    turns: Annotated[list[str], operator.add]


@pytest.mark.postgres
def test_langgraph_postgres_checkpointer_resumes_a_thread(pg_cluster):
    """The conversation checkpointer a multi-replica deployment uses: state survives a new saver."""
    from langgraph.checkpoint.postgres import PostgresSaver
    from langgraph.graph import END, START, StateGraph

    def reply(state: Conversation) -> dict:
        return {"turns": [f"reply {len(state['turns'])}"]}

    builder = StateGraph(Conversation)
    builder.add_node("reply", reply)
    builder.add_edge(START, "reply")
    builder.add_edge("reply", END)

    cluster, _ = pg_cluster
    name = cluster.create_database()
    config = {"configurable": {"thread_id": f"student-1-{uuid.uuid4().hex}"}}
    try:
        with PostgresSaver.from_conn_string(cluster.conninfo(name)) as saver:
            saver.setup()
            graph = builder.compile(checkpointer=saver)
            graph.invoke({"turns": ["hello"]}, config)
        # A different process/replica: a fresh connection and saver sees the same thread.
        with PostgresSaver.from_conn_string(cluster.conninfo(name)) as saver:
            graph = builder.compile(checkpointer=saver)
            assert graph.get_state(config).values["turns"] == ["hello", "reply 1"]
            out = graph.invoke({"turns": ["again"]}, config)
            assert out["turns"] == ["hello", "reply 1", "again", "reply 3"]
            other = {"configurable": {"thread_id": "someone-else"}}
            assert graph.get_state(other).values == {}
    finally:
        cluster.drop_database(name)


@pytest.mark.postgres
def test_conflicting_postgres_writers_get_a_clear_error_or_a_retry(pg_url):
    """Two transactions update the same row at once: the loser gets a retryable,
    readable error (no lost update); run_in_transaction retries it to success."""
    from tutor.db import session_scope
    from tutor.errors import StorageError

    engine = make_engine(pg_url)
    try:
        with session_scope(engine) as s:
            uid = create_user(session=s, username="kid", password="password123", role="student").id
        from tutor.models import User

        with pytest.raises(StorageError, match="same moment") as err:
            with session_scope(engine) as first:
                first.get(User, uid).failed_logins  # read: the snapshot starts here
                with session_scope(engine) as second:
                    second.get(User, uid).failed_logins = 7
                row = first.get(User, uid)
                row.failed_logins += 1
                first.add(row)
        assert "could not serialize" not in str(err.value)
        with session_scope(engine) as s:
            assert s.get(User, uid).failed_logins == 7

        calls = []

        def bump(s):
            calls.append(1)
            row = s.get(User, uid)
            if len(calls) == 1:  # a concurrent writer sneaks in during the first try only
                with session_scope(engine) as other:
                    other.get(User, uid).failed_logins += 10
            row.failed_logins += 1
            s.add(row)

        run_in_transaction(engine, bump)
        assert len(calls) == 2
        with session_scope(engine) as s:
            assert s.get(User, uid).failed_logins == 18
    finally:
        engine.dispose()


@pytest.mark.sqlite_only
def test_login_does_not_hold_the_sqlite_write_lock_while_hashing(ctx, monkeypatch):
    """Regression: login verified Argon2 (~0.2 s) inside BEGIN IMMEDIATE, so a class
    logging in at once queued every other write behind it (bench/load.py, N=200)."""
    import sqlite3

    import tutor.accounts
    from tutor.accounts import login

    with ctx.session() as s:
        create_user(session=s, username="kid", password="password123", role="student")
    real_verify = tutor.accounts._verify
    writes_during_verify = []

    def verify_while_someone_writes(hashed, password):
        other = sqlite3.connect(ctx.settings.home / "tutor.db", timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # fails at once with "database is locked" if login holds it
            other.execute("ROLLBACK")
            writes_during_verify.append(True)
        finally:
            other.close()
        return real_verify(hashed, password)

    monkeypatch.setattr(tutor.accounts, "_verify", verify_while_someone_writes)
    assert login(ctx, "kid", "password123").username == "kid"
    with pytest.raises(tutor.accounts.AuthError, match="Wrong"):
        login(ctx, "kid", "wrong-password")
    with pytest.raises(tutor.accounts.AuthError, match="Wrong"):
        login(ctx, "nobody", "password123")
    assert writes_during_verify == [True, True, True]  # one Argon2 check per login, none under the lock
    with ctx.session() as s:
        assert tutor.accounts.get_user_by_name(session=s, username="kid").failed_logins == 1


def test_a_full_connection_pool_is_a_clear_retryable_error(ctx, monkeypatch):
    """Regression: with 200 students, SQLAlchemy's QueuePool TimeoutError reached the user raw."""
    import tutor.db
    from tutor.db import session_scope
    from tutor.errors import StorageError

    monkeypatch.setattr(tutor.db, "POOL_TIMEOUT_S", 0.2)
    engine = make_engine(ctx.settings.database_url)
    held = []
    try:
        while True:  # take every pooled and overflow connection
            try:
                held.append(engine.connect())
            except Exception:
                break
        with pytest.raises(StorageError, match="many people at once"):
            with session_scope(engine) as s:
                s.exec(select(Skill)).all()
        release = threading.Timer(0.5, lambda: held.pop().close())
        release.start()  # a connection comes free while run_in_transaction retries
        assert run_in_transaction(engine, lambda s: s.exec(select(func.count()).select_from(Skill)).one()) == 0
        release.join()
    finally:
        for conn in held:
            conn.close()
        engine.dispose()


def test_a_login_storm_runs_a_bounded_number_of_argon2_checks_at_once(ctx, monkeypatch):
    """Regression: 200 simultaneous logins ran 200 Argon2 checks (64 MB each) at once: 11 GB."""
    import tutor.accounts
    from tutor.accounts import login

    with ctx.session() as s:
        create_user(session=s, username="kid", password="password123", role="student")
    running, peak, lock = [0], [0], threading.Lock()

    class SlowHasher:
        def verify(self, hashed, password):
            with lock:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
            time.sleep(0.05)
            with lock:
                running[0] -= 1
            return password == "password123"

        def check_needs_rehash(self, _hash):
            return False

    monkeypatch.setattr(tutor.accounts, "_hasher", SlowHasher())
    with ThreadPoolExecutor(24) as pool:
        users = list(pool.map(lambda _: login(ctx, "kid", "password123").username, range(24)))
    assert users == ["kid"] * 24
    assert 1 <= peak[0] <= max(2, os.cpu_count() or 2)
