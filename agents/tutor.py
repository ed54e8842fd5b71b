"""The tutor dialogue graph: classify, route, draft, verify and repair, reply.

    begin_turn -> classify -> grade_attempt | give_hint | solve | draft_reply | plugin_agent
                              | new_problem | premise | redirect
    solve (SymPy works a recognised question out first) -> draft_reply
    plugin_agent -> verify | draft_reply (the plugin agent declined)
    give_hint / draft_reply / plugin_agent -> verify -> draft_reply (repair) | fallback | finalize
    everything else -> finalize -> END

Answers are graded by code (plugin ground truth + equivalence), never by the
model. Every draft with math is checked before it is shown; a refuted draft is
regenerated with the findings up to ``settings.repair_tries`` times, then
replaced by the plugin's material or an honest "let's work it out together".
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, Literal

from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.runnables import RunnableConfig
from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime

from agents import prompts
from agents.checks import false_premises, final_answer_of
from agents.classify import CLASSIFY_PROMPT, Classification, classify_rules, parse_model_label
from agents.context import AgentContext
from agents.llm_io import complete, complete_together
from agents.nodes import choose_agent, grade_attempt, new_problem, plugin_agent, token_sink
from agents.problem import gold_answer, last_user_text, leaks
from agents.replycheck import assess_draft, status_name
from agents.resolve import PROMPT_FAMILIES, judge, program_request, resolve
from agents.state import Reply, TutorState
from agents.storage import persist_turn
from tutor.llm.base import GenerationParams, as_messages
from tutor.verify import worked_steps

log = logging.getLogger(__name__)

COMPUTATIONAL = re.compile(r"\d|how many|how much|solve|calculate|compute|simplify|evaluate"
                           r"|多少|几[个只本支张块条辆棵人名位头次页道件天岁米元倍]?|求|计算|算|化简|解方程", re.I)


def answer_forbidden(state: TutorState) -> bool:
    """Socratic mode hides the current answer until it is solved or the hint ladder bottomed out."""
    return state.mode == "socratic" and state.problem is not None and not state.solved and state.hint_level < 4


async def begin_turn(state: TutorState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Clear the per-turn fields (the conversation-long ones persist) and decide the reply's language."""
    return {
        "reply_lang": prompts.reply_language(last_user_text(state), state.language or None),
        "max_tries": 1 + runtime.context.settings.repair_tries,
        "intent": "",
        "injection": False,
        "agent": "",
        "draft": "",
        "tries": 0,
        "findings": [],
        "checks": [],
        "caught": [],
        "status": "",
        "reference": {},
        "early_programs": [],
        "grade": {},
        "reply": {},
    }


