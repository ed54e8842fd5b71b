"""Answer attempts are graded by code and update attempts, mastery and review together; the service API."""

from __future__ import annotations

from dataclasses import replace

import pytest
from langchain_core.messages import HumanMessage
from langgraph.checkpoint.memory import InMemorySaver
from sqlmodel import select

from agents.service import TutorChat
from agents.state import problem_ref
from agents.tutor import build_graph
from tests.test_agents_support import builtin_plugins, make_context, make_student
from tutor import repo
from tutor.llm.fake import FakeChatModel
from tutor.models import Attempt, Message


def ref_for(pm, skill="arith.add_sub", seed=2, difficulty=1):
    problem = pm.generate(skill, seed, difficulty)
    return problem_ref(replace(problem, hints=tuple(pm.hints(problem))), pm.plugin_of(skill))


async def say(graph, context, text, **update):
    out = await graph.ainvoke({"messages": [HumanMessage(content=text)], **update},
                              {"configurable": {"thread_id": "g1"}}, context=context)
    return out


@pytest.mark.asyncio
async def test_correct_answer_updates_mastery_in_one_transaction(ctx, settings):
    pm = builtin_plugins()
    student = make_student(ctx)
    ref = ref_for(pm)
    llm = FakeChatModel()  # grading must not ask the model anything
    context = make_context(settings, llm, tutor=ctx, plugins=pm)
    out = await say(build_graph(checkpointer=InMemorySaver()), context, f"I got {ref['answer_text']}",
                    problem=ref, student_id=student)
    reply = out["reply"]
    assert reply["grade"]["status"] == "verified" and out["solved"] is True
    assert reply["grade"]["mastery"]["after"] > reply["grade"]["mastery"]["before"]
    assert llm.history == []
    with ctx.session() as s:
        attempt = s.exec(select(Attempt)).one()
        # Stored as typed, the same as Practice stores it (tests/test_learner_grading.py).
        assert (attempt.verdict, attempt.problem_id, attempt.answer_given) == ("correct", ref["id"],
                                                                               f"I got {ref['answer_text']}")
        state = repo.get_mastery(session=s, student_id=student, skill_id=ref["skill_id"])
        assert state.p_mastery == pytest.approx(reply["grade"]["mastery"]["after"])
        assert attempt.session_id is not None
        assert [m.role for m in s.exec(select(Message))] == ["student", "tutor"]


@pytest.mark.asyncio
async def test_wrong_answer_is_graded_wrong_without_revealing_the_answer(ctx, settings):
    pm = builtin_plugins()
    student = make_student(ctx)
    ref = ref_for(pm)
    wrong = str(int(ref["answer_text"]) + 1)
    context = make_context(settings, tutor=ctx, plugins=pm)
    out = await say(build_graph(checkpointer=InMemorySaver()), context, wrong, problem=ref, student_id=student)
    assert out["reply"]["grade"]["status"] == "refuted"
    assert ref["answer_text"] not in out["reply"]["text"]
    with ctx.session() as s:
        assert s.exec(select(Attempt)).one().verdict == "incorrect"
        state = repo.get_mastery(session=s, student_id=student, skill_id=ref["skill_id"])
        assert state.p_mastery < 0.5


@pytest.mark.asyncio
async def test_multi_line_work_points_out_the_first_wrong_line(settings):
    pm = builtin_plugins()
    ref = ref_for(pm, "word.multi_step", seed=4)
    problem = pm.generate("word.multi_step", 4, 1)
    (packs, per), gave = [int(n) for n in problem.steps[0].lhs.args], -int(problem.steps[1].lhs.args[1])
    total = packs * per
    work = f"{packs} * {per} = {total + 10}\n{total + 10} - {gave} = {total + 10 - gave}"
    out = await say(build_graph(checkpointer=InMemorySaver()), make_context(settings, plugins=pm), work, problem=ref)
    reply = out["reply"]
    assert reply["grade"]["status"] == "refuted"
    assert reply["grade"]["first_wrong_line"] == 0
    assert "line 1" in reply["text"]
    assert ref["answer_text"] not in reply["text"]


