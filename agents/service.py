"""The agents' API for the web app and the CLI: plan a lesson, chat with the tutor.

Usable from synchronous code (Streamlit): the graphs are async, so a
``TutorChat`` runs them on its own background event loop and hands events back
through ordinary iterators.

    from agents.service import TutorChat, plan_lesson

    plan = plan_lesson(ctx, student_id)              # PlanResult(plan_id, minutes, items, greeting, dropped)

    chat = TutorChat(ctx)                            # one per process (st.cache_resource); thread-safe
    for event in chat.send(student_id, "what is 3/4 of 20?", thread_id=tid):
        if event.type == "token":   show_draft(event.text)     # unchecked draft, streamed
        elif event.type == "checked": mark(event.text)         # a draft line's calculation, verified
        elif event.type == "status": show_spinner(event.text)  # "checking"
        elif event.type == "final":  replace_draft(event.reply)  # Reply: the verified text to keep
    reply = chat.ask(student_id, "12")               # no streaming: just the final Reply
    chat.start_problem(student_id, problem, thread_id=tid)  # a plugin Problem becomes the current one
    chat.history(thread_id)                          # [(role, text), ...] after a restart too

``Reply`` carries ``text``, ``status`` (verified / undetermined / withheld /
graded / no_math), ``verified`` (statements the verifier checked), ``repaired``
(a draft was caught and replaced), ``caught`` (what was wrong), ``intent``,
``grade`` and ``thread_id``. Token events are drafts: only the final reply is
checked, and it replaces the draft. A ``checked`` event is one calculation of the
draft (``3 × 250 = 750``) that the verifier has already found true while the draft
streams: a true statement, shown as such, though the reply as a whole is not
checked until ``final``.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage

from agents.context import AgentContext
from agents.state import MODES, Reply, problem_ref
from tutor.errors import ValidationError

log = logging.getLogger(__name__)


@dataclass
class Event:
    """One streamed event: ``token`` (draft text), ``checked`` (a verified calculation of the draft),
    ``status`` ("checking") or ``final`` (the Reply)."""

    type: str
    text: str = ""
    reply: Reply | None = None
    kind: str = ""
    """For a status: ``tool`` when it is a tool's worked-out answer ("Worked out with SymPy: x = 4 ✓", in the
    reply's language), shown apart from the passing status lines."""


