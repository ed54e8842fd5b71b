"""One problem being practised: what Practice (and a lesson step) keeps between a student's tries."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from tutor.learner.service import AttemptResult, submit_and_commit


@dataclass
class PracticeRun:
    """A problem on screen: when it started, hints taken, tries made, the latest result.

    Each try has its own submission id, so a double-clicked "Check" stores one
    attempt, not two.
    """

    problem: Any
    lesson_item: int | None = None
    """The lesson step this problem answers, if it came from today's plan."""
    intro: str = ""
    """A new skill's short explanation, shown above the problem."""
    started: float = field(default_factory=time.monotonic)
    hints: int = 0
    tries: int = 0
    submission: str = field(default_factory=lambda: uuid.uuid4().hex)
    result: AttemptResult | None = None

    def submit(self, *, engine, plugins, student_id: int, answer: str) -> AttemptResult:
        """Grade and record one try through the learner's one grading path (its own transaction); keep the result."""
        self.result = submit_and_commit(
            engine=engine, plugins=plugins, student_id=student_id, problem=self.problem, answer=answer,
            submission_id=f"{self.submission}-{self.tries}", time_taken_s=time.monotonic() - self.started,
            hints_used=self.hints, lesson_item_id=self.lesson_item,
        )
        self.tries += 1
        return self.result
