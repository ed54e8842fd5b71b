import sqlite3
import stat

import pytest
from sqlalchemy import inspect, text
from sqlmodel import select

from tutor.accounts import create_user
from tutor.db import check_connection, make_engine, session_scope
from tutor.errors import StorageError
from tutor.migrate import current_revision, head_revision, needs_upgrade, upgrade
from tutor.models import User

EXPECTED_TABLES = {
    "user", "parentlink", "linkcode", "classroom", "enrollment", "skill", "bktparams", "attempt",
    "masterystate", "lessonplan", "lessonitem", "tutorsession", "message", "verificationlog",
}


def test_migrating_an_empty_database_to_head_creates_every_table(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'new' / 'tutor.db'}")
    assert needs_upgrade(engine) is True
    assert upgrade(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert EXPECTED_TABLES <= tables
    assert "alembic_version" in tables
    assert needs_upgrade(engine) is False
    columns = {c["name"] for c in inspect(engine).get_columns("attempt")}
    assert {"verdict", "time_taken_s", "hints_used", "answer_given", "created_at", "submission_id"} <= columns


def test_upgrade_is_idempotent_and_keeps_data(ctx):
    with ctx.session() as s:
        create_user(session=s, username="keepme", password="password123", role="student")
    ctx.upgrade_db()
    ctx.upgrade_db()
    with ctx.session() as s:
        assert s.exec(select(User.username)).all() == ["keepme"]


def test_sqlite_pragmas(ctx):
    with ctx.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_failed_transaction_rolls_back(ctx):
    with pytest.raises(RuntimeError):
        with ctx.session() as s:
            create_user(session=s, username="ghost", password="password123", role="student")
            raise RuntimeError("boom")
    with ctx.session() as s:
        assert s.exec(select(User)).all() == []


def test_url_pointing_nowhere_gives_a_clear_error(tmp_path):
    with pytest.raises(StorageError, match="Cannot use the database URL nonsense://"):
        make_engine("nonsense://")
    with pytest.raises(StorageError, match="not valid"):
        make_engine("::::")
    # Port 1 on loopback: nothing listens there.
    engine = make_engine("postgresql+psycopg://tutor:secret@127.0.0.1:1/none")
    with pytest.raises(StorageError, match="Cannot connect") as err:
        check_connection(engine)
    assert "secret" not in str(err.value)


def test_missing_folder_without_create_is_a_clear_error(tmp_path):
    with pytest.raises(StorageError, match="does not exist"):
        make_engine(f"sqlite:///{tmp_path / 'nope' / 'x.db'}", create_dirs=False)


def test_read_only_database_gives_clear_error_and_keeps_data(ctx, tmp_path):
    with ctx.session() as s:
        create_user(session=s, username="kept", password="password123", role="student")
    ctx.engine.dispose()
    db = ctx.settings.home / "tutor.db"
    # Root ignores file permissions, so open the database read-only by URI instead.
    ro = make_engine(f"sqlite:///file:{db}?mode=ro&uri=true")
    with pytest.raises(StorageError, match="read-only"):
        with session_scope(ro) as s:
            create_user(session=s, username="newbie", password="password123", role="student")
    ro.dispose()
    con = sqlite3.connect(db)
    assert [r[0] for r in con.execute("select username from user")] == ["kept"]
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert stat.S_ISREG(db.stat().st_mode)


def test_locked_database_gives_clear_error_and_keeps_data(ctx, monkeypatch):
    import tutor.db

    with ctx.session() as s:
        create_user(session=s, username="kept", password="password123", role="student")
    monkeypatch.setattr(tutor.db, "SQLITE_BUSY_TIMEOUT_MS", 200)
    engine = make_engine(ctx.settings.database_url)
    blocker = sqlite3.connect(ctx.settings.home / "tutor.db", isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError, match="busy"):
            with session_scope(engine) as s:
                create_user(session=s, username="late", password="password123", role="student")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        engine.dispose()
    with ctx.session() as s:
        assert s.exec(select(User.username)).all() == ["kept"]


def test_current_revision_of_fresh_copy(ctx):
    assert current_revision(ctx.engine) == head_revision()


def test_a_database_from_before_standards_gains_them_and_keeps_its_skills(tmp_path):
    """0001 -> head adds skill.standards and skill.domain; the skill sync then fills them from the plugins."""
    from tutor.models import Skill
    from tutor.plugins import PluginManager

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO skill (id, title, subject, plugin, grade_min, grade_max, prerequisites) "
                          "VALUES ('frac.simplify', 'Simplify fractions', 'Fractions', 'fractions', 4, 5, '')"))
    assert upgrade(engine) == head_revision()
    with session_scope(engine) as s:
        assert s.get(Skill, "frac.simplify").standards == ""
        PluginManager.load(third_party=False).sync_skills(session=s)
    with session_scope(engine) as s:
        row = s.get(Skill, "frac.simplify")
        assert (row.standards, row.domain, row.title) == ("4.NF.A.1", "NF", "Simplify fractions")
