"""Student pages: Today (the lesson plan), Learn (tutor chat), Practice, Progress, and joining a class."""

from __future__ import annotations

import re

import streamlit as st

from tutor import learner, reports
from tutor.classes import issue_link_code, join_class, student_classes
from tutor.i18n import N_, _, current_language, ngettext
from tutor.figures import figure_data
from tutor.problems import language_notice
from webapp.skillmap import show_skill_map
from tutor.models import Role
from webapp import charts, common
from webapp.common import MAX_MESSAGE, MAX_SHORT, check_length, friendly, get_ctx, math_markdown, pct, require, run_action

STATUS_MARK = {  # badge markup around the translated words
    "verified": (":green-badge[:material/verified: {}]", N_("checked by the verifier")),
    "graded": (":green-badge[:material/grading: {}]", N_("graded")),
    "undetermined": (":orange-badge[:material/help: {}]", N_("not checked")),
    "withheld": (":red-badge[:material/block: {}]", N_("a wrong step was withheld")),
}


REFERENCE_SOURCE = {"sympy": N_("SymPy's exact working"), "plugin": N_("the problem's own answer"),
                    "program": N_("independent programs")}


# --- Today ---------------------------------------------------------------------------------------


@friendly
def today_page() -> None:
    student = require(Role.student)
    st.title(_("Hi {name}!").format(name=student.display_name.split()[0]))
    ctx = get_ctx()
    with ctx.session() as s:
        plan = reports.current_plan(session=s, viewer=student, student_id=student.id)
        progress = reports.student_progress(session=s, viewer=student, student_id=student.id)
    if progress.streak:
        st.caption(":material/local_fire_department: "
                   + _("{days}-day streak – keep it going!").format(days=progress.streak))
    if plan is None or plan.done == plan.total:
        st.info(_("No lesson planned for today yet.") if plan is None
                else _("You finished today's lesson. Great work!"))
        if st.button(_("Plan today's lesson"), type="primary", icon=":material/auto_awesome:"):
            with st.spinner(_("Planning a lesson that fits you…")):
                run_action(lambda: plan_for(student.id))
            st.rerun()
        return
    if plan.greeting:
        common.show_math(plan.greeting)
    st.progress(plan.done / max(plan.total, 1),
                text=_("{done} of {total} steps done · about {minutes} min").format(
                    done=plan.done, total=plan.total, minutes=plan.minutes))
    for kind, title, skill, status in plan.items:
        mark = ":material/check_circle:" if status == "done" else ":material/radio_button_unchecked:"
        st.markdown(f"{mark} **{title}**  \n:gray[{kind} · {skill}]")
    if st.button(_("Start the next step"), type="primary", icon=":material/play_arrow:", key="next_step"):
        with ctx.session() as s:
            problem, item = learner.lesson_item_problem(session=s, plugins=ctx.plugins, student_id=student.id,
                                                        item_id=plan.next_item)
        start_practice(problem, lesson_item=item.id, intro=item.content if item.kind == "new" else "")
        st.switch_page("webapp/routes/practice.py")


def plan_for(student_id: int):
    from agents.service import plan_lesson

    return plan_lesson(get_ctx(), student_id, agent_context=common.ready_chat().agent_context)


# --- Learn ----------------------------------------------------------------------------------------


@friendly
def learn_page() -> None:
    student = require(Role.student)
    st.title(_("Learn with the tutor"))
    st.caption(_("Ask anything about math. Every calculation in a reply is checked before you see it."))
    if "chat_log" not in st.session_state:  # pick up the latest conversation after a new login
        with get_ctx().session() as s:
            earlier = reports.latest_conversation(session=s, viewer=student, student_id=student.id)
        st.session_state["chat_log"] = [{"role": "assistant" if who == "tutor" else "user", "text": text}
                                        for who, text in earlier]
    log = st.session_state["chat_log"]
    for entry in log:
        with st.chat_message("user" if entry["role"] == "user" else "assistant"):
            render_entry(entry)
    a, b = st.columns(2)
    hint = a.button(_("Hint"), icon=":material/lightbulb:", key="hint", help=_("Climbs the hint ladder one step"))
    new = b.button(_("Give me a problem"), icon=":material/casino:", key="new_problem")
    text = st.chat_input(_("Ask a question or type your answer"), max_chars=MAX_MESSAGE)
    # The model loads (first time only, with a status line) and its fixed prompts are primed while the student
    # reads the page and types, not in the first question's wait.
    common.ready_chat()
    if new:
        serve_problem(student)
        st.rerun()
    if hint:
        text = _("I'm stuck, can I have a hint?")
    if text:
        check_length(text, MAX_MESSAGE, _("Your message"))
        send(student, text)


