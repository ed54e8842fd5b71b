"""Every test gets its own TUTOR_HOME and a fresh, migrated database."""

from __future__ import annotations

import shutil
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
)


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
def ctx(settings, migrated_template) -> TutorContext:
    """A context over a fresh copy of the migrated database."""
    shutil.copy(migrated_template, settings.home / "tutor.db")
    context = TutorContext(settings)
    yield context
    context.engine.dispose()
