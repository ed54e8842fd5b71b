"""Arithmetic claims in natural language: ``48/2 = 24``, ``15% of 80 is 12``."""

from __future__ import annotations

from tutor.verify.result import Check


def check_text(text: str) -> list[Check]:
    """Every arithmetic/algebra claim found in ``text``, each checked."""
    return []