def render_entry(entry: dict) -> None:
    st.markdown(math_markdown(entry["text"]))
    if entry["role"] != "assistant":
        return
    common.show_figure(entry.get("figure"))
    mark = STATUS_MARK.get(entry.get("status", ""))
    if mark:
        st.markdown(mark[0].format(_(mark[1])))
    source = (entry.get("reference") or {}).get("source")
    if source in REFERENCE_SOURCE and entry.get("status") == "verified":
        st.caption(_("Answer checked against {source}: {answer}").format(source=_(REFERENCE_SOURCE[source]),
                                                                         answer=entry["reference"]["answer"]))
    if entry.get("verified"):
        n = len(entry["verified"])
        with st.expander(ngettext("{n} statement verified", "{n} statements verified", n).format(n=n)):
            for claim in entry["verified"]:
                st.markdown(f":material/check: {math_markdown(claim)}")


def send(student, text: str) -> None:
    log = st.session_state["chat_log"]
    log.append({"role": "user", "text": text})
    with st.chat_message("user"):
        st.markdown(math_markdown(text))
    chat = common.ready_chat()
    with st.chat_message("assistant"):
        tool = st.empty()
        box = st.empty()
        marks = st.empty()
        draft = ""
        checked: list[str] = []
        reply = None
        for event in chat.send(student.id, text, thread_id=st.session_state.get("thread_id")):
            if event.type == "token":
                draft += event.text
                box.markdown(math_markdown(draft) + " ▌")
            elif event.type == "checked":  # the draft's calculations the verifier found true, as they come
                checked.append(event.text)
                marks.markdown(" · ".join(f":material/check: {math_markdown(c)}" for c in checked[-6:]))
            elif event.type == "status" and event.kind == "tool":  # in any language
                tool.markdown(f":green[:material/calculate: {math_markdown(event.text)}]")  # the tool's result, first
            elif event.type == "status":
                box.markdown((math_markdown(draft) + "\n\n" if draft else "") + f":gray[{event.text}…]")
            elif event.type == "final":
                reply = event.reply
        tool.empty()
        box.empty()
        marks.empty()
    if reply is None:
        st.error(_("The tutor did not answer. Please try again."))
        return
    st.session_state["thread_id"] = reply.thread_id
    log.append({"role": "assistant", "text": reply.text, "status": reply.status, "verified": reply.verified,
                "reference": reply.reference, "figure": reply.figure})
    st.rerun()


def serve_problem(student) -> None:
    problem = new_problem(student, None, current=st.session_state.get("chat_problem"))
    chat = common.ready_chat()
    st.session_state["thread_id"] = chat.start_problem(student.id, problem, st.session_state.get("thread_id"))
    st.session_state["chat_problem"] = problem
    st.session_state["chat_log"].append(
        {"role": "assistant", "text": _("Here's a problem for you:") + f"\n\n{problem_markdown(problem)}", "status": "",
         "figure": figure_data(problem.figure)}
    )


def problem_markdown(problem) -> str:
    return problem.statement + (f"\n\n$${problem.latex}$$" if formula_helps(problem) else "")


_LATEX_WORDS = re.compile(r"\\(?:text|mathrm|operatorname)\{[^{}]*\}")
_PROSE = re.compile(r"[A-Za-z]{2,}[,.]?\s+[A-Za-z]{2,}[,.]?\s+[A-Za-z]{2,}|[\u4e00-\u9fff]")


