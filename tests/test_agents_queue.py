"""Issue 14: one model serves every student in turn; a student who has to wait is told so, not left staring."""

from __future__ import annotations

import threading

import pytest
from langchain_core.messages import HumanMessage
from langgraph.checkpoint.memory import InMemorySaver

from agents import prompts
from agents.tutor import build_graph
from tests.test_agents_support import make_context, pot
from tutor.llm.fake import FakeChatModel
from tutor.llm.shared import SerializedChatModel


def test_the_shared_model_counts_who_is_in_line():
    gate, started = threading.Event(), threading.Event()

    class Slow(FakeChatModel):
        def stream(self, messages, params=None):
            started.set()
            gate.wait(10)
            yield from super().stream(messages, params)

    model = SerializedChatModel(Slow("first", "second"))
    assert model.queue_ahead() == 0
    first = threading.Thread(target=lambda: model.complete([]))
    first.start()
    started.wait(5)
    assert model.queue_ahead() == 1  # one generation running
    second = threading.Thread(target=lambda: model.complete([]))
    second.start()
    for _ in range(100):
        if model.queue_ahead() == 2:
            break
        threading.Event().wait(0.01)
    assert model.queue_ahead() == 2  # and one waiting
    gate.set()
    first.join(5)
    second.join(5)
    assert model.queue_ahead() == 0


@pytest.mark.asyncio
async def test_a_student_waiting_for_the_model_sees_a_queue_status(settings):
    gate = threading.Event()

    class Busy(FakeChatModel):
        def stream(self, messages, params=None):
            gate.wait(10)
            yield from super().stream(messages, params)

    model = SerializedChatModel(Busy("Someone else's reply.", "5 + 3 = 8. The answer is 8.", pot("5 + 3"),
                                     pot("5 + 3")))
    other = threading.Thread(target=lambda: model.complete([]))  # another student's reply holds the model
    other.start()
    while model.queue_ahead() == 0:
        threading.Event().wait(0.01)
    statuses = []
    graph = build_graph(checkpointer=InMemorySaver())
    threading.Timer(0.5, gate.set).start()
    async for kind, data in graph.astream(
            {"messages": [HumanMessage(content="Sam has 5 marbles and wins 3 more. How many now?")]},
            {"configurable": {"thread_id": "q"}}, context=make_context(settings, model),
            stream_mode=["custom", "values"]):
        if kind == "custom" and data["type"] == "status":
            statuses.append(data["text"])
    other.join(5)
    assert prompts.say("en", prompts.STATUS_QUEUED, n=1) in statuses


@pytest.mark.asyncio
async def test_a_reply_shows_progress_before_the_model_has_read_its_prompt(settings):
    """Issue 14: the first thing a student sees comes at once ("Writing the explanation"), not after the ~2 s the
    model takes to read its prompt; a question SymPy settles shows SymPy's result instead."""
    async def first_event(question: str, thread: str) -> tuple[str, str]:
        model = FakeChatModel("5 + 3 = 8. The answer is 8.", pot("5 + 3"), pot("5 + 3"))
        graph = build_graph(checkpointer=InMemorySaver())
        async for kind, data in graph.astream(
                {"messages": [HumanMessage(content=question)]}, {"configurable": {"thread_id": thread}},
                context=make_context(settings, model), stream_mode=["custom", "values"]):
            if kind == "custom" and data["type"] in ("status", "token"):
                return data["type"], data["text"]
        return "", ""

    assert await first_event("Sam has 5 marbles and wins 3 more. How many now?", "w") == (
        "status", prompts.say("en", prompts.STATUS_WRITING))
    kind, text = await first_event("What is 5 + 3?", "s")
    assert kind == "status" and text == prompts.say("en", prompts.STATUS_SYMPY, answer="8")
