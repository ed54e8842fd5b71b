"""Classes, enrolment and parent-child links (tutor/classes.py), with their join and link codes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tutor import classes
from tutor.accounts import create_user
from tutor.classes import (
    CODE_ALPHABET,
    children_of,
    class_by_code,
    class_students,
    create_class,
    enroll,
    get_class,
    issue_link_code,
    join_class,
    link_parent,
    link_parent_by_name,
    new_code,
    normalize_code,
    redeem_link_code,
    student_classes,
    teacher_classes,
    unenroll,
)
from tutor.errors import DuplicateError, NotFound, PermissionDenied, ValidationError
from tutor.models import LinkCode, utcnow
from tutor.permissions import can_view_student

PW = "password123"


@pytest.fixture
def people(ctx):
    """Three students, two parents, two teachers and an admin; no classes or links yet."""
    with ctx.session() as s:
        u = {
            name: create_user(session=s, username=name, password=PW, role=role, display_name=display)
            for name, role, display in [
                ("kid1", "student", "Cleo"), ("kid2", "student", "Ada"), ("kid3", "student", "Bo"),
                ("mom1", "parent", "Mom One"), ("mom3", "parent", "Mom Three"),
                ("teach1", "teacher", "Teacher One"), ("teach2", "teacher", "Teacher Two"),
                ("boss", "admin", "Boss"),
            ]
        }
    return u


def test_codes_avoid_letters_children_confuse():
    for ambiguous in "01ILO":
        assert ambiguous not in CODE_ALPHABET
    code = new_code()
    assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)
    assert len(new_code(8)) == 8


def test_normalize_code_ignores_spaces_and_case():
    assert normalize_code(" ab c 12 ") == "ABC12"
    assert normalize_code(None) == ""
    assert normalize_code("x" * 40) == "X" * 16


def test_create_class_gives_a_fresh_join_code_and_a_clean_name(ctx, people, monkeypatch):
    codes = iter(["AAAAAA", "AAAAAA", "BBBBBB"])
    monkeypatch.setattr(classes, "new_code", lambda length=6: next(codes))
    with ctx.session() as s:
        first = create_class(session=s, teacher=people["teach1"], name="  Math   6B ")
        second = create_class(session=s, teacher=people["boss"], name="Algebra")
        assert (first.name, first.join_code) == ("Math 6B", "AAAAAA")
        assert second.join_code == "BBBBBB"  # the taken code was drawn again and skipped
        with pytest.raises(ValidationError, match="cannot be empty"):
            create_class(session=s, teacher=people["teach1"], name="   ")


def test_only_teachers_create_classes(ctx, people):
    with ctx.session() as s:
        for who in ("kid1", "mom1"):
            with pytest.raises(PermissionDenied, match="Only a teacher or an admin"):
                create_class(session=s, teacher=people[who], name="Hack")


def test_get_class_and_class_by_code(ctx, people):
    with ctx.session() as s:
        c = create_class(session=s, teacher=people["teach1"], name="Class One")
        assert get_class(session=s, class_id=c.id).name == "Class One"
        assert class_by_code(session=s, code=f" {c.join_code.lower()} ").id == c.id
        with pytest.raises(NotFound, match=f"No class with id {c.id + 1}"):
            get_class(session=s, class_id=c.id + 1)
        with pytest.raises(NotFound, match="No class has that join code"):
            class_by_code(session=s, code="ZZZZZZ")


def test_student_joins_with_code_and_unknown_code_is_clear(ctx, people):
    with ctx.session() as s:
        c1 = create_class(session=s, teacher=people["teach1"], name="Class One")
        assert join_class(session=s, student=people["kid3"], code=f" {c1.join_code.lower()} ").id == c1.id
        join_class(session=s, student=people["kid3"], code=c1.join_code)  # twice is harmless
        assert [k.username for k in class_students(session=s, class_id=c1.id)].count("kid3") == 1
        with pytest.raises(NotFound, match="No class has that join code"):
            join_class(session=s, student=people["kid3"], code="ZZZZZZ")
    with ctx.session() as s:
        unenroll(session=s, classroom=c1, student_id=people["kid3"].id)
    with ctx.session() as s:
        assert "kid3" not in {k.username for k in class_students(session=s, class_id=c1.id)}
        with pytest.raises(NotFound, match="not in this class"):
            unenroll(session=s, classroom=c1, student_id=people["kid3"].id)


def test_only_students_are_enrolled(ctx, people):
    with ctx.session() as s:
        c = create_class(session=s, teacher=people["teach1"], name="Class One")
        first = enroll(session=s, classroom=c, student=people["kid1"])
        assert enroll(session=s, classroom=c, student=people["kid1"]).id == first.id
        for who in ("mom1", "teach2"):
            with pytest.raises(ValidationError, match=f"{who} is not a student account"):
                enroll(session=s, classroom=c, student=people[who])


def test_class_lists_are_sorted_by_name(ctx, people):
    with ctx.session() as s:
        b = create_class(session=s, teacher=people["teach1"], name="B class")
        a = create_class(session=s, teacher=people["teach1"], name="A class")
        create_class(session=s, teacher=people["teach2"], name="Other teacher's")
        for kid in ("kid1", "kid2", "kid3"):
            enroll(session=s, classroom=b, student=people[kid])
        enroll(session=s, classroom=a, student=people["kid1"])
        assert [c.name for c in teacher_classes(session=s, teacher_id=people["teach1"].id)] == ["A class", "B class"]
        assert [k.display_name for k in class_students(session=s, class_id=b.id)] == ["Ada", "Bo", "Cleo"]
        assert {c.name for c in student_classes(session=s, student_id=people["kid1"].id)} == {"A class", "B class"}
        assert student_classes(session=s, student_id=people["mom1"].id) == []


def test_link_parent_checks_roles_and_duplicates(ctx, people):
    with ctx.session() as s:
        link_parent_by_name(session=s, parent_username="mom1", student_username="kid1")
        link_parent(session=s, parent=people["mom1"], student=people["kid2"])
        assert [c.display_name for c in children_of(session=s, parent_id=people["mom1"].id)] == ["Ada", "Cleo"]
        assert children_of(session=s, parent_id=people["mom3"].id) == []
        with pytest.raises(DuplicateError, match="mom1 is already linked to kid1"):
            link_parent(session=s, parent=people["mom1"], student=people["kid1"])
        with pytest.raises(ValidationError, match="teach1 is not a parent account"):
            link_parent(session=s, parent=people["teach1"], student=people["kid1"])
        with pytest.raises(ValidationError, match="mom3 is not a student account"):
            link_parent(session=s, parent=people["mom1"], student=people["mom3"])
        with pytest.raises(NotFound):
            link_parent_by_name(session=s, parent_username="nobody", student_username="kid1")


def test_parent_links_child_with_code(ctx, people):
    with ctx.session() as s:
        code = issue_link_code(session=s, issuer=people["kid2"], student_id=people["kid2"].id)
    with ctx.session() as s:
        assert redeem_link_code(session=s, parent=people["mom1"], code=code.lower()).username == "kid2"
        assert can_view_student(session=s, viewer=people["mom1"], student_id=people["kid2"].id)
    with ctx.session() as s:
        with pytest.raises(NotFound, match="unknown or has expired"):
            redeem_link_code(session=s, parent=people["mom3"], code=code)  # used once already
        with pytest.raises(PermissionDenied):
            issue_link_code(session=s, issuer=people["kid1"], student_id=people["kid2"].id)


def test_a_teacher_issues_link_codes_for_their_students_but_a_parent_cannot(ctx, people):
    with ctx.session() as s:
        c = create_class(session=s, teacher=people["teach1"], name="Class One")
        enroll(session=s, classroom=c, student=people["kid1"])
        link_parent(session=s, parent=people["mom1"], student=people["kid1"])
        code = issue_link_code(session=s, issuer=people["teach1"], student_id=people["kid1"].id)
        assert len(code) == 8
        with pytest.raises(PermissionDenied):
            issue_link_code(session=s, issuer=people["teach2"], student_id=people["kid1"].id)
        with pytest.raises(PermissionDenied, match="A parent cannot create link codes"):
            issue_link_code(session=s, issuer=people["mom1"], student_id=people["kid1"].id)


def test_an_expired_link_code_is_refused(ctx, people):
    with ctx.session() as s:
        code = issue_link_code(session=s, issuer=people["kid1"], student_id=people["kid1"].id)
        row = s.get(LinkCode, code)
        row.expires_at = utcnow() - timedelta(minutes=1)
        s.add(row)
    with ctx.session() as s:
        with pytest.raises(NotFound, match="unknown or has expired"):
            redeem_link_code(session=s, parent=people["mom1"], code=code)
        assert children_of(session=s, parent_id=people["mom1"].id) == []
