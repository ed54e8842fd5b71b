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
