"""Every test gets its own TUTOR_HOME and a fresh, migrated database."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tutor.context import TutorContext
from tutor.settings import Settings

TUTOR_VARS = (
    "TUTOR_HOME",
    "TUTOR_DATABASE_URL",
    "TUTOR_MODEL_BACKEND",
    "TUTOR_MODEL_PATH",
    "TUTOR_MODEL",
    "TUTOR_GPU_LAYERS",
    "TUTOR_PLUGINS",
    "TUTOR_LOG_LEVEL",
    "TUTOR_SANDBOX",
    "TUTOR_LANGUAGE",
)


def pytest_configure(config):
    # The plugin manager loads only the built-in plugins under tests (the
    # datasette convention), so a stray installed plugin never changes a result.
    sys._called_from_test = True
    ghosts = unknown_test_names()
    if ghosts:
        raise pytest.UsageError(f"tests/conftest.py names tests that do not exist: {', '.join(ghosts)}")


def unknown_test_names() -> list[str]:
    """Names in STORAGE_MODULES and SQLITE_ONLY with no such test module or function (a renamed test)."""
    here = Path(__file__).parent
    ghosts = [f"{m}.py" for m in sorted(STORAGE_MODULES) if not (here / f"{m}.py").exists()]
    for node in sorted(SQLITE_ONLY):
        module, _, function = node.partition("::")
        path = here / module
        if not path.exists() or f"def {function}(" not in path.read_text():
            ghosts.append(node)
    return ghosts


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """One migrated SQLite file per test run; each test copies it (migrating is slow)."""
    from tutor.db import make_engine
    from tutor.migrate import upgrade

    path = tmp_path_factory.mktemp("template") / "tutor.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch):
    """Cheap Argon2id parameters in tests: same algorithm, a fraction of the work."""
    from argon2 import PasswordHasher

    import tutor.accounts

    monkeypatch.setattr(tutor.accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(autouse=True)
def tutor_home(tmp_path, monkeypatch) -> Path:
    """Point TUTOR_HOME and the database at a temp dir; clear other TUTOR_* variables."""
    for var in TUTOR_VARS:
        monkeypatch.delenv(var, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("TUTOR_HOME", str(home))
    return home


@pytest.fixture
def settings(tutor_home) -> Settings:
    return Settings.from_env()


@pytest.fixture
def ctx(request, settings, migrated_template, monkeypatch) -> TutorContext:
    """A context over a fresh copy of the migrated database.

    Storage tests (see ``pytest_generate_tests``) get it twice: over SQLite and
    over a fresh database in a throwaway PostgreSQL cluster.
    """
    backend = getattr(request, "param", "sqlite")
    if backend == "postgres":
        cluster, template = request.getfixturevalue("pg_cluster")
        name = cluster.create_database(template=template)
        monkeypatch.setenv("TUTOR_DATABASE_URL", cluster.url(name))
        context = TutorContext(Settings.from_env())
        yield context
        context.engine.dispose()
        cluster.drop_database(name)
        return
    shutil.copy(migrated_template, settings.home / "tutor.db")
    context = TutorContext(settings)
    yield context
    context.engine.dispose()


# --- PostgreSQL: the storage suite runs on both backends ----------------------

# Test modules whose ``ctx`` tests also run against PostgreSQL. A new storage
# test module can opt in with ``pytestmark = pytest.mark.storage`` instead.
STORAGE_MODULES = {
    "test_db", "test_accounts", "test_permissions", "test_classes", "test_repo", "test_demo", "test_learner_demo",
    "test_learner", "test_reports", "test_reports_data", "test_agents_grading",
}
# Tests in those modules that check SQLite itself (pragmas, file modes, locks).
# New ones can say so with ``@pytest.mark.sqlite_only``.
SQLITE_ONLY = {
    "test_db.py::test_sqlite_pragmas",
    "test_db.py::test_read_only_database_gives_clear_error_and_keeps_data",
    "test_db.py::test_locked_database_gives_clear_error_and_keeps_data",
}


def pytest_generate_tests(metafunc):
    if "ctx" not in metafunc.fixturenames:
        return
    module = metafunc.module.__name__.rpartition(".")[2]
    node = f"{module}.py::{metafunc.function.__name__}"
    storage = module in STORAGE_MODULES or metafunc.definition.get_closest_marker("storage") is not None
    if not storage or node in SQLITE_ONLY or metafunc.definition.get_closest_marker("sqlite_only"):
        return
    metafunc.parametrize(
        "ctx", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
    )


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster for the whole run and its migrated template database."""
    from tests.pg import PgCluster, PgUnavailable
    from tests.support import missing_dependency

    try:
        cluster = PgCluster.start()
    except PgUnavailable as exc:
        missing_dependency(str(exc))
    try:
        yield cluster, cluster.create_migrated_template()
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh, migrated PostgreSQL database for one test, as a SQLAlchemy URL."""
    cluster, template = pg_cluster
    name = cluster.create_database(template=template)
    yield cluster.url(name)
    cluster.drop_database(name)
