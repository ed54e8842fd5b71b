"""Admin pages: every account (class pages are shared with teachers)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tutor import accounts, reports
from tutor.models import Role
from webapp.common import MAX_SHORT, check_length, friendly, get_ctx, require, run_action


@friendly
def users_page() -> None:
    admin = require(Role.admin)
    st.title("Users")
    with get_ctx().session() as s:
        users = reports.all_users(session=s, viewer=admin)
    role = st.selectbox("Show", ["everyone", *[r.value for r in Role]], key="role_filter")
    shown = [u for u in users if role == "everyone" or u.role == role]
    st.dataframe(pd.DataFrame([{"username": u.username, "name": u.display_name, "role": u.role,
                                "grade": u.grade_level, "active": u.is_active,
                                "last login": f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else ""}
                               for u in shown]), hide_index=True, width="stretch")
    with st.expander("Add a user"):
        with st.form("add_user", clear_on_submit=True):
            username = st.text_input("Username", max_chars=MAX_SHORT)
            name = st.text_input("Display name", max_chars=80)
            new_role = st.selectbox("Role", [r.value for r in Role])
            password = st.text_input("Password (at least 8 characters)", type="password", max_chars=256)
            if st.form_submit_button("Add"):
                check_length(username, MAX_SHORT, "The username")
                check_length(name, 80, "The display name")

                def add():
                    with get_ctx().session() as s:
                        return accounts.create_user(session=s, username=username, password=password, role=new_role,
                                                    display_name=name or None).username

                run_action(add, success=f"Added {username}.")
