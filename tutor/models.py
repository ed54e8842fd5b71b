"""All database tables, in one place.

Designed for the reports parents and teachers want: attempts carry the skill,
verdict, time and hints plus the mastery before and after, so progress over
time needs no extra bookkeeping table. Schema changes go through Alembic
migrations in ``tutor/migrations``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Timezone-aware UTC now; every stored timestamp is UTC."""
    return datetime.now(UTC)


class Role(StrEnum):
    student = "student"
    parent = "parent"
    teacher = "teacher"
    admin = "admin"


class Verdict(StrEnum):
    correct = "correct"
    incorrect = "incorrect"
    undetermined = "undetermined"


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True, max_length=32)
    display_name: str = Field(max_length=80)
    role: str = Field(index=True, max_length=16)
    password_hash: str = Field(max_length=255)
    grade_level: int | None = None
    language: str = Field(default="en", max_length=16)
    interests: str = Field(default="", max_length=200)
    is_active: bool = True
    failed_logins: int = 0
    locked_until: datetime | None = None
    last_login_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


class ParentLink(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("parent_id", "student_id"),)
    id: int | None = Field(default=None, primary_key=True)
    parent_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    student_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)


class LinkCode(SQLModel, table=True):
    """A short-lived code a student or teacher hands a parent to link the child."""

    code: str = Field(primary_key=True, max_length=16)
    student_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    created_by: int = Field(foreign_key="user.id", ondelete="CASCADE")
    expires_at: datetime
    used_at: datetime | None = None


class Classroom(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80)
    teacher_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    join_code: str = Field(unique=True, index=True, max_length=16)
    created_at: datetime = Field(default_factory=utcnow)


class Enrollment(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("class_id", "student_id"),)
    id: int | None = Field(default=None, primary_key=True)
    class_id: int = Field(foreign_key="classroom.id", index=True, ondelete="CASCADE")
    student_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    joined_at: datetime = Field(default_factory=utcnow)


class Skill(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=64)
    title: str = Field(max_length=120)
    subject: str = Field(max_length=64)
    plugin: str = Field(max_length=64)
    grade_min: int = 3
    grade_max: int = 12
    prerequisites: str = Field(default="", max_length=1000)
    """Comma-separated prerequisite skill ids."""
    standards: str = Field(default="", max_length=400)
    """Comma-separated Common Core codes ("4.NF.A.1"), so teachers see mastery by standard."""
    domain: str = Field(default="", max_length=16)
    """Common Core domain code ("NF"); see ``tutor.plugin_api.CC_DOMAINS``."""


class BKTParams(SQLModel, table=True):
    """Per-skill BKT parameters, fitted from attempts when there is enough data."""

    skill_id: str = Field(primary_key=True, foreign_key="skill.id", ondelete="CASCADE")
    prior: float
    learn: float
    guess: float
    slip: float
    n_attempts: int = 0
    auc: float | None = None
    rmse: float | None = None
    fitted_at: datetime = Field(default_factory=utcnow)


class TutorSession(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    thread_id: str = Field(unique=True, index=True, max_length=64)
    skill_id: str | None = Field(default=None, foreign_key="skill.id")
    started_at: datetime = Field(default_factory=utcnow)
    last_active_at: datetime = Field(default_factory=utcnow)
    summary: str = Field(default="", max_length=500)


class Message(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="tutorsession.id", index=True, ondelete="CASCADE")
    role: str = Field(max_length=16)
    content: str = Field(sa_column=Column(Text, nullable=False))
    verified_count: int = 0
    refuted_count: int = 0
    repaired: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class LessonPlan(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    seed: int = 0
    status: str = Field(default="active", max_length=16)
    minutes: int = 25
    greeting: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    created_at: datetime = Field(default_factory=utcnow, index=True)


class LessonItem(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="lessonplan.id", index=True, ondelete="CASCADE")
    position: int
    kind: str = Field(max_length=16)
    """review, new, practice or check."""
    skill_id: str = Field(foreign_key="skill.id")
    title: str = Field(max_length=200)
    content: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    difficulty: int = 1
    problem_seed: int = 0
    minutes: int = 3
    status: str = Field(default="pending", max_length=16)
    completed_at: datetime | None = None


class Attempt(SQLModel, table=True):
    """Every answer a student submits."""

    id: int | None = Field(default=None, primary_key=True)
    submission_id: str = Field(unique=True, max_length=64)
    """Client-made idempotency key: the same submission is never stored twice."""
    student_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    skill_id: str = Field(foreign_key="skill.id", index=True)
    problem_id: str = Field(max_length=120)
    problem_text: str = Field(sa_column=Column(Text, nullable=False))
    expected_answer: str = Field(max_length=500)
    answer_given: str = Field(max_length=2000)
    verdict: str = Field(max_length=16)
    first_attempt: bool = True
    difficulty: int = 1
    time_taken_s: float = 0.0
    hints_used: int = 0
    mistake: str = Field(default="", max_length=200)
    """Short tag of a common mistake, when the checker recognised one."""
    mastery_before: float | None = None
    mastery_after: float | None = None
    session_id: int | None = Field(default=None, foreign_key="tutorsession.id", ondelete="SET NULL")
    lesson_item_id: int | None = Field(default=None, foreign_key="lessonitem.id", ondelete="SET NULL")
    created_at: datetime = Field(default_factory=utcnow, index=True)


class MasteryState(SQLModel, table=True):
    """BKT probability and FSRS review card of one student on one skill."""

    __table_args__ = (UniqueConstraint("student_id", "skill_id"),)
    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    skill_id: str = Field(foreign_key="skill.id", index=True)
    p_mastery: float
    n_attempts: int = 0
    n_correct: int = 0
    mastered_at: datetime | None = None
    card: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    """FSRS card as JSON; empty until the skill is mastered."""
    due_at: datetime | None = Field(default=None, index=True)
    updated_at: datetime = Field(default_factory=utcnow)


class VerificationLog(SQLModel, table=True):
    """Each claim the verifier checked in a tutor reply, and what happened."""

    id: int | None = Field(default=None, primary_key=True)
    student_id: int | None = Field(default=None, foreign_key="user.id", index=True, ondelete="CASCADE")
    session_id: int | None = Field(default=None, foreign_key="tutorsession.id", ondelete="SET NULL")
    message_id: int | None = Field(default=None, foreign_key="message.id", ondelete="SET NULL")
    claim: str = Field(max_length=1000)
    kind: str = Field(max_length=32)
    result: str = Field(max_length=16)
    """verified, refuted or undetermined."""
    expected: str = Field(default="", max_length=500)
    explanation: str = Field(default="", max_length=1000)
    repaired: bool = False
    created_at: datetime = Field(default_factory=utcnow, index=True)
