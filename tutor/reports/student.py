"""What a student (and anyone allowed to see them) reads about their progress."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlmodel import Session, select

from tutor.accounts import get_user
from tutor.learner.queries import is_mastered, seconds_on
from tutor.models import LessonItem, LessonPlan, Message, Role, TutorSession
from tutor.permissions import require_student_access
from tutor.reports._common import (
    STUCK_BELOW,
    STUCK_MIN_ATTEMPTS,
    STUDENT_ROLES,
    TUTOR_ROLES,
    WEEK,
    aware,
    day_of,
    display,
    is_correct,
    load_attempts,
    load_mastery,
    now_or,
    skill_titles,
    streak_days,
    title_of,
)


@dataclass(frozen=True)
class SkillMastery:
    skill_id: str
    title: str
    p_mastery: float
    attempts: int
    correct: int
    mastered: bool
    mastered_at: datetime | None
    due_at: datetime | None

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.attempts if self.attempts else None


@dataclass(frozen=True)
class MasteryPoint:
    """Mastery of one skill right after one answer: a point of the 'over time' chart."""

    at: datetime
    skill_id: str
    title: str
    p_mastery: float


@dataclass
class StudentProgress:
    student_id: int
    name: str
    skills: list[SkillMastery]
    mastered_this_week: list[str]
    streak: int
    reviews_due: list[str]
    minutes_this_week: float
    problems_this_week: int
    correct_this_week: int
    practice_days: list[date] = field(default_factory=list)

    @property
    def accuracy_this_week(self) -> float | None:
        return self.correct_this_week / self.problems_this_week if self.problems_this_week else None


@dataclass(frozen=True)
class DayActivity:
    """One day of practice: a 'session' as a parent thinks of it."""

    day: date
    minutes: float
    problems: int
    correct: int
    skills: list[str]
    chats: int


@dataclass(frozen=True)
class PlanView:
    """The active lesson plan with progress through it."""

    plan_id: int
    created_at: datetime
    minutes: int
    greeting: str
    items: list[tuple[str, str, str, str]]
    """(kind, title, skill title, status) in order."""
    done: int
    item_ids: list[int] = field(default_factory=list)

    @property
    def next_item(self) -> int | None:
        """Id of the first step not done yet."""
        return next((i for i, item in zip(self.item_ids, self.items) if item[3] != "done"), None)

    @property
    def total(self) -> int:
        return len(self.items)


def _student(session: Session, viewer, student_id: int):
    require_student_access(session=session, viewer=viewer, student_id=student_id)
    student = get_user(session=session, user_id=student_id)
    if student.role != Role.student:
        from tutor.errors import NotFound

        raise NotFound(f"User {student_id} is not a student.")
    return student


def mastery_by_skill(*, session: Session, viewer, student_id: int) -> list[SkillMastery]:
    """Mastery per skill the student has touched, weakest first."""
    _student(session, viewer, student_id)
    titles = skill_titles(session=session)
    rows = [
        SkillMastery(
            skill_id=m.skill_id,
            title=title_of(titles, m.skill_id),
            p_mastery=float(m.p_mastery),
            attempts=m.n_attempts,
            correct=m.n_correct,
            mastered=is_mastered(m),
            mastered_at=aware(m.mastered_at),
            due_at=aware(m.due_at),
        )
        for m in load_mastery(session=session, student_ids=[student_id])
    ]
    return sorted(rows, key=lambda r: (r.p_mastery, r.title))


def student_progress(*, session: Session, viewer, student_id: int, now: datetime | None = None) -> StudentProgress:
    """Mastery per skill, skills mastered this week, streak, reviews due and this week's effort."""
    student = _student(session, viewer, student_id)
    now = now_or(now)
    skills = mastery_by_skill(session=session, viewer=viewer, student_id=student_id)
    attempts = load_attempts(session=session, student_ids=[student_id], since=now - timedelta(days=120))
    week = [a for a in attempts if aware(a.created_at) >= now - WEEK]
    days = {day_of(a.created_at) for a in attempts}
    return StudentProgress(
        student_id=student_id,
        name=display(student),
        skills=skills,
        mastered_this_week=[s.title for s in skills if s.mastered_at and s.mastered_at >= now - WEEK],
        streak=streak_days(days, now.date()),
        reviews_due=[s.title for s in skills if s.due_at and s.due_at <= now],
        minutes_this_week=round(seconds_on(week) / 60, 1),
        problems_this_week=len(week),
        correct_this_week=sum(1 for a in week if is_correct(a)),
        practice_days=sorted(d for d in days if d >= (now - WEEK).date()),
    )


