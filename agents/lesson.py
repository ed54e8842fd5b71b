"""The lesson's structure, decided by code from the learner model (deterministic for a seed).

A lesson is 20-30 minutes: up to two warm-up reviews of skills due, one or two
new skills (each with a short explanation), practice at a difficulty matched
to mastery, and one check-for-understanding item at the end.
"""

from __future__ import annotations

import random
from typing import Any

from tutor.learner.queries import difficulty_for

MIN_MINUTES, MAX_MINUTES = 20, 30
MINUTES = {"review": 3, "new": 5, "practice": 3, "check": 3}
def decide_structure(learner: dict[str, Any], seed: int) -> list[dict[str, Any]]:
    """The plan's items (without problem text): kind, skill_id, difficulty, problem_seed, minutes.

    Args:
        learner: ``skills`` (id, title, prerequisites, grade range, difficulties),
            ``mastery`` {skill: p}, ``mastered`` [skill ids the learner records as mastered],
            ``due`` [skill ids, most overdue first],
            ``ready`` [skill ids], ``errors`` {skill: recent wrong answers},
            ``accuracy`` recent share correct (or None).
        seed: the same learner snapshot and seed give the same plan.
    """
    rng = random.Random(seed)
    skills = {s["id"]: s for s in learner["skills"]}
    mastery: dict[str, float] = learner.get("mastery", {})
    mastered = set(learner.get("mastered", ()))
    levels = {sid: tuple(s.get("difficulties") or (1, 2, 3)) for sid, s in skills.items()}

    def item(kind: str, sid: str, difficulty: int) -> dict[str, Any]:
        return {
            "kind": kind,
            "skill_id": sid,
            "title": f"{kind_label(kind)}: {skills[sid]['title']}",
            "difficulty": difficulty,
            "problem_seed": rng.randrange(1, 1_000_000),
            "minutes": MINUTES[kind],
            "content": "",
        }

    items: list[dict[str, Any]] = []
    due = [sid for sid in learner.get("due", []) if sid in skills][:2]
    for sid in due:
        items.append(item("review", sid, difficulty_for(mastery.get(sid), levels[sid])))
    ready = [sid for sid in learner.get("ready", []) if sid in skills and sid not in due]
    strong = (learner.get("accuracy") or 0.0) >= 0.8
    n_new = 2 if (len(ready) >= 2 and strong and len(due) < 2) else 1
    new = ready[:n_new]
    for sid in new:
        items.append(item("new", sid, 1))
    # Practice: each new skill at its easiest then next level; then the skill with most recent errors.
    practice: list[tuple[str, int]] = []
    for sid in new:
        lv = sorted(levels[sid])
        practice += [(sid, lv[0]), (sid, lv[min(1, len(lv) - 1)])]
    errors = learner.get("errors", {})
    weak = sorted((sid for sid in errors if sid in skills and sid not in new), key=lambda s: (-errors[s], s))
    for sid in weak[:1]:
        practice.append((sid, difficulty_for(mastery.get(sid), levels[sid])))
    if not practice:
        pool = due or [s for s in skills if s not in mastered] or list(skills)
        practice = [(pool[0], difficulty_for(mastery.get(pool[0]), levels[pool[0]]))]
    for sid, d in practice:
        items.append(item("practice", sid, d))
    focus = new[0] if new else practice[0][0]
    check = item("check", focus, min(2, max(levels[focus])) if new else practice[0][1])
    # Fit 20-30 minutes: more practice (cycling the practice skills) or fewer practice items.
    i = 0
    while _minutes(items) + check["minutes"] < MIN_MINUTES:
        sid, d = practice[i % len(practice)]
        items.append(item("practice", sid, d))
        i += 1
    while _minutes(items) + check["minutes"] > MAX_MINUTES:
        extra = [j for j, it in enumerate(items) if it["kind"] == "practice"]
        if len(extra) <= 1:
            break
        items.pop(extra[-1])
    items.append(check)
    return items


def _minutes(items: list[dict[str, Any]]) -> int:
    return sum(it["minutes"] for it in items)


def kind_label(kind: str) -> str:
    return {"review": "Warm-up", "new": "New", "practice": "Practice", "check": "Check"}[kind]
