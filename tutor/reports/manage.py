"""Small class-management actions for the teacher pages, each permission-checked."""

from __future__ import annotations

from sqlmodel import Session

from tutor.accounts import get_user, get_user_by_name
from tutor.classes import enroll, get_class, unenroll
from tutor.errors import NotFound, PermissionDenied
from tutor.models import Classroom, LessonItem, LessonPlan, User
from tutor.permissions import require_class_access
from tutor.repo import complete_lesson_item


def add_student(*, session: Session, viewer: User, class_id: int, username: str) -> User:
    """Enrol an existing student account in a class the viewer manages."""
    require_class_access(session=session, viewer=viewer, class_id=class_id)
    student = get_user_by_name(session=session, username=username)
    enroll(session=session, classroom=get_class(session=session, class_id=class_id), student=student)
    return student


def remove_student(*, session: Session, viewer: User, class_id: int, student_id: int) -> User:
    """Take a student out of a class (their progress stays)."""
    require_class_access(session=session, viewer=viewer, class_id=class_id)
    student = get_user(session=session, user_id=student_id)
    unenroll(session=session, classroom=get_class(session=session, class_id=class_id), student_id=student_id)
    return student


def class_of(*, session: Session, viewer: User, class_id: int) -> Classroom:
    require_class_access(session=session, viewer=viewer, class_id=class_id)
    return get_class(session=session, class_id=class_id)


def own_lesson_item(*, session: Session, viewer: User, item_id: int) -> LessonItem:
    """A step of the viewer's own lesson plan (only the student works through their plan)."""
    item = session.get(LessonItem, item_id)
    plan = session.get(LessonPlan, item.plan_id) if item is not None else None
    if item is None or plan is None:
        raise NotFound("That lesson step does not exist any more; plan a new lesson on Today.")
    if plan.student_id != viewer.id:
        raise PermissionDenied("That lesson step belongs to someone else's plan.")
    return item


def finish_lesson_item(*, session: Session, viewer: User, item_id: int) -> LessonItem:
    """Mark a step of the viewer's plan done (the plan closes when every step is)."""
    own_lesson_item(session=session, viewer=viewer, item_id=item_id)
    return complete_lesson_item(session=session, item_id=item_id)
