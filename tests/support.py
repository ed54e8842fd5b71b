"""Helpers shared by test modules."""

import os

import pytest


def missing_dependency(reason: str):
    """Skip on a developer machine without a system dependency; fail under CI.

    `make test` installs Chromium, PostgreSQL and the small model, so in CI
    (CI=true) a missing one is a broken set-up step, never a silent skip.
    """
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; under CI this means a set-up step is missing")
    pytest.skip(reason)
