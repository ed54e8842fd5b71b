"""The skill map a student and their parents see: the skills of a grade, coloured by mastery (issue 16)."""

from __future__ import annotations

import streamlit as st

from tutor import reports
from tutor.i18n import N_, _
from webapp import charts
from webapp.common import get_ctx

STATE_NAMES = {"mastered": N_("mastered"), "learning": N_("learning"), "ready": N_("ready to start"),
               "later": N_("needs an earlier skill first"), "earlier": N_("from an earlier grade")}
GRADES = tuple(range(1, 13))


def show_skill_map(viewer, student_id: int, *, grade_level: int | None, key: str) -> None:
    """The map for one grade (the student's own by default, another by choice), a legend, and what to do next."""
    default = grade_level if grade_level in GRADES else 6
    # option labels are translated now, not in format_func: Streamlit may call it outside this run
    shown_as = {g: _("Grade {grade}").format(grade=g) for g in GRADES}
    grade = st.selectbox(_("Grade"), GRADES, index=GRADES.index(default), key=f"{key}_grade",
                         format_func=shown_as.get)
    with get_ctx().session() as s:
        skill_map = reports.skill_map(session=s, viewer=viewer, student_id=student_id, grade=grade)
    if not skill_map.skills:
        st.info(_("No installed subject has skills for grade {grade} yet.").format(grade=grade))
        return
    on_grade = [x for x in skill_map.skills if x.state != "earlier"]
    done = sum(1 for x in on_grade if x.state == "mastered")
    st.caption(_("{done} of {total} skills of grade {grade} mastered.").format(done=done, total=len(on_grade),
                                                                               grade=grade))
    st.graphviz_chart(charts.skill_map_dot(skill_map), width="stretch")
    st.markdown("  ".join(f'<span style="display:inline-block;padding:1px 8px;margin:2px;border-radius:6px;'
                          f'border:1px {"dashed" if state == "earlier" else "solid"} #6b7280;'
                          f'background:{charts.MAP_COLOURS[state]}">{_(name)}</span>'
                          for state, name in STATE_NAMES.items()), unsafe_allow_html=True)
    ready = [x.title for x in skill_map.skills if x.state == "ready"]
    if ready:
        st.caption(_("Ready to start: {skills}").format(skills=_(", ").join(ready[:6])))
