"""Tutor graph nodes that work with the plugins: grading, new problems, plugin agents, streaming.

Kept apart from ``agents.tutor`` (graph wiring, drafting and verifying) so each
module stays small.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import re
from typing import Any

from langchain_core.messages import HumanMessage
from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from agents import prompts
from agents.checks import NUMBER, find_leaks, split_work
from agents.classify import ANSWER_LEAD
from agents.context import AgentContext
from agents.replycheck import status_name
from agents.state import TutorState, problem_ref
from agents.storage import record_attempt
from tutor.errors import TutorError

log = logging.getLogger(__name__)


def _last_user_text(state: TutorState) -> str:
    for msg in reversed(state.messages):
        if isinstance(msg, HumanMessage):
            return str(msg.content)
    return ""


def gold_problem(ctx: AgentContext, ref: dict[str, Any] | None) -> Any:
    """The full plugin Problem (with its SymPy answer) for a stored reference, or None."""
    if not ref or ctx.plugins is None or not ref.get("skill_id"):
        return None
    try:
        problem = ctx.plugins.generate(ref["skill_id"], int(ref.get("seed", 0)), int(ref.get("difficulty", 1)))
    except TutorError as exc:
        log.warning("cannot regenerate problem %s: %s", ref.get("id"), exc)
        return None
    return problem if problem.id == ref.get("id") else None


def choose_agent(plugins: Any, text: str, problem: dict[str, Any] | None) -> str:
    """A plugin agent for this message: one that declares the current problem's skill.

    Without a current problem, only general agents (declaring no skills) are candidates.
    """
    if plugins is None or not getattr(plugins, "agents", None):
        return ""
    if problem is not None:
        for spec in plugins.agents_for(problem["skill_id"]):
            if problem["skill_id"] in spec.skills:
                return spec.name
        return ""
    for spec in plugins.agents.values():
        if not spec.skills:
            return spec.name
    return ""


async def grade_attempt(state: TutorState, runtime: Runtime[AgentContext], config: RunnableConfig) -> dict[str, Any]:
    """Grade an answer by code: plugin checker / verifier equivalence; multi-line work line by line."""
    ctx = runtime.context
    text = _last_user_text(state)
    ref = state.problem or {}
    problem = gold_problem(ctx, ref)
    lines, last = split_work(text)
    given = ANSWER_LEAD.sub("", text.strip()).strip().rstrip(".!") if len(lines) < 2 else last
    status, explanation, mistake = _grade(ctx, problem, ref, given)
    if status == "undetermined" and "=" in given:
        status, explanation, mistake = _grade(ctx, problem, ref, given.split("=")[-1].strip())
    checks: list[dict[str, Any]] = []
    wrong_line = None
    if len(lines) >= 2:
        solution = await asyncio.to_thread(ctx.check_steps, lines, given, ref.get("statement", ""))
        step = getattr(solution, "first_error_step", None)
        if step is not None and step < len(lines):
            wrong_line = step
        for c in getattr(solution, "checks", []):
            if status_name(c.status) == "verified":
                checks.append({"claim": c.claim, "kind": c.kind, "status": "verified", "expected": None,
                               "explanation": "Checked in your work."})
    if status == "verified":
        draft = (prompts.CORRECT_WORK if len(lines) >= 2 and wrong_line is None else prompts.CORRECT).format(
            answer=given
        )
        checks.append({"claim": f"{given} is the answer", "kind": "answer", "status": "verified",
                       "expected": None, "explanation": "Graded against the problem's ground truth."})
    elif status == "refuted":
        detail = ""
        if wrong_line is not None:
            detail = prompts.FIRST_WRONG_LINE.format(line=wrong_line + 1, text=lines[wrong_line], why="")
        elif explanation and not find_leaks(
            explanation, answer=problem.answer if problem else ref.get("answer_text"),
            answer_text=ref.get("answer_text", ""), statement=ref.get("statement", ""), compare=ctx.compare_answers,
        ):
            detail = explanation.rstrip(".") + ". "
        draft = prompts.INCORRECT.format(detail=detail)
    else:
        draft = prompts.UNDETERMINED.format(fmt=ref.get("answer_format") or "like 12 or 3/4")
    grade = {"status": status, "given": given, "mistake": mistake, "first_wrong_line": wrong_line}
    update: dict[str, Any] = {"draft": draft, "status": "graded", "checks": checks, "grade": grade}
    if status in ("verified", "refuted"):
        update["attempts"] = state.attempts + 1
        update["solved"] = state.solved or status == "verified"
        if ctx.tutor is not None and state.student_id is not None:
            mastery = await record_attempt(
                ctx.tutor, ctx.plugins, student_id=state.student_id, ref=ref, given=given,
                correct=status == "verified", mistake=mistake, hints_used=min(state.hint_level, 4),
                thread_id=((config or {}).get("configurable") or {}).get("thread_id"),
            )
            grade["mastery"] = mastery
    return update


def _grade(ctx: AgentContext, problem: Any, ref: dict[str, Any], given: str) -> tuple[str, str, str]:
    if problem is not None:
        grade = ctx.plugins.check(problem, given)
        return status_name(grade.status), grade.explanation, grade.mistake
    check = ctx.compare_answers(given, ref.get("answer_text", ""))
    return status_name(check.status), "", ""


async def new_problem(state: TutorState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Serve a new plugin problem: same skill as before, else the first skill the plugins offer."""
    ctx = runtime.context
    plugins = ctx.plugins
    if plugins is None or not getattr(plugins, "generators", None):
        return {"draft": prompts.NO_PLUGIN, "status": "no_math"}
    skill = (state.problem or {}).get("skill_id")
    if skill not in plugins.generators:
        skill = next((s.id for s in plugins.topological_skills() if s.id in plugins.generators), None)
    if skill is None:
        return {"draft": prompts.NO_PLUGIN, "status": "no_math"}
    difficulty = int((state.problem or {}).get("difficulty", 1))
    if state.solved and state.attempts == 1:
        difficulty += 1  # right first time: a step up, if the generator has it
    difficulties = getattr(plugins.generators[skill], "difficulties", (1,))
    difficulty = min(max(difficulty, min(difficulties)), max(difficulties))
    seed = len(state.messages) * 7919 + int((state.problem or {}).get("seed", 0))
    problem = plugins.generate(skill, seed, difficulty)
    problem = _with_hints(plugins, problem)
    return {
        "problem": problem_ref(problem, plugins.plugin_of(skill)),
        "attempts": 0,
        "solved": False,
        "hint_level": 0,
        "draft": prompts.NEW_PROBLEM.format(statement=problem.statement),
        "status": "no_math",
    }


