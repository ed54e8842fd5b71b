"""The tutor's shared parts, built lazily from one Settings object.

The CLI, the web app and the agents each make one ``TutorContext`` at start-up
and pass it down; nothing heavy happens until a part is first used.
"""

from __future__ import annotations

import logging
import threading
from functools import cached_property

from sqlalchemy.engine import Engine

from tutor.settings import Settings


class TutorContext:
    """Holds the settings and, once needed, the database engine and other shared parts."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._lock = threading.Lock()

    @cached_property
    def engine(self) -> Engine:
        from tutor.db import make_engine

        with self._lock:
            return make_engine(self.settings.database_url)

    @cached_property
    def plugins(self):
        """The plugin manager (``tutor.plugins.PluginManager``), loaded once, restricted by TUTOR_PLUGINS."""
        from tutor.plugins import load_plugins

        with self._lock:
            return load_plugins(self.settings)

    @cached_property
    def llm(self):
        """The process-wide shared chat model (loaded on first use; see ``tutor.llm.shared_model``)."""
        from tutor.llm import shared_model

        return shared_model(self.settings)

    def session(self):
        """A transaction scope: ``with ctx.session() as s: ...`` commits on success."""
        from tutor.db import session_scope

        return session_scope(self.engine)

    def upgrade_db(self) -> str:
        from tutor.migrate import upgrade

        return upgrade(self.engine)


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=getattr(logging, settings.log_level),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("alembic").setLevel(max(logging.WARNING, getattr(logging, settings.log_level)))
