"""Answer equivalence through Math-Verify, with size guards and time limits."""

from __future__ import annotations

from tutor.verify.result import Check, undetermined


def compare_answers(given: str, gold) -> Check:
    """Does the answer ``given`` mean the same as ``gold``?"""
    return undetermined(str(given), "answer", "This answer could not be compared yet.")
