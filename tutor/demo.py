"""A demo school: one teacher, a class of 25 students, two linked parents.

Used by ``make run`` on an empty database so a newcomer can log in at once.
The passwords are public demo passwords and are printed on purpose.
"""

from __future__ import annotations

import random
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

    def describe(self) -> str:
        lines = [
            "Demo school ready. Log in at http://localhost:8501 with any of these (password "
            f"'{DEMO_PASSWORD}'):",
            f"  teacher  {self.teacher}   (class {self.class_name!r}, join code {self.join_code})",
        ]
        for parent, child in self.parents:
            lines.append(f"  parent   {parent}   (child {child})")
        lines.append(f"  student  {self.students[0]}   (and {len(self.students) - 1} more: {self.students[1]}, ...)")
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
        for i, first in enumerate(FIRST_NAMES[:students]):
            kid = make(
                first.lower(),
                "student",
                display_name=f"{first} {chr(65 + i)}.",
                grade_level=rng.choice([5, 6, 6, 6, 7]),
                interests=rng.choice(INTERESTS),
            )
            enroll(session=s, classroom=classroom, student=kid)
            kids.append(kid)
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
        )
        student_ids = [k.id for k in kids]
    result.attempts = seed_history(ctx, student_ids=student_ids, seed=seed)
    return result


def seed_history(ctx: TutorContext, *, student_ids: list[int], seed: int) -> int:
    """Synthetic practice history; filled in by the learner model (see tutor.learner)."""
    return 0
