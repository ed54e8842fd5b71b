"""The protocol, the fake, history trimming, the shared model's lock and the LangChain adapter (no weights)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage

from tutor.errors import ModelError
from tutor.llm import ChatMessage, ChatModel, GenerationParams, as_messages, trim_history
from tutor.llm.base import cut_at_stops
from tutor.llm.fake import FakeChatModel
from tutor.llm.langchain import TutorChatModel
from tutor.llm.shared import SerializedChatModel, forget_shared_models, is_loaded, shared_model

SYS = ChatMessage("system", "You are a tutor.")


def words(m: ChatMessage) -> int:
    return len(m.content.split())


def test_fake_streams_enqueued_replies_and_records_history():
    fake = FakeChatModel().enqueue("Two plus three is five.", ["4", "2"])
    assert isinstance(fake, ChatModel)
    assert list(fake.stream([ChatMessage("user", "2+3?")])) == ["Two", " plus", " three", " is", " five."]
    assert fake.complete([ChatMessage("user", "6*7?")], GenerationParams(seed=3)) == "42"
    assert [c.messages[0].content for c in fake.history] == ["2+3?", "6*7?"]
    assert fake.history[1].params.seed == 3


def test_fake_without_reply_raises_instead_of_inventing_one():
    with pytest.raises(ModelError, match="none is enqueued"):
        FakeChatModel().complete([ChatMessage("user", "hi")])


def test_fake_raises_enqueued_error_and_honours_stop_and_max_tokens():
    fake = FakeChatModel(ModelError("server down"), "a b c d e", "x STOP y")
    with pytest.raises(ModelError, match="server down"):
        fake.complete([ChatMessage("user", "q")])
    assert fake.complete([ChatMessage("user", "q")], GenerationParams(max_tokens=2)) == "a b"
    assert fake.complete([ChatMessage("user", "q")], GenerationParams(stop=("STOP",))) == "x "


def test_bad_roles_and_params_are_refused_with_the_options():
    with pytest.raises(ModelError, match="system, user, assistant"):
        ChatMessage("robot", "hi")
    with pytest.raises(ModelError, match="max_tokens"):
        GenerationParams(max_tokens=0)
    with pytest.raises(ModelError):
        as_messages([])
    assert as_messages([("user", "a"), {"role": "assistant", "content": "b"}])[1] == ChatMessage("assistant", "b")


def test_trim_history_drops_oldest_turns_but_never_the_system_prompt():
    history = [SYS] + [ChatMessage("user" if i % 2 == 0 else "assistant", f"turn {i} " * 5) for i in range(10)]
    trimmed = trim_history(history, words, budget=4 + 10 * 3)
    assert trimmed[0] == SYS
    assert trimmed[-1] == history[-1]
    assert len(trimmed) == 4  # system + the three newest turns
    assert trimmed[1:] == history[-3:]


def test_trim_history_keeps_everything_that_fits():
    history = [SYS, ChatMessage("user", "hi")]
    assert trim_history(history, words, budget=100) == history


def test_prompt_longer_than_context_is_a_clear_error():
    with pytest.raises(ModelError, match="context window"):
        trim_history([SYS, ChatMessage("user", "word " * 500)], words, budget=100)


@pytest.mark.parametrize(
    ("pieces", "stops", "expected"),
    [
        (["Hello", " wor", "ld"], ("wor",), "Hello "),
        (["ab", "c<", "|e", "nd|>", "zz"], ("<|end|>",), "abc"),
        (["no ", "stop ", "here"], ("###",), "no stop here"),
        (["x"], (), "x"),
    ],
)
def test_stop_sequences_split_over_pieces_never_leak(pieces, stops, expected):
    assert "".join(cut_at_stops(iter(pieces), stops)) == expected


class SlowModel(FakeChatModel):
    """Records which generation each token belongs to, with a pause between tokens."""

    def __init__(self, log):
        super().__init__()
        self.log = log

    def stream(self, messages, params=None):
        tag = messages[-1].content
        for i in range(5):
            self.log.append(tag)
            time.sleep(0.005)
            yield f"{tag}{i} "


def test_shared_model_never_interleaves_generations():
    log: list[str] = []
    model = SerializedChatModel(SlowModel(log))
    threads = [
        threading.Thread(target=lambda t=t: model.complete([ChatMessage("user", t)])) for t in ("A", "B", "C", "D")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    runs = "".join(log)
    assert sorted(runs) == sorted("ABCD" * 5)
    # Each generation's tokens are contiguous: ``AAAAABBBBB…`` in some order.
    assert all(runs.count(tag * 5) == 1 for tag in "ABCD"), runs


def test_abandoned_stream_releases_the_shared_model():
    model = SerializedChatModel(FakeChatModel("one two three", "again"))
    stream = model.stream([ChatMessage("user", "q")])
    next(stream)
    assert model.lock.locked()
    stream.close()
    assert not model.lock.locked()
    assert model.complete([ChatMessage("user", "q")]) == "again"


def test_shared_model_loads_once_per_process(settings, monkeypatch):
    calls = []

    def fake_load(s):
        calls.append(s)
        time.sleep(0.05)
        return FakeChatModel("hi")

    monkeypatch.setattr("tutor.llm.factory.load_model", fake_load)
    forget_shared_models()
    try:
        assert not is_loaded(settings)
        seen, messages = [], []
        threads = [threading.Thread(target=lambda: seen.append(shared_model(settings, messages.append))) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        assert len(calls) == 1 and len({id(m) for m in seen}) == 1
        assert messages == ["Loading the language model (llama_cpp)…"]
        assert is_loaded(settings)
        assert isinstance(seen[0], SerializedChatModel)
    finally:
        forget_shared_models()


def test_context_llm_is_the_shared_model(ctx, monkeypatch):
    monkeypatch.setattr("tutor.llm.factory.load_model", lambda s: FakeChatModel("hello"))
    forget_shared_models()
    try:
        assert ctx.llm is shared_model(ctx.settings)
        assert ctx.llm.complete([ChatMessage("user", "hi")]) == "hello"
    finally:
        forget_shared_models()


def test_missing_model_file_says_how_to_install(settings):
    from tutor.llm import load_model

    with pytest.raises(ModelError, match="tutor model install default"):
        load_model(settings)


# LangChain adapter


def test_langchain_invoke_maps_roles_and_params():
    fake = FakeChatModel("Five.")
    chat = TutorChatModel(model=fake, max_tokens=64, temperature=0.0, seed=7)
    reply = chat.invoke([SystemMessage("Be brief."), HumanMessage("2+3?"), AIMessage("Let me see."), HumanMessage("?")])
    assert isinstance(reply, AIMessage) and reply.content == "Five."
    call = fake.history[0]
    assert [m.role for m in call.messages] == ["system", "user", "assistant", "user"]
    assert (call.params.max_tokens, call.params.temperature, call.params.seed) == (64, 0.0, 7)


def test_langchain_stream_yields_tokens_and_passes_stop():
    fake = FakeChatModel("one two three four")
    chunks = [c.content for c in TutorChatModel(model=fake).stream("count", stop=["three"])]
    assert "".join(chunks) == "one two "
    assert len([c for c in chunks if c]) == 3
    assert fake.history[0].params.stop == ("three",)


def test_langchain_refuses_tool_messages():
    with pytest.raises(ModelError, match="tool"):
        TutorChatModel(model=FakeChatModel("x")).invoke([ToolMessage("r", tool_call_id="1")])


@pytest.mark.asyncio
async def test_langchain_astream_streams_without_blocking_the_event_loop():
    chat = TutorChatModel(model=SerializedChatModel(SlowModel([])))
    ticks = 0

    async def ticker():
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.001)

    task = asyncio.create_task(ticker())
    chunks = [c.content async for c in chat.astream("Z")]
    task.cancel()
    assert "".join(chunks) == "Z0 Z1 Z2 Z3 Z4 "
    assert ticks >= 5  # the loop kept running while tokens were produced


@pytest.mark.asyncio
async def test_langchain_ainvoke_and_errors_surface():
    chat = TutorChatModel(model=FakeChatModel("async reply", ModelError("boom")))
    assert (await chat.ainvoke("hi")).content == "async reply"
    with pytest.raises(ModelError, match="boom"):
        await chat.ainvoke("hi")


@pytest.mark.asyncio
async def test_langchain_astream_stopped_early_frees_the_shared_model():
    model = SerializedChatModel(SlowModel([]))
    chat = TutorChatModel(model=model)
    agen = chat.astream("Q")
    first = await agen.__anext__()
    assert first.content == "Q0 "
    await agen.aclose()
    for _ in range(200):
        if not model.lock.locked():
            break
        await asyncio.sleep(0.01)
    assert not model.lock.locked()


def test_docs_state_the_pinned_checksums_and_provenance():
    from pathlib import Path

    from tutor.llm.catalog import CATALOG

    doc = (Path(__file__).resolve().parents[1] / "docs" / "models.md").read_text()
    for entry in CATALOG.values():
        assert entry.sha256 in doc and f"{entry.size:,}" in doc and entry.licence in doc
        assert entry.packages[0] in doc and entry.version in doc
