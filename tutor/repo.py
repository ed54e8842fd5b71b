"""Repository functions for learning records: skills, attempts, mastery,
lesson plans, tutoring sessions, messages and the verification log.

Every function takes a keyword-only ``session``; the caller owns the
transaction (see ``tutor.db.session_scope``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session, select

from tutor.errors import NotFound, ValidationError
from tutor.models import (
    Attempt,
    LessonItem,
    LessonPlan,
    MasteryState,
    Message,
    Skill,
    TutorSession,
    Verdict,
    VerificationLog,
    utcnow,
)

MAX_ANSWER = 2000


def upsert_skills(*, session: Session, skills: Iterable[Skill]) -> int:
    """Insert or update skill rows (from the plugins); return how many were written."""
    n = 0
    for skill in skills:
        row = session.get(Skill, skill.id)
        if row is None:
            session.add(Skill.model_validate(skill.model_dump()))
        else:
            for key, value in skill.model_dump().items():
                setattr(row, key, value)
            session.add(row)
        n += 1
    session.flush()
    return n


def get_skill(*, session: Session, skill_id: str) -> Skill:
    skill = session.get(Skill, skill_id)
    if skill is None:
        raise NotFound(f"No skill with id {skill_id!r}.")
    return skill


def list_skills(*, session: Session) -> list[Skill]:
    return list(session.exec(select(Skill).order_by(Skill.subject, Skill.id)))


def add_attempt(
    *,
    session: Session,
    student_id: int,
    skill_id: str,
    problem_id: str,
    problem_text: str,
    expected_answer: str,
    answer_given: str,
    verdict: str | Verdict,
    submission_id: str | None = None,
    first_attempt: bool = True,
    difficulty: int = 1,
    time_taken_s: float = 0.0,
    hints_used: int = 0,
    mistake: str = "",
    mastery_before: float | None = None,
    mastery_after: float | None = None,
    session_id: int | None = None,
    lesson_item_id: int | None = None,
    created_at: datetime | None = None,
) -> Attempt:
    """Record one submitted answer. A repeated ``submission_id`` returns the stored row."""
    verdict = Verdict(verdict)
    if len(answer_given) > MAX_ANSWER:
        raise ValidationError(f"An answer can have at most {MAX_ANSWER} characters.")
    if submission_id is not None:
        existing = session.exec(select(Attempt).where(Attempt.submission_id == submission_id)).first()
        if existing is not None:
            return existing
    attempt = Attempt(
        submission_id=submission_id or uuid.uuid4().hex,
        student_id=student_id,
        skill_id=skill_id,
        problem_id=problem_id[:120],
        problem_text=problem_text,
        expected_answer=expected_answer[:500],
        answer_given=answer_given,
        verdict=verdict.value,
        first_attempt=first_attempt,
        difficulty=difficulty,
        time_taken_s=max(0.0, float(time_taken_s)),
        hints_used=max(0, int(hints_used)),
        mistake=mistake[:200],
        mastery_before=mastery_before,
        mastery_after=mastery_after,
        session_id=session_id,
        lesson_item_id=lesson_item_id,
        created_at=created_at or utcnow(),
    )
    session.add(attempt)
    session.flush()
    return attempt


def attempts_for(
    *,
    session: Session,
    student_ids: Iterable[int] | None = None,
    skill_id: str | None = None,
    since: datetime | None = None,
    limit: int | None = None,
) -> list[Attempt]:
    stmt = select(Attempt)
    if student_ids is not None:
        stmt = stmt.where(Attempt.student_id.in_(list(student_ids)))
    if skill_id is not None:
        stmt = stmt.where(Attempt.skill_id == skill_id)
    if since is not None:
        stmt = stmt.where(Attempt.created_at >= since)
    stmt = stmt.order_by(Attempt.created_at.desc(), Attempt.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.exec(stmt))


def attempted_problem(*, session: Session, student_id: int, problem_id: str) -> bool:
    """Whether the student already answered this problem (BKT counts only first attempts)."""
    stmt = select(Attempt.id).where(Attempt.student_id == student_id, Attempt.problem_id == problem_id).limit(1)
    return session.exec(stmt).first() is not None


def get_mastery(*, session: Session, student_id: int, skill_id: str) -> MasteryState | None:
    stmt = select(MasteryState).where(MasteryState.student_id == student_id, MasteryState.skill_id == skill_id)
    return session.exec(stmt).first()


def save_mastery(*, session: Session, state: MasteryState) -> MasteryState:
    state.updated_at = utcnow()
    session.add(state)
    session.flush()
    return state


def mastery_for(*, session: Session, student_ids: Iterable[int]) -> list[MasteryState]:
    stmt = select(MasteryState).where(MasteryState.student_id.in_(list(student_ids)))
    return list(session.exec(stmt))


def due_reviews(*, session: Session, student_id: int, now: datetime | None = None) -> list[MasteryState]:
    now = now or utcnow()
    stmt = (
        select(MasteryState)
        .where(MasteryState.student_id == student_id, MasteryState.due_at.is_not(None), MasteryState.due_at <= now)
        .order_by(MasteryState.due_at)
    )
    return list(session.exec(stmt))


def save_lesson_plan(*, session: Session, plan: LessonPlan, items: list[LessonItem]) -> LessonPlan:
    """Store a new plan as the student's active one; older active plans are closed."""
    for old in session.exec(
        select(LessonPlan).where(LessonPlan.student_id == plan.student_id, LessonPlan.status == "active")
    ):
        old.status = "replaced"
        session.add(old)
    session.add(plan)
    session.flush()
    for pos, item in enumerate(items):
        item.plan_id = plan.id
        item.position = pos
        session.add(item)
    session.flush()
    return plan


