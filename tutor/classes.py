"""Classes, enrolment and parent-child links, with their join and link codes."""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlmodel import Session, select

from tutor.accounts import get_user, get_user_by_name, validate_display_name
from tutor.errors import DuplicateError, NotFound, PermissionDenied, ValidationError
from tutor.models import Classroom, Enrollment, LinkCode, ParentLink, Role, User, utcnow

# No 0/O, 1/I/L: codes are read aloud and typed by children.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LINK_CODE_TTL = timedelta(days=7)


def new_code(length: int = 6) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalize_code(code: str) -> str:
    return "".join((code or "").split()).upper()[:16]


def create_class(*, session: Session, teacher: User, name: str) -> Classroom:
    if teacher.role not in (Role.teacher, Role.admin):
        raise PermissionDenied("Only a teacher or an admin can create a class.")
    name = validate_display_name(name)
    for _ in range(20):
        code = new_code()
        if session.exec(select(Classroom.id).where(Classroom.join_code == code)).first() is None:
            break
    classroom = Classroom(name=name, teacher_id=teacher.id, join_code=code)
    session.add(classroom)
    session.flush()
    return classroom


def get_class(*, session: Session, class_id: int) -> Classroom:
    classroom = session.get(Classroom, class_id)
    if classroom is None:
        raise NotFound(f"No class with id {class_id}.")
    return classroom


def class_by_code(*, session: Session, code: str) -> Classroom:
    classroom = session.exec(select(Classroom).where(Classroom.join_code == normalize_code(code))).first()
    if classroom is None:
        raise NotFound("No class has that join code. Check the code with your teacher.")
    return classroom


def enroll(*, session: Session, classroom: Classroom, student: User) -> Enrollment:
    if student.role != Role.student:
        raise ValidationError(f"{student.username} is not a student account.")
    existing = session.exec(
        select(Enrollment).where(Enrollment.class_id == classroom.id, Enrollment.student_id == student.id)
    ).first()
    if existing is not None:
        return existing
    enrolment = Enrollment(class_id=classroom.id, student_id=student.id)
    session.add(enrolment)
    session.flush()
    return enrolment


def join_class(*, session: Session, student: User, code: str) -> Classroom:
    """A student joins a class with its join code."""
    classroom = class_by_code(session=session, code=code)
    enroll(session=session, classroom=classroom, student=student)
    return classroom


def unenroll(*, session: Session, classroom: Classroom, student_id: int) -> None:
    row = session.exec(
        select(Enrollment).where(Enrollment.class_id == classroom.id, Enrollment.student_id == student_id)
    ).first()
    if row is None:
        raise NotFound("That student is not in this class.")
    session.delete(row)


def class_students(*, session: Session, class_id: int) -> list[User]:
    stmt = (
        select(User)
        .join(Enrollment, Enrollment.student_id == User.id)
        .where(Enrollment.class_id == class_id)
        .order_by(User.display_name)
    )
    return list(session.exec(stmt))


def teacher_classes(*, session: Session, teacher_id: int) -> list[Classroom]:
    return list(session.exec(select(Classroom).where(Classroom.teacher_id == teacher_id).order_by(Classroom.name)))


def student_classes(*, session: Session, student_id: int) -> list[Classroom]:
    stmt = select(Classroom).join(Enrollment, Enrollment.class_id == Classroom.id).where(
        Enrollment.student_id == student_id
    )
    return list(session.exec(stmt))


def link_parent(*, session: Session, parent: User, student: User) -> ParentLink:
    if parent.role != Role.parent:
        raise ValidationError(f"{parent.username} is not a parent account.")
    if student.role != Role.student:
        raise ValidationError(f"{student.username} is not a student account.")
    existing = session.exec(
        select(ParentLink).where(ParentLink.parent_id == parent.id, ParentLink.student_id == student.id)
    ).first()
    if existing is not None:
        raise DuplicateError(f"{parent.username} is already linked to {student.username}.")
    link = ParentLink(parent_id=parent.id, student_id=student.id)
    session.add(link)
    session.flush()
    return link


def link_parent_by_name(*, session: Session, parent_username: str, student_username: str) -> ParentLink:
    return link_parent(
        session=session,
        parent=get_user_by_name(session=session, username=parent_username),
        student=get_user_by_name(session=session, username=student_username),
    )


def children_of(*, session: Session, parent_id: int) -> list[User]:
    stmt = (
        select(User)
        .join(ParentLink, ParentLink.student_id == User.id)
        .where(ParentLink.parent_id == parent_id)
        .order_by(User.display_name)
    )
    return list(session.exec(stmt))


def issue_link_code(*, session: Session, issuer: User, student_id: int) -> str:
    """A code the student (or their teacher) gives a parent to link the child."""
    from tutor.permissions import require_student_access

    student = get_user(session=session, user_id=student_id)
    require_student_access(session=session, viewer=issuer, student_id=student.id)
    if issuer.role == Role.parent:
        raise PermissionDenied("A parent cannot create link codes; ask the child or the teacher.")
    code = new_code(8)
    session.add(LinkCode(code=code, student_id=student.id, created_by=issuer.id, expires_at=utcnow() + LINK_CODE_TTL))
    session.flush()
    return code


def redeem_link_code(*, session: Session, parent: User, code: str) -> User:
    """A parent links a child with a code; returns the child."""
    row = session.get(LinkCode, normalize_code(code))
    if row is None or row.used_at is not None or row.expires_at < utcnow():
        raise NotFound("That link code is unknown or has expired. Ask for a new one.")
    student = get_user(session=session, user_id=row.student_id)
    link_parent(session=session, parent=parent, student=student)
    row.used_at = utcnow()
    session.add(row)
    return student
