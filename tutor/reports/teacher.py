"""Class reports for teachers and admins: roster, heatmap, struggling skills,
inactive students, per-student drill-down, verifier statistics and CSV export."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, func, select

from tutor.classes import class_students, get_class
from tutor.errors import PermissionDenied
from tutor.i18n import N_, _
from tutor.learner.queries import is_mastered, seconds_on
from tutor.models import Classroom, Message, Role, Skill, TutorSession, User, VerificationLog
from tutor.permissions import require_class_access, require_role, require_student_access, visible_student_ids
from tutor.reports._common import (
    TUTOR_ROLES,
    WEEK,
    aware,
    display,
    in_viewer_language,
    is_correct,
    load_attempts,
    load_mastery,
    now_or,
    skill_titles,
    title_of,
)
from tutor.reports.student import MasteryPoint, mastery_over_time

INACTIVE_DAYS = 7


@dataclass(frozen=True)
class RosterRow:
    student_id: int
    username: str
    name: str
    grade: int | None
    last_active: datetime | None
    problems_this_week: int
    minutes_this_week: float
    skills_mastered: int
    mean_mastery: float | None


@dataclass(frozen=True)
class HeatCell:
    student_id: int
    student: str
    skill_id: str
    skill: str
    p_mastery: float
    mastered: bool = False
    """The learner's record (``tutor.learner.is_mastered``), the same answer every page gives."""


@dataclass(frozen=True)
class SkillStruggle:
    skill_id: str
    title: str
    students: int
    attempts: int
    accuracy: float
    mean_mastery: float
    struggling_students: int


@dataclass
class StudentDrilldown:
    student_id: int
    name: str
    attempts: int
    correct: int
    hints_used: int
    minutes: float
    mistakes: list[tuple[str, int]]
    per_skill: list[tuple[str, int, int, int]]
    """(skill title, attempts, correct, hints) per skill."""
    series: list[MasteryPoint]
    recent: list[tuple[datetime, str, str, str, str, int]]
    """(when, skill, problem, answer, verdict, hints) for the latest attempts."""


@dataclass(frozen=True)
class VerifierStats:
    checked: int
    verified: int
    refuted: int
    undetermined: int
    repaired: int
    replies: int
    replies_repaired: int
    by_kind: list[tuple[str, int, int]]
    """(claim kind, checked, refuted)."""
    recent_catches: list[tuple[datetime, str, str, str]]
    """(when, claim, expected, explanation) of refuted claims, newest first."""


def classes_for(*, session: Session, viewer: User) -> list[Classroom]:
    """Classes a teacher teaches, or every class for an admin."""
    require_role(viewer, Role.teacher, Role.admin)
    stmt = select(Classroom).order_by(Classroom.name, Classroom.id)
    if viewer.role != Role.admin:
        stmt = stmt.where(Classroom.teacher_id == viewer.id)
    return list(session.exec(stmt))


def _class_students(session: Session, viewer: User, class_id: int) -> list[User]:
    require_class_access(session=session, viewer=viewer, class_id=class_id)
    get_class(session=session, class_id=class_id)
    return class_students(session=session, class_id=class_id)


def roster(*, session: Session, viewer: User, class_id: int, now: datetime | None = None) -> list[RosterRow]:
    """Students of a class with last activity and this week's effort."""
    now = now_or(now)
    students = _class_students(session, viewer, class_id)
    ids = [s.id for s in students]
    last = dict(
        session.exec(
            select(TutorSession.student_id, func.max(TutorSession.last_active_at))
            .where(TutorSession.student_id.in_(ids))
            .group_by(TutorSession.student_id)
        ).all()
    ) if ids else {}
    attempts = load_attempts(session=session, student_ids=ids, since=now - timedelta(days=365))
    by_student: dict[int, list] = defaultdict(list)
    for a in attempts:
        by_student[a.student_id].append(a)
    mastery: dict[int, list] = defaultdict(list)
    for m in load_mastery(session=session, student_ids=ids):
        mastery[m.student_id].append(m)
    rows = []
    for s in students:
        mine = by_student.get(s.id, [])
        week = [a for a in mine if aware(a.created_at) >= now - WEEK]
        seen = [aware(a.created_at) for a in mine[-1:]] + ([aware(last[s.id])] if s.id in last else [])
        ms = mastery.get(s.id, [])
        rows.append(
            RosterRow(
                student_id=s.id,
                username=s.username,
                name=display(s),
                grade=s.grade_level,
                last_active=max(seen) if seen else None,
                problems_this_week=len(week),
                minutes_this_week=round(seconds_on(week) / 60, 1),
                skills_mastered=sum(1 for m in ms if is_mastered(m)),
                mean_mastery=round(sum(m.p_mastery for m in ms) / len(ms), 3) if ms else None,
            )
        )
    return rows


