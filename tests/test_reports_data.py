"""Small practice histories for the report and web-app tests."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from tutor import repo
from tutor.accounts import create_user, hash_password
from tutor.classes import create_class, enroll, link_parent
from tutor.demo import DEMO_PASSWORD
from tutor.models import MasteryState, Skill, User, VerificationLog, utcnow

SKILLS = [
    Skill(id="fractions.add", title="Adding fractions", subject="fractions", plugin="test", standards="5.NF.A.1",
          domain="NF"),
    Skill(id="linear.one_step", title="One-step equations", subject="algebra", plugin="test",
          standards="7.EE.B.4a,6.EE.B.7", domain="EE"),
]


def user(s, name: str) -> User:
    return s.exec(select(User).where(User.username == name)).one()


def practise(s, student: User, skill_id: str, verdicts: str, *, days_ago: float = 0, start: float = 0.3,
             step: float = 0.1, mistake: str = "") -> float:
    """Record answers ('c' correct, 'x' incorrect) and move mastery along; return the final mastery."""
    p = start
    for i, v in enumerate(verdicts):
        before = p
        p = min(0.99, p + step) if v == "c" else max(0.01, p - step / 2)
        repo.add_attempt(
            session=s, student_id=student.id, skill_id=skill_id, problem_id=f"{skill_id}:{days_ago}:{i}",
            problem_text=f"Problem {i}", expected_answer="1", answer_given="1" if v == "c" else "2",
            verdict="correct" if v == "c" else "incorrect", time_taken_s=60, hints_used=0 if v == "c" else 1,
            mistake="" if v == "c" else mistake, mastery_before=before, mastery_after=p,
            created_at=utcnow() - timedelta(days=days_ago, minutes=len(verdicts) - i),
        )
    state = repo.get_mastery(session=s, student_id=student.id, skill_id=skill_id) or MasteryState(
        student_id=student.id, skill_id=skill_id, p_mastery=p)
    state.p_mastery = p
    state.n_attempts += len(verdicts)
    state.n_correct += verdicts.count("c")
    if p >= 0.95 and state.mastered_at is None:
        state.mastered_at = utcnow() - timedelta(days=days_ago)
        state.due_at = utcnow() - timedelta(hours=1)
    repo.save_mastery(session=s, state=state)
    return p


STUDENTS = ["ava", "ben", "chloe", "diego", "emma"]


def small_school(ctx) -> None:
    """A school like the demo one, small and without history: admin, teacher, 5 students, 2 parents."""
    with ctx.session() as s:
        pw = hash_password(DEMO_PASSWORD)
        make = lambda name, role, display: create_user(  # noqa: E731
            session=s, username=name, password=DEMO_PASSWORD, password_hash=pw, role=role, display_name=display)
        make("admin", "admin", "School Admin")
        teacher = make("teacher", "teacher", "Ms. Rivera")
        classroom = create_class(session=s, teacher=teacher, name="Math 6B")
        kids = []
        for i, name in enumerate(STUDENTS):
            kids.append(make(name, "student", f"{name.title()} {chr(65 + i)}."))
            enroll(session=s, classroom=classroom, student=kids[-1])
        for kid in kids[:2]:
            link_parent(session=s, parent=make(f"parent.{kid.username}", "parent", f"Parent of {kid.username}"),
                        student=kid)


def seed_school(ctx) -> dict[str, int]:
    """The small school plus a known history: ava strong on fractions, ben stuck on equations."""
    small_school(ctx)
    with ctx.session() as s:
        repo.upsert_skills(session=s, skills=SKILLS)
        ava, ben = user(s, "ava"), user(s, "ben")
        practise(s, ava, "fractions.add", "cc", days_ago=10, start=0.2)
        practise(s, ava, "fractions.add", "cccccccc", days_ago=2, start=0.4)
        practise(s, ava, "linear.one_step", "cxc", days_ago=1)
        practise(s, ben, "linear.one_step", "xxcxxx", days_ago=1, mistake="sign_error")
        ids = {u.username: u.id for u in s.exec(select(User))}
        session_row = repo.get_or_create_tutor_session(session=s, student_id=ava.id)
        repo.add_message(session=s, tutor_session=session_row, role="student", content="what is 1/2+1/3?")
        reply = repo.add_message(session=s, tutor_session=session_row, role="tutor", content="5/6",
                                 verified_count=1, refuted_count=1, repaired=True)
        repo.log_verification(session=s, entries=[
            VerificationLog(student_id=ava.id, session_id=session_row.id, message_id=reply.id,
                            claim="1/2+1/3=2/5", kind="equation", result="refuted", expected="5/6", repaired=True),
            VerificationLog(student_id=ava.id, session_id=session_row.id, message_id=reply.id,
                            claim="1/2+1/3=5/6", kind="equation", result="verified"),
        ])
    return ids
