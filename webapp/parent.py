"""Parent pages: each linked child's week, and linking a child with a code."""

from __future__ import annotations

import streamlit as st

from tutor import reports
from tutor.accounts import get_user
from tutor.classes import redeem_link_code
from tutor import i18n
from tutor.i18n import _, ngettext
from tutor.models import Role
from webapp import charts
from webapp.common import MAX_SHORT, check_length, friendly, get_ctx, math_markdown, pct, query_int, require, run_action
from webapp.skillmap import show_skill_map


@friendly
def children_page() -> None:
    parent = require(Role.parent)
    st.title(_("Your children"))
    ctx = get_ctx()
    with ctx.session() as s:
        children = reports.linked_children(session=s, viewer=parent)
    wanted = query_int("child")
    if not children and wanted is None:
        st.info(_("No child is linked to your account yet. Ask your child (on their *My classes & family* page) "
                  "or their teacher for a link code, then enter it under **Link a child**."))
        return
    if wanted is None:
        names = {c.id: c.display_name for c in children}
        wanted = st.selectbox(_("Child"), list(names), format_func=names.get) if len(children) > 1 else children[0].id
    with ctx.session() as s:
        week = reports.child_week(session=s, viewer=parent, student_id=wanted)  # refuses other families' children
        conversation = reports.latest_conversation(session=s, viewer=parent, student_id=wanted)
    show_child_week(week)
    st.markdown("#### " + _("Skill map"))
    with ctx.session() as s:
        grade_level = get_user(session=s, user_id=wanted).grade_level
    show_skill_map(parent, wanted, grade_level=grade_level, key=f"map_{wanted}")
    with st.expander(_("Latest conversation with the tutor")):
        if not conversation:
            st.caption(_("No conversations yet."))
        for who, text in conversation:
            speaker = _("Tutor") if who == "tutor" else week.name.split()[0]
            st.markdown(_("**{speaker}:** ").format(speaker=speaker) + math_markdown(text))


def show_child_week(week: reports.ChildWeek) -> None:
    p = week.progress
    st.subheader(p.name)
    st.caption(_("The last 7 days, {start} – {end}").format(start=i18n.day(week.week_start),
                                                              end=i18n.day(week.week_end)))
    a, b = st.columns(2)
    a.metric(_("Time practising"), _("{minutes} min").format(minutes=i18n.number(p.minutes_this_week)))
    b.metric(_("Problems solved"), _("{right} of {total}").format(right=p.correct_this_week,
                                                                  total=p.problems_this_week))
    a.metric(_("Mastery gained"), _("{points} pts").format(points=f"{week.mastery_gained * 100:+.0f}"))
    b.metric(_("Streak"), ngettext("{n} day", "{n} days", p.streak).format(n=p.streak))
    st.markdown("#### " + _("Mastery over time"))
    if week.series:
        charts.draw(charts.mastery_lines(week.series), room=110)
    else:
        st.info(_("No practice in the last four weeks yet, so there is nothing to chart."))
    if week.stuck:
        st.markdown("#### " + _("Where your help counts"))
        for s in week.stuck:
            st.warning(_("**{skill}**: {tries} tries so far, mastery {percent}. "
                         "Sitting with them for one problem often unblocks it.").format(
                skill=s.title, tries=s.attempts, percent=pct(s.p_mastery)))
    st.markdown("#### " + _("Current lesson plan"))
    if week.plan is None:
        st.caption(_("No lesson plan yet; the tutor makes one when your child opens *Today*."))
    else:
        st.progress(week.plan.done / max(week.plan.total, 1),
                    text=_("{done} of {total} steps done").format(done=week.plan.done, total=week.plan.total))
        for _kind, title, skill, status in week.plan.items:
            st.markdown(f"{'✅' if status == 'done' else '⬜'} {title} · *{skill}*")
    st.markdown("#### " + _("Recent sessions"))
    if not week.activity:
        st.info(_("No practice yet this week."))
    for d in week.activity:
        what = _(", ").join(d.skills) if d.skills else _("talked with the tutor")
        chats = ngettext(", {n} chat", ", {n} chats", d.chats).format(n=d.chats) if d.chats else ""
        st.markdown(_("**{day}** – {problems} problems ({correct} correct), {minutes} min{chats}: {what}").format(
            day=i18n.day(d.day, weekday=True), problems=d.problems, correct=d.correct,
            minutes=i18n.number(d.minutes), chats=chats, what=what))
    st.download_button(_("Download weekly summary"), reports.weekly_summary_markdown(week),
                       file_name=f"weekly-summary-{p.name.split()[0].lower()}.md", mime="text/markdown",
                       icon=":material/download:")


@friendly
def link_child_page() -> None:
    parent = require(Role.parent)
    st.title(_("Link a child"))
    st.write(_("Your child finds a link code on their *My classes & family* page; a teacher can make one too."))
    with st.form("link"):
        code = st.text_input(_("Link code"), max_chars=MAX_SHORT)
        go = st.form_submit_button(_("Link"), type="primary")
    if go:
        code = check_length(code, MAX_SHORT, _("The link code"))

        def link():
            with get_ctx().session() as s:
                return redeem_link_code(session=s, parent=parent, code=code).display_name

        name = run_action(link)
        if name:
            st.success(_("Linked {name}. Open *Children overview* to see their week.").format(name=name))
