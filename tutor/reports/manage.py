"""Small class-management actions for the teacher pages, each permission-checked."""

from __future__ import annotations

from sqlmodel import Session

from tutor.accounts import get_user, get_user_by_name
from tutor.classes import enroll, get_class, unenroll
from tutor.models import Classroom, User
from tutor.permissions import require_class_access


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
