"""What the tutor graph writes to the database: messages, the verification log, graded attempts.

Database work is synchronous SQLAlchemy, so it runs in a worker thread to keep
the graph's event loop free. Each function is one transaction.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from tutor import repo
from tutor.models import VerificationLog

log = logging.getLogger(__name__)


def _persist_turn(tutor: Any, student_id: int, thread_id: str | None, user_text: str, reply: dict[str, Any],
                  caught: list[dict[str, Any]]) -> None:
    with tutor.session() as s:
        ts = repo.get_or_create_tutor_session(session=s, student_id=student_id, thread_id=thread_id)
        repo.add_message(session=s, tutor_session=ts, role="student", content=user_text)
        msg = repo.add_message(
            session=s,
            tutor_session=ts,
            role="tutor",
            content=reply["text"],
            verified_count=len(reply.get("verified", [])),
            refuted_count=0,
            repaired=bool(reply.get("repaired")),
        )
        entries = [
            VerificationLog(
                student_id=student_id,
                session_id=ts.id,
                message_id=msg.id,
                claim=str(c.get("claim", ""))[:1000],
                kind=str(c.get("kind", ""))[:32],
                result="undetermined" if c.get("disputed") else "refuted",  # outvoted, not proven wrong
                expected=str(c.get("expected") or "")[:500],
                explanation=str(c.get("explanation", ""))[:1000],
                repaired=True,
            )
            for c in caught
        ]
        entries += [
            VerificationLog(
                student_id=student_id, session_id=ts.id, message_id=msg.id, claim=claim[:1000],
                kind="shown", result="verified",
            )
            for claim in reply.get("verified", [])
        ]
        repo.log_verification(session=s, entries=entries)


async def persist_turn(tutor: Any, student_id: int, thread_id: str | None, user_text: str, reply: dict[str, Any],
                       caught: list[dict[str, Any]]) -> None:
    """Store the student's message and the reply; log verified claims and every refuted claim caught."""
    await asyncio.to_thread(_persist_turn, tutor, student_id, thread_id, user_text, reply, caught)


async def record_attempt(tutor: Any, plugins: Any = None, **kwargs: Any) -> dict[str, Any]:
    """Record a graded attempt through the learner service: attempt, mastery and review in one transaction."""
    return await asyncio.to_thread(_record_attempt, tutor, plugins, **kwargs)


def _record_attempt(tutor: Any, plugins: Any, *, student_id: int, ref: dict[str, Any], given: str, correct: bool,
                    mistake: str, hints_used: int, thread_id: str | None = None) -> dict[str, Any]:
    from tutor.learner import service
    from tutor.models import Skill

    with tutor.session() as s:
        if s.get(Skill, ref["skill_id"]) is None and plugins is not None:
            repo.upsert_skills(session=s, skills=[r for r in plugins.skill_rows() if r.id == ref["skill_id"]])
        ts = repo.get_or_create_tutor_session(session=s, student_id=student_id, thread_id=thread_id)
        result = service.record_attempt(
            session=s,
            student_id=student_id,
            skill_id=ref["skill_id"],
            problem_id=ref["id"],
            problem_text=ref.get("statement", ""),
            expected_answer=ref.get("answer_text", ""),
            answer_given=given[:2000],
            verdict="correct" if correct else "incorrect",
            difficulty=int(ref.get("difficulty", 1)),
            hints_used=hints_used,
            mistake=mistake,
            session_id=ts.id,
        )
        return {"before": result.p_before, "after": result.p_after, "mastered": result.mastered,
                "first_attempt": result.first_attempt}
