"""complete_many: the protocol's default, the shared model's lock over a batch, the OpenAI client's
concurrent requests, and the re-solve's rounds (no weights; the llama.cpp batch is in test_llm_batch_real.py)."""

from __future__ import annotations

import threading
import time

import pytest

from agents.resolve import POT_FACTS_SYSTEM, POT_SYSTEM, resolve
from tests.test_agents_support import fake_run_code, pot
from tutor.llm import ChatMessage, ChatModel, GenerationParams
from tutor.llm.fake import FakeChatModel
from tutor.llm.openai import OpenAIChatModel
from tutor.llm.shared import SerializedChatModel
from tutor.verify import compare_answers

Q = [ChatMessage("user", "go")]


def test_default_complete_many_answers_in_request_order_with_each_requests_stops_and_limit():
    fake = FakeChatModel("one two three four", "alpha beta. gamma", "x y z")
    assert isinstance(fake, ChatModel)
    replies = fake.complete_many([
        (Q, GenerationParams(max_tokens=2)),
        ([ChatMessage("user", "second")], GenerationParams(stop=(".",))),
        (Q, None),
    ])
    assert replies == ["one two", "alpha beta", "x y z"]
    assert [c.messages[0].content for c in fake.history] == ["go", "second", "go"]
    assert [c.params.max_tokens for c in fake.history] == [2, 512, 512]
    assert fake.decodes_batches is False


class BatchFake(FakeChatModel):
    """A fake that says it batches and records each complete_many call."""

    decodes_batches = True

    def __init__(self, *replies, **kw):
        super().__init__(*replies, **kw)
        self.batches: list[int] = []
        self.during: list[bool] = []
        self.owner = None

    def complete_many(self, requests, on_token=None, on_end=None):
        self.batches.append(len(requests))
        if self.owner is not None:
            self.during.append(self.owner.lock.locked())
            time.sleep(0.2)  # long enough for a concurrent stream to try to start
        return super().complete_many(requests, on_token, on_end)


def test_serialized_model_holds_its_lock_for_the_whole_batch():
    inner = BatchFake("a b", "c d", "e f")
    shared = SerializedChatModel(inner)
    inner.owner = shared
    assert shared.decodes_batches is True
    order: list[str] = []

    def other():
        time.sleep(0.05)  # the batch has the lock by now
        order.append("stream " + "".join(shared.stream(Q)))

    t = threading.Thread(target=other)
    t.start()
    order.append("batch " + "|".join(shared.complete_many([(Q, None), (Q, None)])))
    t.join(5)
    assert inner.batches == [2] and inner.during == [True]
    assert order == ["batch a b|c d", "stream e f"]  # the stream waited for the batch to end
    assert not shared.lock.locked()


def test_serialized_model_forwards_a_plain_models_flag():
    assert SerializedChatModel(FakeChatModel()).decodes_batches is False


def test_openai_client_sends_a_batch_concurrently_and_answers_in_order():
    barrier = threading.Barrier(3, timeout=5)  # fails unless all three requests are in flight together

    class Concurrent(OpenAIChatModel):
        def complete(self, messages, params=None):
            barrier.wait()
            time.sleep(0.01 * int(messages[0].content))  # finish out of order
            return f"reply {messages[0].content}"

    model = Concurrent("http://127.0.0.1:9/v1", retries=1)
    try:
        assert model.decodes_batches is True
        requests = [([ChatMessage("user", str(n))], None) for n in (3, 1, 2)]
        assert model.complete_many(requests) == ["reply 3", "reply 1", "reply 2"]
    finally:
        model.close()


def test_openai_batch_passes_each_requests_params_through_complete():
    seen = []

    class Recording(OpenAIChatModel):
        def complete(self, messages, params=None):
            seen.append(params)
            return "ok"

    model = Recording("http://127.0.0.1:9/v1", retries=1)
    params = [GenerationParams(max_tokens=5, stop=("\n```\n",), temperature=0), GenerationParams(max_tokens=7)]
    assert model.complete_many([(Q, p) for p in params]) == ["ok", "ok"]
    assert sorted(seen, key=lambda p: p.max_tokens) == params
    model.close()


