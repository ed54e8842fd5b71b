"""Issue 14 (do less): a draft stops being generated once its verdict cannot change."""

from __future__ import annotations

import pytest
from langchain_core.messages import HumanMessage
from langgraph.checkpoint.memory import InMemorySaver

from agents.llm_io import complete
from agents.tutor import DraftWatch, build_graph
from tests.test_agents_support import make_context
from tutor import verify
from tutor.llm.fake import FakeChatModel


async def streamed(graph, context, text):
    tokens, reply = [], None
    async for kind, data in graph.astream({"messages": [HumanMessage(content=text)]},
                                          {"configurable": {"thread_id": "e"}}, context=context,
                                          stream_mode=["custom", "values"]):
        if kind == "custom" and data["type"] == "token":
            tokens.append(data["text"])
        if kind == "values" and data.get("reply"):
            reply = data["reply"]
    return "".join(tokens), reply


@pytest.mark.asyncio
async def test_a_draft_stops_at_its_first_false_line_and_is_repaired(settings):
    wrong = "3/4 + 1/6 = 4/12\n" + "This line is never generated. " * 30 + "The answer is 4/12."
    right = "3/4 + 1/6 = 9/12 + 2/12 = 11/12\nThe answer is 11/12."
    llm = FakeChatModel(wrong, right)
    tokens, reply = await streamed(build_graph(checkpointer=InMemorySaver()), make_context(settings, llm),
                                   "What is 3/4 + 1/6?")
    assert "never generated" not in tokens  # the model was stopped after the false line
    assert reply["text"] == right and reply["status"] == "verified"
    assert reply["caught"][0]["claim"].replace(" ", "") == "3/4+1/6=4/12"


@pytest.mark.asyncio
async def test_a_model_repeating_itself_is_stopped_and_the_loop_not_shown(settings):
    loop = "3/4 + 1/6 = 9/12 + 2/12 = 11/12\n" + "这是一个正规的计算方法。\n" * 40 + "答案是11/12。"
    llm = FakeChatModel(loop, "unused")
    tokens, reply = await streamed(build_graph(checkpointer=InMemorySaver()), make_context(settings, llm),
                                   "计算 3/4 + 1/6")
    assert tokens.count("这是一个正规的计算方法") == 3  # stopped at the third time
    assert reply["text"].count("这是一个正规的计算方法") <= 1


@pytest.mark.asyncio
async def test_a_right_draft_is_generated_to_its_end():
    text = "First, 3 + 4 = 7.\nThen 7 x 2 = 14.\nThe answer is 14."
    out = await complete(FakeChatModel(text), [{"role": "user", "content": "q"}],
                         stop_when=DraftWatch(verify.check_text))
    assert out == text


def test_a_line_misread_alone_does_not_stop_the_draft():
    """A refutation must also hold in the whole text so far, as verify will read it."""
    calls = []

    def check_text(text):
        calls.append(text)
        status = "refuted" if text == "= 7\n" else "verified"
        return [type("C", (), {"status": status})()]

    watch = DraftWatch(check_text)
    assert watch("x = 3 + 4\n") is False
    assert watch("x = 3 + 4\n= 7\n") is False  # the chunk alone 'refutes', the whole does not
    assert calls[-1] == "x = 3 + 4\n= 7\n"


def test_a_decimal_point_at_the_end_of_the_stream_is_not_a_full_stop():
    """"2500 grams ÷ 1000 = 2." was judged before the "5" of 2.5 arrived, and a right draft was stopped and
    repaired."""
    watch = DraftWatch(verify.check_text)
    assert watch("So, 2500 grams ÷ 1000 = 2.") is False
    assert watch("So, 2500 grams ÷ 1000 = 2.5 kilograms.") is False
    assert watch("So, 2500 grams ÷ 1000 = 2.5 kilograms. Then 3 + 4 = 8. ") is True  # a finished false line