def mastery_heatmap(*, session: Session, viewer: User, class_id: int) -> list[HeatCell]:
    """One cell per (student, skill) the student has a mastery estimate for."""
    students = {s.id: display(s) for s in _class_students(session, viewer, class_id)}
    titles = skill_titles(session=session)
    return [
        HeatCell(m.student_id, students[m.student_id], m.skill_id, title_of(titles, m.skill_id), round(m.p_mastery, 3),
                 is_mastered(m))
        for m in load_mastery(session=session, student_ids=students)
    ]


def struggling_skills(
    *, session: Session, viewer: User, class_id: int, since_days: int = 28, now: datetime | None = None
) -> list[SkillStruggle]:
    """Skills across the class, hardest first (lowest recent accuracy, then lowest mastery)."""
    now = now_or(now)
    students = _class_students(session, viewer, class_id)
    ids = [s.id for s in students]
    titles = skill_titles(session=session)
    attempts: dict[str, list] = defaultdict(list)
    for a in load_attempts(session=session, student_ids=ids, since=now - timedelta(days=since_days)):
        attempts[a.skill_id].append(a)
    mastery: dict[str, list] = defaultdict(list)
    for m in load_mastery(session=session, student_ids=ids):
        mastery[m.skill_id].append(m.p_mastery)
    out = []
    for skill_id, rows in attempts.items():
        ps = mastery.get(skill_id, [])
        out.append(
            SkillStruggle(
                skill_id=skill_id,
                title=title_of(titles, skill_id),
                students=len({a.student_id for a in rows}),
                attempts=len(rows),
                accuracy=round(sum(1 for a in rows if is_correct(a)) / len(rows), 3),
                mean_mastery=round(sum(ps) / len(ps), 3) if ps else 0.0,
                struggling_students=sum(1 for p in ps if p < 0.5),
            )
        )
    return sorted(out, key=lambda s: (s.accuracy, s.mean_mastery, s.title))


@dataclass(frozen=True)
class StandardMastery:
    """A class's mastery of one Common Core standard, over the skills that practise it."""

    standard: str
    domain: str
    skills: int
    """Skills naming this standard that someone in the class has a mastery estimate for."""
    students: int
    mean_mastery: float
    mastered: int
    """(student, skill) pairs mastered."""
    pairs: int


def mastery_by_standard(*, session: Session, viewer: User, class_id: int) -> list[StandardMastery]:
    """Class mastery per Common Core standard (a skill counts for each code it names), in code order."""
    students = [s.id for s in _class_students(session, viewer, class_id)]
    codes = {k.id: [c for c in k.standards.split(",") if c] for k in session.exec(select(Skill))}
    domains = {k.id: k.domain for k in session.exec(select(Skill))}
    per: dict[str, list] = defaultdict(list)
    for m in load_mastery(session=session, student_ids=students):
        for code in codes.get(m.skill_id, []):
            per[code].append(m)
    out = []
    for code, rows in per.items():
        out.append(StandardMastery(
            standard=code, domain=next((domains[m.skill_id] for m in rows if domains.get(m.skill_id)), ""),
            skills=len({m.skill_id for m in rows}), students=len({m.student_id for m in rows}),
            mean_mastery=round(sum(m.p_mastery for m in rows) / len(rows), 3),
            mastered=sum(1 for m in rows if is_mastered(m)), pairs=len(rows)))
    return sorted(out, key=lambda r: _standard_order(r.standard))


def _standard_order(code: str) -> tuple:
    grade, _sep, rest = code.partition(".")
    return (int(grade) if grade.isdigit() else 99, rest)


@dataclass(frozen=True)
class MisconceptionCount:
    """A recognised misconception in a class: how often, by how many students, in which skills."""

    misconception: str
    """The plugin's tag, in the viewer's language."""
    times: int
    students: int
    skills: tuple[str, ...]


