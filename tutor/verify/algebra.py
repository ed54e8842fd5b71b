"""Algebra and calculus steps: equal expressions, equivalent equations."""

from __future__ import annotations

from tutor.verify.result import Check, undetermined


def check_step_pair(before: str, after: str) -> Check:
    """Is ``after`` a valid next step from ``before`` (same value or same solutions)?"""
    return undetermined(f"{before} -> {after}", "step", "This step could not be checked yet.")