@pytest.mark.asyncio
async def test_resolve_on_a_batching_model_generates_rounds_of_one_sample_per_family():
    llm = BatchFake(pot("1"), pot("2"), pot("1"), pot("1"))
    res = await resolve("Q?", llm=llm, run_code=fake_run_code, samples=4, candidate="1", compare=compare_answers)
    assert llm.batches == [2, 2]
    assert [c.messages[0].content for c in llm.history] == [POT_SYSTEM, POT_FACTS_SYSTEM] * 2
    assert [c.params.temperature for c in llm.history] == [0.0, 0.0, 0.7, 0.7]
    assert [c.params.seed for c in llm.history] == [0, 1, 2, 3]
    assert all(c.params.stop == ("\n```\n",) and c.params.max_tokens == 400 for c in llm.history)
    assert [s["family"] for s in res.samples] == ["plain", "facts", "plain", "facts"]
    assert res.answer == "1" and res.votes == {"1": 3, "2": 1}


@pytest.mark.asyncio
async def test_resolve_stops_after_the_first_round_when_it_settles():
    llm = BatchFake(pot("15"), pot("15"))
    res = await resolve("Q?", llm=llm, run_code=fake_run_code, samples=4, candidate="15", compare=compare_answers)
    assert llm.batches == [2] and res.votes == {"15": 2}


@pytest.mark.asyncio
async def test_a_rounds_later_sample_is_dropped_when_an_earlier_one_settles_the_vote():
    # 8, 8, 15 against the candidate 15 is decided after three programs (as one at a time);
    # the fourth was generated in the same round but must not change the Resolution.
    replies = [pot("8"), pot("8"), pot("15"), pot("15")]
    batched = BatchFake(*replies)
    one_by_one = FakeChatModel(*replies[:3])
    got = [await resolve("Q?", llm=llm, run_code=fake_run_code, samples=4, candidate="15", compare=compare_answers)
           for llm in (batched, one_by_one)]
    assert batched.batches == [2, 2] and len(one_by_one.history) == 3
    assert got[0] == got[1]
    assert got[0].votes == {"8": 2, "15": 1} and len(got[0].samples) == 3


@pytest.mark.asyncio
async def test_resolve_with_an_odd_sample_count_asks_for_a_last_round_of_one():
    llm = BatchFake(pot("3"), pot("4"), pot("3"))
    res = await resolve("Q?", llm=llm, run_code=fake_run_code, samples=3)
    assert llm.batches == [2, 1]
    assert res.answer == "3" and res.votes == {"3": 2, "4": 1}


def test_on_token_hears_each_reply_as_it_comes_and_can_stop_one():
    fake = FakeChatModel("one two three four", "alpha beta gamma")
    heard: list[tuple[int, str]] = []

    def listen(i, piece):
        heard.append((i, piece))
        return i == 0 and piece.strip() == "two"  # enough of the first reply

    assert fake.complete_many([(Q, None), (Q, None)], on_token=listen) == ["one two", "alpha beta gamma"]
    assert [p for i, p in heard if i == 0] == ["one", " two"]
    assert "".join(p for i, p in heard if i == 1) == "alpha beta gamma"


def test_the_shared_model_and_the_openai_client_pass_on_token_through():
    shared = SerializedChatModel(BatchFake("a b", "c d"))
    heard: list[tuple[int, str]] = []
    assert shared.complete_many([(Q, None), (Q, None)], on_token=lambda i, p: heard.append((i, p))) == ["a b", "c d"]
    assert "".join(p for i, p in heard if i == 1) == "c d"

    class Streaming(OpenAIChatModel):
        def stream(self, messages, params=None):
            yield from ("x", "y", "z")

    model = Streaming("http://127.0.0.1:9/v1", retries=1)
    heard.clear()
    assert model.complete_many([(Q, None), (Q, None)], on_token=lambda i, p: i == 1 and p == "y") == ["xyz", "xy"]
    model.close()


@pytest.mark.asyncio
async def test_complete_together_streams_one_request_and_stops_it_while_the_others_finish():
    from agents.llm_io import complete_together

    llm = BatchFake(pot("1"), "Line one.\nLine two.\nLine three.", name="fake")
    shown: list[str] = []
    program, draft = await complete_together(
        llm, [([{"role": "user", "content": "p"}], GenerationParams()),
              ([{"role": "user", "content": "d"}], GenerationParams())],
        watch=1, on_token=shown.append, stop_when=lambda text: "two." in text)
    assert program == pot("1") and llm.batches == [2]
    assert draft == "".join(shown) and draft.endswith("two.") and "three" not in draft


