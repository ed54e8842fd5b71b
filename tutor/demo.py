"""A demo school: one teacher, a class of 25 students, two linked parents.

Used by ``make run`` on an empty database so a newcomer can log in at once.
The passwords are public demo passwords and are printed on purpose.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from sqlmodel import select

from tutor.accounts import create_user, hash_password
from tutor.classes import create_class, enroll, link_parent
from tutor.context import TutorContext
from tutor.models import User

DEMO_PASSWORD = "demo-pass-2026"

FIRST_NAMES = [
    "Ava", "Ben", "Chloe", "Diego", "Emma", "Farah", "Gabe", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Milo",
    "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wes", "Xin", "Yara",
]
YOUNG_NAMES = ["Mia", "Leo", "Zoe", "Noah", "Lily", "Sam"]
"""The second-graders of the demo school's second class."""
YOUNG_CLASS = "Second grade 2A"
INTERESTS = ["soccer", "music", "dinosaurs", "space", "cooking", "video games", "horses", "drawing", "basketball"]


@dataclass
class DemoResult:
    teacher: str
    class_name: str
    join_code: str
    students: list[str]
    parents: list[tuple[str, str]]
    attempts: int = 0
    notes: list[str] = field(default_factory=list)
    other_classes: list[tuple[str, str, list[str]]] = field(default_factory=list)
    """(name, join code, students) of the teacher's other classes."""

    def describe(self) -> str:
        lines = [
            "Demo school ready. Log in at http://localhost:8501 with any of these (password "
            f"'{DEMO_PASSWORD}'):",
            f"  teacher  {self.teacher}   (class {self.class_name!r}, join code {self.join_code})",
        ]
        for parent, child in self.parents:
            lines.append(f"  parent   {parent}   (child {child})")
        lines.append(f"  student  {self.students[0]}   (and {len(self.students) - 1} more: {self.students[1]}, ...)")
        for name, code, kids in self.other_classes:
            lines.append(f"  student  {kids[0]}   (class {name!r}, join code {code}, and {len(kids) - 1} more)")
        lines.append("  admin    admin")
        if self.attempts:
            lines.append(f"  {self.attempts} synthetic practice attempts over the last weeks.")
        lines.extend(f"  note: {n}" for n in self.notes)
        return "\n".join(lines)


