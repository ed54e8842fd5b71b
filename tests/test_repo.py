"""Repository functions for learning records (tutor/repo.py): skills, attempts, mastery, plans, sessions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from tutor import repo
from tutor.accounts import create_user
from tutor.errors import NotFound, ValidationError
from tutor.models import LessonItem, LessonPlan, MasteryState, Skill, VerificationLog, utcnow


def skill(skill_id: str, subject: str = "arithmetic", title: str | None = None) -> Skill:
    return Skill(id=skill_id, title=title or skill_id, subject=subject, plugin="test")


@pytest.fixture
def kids(ctx):
    """Two students and three skills."""
    with ctx.session() as s:
        repo.upsert_skills(session=s, skills=[skill("t.add"), skill("t.sub"), skill("t.eq", subject="algebra")])
        return [create_user(session=s, username=name, password="password123", role="student").id
                for name in ("kid1", "kid2")]


def attempt(s, student_id: int, **fields):
    values = dict(student_id=student_id, skill_id="t.add", problem_id="p1", problem_text="1 + 1",
                  expected_answer="2", answer_given="2", verdict="correct")
    values.update(fields)
    return repo.add_attempt(session=s, **values)


def test_upsert_skills_inserts_then_updates(ctx):
    with ctx.session() as s:
        assert repo.upsert_skills(session=s, skills=[skill("t.b"), skill("t.a", subject="algebra")]) == 2
    with ctx.session() as s:
        assert repo.upsert_skills(session=s, skills=[skill("t.b", title="Better title")]) == 1
    with ctx.session() as s:
        assert repo.get_skill(session=s, skill_id="t.b").title == "Better title"
        mine = [x.id for x in repo.list_skills(session=s) if x.plugin == "test"]
        assert mine == ["t.a", "t.b"]  # by subject, then id
        with pytest.raises(NotFound, match="No skill with id 'nope'"):
            repo.get_skill(session=s, skill_id="nope")


def test_a_repeated_submission_is_stored_once(ctx, kids):
    with ctx.session() as s:
        first = attempt(s, kids[0], submission_id="tab-1")
    with ctx.session() as s:
        again = attempt(s, kids[0], submission_id="tab-1", answer_given="3", verdict="incorrect")
        assert again.id == first.id and again.answer_given == "2"
        other = attempt(s, kids[0])
        assert other.id != first.id and other.submission_id  # a key is made when none is given
        assert len(repo.attempts_for(session=s, student_ids=[kids[0]])) == 2


def test_add_attempt_checks_and_trims_its_input(ctx, kids):
    with ctx.session() as s:
        with pytest.raises(ValidationError, match="at most 2000 characters"):
            attempt(s, kids[0], answer_given="9" * 2001)
        with pytest.raises(ValueError):
            attempt(s, kids[0], verdict="maybe")
        row = attempt(s, kids[0], problem_id="p" * 200, expected_answer="1" * 600, mistake="m" * 300,
                      time_taken_s=-5, hints_used=-1)
        assert (len(row.problem_id), len(row.expected_answer), len(row.mistake)) == (120, 500, 200)
        assert row.time_taken_s == 0.0 and row.hints_used == 0 and row.verdict == "correct"


def test_attempts_for_filters_and_puts_the_newest_first(ctx, kids):
    now = utcnow()
    with ctx.session() as s:
        old = attempt(s, kids[0], created_at=now - timedelta(days=10)).id
        new = attempt(s, kids[0], created_at=now - timedelta(hours=1)).id
        sub = attempt(s, kids[0], skill_id="t.sub", problem_id="p2", created_at=now - timedelta(days=2)).id
        theirs = attempt(s, kids[1], created_at=now).id
    with ctx.session() as s:
        ids = lambda **kw: [a.id for a in repo.attempts_for(session=s, **kw)]  # noqa: E731
        assert ids(student_ids=[kids[0]]) == [new, sub, old]
        assert ids() == [theirs, new, sub, old]
        assert ids(student_ids=[kids[0]], skill_id="t.add") == [new, old]
        assert ids(student_ids=[kids[0]], since=now - timedelta(days=3)) == [new, sub]
        assert ids(student_ids=[kids[0]], limit=1) == [new]
        assert ids(student_ids=[]) == []
        assert repo.attempted_problem(session=s, student_id=kids[0], problem_id="p2")
        assert not repo.attempted_problem(session=s, student_id=kids[1], problem_id="p2")


def test_mastery_rows_and_due_reviews(ctx, kids):
    now = utcnow()
    with ctx.session() as s:
        assert repo.get_mastery(session=s, student_id=kids[0], skill_id="t.add") is None
        for skill_id, due in [("t.add", now - timedelta(days=1)), ("t.sub", now - timedelta(days=3)),
                              ("t.eq", now + timedelta(days=1))]:
            repo.save_mastery(session=s, state=MasteryState(student_id=kids[0], skill_id=skill_id,
                                                            p_mastery=0.97, due_at=due))
        repo.save_mastery(session=s, state=MasteryState(student_id=kids[1], skill_id="t.add", p_mastery=0.3))
    with ctx.session() as s:
        state = repo.get_mastery(session=s, student_id=kids[0], skill_id="t.add")
        assert state.p_mastery == pytest.approx(0.97)
        assert [m.skill_id for m in repo.due_reviews(session=s, student_id=kids[0], now=now)] == ["t.sub", "t.add"]
        assert repo.due_reviews(session=s, student_id=kids[1], now=now) == []  # never due: no review card
        assert [m.skill_id for m in repo.due_reviews(session=s, student_id=kids[0],
                                                     now=now + timedelta(days=2))] == ["t.sub", "t.add", "t.eq"]
        assert len(repo.mastery_for(session=s, student_ids=kids)) == 4
        assert repo.mastery_for(session=s, student_ids=[]) == []


def plan_of(student_id: int, *skills: str) -> tuple[LessonPlan, list[LessonItem]]:
    return LessonPlan(student_id=student_id), [LessonItem(position=0, kind="practice", skill_id=k, title=k)
                                               for k in skills]


def test_a_new_lesson_plan_replaces_the_active_one(ctx, kids):
    with ctx.session() as s:
        assert repo.active_lesson_plan(session=s, student_id=kids[0]) is None
        plan, items = plan_of(kids[0], "t.add")
        first = repo.save_lesson_plan(session=s, plan=plan, items=items)
        plan, items = plan_of(kids[0], "t.sub", "t.add", "t.eq")
        second = repo.save_lesson_plan(session=s, plan=plan, items=items)
    with ctx.session() as s:
        active, items = repo.active_lesson_plan(session=s, student_id=kids[0])
        assert active.id == second.id
        assert [(i.position, i.skill_id) for i in items] == [(0, "t.sub"), (1, "t.add"), (2, "t.eq")]
        assert s.get(LessonPlan, first.id).status == "replaced"
        assert repo.active_lesson_plan(session=s, student_id=kids[1]) is None


def test_finishing_the_last_item_finishes_the_plan(ctx, kids):
    with ctx.session() as s:
        plan, items = plan_of(kids[0], "t.add", "t.sub")
        repo.save_lesson_plan(session=s, plan=plan, items=items)
        first = repo.complete_lesson_item(session=s, item_id=items[0].id)
        done_at = first.completed_at
        assert first.status == "done" and done_at is not None
        assert s.get(LessonPlan, plan.id).status == "active"
        assert repo.complete_lesson_item(session=s, item_id=items[0].id).completed_at == done_at  # kept
        repo.complete_lesson_item(session=s, item_id=items[1].id)
        assert s.get(LessonPlan, plan.id).status == "done"
        assert repo.active_lesson_plan(session=s, student_id=kids[0]) is None
        with pytest.raises(NotFound, match="No lesson item with id"):
            repo.complete_lesson_item(session=s, item_id=items[1].id + 100)


def test_a_conversation_belongs_to_one_student(ctx, kids):
    with ctx.session() as s:
        row = repo.get_or_create_tutor_session(session=s, student_id=kids[0], thread_id="thread-a", skill_id="t.add")
        assert repo.get_or_create_tutor_session(session=s, student_id=kids[0], thread_id="thread-a").id == row.id
        with pytest.raises(NotFound, match="No such conversation"):
            repo.get_or_create_tutor_session(session=s, student_id=kids[1], thread_id="thread-a")
        fresh = repo.get_or_create_tutor_session(session=s, student_id=kids[0])
        assert fresh.id != row.id and fresh.thread_id
        assert repo.latest_tutor_session(session=s, student_id=kids[1]) is None


def test_messages_keep_their_order_and_mark_the_conversation_active(ctx, kids):
    with ctx.session() as s:
        older = repo.get_or_create_tutor_session(session=s, student_id=kids[0], thread_id="older")
        newer = repo.get_or_create_tutor_session(session=s, student_id=kids[0], thread_id="newer")
        older.last_active_at = newer.last_active_at = utcnow() - timedelta(days=1)
        s.add_all([older, newer])
        s.flush()
        repo.add_message(session=s, tutor_session=older, role="user", content="What is 2 + 2?")
        repo.add_message(session=s, tutor_session=older, role="assistant", content="2 + 2 = 4", verified_count=1)
    with ctx.session() as s:
        assert repo.latest_tutor_session(session=s, student_id=kids[0]).thread_id == "older"
        messages = repo.session_messages(session=s, session_id=older.id)
        assert [(m.role, m.content, m.verified_count) for m in messages] == [
            ("user", "What is 2 + 2?", 0), ("assistant", "2 + 2 = 4", 1)]
        assert repo.session_messages(session=s, session_id=newer.id) == []


def test_log_verification_stores_every_entry(ctx, kids):
    entries = [VerificationLog(student_id=kids[0], claim=f"{n} + 1 = {n + 1}", kind="arithmetic", result="verified")
               for n in range(3)]
    with ctx.session() as s:
        assert repo.log_verification(session=s, entries=entries) == 3
        assert repo.log_verification(session=s, entries=[]) == 0
    with ctx.session() as s:
        stored = s.exec(select(VerificationLog).where(VerificationLog.student_id == kids[0]))
        assert {e.claim for e in stored} == {
            "0 + 1 = 1", "1 + 1 = 2", "2 + 1 = 3"}
