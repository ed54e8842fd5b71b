"""What the tutor graph reads from and writes to the database: messages, the verification log, attempts, next problems.

Database work is synchronous SQLAlchemy, so it runs in a worker thread to keep
the graph's event loop free. Each function is one transaction.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from agents.state import Reply
from tutor import learner, repo
from tutor.models import VerificationLog

log = logging.getLogger(__name__)


def _persist_turn(tutor: Any, student_id: int, thread_id: str | None, user_text: str, reply: Reply,
                  caught: list[dict[str, Any]]) -> None:
    with tutor.session() as s:
        ts = repo.get_or_create_tutor_session(session=s, student_id=student_id, thread_id=thread_id)
        repo.add_message(session=s, tutor_session=ts, role="student", content=user_text)
        msg = repo.add_message(
            session=s,
            tutor_session=ts,
            role="tutor",
            content=reply.text,
            verified_count=len(reply.verified),
            refuted_count=0,
            repaired=reply.repaired,
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
        source, reference = reply.reference.get("source", ""), str(reply.reference.get("answer", ""))[:500]
        entries += [
            # A final answer is logged with what checked it (sympy / program / plugin), so a teacher sees that too.
            VerificationLog(
                student_id=student_id, session_id=ts.id, message_id=msg.id, claim=claim[:1000],
                kind=source if source and claim.startswith("final answer") else "shown", result="verified",
                expected=reference if source and claim.startswith("final answer") else "",
            )
            for claim in reply.verified
        ]
        repo.log_verification(session=s, entries=entries)


async def persist_turn(tutor: Any, student_id: int, thread_id: str | None, user_text: str, reply: Reply,
                       caught: list[dict[str, Any]]) -> None:
    """Store the student's message and the reply; log verified claims and every refuted claim caught."""
    await asyncio.to_thread(_persist_turn, tutor, student_id, thread_id, user_text, reply, caught)


async def submit_attempt(tutor: Any, plugins: Any, **kwargs: Any) -> Any:
    """Grade and record a typed answer through the learner's one grading path (one transaction)."""
    return await asyncio.to_thread(_submit_attempt, tutor, plugins, **kwargs)


def _submit_attempt(tutor: Any, plugins: Any, *, student_id: int, problem: Any, answer: str, hints_used: int,
                    thread_id: str | None = None) -> Any:
    def open_session(s: Any) -> dict[str, Any]:
        ts = repo.get_or_create_tutor_session(session=s, student_id=student_id, thread_id=thread_id)
        return {"session_id": ts.id}

    return learner.submit_and_commit(engine=tutor.engine, before=open_session, plugins=plugins,
                                     student_id=student_id, problem=problem, answer=answer, hints_used=hints_used)


async def next_problem_for(tutor: Any, plugins: Any, student_id: int | None, *, current: Any = None,
                           language: str | None = None) -> Any:
    """The learner's next problem for this student (no database: as for a new learner), written in ``language``."""
    return await asyncio.to_thread(_next_problem, tutor, plugins, student_id, current, language)


def _next_problem(tutor: Any, plugins: Any, student_id: int | None, current: Any, language: str | None) -> Any:
    if tutor is None or student_id is None:
        return learner.next_problem(session=None, plugins=plugins, student_id=None, current=current, language=language)
    with tutor.session() as s:
        return learner.next_problem(session=s, plugins=plugins, student_id=student_id, current=current,
                                    language=language)