def formula_helps(problem) -> bool:
    """Typeset the problem's LaTeX under a short statement; under a word problem it would give the setup away.

    A LaTeX that is only a placeholder ("\\text{?}", "(x, y) = ?" says nothing the statement does not) or
    prose (a sentence typeset as math loses its spaces) is not shown."""
    latex = (problem.latex or "").strip()
    if not latex or _PROSE.search(_LATEX_WORDS.sub("", latex)):
        return False
    if not re.search(r"\d", _LATEX_WORDS.sub("", latex)):
        return False
    return len(problem.statement) <= 3 * len(latex) + 40


# --- Practice -------------------------------------------------------------------------------------

DUE = "__due__"


def offered_skills() -> dict[str, str]:
    return {s.id: s.title for s in learner.offered_skills(get_ctx().plugins, language=current_language())}


def new_problem(student, skill_id: str | None, current=None):
    """The next problem by the learner's one policy (None: what's due), after the one on screen if any."""
    ctx = get_ctx()
    with ctx.session() as s:
        return learner.next_problem(session=s, plugins=ctx.plugins, student_id=student.id, skill_id=skill_id,
                                    current=current, language=current_language())


@friendly
def practice_page() -> None:
    student = require(Role.student)
    st.title(_("Practice"))
    skills = offered_skills()
    # option labels are translated now, not in format_func: Streamlit may call it outside this run
    shown_as = {DUE: _("What's due for me"), **skills}
    choice = st.selectbox(_("Skill"), list(shown_as), format_func=shown_as.get, key="practice_skill")
    current: learner.PracticeRun | None = st.session_state.get("practice")
    if st.button(_("New problem"), type="primary", icon=":material/casino:", key="new"):
        current = start_practice(new_problem(student, None if choice == DUE else choice,
                                             current=current.problem if current else None))
    if not current:
        st.info(_("Pick a skill (or *What's due for me*) and press **New problem**."))
        return
    problem = current.problem
    st.markdown(f"**{skills.get(problem.skill_id, problem.skill_id)}**"
                + (" · " + _("from today's lesson") if current.lesson_item else ""))
    if current.intro:
        st.info(math_markdown(current.intro), icon=":material/school:")
    if notice := language_notice(problem):  # the skill's plugin lacks the student's language
        st.caption(notice)
    common.show_math(problem.statement)
    if formula_helps(problem):
        st.latex(problem.latex)
    common.show_figure(problem.figure)
    if problem.answer_format:
        st.caption(_("Answer as {format}.").format(format=problem.answer_format))
    ladder = get_ctx().plugins.hints(problem)
    for h in ladder[: current.hints]:
        st.info(math_markdown(h.text), icon=":material/lightbulb:")
    if current.hints < len(ladder) and st.button(_("Hint"), icon=":material/lightbulb:", key="practice_hint"):
        current.hints += 1
        st.rerun()
    with st.form("answer", clear_on_submit=False):
        given = st.text_input(_("Your answer"), max_chars=200, key="answer_text")
        submitted = st.form_submit_button(_("Check"), type="primary", key="check")
    if submitted:
        given = check_length(given, 200, _("Your answer")).strip()
        if not given:
            st.warning(_("Type an answer first."))
        else:
            ctx = get_ctx()
            current.submit(engine=ctx.engine, plugins=ctx.plugins, student_id=student.id, answer=given)
    show_result(current)


def start_practice(problem, *, lesson_item: int | None = None, intro: str = "") -> learner.PracticeRun:
    run = learner.PracticeRun(problem, lesson_item=lesson_item, intro=intro)
    st.session_state["practice"] = run
    return run


