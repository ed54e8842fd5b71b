"""Helpers shared by test modules."""

import os
from pathlib import Path

import pytest


def missing_dependency(reason: str):
    """Skip on a developer machine without a system dependency; fail under CI.

    `make test` installs Chromium, PostgreSQL and the small model, so in CI
    (CI=true) a missing one is a broken set-up step, never a silent skip.
    """
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; under CI this means a set-up step is missing")
    pytest.skip(reason, allow_module_level=True)


def require_module(name: str):
    """The module ``name``, imported; without it, ``missing_dependency`` (skip locally, fail under CI).

    Use instead of ``pytest.importorskip``: ``make test`` installs every optional dependency a test needs,
    so under CI a missing one is a broken set-up step, never a silent skip.
    """
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError as exc:
        missing_dependency(f"{name} is not installed ({exc})")


APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")


def log_in(username: str, password: str | None = None):
    """Open the web app in AppTest and log in (default: the demo password)."""
    from streamlit.testing.v1 import AppTest

    from tutor.demo import DEMO_PASSWORD

    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input[0].input(username)
    at.text_input[1].input(DEMO_PASSWORD if password is None else password)
    at.button[0].click().run()
    return at


def crashes(at) -> list[str]:
    """What broke on the page: an uncaught exception, or a bug that ``@friendly`` showed as its calm message.

    ``@friendly`` turns every exception in a page into ``st.error``, so
    ``at.exception`` alone stays empty however badly a page fails.
    """
    from webapp.common import CRASH_MESSAGE

    return [str(e.value) for e in at.exception] + [e.value for e in at.error if e.value == CRASH_MESSAGE]


def claimed_by(handlers, questions) -> list[tuple[str, str]]:
    """(handler name, question) for each recogniser form that answers one of ``questions``: the scan that shows
    a new form leaves story problems and premise traps alone."""
    from tutor.verify.recognise.reading import NotMine, normalise

    claimed = []
    for question in questions:
        for handler in handlers:
            try:
                if handler(normalise(question)) is not None:
                    claimed.append((handler.__name__, question[:80]))
            except NotMine:
                pass
    return claimed