class _LoopThread:
    """A private event loop on a daemon thread, so sync callers can run the async graphs."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="tutor-agents", daemon=True)
        self.thread.start()

    def run(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


class TutorChat:
    """Tutoring conversations over one compiled graph and one checkpointer.

    Args:
        ctx: the TutorContext (settings, database, shared model, plugins).
        agent_context: override the graph's runtime context (tests, benchmarks).
        checkpointer: override the store (default: ``agents.checkpoint.open_checkpointer``).
    """

    def __init__(self, ctx: Any, *, agent_context: AgentContext | None = None, checkpointer: Any = None):
        from tutor.verify.bounded import warm_up

        warm_up()  # the first question's SymPy work must not wait for a worker process to start
        self.ctx = ctx
        self._agent_context = agent_context
        self._checkpointer = checkpointer
        self._graph: Any = None
        self._cm: Any = None
        self._loop: _LoopThread | None = None
        self._lock = threading.Lock()
        self._primed = False

    def prime(self, language: str | None = None) -> bool:
        """Decode the tutor's fixed prompts before the first question (``agents.tutor.prime``), once per chat.

        Blocking (seconds on a CPU): the web app calls it in a thread once the model is loaded. A question sent
        meanwhile waits its turn for the model as any second request does. Returns whether it decoded anything.
        """
        with self._lock:
            if self._primed:
                return False
            self._primed = True
        from agents.tutor import prime

        try:
            return prime(self.agent_context, language or self._language_of(None))
        except Exception:  # a warm-up that fails costs the first question its head start, nothing else
            log.warning("priming the model's prompts failed", exc_info=True)
            return False

    # ------------------------------------------------------------------ async API
    async def _ensure(self) -> Any:
        if self._graph is None:
            from agents.checkpoint import open_checkpointer
            from agents.tutor import build_graph

            saver = self._checkpointer
            if saver is None:
                self._cm = open_checkpointer(self.ctx.settings)
                saver = await self._cm.__aenter__()
            self._graph = build_graph(checkpointer=saver)
        return self._graph

    @property
    def agent_context(self) -> AgentContext:
        if self._agent_context is None:
            self._agent_context = AgentContext.from_tutor(self.ctx)
        return self._agent_context

    def _thread_for(self, student_id: int | None, thread_id: str | None) -> str:
        if thread_id:
            return thread_id
        if student_id is not None and self.ctx is not None:
            from tutor import repo

            with self.ctx.session() as s:
                latest = repo.latest_tutor_session(session=s, student_id=student_id)
                if latest is not None:
                    return latest.thread_id
        return uuid.uuid4().hex

    async def asend(
        self, student_id: int | None, text: str, thread_id: str | None = None, *, mode: str | None = None,
        problem: Any = None, language: str | None = None,
    ) -> AsyncIterator[Event]:
        """Send a student message; yield draft tokens, status and the final verified Reply.

        The reply is in the message's own language when that is clear (Chinese characters, English words), else
        in ``language``: by default the student's preferred one, without a student ``TUTOR_LANGUAGE``.
        """
        if mode is not None and mode not in MODES:
            # The answer guard tests mode == "socratic": a misspelt mode must not quietly switch it off.
            raise ValidationError(f"unknown tutoring mode {mode!r}; use one of: {', '.join(MODES)}")
        graph = await self._ensure()
        tid = await asyncio.to_thread(self._thread_for, student_id, thread_id)
        update: dict[str, Any] = {"messages": [HumanMessage(content=text)], "student_id": student_id,
                                  "language": language or await asyncio.to_thread(self._language_of, student_id)}
        if mode is not None:
            update["mode"] = mode
        if problem is not None:
            update.update(self._problem_update(problem))
        config = {"configurable": {"thread_id": tid}}
        final: dict[str, Any] | None = None
        async for kind, data in graph.astream(update, config, context=self.agent_context,
                                              stream_mode=["custom", "values"]):
            if kind == "custom" and data.get("type") == "token":
                yield Event("token", text=data["text"])
            elif kind == "custom" and data.get("type") == "checked":
                for claim in data["claims"]:
                    yield Event("checked", text=claim)
            elif kind == "custom" and data.get("type") == "status":
                yield Event("status", text=data["text"], kind=data.get("kind", ""))
            elif kind == "values" and data.get("reply"):
                final = data["reply"]
        if final is None:
            raise RuntimeError("the tutor graph finished without a reply")
        reply = Reply.from_state(final)
        reply.thread_id = tid
        yield Event("final", text=reply.text, reply=reply)

    def _language_of(self, student_id: int | None) -> str:
        """The student's preferred language (``TUTOR_LANGUAGE`` without a student or a database)."""
        from tutor.i18n import env_language, normalise

        if student_id is not None and getattr(self.ctx, "session", None) is not None:
            from tutor.models import User

            with self.ctx.session() as s:
                user = s.get(User, student_id)
                if user is not None:
                    return normalise(user.language)
        return env_language()

    def _problem_update(self, problem: Any) -> dict[str, Any]:
        if not isinstance(problem, dict):
            plugins = self.agent_context.plugins
            if plugins is not None:
                from agents.nodes import with_hints

                problem = problem_ref(with_hints(plugins, problem), plugins.plugin_of(problem.skill_id))
            else:
                problem = problem_ref(problem)
        return {"problem": problem, "attempts": 0, "solved": False, "hint_level": 0}

    async def aask(self, student_id: int | None, text: str, thread_id: str | None = None, **kw: Any) -> Reply:
        """Send a message and return only the final Reply."""
        reply = None
        async for event in self.asend(student_id, text, thread_id, **kw):
            if event.type == "final":
                reply = event.reply
        assert reply is not None
        return reply

    async def astart_problem(self, student_id: int | None, problem: Any, thread_id: str | None = None) -> str:
        """Make ``problem`` (a plugin Problem) the thread's current problem; returns the thread id."""
        graph = await self._ensure()
        tid = await asyncio.to_thread(self._thread_for, student_id, thread_id)
        update = self._problem_update(problem)
        from agents import prompts

        language = await asyncio.to_thread(self._language_of, student_id)
        update |= {
            "student_id": student_id,
            "messages": [AIMessage(content=prompts.say(language, prompts.NEW_PROBLEM,
                                                       statement=update["problem"]["statement"]))],
        }
        await graph.aupdate_state({"configurable": {"thread_id": tid}}, update, as_node="finalize")
        return tid

    async def ahistory(self, thread_id: str) -> list[tuple[str, str]]:
        """The thread's messages as (role, text), read from the checkpointer."""
        graph = await self._ensure()
        snapshot = await graph.aget_state({"configurable": {"thread_id": thread_id}})
        msgs = (snapshot.values or {}).get("messages", [])
        return [("student" if isinstance(m, HumanMessage) else "tutor", str(m.content)) for m in msgs]

    async def aclose(self) -> None:
        if self._cm is not None:
            await self._cm.__aexit__(None, None, None)
            self._cm = None
        self._graph = None

    # ------------------------------------------------------------------ sync API
    def _runner(self) -> _LoopThread:
        with self._lock:
            if self._loop is None:
                self._loop = _LoopThread()
            return self._loop

    def send(self, student_id: int | None, text: str, thread_id: str | None = None, **kw: Any) -> Iterator[Event]:
        """Synchronous :meth:`asend`: an iterator of events, produced while the graph runs."""
        runner = self._runner()
        events: queue.Queue[Any] = queue.Queue()
        done = object()

        async def pump() -> None:
            try:
                async for event in self.asend(student_id, text, thread_id, **kw):
                    events.put(event)
            except BaseException as exc:  # handed to the consuming thread
                events.put(exc)
            finally:
                events.put(done)

        asyncio.run_coroutine_threadsafe(pump(), runner.loop)
        while (item := events.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item

    def ask(self, student_id: int | None, text: str, thread_id: str | None = None, **kw: Any) -> Reply:
        """Synchronous :meth:`aask`."""
        return self._runner().run(self.aask(student_id, text, thread_id, **kw))

    def start_problem(self, student_id: int | None, problem: Any, thread_id: str | None = None) -> str:
        return self._runner().run(self.astart_problem(student_id, problem, thread_id))

    def history(self, thread_id: str) -> list[tuple[str, str]]:
        return self._runner().run(self.ahistory(thread_id))

    def close(self) -> None:
        if self._loop is not None:
            self._loop.run(self.aclose())
            self._loop.stop()
            self._loop = None


_shared: _LoopThread | None = None
_shared_lock = threading.Lock()


def _shared_loop() -> _LoopThread:
    """One background event loop per process for planning, started on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = _LoopThread()
        return _shared


def plan_lesson(ctx: Any, student_id: int, seed: int | None = None, *, agent_context: AgentContext | None = None):
    """Plan and store a lesson for a student (synchronous); returns ``agents.planner.PlanResult``.

    Runs on one long-lived background loop, so a page that plans many lessons does not start a thread each time.
    """
    from agents.planner import aplan_lesson

    return _shared_loop().run(aplan_lesson(ctx, student_id, seed=seed, agent_context=agent_context))
