"""The prerequisite graph of skills: what a valid skill is, which skills must be dropped, and the teaching order.

Skills come from many plugins and may name prerequisites from other plugins,
so the graph is only known once every plugin has registered. A skill in a
prerequisite cycle, or one whose prerequisite is missing (and, in turn, every
skill that depends on it), can never be reached by a student and is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from tutor.plugin_api import SkillSpec

SKILL_ID = re.compile(r"^[a-z][a-z0-9_.-]{1,63}$")


def spec_problem(spec: SkillSpec) -> str:
    """Why a skill spec cannot be accepted on its own ("" when it can)."""
    if not SKILL_ID.match(spec.id or ""):
        return "id must be 2-64 lowercase letters, digits, '.', '_' or '-', starting with a letter"
    if not spec.title or not spec.subject:
        return "needs a title and a subject"
    if not 0 <= spec.grade_min <= spec.grade_max <= 16:
        return f"grade band {spec.grade_min}-{spec.grade_max} is not valid"
    if spec.id in spec.prerequisites:
        return "lists itself as a prerequisite"
    return ""


def prune(skills: dict[str, SkillSpec]) -> list[tuple[str, str]]:
    """Remove from ``skills``, in place, those no student can reach; return ``(skill id, reason)`` per removal.

    First every skill in a prerequisite cycle, then, until nothing changes, every
    skill with a prerequisite that is not (or no longer) in ``skills``.
    """
    dropped: list[tuple[str, str]] = []
    for cycle in cycles({s.id: s.prerequisites for s in skills.values()}):
        for sid in cycle:
            dropped.append((sid, f"skill {sid!r} is in a prerequisite cycle: {' -> '.join(cycle + [cycle[0]])}"))
            skills.pop(sid, None)
    changed = True
    while changed:
        changed = False
        for spec in list(skills.values()):
            missing = [p for p in spec.prerequisites if p not in skills]
            if missing:
                dropped.append((spec.id, f"skill {spec.id!r} has unknown prerequisite(s) {', '.join(map(repr, missing))} "
                                "(is the plugin that provides them installed and loaded?)"))
                del skills[spec.id]
                changed = True
    return dropped


def cycles(graph: Mapping[str, tuple[str, ...]]) -> list[list[str]]:
    """Every prerequisite cycle (as a list of skill ids), found by depth-first search."""
    color: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        color[node] = 1
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in graph:
                continue
            if color.get(nxt) == 1:
                found.append(stack[stack.index(nxt):])
            elif color.get(nxt) is None:
                visit(nxt)
        stack.pop()
        color[node] = 2

    for node in sorted(graph):
        if color.get(node) is None:
            visit(node)
    return found


def topological(skills: Mapping[str, SkillSpec]) -> list[SkillSpec]:
    """Skills with every prerequisite before the skills that need it (ties by grade, then id).

    ``skills`` must be closed under prerequisites, as :func:`prune` leaves it.
    """
    done: list[str] = []
    seen: set[str] = set()

    def visit(sid: str) -> None:
        if sid in seen:
            return
        seen.add(sid)
        for pre in sorted(skills[sid].prerequisites, key=lambda p: (skills[p].grade_min, p)):
            visit(pre)
        done.append(sid)

    for spec in sorted(skills.values(), key=lambda s: (s.grade_min, s.id)):
        visit(spec.id)
    return [skills[s] for s in done]
