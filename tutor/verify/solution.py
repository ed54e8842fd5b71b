"""Whole worked solutions: the first wrong step, or the final answer not following."""

from __future__ import annotations

from tutor.verify.result import SolutionCheck, Status


def check_steps(steps: list[str], final_answer: str | None = None, question: str = "") -> SolutionCheck:
    """Check every step of a solution and whether the final answer follows from them."""
    return SolutionCheck(Status.undetermined, None, [], "These steps could not be checked yet.")
