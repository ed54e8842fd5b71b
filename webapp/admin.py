"""Admin pages: every account (class pages are shared with teachers)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tutor import accounts, i18n, reports
from tutor.i18n import _
from tutor.models import Role
from webapp.common import MAX_SHORT, ROLE_NAMES, check_length, friendly, get_ctx, require, run_action


@friendly
def users_page() -> None:
    admin = require(Role.admin)
    st.title(_("Users"))
    with get_ctx().session() as s:
        users = reports.all_users(session=s, viewer=admin)
    # option labels are translated now, not in format_func: Streamlit may call it outside this run
    shown_as = {"everyone": _("everyone"), **{r: _(name) for r, name in ROLE_NAMES.items()}}
    role = st.selectbox(_("Show"), ["everyone", *[r.value for r in Role]], key="role_filter",
                        format_func=shown_as.get)
    shown = [u for u in users if role == "everyone" or u.role == role]
    st.dataframe(pd.DataFrame([{_("username"): u.username, _("name"): u.display_name,
                                _("role"): _(ROLE_NAMES.get(u.role, u.role)), _("grade"): u.grade_level,
                                _("language"): i18n.NAMES.get(u.language, u.language), _("active"): u.is_active,
                                _("last login"): f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else ""}
                               for u in shown]), hide_index=True, width="stretch")
    with st.expander(_("Add a user")):
        with st.form("add_user", clear_on_submit=True):
            username = st.text_input(_("Username"), max_chars=MAX_SHORT)
            name = st.text_input(_("Display name"), max_chars=80)
            new_role = st.selectbox(_("Role"), [r.value for r in Role], format_func=shown_as.get)
            languages = list(i18n.NAMES)
            language = st.selectbox(_("Language"), languages, index=languages.index(get_ctx().settings.language),
                                    format_func=i18n.NAMES.get)
            password = st.text_input(_("Password (at least 8 characters)"), type="password", max_chars=256)
            if st.form_submit_button(_("Add")):
                check_length(username, MAX_SHORT, _("The username"))
                check_length(name, 80, _("The display name"))

                def add():
                    with get_ctx().session() as s:
                        return accounts.create_user(session=s, username=username, password=password, role=new_role,
                                                    display_name=name or None, language=language).username

                run_action(add, success=_("Added {username}.").format(username=username))