def _with_hints(plugins: Any, problem: Any) -> Any:
    from dataclasses import replace

    hints = tuple(plugins.hints(problem))
    return replace(problem, hints=hints) if hints else problem


async def plugin_agent(state: TutorState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Hand the message to the plugin agent the router chose; its reply is verified like any draft."""
    ctx = runtime.context
    node = ctx.plugins.build_agent(state.agent, llm=ctx.llm)
    ref = state.problem or {}
    payload = {
        "problem": gold_problem(ctx, ref),
        "question": _last_user_text(state),
        "hint_level": state.hint_level,
        "skill_id": ref.get("skill_id"),
        "seed": ref.get("seed", 0),
        "difficulty": ref.get("difficulty", 1),
        "messages": list(state.messages),
    }
    if hasattr(node, "ainvoke"):
        result = await node.ainvoke(payload)
    else:
        result = node(payload)
        if inspect.isawaitable(result):
            result = await result
    result = result or {}
    draft = result.get("plugin_reply") or result.get("reply") or result.get("draft") or ""
    if not draft and result.get("messages"):
        draft = str(getattr(result["messages"][-1], "content", ""))
    if result.get("handled") is False or not draft:
        from agents.tutor import draft_reply

        return {**(await draft_reply(state, runtime)), "agent": ""}
    return {"draft": str(draft), "tries": state.tries + 1}


class TokenSink:
    """Sends draft tokens to the caller (LangGraph ``custom`` stream), masking the hidden answer.

    Tokens are released a word at a time; in Socratic mode any number equal to
    the current answer is shown as "…" so not even the unchecked draft leaks it.
    """

    def __init__(self, writer: Any, attempt: int, hide: Any, compare: Any):
        self.writer = writer
        self.attempt = attempt
        self.hide = hide
        self.compare = compare
        self.buffer = ""

    def __call__(self, token: str) -> None:
        if self.writer is None:
            return
        self.buffer += token
        cut = max(self.buffer.rfind(" "), self.buffer.rfind("\n"))
        if cut >= 0:
            ready, self.buffer = self.buffer[: cut + 1], self.buffer[cut + 1 :]
            self._emit(ready)

    def flush(self) -> None:
        if self.writer is not None and self.buffer:
            self._emit(self.buffer)
            self.buffer = ""

    def _emit(self, text: str) -> None:
        if self.hide is not None:
            text = NUMBER.sub(self._mask, text)
        self.writer({"type": "token", "text": text, "attempt": self.attempt})

    def _mask(self, m: re.Match) -> str:
        try:
            same = status_name(self.compare(m.group(0).replace(",", ""), self.hide).status) == "verified"
        except Exception:  # noqa: BLE001 - an unparsable number is simply shown
            same = False
        return "…" if same else m.group(0)


def token_sink(runtime: Runtime[AgentContext], *, attempt: int, hide: Any, compare: Any) -> TokenSink:
    writer = runtime.stream_writer if runtime.context.stream else None
    return TokenSink(writer, attempt, hide, compare)
