"""The tutor's web app: a router. Which pages exist depends on who is signed in.

Run with ``make run`` (or ``streamlit run streamlit_app.py``). The pages are
thin functions in ``webapp/``; every number they show comes from ``tutor``.
"""

from __future__ import annotations

import streamlit as st

from tutor.errors import TutorError
from webapp import common

st.set_page_config(page_title="Math tutor", page_icon=":material/calculate:", layout="centered")


def page(name: str, title: str, icon: str, *, default: bool = False) -> st.Page:
    # Each page is a two-line file in webapp/routes/ calling its page function,
    # so a URL (and AppTest.switch_page) can address it.
    return st.Page(f"webapp/routes/{name}.py", title=title, icon=icon, url_path=name, default=default)


def teacher_pages() -> list[st.Page]:
    return [
        page("class", "Class", ":material/groups:"),
        page("drilldown", "Student drill-down", ":material/person_search:"),
        page("verifier", "Verifier", ":material/verified:"),
        page("export", "Export", ":material/download:"),
    ]


def pages_for(role: str) -> dict[str, list[st.Page]]:
    """Navigation sections for a role."""
    if role == "student":
        return {"Student": [
            page("today", "Today", ":material/today:", default=True),
            page("learn", "Learn", ":material/forum:"),
            page("practice", "Practice", ":material/edit_note:"),
            page("progress", "Progress", ":material/insights:"),
            page("my_account", "My classes & family", ":material/badge:"),
        ]}
    if role == "parent":
        return {"Parent": [
            page("children", "Children overview", ":material/family_restroom:", default=True),
            page("link_child", "Link a child", ":material/link:"),
        ]}
    if role == "teacher":
        pages = teacher_pages()
        pages[0] = page("class", "Class", ":material/groups:", default=True)
        return {"Teacher": pages}
    if role == "admin":
        return {
            "Admin": [page("users", "Users", ":material/manage_accounts:", default=True)],
            "All classes": teacher_pages(),
        }
    return {"": [page("login", "Log in", ":material/login:", default=True)]}


try:
    common.get_ctx()  # opens the database, and refuses to serve demo passwords beyond this machine
    user = common.current_user()
except TutorError as exc:  # bad settings, an unreachable database, demo accounts on a network: say so
    st.error(f"The tutor cannot start: {exc}")
    st.stop()
if user is None:
    nav = st.navigation([page("login", "Log in", ":material/login:", default=True)], position="hidden")
else:
    common.logout_button(user)
    nav = st.navigation(pages_for(user.role))
nav.run()
