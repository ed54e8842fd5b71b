"""Alembic environment: migrations run against the engine the tutor hands in."""

from alembic import context
from sqlmodel import SQLModel

import tutor.models  # noqa: F401  (registers the tables on SQLModel.metadata)

target_metadata = SQLModel.metadata


def run() -> None:
    connectable = context.config.attributes.get("connection")
    if connectable is None:
        from tutor.db import make_engine

        engine = make_engine(context.config.get_main_option("sqlalchemy.url"))
        with engine.connect() as connection:
            _run(connection)
        engine.dispose()
    else:
        _run(connectable)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
