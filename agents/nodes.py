"""Tutor graph nodes that work with the plugins: grading, new problems, plugin agents, streaming.

Kept apart from ``agents.tutor`` (graph wiring, drafting and verifying) so each
module stays small.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import re
from dataclasses import replace
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.runtime import Runtime

from agents import prompts
from agents.checks import NUMBER
from agents.context import AgentContext
from agents.problem import gold_answer, gold_problem, last_user_text, leaks
from agents.replycheck import status_name
from agents.state import TutorState, problem_ref
from agents.storage import next_problem_for, submit_attempt
from tutor.errors import TutorError
from tutor.learner.grading import grade_for_problem, grade_typed, read_typed
from tutor.plugin_api import Grade

log = logging.getLogger(__name__)


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
    """Grade an answer through the learner's one grading path; multi-line work is also checked line by line."""
    ctx = runtime.context
    typed = read_typed(last_user_text(state))
    ref = state.problem or {}
    problem = gold_problem(ctx, ref)
    lines = list(typed.lines)
    given = typed.value
    thread_id = ((config or {}).get("configurable") or {}).get("thread_id")
    recorded = None
    if problem is not None and ctx.tutor is not None and state.student_id is not None:
        recorded = await submit_attempt(ctx.tutor, ctx.plugins, student_id=state.student_id, problem=problem,
                                        answer=typed.text, hints_used=min(state.hint_level, 4), thread_id=thread_id)
        status = {"correct": "verified", "incorrect": "refuted"}.get(recorded.verdict, "undetermined")
        explanation, mistake, given = recorded.explanation, recorded.mistake, recorded.reading or given
    else:
        if problem is not None:
            grade, given = grade_for_problem(ctx.plugins, problem, typed)
        else:  # no plugin to regenerate it: the stored answer text is the ground truth
            answer_text = ref.get("answer_text", "")
            grade, given = grade_typed(
                lambda r: Grade(status_name(ctx.compare_answers(r, answer_text).status)), typed)
        status, explanation, mistake = status_name(grade.status), grade.explanation, grade.mistake
    checks: list[dict[str, Any]] = []
    wrong_line = None
    if typed.is_work:
        solution = await asyncio.to_thread(ctx.check_steps, lines, typed.value, ref.get("statement", ""))
        step = getattr(solution, "first_error_step", None)
        if step is not None and step < len(lines):
            wrong_line = step
        for c in getattr(solution, "checks", []):
            if status_name(c.status) == "verified":
                checks.append({"claim": c.claim, "kind": c.kind, "status": "verified", "expected": None,
                               "explanation": "Checked in your work."})
    lang = state.reply_lang
    if status == "verified":
        draft = prompts.say(lang, prompts.CORRECT_WORK if typed.is_work and wrong_line is None else prompts.CORRECT,
                            answer=given)
        checks.append({"claim": f"{given} is the answer", "kind": "answer", "status": "verified",
                       "expected": None, "explanation": "Graded against the problem's ground truth."})
    elif status == "refuted":
        detail = ""
        if wrong_line is not None:
            detail = prompts.say(lang, prompts.FIRST_WRONG_LINE, line=wrong_line + 1, text=lines[wrong_line], why="")
        elif explanation and not leaks(ctx, explanation, ref, gold_answer(ctx, ref, problem)):
            detail = explanation.rstrip(".") + ". "
        draft = prompts.say(lang, prompts.INCORRECT, detail=detail)
    else:
        draft = prompts.say(lang, prompts.UNDETERMINED,
                            fmt=ref.get("answer_format") or prompts.say(lang, prompts.ANSWER_FORMAT_EXAMPLE))
    grade_info = {"status": status, "given": given, "mistake": mistake, "first_wrong_line": wrong_line}
    update: dict[str, Any] = {"draft": draft, "status": "graded", "checks": checks, "grade": grade_info}
    if status in ("verified", "refuted"):
        update["attempts"] = state.attempts + 1
        update["solved"] = state.solved or status == "verified"
        if recorded is not None:
            grade_info["mastery"] = {"before": recorded.p_before, "after": recorded.p_after,
                                     "mastered": recorded.mastered, "first_attempt": recorded.first_attempt}
    return update


async def new_problem(state: TutorState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Serve the next problem by the learner's one policy (the same as the "Give me a problem" button)."""
    ctx = runtime.context
    plugins = ctx.plugins
    if plugins is None or not getattr(plugins, "generators", None):
        return {"draft": prompts.say(state.reply_lang, prompts.NO_PLUGIN), "status": "no_math"}
    try:
        problem = await next_problem_for(ctx.tutor, plugins, state.student_id, current=state.problem,
                                         language=state.reply_lang)  # the problem in the reply's language
    except TutorError:
        return {"draft": prompts.say(state.reply_lang, prompts.NO_PLUGIN), "status": "no_math"}
    problem = with_hints(plugins, problem)
    return {
        "problem": problem_ref(problem, plugins.plugin_of(problem.skill_id)),
        "attempts": 0,
        "solved": False,
        "hint_level": 0,
        "draft": prompts.say(state.reply_lang, prompts.NEW_PROBLEM, statement=problem.statement),
        "status": "no_math",
    }


def with_hints(plugins: Any, problem: Any) -> Any:
    """The problem carrying its skill's hint ladder (the plugin's, else its own)."""
    hints = tuple(plugins.hints(problem))
    return replace(problem, hints=hints) if hints else problem


async def plugin_agent(state: TutorState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Hand the message to the plugin agent the router chose; its reply is verified like any draft.

    An agent that declines (``handled: False`` or no text) leaves the draft empty and
    clears ``agent``; :func:`agents.tutor.route_plugin_reply` then sends the turn to ``draft_reply``.
    """
    ctx = runtime.context
    node = ctx.plugins.build_agent(state.agent, llm=ctx.llm)
    ref = state.problem or {}
    payload = {
        "problem": gold_problem(ctx, ref),
        "question": last_user_text(state),
        "hint_level": state.hint_level,
        "skill_id": ref.get("skill_id"),
        "seed": ref.get("seed", 0),
        "difficulty": ref.get("difficulty", 1),
        "messages": list(state.messages),
        # what the tools worked out before the agent speaks ({"answer", "source"}; empty when nothing did)
        "reference": {k: state.reference[k] for k in ("answer", "source") if k in state.reference},
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
        return {"draft": "", "agent": ""}
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
