"""The registered skills as rows of the Skill table, so progress, plans and reports can refer to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tutor.models import Skill
from tutor.repo import upsert_skills

if TYPE_CHECKING:
    from tutor.registry import Registry


def skill_rows(registry: Registry) -> list[Skill]:
    """Skill table rows for every registered skill, prerequisites first."""
    return [
        Skill(
            id=s.id, title=s.title[:120], subject=s.subject[:64], plugin=registry.skill_plugin[s.id][:64],
            grade_min=s.grade_min, grade_max=s.grade_max, prerequisites=",".join(s.prerequisites),
            standards=",".join(s.standards)[:400], domain=s.domain[:16],
        )
        for s in registry.topological_skills()
    ]


def sync_skills(registry: Registry, *, session) -> int:
    """Write every registered skill to the Skill table (insert or update); the caller owns the transaction."""
    return upsert_skills(session=session, skills=skill_rows(registry))