def show_result(current: learner.PracticeRun) -> None:
    result = current.result
    if result is None:
        return
    problem = current.problem
    if result.verdict == "correct":
        extra = _("You mastered this skill!") if result.newly_mastered else \
            _("Mastery now {percent}.").format(percent=pct(result.p_after))
        st.success(math_markdown(result.feedback) + " " + extra, icon=":material/check_circle:")
    elif result.verdict == "incorrect":
        st.error(math_markdown(result.feedback) + " " + _("Try again, or take a hint."), icon=":material/cancel:")
    else:
        st.warning(result.feedback + (" " + _("Write it as {format}.").format(format=problem.answer_format)
                                      if problem.answer_format else ""), icon=":material/help:")
    if result.verdict == "correct" and current.lesson_item:
        st.page_link("webapp/routes/today.py", label=_("Step done – back to today's lesson"), icon=":material/today:")
    if result.verdict != "undetermined" or current.tries > 1:
        with st.expander(_("Worked solution"), expanded=result.verdict == "correct"):
            for i, step in enumerate(problem.steps, 1):
                st.markdown(f"{i}. {math_markdown(step.text)}")
                if step.latex:
                    st.latex(step.latex)
            st.markdown(f"**{_('Answer:')}** {math_markdown(problem.answer_text)}")


# --- Progress -------------------------------------------------------------------------------------


@friendly
def progress_page() -> None:
    student = require(Role.student)
    st.title(_("My progress"))
    with get_ctx().session() as s:
        p = reports.student_progress(session=s, viewer=student, student_id=student.id)
        series = reports.mastery_over_time(session=s, viewer=student, student_id=student.id)
    a, b = st.columns(2)
    a.metric(_("Streak"), ngettext("{n} day", "{n} days", p.streak).format(n=p.streak))
    b.metric(_("Problems this week"), _("{right} of {total} right").format(right=p.correct_this_week,
                                                                          total=p.problems_this_week))
    a.metric(_("Mastered this week"), len(p.mastered_this_week))
    b.metric(_("Reviews due"), len(p.reviews_due))
    st.markdown("#### " + _("My skill map"))
    show_skill_map(student, student.id, grade_level=student.grade_level, key="my_map")
    if not p.skills:
        st.info(_("No practice yet – solve a few problems and your skills will show up here."))
        return
    st.markdown("#### " + _("Mastery per skill"))
    charts.draw(charts.mastery_bars(p.skills))
    if p.mastered_this_week:
        st.success(_("Mastered this week: ") + _(", ").join(p.mastered_this_week), icon=":material/emoji_events:")
    if p.reviews_due:
        st.warning(_("Time to review: ") + _(", ").join(p.reviews_due), icon=":material/event_repeat:")
    if series:
        st.markdown("#### " + _("Over time"))
        charts.draw(charts.mastery_lines(series), room=110)


# --- Classes and family ---------------------------------------------------------------------------


@friendly
def account_page() -> None:
    student = require(Role.student)
    st.title(_("My classes & family"))
    with get_ctx().session() as s:
        classes = student_classes(session=s, student_id=student.id)
    st.markdown("#### " + _("Classes"))
    if classes:
        for c in classes:
            st.markdown(f"- {c.name}")
    else:
        st.caption(_("You are not in a class yet."))
    with st.form("join", clear_on_submit=True):
        code = st.text_input(_("Join a class with the code your teacher gave you"), max_chars=MAX_SHORT)
        if st.form_submit_button(_("Join")):
            code = check_length(code, MAX_SHORT, _("The join code"))

            def join():
                with get_ctx().session() as s:
                    return join_class(session=s, student=student, code=code).name

            name = run_action(join)
            if name:
                st.success(_("You joined {name}.").format(name=name))
    st.markdown("#### " + _("Family"))
    st.write(_("Give a parent a link code so they can follow your progress."))
    if st.button(_("Make a link code"), key="link_code"):

        def make():
            with get_ctx().session() as s:
                return issue_link_code(session=s, issuer=student, student_id=student.id)

        code = run_action(make)
        if code:
            st.success(_("Your link code: **{code}** (works once, for 7 days).").format(code=code))
    st.markdown("#### " + _("Language"))
    st.caption(_("The language you see the tutor's pages in. You can also change it in the sidebar."))
    common.language_switch(student, key="account_language")