def class_misconceptions(*, session: Session, viewer: User, class_id: int, since_days: int = 28,
                         now: datetime | None = None) -> list[MisconceptionCount]:
    """The misconceptions the answer checkers recognised in the class's answers, most frequent first."""
    now = now_or(now)
    ids = [s.id for s in _class_students(session, viewer, class_id)]
    titles = skill_titles(session=session)
    per: dict[str, list] = defaultdict(list)
    for a in load_attempts(session=session, student_ids=ids, since=now - timedelta(days=since_days)):
        if a.mistake:
            per[a.mistake].append(a)
    out = [MisconceptionCount(misconception=mistake_name(tag), times=len(rows),
                              students=len({a.student_id for a in rows}),
                              skills=tuple(sorted({title_of(titles, a.skill_id) for a in rows})))
           for tag, rows in per.items()]
    return sorted(out, key=lambda r: (-r.times, r.misconception))


def mistake_name(tag: str) -> str:
    """A recorded mistake tag as a teacher reads it: the plugin's phrase in the viewer's language
    ("added the denominators" -> 把分母也相加了); an older identifier-like tag with its underscores as spaces."""
    from tutor import i18n, plugin_i18n

    return plugin_i18n.translate_any(tag, i18n.current_language()).replace("_", " ")


def inactive_students(
    *, session: Session, viewer: User, class_id: int, days: int = INACTIVE_DAYS, now: datetime | None = None
) -> list[RosterRow]:
    """Students with no practice or chat in the last ``days`` days, longest-idle first."""
    now = now_or(now)
    cutoff = now - timedelta(days=days)
    rows = [r for r in roster(session=session, viewer=viewer, class_id=class_id, now=now)
            if r.last_active is None or r.last_active < cutoff]
    return sorted(rows, key=lambda r: (r.last_active is not None, r.last_active or now, r.name))


def student_drilldown(*, session: Session, viewer: User, student_id: int, recent: int = 20) -> StudentDrilldown:
    """Attempts, hints, common mistakes and mastery over time for one student."""
    require_student_access(session=session, viewer=viewer, student_id=student_id)
    from tutor.accounts import get_user

    student = get_user(session=session, user_id=student_id)
    titles = skill_titles(session=session)
    attempts = load_attempts(session=session, student_ids=[student_id])
    per: dict[str, list] = defaultdict(list)
    for a in attempts:
        per[a.skill_id].append(a)
    by_tag = Counter(a.mistake for a in attempts if a.mistake)
    mistakes = Counter()
    for tag, n in by_tag.items():  # each tag named once, not once per attempt
        mistakes[mistake_name(tag)] += n
    return StudentDrilldown(
        student_id=student_id,
        name=display(student),
        attempts=len(attempts),
        correct=sum(1 for a in attempts if is_correct(a)),
        hints_used=sum(a.hints_used for a in attempts),
        minutes=round(seconds_on(attempts) / 60, 1),
        mistakes=mistakes.most_common(8),
        per_skill=sorted(
            ((title_of(titles, k), len(v), sum(1 for a in v if is_correct(a)), sum(a.hints_used for a in v))
             for k, v in per.items()),
            key=lambda r: r[0],
        ),
        series=mastery_over_time(session=session, viewer=viewer, student_id=student_id),
        recent=[
            (aware(a.created_at), title_of(titles, a.skill_id), a.problem_text[:120], a.answer_given[:60],
             a.verdict, a.hints_used)
            for a in reversed(attempts[-recent:])
        ],
    )


def verifier_stats(*, session: Session, viewer: User, class_id: int | None = None, recent: int = 10) -> VerifierStats:
    """What the verifier checked in tutor replies, for the students this viewer may see."""
    require_role(viewer, Role.teacher, Role.admin)
    if class_id is not None:
        ids: set[int] | None = {s.id for s in _class_students(session, viewer, class_id)}
    else:
        ids = visible_student_ids(session=session, viewer=viewer)
    logs = select(VerificationLog)
    replies = select(Message).join(TutorSession, TutorSession.id == Message.session_id).where(
        Message.role.in_(TUTOR_ROLES)
    )
    if ids is not None:
        logs = logs.where(VerificationLog.student_id.in_(list(ids)))
        replies = replies.where(TutorSession.student_id.in_(list(ids)))
    entries = list(session.exec(logs.order_by(VerificationLog.created_at.desc(), VerificationLog.id.desc())))
    msgs = list(session.exec(replies))
    results = Counter(e.result for e in entries)
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e in entries:
        kinds[e.kind][0] += 1
        kinds[e.kind][1] += e.result == "refuted"
    return VerifierStats(
        checked=len(entries),
        verified=results.get("verified", 0),
        refuted=results.get("refuted", 0),
        undetermined=results.get("undetermined", 0),
        repaired=sum(1 for e in entries if e.repaired),
        replies=len(msgs),
        replies_repaired=sum(1 for m in msgs if m.repaired),
        by_kind=sorted((k, v[0], v[1]) for k, v in kinds.items()),
        recent_catches=[(aware(e.created_at), e.claim, e.expected, e.explanation)
                        for e in entries if e.result == "refuted"][:recent],
    )


