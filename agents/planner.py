"""The lesson planner graph: learner model -> structure (code) -> personal parts (model, verified) -> stored plan.

    load_learner -> decide -> add_problems -> write_personal -> check_personal -> save_plan

The structure is decided by :mod:`agents.lesson`, deterministic for a seed.
The model writes only the personal parts (greeting, why each new skill
matters, an example using the student's interests); every part goes through
the verifier, and a part with a refuted claim is replaced by a safe template.
"""

from __future__ import annotations

import asyncio
import random
import re
from dataclasses import dataclass, field
from typing import Any

from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime

from agents.checks import echoes_placeholder
from agents.context import AgentContext
from agents.lesson import decide_structure
from agents.llm_io import complete
from agents.prompts import say
from agents.replycheck import check_dict
from agents.state import PlannerState
from tutor import learner, repo
from tutor.errors import TutorError
from tutor.i18n import N_, normalise

PERSONAL_SYSTEM = (
    "You write the friendly parts of a math lesson for a school student. Be brief and warm. "
    "Write exactly these lines and nothing else:\n"
    "GREETING: <one or two sentences greeting the student by name>\n"
    "{skill_lines}"
)
WRITE_IN = N_("Write in English.")
"""The language line of the personal prompt (the line labels GREETING, WHY, EXAMPLE stay as they are)."""
TODAY_YOU_START = N_("Today you start {title}.")
GREETING = N_("Hi {name}! Here is today's lesson. Let's warm up and then learn something new.")
EXAMPLE = N_("Example: {example}")
SKILL_LINES = "WHY {sid}: <one sentence: why {title} is useful>\nEXAMPLE {sid}: <one short example of {title} about {interest}, with any calculation written as an equation>\n"


RECENT = 30
"""Graded answers the planner reads for recent errors and accuracy."""


@dataclass
class PlanResult:
    """A stored lesson plan, as the web app shows it."""

    plan_id: int | None
    minutes: int
    greeting: str
    items: list[dict[str, Any]] = field(default_factory=list)
    dropped: list[dict[str, Any]] = field(default_factory=list)


def _snapshot(tutor: Any, plugins: Any, student_id: int) -> dict[str, Any]:
    from tutor.models import User

    with tutor.session() as s:
        user = s.get(User, student_id)
        if user is None:
            raise TutorError(f"No student with id {student_id}.")
        states = repo.mastery_for(session=s, student_ids=[student_id])
        due = [m.skill_id for m in learner.reviews_due(session=s, student_id=student_id)]
        offered = [spec.id for spec in learner.offered_skills(plugins)]
        ready = [spec.id for spec in learner.ready_to_learn(session=s, student_id=student_id, plugins=plugins,
                                                            grade=user.grade_level, offered=offered)]
        errors = learner.recent_errors(session=s, student_id=student_id, last=RECENT)
        accuracy = learner.recent_accuracy(session=s, student_id=student_id, days=None, last=RECENT).accuracy
        info = {"name": user.display_name, "grade": user.grade_level, "interests": user.interests,
                "language": normalise(user.language)}
    mastery = {m.skill_id: m.p_mastery for m in states}
    mastered = sorted(m.skill_id for m in states if learner.is_mastered(m))
    localized = getattr(plugins, "localized_skill", None)
    skills = [
        {
            "id": spec.id,
            "title": localized(spec.id, info["language"]).title if localized else spec.title,
            "prerequisites": list(spec.prerequisites),
            "grade_min": spec.grade_min,
            "grade_max": spec.grade_max,
            "description": localized(spec.id, info["language"]).description if localized else spec.description,
            "difficulties": list(getattr(plugins.generators.get(spec.id), "difficulties", (1, 2, 3))),
        }
        for spec in plugins.topological_skills()
        if spec.id in plugins.generators
    ]
    return {
        **info,
        "skills": skills,
        "mastery": mastery,
        "mastered": mastered,
        "due": due,
        "ready": ready,
        "errors": errors,
        "accuracy": accuracy,
    }


