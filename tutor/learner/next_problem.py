"""Which problem comes next: one policy for Practice, the chat's "Give me a problem" and typing "another problem".

Skill, in this order: the one the student picked; else the skill of the
problem they are on while it is not mastered (keep at it); else an overdue
review (most overdue first); else the weakest skill in progress; else the
first skill ready to learn; else the first skill offered. Difficulty follows
mastery (:func:`tutor.learner.queries.difficulty_for`), so a right answer
raises it as the estimate climbs. The seed is fresh each time and never
repeats the problem just shown.
"""

from __future__ import annotations

import random
from datetime import datetime

from sqlmodel import Session

from tutor.errors import NotFound, ValidationError
from tutor.learner.queries import difficulty_for, is_mastered, ready_from, reviews_due
from tutor.models import MasteryState, User, utcnow
from tutor.repo import mastery_for


def offered_skills(plugins, language: str | None = None) -> list:
    """Skills a problem can be generated for, in prerequisite order; titles in ``language`` when given."""
    skills = [s for s in plugins.topological_skills() if s.id in plugins.generators]
    return [s.localized(language) for s in skills] if language else skills


def choose_skill(
    *,
    offered: list,
    states: dict[str, MasteryState],
    due: list[str],
    grade: int | None = None,
    current_skill: str | None = None,
) -> str:
    """The policy on a learner snapshot (see the module docstring); ``offered`` is a list of skill specs."""
    ids = [s.id for s in offered]
    if not ids:
        raise ValidationError("No practice subjects are installed.")
    if current_skill in ids and not is_mastered(states.get(current_skill)):
        return current_skill
    for sid in due:
        if sid in ids:
            return sid
    learning = sorted((m for sid, m in states.items() if sid in ids and not is_mastered(m)),
                      key=lambda m: (m.p_mastery, ids.index(m.skill_id)))
    if learning:
        return learning[0].skill_id
    mastered = {sid for sid, m in states.items() if is_mastered(m)}
    ready = ready_from(offered, mastered, grade)
    if ready:
        return ready[0].id
    return ids[0]


def next_problem(
    *,
    session: Session | None,
    plugins,
    student_id: int | None,
    skill_id: str | None = None,
    current=None,
    rng: random.Random | None = None,
    now: datetime | None = None,
    language: str | None = None,
):
    """The next problem for a student (a plugin ``Problem``, verified by the plugin manager).

    Args:
        session: the database session; None (or no ``student_id``) means no history: a new learner.
        skill_id: the skill the student picked, if any.
        current: the problem the student is on (a ``Problem`` or its ``problem_ref`` dict), if any.
        rng: where the seed comes from (tests pass a seeded one); default: the system's randomness.
        language: the student's language (default: the app's current one); the skill's plugin
            writes in its own first language when it lacks this one (``Problem.requested_language``).
    """
    offered = offered_skills(plugins)
    if skill_id is not None and skill_id not in {s.id for s in offered}:
        names = ", ".join(s.id for s in offered) or "none installed"
        raise NotFound(f"No practice problems for skill {skill_id!r}; offered: {names}.")
    states: dict[str, MasteryState] = {}
    due: list[str] = []
    grade = None
    if session is not None and student_id is not None:
        states = {m.skill_id: m for m in mastery_for(session=session, student_ids=[student_id])}
        due = [m.skill_id for m in reviews_due(session=session, student_id=student_id, now=now or utcnow())]
        user = session.get(User, student_id)
        grade = user.grade_level if user is not None else None
    current_skill, current_id = _current(current)
    skill = skill_id or choose_skill(offered=offered, states=states, due=due, grade=grade, current_skill=current_skill)
    levels = tuple(getattr(plugins.generators[skill], "difficulties", (1, 2, 3))) or (1,)
    state = states.get(skill)
    difficulty = difficulty_for(state.p_mastery if state is not None else None, levels)
    rng = rng or random.SystemRandom()
    problem = None
    for _ in range(5):
        problem = plugins.generate(skill, rng.randrange(1, 1_000_000), difficulty, language=language)
        if problem.id != current_id:
            break
    return problem


def _current(current) -> tuple[str | None, str | None]:
    if current is None:
        return None, None
    if isinstance(current, dict):
        return current.get("skill_id"), current.get("id")
    return getattr(current, "skill_id", None), getattr(current, "id", None)


def lesson_item_problem(*, session: Session, plugins, student_id: int, item_id: int):
    """The problem of a step of the student's own lesson plan, and the step: (problem, item)."""
    from tutor.learner.service import lesson_item_of

    item = lesson_item_of(session=session, student_id=student_id, item_id=item_id)
    return plugins.generate(item.skill_id, seed=item.problem_seed, difficulty=item.difficulty), item


__all__ = ["choose_skill", "lesson_item_problem", "next_problem", "offered_skills"]
