"""Who may see whose data. Pages ask here; they never decide themselves.

A student sees only their own data, a parent only their linked children, a
teacher only students in their classes, an admin everything.
"""

from __future__ import annotations

from sqlmodel import Session, select

from tutor.errors import PermissionDenied
from tutor.models import Classroom, Enrollment, ParentLink, Role, User


def visible_student_ids(*, session: Session, viewer: User) -> set[int] | None:
    """Ids of students ``viewer`` may see; ``None`` means all (admin)."""
    if viewer.role == Role.admin:
        return None
    if viewer.role == Role.student:
        return {viewer.id}
    if viewer.role == Role.parent:
        return set(session.exec(select(ParentLink.student_id).where(ParentLink.parent_id == viewer.id)))
    if viewer.role == Role.teacher:
        stmt = (
            select(Enrollment.student_id)
            .join(Classroom, Classroom.id == Enrollment.class_id)
            .where(Classroom.teacher_id == viewer.id)
        )
        return set(session.exec(stmt))
    return set()


def can_view_student(*, session: Session, viewer: User, student_id: int) -> bool:
    ids = visible_student_ids(session=session, viewer=viewer)
    return ids is None or student_id in ids


def require_student_access(*, session: Session, viewer: User, student_id: int) -> None:
    if not can_view_student(session=session, viewer=viewer, student_id=student_id):
        raise PermissionDenied("You do not have access to this student's data.")


def can_manage_class(*, session: Session, viewer: User, class_id: int) -> bool:
    if viewer.role == Role.admin:
        return True
    if viewer.role != Role.teacher:
        return False
    classroom = session.get(Classroom, class_id)
    return classroom is not None and classroom.teacher_id == viewer.id


def require_class_access(*, session: Session, viewer: User, class_id: int) -> None:
    if not can_manage_class(session=session, viewer=viewer, class_id=class_id):
        raise PermissionDenied("You do not have access to this class.")


def require_role(viewer: User, *roles: Role) -> None:
    if viewer.role not in {r.value for r in roles}:
        allowed = ", ".join(r.value for r in roles)
        raise PermissionDenied(f"This page is for: {allowed}.")
