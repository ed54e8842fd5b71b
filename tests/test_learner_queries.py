"""What mastered, ready, due and time on task mean: one answer, whichever page asks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from tutor import learner, reports
from tutor.learner.queries import MAX_ATTEMPT_SECONDS, difficulty_for, ready_from
from tutor.models import MasteryState, User, utcnow


def _states(s, student_id):
    return {m.skill_id: m for m in s.exec(select(MasteryState).where(MasteryState.student_id == student_id))}


def _disagreeing_records(s, student_id, plugins):
    """Two records the old copies read differently: p at 0.97 with no record, and a record with p fallen to 0.6."""
    from tutor.learner.service import ensure_skill

    a, b = [spec.id for spec in learner.offered_skills(plugins)][:2]
    for sid in (a, b):
        ensure_skill(session=s, plugins=plugins, skill_id=sid)
    states = _states(s, student_id)
    high = states.get(a) or MasteryState(student_id=student_id, skill_id=a)
    high.p_mastery, high.mastered_at, high.due_at, high.card = 0.97, None, None, ""
    low = states.get(b) or MasteryState(student_id=student_id, skill_id=b)
    low.p_mastery, low.mastered_at, low.due_at = 0.6, utcnow() - timedelta(days=3), utcnow() + timedelta(days=2)
    s.add(high)
    s.add(low)
    s.flush()
    return a, b


@pytest.fixture
def demo(ctx):
    from tutor.demo import seed_demo

    result = seed_demo(ctx, students=6, seed=11)
    with ctx.session() as s:
        by_name = {u.username: u for u in s.exec(select(User))}
        ids = {name: u.id for name, u in by_name.items()}
    return result, ids


def test_planner_progress_parent_and_heatmap_agree_on_mastered_skills(ctx, demo):
    from agents.planner import _snapshot
    from tutor.reports.teacher import mastery_heatmap

    result, ids = demo
    child = result.parents[0][1]
    student_id = ids[child]
    with ctx.session() as s:
        flipped = _disagreeing_records(s, student_id, ctx.plugins)
    with ctx.session() as s:
        users = {u.username: u for u in s.exec(select(User))}
        own = learner.mastered_skills(session=s, student_id=student_id)
        progress = reports.student_progress(session=s, viewer=users[child], student_id=student_id)
        parent = reports.child_week(session=s, viewer=users[result.parents[0][0]], student_id=student_id)
        classroom = reports.classes_for(session=s, viewer=users[result.teacher])[0]
        heat = mastery_heatmap(session=s, viewer=users[result.teacher], class_id=classroom.id)
    planner = set(_snapshot(ctx, ctx.plugins, student_id)["mastered"])
    on_progress = {sk.skill_id for sk in progress.skills if sk.mastered}
    on_parent = {sk.skill_id for sk in parent.progress.skills if sk.mastered}
    on_heatmap = {c.skill_id for c in heat if c.student_id == student_id and c.mastered}
    assert own == planner == on_progress == on_parent == on_heatmap
    high, low = flipped
    assert high not in own and low in own


def test_mastered_means_the_learners_record_not_an_estimate_of_095(ctx, demo):
    """Regression: the planner read p >= 0.95, the reports read 'mastered_at or p >= 0.95', the learner mastered_at."""
    from agents.planner import _snapshot

    _result, ids = demo
    student_id = next(iter(v for k, v in ids.items() if k in {"ava", "ben"}))
    with ctx.session() as s:
        high, low = _disagreeing_records(s, student_id, ctx.plugins)
    snapshot = _snapshot(ctx, ctx.plugins, student_id)
    assert high not in snapshot["mastered"] and low in snapshot["mastered"]
    assert low not in snapshot["ready"]


def test_ready_to_learn_leaves_out_skills_far_above_the_grade_and_puts_the_grade_first():
    from tutor.plugin_api import SkillSpec

    specs = [
        SkillSpec(id="base", title="Base", subject="s", grade_min=3, grade_max=5),
        SkillSpec(id="next", title="Next", subject="s", prerequisites=("base",), grade_min=6, grade_max=7),
        SkillSpec(id="side", title="Side", subject="s", grade_min=6, grade_max=8),
        SkillSpec(id="far", title="Far", subject="s", grade_min=9, grade_max=12),
        SkillSpec(id="near", title="Near", subject="s", grade_min=4, grade_max=5),
    ]
    assert [s.id for s in ready_from(specs, {"base"}, grade=6)] == ["next", "side", "near"]
    assert [s.id for s in ready_from(specs, set(), grade=None)] == ["base", "side", "far", "near"]
    assert "far" in [s.id for s in ready_from(specs, set(), grade=8)]


def test_reviews_due_are_mastered_skills_most_overdue_first(ctx):
    from tests.test_agents_support import make_student

    student = make_student(ctx)
    now = utcnow()
    with ctx.session() as s:
        skills = [spec.id for spec in learner.offered_skills(ctx.plugins)][:3]
        from tutor.learner.service import ensure_skill

        for sid in skills:
            ensure_skill(session=s, plugins=ctx.plugins, skill_id=sid)
        s.add(MasteryState(student_id=student, skill_id=skills[0], p_mastery=0.96, mastered_at=now - timedelta(days=9),
                           due_at=now - timedelta(days=1), card=""))
        s.add(MasteryState(student_id=student, skill_id=skills[1], p_mastery=0.96, mastered_at=now - timedelta(days=9),
                           due_at=now - timedelta(days=4), card=""))
        s.add(MasteryState(student_id=student, skill_id=skills[2], p_mastery=0.96, mastered_at=now - timedelta(days=9),
                           due_at=now + timedelta(days=4), card=""))
    with ctx.session() as s:
        due = [m.skill_id for m in learner.reviews_due(session=s, student_id=student)]
    assert due == [skills[1], skills[0]]


def test_time_on_task_caps_each_answer_like_the_reports(ctx):
    from tests.test_agents_support import make_student
    from tutor import repo

    student = make_student(ctx)
    with ctx.session() as s:
        from tutor.learner.service import ensure_skill

        sid = learner.offered_skills(ctx.plugins)[0].id
        ensure_skill(session=s, plugins=ctx.plugins, skill_id=sid)
        for i, secs in enumerate((30.0, 5000.0, -4.0)):
            repo.add_attempt(session=s, student_id=student, skill_id=sid, problem_id=f"p{i}", problem_text="?",
                             expected_answer="1", answer_given="1", verdict="correct", time_taken_s=secs)
    with ctx.session() as s:
        spent = learner.time_on_task(session=s, student_id=student)
        user = s.get(User, student)
        week = reports.student_progress(session=s, viewer=user, student_id=student)
    assert spent.total_s == 30.0 + MAX_ATTEMPT_SECONDS
    assert week.minutes_this_week == round(spent.total_s / 60, 1)


def test_difficulty_follows_mastery():
    assert [difficulty_for(p) for p in (None, 0.2, 0.5, 0.9)] == [1, 1, 2, 3]
    assert difficulty_for(0.9, (1, 2)) == 2


def test_ready_skills_below_a_students_grade_come_nearest_grade_first():
    """A seventh-grader with nothing mastered starts with grade 7, then grade 6, and only then grade 1."""
    from tutor.plugin_api import SkillSpec

    specs = [SkillSpec("count", "Count", "n", 1, 1), SkillSpec("place", "Place value", "n", 2, 3),
             SkillSpec("ratio", "Ratios", "n", 6, 6), SkillSpec("eq", "Equations", "n", 7, 8),
             SkillSpec("fn", "Functions", "n", 8, 8)]
    assert [s.id for s in ready_from(specs, set(), grade=7)] == ["eq", "ratio", "place", "count", "fn"]
