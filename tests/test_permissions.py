"""The permission matrix: each role reads what it should and nothing else."""

import pytest

from tutor.accounts import create_user
from tutor.classes import create_class, enroll, link_parent
from tutor.errors import PermissionDenied
from tutor.permissions import (
    can_view_student,
    require_class_access,
    require_role,
    require_student_access,
    visible_student_ids,
)
from tutor.models import Role

PW = "password123"


@pytest.fixture
def school(ctx):
    with ctx.session() as s:
        u = {
            name: create_user(session=s, username=name, password=PW, role=role)
            for name, role in [
                ("kid1", "student"), ("kid2", "student"), ("kid3", "student"),
                ("mom1", "parent"), ("mom3", "parent"),
                ("teach1", "teacher"), ("teach2", "teacher"), ("boss", "admin"),
            ]
        }
        c1 = create_class(session=s, teacher=u["teach1"], name="Class One")
        c2 = create_class(session=s, teacher=u["teach2"], name="Class Two")
        enroll(session=s, classroom=c1, student=u["kid1"])
        enroll(session=s, classroom=c1, student=u["kid2"])
        enroll(session=s, classroom=c2, student=u["kid3"])
        link_parent(session=s, parent=u["mom1"], student=u["kid1"])
        link_parent(session=s, parent=u["mom3"], student=u["kid3"])
    return ctx, u, c1, c2


# viewer -> students they may see
MATRIX = {
    "kid1": {"kid1"},
    "kid2": {"kid2"},
    "mom1": {"kid1"},
    "mom3": {"kid3"},
    "teach1": {"kid1", "kid2"},
    "teach2": {"kid3"},
    "boss": {"kid1", "kid2", "kid3"},
}


@pytest.mark.parametrize("viewer", sorted(MATRIX))
@pytest.mark.parametrize("student", ["kid1", "kid2", "kid3"])
def test_permission_matrix(school, viewer, student):
    ctx, u, _, _ = school
    allowed = student in MATRIX[viewer]
    with ctx.session() as s:
        assert can_view_student(session=s, viewer=u[viewer], student_id=u[student].id) is allowed
        if allowed:
            require_student_access(session=s, viewer=u[viewer], student_id=u[student].id)
        else:
            with pytest.raises(PermissionDenied, match="do not have access"):
                require_student_access(session=s, viewer=u[viewer], student_id=u[student].id)


def test_visible_ids(school):
    ctx, u, _, _ = school
    with ctx.session() as s:
        assert visible_student_ids(session=s, viewer=u["boss"]) is None
        assert visible_student_ids(session=s, viewer=u["teach1"]) == {u["kid1"].id, u["kid2"].id}


def test_class_access(school):
    ctx, u, c1, c2 = school
    with ctx.session() as s:
        require_class_access(session=s, viewer=u["teach1"], class_id=c1.id)
        require_class_access(session=s, viewer=u["boss"], class_id=c2.id)
        for viewer in ("teach2", "kid1", "mom1"):
            with pytest.raises(PermissionDenied):
                require_class_access(session=s, viewer=u[viewer], class_id=c1.id)
    with pytest.raises(PermissionDenied):
        require_role(u["kid1"], Role.teacher, Role.admin)
    require_role(u["teach1"], Role.teacher, Role.admin)