def test_service_streams_tokens_then_the_verified_reply_from_sync_code(ctx, settings):
    # SymPy works "2 + 2" out first: the wrong draft is repaired without asking for programs.
    llm = FakeChatModel("2 + 2 = 5. The answer is 5.", "2 + 2 = 4. The answer is 4.", "offtopic")
    chat = TutorChat(ctx, agent_context=make_context(settings, llm, tutor=ctx))
    student = make_student(ctx)
    try:
        events = list(chat.send(student, "what is 2 + 2?"))
        kinds = [e.type for e in events]
        # The tool's result first, then the explanation streams, then the checked reply.
        assert kinds[0] == "status" and "Worked out with SymPy: 4" in events[0].text and events[0].kind == "tool"
        assert all(e.kind == "" for e in events[1:])  # only the tool's answer is marked as such
        assert "token" in kinds and kinds[-1] == "final"
        reply = events[-1].reply
        assert reply.repaired is True and "2 + 2 = 4" in reply.verified and "5" not in reply.text
        assert reply.reference == {"answer": "4", "source": "sympy"}
        # The same thread resumes (latest session of the student) and the history is there.
        again = chat.ask(student, "hello there")
        assert again.thread_id == reply.thread_id
        assert [role for role, _ in chat.history(reply.thread_id)] == ["student", "tutor"] * 2
    finally:
        chat.close()


def test_the_tools_answer_is_marked_as_such_in_chinese_too(ctx, settings):
    """The Learn page shows the tool's result apart from passing statuses by its kind, not by English words."""
    llm = FakeChatModel("2 + 2 = 4。答案是4。")
    chat = TutorChat(ctx, agent_context=make_context(settings, llm, tutor=ctx))
    try:
        events = list(chat.send(make_student(ctx), "2 + 2 等于多少？"))
        tool = [e for e in events if e.kind == "tool"]
        assert len(tool) == 1 and "SymPy" in tool[0].text and "4" in tool[0].text
        assert not tool[0].text.startswith("Worked out")  # the reply's language
    finally:
        chat.close()


def test_a_program_check_streams_its_progress_so_the_wait_is_visible(ctx, settings):
    """Issue 14 item 5: while programs check a word problem the student sees what is happening, not a blank."""
    from tests.test_agents_support import pot

    llm = FakeChatModel("5 + 3 = 8. The answer is 8.", pot("5 + 3"), pot("5 + 3"))
    chat = TutorChat(ctx, agent_context=make_context(settings, llm, tutor=ctx))
    student = make_student(ctx)
    try:
        events = list(chat.send(student, "Mia has 5 pens and buys 3 more. How many pens does she have?"))
        statuses = [e.text for e in events if e.type == "status"]
        assert "Checked: 5 + 3 = 8 ✓" in statuses
        assert any(s.startswith("Writing") and "checking program" in s for s in statuses)
        assert "Checking program 1 got 8" in statuses and "Checking program 2 got 8" in statuses
        assert events[-1].reply.status == "verified"
        marks = [i for i, e in enumerate(events) if e.type == "checked"]
        assert [events[i].text for i in marks] == ["5 + 3 = 8"]  # the draft's line, marked as it streamed
        assert marks[0] < next(i for i, e in enumerate(events) if e.type == "status" and "program" in e.text)
    finally:
        chat.close()


def test_start_problem_then_answer_through_the_service(ctx, settings):
    pm = builtin_plugins()
    student = make_student(ctx)
    problem = pm.generate("arith.mult_div", 5, 1)
    chat = TutorChat(ctx, agent_context=make_context(settings, tutor=ctx, plugins=pm))
    try:
        thread = chat.start_problem(student, problem)
        assert chat.history(thread)[-1] == ("tutor", f"Here's a problem for you:\n\n{problem.statement}")
        reply = chat.ask(student, problem.answer_text, thread_id=thread)
        assert reply.intent == "answer_attempt" and reply.grade["status"] == "verified"
    finally:
        chat.close()
