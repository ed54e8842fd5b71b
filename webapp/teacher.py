"""Teacher pages (admins see them for every class): class, drill-down, verifier, export."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tutor import reports
from tutor.classes import create_class, issue_link_code
from tutor.errors import ReportError
from tutor import i18n
from tutor.i18n import N_, _
from tutor.models import Classroom, Role
from tutor.reports import manage
from webapp import charts
from webapp.common import (
    MAX_SHORT,
    check_length,
    error_text,
    friendly,
    get_ctx,
    pct,
    query_int,
    require,
    run_action,
)

STAFF = (Role.teacher, Role.admin)
VERDICTS = {"correct": N_("correct"), "incorrect": N_("incorrect"), "undetermined": N_("undetermined")}
"""What the drill-down calls each verdict of an attempt (others are shown as stored)."""


def pick_class(viewer, *, key: str = "class") -> Classroom | None:
    """The class to show: ``?class=`` from the URL (checked), the only one, or a choice."""
    with get_ctx().session() as s:
        wanted = query_int("class")
        if wanted is not None:
            return manage.class_of(session=s, viewer=viewer, class_id=wanted)
        classes = reports.classes_for(session=s, viewer=viewer)
    if not classes:
        st.info(_("You have no class yet. Create one below and give students its join code."))
        return None
    if len(classes) == 1:
        return classes[0]
    names = {c.id: c.name for c in classes}
    chosen = st.selectbox(_("Class"), list(names), format_func=names.get, key=key)
    return next(c for c in classes if c.id == chosen)


def pick_student(viewer, classroom: Classroom, *, key: str = "student") -> int | None:
    wanted = query_int("student")
    if wanted is not None:
        return wanted  # the report checks access
    with get_ctx().session() as s:
        rows = reports.roster(session=s, viewer=viewer, class_id=classroom.id)
    if not rows:
        st.info(_("No students in this class yet."))
        return None
    names = {r.student_id: r.name for r in rows}
    return st.selectbox(_("Student"), list(names), format_func=names.get, key=key)


@friendly
def class_page() -> None:
    viewer = require(*STAFF)
    st.title(_("Class"))
    classroom = pick_class(viewer)
    if classroom is None:
        new_class_form(viewer)
        return
    ctx = get_ctx()
    with ctx.session() as s:
        rows = reports.roster(session=s, viewer=viewer, class_id=classroom.id)
        cells = reports.mastery_heatmap(session=s, viewer=viewer, class_id=classroom.id)
        struggles = reports.struggling_skills(session=s, viewer=viewer, class_id=classroom.id)
        standards = reports.mastery_by_standard(session=s, viewer=viewer, class_id=classroom.id)
        misconceptions = reports.class_misconceptions(session=s, viewer=viewer, class_id=classroom.id)
    st.subheader(classroom.name)
    st.markdown(_("Join code: **`{code}`** – students enter it on *My classes & family*.").format(
        code=classroom.join_code))
    active = sum(1 for r in rows if r.problems_this_week)
    a, b = st.columns(2)
    a.metric(_("Students"), len(rows))
    b.metric(_("Practised this week"), _("{right} of {total}").format(right=active, total=len(rows)))

    st.markdown("#### " + _("Class mastery"))
    if not cells:
        st.info(_("No practice yet in this class, so there is no mastery to show."))
    else:
        shown_as = {o: _(o) for o in (N_("name"), N_("lowest mastery first"))}  # translated now, not later
        order = st.radio(_("Sort students by"), list(shown_as), horizontal=True, key="heat_sort",
                         format_func=shown_as.get)
        ranked = sorted(rows, key=lambda r: (r.mean_mastery if r.mean_mastery is not None else 2, r.name)) \
            if order != "name" else rows
        shown = {c.student for c in cells}
        names = [r.name for r in ranked if r.name in shown]
        charts.draw(charts.heatmap(cells, names), room=160)

    st.markdown("#### " + _("Hardest skills (last 4 weeks)"))
    if not struggles:
        st.caption(_("No attempts in the last four weeks."))
    else:
        st.dataframe(pd.DataFrame([{_("skill"): x.title, _("accuracy"): pct(x.accuracy),
                                    _("mean mastery"): pct(x.mean_mastery), _("students"): x.students,
                                    _("below 50%"): x.struggling_students}
                                   for x in struggles[:8]]), hide_index=True, width="stretch")

    st.markdown("#### " + _("Mastery by standard"))
    if not standards:
        st.caption(_("Mastery by Common Core standard appears once students practise."))
    else:
        charts.draw(charts.standard_bars(standards), room=70)

    st.markdown("#### " + _("Misconceptions (last 4 weeks)"))
    if not misconceptions:
        st.caption(_("No common wrong answers recognised in the last four weeks."))
    else:
        st.dataframe(pd.DataFrame([{_("misconception"): m.misconception, _("times"): m.times,
                                    _("students"): m.students, _("skills"): _(", ").join(m.skills)}
                                   for m in misconceptions[:10]]), hide_index=True, width="stretch")

    st.markdown("#### " + _("Not practised recently"))
    days = st.slider(_("Days without practice"), 1, 30, 7, key="idle_days")
    with ctx.session() as s:
        idle = reports.inactive_students(session=s, viewer=viewer, class_id=classroom.id, days=days)
    if not idle:
        st.success(_("Everyone practised in the last {days} days.").format(days=days))
    else:
        st.write(_(", ").join(f"{r.name} ({_('never') if r.last_active is None else i18n.day(r.last_active)})"
                              for r in idle))

    st.markdown("#### " + _("Roster"))
    st.dataframe(pd.DataFrame([{_("student"): r.name, _("username"): r.username, _("grade"): r.grade,
                                _("problems this week"): r.problems_this_week,
                                _("skills mastered"): r.skills_mastered, _("mean mastery"): pct(r.mean_mastery),
                                _("last active"): f"{r.last_active:%Y-%m-%d}" if r.last_active else _("never")}
                               for r in rows]), hide_index=True, width="stretch")
    roster_forms(viewer, classroom, rows)
    if viewer.role == Role.teacher:
        new_class_form(viewer)


def roster_forms(viewer, classroom: Classroom, rows) -> None:
    with st.expander(_("Add or remove students")):
        with st.form("add_student", clear_on_submit=True):
            username = st.text_input(_("Student's username"), max_chars=MAX_SHORT)
            if st.form_submit_button(_("Add to class")):
                username = check_length(username, MAX_SHORT, _("The username"))

                def add():
                    with get_ctx().session() as s:
                        return manage.add_student(session=s, viewer=viewer, class_id=classroom.id, username=username)

                if run_action(add):
                    st.rerun()
        if rows:
            names = {r.student_id: r.name for r in rows}
            gone = st.selectbox(_("Remove a student"), list(names), format_func=names.get, key="remove_pick")
            if st.button(_("Remove from class"), key="remove"):

                def remove():
                    with get_ctx().session() as s:
                        return manage.remove_student(session=s, viewer=viewer, class_id=classroom.id, student_id=gone)

                if run_action(remove):
                    st.rerun()


def new_class_form(viewer) -> None:
    if viewer.role != Role.teacher:
        return
    with st.expander(_("Create a class")):
        with st.form("new_class", clear_on_submit=True):
            name = st.text_input(_("Class name"), max_chars=80)
            if st.form_submit_button(_("Create")):
                name = check_length(name, 80, _("The class name"))

                def create():
                    with get_ctx().session() as s:
                        return create_class(session=s, teacher=viewer, name=name)

                if run_action(create):
                    st.rerun()


@friendly
def drilldown_page() -> None:
    viewer = require(*STAFF)
    st.title(_("Student drill-down"))
    classroom = pick_class(viewer)
    if classroom is None:
        return
    student_id = pick_student(viewer, classroom)
    if student_id is None:
        return
    with get_ctx().session() as s:
        d = reports.student_drilldown(session=s, viewer=viewer, student_id=student_id)
        progress = reports.student_progress(session=s, viewer=viewer, student_id=student_id)
    st.subheader(d.name)
    a, b = st.columns(2)
    a.metric(_("Attempts"), d.attempts)
    b.metric(_("Correct"), f"{d.correct} ({pct(d.correct / d.attempts if d.attempts else None)})")
    a.metric(_("Hints used"), d.hints_used)
    b.metric(_("Time on task"), _("{minutes} min").format(minutes=i18n.number(d.minutes)))
    st.markdown("#### " + _("Mastery over time"))
    if d.series:
        charts.draw(charts.mastery_lines(d.series), room=110)
    else:
        st.info(_("No practice yet."))
    if progress.skills:
        charts.draw(charts.mastery_bars(progress.skills))
    st.markdown("#### " + _("Common mistakes"))
    if d.mistakes:
        st.dataframe(pd.DataFrame(d.mistakes, columns=[_("mistake"), _("times")]), hide_index=True, width="stretch")
    else:
        st.caption(_("No recurring mistakes recorded."))
    st.markdown("#### " + _("Per skill"))
    if d.per_skill:
        st.dataframe(pd.DataFrame(d.per_skill, columns=[_("skill"), _("attempts"), _("correct"), _("hints")]),
                     hide_index=True, width="stretch")
    st.markdown("#### " + _("Latest attempts"))
    if d.recent:
        st.dataframe(pd.DataFrame([{_("when"): i18n.day_time(w), _("skill"): sk, _("problem"): pr, _("answer"): an,
                                    _("verdict"): _(VERDICTS.get(v, v)), _("hints"): h}
                                   for w, sk, pr, an, v, h in d.recent]),
                     hide_index=True, width="stretch")
    with st.expander(_("Parent link code")):
        if st.button(_("Make a code for this student's parent"), key="linkcode"):

            def make():
                with get_ctx().session() as s:
                    return issue_link_code(session=s, issuer=viewer, student_id=student_id)

            code = run_action(make)
            if code:
                st.success(_("Link code: **{code}** (valid 7 days, once).").format(code=code))


@friendly
def verifier_page() -> None:
    viewer = require(*STAFF)
    st.title(_("What the verifier caught"))
    st.caption(_("Every math statement in a tutor reply is checked with SymPy before a student sees it; "
                 "a wrong one is repaired or withdrawn."))
    with get_ctx().session() as s:
        v = reports.verifier_stats(session=s, viewer=viewer)
    a, b = st.columns(2)
    a.metric(_("Statements checked"), v.checked)
    b.metric(_("Verified"), v.verified)
    a.metric(_("Caught wrong"), v.refuted)
    b.metric(_("Replies repaired"), _("{right} of {total}").format(right=v.replies_repaired, total=v.replies))
    if v.checked == 0:
        st.info(_("No tutor replies have been checked yet."))
        return
    st.dataframe(pd.DataFrame(v.by_kind, columns=[_("kind of statement"), _("checked"), _("caught wrong")]),
                 hide_index=True, width="stretch")
    st.markdown("#### " + _("Latest catches"))
    if not v.recent_catches:
        st.caption(_("Nothing wrong has been caught yet: every checked statement held."))
    for when, claim, expected, why in v.recent_catches:
        st.markdown(f"- {i18n.day_time(when)}: `{claim}`"
                    + (" → " + _("should be {expected}").format(expected=f"`{expected}`") if expected else "")
                    + (f" – {why}" if why else ""))


@friendly
def export_page() -> None:
    viewer = require(*STAFF)
    st.title(_("Export"))
    classroom = pick_class(viewer)
    if classroom is None:
        return
    slug = "".join(ch if ch.isalnum() else "-" for ch in classroom.name.lower())
    with get_ctx().session() as s:
        csv_data = reports.class_report_csv(session=s, viewer=viewer, class_id=classroom.id)
    st.markdown("#### " + _("Class report"))
    st.download_button(_("Download CSV"), csv_data, file_name=f"{slug}-report.csv", mime="text/csv",
                       icon=":material/table:", key="csv")
    class_pdf = _pdf(lambda s: reports.class_report_pdf(session=s, viewer=viewer, class_id=classroom.id))
    if class_pdf is not None:
        st.download_button(_("Download class PDF"), class_pdf, file_name=f"{slug}-report.pdf",
                           mime="application/pdf", icon=":material/picture_as_pdf:", key="class_pdf")
    st.markdown("#### " + _("One student"))
    student_id = pick_student(viewer, classroom, key="export_student")
    pdf = None
    if student_id is not None:
        pdf = _pdf(lambda s: reports.student_report_pdf(session=s, viewer=viewer, student_id=student_id))
    if pdf is not None:
        st.download_button(_("Download student PDF"), pdf, file_name=f"student-{student_id}-report.pdf",
                           mime="application/pdf", icon=":material/picture_as_pdf:", key="student_pdf")


def _pdf(make) -> bytes | None:
    """A PDF report, or None after saying why it cannot be made (no installed font can print its names)."""
    try:
        with get_ctx().session() as s:
            return make(s)
    except ReportError as exc:
        st.error(error_text(exc), icon=":material/error:")
        return None