def mastery_over_time(
    *, session: Session, viewer, student_id: int, since: datetime | None = None
) -> list[MasteryPoint]:
    """Every recorded mastery estimate after an answer, oldest first."""
    _student(session, viewer, student_id)
    titles = skill_titles(session=session)
    return [
        MasteryPoint(at=aware(a.created_at), skill_id=a.skill_id, title=title_of(titles, a.skill_id),
                     p_mastery=float(a.mastery_after))
        for a in load_attempts(session=session, student_ids=[student_id], since=since)
        if a.mastery_after is not None
    ]


def mastery_gained(*, session: Session, viewer, student_id: int, since: datetime) -> float:
    """Sum over skills of (mastery now - mastery before the first answer since ``since``)."""
    _student(session, viewer, student_id)
    first: dict[str, float] = {}
    last: dict[str, float] = {}
    for a in load_attempts(session=session, student_ids=[student_id], since=since):
        if a.mastery_after is None:
            continue
        first.setdefault(a.skill_id, a.mastery_before if a.mastery_before is not None else 0.0)
        last[a.skill_id] = a.mastery_after
    return round(sum(last[k] - first[k] for k in last), 3)


def stuck_skills(*, session: Session, viewer, student_id: int) -> list[SkillMastery]:
    """Skills with many attempts and mastery still low: where a grown-up can help."""
    return [
        s
        for s in mastery_by_skill(session=session, viewer=viewer, student_id=student_id)
        if not s.mastered and s.attempts >= STUCK_MIN_ATTEMPTS and s.p_mastery < STUCK_BELOW
    ]


def recent_activity(
    *, session: Session, viewer, student_id: int, days: int = 14, now: datetime | None = None
) -> list[DayActivity]:
    """Practice grouped by day, newest first: what was practised, not a transcript."""
    _student(session, viewer, student_id)
    now = now_or(now)
    since = now - timedelta(days=days)
    titles = skill_titles(session=session)
    by_day: dict[date, list] = defaultdict(list)
    for a in load_attempts(session=session, student_ids=[student_id], since=since):
        by_day[day_of(a.created_at)].append(a)
    chats: dict[date, int] = defaultdict(int)
    for ts in session.exec(
        select(TutorSession).where(TutorSession.student_id == student_id, TutorSession.last_active_at >= since)
    ):
        chats[day_of(ts.last_active_at)] += 1
    out = []
    for day in sorted(set(by_day) | set(chats), reverse=True):
        rows = by_day.get(day, [])
        skills = sorted({title_of(titles, a.skill_id) for a in rows})
        out.append(
            DayActivity(
                day=day,
                minutes=round(seconds_on(rows) / 60, 1),
                problems=len(rows),
                correct=sum(1 for a in rows if is_correct(a)),
                skills=skills,
                chats=chats.get(day, 0),
            )
        )
    return out


def current_plan(*, session: Session, viewer, student_id: int) -> PlanView | None:
    """The student's active lesson plan with how far they got, or None."""
    _student(session, viewer, student_id)
    plan = session.exec(
        select(LessonPlan)
        .where(LessonPlan.student_id == student_id, LessonPlan.status.in_(["active", "done"]))
        .order_by(LessonPlan.created_at.desc(), LessonPlan.id.desc())
    ).first()
    if plan is None:
        return None
    titles = skill_titles(session=session)
    items = list(session.exec(select(LessonItem).where(LessonItem.plan_id == plan.id).order_by(LessonItem.position)))
    return PlanView(
        plan_id=plan.id,
        created_at=aware(plan.created_at),
        minutes=plan.minutes,
        greeting=plan.greeting,
        items=[(i.kind, i.title, title_of(titles, i.skill_id), i.status) for i in items],
        done=sum(1 for i in items if i.status == "done"),
        item_ids=[i.id for i in items],
    )


