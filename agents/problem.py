"""The current problem as the tutor graph sees it: its ground truth, leak checks, and the student's message.

One helper each, so every node regenerates the gold answer and checks for a
leaked answer the same way.
"""

from __future__ import annotations

import logging
from typing import Any

from langchain_core.messages import HumanMessage

from agents.checks import find_leaks
from agents.context import AgentContext
from agents.state import TutorState
from tutor.errors import TutorError

log = logging.getLogger(__name__)


def last_user_text(state: TutorState) -> str:
    """The student's latest message."""
    for msg in reversed(state.messages):
        if isinstance(msg, HumanMessage):
            return str(msg.content)
    return ""


def gold_problem(ctx: AgentContext, ref: dict[str, Any] | None) -> Any:
    """The full plugin Problem (with its SymPy answer) for a stored reference, or None."""
    if not ref or ctx.plugins is None or not ref.get("skill_id"):
        return None
    try:
        kwargs = {"language": ref["language"]} if ref.get("language") else {}  # the language it was shown in
        problem = ctx.plugins.generate(ref["skill_id"], int(ref.get("seed", 0)), int(ref.get("difficulty", 1)),
                                       **kwargs)
    except TutorError as exc:
        log.warning("cannot regenerate problem %s: %s", ref.get("id"), exc)
        return None
    return problem if problem.id == ref.get("id") else None


def gold_answer(ctx: AgentContext, ref: dict[str, Any] | None, problem: Any = None) -> Any:
    """The current problem's right answer: the plugin's SymPy value, else the stored answer text (None: no problem)."""
    if not ref:
        return None
    problem = problem if problem is not None else gold_problem(ctx, ref)
    return problem.answer if problem is not None else ref.get("answer_text")


def leaks(ctx: AgentContext, text: str, ref: dict[str, Any] | None, gold: Any = None) -> list[str]:
    """Where ``text`` gives away the current problem's answer (empty: safe to show before it is solved)."""
    ref = ref or {}
    gold = gold if gold is not None else gold_answer(ctx, ref)
    return find_leaks(text, answer=gold, answer_text=ref.get("answer_text", ""), statement=ref.get("statement", ""),
                      compare=ctx.compare_answers)
