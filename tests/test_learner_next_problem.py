"""Which problem comes next: one policy for the Practice button, the chat's button and "another problem"."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from langchain_core.messages import HumanMessage
from langgraph.checkpoint.memory import InMemorySaver

from tutor import learner
from tutor.errors import NotFound
from tutor.learner.next_problem import choose_skill
from tutor.learner.service import ensure_skill
from tutor.models import MasteryState, utcnow


def _state(sid, p, mastered=False, due_in=None, student_id=1):
    now = utcnow()
    return MasteryState(student_id=student_id, skill_id=sid, p_mastery=p, mastered_at=now if mastered else None,
                        due_at=None if due_in is None else now + timedelta(days=due_in))


@pytest.fixture
def offered(ctx):
    return learner.offered_skills(ctx.plugins)


def test_policy_keeps_an_unmastered_current_skill_then_reviews_then_weakest_then_ready(offered):
    a, b, c = (s.id for s in offered[:3])
    states = {a: _state(a, 0.97, mastered=True, due_in=-1), b: _state(b, 0.3), c: _state(c, 0.6)}
    assert choose_skill(offered=offered, states=states, due=[a], current_skill=b) == b
    assert choose_skill(offered=offered, states=states, due=[a], current_skill=a) == a  # mastered, but due
    assert choose_skill(offered=offered, states=states, due=[], current_skill=a) == b  # weakest in progress
    assert choose_skill(offered=offered, states={}, due=[]) == offered[0].id  # a new learner starts at the start


def test_a_new_learner_of_no_history_gets_the_first_ready_skill(offered):
    first = offered[0]
    assert choose_skill(offered=offered, states={}, due=[], grade=None) == first.id


def test_next_problem_is_never_the_one_just_shown_and_matches_mastery(ctx):
    from tests.test_agents_support import make_student

    student = make_student(ctx)
    sid = learner.offered_skills(ctx.plugins)[0].id
    with ctx.session() as s:
        ensure_skill(session=s, plugins=ctx.plugins, skill_id=sid)
        s.add(_state(sid, 0.8, student_id=student))
    with ctx.session() as s:
        first = learner.next_problem(session=s, plugins=ctx.plugins, student_id=student, rng=random.Random(1))
        again = learner.next_problem(session=s, plugins=ctx.plugins, student_id=student, current=first,
                                     rng=random.Random(1))
    assert first.skill_id == again.skill_id == sid
    assert first.id != again.id
    levels = getattr(ctx.plugins.generators[sid], "difficulties", (1, 2, 3))
    assert first.difficulty == learner.difficulty_for(0.8, levels)


def test_an_unknown_skill_lists_the_offered_ones(ctx):
    with pytest.raises(NotFound, match="offered"):
        learner.next_problem(session=None, plugins=ctx.plugins, student_id=None, skill_id="no.such")


@pytest.mark.asyncio
async def test_typing_another_problem_uses_the_same_policy_as_the_button(ctx, settings):
    """Regression: the button picked the due skill at difficulty 1, typing kept the skill with a bumped difficulty."""
    from agents.tutor import build_graph
    from tests.test_agents_support import make_context, make_student

    student = make_student(ctx)
    offered = learner.offered_skills(ctx.plugins)
    due_sid = offered[2].id
    now = utcnow()
    with ctx.session() as s:
        ensure_skill(session=s, plugins=ctx.plugins, skill_id=due_sid)
        s.add(MasteryState(student_id=student, skill_id=due_sid, p_mastery=0.96, mastered_at=now - timedelta(days=9),
                           due_at=now - timedelta(days=1)))
    with ctx.session() as s:
        button = learner.next_problem(session=s, plugins=ctx.plugins, student_id=student)
    context = make_context(settings, tutor=ctx, plugins=ctx.plugins)
    out = await build_graph(checkpointer=InMemorySaver()).ainvoke(
        {"messages": [HumanMessage(content="give me another problem")], "student_id": student},
        {"configurable": {"thread_id": "np"}}, context=context)
    typed = out["problem"]
    assert button.skill_id == typed["skill_id"] == due_sid
    assert button.difficulty == typed["difficulty"]