@pytest.mark.asyncio
async def test_a_word_problems_first_draft_is_batched_with_the_first_round_of_programs(settings):
    """Issue 14: the draft and the re-solve's first round in one batch; the programs are run, not written again."""
    from langchain_core.messages import HumanMessage
    from langgraph.checkpoint.memory import InMemorySaver

    from agents.tutor import build_graph
    from tests.test_agents_support import make_context

    llm = BatchFake(pot("5 + 3"), pot("5 + 3"), "5 + 3 = 8. The answer is 8.")
    context = make_context(settings, llm)
    out = await build_graph(checkpointer=InMemorySaver()).ainvoke(
        {"messages": [HumanMessage(content="Mia has 5 pens and buys 3 more. How many pens?")]},
        {"configurable": {"thread_id": "b"}}, context=context)
    reply = out["reply"]
    assert llm.batches == [3] and llm.pending == 0  # one batch: two programs and the draft, nothing after
    assert [c.messages[0].content for c in llm.history][:2] == [POT_SYSTEM, POT_FACTS_SYSTEM]
    assert reply["status"] == "verified" and reply["text"] == "5 + 3 = 8. The answer is 8."
    assert out["reference"]["votes"] == {"8": 2}


@pytest.mark.asyncio
async def test_a_refuted_batched_draft_is_repaired_and_judged_by_the_programs_already_written(settings):
    from langchain_core.messages import HumanMessage
    from langgraph.checkpoint.memory import InMemorySaver

    from agents.tutor import build_graph
    from tests.test_agents_support import make_context

    llm = BatchFake(pot("5 + 3"), pot("5 + 3"), "5 + 3 = 9. The answer is 9.", "5 + 3 = 8. The answer is 8.")
    out = await build_graph(checkpointer=InMemorySaver()).ainvoke(
        {"messages": [HumanMessage(content="Mia has 5 pens and buys 3 more. How many pens?")]},
        {"configurable": {"thread_id": "r"}}, context=make_context(settings, llm))
    assert llm.batches == [3] and llm.pending == 0  # the repair is one draft; no program written twice
    assert out["reply"]["status"] == "verified" and out["reply"]["tries"] == 2


@pytest.mark.asyncio
async def test_priming_decodes_the_prompts_a_first_word_problem_starts_with(settings):
    """Issue 14, item 3: the first word problem after a start decoded ~450 prompt tokens of fixed instructions
    (ej010: 13.6 s). ``prime`` decodes them once beforehand, in the batch positions the first round uses (the
    batch context keeps each sequence's prompt) and, for a question SymPy settles, on the main context."""
    from langchain_core.messages import HumanMessage
    from langgraph.checkpoint.memory import InMemorySaver

    from agents.tutor import build_graph, prime
    from tests.test_agents_support import make_context

    llm = BatchFake("x", "x", "x", "x", pot("5 + 3"), pot("5 + 3"), "5 + 3 = 8. The answer is 8.")
    context = make_context(settings.replace(model_backend="llama_cpp"), llm)
    assert prime(context) is True
    primed = llm.history[:4]
    assert llm.batches[0] == 3 and primed[3].params.max_tokens == 1
    await build_graph(checkpointer=InMemorySaver()).ainvoke(
        {"messages": [HumanMessage(content="Mia has 5 pens and buys 3 more. How many pens?")]},
        {"configurable": {"thread_id": "p"}}, context=context)
    first_round = llm.history[4:7]
    assert llm.batches == [3, 3]
    # the same instructions in the same sequences: all but the question is reused
    assert [c.messages[0].content for c in primed[:3]] == [c.messages[0].content for c in first_round]
    # sized as the first round is: the batch context is made once, not again (empty) for the first real batch
    assert [c.params.max_tokens for c in primed[:3]] == [c.params.max_tokens for c in first_round]
    assert [c.messages[-1].content.split(":")[0] for c in primed[:2]] == ["Problem"] * 2
    settled = primed[3].messages[0].content
    assert settled.startswith(first_round[2].messages[0].content.split("\n")[0])  # the tutor's system prompt
    assert "computer algebra system" in settled


def test_priming_is_for_a_local_batching_model_only(settings):
    from agents.tutor import prime
    from tests.test_agents_support import make_context

    plain = FakeChatModel()
    assert prime(make_context(settings.replace(model_backend="llama_cpp"), plain)) is False
    server = BatchFake()
    assert prime(make_context(settings.replace(model_backend="openai"), server)) is False  # it caches on its own
    assert plain.history == [] and server.history == []


