"""Shared helpers for the reports: time windows, skill titles, attempt loading.

Timestamps are stored in UTC; SQLite hands them back without a zone, so every
value is normalised with :func:`aware` before arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session, select

from tutor.models import Attempt, MasteryState, Skill, User, Verdict, utcnow

STUCK_MIN_ATTEMPTS = 5
"""A skill is 'stuck' after this many attempts with mastery still below STUCK_BELOW."""
STUCK_BELOW = 0.5
WEEK = timedelta(days=7)
TUTOR_ROLES = ("tutor", "assistant")
"""Message.role values of the tutor's replies (the agents store "tutor")."""
STUDENT_ROLES = ("student", "user")


def aware(dt: datetime | None) -> datetime | None:
    """The same instant as a timezone-aware UTC datetime (SQLite returns naive ones)."""
    if dt is None:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def now_or(now: datetime | None) -> datetime:
    return aware(now) if now is not None else utcnow()


def skill_titles(*, session: Session) -> dict[str, str]:
    """Skill id -> human title, for every skill the plugins registered."""
    return {s.id: s.title for s in session.exec(select(Skill))}


def title_of(titles: dict[str, str], skill_id: str) -> str:
    return titles.get(skill_id) or skill_id.replace("_", " ").replace(".", ": ")


def load_attempts(*, session: Session, student_ids: Iterable[int], since: datetime | None = None) -> list[Attempt]:
    """Attempts of these students, oldest first."""
    ids = list(student_ids)
    if not ids:
        return []
    stmt = select(Attempt).where(Attempt.student_id.in_(ids))
    if since is not None:
        stmt = stmt.where(Attempt.created_at >= since)
    return list(session.exec(stmt.order_by(Attempt.created_at, Attempt.id)))


def load_mastery(*, session: Session, student_ids: Iterable[int]) -> list[MasteryState]:
    ids = list(student_ids)
    if not ids:
        return []
    return list(session.exec(select(MasteryState).where(MasteryState.student_id.in_(ids))))


def is_correct(attempt: Attempt) -> bool:
    return attempt.verdict == Verdict.correct


def day_of(dt: datetime) -> date:
    return aware(dt).date()


def streak_days(days: set[date], today: date) -> int:
    """Consecutive days with practice, ending today (or yesterday, so a streak survives the morning)."""
    day = today if today in days else today - timedelta(days=1)
    n = 0
    while day in days:
        n += 1
        day -= timedelta(days=1)
    return n


def display(user: User) -> str:
    return user.display_name or user.username
