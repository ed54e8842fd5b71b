"""What the lesson planner and the reports ask the learner model."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, select

from tutor.learner import bkt
from tutor.learner.review import retrievability
from tutor.models import Attempt, MasteryState, Verdict, utcnow
from tutor.repo import due_reviews, mastery_for


@dataclass(frozen=True)
class SkillMastery:
    skill_id: str
    p_mastery: float
    mastered: bool
    n_attempts: int
    n_correct: int
    due_at: datetime | None
    recall: float | None
    """FSRS retrievability now (chance the skill is still remembered), None before mastery."""


@dataclass(frozen=True)
class Accuracy:
    n_attempts: int
    n_correct: int

    @property
    def accuracy(self) -> float | None:
        return self.n_correct / self.n_attempts if self.n_attempts else None


@dataclass(frozen=True)
class TimeOnTask:
    total_s: float
    by_day: dict[date, float]


def mastery_by_skill(
    *, session: Session, student_id: int, plugins=None, now: datetime | None = None
) -> dict[str, SkillMastery]:
    """Mastery of every skill the student has practised, plus (given ``plugins``) every other skill at its prior."""
    now = now or utcnow()
    out: dict[str, SkillMastery] = {}
    if plugins is not None:
        from tutor.learner.service import params_for

        for spec in plugins.topological_skills():
            out[spec.id] = SkillMastery(spec.id, params_for(session=session, skill_id=spec.id).prior, False, 0, 0, None, None)
    for st in mastery_for(session=session, student_ids=[student_id]):
        out[st.skill_id] = SkillMastery(
            st.skill_id, st.p_mastery, st.mastered_at is not None, st.n_attempts, st.n_correct,
            st.due_at, retrievability(st.card, now),
        )
    return out


def ready_to_learn(*, session: Session, student_id: int, plugins, grade: int | None = None) -> list:
    """Skills not yet mastered whose prerequisites are all mastered, in prerequisite order.

    Given a grade, skills whose band starts more than one grade above it are left out.
    """
    states = {s.skill_id: s for s in mastery_for(session=session, student_ids=[student_id])}
    mastered = {sid for sid, s in states.items() if s.mastered_at is not None}
    ready = []
    for spec in plugins.topological_skills():
        if spec.id in mastered or not all(p in mastered for p in spec.prerequisites):
            continue
        if grade is not None and spec.grade_min > grade + 1:
            continue
        ready.append(spec)
    return ready


def reviews_due(*, session: Session, student_id: int, now: datetime | None = None) -> list[MasteryState]:
    """Mastered skills whose FSRS review is due, most overdue first."""
    return due_reviews(session=session, student_id=student_id, now=now)


def recent_accuracy(
    *, session: Session, student_id: int, days: int = 14, skill_id: str | None = None, now: datetime | None = None
) -> Accuracy:
    """Graded attempts (undetermined ones left out) in the last ``days`` days and how many were right."""
    since = (now or utcnow()) - timedelta(days=days)
    stmt = select(Attempt.verdict).where(
        Attempt.student_id == student_id, Attempt.created_at >= since, Attempt.verdict != Verdict.undetermined.value
    )
    if skill_id is not None:
        stmt = stmt.where(Attempt.skill_id == skill_id)
    verdicts = list(session.exec(stmt))
    return Accuracy(len(verdicts), sum(v == Verdict.correct.value for v in verdicts))


def time_on_task(*, session: Session, student_id: int, days: int = 7, now: datetime | None = None) -> TimeOnTask:
    """Seconds spent answering in the last ``days`` days, in total and per UTC day."""
    since = (now or utcnow()) - timedelta(days=days)
    rows = session.exec(
        select(Attempt.created_at, Attempt.time_taken_s).where(Attempt.student_id == student_id, Attempt.created_at >= since)
    )
    by_day: dict[date, float] = defaultdict(float)
    for created, secs in rows:
        by_day[created.date()] += secs
    return TimeOnTask(sum(by_day.values()), dict(sorted(by_day.items())))


__all__ = ["Accuracy", "SkillMastery", "TimeOnTask", "bkt", "mastery_by_skill", "ready_to_learn",
           "recent_accuracy", "reviews_due", "time_on_task"]