async def load_learner(state: PlannerState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Read mastery, reviews due, skills ready, recent errors, grade and interests."""
    ctx = runtime.context
    learner = await asyncio.to_thread(_snapshot, ctx.tutor, ctx.plugins, state.student_id)
    return {"learner": learner}


async def decide(state: PlannerState) -> dict[str, Any]:
    """The plan's structure, by code."""
    items = decide_structure(state.learner, state.seed)
    if not items:
        raise TutorError("No skills are available to plan a lesson; check that the subject plugins loaded.")
    return {"items": items, "minutes": sum(i["minutes"] for i in items)}


async def add_problems(state: PlannerState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Each review/practice/check item gets its plugin problem (verified by the plugin manager)."""
    plugins = runtime.context.plugins
    skills = {s["id"]: s for s in state.learner["skills"]}
    lang = state.learner.get("language")
    items = []
    for it in state.items:
        it = dict(it)
        if it["kind"] == "new":
            desc = skills[it["skill_id"]].get("description") or ""
            it["content"] = desc or say(lang, TODAY_YOU_START, title=skills[it["skill_id"]]["title"].lower())
        else:
            problem = plugins.generate(it["skill_id"], it["problem_seed"], it["difficulty"], language=lang)
            it["content"] = problem.statement
        items.append(it)
    return {"items": items}


def parse_personal(text: str) -> dict[str, Any]:
    """GREETING / WHY <skill> / EXAMPLE <skill> lines from the model."""
    out: dict[str, Any] = {"greeting": "", "why": {}, "example": {}}
    for line in text.splitlines():
        m = re.match(r"\s*\**(GREETING|WHY|EXAMPLE)\**\s*([\w.\-]*)\s*:\s*(.+)", line, re.I)
        if not m:
            continue
        key, sid, body = m.group(1).lower(), m.group(2), m.group(3).strip()
        if key == "greeting":
            out["greeting"] = body
        elif sid:
            out[key][sid] = body
    return out


async def write_personal(state: PlannerState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """The model writes the greeting and, per new skill, why it matters and an example."""
    learner = state.learner
    interest = (learner.get("interests") or "").split(",")[0].strip() or "everyday life"
    titles = {s["id"]: s["title"] for s in learner["skills"]}
    new = [it["skill_id"] for it in state.items if it["kind"] == "new"]
    lines = "".join(SKILL_LINES.format(sid=sid, title=titles[sid].lower(), interest=interest) for sid in new)
    messages = [
        {"role": "system", "content": PERSONAL_SYSTEM.format(skill_lines=lines) + say(learner.get("language"),
                                                                                        WRITE_IN)},
        {"role": "user", "content": f"Student: {learner.get('name')}, grade {learner.get('grade') or '?'}, "
                                    f"likes {learner.get('interests') or 'many things'}. New today: "
                                    + ", ".join(titles[s] for s in new)},
    ]
    text = await complete(runtime.context.llm, messages, max_tokens=300, seed=state.seed)
    return {"personal": parse_personal(text)}


def greeting_template(name: str, lang: str | None = None) -> str:
    return say(lang, GREETING, name=name)


async def check_personal(state: PlannerState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Verify every personal part; refuted ones are dropped for a template, and the item content set."""
    ctx = runtime.context
    personal = state.personal
    dropped: list[dict[str, Any]] = []

    def safe(part: str, text: str, template: str) -> str:
        if not text:
            return template
        if echoes_placeholder(text):  # the model copied the prompt's "<one or two sentences ...>"
            dropped.append({"part": part, "text": text, "claims": ["copies the prompt's placeholder"]})
            return template
        refuted = [c for c in map(check_dict, ctx.check_text(text)) if c["status"] == "refuted"]
        if refuted:
            dropped.append({"part": part, "text": text, "claims": [c["claim"] for c in refuted]})
            return template
        return text

    lang = state.learner.get("language")
    greeting = safe("greeting", personal.get("greeting", ""), greeting_template(state.learner.get("name", ""), lang))
    items = []
    for it in state.items:
        it = dict(it)
        if it["kind"] == "new":
            sid = it["skill_id"]
            why = safe(f"why {sid}", personal.get("why", {}).get(sid, ""), "")
            example = safe(f"example {sid}", personal.get("example", {}).get(sid, ""), "")
            it["content"] = "\n\n".join(p for p in (it["content"], why, example and say(lang, EXAMPLE, example=example))
                                          if p)
        items.append(it)
    return {"personal": {**personal, "greeting": greeting}, "items": items, "dropped": dropped}


async def save_plan(state: PlannerState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Store the plan as the student's active one (parents and teachers see it)."""
    from tutor.models import LessonItem, LessonPlan

    def write() -> int:
        with runtime.context.tutor.session() as s:
            runtime.context.plugins.sync_skills(session=s)  # items reference skill rows
            plan = LessonPlan(student_id=state.student_id, seed=state.seed, minutes=state.minutes,
                              greeting=state.personal.get("greeting", ""))
            rows = [
                LessonItem(plan_id=0, position=i, kind=it["kind"], skill_id=it["skill_id"], title=it["title"][:200],
                           content=it["content"], difficulty=it["difficulty"], problem_seed=it["problem_seed"],
                           minutes=it["minutes"])
                for i, it in enumerate(state.items)
            ]
            return repo.save_lesson_plan(session=s, plan=plan, items=rows).id

    return {"plan_id": await asyncio.to_thread(write)}


def build_graph(*, checkpointer: Any = None, name: str = "planner") -> Any:
    """Compile the lesson planner graph (``context_schema=AgentContext``)."""
    g = StateGraph(PlannerState, context_schema=AgentContext)
    for node in (load_learner, decide, add_problems, write_personal, check_personal, save_plan):
        g.add_node(node.__name__, node)
    g.add_edge(START, "load_learner")
    g.add_edge("load_learner", "decide")
    g.add_edge("decide", "add_problems")
    g.add_edge("add_problems", "write_personal")
    g.add_edge("write_personal", "check_personal")
    g.add_edge("check_personal", "save_plan")
    g.add_edge("save_plan", END)
    return g.compile(checkpointer=checkpointer, name=name)


async def aplan_lesson(ctx: Any, student_id: int, seed: int | None = None, *,
                       agent_context: AgentContext | None = None) -> PlanResult:
    """Plan and store a lesson; ``seed`` None picks one (the seed is stored with the plan)."""
    if seed is None:
        seed = random.SystemRandom().randrange(1, 2**31)
    context = agent_context or AgentContext.from_tutor(ctx)
    out = await build_graph().ainvoke({"student_id": student_id, "seed": seed}, context=context)
    return PlanResult(out["plan_id"], out["minutes"], out["personal"].get("greeting", ""), out["items"],
                      out["dropped"])