CSV_COLUMNS = ["student", "username", "grade", "skill", "mastery_pct", "mastered", "attempts", "correct",
               "accuracy_pct", "hints_used", "minutes", "last_active"]
CSV_HEADERS = {
    # i18n: column headers of the class report CSV (English keeps these names: scripts may read them)
    "student": N_("student"), "username": N_("username"), "grade": N_("grade"), "skill": N_("skill"),
    "mastery_pct": N_("mastery_pct"), "mastered": N_("mastered"), "attempts": N_("attempts"),
    "correct": N_("correct"), "accuracy_pct": N_("accuracy_pct"), "hints_used": N_("hints_used"),
    "minutes": N_("minutes"), "last_active": N_("last_active"),
}
"""Each CSV column's header (in the viewer's language); the rows of :func:`class_report_rows` use the keys."""
CSV_VALUES = {"yes": N_("yes"), "no": N_("no")}
"""Words in the cells (the ``mastered`` column), also written in the viewer's language."""


def class_report_rows(*, session: Session, viewer: User, class_id: int) -> list[dict]:
    """One row per (student, skill) with mastery and effort; students without practice get one empty row."""
    students = _class_students(session, viewer, class_id)
    titles = skill_titles(session=session)
    ids = [s.id for s in students]
    attempts: dict[tuple[int, str], list] = defaultdict(list)
    for a in load_attempts(session=session, student_ids=ids):
        attempts[(a.student_id, a.skill_id)].append(a)
    mastery = {(m.student_id, m.skill_id): m for m in load_mastery(session=session, student_ids=ids)}
    last = {r.student_id: r.last_active for r in roster(session=session, viewer=viewer, class_id=class_id)}
    rows = []
    for s in students:
        keys = sorted({k for k in set(attempts) | set(mastery) if k[0] == s.id}, key=lambda k: title_of(titles, k[1]))
        base = {"student": display(s), "username": s.username, "grade": s.grade_level or "",
                "last_active": f"{last[s.id]:%Y-%m-%d %H:%M}" if last.get(s.id) else ""}
        if not keys:
            rows.append({**{c: "" for c in CSV_COLUMNS}, **base, "attempts": 0})
        for key in keys:
            a, m = attempts.get(key, []), mastery.get(key)
            correct = sum(1 for x in a if is_correct(x))
            rows.append({
                **base,
                "skill": title_of(titles, key[1]),
                "mastery_pct": round(m.p_mastery * 100) if m else "",
                "mastered": ("yes" if is_mastered(m) else "no") if m else "",
                "attempts": len(a),
                "correct": correct,
                "accuracy_pct": round(100 * correct / len(a)) if a else "",
                "hints_used": sum(x.hints_used for x in a),
                "minutes": round(seconds_on(a) / 60, 1),
            })
    return rows


def _cell(value):
    if value in CSV_VALUES:
        return _(CSV_VALUES[value])
    # A leading = + - @ would make a spreadsheet run the cell as a formula.
    return "'" + value if isinstance(value, str) and value.startswith(("=", "+", "-", "@")) else value


@in_viewer_language
def class_report_csv(*, session: Session, viewer: User, class_id: int) -> bytes:
    """The class report as a CSV file: UTF-8 with a byte-order mark, so that Excel reads Chinese names
    right (without it Excel guesses the ANSI code page); headers in the viewer's language."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([_(CSV_HEADERS[c]) for c in CSV_COLUMNS])
    for row in class_report_rows(session=session, viewer=viewer, class_id=class_id):
        writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    return buf.getvalue().encode("utf-8-sig")


def all_users(*, session: Session, viewer: User) -> list[User]:
    """Every account (admin only)."""
    if viewer.role != Role.admin:
        raise PermissionDenied("Only an admin can list users.")
    return list(session.exec(select(User).order_by(User.role, User.username)))