def active_lesson_plan(*, session: Session, student_id: int) -> tuple[LessonPlan, list[LessonItem]] | None:
    plan = session.exec(
        select(LessonPlan)
        .where(LessonPlan.student_id == student_id, LessonPlan.status == "active")
        .order_by(LessonPlan.created_at.desc(), LessonPlan.id.desc())
    ).first()
    if plan is None:
        return None
    items = list(session.exec(select(LessonItem).where(LessonItem.plan_id == plan.id).order_by(LessonItem.position)))
    return plan, items


def complete_lesson_item(*, session: Session, item_id: int) -> LessonItem:
    item = session.get(LessonItem, item_id)
    if item is None:
        raise NotFound(f"No lesson item with id {item_id}.")
    item.status = "done"
    item.completed_at = item.completed_at or utcnow()
    session.add(item)
    plan = session.get(LessonPlan, item.plan_id)
    remaining = session.exec(
        select(LessonItem.id).where(LessonItem.plan_id == item.plan_id, LessonItem.status != "done")
    ).first()
    if plan is not None and remaining is None:
        plan.status = "done"
        session.add(plan)
    session.flush()
    return item


def get_or_create_tutor_session(
    *, session: Session, student_id: int, thread_id: str | None = None, skill_id: str | None = None
) -> TutorSession:
    if thread_id is not None:
        row = session.exec(select(TutorSession).where(TutorSession.thread_id == thread_id)).first()
        if row is not None:
            if row.student_id != student_id:
                raise NotFound("No such conversation.")
            return row
    row = TutorSession(student_id=student_id, thread_id=thread_id or uuid.uuid4().hex, skill_id=skill_id)
    session.add(row)
    session.flush()
    return row


def latest_tutor_session(*, session: Session, student_id: int) -> TutorSession | None:
    stmt = (
        select(TutorSession)
        .where(TutorSession.student_id == student_id)
        .order_by(TutorSession.last_active_at.desc(), TutorSession.id.desc())
    )
    return session.exec(stmt).first()


def add_message(
    *,
    session: Session,
    tutor_session: TutorSession,
    role: str,
    content: str,
    verified_count: int = 0,
    refuted_count: int = 0,
    repaired: bool = False,
) -> Message:
    msg = Message(
        session_id=tutor_session.id,
        role=role,
        content=content,
        verified_count=verified_count,
        refuted_count=refuted_count,
        repaired=repaired,
    )
    tutor_session.last_active_at = utcnow()
    session.add(tutor_session)
    session.add(msg)
    session.flush()
    return msg


def session_messages(*, session: Session, session_id: int) -> list[Message]:
    return list(session.exec(select(Message).where(Message.session_id == session_id).order_by(Message.id)))


def log_verification(*, session: Session, entries: Iterable[VerificationLog]) -> int:
    n = 0
    for entry in entries:
        session.add(entry)
        n += 1
    session.flush()
    return n
