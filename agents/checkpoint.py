"""Conversation checkpoints: SQLite in the tutor's home, PostgreSQL when the database is PostgreSQL.

With a checkpointer, each tutoring thread's state (messages, current problem,
hint level) survives a restart: a new graph over the same store resumes it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from tutor.errors import StorageError
from tutor.settings import Settings


def postgres_conninfo(database_url: str) -> str:
    """``postgresql+psycopg://...`` (SQLAlchemy) as a libpq URL ``postgresql://...``."""
    scheme, rest = database_url.split("://", 1)
    return f"{scheme.split('+', 1)[0]}://{rest}"


@asynccontextmanager
async def open_checkpointer(settings: Settings) -> AsyncIterator[Any]:
    """An async checkpointer for these settings, set up and closed around the ``async with`` body."""
    if settings.is_sqlite:
        from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

        settings.checkpoint_path.parent.mkdir(parents=True, exist_ok=True)
        async with AsyncSqliteSaver.from_conn_string(str(settings.checkpoint_path)) as saver:
            await saver.setup()
            yield saver
        return
    if settings.database_url.startswith("postgresql"):
        try:
            from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
        except ImportError as exc:
            raise StorageError(
                "PostgreSQL conversations need langgraph-checkpoint-postgres: pip install 'tutor[postgres]'"
            ) from exc
        async with AsyncPostgresSaver.from_conn_string(postgres_conninfo(settings.database_url)) as saver:
            await saver.setup()
            yield saver
        return
    raise StorageError(
        f"No conversation store for {settings.database_url.split('://', 1)[0]!r}; use SQLite or PostgreSQL"
    )