def seed_demo(ctx: TutorContext, *, force: bool = False, seed: int = 7, students: int = 25) -> DemoResult | None:
    """Seed the demo school unless the database already has users (then return None)."""
    rng = random.Random(seed)
    with ctx.session() as s:
        if not force and s.exec(select(User.id)).first() is not None:
            return None
        prefix = "" if s.exec(select(User.id).where(User.username == "teacher")).first() is None else f"s{seed}-"
        shared_hash = hash_password(DEMO_PASSWORD)
        make = lambda name, role, **kw: create_user(  # noqa: E731
            session=s, username=prefix + name, password=DEMO_PASSWORD, password_hash=shared_hash, role=role, **kw
        )
        make("admin", "admin", display_name="School Admin")
        teacher = make("teacher", "teacher", display_name="Ms. Rivera")
        classroom = create_class(session=s, teacher=teacher, name="Math 6B")
        kids: list[User] = []
        fixed_grades = {0: 5, 1: 7}  # ava is in grade 5 and ben in grade 7 (their parents' views show both)
        for i, first in enumerate(FIRST_NAMES[:students]):
            kid = make(
                first.lower(),
                "student",
                display_name=f"{first} {chr(65 + i)}.",
                grade_level=fixed_grades.get(i, rng.choice([5, 6, 6, 7])),
                interests=rng.choice(INTERESTS),
            )
            enroll(session=s, classroom=classroom, student=kid)
            kids.append(kid)
        young_class = create_class(session=s, teacher=teacher, name=YOUNG_CLASS)
        young: list[User] = []
        for i, first in enumerate(YOUNG_NAMES[: max(1, min(len(YOUNG_NAMES), students // 4))]):
            kid = make(first.lower(), "student", display_name=f"{first} {chr(65 + i)}.", grade_level=2,
                       interests=rng.choice(INTERESTS))
            enroll(session=s, classroom=young_class, student=kid)
            young.append(kid)
        parents = []
        for pname, child in (("parent.ava", kids[0]), ("parent.ben", kids[1])):
            parent = make(pname, "parent", display_name=f"Parent of {child.display_name.split()[0]}")
            link_parent(session=s, parent=parent, student=child)
            parents.append((parent.username, child.username))
        result = DemoResult(
            teacher=teacher.username,
            class_name=classroom.name,
            join_code=classroom.join_code,
            students=[k.username for k in kids],
            parents=parents,
            other_classes=[(young_class.name, young_class.join_code, [k.username for k in young])],
        )
        student_ids = [k.id for k in kids + young]
    result.attempts = seed_history(ctx, student_ids=student_ids, seed=seed)
    return result


HISTORY_DAYS = 21
HISTORY_MAX_GRADE = 8


def existing_demo(ctx: TutorContext) -> DemoResult | None:
    """The demo school already in the database (to remind of its logins), if there is one."""
    from tutor.accounts import authenticate
    from tutor.classes import children_of, class_students, teacher_classes
    from tutor.errors import AuthError

    with ctx.session() as s:
        teacher = s.exec(select(User).where(User.username == "teacher", User.role == "teacher")).first()
        if teacher is None:
            return None
        try:  # only remind of logins that still work
            authenticate(session=s, username="teacher", password=DEMO_PASSWORD)
        except AuthError:
            return None
        classes = teacher_classes(session=s, teacher_id=teacher.id)
        if not classes:
            return None
        kids = class_students(session=s, class_id=classes[0].id)
        parents = s.exec(select(User).where(User.role == "parent").order_by(User.username)).all()
        links = []
        for parent in parents:
            for child in children_of(session=s, parent_id=parent.id):
                links.append((parent.username, child.username))
        if not kids:
            return None
        return DemoResult(
            teacher=teacher.username,
            class_name=classes[0].name,
            join_code=classes[0].join_code,
            students=[k.username for k in kids],
            parents=links[:2],
        )


def seed_history(ctx: TutorContext, *, student_ids: list[int], seed: int) -> int:
    """A few weeks of synthetic practice for each student, recorded through the learner model.

    Each simulated student has a hidden ability; on practice days they work on
    due reviews first, then on the next skill whose prerequisites they have
    mastered. Answers are right with a probability that depends on whether they
    have (secretly) learned the skill, so the BKT estimates, mastery dates and
    FSRS review cards that ``record_attempt`` stores are consistent with a
    plausible history. Problems come from the plugins (verified before use).
    Returns the number of attempts stored.
    """
    from datetime import timedelta

    import sympy

    from tutor.learner import record_attempt
    from tutor.models import utcnow

    plugins = ctx.plugins
    path = [s for s in plugins.topological_skills() if s.grade_min <= HISTORY_MAX_GRADE and s.id in plugins.generators]
    if not path or not student_ids:
        return 0
    with ctx.session() as s:
        grades = {u.id: u.grade_level for u in s.exec(select(User).where(User.id.in_(student_ids)))}
    cache: dict[tuple[str, int], object] = {}

    def problem_for(sid: str, k: int):
        # Students share problems (generated and verified once); each student gets fresh ones in order.
        if (sid, k) not in cache:
            cache[(sid, k)] = plugins.generate(sid, seed=k // 2, difficulty=1 + k % 2)
        return cache[(sid, k)]

    with ctx.session() as s:
        plugins.sync_skills(session=s)
    start = (utcnow() - timedelta(days=HISTORY_DAYS)).replace(hour=15, minute=30, second=0, microsecond=0)
    total = 0
    for student in student_ids:
        rng = random.Random(f"history:{seed}:{student}")
        ability = min(1.5, max(-1.5, rng.gauss(0.0, 0.7)))
        learn_rate = 0.2 + 0.08 * ability
        known: set[str] = set()
        mastered: set[str] = set()
        due: dict[str, object] = {}
        used: dict[str, int] = {}
        grade = grades.get(student)
        # skills of earlier grades count as learned before the history began; the student works at their grade
        before = {sp.id for sp in path if grade is not None and sp.grade_max < grade}
        mine = [sp for sp in path if sp.id not in before and (grade is None or sp.grade_min <= grade + 1)]
        with ctx.session() as s:
            for day in range(HISTORY_DAYS):
                if rng.random() > (0.6 if day % 7 < 5 else 0.2):
                    continue
                now = start + timedelta(days=day, minutes=rng.randint(0, 180))
                todo = [sid for sid, when in due.items() if when <= now][:2]
                frontier = [sp.id for sp in mine if sp.id not in mastered
                            and all(p in mastered or p in before for p in sp.prerequisites)]
                # students of one grade spread over its skills rather than all start on the first
                todo += frontier[: rng.randint(1, 3)][-1:] * rng.randint(3, 6)
                for sid in todo:
                    problem = problem_for(sid, used.get(sid, 0))
                    used[sid] = used.get(sid, 0) + 1
                    knows = sid in known
                    hints = 0 if knows or rng.random() < 0.7 else rng.randint(1, 2)
                    correct = rng.random() < (0.92 if knows else 0.25 + 0.3 * (hints > 0))
                    answer, mistake = problem.answer_text, ""
                    if not correct and problem.misconceptions and rng.random() < 0.6:
                        # the common wrong answers of the skill, as the checker names them
                        m = rng.choice(problem.misconceptions)
                        answer, mistake = _typed(m.answer), m.tag
                    elif not correct:
                        wrong = problem.answer + rng.choice([1, -1, 2]) if isinstance(problem.answer, sympy.Number) else None
                        answer = sympy.sstr(wrong) if wrong is not None else "0"
                    secs = max(5.0, rng.gauss(35 if knows else 70, 15))
                    result = record_attempt(
                        session=s, student_id=student, skill_id=sid, problem_id=problem.id,
                        problem_text=problem.statement, expected_answer=problem.answer_text, answer_given=answer,
                        verdict="correct" if correct else "incorrect",
                        difficulty=problem.difficulty, time_taken_s=round(secs, 1), hints_used=hints, now=now,
                        mistake=mistake,
                    )
                    total += 1
                    now += timedelta(seconds=secs + 20)
                    if not knows and rng.random() < learn_rate:
                        known.add(sid)
                    if result.mastered:
                        mastered.add(sid)
                        due[sid] = result.due_at
    return total


def _typed(value) -> str:
    """A wrong answer as a child would type it."""
    import sympy

    def plain(v) -> str:
        return sympy.sstr(v).replace("**", "^")

    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return "(" + ", ".join(plain(v) for v in value) + ")"
    return plain(value)


DEMO_STAFF = ("admin", "teacher", "parent.ava", "parent.ben")
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def _demo_names() -> set[str]:
    return set(DEMO_STAFF) | {first.lower() for first in FIRST_NAMES + YOUNG_NAMES}


def _is_demo_name(username: str) -> bool:
    # seed_demo --force on a database that has a "teacher" adds the school again as s<seed>-<name>
    bare = re.sub(r"^s\d+-", "", username)
    return bare in _demo_names()


def demo_password_accounts(ctx: TutorContext) -> list[str]:
    """Usernames whose password is still the demo password (any account, demo or not), sorted."""
    from tutor.accounts import password_matches

    with ctx.session() as s:
        rows = list(s.exec(select(User.username, User.password_hash).where(User.is_active)))
    found: list[str] = []
    verdict: dict[str, bool] = {}  # the demo accounts share one hash until they log in: check each hash once
    for username, hashed in rows:
        if hashed not in verdict:
            verdict[hashed] = password_matches(hashed, DEMO_PASSWORD)
        if verdict[hashed]:
            found.append(username)
    return sorted(found)


def is_loopback(address: str | None) -> bool:
    """Whether a server address reaches this machine only (Streamlit's default, unset, counts as every interface)."""
    return bool(address) and (address.strip().lower() in LOOPBACK or address.strip().startswith("127."))


def check_exposure(ctx: TutorContext, address: str | None) -> None:
    """Refuse to serve beyond this machine while any account still has the demo password.

    Raises:
        TutorError: naming the accounts and the commands that fix it.
    """
    from tutor.errors import TutorError

    if is_loopback(address):
        return
    exposed = demo_password_accounts(ctx)
    if not exposed:
        return
    shown = ", ".join(exposed[:6]) + (f" and {len(exposed) - 6} more" if len(exposed) > 6 else "")
    raise TutorError(
        f"Not serving on {address or 'every network interface'}: {len(exposed)} account(s) still use the demo "
        f"password printed in the README ({shown}). Anyone on the network could log in as them. Remove the demo "
        "school with `tutor demo remove`, or give each account its own password with "
        "`tutor user reset-password NAME`; or serve on this machine only (make run without ADDRESS)."
    )


@dataclass
class RemovedDemo:
    users: list[str]
    classes: list[str]
    kept: list[str]
    """Demo-named accounts whose password was changed: someone may be using them, so they stay."""


def remove_demo(ctx: TutorContext) -> RemovedDemo:
    """Delete the demo school: its accounts that still have the demo password, their classes and their data.

    Progress, conversations and plans go with the accounts (the database cascades).
    A demo-named account whose password was changed is kept and reported.
    """
    from tutor.models import Classroom

    still_demo = set(demo_password_accounts(ctx))
    with ctx.session() as s:
        users = [u for u in s.exec(select(User)) if _is_demo_name(u.username)]
        doomed = [u for u in users if u.username in still_demo]
        kept = sorted(u.username for u in users if u.username not in still_demo)
        ids = [u.id for u in doomed]
        classes = list(s.exec(select(Classroom).where(Classroom.teacher_id.in_(ids)))) if ids else []
        class_names = sorted(c.name for c in classes)
        for c in classes:
            s.delete(c)
        s.flush()
        for u in doomed:
            s.delete(u)
    return RemovedDemo(users=sorted(u.username for u in doomed), classes=class_names, kept=kept)
