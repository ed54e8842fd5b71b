"""Grade a submitted answer and store the attempt, BKT mastery and FSRS review state together.

Both functions work inside the caller's transaction (``session``) and only
flush, so the attempt, the mastery row and the review card are committed or
rolled back as one. A repeated ``submission_id`` returns the stored outcome and
changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session, select

from tutor.errors import NotFound, PermissionDenied
from tutor.learner import bkt
from tutor.learner.grading import grade_for_problem, read_typed
from tutor.learner.review import rating_for, review_card
from tutor.models import Attempt, BKTParams as BKTRow, LessonItem, LessonPlan, MasteryState, Skill, Verdict, utcnow
from tutor.repo import add_attempt, complete_lesson_item, get_mastery, save_mastery, upsert_skills

UNREADABLE = "I couldn't read that answer, so it was not marked right or wrong. Try writing just the answer, like 3/4 or x = 2."


@dataclass(frozen=True)
class AttemptResult:
    """What happened to one submission."""

    attempt_id: int
    verdict: str
    first_attempt: bool
    p_before: float
    p_after: float
    mastered: bool
    newly_mastered: bool
    due_at: datetime | None
    duplicate: bool = False
    feedback: str = ""
    explanation: str = ""
    """The checker's explanation of a wrong answer (may name the answer: shown only where that is allowed)."""
    worked_solution: str = ""
    mistake: str = ""
    reading: str = ""
    """The form of the typed answer that was graded (e.g. "12" of "x = 12 cm")."""

    @property
    def correct(self) -> bool:
        return self.verdict == Verdict.correct


def params_for(*, session: Session, skill_id: str) -> bkt.BKTParams:
    """Fitted BKT parameters of a skill (``tutor learner fit``), else the defaults."""
    row = session.get(BKTRow, skill_id)
    if row is None:
        return bkt.DEFAULT_PARAMS
    return bkt.BKTParams(prior=row.prior, learn=row.learn, guess=row.guess, slip=row.slip)


def _existing(session: Session, submission_id: str | None) -> Attempt | None:
    if submission_id is None:
        return None
    return session.exec(select(Attempt).where(Attempt.submission_id == submission_id)).first()


def _graded_before(session: Session, student_id: int, problem_id: str) -> bool:
    stmt = select(Attempt.id).where(
        Attempt.student_id == student_id,
        Attempt.problem_id == problem_id,
        Attempt.verdict != Verdict.undetermined.value,
    )
    return session.exec(stmt.limit(1)).first() is not None


def _from_stored(session: Session, attempt: Attempt) -> AttemptResult:
    state = get_mastery(session=session, student_id=attempt.student_id, skill_id=attempt.skill_id)
    p_after = attempt.mastery_after if attempt.mastery_after is not None else (state.p_mastery if state else 0.0)
    return AttemptResult(
        attempt_id=attempt.id, verdict=attempt.verdict, first_attempt=attempt.first_attempt,
        p_before=attempt.mastery_before if attempt.mastery_before is not None else p_after, p_after=p_after,
        mastered=bool(state and state.mastered_at), newly_mastered=False,
        due_at=state.due_at if state else None, duplicate=True, mistake=attempt.mistake,
    )


def record_attempt(
    *,
    session: Session,
    student_id: int,
    skill_id: str,
    problem_id: str,
    problem_text: str,
    expected_answer: str,
    answer_given: str,
    verdict: str | Verdict,
    submission_id: str | None = None,
    difficulty: int = 1,
    time_taken_s: float = 0.0,
    hints_used: int = 0,
    mistake: str = "",
    session_id: int | None = None,
    lesson_item_id: int | None = None,
    now: datetime | None = None,
) -> AttemptResult:
    """Store an already graded attempt and update mastery and review state.

    BKT moves only on the first graded attempt at a problem (an unreadable,
    undetermined answer does not use up the first attempt); hints count as
    not solving it unaided. Once mastered, the skill has an FSRS card, and each
    later first attempt is a review rated by :func:`tutor.learner.review.rating_for`.
    """
    verdict = Verdict(verdict)
    stored = _existing(session, submission_id)
    if stored is not None:
        return _from_stored(session, stored)
    if session.get(Skill, skill_id) is None:
        raise NotFound(f"No skill {skill_id!r} in the database; sync the plugins' skills first.")
    now = now or utcnow()
    graded = verdict is not Verdict.undetermined
    first = graded and not _graded_before(session, student_id, problem_id)
    params = params_for(session=session, skill_id=skill_id)
    state = get_mastery(session=session, student_id=student_id, skill_id=skill_id)
    if state is None:
        state = MasteryState(student_id=student_id, skill_id=skill_id, p_mastery=params.prior)
    p_before = state.p_mastery
    correct = verdict is Verdict.correct
    newly = False
    if graded:
        state.n_attempts += 1
        state.n_correct += int(correct)
    if first:
        state.p_mastery = bkt.update(p_before, correct, params, hints_used)
        rating = rating_for(correct, hints_used, time_taken_s)
        if state.mastered_at is None and bkt.reaches_mastery(state.p_mastery):
            state.mastered_at, newly = now, True
            state.card, state.due_at = review_card("", rating, now)
        elif state.mastered_at is not None:
            state.card, state.due_at = review_card(state.card, rating, now)
    attempt = add_attempt(
        session=session, student_id=student_id, skill_id=skill_id, problem_id=problem_id,
        problem_text=problem_text, expected_answer=expected_answer, answer_given=answer_given,
        verdict=verdict, submission_id=submission_id, first_attempt=first, difficulty=difficulty,
        time_taken_s=time_taken_s, hints_used=hints_used, mistake=mistake, mastery_before=p_before,
        mastery_after=state.p_mastery, session_id=session_id, lesson_item_id=lesson_item_id, created_at=now,
    )
    save_mastery(session=session, state=state)
    return AttemptResult(
        attempt_id=attempt.id, verdict=verdict.value, first_attempt=first, p_before=p_before,
        p_after=state.p_mastery, mastered=state.mastered_at is not None, newly_mastered=newly,
        due_at=state.due_at, mistake=mistake,
    )


