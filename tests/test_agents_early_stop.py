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


async def streamed(graph, context, text, events=None):
    tokens, reply = [], None
    async for kind, data in graph.astream({"messages": [HumanMessage(content=text)]},
                                          {"configurable": {"thread_id": "e"}}, context=context,
                                          stream_mode=["custom", "values"]):
        if kind == "custom" and data["type"] == "token":
            tokens.append(data["text"])
        if kind == "custom" and events is not None:
            events.append(data)
        if kind == "values" and data.get("reply"):
            reply = data["reply"]
    return "".join(tokens), reply


@pytest.mark.asyncio
async def test_a_draft_stops_at_its_first_false_line_and_is_repaired(settings):
    # three fractions: no working of SymPy's to show instead, so the false draft is repaired
    wrong = "3/4 + 1/6 + 1/12 = 5/22\n" + "This line is never generated. " * 30 + "The answer is 5/22."
    right = "3/4 + 1/6 + 1/12 = 9/12 + 2/12 + 1/12 = 1\nThe answer is 1."
    llm = FakeChatModel(wrong, right)
    tokens, reply = await streamed(build_graph(checkpointer=InMemorySaver()), make_context(settings, llm),
                                   "What is 3/4 + 1/6 + 1/12?")
    assert "never generated" not in tokens  # the model was stopped after the false line
    assert reply["text"] == right and reply["status"] == "verified"
    assert reply["caught"][0]["claim"].replace(" ", "") == "3/4+1/6+1/12=5/22"


@pytest.mark.asyncio
async def test_a_draft_stopped_at_a_false_line_gives_way_to_sympys_working(settings):
    wrong = "3/4 + 1/6 = 4/12\n" + "This line is never generated. " * 30 + "The answer is 4/12."
    llm = FakeChatModel(wrong, "unused")
    tokens, reply = await streamed(build_graph(checkpointer=InMemorySaver()), make_context(settings, llm),
                                   "What is 3/4 + 1/6?")
    assert "never generated" not in tokens and "4/12" not in reply["text"]
    assert reply["status"] == "verified" and reply["tries"] == 1 and llm.pending == 1
    assert "3/4 = 9/12" in reply["text"] and "9/12 + 2/12 = 11/12" in reply["text"]


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


@pytest.mark.asyncio
async def test_a_line_s_true_calculation_is_marked_while_the_draft_still_streams(settings):
    """Issue 14 item 5: check marks come as each line is checked, before the draft ends, each claim once."""
    draft = "First, 3 + 4 = 7.\nThen 7 x 2 = 14 and 7 x 2 = 14 again.\nSo 14 - 1 = 13 is not needed.\nThe answer is 14."
    llm = FakeChatModel(draft)
    events: list[dict] = []
    _tokens, reply = await streamed(build_graph(checkpointer=InMemorySaver()), make_context(settings, llm),
                                    "What is (3 + 4) * 2?", events)
    marks = [(i, claim) for i, e in enumerate(events) if e["type"] == "checked" for claim in e["claims"]]
    claims = [c.replace(" ", "") for _, c in marks]
    assert claims[:2] == ["3+4=7", "7*2=14"] and claims.count("7*2=14") == 1  # as the verifier reads it
    first_mark = marks[0][0]
    later_text = "".join(e["text"] for e in events[first_mark:] if e["type"] == "token")
    assert "7 x 2" in later_text  # the first line was marked before the second had streamed
    assert not any("answer" in c for c in claims)  # a final answer is judged on the whole reply, not marked here
    assert reply["status"] == "verified"


def test_a_false_or_unreadable_line_is_never_marked():
    marked: list[list[str]] = []
    watch = DraftWatch(verify.check_text, on_checked=marked.append)
    assert watch("First, 3 + 4 = 7.\n") is False
    assert watch("First, 3 + 4 = 7.\nThen 7 x 2 = 15.\n") is True  # refuted: the draft stops
    assert [c.replace(" ", "") for c in sum(marked, [])] == ["3+4=7"]
    assert all("15" not in c for c in sum(marked, []))

    def broken(_text):
        raise ValueError("unreadable")

    quiet: list[list[str]] = []
    assert DraftWatch(broken, on_checked=quiet.append)("Then 2 + 2 = 4.\n") is False and quiet == []