def chat_count(*, session: Session, viewer, student_id: int, since: datetime) -> int:
    """How many messages the student sent the tutor since ``since``."""
    _student(session, viewer, student_id)
    stmt = (
        select(Message.id)
        .join(TutorSession, TutorSession.id == Message.session_id)
        .where(TutorSession.student_id == student_id, Message.role.in_(STUDENT_ROLES), Message.created_at >= since)
    )
    return len(list(session.exec(stmt)))


def latest_conversation(*, session: Session, viewer, student_id: int, limit: int = 20) -> list[tuple[str, str]]:
    """(who, text) of the student's latest tutor conversation, who being "tutor" or "student"."""
    _student(session, viewer, student_id)
    latest = session.exec(
        select(TutorSession).where(TutorSession.student_id == student_id)
        .order_by(TutorSession.last_active_at.desc(), TutorSession.id.desc())
    ).first()
    if latest is None:
        return []
    msgs = session.exec(select(Message).where(Message.session_id == latest.id).order_by(Message.id.desc()).limit(limit))
    return [("tutor" if m.role in TUTOR_ROLES else "student", m.content) for m in reversed(list(msgs))]


@dataclass(frozen=True)
class MapSkill:
    """One skill on a student's skill map."""

    skill_id: str
    title: str
    domain: str
    grade_min: int
    grade_max: int
    p_mastery: float | None
    """None: not practised yet."""
    state: str
    """mastered / learning / ready (every prerequisite mastered, not started) / later (not started, a
    prerequisite not yet mastered) / earlier (a prerequisite from an earlier grade, shown for context)."""


@dataclass(frozen=True)
class SkillMap:
    grade: int
    skills: list[MapSkill]
    edges: list[tuple[str, str]]
    """(prerequisite, skill) pairs among the skills on the map."""

    def count(self, state: str) -> int:
        return sum(1 for s in self.skills if s.state == state)


MAP_STATES = ("mastered", "learning", "ready", "later", "earlier")


def skill_map(*, session: Session, viewer, student_id: int, grade: int | None = None) -> SkillMap:
    """The skills of ``grade`` (default: the student's grade; 6 when none is set) with their prerequisites from
    earlier grades, each coloured by the student's mastery, and the prerequisite arrows between them."""
    from tutor.models import Skill

    student = _student(session, viewer, student_id)
    grade = grade or student.grade_level or 6
    titles = skill_titles(session=session)
    rows = {k.id: k for k in session.exec(select(Skill))}
    of_grade = {sid for sid, k in rows.items() if k.grade_min <= grade <= k.grade_max}
    prereqs = {sid: [p for p in rows[sid].prerequisites.split(",") if p in rows] for sid in rows}
    earlier = {p for sid in of_grade for p in prereqs[sid] if p not in of_grade}
    mastery = {m.skill_id: m for m in load_mastery(session=session, student_ids=[student_id])}
    skills = []
    for sid in sorted(of_grade | earlier, key=lambda s: (rows[s].grade_min, rows[s].domain, titles.get(s, s))):
        m = mastery.get(sid)
        if m is not None and is_mastered(m):
            state = "mastered"
        elif m is not None and m.n_attempts:
            state = "learning"
        elif sid in earlier:
            state = "earlier"
        elif all((pm := mastery.get(p)) is not None and is_mastered(pm) for p in prereqs[sid]):
            state = "ready"
        else:
            state = "later"
        k = rows[sid]
        skills.append(MapSkill(sid, title_of(titles, sid), k.domain, k.grade_min, k.grade_max,
                               float(m.p_mastery) if m is not None and m.n_attempts else None, state))
    on_map = {s.skill_id for s in skills}
    edges = [(p, sid) for sid in on_map for p in prereqs[sid] if p in on_map]
    return SkillMap(grade, skills, sorted(edges))
