"""Parent pages: each linked child's week, and linking a child with a code."""

from __future__ import annotations

import streamlit as st

from tutor import reports
from tutor.classes import redeem_link_code
from tutor.models import Role
from webapp import charts
from webapp.common import MAX_SHORT, check_length, friendly, get_ctx, math_markdown, pct, query_int, require, run_action


@friendly
def children_page() -> None:
    parent = require(Role.parent)
    st.title("Your children")
    ctx = get_ctx()
    with ctx.session() as s:
        children = reports.linked_children(session=s, viewer=parent)
    wanted = query_int("child")
    if not children and wanted is None:
        st.info("No child is linked to your account yet. Ask your child (on their *My classes & family* page) "
                "or their teacher for a link code, then enter it under **Link a child**.")
        return
    if wanted is None:
        names = {c.id: c.display_name for c in children}
        wanted = st.selectbox("Child", list(names), format_func=names.get) if len(children) > 1 else children[0].id
    with ctx.session() as s:
        week = reports.child_week(session=s, viewer=parent, student_id=wanted)  # refuses other families' children
        conversation = reports.latest_conversation(session=s, viewer=parent, student_id=wanted)
    show_child_week(week)
    with st.expander("Latest conversation with the tutor"):
        if not conversation:
            st.caption("No conversations yet.")
        for who, text in conversation:
            st.markdown(f"**{'Tutor' if who == 'tutor' else week.name.split()[0]}:** " + math_markdown(text))


def show_child_week(week: reports.ChildWeek) -> None:
    p = week.progress
    st.subheader(p.name)
    st.caption(f"The last 7 days, {week.week_start:%d %b} – {week.week_end:%d %b}")
    a, b = st.columns(2)
    a.metric("Time practising", f"{p.minutes_this_week:.0f} min")
    b.metric("Problems solved", f"{p.correct_this_week} of {p.problems_this_week}")
    a.metric("Mastery gained", f"{week.mastery_gained * 100:+.0f} pts")
    b.metric("Streak", f"{p.streak} day{'s' if p.streak != 1 else ''}")
    st.markdown("#### Mastery over time")
    if week.series:
        charts.draw(charts.mastery_lines(week.series), room=110)
    else:
        st.info("No practice in the last four weeks yet, so there is nothing to chart.")
    if week.stuck:
        st.markdown("#### Where your help counts")
        for s in week.stuck:
            st.warning(f"**{s.title}**: {s.attempts} tries so far, mastery {pct(s.p_mastery)}. "
                       "Sitting with them for one problem often unblocks it.")
    st.markdown("#### Current lesson plan")
    if week.plan is None:
        st.caption("No lesson plan yet; the tutor makes one when your child opens *Today*.")
    else:
        st.progress(week.plan.done / max(week.plan.total, 1), text=f"{week.plan.done} of {week.plan.total} steps done")
        for _kind, title, skill, status in week.plan.items:
            st.markdown(f"{'✅' if status == 'done' else '⬜'} {title} · *{skill}*")
    st.markdown("#### Recent sessions")
    if not week.activity:
        st.info("No practice yet this week.")
    for d in week.activity:
        what = ", ".join(d.skills) if d.skills else "talked with the tutor"
        chats = f", {d.chats} chat{'s' if d.chats != 1 else ''}" if d.chats else ""
        st.markdown(f"**{d.day:%a %d %b}** – {d.problems} problems ({d.correct} correct), "
                    f"{d.minutes:.0f} min{chats}: {what}")
    st.download_button("Download weekly summary", reports.weekly_summary_markdown(week),
                       file_name=f"weekly-summary-{p.name.split()[0].lower()}.md", mime="text/markdown",
                       icon=":material/download:")


@friendly
def link_child_page() -> None:
    parent = require(Role.parent)
    st.title("Link a child")
    st.write("Your child finds a link code on their *My classes & family* page; a teacher can make one too.")
    with st.form("link"):
        code = st.text_input("Link code", max_chars=MAX_SHORT)
        go = st.form_submit_button("Link", type="primary")
    if go:
        code = check_length(code, MAX_SHORT, "The link code")

        def link():
            with get_ctx().session() as s:
                return redeem_link_code(session=s, parent=parent, code=code).display_name

        name = run_action(link)
        if name:
            st.success(f"Linked {name}. Open *Children overview* to see their week.")
