"""The demo school's synthetic history goes through the learner model and stays consistent."""

from __future__ import annotations

from sqlmodel import select

from tutor.demo import seed_history
from tutor.models import Attempt, MasteryState, User


def test_seed_history_is_consistent_with_the_learner_model(ctx):
    from tutor.accounts import create_user

    with ctx.session() as s:
        ids = [create_user(session=s, username=f"kid{i}", password="x" * 8, password_hash="h", role="student").id for i in range(3)]
    n = seed_history(ctx, student_ids=ids, seed=7)
    assert n > 50
    with ctx.session() as s:
        attempts = list(s.exec(select(Attempt)))
        states = list(s.exec(select(MasteryState)))
        assert len(attempts) == n and {a.student_id for a in attempts} == set(ids)
        for st in states:
            mine = sorted((a for a in attempts if a.student_id == st.student_id and a.skill_id == st.skill_id),
                          key=lambda a: (a.created_at, a.id))
            assert mine[-1].mastery_after == st.p_mastery
            assert (st.mastered_at is None) == (st.card == "") == (st.due_at is None)
        assert any(st.mastered_at is not None for st in states)
        assert s.exec(select(User)).first() is not None


def test_the_demo_school_has_grades_2_5_and_7_practising_their_own_grades_skills(ctx):
    """Ava (grade 5), Ben (grade 7) and a second-grader each work on skills of their grade, and some wrong
    answers are the common ones the checkers name (so the teacher's misconception table is not empty)."""
    from tutor.demo import seed_demo

    result = seed_demo(ctx, students=4, seed=3)
    assert result.attempts > 40 and result.other_classes[0][0] == "Second grade 2A"
    with ctx.session() as s:
        users = {u.username: u for u in s.exec(select(User))}
        grades = {u.grade_level for u in users.values() if u.role == "student"}
        assert {2, 5, 7} <= grades
        skills = {k.id: k for k in s.exec(select(__import__("tutor.models", fromlist=["Skill"]).Skill))}
        attempts = list(s.exec(select(Attempt)))
    for name in ("ava", "ben", "mia"):
        grade = users[name].grade_level
        mine = [a for a in attempts if a.student_id == users[name].id]
        assert mine, name
        assert all(skills[a.skill_id].grade_min <= grade + 1 and skills[a.skill_id].grade_max >= grade
                   for a in mine), (name, {a.skill_id for a in mine})
    assert any(a.mistake for a in attempts)