def test_a_chat_primes_once_and_a_failed_priming_costs_nothing_else(settings):
    from agents.service import TutorChat
    from tests.test_agents_support import make_context

    class Broken(BatchFake):
        def complete_many(self, requests, on_token=None, on_end=None):
            raise RuntimeError("llama_decode returned -1")

    chat = TutorChat(None, agent_context=make_context(settings.replace(model_backend="llama_cpp"), Broken()))
    assert chat.prime("en") is False  # logged, not raised: the first question just starts cold
    assert chat.prime("en") is False and chat._primed
    ok = BatchFake("x", "x", "x", "x")
    chat = TutorChat(None, agent_context=make_context(settings.replace(model_backend="llama_cpp"), ok))
    assert chat.prime("en") is True and chat.prime("en") is False and len(ok.history) == 4


def test_on_end_hears_each_reply_whole_as_it_ends_through_the_default_the_shared_model_and_the_openai_client():
    ended: list[tuple[int, str]] = []
    fake = FakeChatModel("one two three", "alpha beta")
    replies = fake.complete_many([(Q, GenerationParams(max_tokens=2)), (Q, None)],
                                 on_end=lambda i, r: ended.append((i, r)))
    assert ended == list(enumerate(replies)) and replies == ["one two", "alpha beta"]
    ended.clear()
    shared = SerializedChatModel(BatchFake("a b", "c d"))
    assert shared.complete_many([(Q, None), (Q, None)], on_end=lambda i, r: ended.append((i, r))) == ["a b", "c d"]
    assert ended == [(0, "a b"), (1, "c d")]

    class Streaming(OpenAIChatModel):
        def stream(self, messages, params=None):
            yield from ("x", "y")

    ended.clear()
    model = Streaming("http://127.0.0.1:9/v1", retries=1)
    assert model.complete_many([(Q, None), (Q, None)], on_end=lambda i, r: ended.append((i, r))) == ["xy", "xy"]
    assert sorted(ended) == [(0, "xy"), (1, "xy")]
    model.close()


class RaceFake(FakeChatModel):
    """A batching model whose first reply ends at once while the second is still being written, piece by piece,
    for as long as ``on_token`` lets it (as llama.cpp's batch decoder runs a short and a long program)."""

    decodes_batches = True

    def __init__(self, first: str, second: str):
        super().__init__()
        self.first, self.second = first, second
        self.written: list[int] = []

    def complete_many(self, requests, on_token=None, on_end=None):
        if len(requests) == 1:
            return super().complete_many(requests, on_token, on_end)
        if on_end is not None:
            on_end(0, self.first)
        parts = []
        for piece in self.second.splitlines(keepends=True):
            parts.append(piece)
            if on_token is not None and on_token(1, piece):
                break
            time.sleep(0.01)
        self.written.append(len(parts))
        second = "".join(parts)
        if on_end is not None:
            on_end(1, second)
        return [self.first, second]


@pytest.mark.asyncio
async def test_a_round_stops_writing_its_later_program_once_the_earlier_one_settles_the_vote():
    # One program already agreed with the candidate 15 and one gave nothing: the next round's first program
    # agreeing settles it (2 votes to 0), so the round's second program is stopped while it is being written.
    long_program = "```python\n" + "".join(f"x{i} = {i}\n" for i in range(300)) + "result = 8\nprint(result)\n```"
    llm = RaceFake(pot("15"), long_program)
    res = await resolve("Q?", llm=llm, run_code=fake_run_code, samples=4, candidate="15", compare=compare_answers,
                        prior=["15", None])
    assert res.votes == {"15": 2} and res.answers == ["15", None, "15"]
    assert llm.written and llm.written[0] < 300  # stopped early, not written to its end
    # the same replies one at a time give the same Resolution
    again = await resolve("Q?", llm=FakeChatModel(pot("15")), run_code=fake_run_code, samples=4, candidate="15",
                          compare=compare_answers, prior=["15", None])
    assert (again.votes, again.answers) == (res.votes, res.answers)


@pytest.mark.asyncio
async def test_a_round_whose_earlier_program_does_not_settle_writes_the_later_one_to_its_end():
    # Two programs gave nothing; one more agreeing with 15 cannot verify it alone (2 votes are needed), so the
    # round's second program is written whole and settles it.
    long_program = "```python\n" + "".join(f"x{i} = {i}\n" for i in range(40)) + "result = 15\nprint(result)\n```"
    llm = RaceFake(pot("15"), long_program)
    res = await resolve("Q?", llm=llm, run_code=fake_run_code, samples=4, candidate="15", compare=compare_answers,
                        prior=[None, None])
    assert llm.written == [len(long_program.splitlines())]
    assert res.answers == [None, None, "15", "15"] and res.votes == {"15": 2}
