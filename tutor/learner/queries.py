"""What the learner model says about a student: the one place that decides mastered, ready, due and time.

The planner, the reports, Practice and the tutor chat all ask here, so a
skill that one page calls mastered is mastered on every page.

Mastered means the learner's own record: ``MasteryState.mastered_at``, set by
:func:`tutor.learner.service.record_attempt` the first time the BKT estimate
reaches :data:`tutor.learner.bkt.MASTERY_THRESHOLD`. A later slip lowers the
estimate and brings the FSRS review forward, but does not un-master the skill;
an estimate at the threshold with no record (say, after refitting BKT
parameters) is not mastered until an answer crosses it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session, select

from tutor.models import Attempt, MasteryState, Verdict, utcnow
from tutor.repo import due_reviews, mastery_for

MAX_ATTEMPT_SECONDS = 600.0
"""Time on one answer counts at most this long: a tab left open is not study time."""


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


def is_mastered(state: MasteryState | None) -> bool:
    """The one mastery predicate: the student's record says the skill was mastered."""
    return state is not None and state.mastered_at is not None


def mastered_skills(*, session: Session, student_id: int) -> set[str]:
    """Ids of the skills the student has mastered."""
    return {m.skill_id for m in mastery_for(session=session, student_ids=[student_id]) if is_mastered(m)}


def in_reach(spec, grade: int | None) -> bool:
    """A skill a student of this grade may start: its band begins at most one grade above theirs."""
    return grade is None or spec.grade_min <= grade + 1


def ready_from(specs: Iterable, mastered: set[str], grade: int | None = None) -> list:
    """Of ``specs`` (in prerequisite order): not mastered, every prerequisite mastered, within reach of the grade.

    Skills whose grade band contains the student's grade come first; then skills of earlier grades, the nearest
    grade first (a seventh-grader missing a grade-6 prerequisite is not sent back to grade-1 counting); then
    the next grade's. The order is otherwise kept.
    """
    ready = [
        spec for spec in specs
        if spec.id not in mastered and all(p in mastered for p in spec.prerequisites) and in_reach(spec, grade)
    ]
    if grade is not None:
        def place(s) -> tuple[int, int]:
            if s.grade_min <= grade <= s.grade_max:
                return (0, 0)
            return (1, grade - s.grade_max) if s.grade_max < grade else (2, s.grade_min - grade)

        ready.sort(key=place)
    return ready


def ready_to_learn(*, session: Session, student_id: int, plugins, grade: int | None = None,
                   offered: Iterable[str] | None = None) -> list:
    """Skills ready to learn (see :func:`ready_from`), of those ``offered`` if given (e.g. ones with generators)."""
    keep = None if offered is None else set(offered)
    specs = [s for s in plugins.topological_skills() if keep is None or s.id in keep]
    return ready_from(specs, mastered_skills(session=session, student_id=student_id), grade)


def reviews_due(*, session: Session, student_id: int, now: datetime | None = None) -> list[MasteryState]:
    """Mastered skills whose FSRS review is due, most overdue first."""
    return [m for m in due_reviews(session=session, student_id=student_id, now=now) if is_mastered(m)]


def _recent_graded(session: Session, student_id: int, since: datetime | None, skill_id: str | None,
                   last: int | None) -> list[tuple[str, str]]:
    stmt = select(Attempt.skill_id, Attempt.verdict).where(
        Attempt.student_id == student_id, Attempt.verdict != Verdict.undetermined.value
    )
    if since is not None:
        stmt = stmt.where(Attempt.created_at >= since)
    if skill_id is not None:
        stmt = stmt.where(Attempt.skill_id == skill_id)
    stmt = stmt.order_by(Attempt.created_at.desc(), Attempt.id.desc())
    if last is not None:
        stmt = stmt.limit(last)
    return list(session.exec(stmt))


def recent_accuracy(
    *, session: Session, student_id: int, days: int | None = 14, last: int | None = None,
    skill_id: str | None = None, now: datetime | None = None,
) -> Accuracy:
    """Graded attempts (undetermined ones left out) in the last ``days`` days and/or the ``last`` ones; how many right."""
    since = (now or utcnow()) - timedelta(days=days) if days is not None else None
    verdicts = [v for _sid, v in _recent_graded(session, student_id, since, skill_id, last)]
    return Accuracy(len(verdicts), sum(v == Verdict.correct.value for v in verdicts))


def recent_errors(*, session: Session, student_id: int, last: int = 30) -> dict[str, int]:
    """Wrong answers per skill among the student's ``last`` graded attempts."""
    errors: dict[str, int] = defaultdict(int)
    for sid, verdict in _recent_graded(session, student_id, None, None, last):
        if verdict == Verdict.incorrect.value:
            errors[sid] += 1
    return dict(errors)


def counted_seconds(seconds: float | None) -> float:
    """Seconds of one answer that count as study time (0 to :data:`MAX_ATTEMPT_SECONDS`)."""
    return min(max(seconds or 0.0, 0.0), MAX_ATTEMPT_SECONDS)


def seconds_on(attempts: Iterable[Attempt]) -> float:
    """Study time of these attempts, each capped (see :func:`counted_seconds`)."""
    return sum(counted_seconds(a.time_taken_s) for a in attempts)


def time_on_task(*, session: Session, student_id: int, days: int = 7, now: datetime | None = None) -> TimeOnTask:
    """Seconds spent answering in the last ``days`` days, in total and per UTC day, each answer capped."""
    since = (now or utcnow()) - timedelta(days=days)
    rows = session.exec(
        select(Attempt.created_at, Attempt.time_taken_s).where(Attempt.student_id == student_id, Attempt.created_at >= since)
    )
    by_day: dict[date, float] = defaultdict(float)
    for created, secs in rows:
        day = (created.replace(tzinfo=UTC) if created.tzinfo is None else created.astimezone(UTC)).date()
        by_day[day] += counted_seconds(secs)
    return TimeOnTask(sum(by_day.values()), dict(sorted(by_day.items())))


def difficulty_for(p_mastery: float | None, available: Iterable[int] = (1, 2, 3)) -> int:
    """Difficulty matched to mastery: below 0.4 the easiest, below 0.75 the middle, else the hardest offered."""
    p = 0.0 if p_mastery is None else p_mastery
    want = 1 if p < 0.4 else 2 if p < 0.75 else 3
    levels = sorted(available) or [1]
    return min(levels, key=lambda d: (abs(d - want), d))


__all__ = ["MAX_ATTEMPT_SECONDS", "Accuracy", "TimeOnTask", "counted_seconds", "difficulty_for",
           "in_reach", "is_mastered", "mastered_skills", "ready_from", "ready_to_learn",
           "recent_accuracy", "recent_errors", "reviews_due", "seconds_on", "time_on_task"]
