"""The tutor's web app: a router. Which pages exist depends on who is signed in.

Run with ``make run`` (or ``streamlit run streamlit_app.py``). The pages are
thin functions in ``webapp/``; every number they show comes from ``tutor``.
Every run first picks the language (the signed-in user's, else the session's,
else ``TUTOR_LANGUAGE``); every string a page shows goes through ``_()``.
"""

from __future__ import annotations

import streamlit as st

from tutor.errors import TutorError
from tutor.i18n import _
from webapp import common


def page(name: str, title: str, icon: str, *, default: bool = False) -> st.Page:
    # Each page is a two-line file in webapp/routes/ calling its page function,
    # so a URL (and AppTest.switch_page) can address it.
    return st.Page(f"webapp/routes/{name}.py", title=title, icon=icon, url_path=name, default=default)


def teacher_pages() -> list[st.Page]:
    return [
        page("class", _("Class"), ":material/groups:"),
        page("drilldown", _("Student drill-down"), ":material/person_search:"),
        page("verifier", _("Verifier"), ":material/verified:"),
        page("export", _("Export"), ":material/download:"),
    ]


def pages_for(role: str) -> dict[str, list[st.Page]]:
    """Navigation sections for a role."""
    if role == "student":
        return {_("Student"): [
            page("today", _("Today"), ":material/today:", default=True),
            page("learn", _("Learn"), ":material/forum:"),
            page("practice", _("Practice"), ":material/edit_note:"),
            page("progress", _("Progress"), ":material/insights:"),
            page("my_account", _("My classes & family"), ":material/badge:"),
        ]}
    if role == "parent":
        return {_("Parent"): [
            page("children", _("Children overview"), ":material/family_restroom:", default=True),
            page("link_child", _("Link a child"), ":material/link:"),
        ]}
    if role == "teacher":
        pages = teacher_pages()
        pages[0] = page("class", _("Class"), ":material/groups:", default=True)
        return {_("Teacher"): pages}
    if role == "admin":
        return {
            _("Admin"): [page("users", _("Users"), ":material/manage_accounts:", default=True)],
            _("All classes"): teacher_pages(),
        }
    return {"": [page("login", _("Log in"), ":material/login:", default=True)]}


try:
    common.get_ctx()  # opens the database, and refuses to serve demo passwords beyond this machine
    common.use_session_language()
    user = common.current_user()  # and switches to the user's language
except TutorError as exc:  # bad settings, an unreachable database, demo accounts on a network: say so
    st.error(_("The tutor cannot start: {reason}").format(reason=exc))
    st.stop()
st.set_page_config(page_title=_("Math tutor"), page_icon=":material/calculate:", layout="centered")
if user is None:
    nav = st.navigation([page("login", _("Log in"), ":material/login:", default=True)], position="hidden")
else:
    common.logout_button(user)
    nav = st.navigation(pages_for(user.role))
nav.run()
