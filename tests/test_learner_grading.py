"""One grading path: what a student types is read the same way in Practice, the chat and the CLI."""

from __future__ import annotations

from dataclasses import replace

import pytest
from langchain_core.messages import HumanMessage
from langgraph.checkpoint.memory import InMemorySaver
from sqlmodel import select

from tutor.learner.grading import grade_for_problem, read_typed
from tutor.models import Attempt

ATTEMPT_FIELDS = ("skill_id", "problem_id", "problem_text", "expected_answer", "answer_given", "verdict",
                  "first_attempt", "difficulty", "hints_used", "mistake", "mastery_before", "mastery_after")


@pytest.mark.parametrize(
    ("typed", "readings"),
    [
        ("12", ("12",)),
        ("  the answer is 12. ", ("12",)),
        ("I got x = 4", ("x = 4", "4")),
        ("12 cm", ("12 cm", "12")),
        ("3/4 cup", ("3/4 cup", "3/4")),
        ("$4.05", ("$4.05", "4.05")),
        ("1,200 people", ("1,200 people", "1200")),
        ("2x + 3", ("2x + 3",)),
        ("5 x", ("5 x",)),
        ("3 + 4 = 7\nso 7 + 2 = 9", ("7 + 2 = 9", "9")),
        ("", ()),
    ],
)
def test_read_typed_tries_the_literal_answer_first_then_simpler_forms(typed, readings):
    assert read_typed(typed).readings == readings


def test_multi_line_work_is_work_and_its_value_is_after_the_last_equals():
    typed = read_typed("3 + 4 = 7\nso 7 + 2 = 9")
    assert typed.is_work and typed.value == "9" and typed.lines == ("3 + 4 = 7", "so 7 + 2 = 9")
    assert not read_typed("x = 9").is_work


@pytest.mark.parametrize("typed", ["the answer is {a}", "x = {a}", "{a} apples", "I got {a}."])
def test_answers_with_lead_ins_and_units_are_graded_right(ctx, typed):
    problem = ctx.plugins.generate("arith.add_sub", 3, 1)
    grade, reading = grade_for_problem(ctx.plugins, problem, typed.format(a=problem.answer_text))
    assert grade.status == "verified" and problem.answer_text in reading


def test_a_wrong_answer_with_a_unit_is_still_wrong(ctx):
    problem = ctx.plugins.generate("arith.add_sub", 3, 1)
    grade, _ = grade_for_problem(ctx.plugins, problem, f"{int(problem.answer_text) + 1} cm")
    assert grade.status == "refuted"


def test_unreadable_answer_is_undetermined_never_correct(ctx):
    problem = ctx.plugins.generate("arith.add_sub", 3, 1)
    grade, _ = grade_for_problem(ctx.plugins, problem, "I don't know!!")
    assert grade.status == "undetermined"


async def _chat_answer(ctx, settings, student, problem, text):
    from agents.state import problem_ref
    from agents.tutor import build_graph
    from tests.test_agents_support import make_context
    from tutor.llm.fake import FakeChatModel

    ref = problem_ref(replace(problem, hints=tuple(ctx.plugins.hints(problem))), ctx.plugins.plugin_of(problem.skill_id))
    llm = FakeChatModel()
    context = make_context(settings, llm, tutor=ctx, plugins=ctx.plugins)
    out = await build_graph(checkpointer=InMemorySaver()).ainvoke(
        {"messages": [HumanMessage(content=text)], "problem": ref, "student_id": student},
        {"configurable": {"thread_id": f"t-{student}"}}, context=context)
    assert llm.history == []  # grading never asks the model
    return out["reply"]["grade"]["status"]


@pytest.mark.asyncio
@pytest.mark.parametrize("template", ["the answer is {a}", "x = {a}", "{wrong}", "{a} apples"])
async def test_chat_and_practice_give_the_same_verdict_and_store_the_same_attempt(ctx, settings, template):
    from tests.test_agents_support import make_student
    from tutor.learner import submit_answer

    problem = ctx.plugins.generate("arith.add_sub", 5, 1)
    text = template.format(a=problem.answer_text, wrong=int(problem.answer_text) + 3)
    in_chat, in_practice = make_student(ctx, "chatty"), make_student(ctx, "practiser")
    chat_status = await _chat_answer(ctx, settings, in_chat, problem, text)
    with ctx.session() as s:
        practice = submit_answer(session=s, plugins=ctx.plugins, student_id=in_practice, problem=problem, answer=text)
    assert {"verified": "correct", "refuted": "incorrect"}.get(chat_status, "undetermined") == practice.verdict
    assert practice.verdict == ("incorrect" if template == "{wrong}" else "correct")
    with ctx.session() as s:
        rows = {a.student_id: a for a in s.exec(select(Attempt))}
        chat_row, practice_row = rows[in_chat], rows[in_practice]
        assert [getattr(chat_row, f) for f in ATTEMPT_FIELDS] == [getattr(practice_row, f) for f in ATTEMPT_FIELDS]
        assert chat_row.answer_given == text.strip()