async def classify(state: TutorState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Rules decide what they can; the model labels only messages without any math signal."""
    text = last_user_text(state)
    has_problem = state.problem is not None
    verdict = classify_rules(text, has_problem=has_problem)
    if verdict is None and not has_problem and await asyncio.to_thread(runtime.context.solver(), text) is not None:
        # "integrate cos x" has no digit or operator for the rules, but SymPy can answer it: a math question
        verdict = Classification(intent="math_question", injection=False, certain=True)
    if verdict is None:
        reply = await complete(
            runtime.context.llm,
            [{"role": "system", "content": CLASSIFY_PROMPT}, {"role": "user", "content": text[:500]}],
            max_tokens=4,
        )
        verdict = parse_model_label(reply, has_problem=has_problem)
    agent = ""
    if verdict.intent in ("math_question", "problem_question"):
        agent = choose_agent(runtime.context.plugins, text, state.problem)
    return {"intent": verdict.intent, "injection": verdict.injection, "agent": agent}


Route = Literal["grade_attempt", "give_hint", "solve", "draft_reply", "plugin_agent", "new_problem", "premise",
                "redirect"]


def route_intent(state: TutorState) -> Route:
    """Where a classified message goes."""
    intent = state.intent
    if intent in ("off_topic", "unsafe"):
        return "redirect"
    if intent == "new_problem":
        return "new_problem"
    if intent in ("answer_attempt", "hint_request") and state.problem is None:
        return "redirect"
    if intent == "answer_attempt":
        return "grade_attempt"
    if intent == "hint_request":
        return "give_hint"
    if intent in ("math_question", "problem_question"):
        if intent == "math_question" and false_premises(last_user_text(state)):
            return "premise"
        if intent == "math_question" and not answer_forbidden(state):
            return "solve"  # the tools work the answer out first, whoever then explains it
        return "plugin_agent" if state.agent else "draft_reply"
    raise ValueError(f"impossible intent {intent!r}; expected one of the classifier's labels")


async def redirect(state: TutorState) -> dict[str, Any]:
    """Gentle redirect for off-topic or unsafe messages (fixed text: nothing for the model to get wrong)."""
    lang = state.reply_lang
    if state.intent in ("answer_attempt", "hint_request"):
        return {"draft": prompts.say(lang, prompts.NO_PROBLEM), "status": "no_math"}
    return {"draft": prompts.say(lang, prompts.REDIRECT["unsafe" if state.intent == "unsafe" else "off_topic"]),
            "status": "no_math"}


async def premise(state: TutorState) -> dict[str, Any]:
    """Point out a false premise instead of solving (``tutor.verify.false_premises``: impossible angles, sides,
    probabilities, quantities that go negative, definitions that rule the premise out, ...): fixed text the tools
    found, so nothing computed through the premise is ever shown, let alone marked verified."""
    reasons = " ".join(false_premises(last_user_text(state)))
    return {"draft": prompts.say(state.reply_lang, prompts.PREMISE, reasons=reasons), "status": "verified",
            "checks": [{"claim": reasons, "kind": "premise", "status": "verified", "expected": None,
                        "explanation": "Found by code."}]}


async def give_hint(state: TutorState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Next rung of the hint ladder; bottom-out only after the student has tried (Socratic mode)."""
    problem = state.problem or {}
    lang = state.reply_lang
    hints = [text for _level, text in problem.get("hints", [])] or [prompts.say(lang, prompts.NOT_SURE)]
    top = len(hints) - 1
    if state.mode == "socratic" and state.attempts == 0 and not state.solved:
        top = min(top, 2)
    rung = min(state.hint_level, top)
    if answer_forbidden(state) and rung < 3:
        # A rung that would state the answer (e.g. the worked step of a one-step problem) is skipped down.
        ctx = runtime.context
        gold = gold_answer(ctx, state.problem)
        while rung > 0 and leaks(ctx, hints[rung], state.problem, gold):
            rung -= 1
    parts = []
    if state.injection:
        parts.append(prompts.say(lang, prompts.REDIRECT["injection"]))
    if state.hint_level > top:
        parts.append(prompts.say(lang, prompts.NEED_TRY_FIRST))
    parts.append(hints[rung])
    return {"draft": "\n\n".join(parts), "hint_level": max(state.hint_level, min(state.hint_level, top) + 1),
            "tries": 1}


async def solve(state: TutorState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Tool first: SymPy works a recognised question out exactly before the model explains it.

    The result is streamed at once ("Worked out with SymPy: x = 4"), goes into the
    draft prompt, and is the reference the draft's final answer must equal. An
    unrecognised question leaves the reference empty: the program re-solve checks it later.
    """
    ctx = runtime.context
    solution = await asyncio.to_thread(ctx.solver(), last_user_text(state))
    if solution is None:
        return {}
    writer = runtime.stream_writer
    if ctx.stream and writer is not None:
        writer({"type": "status", "kind": "tool", "text": prompts.say(state.reply_lang, prompts.STATUS_SYMPY,
                                                                      answer=solution.answer_text)})
    steps = await asyncio.to_thread(worked_steps, solution)  # small polynomials and numbers the recogniser read
    return {"reference": {"answer": solution.answer_text, "source": "sympy", "kind": solution.kind,
                          "form": solution.form, "expression": solution.expression, "steps": list(steps)}}


async def draft_reply(state: TutorState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Ask the model for a reply; on a repair, the verifier's findings go into the prompt."""
    ctx = runtime.context
    text = last_user_text(state)
    lang = state.reply_lang
    system = prompts.say(lang, prompts.TUTOR_SYSTEM)
    if state.problem is not None:
        system += "\n\n" + prompts.problem_block(state.problem, lang)
        if answer_forbidden(state):
            system += "\n" + prompts.say(lang, prompts.SOCRATIC_RULE)
    settled = prompts.settled_prompt(lang, state.reference) if state.reference.get("source") == "sympy" else None
    if settled:
        system += "\n" + settled[0]
    elif state.intent == "math_question" and COMPUTATIONAL.search(text):
        system += "\n" + prompts.say(lang, prompts.SOLVE_RULE)
    messages = [{"role": "system", "content": system}]
    if settled:
        messages += prompts.settled_example(lang)
    for msg in state.messages[-7:-1]:
        role = "user" if isinstance(msg, HumanMessage) else "assistant"
        messages.append({"role": role, "content": str(msg.content)[:1500]})
    user = text
    if settled:
        # The answer and its working go in the student's turn, where a small model looks: with them in the system
        # prompt only, the default model's first explanation ended with another answer far more often (first
        # drafts passing their checks, SymPy-settled everyday questions: 90 -> 97 of 105 and 32 -> 37 of 40 held
        # out). Only there, and last: the fixed rule before them stays decoded between questions.
        user += "\n\n" + settled[1]
    if state.findings:
        user += "\n\n" + prompts.say(lang, prompts.REPAIR_NOTE,
                                      findings="\n".join(f"- {f}" for f in state.findings[-4:]))
    messages.append({"role": "user", "content": user})
    gold = gold_answer(ctx, state.problem) if answer_forbidden(state) else None
    ahead = getattr(ctx.llm, "queue_ahead", None)
    writer = runtime.stream_writer
    if ctx.stream and writer is not None and callable(ahead) and (n := ahead()) > 0:
        # one model serves every student in turn: say so instead of a silent wait
        writer({"type": "status", "text": prompts.say(lang, prompts.STATUS_QUEUED, n=n)})
    elif ctx.stream and writer is not None and state.tries == 0 and state.reference.get("source") != "sympy":
        # nothing shown yet: say the tutor is on it while the model reads its prompt
        writer({"type": "status", "text": prompts.say(lang, prompts.STATUS_WRITING)})
    sink = token_sink(runtime, attempt=state.tries + 1, hide=gold, compare=ctx.compare_answers)
    shows_checks = ctx.stream and writer is not None and not answer_forbidden(state)
    # each line's true calculations are marked while the draft streams (a Socratic draft's may hold the answer)
    watch = DraftWatch(ctx.check_text, on_checked=(lambda claims: writer({"type": "checked", "claims": claims}))
                       if shows_checks else None)
    early: list[str] = []
    if _programs_with_draft(ctx, state, text):
        # The re-solve's first round rides in the draft's batch: on a memory-bound CPU three sequences cost
        # little more than one, and the programs are ready when the draft ends (the draft still streams).
        requests = first_round(text, messages)
        *early, draft = await complete_together(ctx.llm, requests, watch=len(requests) - 1,
                                                on_token=sink, stop_when=watch)
    else:
        draft = await complete(ctx.llm, messages, max_tokens=400, temperature=0.0 if state.tries == 0 else 0.5,
                               seed=state.tries, on_token=sink, stop_when=watch)
    sink.flush()
    draft = (watch.without_repeats(draft) if watch.repeated else draft).strip()
    if state.findings:  # a repair reads as a first reply: the student never saw the draft it replaces
        draft = prompts.APOLOGY.sub("", draft, count=1).strip() or draft
    return {"draft": draft, "tries": state.tries + 1, **({"early_programs": early} if early else {})}


def first_round(question: str, messages: list[dict[str, str]]) -> list[tuple[list[dict[str, str]], GenerationParams]]:
    """The re-solve's first programs, then the draft (``messages``), in the order one batch decodes them. The
    batch context keeps each sequence's prompt for the next batch, so this order is also what ``prime`` decodes."""
    programs = [program_request(question, i) for i in range(len(PROMPT_FAMILIES))]
    return [*programs, (messages, GenerationParams(max_tokens=400, temperature=0.0, seed=0))]


PRIME_QUESTION = "2 + 2"


def prime(ctx: AgentContext, lang: str | None = None) -> bool:
    """Decode the tutor's fixed prompts once, before the first question (blocking; the web app runs it in a
    thread while the student reads the page).

    A local llama.cpp model keeps what it decoded last: the batch context each sequence's prompt, the main
    context its last prompt. The long fixed parts (the program families' instructions, the tutor's system
    prompt and solving rule) are then reused by the first real question, which otherwise decodes them whole
    (about 450 tokens: some 10 s on two CPU cores, paid by the first word problem after every start). Only
    the prompts' shared beginnings are kept; the question decoded here is a stand-in and its answer unused.
    Returns whether anything was decoded (a server backend keeps its own cache: nothing to do).
    """
    if ctx.settings.model_backend != "llama_cpp" or not getattr(ctx.llm, "decodes_batches", False):
        return False
    system = prompts.solving_prompt(lang)
    draft = [{"role": "system", "content": system}, {"role": "user", "content": PRIME_QUESTION}]
    # The requests as the first round sends them (their max_tokens size the batch context: a smaller one would be
    # made again, empty, for the first real batch), each stopped at its first piece.
    ctx.llm.complete_many([(as_messages(m), p) for m, p in first_round(PRIME_QUESTION, draft)],
                          on_token=lambda _index, _piece: True)
    # a question SymPy settles is explained alone, on the main context: its fixed rule and worked turn come first
    settled = prompts.say(lang, prompts.TUTOR_SYSTEM) + "\n" + prompts.settled_prompt(lang, {"answer": "4"})[0]
    ctx.llm.complete(as_messages([{"role": "system", "content": settled}, *prompts.settled_example(lang),
                                  {"role": "user", "content": PRIME_QUESTION}]),
                     GenerationParams(max_tokens=1, temperature=0.0, seed=0))
    return True


def _programs_with_draft(ctx: AgentContext, state: TutorState, text: str) -> bool:
    """Whether the first draft is generated together with the re-solve's first round of programs: a question the
    re-solve will most likely check (a computation no tool settled, the answer allowed, no plugin problem) on a
    model that decodes batches."""
    return (state.tries == 0 and not state.reference and state.intent == "math_question"
            and state.problem is None and not answer_forbidden(state) and bool(COMPUTATIONAL.search(text))
            and bool(getattr(ctx.llm, "decodes_batches", False)) and ctx.resolve_samples >= len(PROMPT_FAMILIES))


class DraftWatch:
    """Stops a draft once its verdict cannot change: a finished line holds a refuted claim (the draft will be
    repaired or replaced whatever follows), or the model has started repeating itself (a line said a third time).

    Lines are checked as they are completed, each once, by the verifier's ``check_text``. ``on_checked(claims)``,
    if given, hears each finished line's verified claims (each claim once) as soon as they are checked, so the
    student sees check marks while the draft is still being written, not only when the whole reply is checked.
    A claim is shown as the verifier read and verified it: a true statement whatever the rest of the draft says
    (the reply's own marks still come from checking the whole draft).
    """

    LINE_END = re.compile(r"[\n。！？]|[.!?](?=\s)")
    """A finished line. A '.', '!' or '?' counts only once the next character has come: the stream may stop
    at "2500 ÷ 1000 = 2." before the "5" of 2.5 arrives (or at the "!" of "5! = 120")."""
    REPEATS = 3

    def __init__(self, check_text: Any, on_checked: Any = None):
        self.check_text = check_text
        self.on_checked = on_checked
        self.done = 0  # characters already looked at
        self.seen: dict[str, int] = {}
        self.shown: set[str] = set()

    def __call__(self, text: str) -> bool:
        ends = [m.end() for m in self.LINE_END.finditer(text, self.done)]
        if not ends:
            return False
        chunk, self.done = text[self.done:ends[-1]], ends[-1]
        for line in (ln.strip() for ln in self.LINE_END.split(chunk)):
            if len(line) >= 6:
                self.seen[line] = self.seen.get(line, 0) + 1
                if self.seen[line] >= self.REPEATS:
                    return True
        checks = [(status_name(getattr(c, "status", None)), c) for c in self._checks(chunk)]
        if self.on_checked is not None:
            claims = list(dict.fromkeys(str(c.claim) for status, c in checks if status == "verified"
                                        and getattr(c, "kind", "") in self.SHOWN_KINDS
                                        and str(c.claim) not in self.shown))
            if claims:
                self.shown.update(claims)
                self.on_checked(claims)
        # a refutation counts only if it holds in the whole text so far too (a line read without the lines
        # before it could be misread), so the verdict of the stopped draft is the one verify will give
        return (any(status == "refuted" for status, _ in checks)
                and any(status_name(getattr(c, "status", None)) == "refuted" for c in self._checks(text[:self.done])))

    SHOWN_KINDS = frozenset({"arithmetic", "expression", "equation", "derivative", "integral"})
    """The kinds of claim marked while streaming: calculations and steps whose truth does not depend on the
    question (not a final answer, which is judged against the question's answer)."""

    def _checks(self, text: str) -> list[Any]:
        try:
            return list(self.check_text(text))
        except Exception:  # noqa: BLE001 - a line the verifier cannot read does not stop the draft
            return []

    @property
    def repeated(self) -> bool:
        return any(n >= self.REPEATS for n in self.seen.values())

    @staticmethod
    def without_repeats(text: str) -> str:
        """The draft with each line kept once (a stopped repetition leaves no loop on the page)."""
        kept: list[str] = []
        for line in text.splitlines():
            if not line.strip() or line.strip() not in {k.strip() for k in kept}:
                kept.append(line)
        return "\n".join(kept)


async def verify(state: TutorState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Check the draft: claims, answer leaks, and its final answer against ground truth or a re-solve."""
    ctx = runtime.context
    text = last_user_text(state)
    writer = runtime.stream_writer
    if ctx.stream and writer is not None:
        writer({"type": "status", "text": prompts.say(state.reply_lang, prompts.STATUS_CHECKING)})
    gold = gold_answer(ctx, state.problem)
    reference = dict(state.reference)
    expects = (
        state.intent == "math_question"
        and state.tries > 0
        and bool(COMPUTATIONAL.search(text))
        and final_answer_of(state.draft) is not None
    )
    options = {
        "check_text": ctx.check_text,
        "compare_answers": ctx.compare_answers,
        "gold": gold,
        "answer_text": (state.problem or {}).get("answer_text", ""),
        "statement": (state.problem or {}).get("statement", ""),
        "forbid_answer": answer_forbidden(state),
        "question": text,
        "instructions": _instructions(state.reply_lang),
    }
    solution = await _exact_reference(ctx, state, text)
    exact = solution.answer if solution is not None else None
    if exact is not None and state.intent == "math_question" and state.tries > 0:
        # an equation SymPy solved is where the draft's steps start: a first step that changes its solutions is
        # wrong even when the draft's last line states SymPy's answer
        start = getattr(solution, "expression", None) if getattr(solution, "kind", None) in ("solve", "system", "inequality") else None
        verdict = assess_draft(state.draft, **options, reference=exact, reference_text=reference["answer"],
                               reference_source="sympy", form=reference.get("form"), expects_answer=True,
                               start=start)
    else:
        verdict = assess_draft(state.draft, **options)
    if exact is None and expects and verdict.status != "refuted":
        # The re-solve is costly: programs run only for a draft with no false claim, and each program once per
        # turn. A repaired draft with a new answer is judged by the programs already run, and more are written
        # (up to the same budget) only while they can still settle that answer.
        if not reference or reference.get("source") == "program":
            progress = None
            if ctx.stream and writer is not None:
                hide = answer_forbidden(state)  # a program's answer is the answer: never streamed in Socratic mode
                lang = state.reply_lang
                progress = lambda t: writer(  # noqa: E731
                    {"type": "status", "text": prompts.say(lang, prompts.STATUS_PROGRAM) if hide else t})
                checked = [c["claim"] for c in verdict.checks if c["status"] == "verified" and c["kind"] != "resolve"]
                if checked and not hide and not reference:
                    claims = prompts.say(lang, prompts.LIST_SEPARATOR).join(f"{c} ✓" for c in checked[:4])
                    writer({"type": "status", "text": prompts.say(lang, prompts.STATUS_CHECKED, claims=claims)})
            res = await resolve(text, llm=ctx.llm, run_code=ctx.run_code, samples=ctx.resolve_samples,
                                candidate=final_answer_of(state.draft), compare=ctx.compare_answers,
                                progress=progress, language=state.reply_lang, prior=reference.get("answers"),
                                against=reference.get("first_answer"), failed=reference.get("failed"),
                                ready=None if reference else state.early_programs)
            first = reference.get("first_answer", final_answer_of(state.draft))
            reference = {"answer": res.answer, "source": "program", "votes": res.votes, "answers": res.answers,
                         "first_answer": first, "failed": {str(i): v for i, v in res.failed.items()}}
        verdict = assess_draft(state.draft, **options, votes=reference.get("votes"),
                               against=reference.get("first_answer"), expects_answer=True)
    caught = list(state.caught) + [dict(c, attempt=state.tries) for c in verdict.refuted + verdict.disputed]
    return {
        "status": verdict.status,
        "checks": verdict.checks,
        "findings": list(state.findings) + verdict.findings,
        "caught": caught,
        "reference": reference,
    }


def _instructions(lang: str) -> tuple[str, ...]:
    """The prompt texts a draft must not repeat to the student (in the reply's language and in English)."""
    texts = (prompts.TUTOR_SYSTEM, prompts.SOCRATIC_RULE, prompts.SOLVE_RULE, prompts.EXPLAIN_RULE,
             prompts.REPAIR_NOTE, *prompts.NOTE_LABELS)
    return tuple(dict.fromkeys(t for text in texts for t in (text, prompts.say(lang, text))))


def route_solved(state: TutorState) -> Literal["plugin_agent", "draft_reply"]:
    """After the tools: the plugin agent the router chose explains (with the tool's answer), else the tutor."""
    return "plugin_agent" if state.agent else "draft_reply"


def route_plugin_reply(state: TutorState) -> Literal["verify", "draft_reply"]:
    """A plugin agent's reply is verified; one that declined (no draft) hands the turn to the tutor's own draft."""
    return "verify" if state.draft else "draft_reply"


async def _exact_reference(ctx: AgentContext, state: TutorState, text: str) -> Any:
    """SymPy's ``Solution`` of the question when the ``solve`` node found one (recomputed: the state keeps only
    text), else None."""
    if state.reference.get("source") != "sympy":
        return None
    solution = await asyncio.to_thread(ctx.solver(), text)
    return solution if solution is not None and solution.answer is not None else None


def route_verdict(state: TutorState) -> Literal["draft_reply", "fallback", "finalize"]:
    """Refuted drafts are regenerated while tries remain, then replaced by a safe fallback.

    A disputed draft (the re-solve outvoted its answer without refuting it) is
    regenerated while tries remain, then shown as undetermined: not checked,
    but not called wrong either.
    """
    from_model = state.intent in ("math_question", "problem_question")
    disputed = any(c.get("disputed") for c in state.checks)
    # SymPy settled the answer: one repair with it in the prompt, then the tool's own answer (no long loops); with
    # SymPy's working to show instead, no repair at all (issue 14: no repair pass when the tools settled it)
    tries = min(state.max_tries, SETTLED_TRIES) if _settled(state) else state.max_tries
    if _settled(state) and state.reference.get("steps"):
        tries = 1
    if state.status == "undetermined" and disputed and from_model and state.tries < tries:
        return "draft_reply"
    if state.status == "undetermined" and _settled(state) and state.intent == "math_question":
        # an explanation of SymPy's answer that never states it checks nothing (held-out Chinese set 5: one
        # described its own instructions): repaired, then the tool's own answer, never shown unchecked
        return "draft_reply" if state.tries < tries else "fallback"
    if state.status in ("verified", "undetermined", "no_math"):
        return "finalize"
    if state.status != "refuted":
        raise ValueError(f"impossible draft status {state.status!r}")
    if from_model and state.tries < tries:
        return "draft_reply"
    return "fallback"


SETTLED_TRIES = 2
"""Drafts tried for a question SymPy settled: the first, and one repair with the exact answer in the prompt."""


def _settled(state: TutorState) -> bool:
    return state.reference.get("source") == "sympy" and not answer_forbidden(state)


async def fallback(state: TutorState, runtime: Runtime[AgentContext]) -> dict[str, Any]:
    """Replace a draft that still fails: plugin material that is safe to show, else an honest "not sure"."""
    ctx = runtime.context
    lang = state.reply_lang
    text = prompts.say(lang, prompts.NOT_SURE)
    if _settled(state) and state.intent == "math_question":
        # The explanation kept failing its checks, but the answer itself is SymPy's exact result: show that,
        # and nothing unchecked with it.
        ref = state.reference
        expression = re.sub(r"√\s+", "√", ref.get("expression") or last_user_text(state))
        if ref.get("steps"):  # SymPy's own working, each line worked out by it: the steps without the model
            text = prompts.say(lang, prompts.TOOL_WORKING, expression=expression, answer=ref["answer"],
                               steps="\n".join(ref["steps"]))
        else:
            text = prompts.say(lang, prompts.TOOL_ANSWER, expression=expression, answer=ref["answer"])
        answer_check = {"claim": f"final answer {ref['answer']}", "kind": "resolve", "status": "verified",
                        "expected": ref["answer"], "source": "sympy",
                        "explanation": "SymPy's exact answer, shown as it computed it."}
        return {"draft": text, "status": "verified", "checks": [answer_check]}
    agreed = _programs_agree(ctx, state)
    if agreed is not None:
        # The drafts kept failing, but the programs' vote alone is what verifies a draft's answer: show that
        # answer, from its source, with nothing unchecked around it.
        answer, n = agreed
        text = prompts.say(lang, prompts.PROGRAM_ANSWER, n=n, answer=answer)
        check = {"claim": f"final answer {answer}", "kind": "resolve", "status": "verified", "expected": answer,
                 "source": "program", "explanation": f"{n} independent programs got this answer."}
        return {"draft": text, "status": "verified", "checks": [check]}
    if state.problem is not None:
        if not answer_forbidden(state) and state.problem.get("steps"):
            text = prompts.say(lang, prompts.WORKED_SOLUTION) + "\n" + "\n".join(
                f"{i}. {s}" for i, s in enumerate(state.problem["steps"], 1)
            )
        else:
            hints = [t for _lvl, t in state.problem.get("hints", [])]
            gold = gold_answer(ctx, state.problem)
            safe = [h for h in hints[:2] if not leaks(ctx, h, state.problem, gold)]
            text = safe[0] if safe else prompts.say(lang, prompts.READ_AGAIN)
            if state.injection:
                text = prompts.say(lang, prompts.REDIRECT["injection"]) + "\n\n" + text
    return {"draft": text, "status": "withheld", "checks": []}


def _programs_agree(ctx: AgentContext, state: TutorState) -> tuple[str, int] | None:
    """The programs' answer and its votes when the vote alone would verify it (``agents.resolve.judge``: at
    least two programs and two more than any other answer), for a math question the student may see answered."""
    votes = state.reference.get("votes") if state.reference.get("source") == "program" else None
    if not votes or state.intent != "math_question" or answer_forbidden(state):
        return None
    best = max(votes, key=votes.get)
    verdict = judge(best, votes, ctx.compare_answers, state.reference.get("first_answer"))
    return (best, verdict.support) if verdict.status == "verified" else None


async def finalize(state: TutorState, runtime: Runtime[AgentContext], config: RunnableConfig) -> dict[str, Any]:
    """Build the reply the student sees, store it, and log what the verifier caught."""
    verified = [c["claim"] for c in state.checks if c["status"] == "verified"]
    status = state.status or "no_math"
    text = state.draft
    if status == "undetermined" and any(c["kind"] == "resolve" for c in state.checks):
        text += "\n\n" + prompts.say(state.reply_lang, prompts.UNCHECKED_NOTE)
    thread_id = ((config or {}).get("configurable") or {}).get("thread_id") or ""
    reply = Reply(
        text=text,
        status=status,
        verified=verified,
        repaired=bool(state.caught),
        caught=[{"claim": c["claim"], "kind": c["kind"], "expected": c.get("expected")} for c in state.caught],
        intent=state.intent,
        agent=state.agent,
        grade=state.grade,
        tries=state.tries,
        reference=_shown_reference(state),
        thread_id=thread_id,
        figure=(state.problem or {}).get("figure") or {} if state.intent == "new_problem" else {},
    )
    ctx = runtime.context
    if ctx.tutor is not None and state.student_id is not None:
        await persist_turn(ctx.tutor, state.student_id, thread_id or None, last_user_text(state), reply, state.caught)
    writer = runtime.stream_writer
    if ctx.stream and writer is not None:
        writer({"type": "final", "reply": reply.to_state()})
    return {"reply": reply.to_state(), "messages": [AIMessage(content=text)]}


def _shown_reference(state: TutorState) -> dict[str, Any]:
    """The reference a reply's answer was checked against, for the reply and a teacher: answer and source."""
    if state.problem is not None and state.intent in ("answer_attempt", "problem_question", "hint_request"):
        return {"answer": state.problem.get("answer_text", ""), "source": "plugin"}
    ref = state.reference
    if ref.get("source") in ("sympy", "program") and ref.get("answer") is not None:
        return {"answer": str(ref["answer"]), "source": ref["source"]}
    return {}


def build_graph(*, checkpointer: Any = None, name: str = "tutor") -> Any:
    """Compile the tutor dialogue graph (``context_schema=AgentContext``).

    Args:
        checkpointer: a LangGraph checkpointer so conversations survive a restart
            (see ``agents.checkpoint``); None keeps no history between calls.
    """
    g = StateGraph(TutorState, context_schema=AgentContext)
    for node in (begin_turn, classify, redirect, premise, new_problem, grade_attempt, give_hint, solve, draft_reply,
                 plugin_agent, verify, fallback, finalize):
        g.add_node(node.__name__, node)
    g.add_edge(START, "begin_turn")
    g.add_edge("begin_turn", "classify")
    g.add_conditional_edges("classify", route_intent)
    g.add_conditional_edges("solve", route_solved)
    for node in ("give_hint", "draft_reply"):
        g.add_edge(node, "verify")
    g.add_conditional_edges("plugin_agent", route_plugin_reply)
    g.add_conditional_edges("verify", route_verdict)
    for node in ("redirect", "premise", "new_problem", "grade_attempt", "fallback"):
        g.add_edge(node, "finalize")
    g.add_edge("finalize", END)
    return g.compile(checkpointer=checkpointer, name=name)
