"""The lesson planner: structure by code (deterministic for a seed), personal parts verified, plan stored."""

from __future__ import annotations

import pytest

from agents.lesson import decide_structure
from tutor.learner import difficulty_for
from agents.planner import aplan_lesson
from tests.test_agents_support import builtin_plugins, make_context, make_student
from tutor import repo
from tutor.llm.fake import FakeChatModel

SKILLS = [
    {"id": "a", "title": "Adding", "prerequisites": [], "difficulties": [1, 2, 3]},
    {"id": "b", "title": "Taking away", "prerequisites": ["a"], "difficulties": [1, 2, 3]},
    {"id": "c", "title": "Times tables", "prerequisites": ["a"], "difficulties": [1, 2]},
]


def learner(**kw):
    base = {"skills": SKILLS, "mastery": {"a": 0.97}, "due": ["a"], "ready": ["b", "c"], "errors": {}, "accuracy": 0.5}
    return base | kw


def test_structure_is_deterministic_for_a_seed():
    assert decide_structure(learner(), 7) == decide_structure(learner(), 7)
    seeds = {tuple(i["problem_seed"] for i in decide_structure(learner(), s)) for s in range(5)}
    assert len(seeds) == 5


@pytest.mark.parametrize("snapshot", [learner(), learner(due=[], accuracy=0.9), learner(due=["a", "b"], ready=["c"])])
def test_structure_has_every_part_and_fits_20_to_30_minutes(snapshot):
    items = decide_structure(snapshot, 1)
    kinds = [i["kind"] for i in items]
    assert 20 <= sum(i["minutes"] for i in items) <= 30
    assert kinds[-1] == "check" and kinds.count("check") == 1
    assert 1 <= kinds.count("new") <= 2
    assert "practice" in kinds
    if snapshot["due"]:
        assert kinds[0] == "review"
    assert kinds.index("new") < kinds.index("practice")


def test_two_new_skills_only_for_a_strong_student_with_time():
    assert [i["kind"] for i in decide_structure(learner(due=[], accuracy=0.9), 1)].count("new") == 2
    assert [i["kind"] for i in decide_structure(learner(due=[], accuracy=0.4), 1)].count("new") == 1


def test_difficulty_follows_mastery():
    assert [difficulty_for(p) for p in (None, 0.2, 0.5, 0.9)] == [1, 1, 2, 3]
    assert difficulty_for(0.9, (1, 2)) == 2


@pytest.mark.asyncio
async def test_plan_is_stored_and_refuted_personal_math_is_dropped(ctx, settings):
    student = make_student(ctx)
    llm = FakeChatModel(
        "GREETING: Hi Sam! Ready for maths?\n"
        "WHY arith.add_sub: Adding helps you count your football goals.\n"
        "EXAMPLE arith.add_sub: If you score 3 goals and then 4 more, 3 + 4 = 8 goals.\n"
    )
    context = make_context(settings, llm, tutor=ctx, plugins=builtin_plugins())
    plan = await aplan_lesson(ctx, student, seed=11, agent_context=context)
    assert plan.greeting == "Hi Sam! Ready for maths?"
    assert [d["claims"] for d in plan.dropped] == [["3 + 4 = 8"]]
    assert all("3 + 4 = 8" not in i["content"] for i in plan.items)
    assert 20 <= plan.minutes <= 30
    with ctx.session() as s:
        stored, items = repo.active_lesson_plan(session=s, student_id=student)
        assert stored.id == plan.plan_id and stored.seed == 11
        assert [i.kind for i in items] == [i["kind"] for i in plan.items]
        assert all(i.content for i in items)


@pytest.mark.asyncio
async def test_same_seed_gives_the_same_plan(ctx, settings):
    student = make_student(ctx)
    plans = []
    for _ in range(2):
        context = make_context(settings, FakeChatModel("GREETING: Hello!"), tutor=ctx, plugins=builtin_plugins())
        plans.append(await aplan_lesson(ctx, student, seed=3, agent_context=context))
    assert plans[0].items == plans[1].items


@pytest.mark.asyncio
async def test_a_greeting_that_copies_the_prompts_placeholder_is_replaced(ctx, settings):
    """Regression: the small model put '<one or two sentences greeting the student by name>' on the Today page."""
    student = make_student(ctx)
    llm = FakeChatModel("GREETING: <one or two sentences greeting the student by name>\n"
                        "WHY arith.add_sub: <one sentence: why adding is useful>\n")
    context = make_context(settings, llm, tutor=ctx, plugins=builtin_plugins())
    plan = await aplan_lesson(ctx, student, seed=11, agent_context=context)
    assert "<" not in plan.greeting and plan.greeting.startswith("Hi ")
    assert all("<" not in i["content"] for i in plan.items)
    assert {d["part"] for d in plan.dropped} >= {"greeting"}


@pytest.mark.asyncio
async def test_a_chinese_students_lesson_is_planned_in_chinese(ctx, settings):
    """Issue 15: the plan's titles, problems, fixed texts and the model's instructions are in the student's
    language; the same seed gives the same plan structure as in English."""
    import re

    from tutor.models import User

    student = make_student(ctx, "xiaohong")
    with ctx.session() as s:
        s.get(User, student).language = "zh"
    llm = FakeChatModel("GREETING: <one or two sentences greeting the student by name>")
    context = make_context(settings, llm, tutor=ctx, plugins=builtin_plugins())
    plan = await aplan_lesson(ctx, student, seed=11, agent_context=context)
    han = re.compile("[\u4e00-\u9fff]")
    assert plan.greeting.startswith("Xiaohong，你好")  # the fallback greeting, in Chinese
    assert all(han.search(i["title"]) and han.search(i["content"]) for i in plan.items)
    assert "简体中文" in llm.history[0].messages[0].content
    english = make_student(ctx, "sam")
    plan_en = await aplan_lesson(ctx, english, seed=11, agent_context=make_context(
        settings, FakeChatModel("GREETING: Hello!"), tutor=ctx, plugins=builtin_plugins()))
    assert [(i["kind"], i["skill_id"], i["difficulty"]) for i in plan_en.items] == \
        [(i["kind"], i["skill_id"], i["difficulty"]) for i in plan.items]
