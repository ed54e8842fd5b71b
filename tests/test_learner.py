"""Learner model: BKT against hand-computed values, FSRS scheduling, the one-transaction service and queries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating

from tutor.accounts import create_user
from tutor.learner import (
    MASTERY_THRESHOLD,
    BKTParams,
    mastered_skills,
    rating_for,
    ready_to_learn,
    recent_accuracy,
    record_attempt,
    review_card,
    reviews_due,
    submit_answer,
    time_on_task,
    update,
)
from tutor.learner.service import UNREADABLE
from tutor.models import Attempt, MasteryState
from tutor.plugins import PluginManager
from tutor.repo import get_mastery

T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def plugins() -> PluginManager:
    return PluginManager.load(third_party=False)


@pytest.fixture
def student(ctx, plugins) -> int:
    with ctx.session() as s:
        plugins.sync_skills(session=s)
        user = create_user(session=s, username="kid", password="x" * 8, password_hash="hash", role="student", grade_level=6)
        return user.id


# ---------------------------------------------------------------- BKT
def test_bkt_correct_answer_matches_hand_computation():
    # posterior = .2*.9 / (.2*.9 + .8*.2) = .18/.34; then learn: post + (1-post)*.15 = 0.6 exactly
    assert update(0.2, True) == pytest.approx(0.6)


def test_bkt_wrong_answer_matches_hand_computation():
    post = 0.2 * 0.1 / (0.2 * 0.1 + 0.8 * 0.8)
    assert update(0.2, False) == pytest.approx(post + (1 - post) * 0.15) == pytest.approx(0.175758, abs=1e-6)


def test_bkt_hints_count_as_not_solved_unaided():
    assert update(0.2, True, hints_used=1) == update(0.2, False)
    assert update(0.2, True, hints_used=1) < 0.2 < update(0.2, True)


def test_bkt_custom_params_and_mastery_after_a_run_of_correct_answers():
    params = BKTParams(prior=0.5, learn=0.1, guess=0.25, slip=0.05)
    post = 0.5 * 0.95 / (0.5 * 0.95 + 0.5 * 0.25)
    assert update(0.5, True, params) == pytest.approx(post + (1 - post) * 0.1)
    p, n = 0.2, 0
    while p < MASTERY_THRESHOLD:
        p, n = update(p, True), n + 1
    assert n == 3  # 0.2 -> 0.6 -> 0.897 -> 0.980


def test_bkt_rejects_degenerate_params():
    with pytest.raises(ValueError, match="guess \\+ slip"):
        BKTParams(guess=0.6, slip=0.5)
    with pytest.raises(ValueError, match="between 0 and 1"):
        BKTParams(prior=1.5)


# ---------------------------------------------------------------- FSRS
def test_rating_mapping():
    assert rating_for(False) is Rating.Again
    assert rating_for(True, hints_used=2) is Rating.Hard
    assert rating_for(True, time_taken_s=8) is Rating.Easy
    assert rating_for(True, time_taken_s=60) is Rating.Good


def test_fsrs_intervals_grow_with_good_reviews_and_shrink_after_a_lapse():
    card, due1 = review_card("", Rating.Good, T0)
    assert due1 - T0 == timedelta(days=2)
    card, due2 = review_card(card, Rating.Good, due1)
    assert due2 - due1 == timedelta(days=11)
    _, due3 = review_card(card, Rating.Again, due2)
    assert timedelta(days=1) <= due3 - due2 < due2 - due1
    _, easy = review_card("", Rating.Easy, T0)
    _, hard = review_card("", Rating.Hard, T0)
    assert hard < due1 < easy


# ---------------------------------------------------------------- service
def _record(s, student, problem_id, verdict, **kw):
    return record_attempt(
        session=s, student_id=student, skill_id="arith.add_sub", problem_id=problem_id, problem_text="What is 2 + 2?",
        expected_answer="4", answer_given=kw.pop("answer", "4"), verdict=verdict, **kw,
    )


def test_only_the_first_graded_attempt_at_a_problem_moves_mastery(ctx, student):
    with ctx.session() as s:
        first = _record(s, student, "p1", "incorrect", now=T0)
        again = _record(s, student, "p1", "correct", now=T0 + timedelta(minutes=1))
        assert first.first_attempt and not again.first_attempt
        assert first.p_after == pytest.approx(update(0.2, False))
        assert again.p_after == again.p_before == first.p_after
        state = get_mastery(session=s, student_id=student, skill_id="arith.add_sub")
        assert (state.n_attempts, state.n_correct) == (2, 1)


def test_an_unreadable_answer_does_not_use_up_the_first_attempt(ctx, student):
    with ctx.session() as s:
        unread = _record(s, student, "p2", "undetermined", answer="???", now=T0)
        assert not unread.first_attempt and unread.p_after == unread.p_before == 0.2
        then = _record(s, student, "p2", "correct", now=T0)
        assert then.first_attempt and then.p_after == pytest.approx(0.6)


def test_repeated_submission_id_is_idempotent(ctx, student):
    with ctx.session() as s:
        a = _record(s, student, "p3", "correct", submission_id="sub-1", now=T0)
        b = _record(s, student, "p3", "correct", submission_id="sub-1", now=T0)
        assert b.duplicate and b.attempt_id == a.attempt_id and b.p_after == a.p_after
        assert len(list(s.exec(Attempt.__table__.select()))) == 1
        state = get_mastery(session=s, student_id=student, skill_id="arith.add_sub")
        assert state.n_attempts == 1


def test_attempt_mastery_and_card_roll_back_together(ctx, student):
    with pytest.raises(RuntimeError):
        with ctx.session() as s:
            _record(s, student, "p4", "correct", now=T0)
            raise RuntimeError("the caller's transaction fails after recording")
    with ctx.session() as s:
        assert get_mastery(session=s, student_id=student, skill_id="arith.add_sub") is None
        assert s.exec(Attempt.__table__.select()).first() is None


def test_mastery_creates_an_fsrs_card_and_reviews_come_due(ctx, student, plugins):
    with ctx.session() as s:
        results = [_record(s, student, f"m{i}", "correct", now=T0 + timedelta(minutes=i), time_taken_s=40) for i in range(3)]
        assert [r.newly_mastered for r in results] == [False, False, True]
        last = results[-1]
        assert last.mastered and last.due_at == T0 + timedelta(minutes=2, days=2)
        state = get_mastery(session=s, student_id=student, skill_id="arith.add_sub")
        assert state.card and state.mastered_at == T0 + timedelta(minutes=2)
        assert reviews_due(session=s, student_id=student, now=T0 + timedelta(days=1)) == []
        assert [r.skill_id for r in reviews_due(session=s, student_id=student, now=T0 + timedelta(days=3))] == ["arith.add_sub"]
        # A later first attempt is a review: the card moves on.
        review = _record(s, student, "m9", "correct", now=T0 + timedelta(days=3), time_taken_s=40)
        assert review.due_at > T0 + timedelta(days=10)
        ready = [sp.id for sp in ready_to_learn(session=s, student_id=student, plugins=plugins)]
        assert "arith.mult_div" in ready and "arith.add_sub" not in ready and "arith.order_ops" not in ready
        assert mastered_skills(session=s, student_id=student) == {"arith.add_sub"}
        from tutor.learner.review import retrievability

        assert 0 < retrievability(get_mastery(session=s, student_id=student, skill_id="arith.add_sub").card,
                                  T0 + timedelta(days=3)) <= 1


def test_ready_to_learn_starts_at_skills_without_prerequisites_and_respects_grade(ctx, student, plugins):
    with ctx.session() as s:
        ready = ready_to_learn(session=s, student_id=student, plugins=plugins, grade=3)
    ids = [sp.id for sp in ready]
    assert "arith.add_sub" in ids and "arith.mult_div" not in ids  # its prerequisite is not mastered yet
    assert all(not sp.prerequisites and sp.grade_min <= 4 for sp in ready)  # within reach of a third-grader
    in_band = [sp.grade_min <= 3 <= sp.grade_max for sp in ready]
    assert in_band == sorted(in_band, reverse=True)  # the third grade's own skills first


def test_recent_accuracy_and_time_on_task(ctx, student):
    now = T0 + timedelta(days=20)
    with ctx.session() as s:
        _record(s, student, "a1", "correct", now=now - timedelta(days=1), time_taken_s=30)
        _record(s, student, "a2", "incorrect", now=now - timedelta(days=1), time_taken_s=50)
        _record(s, student, "a3", "undetermined", now=now - timedelta(days=2), time_taken_s=20)
        _record(s, student, "a4", "correct", now=now - timedelta(days=30), time_taken_s=99)
        acc = recent_accuracy(session=s, student_id=student, days=14, now=now)
        assert (acc.n_attempts, acc.n_correct, acc.accuracy) == (2, 1, 0.5)
        assert recent_accuracy(session=s, student_id=student, days=1, skill_id="frac.percent", now=now).accuracy is None
        tot = time_on_task(session=s, student_id=student, days=7, now=now)
        assert tot.total_s == 100 and sum(tot.by_day.values()) == 100 and len(tot.by_day) == 2


def test_submit_answer_grades_through_the_verifier(ctx, student, plugins):
    problem = plugins.generate("frac.simplify", seed=3, difficulty=2)
    wrong_form = f"{problem.answer.p * 2}/{problem.answer.q * 2}"
    with ctx.session() as s:
        right = submit_answer(session=s, plugins=plugins, student_id=student, problem=problem, answer=problem.answer_text,
                              submission_id="s1", now=T0)
        assert right.correct and right.feedback == "Right!" and "lowest terms" not in right.feedback
        assert right.worked_solution.startswith("1. ")
        other = plugins.generate("frac.simplify", seed=4, difficulty=2)
        unsimplified = submit_answer(session=s, plugins=plugins, student_id=student, problem=other,
                                     answer=f"{other.answer.p * 2}/{other.answer.q * 2}", now=T0)
        assert unsimplified.verdict == "incorrect" and unsimplified.mistake == "not_simplest_form"
        third = plugins.generate("frac.simplify", seed=5, difficulty=2)
        garbled = submit_answer(session=s, plugins=plugins, student_id=student, problem=third, answer="", now=T0)
        assert garbled.verdict == "undetermined" and garbled.feedback == UNREADABLE and not garbled.first_attempt
        dup = submit_answer(session=s, plugins=plugins, student_id=student, problem=problem, answer=wrong_form,
                            submission_id="s1", now=T0)
        assert dup.duplicate and dup.correct
        state = s.get(MasteryState, get_mastery(session=s, student_id=student, skill_id="frac.simplify").id)
        assert state.n_attempts == 2 and state.n_correct == 1