def ensure_skill(*, session: Session, plugins, skill_id: str) -> None:
    """Add the skill's row from the plugins if the database does not have it yet (a plugin installed later)."""
    if session.get(Skill, skill_id) is None:
        upsert_skills(session=session, skills=[r for r in plugins.skill_rows() if r.id == skill_id])


def lesson_item_of(*, session: Session, student_id: int, item_id: int) -> LessonItem:
    """A step of the student's own lesson plan."""
    item = session.get(LessonItem, item_id)
    plan = session.get(LessonPlan, item.plan_id) if item is not None else None
    if item is None or plan is None:
        raise NotFound("That lesson step does not exist any more; plan a new lesson on Today.")
    if plan.student_id != student_id:
        raise PermissionDenied("That lesson step belongs to someone else's plan.")
    return item


def submit_answer(
    *,
    session: Session,
    plugins,
    student_id: int,
    problem,
    answer: str,
    submission_id: str | None = None,
    time_taken_s: float = 0.0,
    hints_used: int = 0,
    session_id: int | None = None,
    lesson_item_id: int | None = None,
    now: datetime | None = None,
) -> AttemptResult:
    """The one grading path: read ``answer``, grade it by plugin ground truth, record everything in one transaction.

    The answer is read as a child writes it (:func:`tutor.learner.grading.read_typed`:
    "the answer is 3/4", "x = 2", "12 cm", work ending in "= 12") and graded
    by the skill's checker or the verifier. Only a verified answer is correct;
    an undetermined one is stored as such and the student is told it could not
    be read. The attempt, BKT mastery, the FSRS review card and (when right)
    the lesson step it answers are written in the caller's transaction.
    ``plugins`` is the context's plugin manager (``ctx.plugins``).
    """
    stored = _existing(session, submission_id)
    if stored is not None:
        return _from_stored(session, stored)
    item = lesson_item_of(session=session, student_id=student_id, item_id=lesson_item_id) if lesson_item_id else None
    ensure_skill(session=session, plugins=plugins, skill_id=problem.skill_id)
    typed = read_typed(answer)
    grade, reading = grade_for_problem(plugins, problem, typed)
    verdict = {"verified": Verdict.correct, "refuted": Verdict.incorrect}.get(grade.status, Verdict.undetermined)
    result = record_attempt(
        session=session, student_id=student_id, skill_id=problem.skill_id, problem_id=problem.id,
        problem_text=problem.statement, expected_answer=problem.answer_text, answer_given=typed.text[:2000],
        verdict=verdict, submission_id=submission_id, difficulty=problem.difficulty, time_taken_s=time_taken_s,
        hints_used=hints_used, mistake=grade.mistake, session_id=session_id, lesson_item_id=lesson_item_id, now=now,
    )
    if item is not None and verdict is Verdict.correct:
        complete_lesson_item(session=session, item_id=item.id)
    if verdict is Verdict.correct:
        feedback = "Right!"
    elif verdict is Verdict.incorrect:
        feedback = f"Not quite. {grade.explanation}".strip() if grade.mistake else "Not quite."
    else:
        feedback = UNREADABLE
    return replace(result, feedback=feedback, explanation=grade.explanation, reading=reading,
                   worked_solution=problem.worked_solution())


def submit_and_commit(*, engine, before=None, **kwargs) -> AttemptResult:
    """:func:`submit_answer` in a transaction of its own (retried on a conflict), holding a CPU slot.

    What the pages and the chat call: grading is CPU work, so it waits its turn
    behind log-ins instead of crowding them out (:mod:`tutor.admission`).
    ``before(session)`` may return more keyword arguments (the chat opens its tutor
    session there, in the same transaction).
    """
    from tutor.admission import cpu_slot
    from tutor.db import run_in_transaction

    def tx(session: Session) -> AttemptResult:
        extra = before(session) if before is not None else {}
        return submit_answer(session=session, **kwargs, **extra)

    with cpu_slot():
        return run_in_transaction(engine, tx)
