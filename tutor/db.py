"""Database engine and transactions.

SQLite is opened in WAL mode with a busy timeout and foreign keys on, so many
Streamlit sessions can read while one writes. The same code runs on
PostgreSQL given a ``postgresql+psycopg://`` URL.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlmodel import Session, create_engine

from tutor.errors import StorageError

T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 30_000
POOL_TIMEOUT_S = 30.0
"""How long a transaction waits for a free pooled connection before giving up."""


def make_engine(database_url: str, *, create_dirs: bool = True) -> Engine:
    """Create an engine for ``database_url``; raise StorageError if it cannot be used."""
    try:
        url = make_url(database_url)
    except ArgumentError as exc:
        raise StorageError(f"The database URL {database_url!r} is not valid: {exc}") from None
    if url.get_backend_name() == "sqlite":
        db = url.database
        if db and db != ":memory:":
            path = Path(db)
            if create_dirs:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StorageError(f"Cannot create the folder for the database {path}: {exc}") from None
            elif not path.parent.is_dir():
                raise StorageError(f"The database folder {path.parent} does not exist")
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
            pool_timeout=POOL_TIMEOUT_S,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    try:
        # SQLite's single writer serializes read-modify-write transactions for
        # free; on PostgreSQL, REPEATABLE READ makes a concurrent update of the
        # same row (two replicas updating one mastery row) fail with a
        # serialization error instead of silently losing one update, and
        # run_in_transaction retries it. (SERIALIZABLE's predicate locks made
        # unrelated students' submissions abort each other under load.)
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=10,
            max_overflow=20,
            pool_timeout=POOL_TIMEOUT_S,
            isolation_level="REPEATABLE READ",
        )
    except Exception as exc:  # a missing driver or malformed options
        raise StorageError(f"Cannot use the database URL {url.render_as_string(hide_password=True)}: {exc}") from None


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # The pysqlite driver's own transaction handling is switched off so that
    # the "begin" hook below decides; see SQLAlchemy's pysqlite notes.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    try:
        cur.execute("PRAGMA journal_mode = WAL")
    except Exception:  # a read-only database cannot switch journal mode; reads still work
        pass
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _sqlite_begin_immediate(conn) -> None:
    # BEGIN IMMEDIATE takes the write lock up front, so two writers queue on
    # the busy timeout instead of failing with "database is locked" on upgrade.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


@contextlib.contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session whose transaction commits on success and rolls back on error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise StorageError(describe_db_error(exc)) from exc
        except PoolTimeout as exc:
            session.rollback()
            raise StorageError(
                "The tutor is saving for many people at once and could not get to the database in time. "
                "Nothing was changed; try again."
            ) from exc
        except BaseException:
            session.rollback()
            raise


def run_in_transaction(engine: Engine, fn: Callable[[Session], T], *, retries: int = 8) -> T:
    """Run ``fn(session)`` in one transaction, retrying transient errors.

    Retried: lock timeouts, serialization failures, a full connection pool, and
    a duplicate key from a concurrent insert (PostgreSQL: two replicas inserting
    the same submission_id); ``fn`` must be safe to re-run, e.g. by looking up
    what it is about to insert.
    """
    delay = 0.05
    unique_races = 0
    for attempt in range(retries + 1):
        try:
            with session_scope(engine) as session:
                return fn(session)
        except IntegrityError as exc:
            # A re-run sees the row the other writer committed; a key that is
            # simply taken fails the same way again and is raised as it is.
            if attempt < retries and _is_unique_race(exc) and unique_races < 2:
                unique_races += 1
                time.sleep(delay * random.uniform(0.5, 1.5))
                continue
            raise
        except StorageError as exc:
            cause = exc.__cause__
            retry = isinstance(cause, PoolTimeout) or (isinstance(cause, DBAPIError) and _is_transient(cause))
            if attempt < retries and retry:
                # Jitter, so writers that collided do not collide again in step.
                time.sleep(delay * random.uniform(0.5, 1.5))
                delay = min(delay * 2, 1.0)
                continue
            raise
    raise AssertionError("unreachable")


def _is_unique_race(exc: DBAPIError) -> bool:
    # Only PostgreSQL can race here: SQLite's BEGIN IMMEDIATE runs writers one at a time.
    return isinstance(exc, IntegrityError) and getattr(exc.orig, "sqlstate", None) == "23505"


def _is_transient(exc: DBAPIError) -> bool:
    msg = str(exc.orig).lower()
    return "locked" in msg or "busy" in msg or "serializ" in msg or "deadlock" in msg


def describe_db_error(exc: Exception) -> str:
    """Turn a driver error into a sentence a person can act on."""
    msg = str(getattr(exc, "orig", exc)).lower()
    if "readonly" in msg or "read-only" in msg or "read only" in msg:
        return "The database is read-only, so nothing could be saved. Check the file's permissions."
    if "could not serialize" in msg or "deadlock" in msg:
        return "Another change to the same records happened at the same moment. Nothing was changed; try again."
    if "locked" in msg or "busy" in msg:
        return "The database is busy (locked by another program). Nothing was changed; try again."
    if "disk" in msg and ("full" in msg or "i/o" in msg):
        return "The disk is full or failing, so nothing could be saved. Free some space and try again."
    if "unable to open" in msg:
        return "The database file cannot be opened. Check that its folder exists and is writable."
    if "connect" in msg or "connection" in msg or "could not translate host" in msg:
        return "Cannot connect to the database server. Check TUTOR_DATABASE_URL and that the server is running."
    if "no such table" in msg or "does not exist" in msg:
        return "The database is not set up yet. Run `tutor db upgrade`."
    return f"The database reported an error: {str(getattr(exc, 'orig', exc)).strip()[:200]}"


def check_connection(engine: Engine) -> None:
    """Open a connection and run a trivial query, or raise StorageError."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise StorageError(describe_db_error(exc)) from None
