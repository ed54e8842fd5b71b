"""Shared helpers for the reports: time windows, skill titles, attempt loading, the viewer's language.

Timestamps are stored in UTC; SQLite hands them back without a zone, so every
value is normalised with :func:`aware` before arithmetic.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from typing import ParamSpec, TypeVar

from babel.dates import format_date, format_skeleton, format_time
from sqlmodel import Session, select

from tutor import i18n
from tutor.models import Attempt, MasteryState, Skill, User, Verdict, utcnow

P = ParamSpec("P")
T = TypeVar("T")

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


def skill_titles(*, session: Session, language: str | None = None) -> dict[str, str]:
    """Skill id -> human title, for every skill the plugins registered, in ``language`` (default: the current
    one, which is the viewer's inside a report) when a loaded plugin's catalogue translates it."""
    from tutor import plugin_i18n

    lang = language or i18n.current_language()
    if lang != "en" and not plugin_i18n.translators_loaded():  # no plugin imported in this process yet: load them
        from tutor.plugins import load_plugins

        load_plugins()
    return {s.id: plugin_i18n.translate_any(s.title, lang) for s in session.exec(select(Skill))}


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


def in_language(lang: str | None, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """``fn(*args, **kwargs)`` with ``_()`` speaking ``lang``; the caller's language is left as it was."""

    def run() -> T:
        i18n.set_language(lang)
        return fn(*args, **kwargs)

    return contextvars.copy_context().run(run)


def in_viewer_language(fn: Callable[P, T]) -> Callable[P, T]:
    """Run a report function (keyword argument ``viewer``) in the viewer's own language: a parent or
    teacher reads a report in their language, whatever language the child uses."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        return in_language(kwargs["viewer"].language, fn, *args, **kwargs)

    return wrapper


def long_day(value: date | datetime, lang: str | None = None) -> str:
    """A day with its year: '05 Mar 2026' in English, '2026年3月5日' in Chinese."""
    loc = i18n.locale(lang)
    if loc.language == "en":
        return format_date(value, "dd MMM yyyy", locale=loc)
    return format_skeleton("yMMMd", value, locale=loc)


def stamp(value: datetime, lang: str | None = None) -> str:
    """When a report was made: its day with the year and the UTC time ('05 Mar 2026 14:05 UTC')."""
    return f"{long_day(value, lang)} {format_time(value, 'HH:mm', locale=i18n.locale(lang))} UTC"
