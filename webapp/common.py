"""What every page shares: the cached context, the signed-in user, friendly errors, math rendering.

Session security: a login goes through :func:`tutor.accounts.login` (with its
lockout), clears the whole session state and starts a new session token (no
fixation); a session idle for ``IDLE_MINUTES`` is signed out; logging out
clears everything.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import secrets
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

import streamlit as st

from tutor import accounts, i18n
from tutor.context import TutorContext
from tutor.demo import check_exposure
from tutor.errors import AuthError, NotFound, PermissionDenied, TutorError, ValidationError
from tutor.i18n import N_, _
from tutor.models import Role, User, utcnow
from tutor.settings import Settings

log = logging.getLogger("tutor.webapp")

IDLE_MINUTES = 30
"""Minutes without any interaction after which a session is signed out."""
AUTH_KEY = "auth"
MAX_SHORT = 64
"""Longest username, code or name field a page accepts."""
MAX_MESSAGE = 1000
"""Longest chat message or typed answer a page accepts."""
CRASH_MESSAGE = N_("Something went wrong on this page. It has been logged; please try again.")
"""What a page shows (translated) instead of a traceback when it hits a bug (tests look for it)."""
LANGUAGE_KEY = "language"
"""Session key of the language this browser session shows: the user's, kept after logging out."""
ROLE_NAMES = {"student": N_("student"), "parent": N_("parent"), "teacher": N_("teacher"), "admin": N_("admin")}
CORE_MESSAGES = (
    N_("Wrong username or password."),
    N_("Too many failed logins. Try again in {wait} seconds."),
    N_("You do not have access to this student's data."),
    N_("You do not have access to this class."),
)
"""Messages of ``tutor`` errors the pages show often: :func:`error_text` translates them (others stay English)."""


def _env_key() -> tuple[tuple[str, str], ...]:
    # One context per distinct TUTOR_* environment: the app builds it once, and
    # tests that point TUTOR_HOME elsewhere get their own.
    return tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("TUTOR_")))


@st.cache_resource(show_spinner=i18n.translate(i18n.env_language(), N_("Opening the tutor's database…")))
def _context(env_key: tuple[tuple[str, str], ...]) -> TutorContext:
    settings = Settings.from_env()
    ctx = TutorContext(settings)
    ctx.upgrade_db()  # first run on a fresh machine: create the tables
    # Served beyond this machine with an account on the public demo password: refuse to start.
    check_exposure(ctx, st.get_option("server.address"))
    return ctx


def get_ctx() -> TutorContext:
    """The app's one TutorContext (settings, engine, and later the model and plugins)."""
    return _context(_env_key())


# --- signing in and out ------------------------------------------------------------------------


def sign_in(username: str, password: str, *, now: datetime | None = None) -> User:
    """Check the password (with lockout), then start a fresh session for this user."""
    check_length(username, MAX_SHORT, _("Username"))
    check_length(password, 256, _("Password"))
    user = accounts.login(get_ctx(), username, password)
    now = now or utcnow()
    st.session_state.clear()  # nothing from before the login survives (no session fixation)
    st.session_state[LANGUAGE_KEY] = i18n.set_language(user.language)
    st.session_state[AUTH_KEY] = {
        "user_id": user.id,
        "token": secrets.token_urlsafe(24),
        "signed_in_at": now,
        "last_seen": now,
    }
    log.info("signed in %s", user.username)
    return user


def sign_out(message: str | None = None) -> None:
    language = st.session_state.get(LANGUAGE_KEY)
    st.session_state.clear()
    if language:  # the login page stays in the language the person just used
        st.session_state[LANGUAGE_KEY] = language
    if message:
        st.session_state["notice"] = message


def current_user(*, now: datetime | None = None) -> User | None:
    """The signed-in user, re-read from the database on every run; None when signed out or expired."""
    auth = st.session_state.get(AUTH_KEY)
    if not auth:
        return None
    now = now or utcnow()
    if now - auth["last_seen"] > timedelta(minutes=IDLE_MINUTES):
        sign_out(_("You were signed out after {minutes} minutes without activity. Please log in again.")
                 .format(minutes=IDLE_MINUTES))
        return None
    with get_ctx().session() as s:
        user = s.get(User, auth["user_id"])
    if user is None or not user.is_active:
        sign_out(_("Your account is no longer active."))
        return None
    auth["last_seen"] = now
    st.session_state[LANGUAGE_KEY] = i18n.set_language(user.language)
    return user


def use_session_language() -> str:
    """Before the user is known: the language this session last showed, else ``TUTOR_LANGUAGE``."""
    return i18n.set_language(st.session_state.get(LANGUAGE_KEY) or get_ctx().settings.language)


def error_text(exc: Exception) -> str:
    """An error's message, in the current language when the catalogue has it (see CORE_MESSAGES)."""
    text = str(exc)
    if isinstance(exc, AuthError) and text.startswith("Too many failed logins"):
        wait = re.search(r"\d+", text)
        return _("Too many failed logins. Try again in {wait} seconds.").format(wait=wait.group() if wait else "?")
    return _(text)


def require(*roles: Role) -> User:
    """The signed-in user if they have one of ``roles``; PermissionDenied otherwise."""
    user = current_user()
    if user is None:
        raise PermissionDenied(_("Please log in first."))
    if roles and user.role not in {r.value for r in roles}:
        raise PermissionDenied(_("This page is for: {roles}.").format(
            roles=_(", ").join(_(ROLE_NAMES[r.value]) for r in roles)))
    return user


# --- errors and input ---------------------------------------------------------------------------


def check_length(value: str | None, limit: int, label: str) -> str:
    """Reject over-long input with a message (max_chars in the browser is only a hint)."""
    value = value or ""
    if len(value) > limit:
        raise ValidationError(_("{label} is too long: at most {limit} characters, please.").format(
            label=label, limit=limit))
    return value


def friendly(fn: Callable) -> Callable:
    """Run a page so that errors show as a short message, never as a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except PermissionDenied as exc:
            st.error(_("Not allowed: {reason}").format(reason=error_text(exc)), icon=":material/block:")
        except NotFound as exc:
            st.warning(error_text(exc), icon=":material/search_off:")
        except TutorError as exc:
            st.error(error_text(exc), icon=":material/error:")
        except Exception:  # a bug: log it for the admin, show the person something calm
            log.exception("page %s failed", fn.__name__)
            st.error(_(CRASH_MESSAGE), icon=":material/error:")

    return wrapper


def run_action(action: Callable, success: str | None = None):
    """Run a button's action; show its TutorError as a message instead of failing the page."""
    try:
        result = action()
    except TutorError as exc:
        st.error(error_text(exc))
        return None
    if success:
        st.success(success)
    return result


MAX_ID = 2**63 - 1
"""Largest id a database row can have (a 64-bit integer on SQLite and PostgreSQL)."""


def query_int(name: str) -> int | None:
    """An id from the URL (``?student=12``); a malformed or impossible value is an error, not a crash."""
    raw = st.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError(_("'{name}' in the address must be a number.").format(name=name)) from None
    if not -MAX_ID <= value <= MAX_ID:  # the database driver would overflow on it
        raise NotFound(_("There is no {name} with that number.").format(name=name))
    return value


# --- math ------------------------------------------------------------------------------------------

_DISPLAY = re.compile(r"\\\[(.+?)\\\]", re.S)
_INLINE = re.compile(r"\\\((.+?)\\\)", re.S)


def math_markdown(text: str) -> str:
    r"""Markdown whose math Streamlit renders: ``\(..\)`` and ``\[..\]`` become ``$..$`` and ``$$..$$``."""
    text = _DISPLAY.sub(lambda m: f"$${m.group(1).strip()}$$", text or "")
    return _INLINE.sub(lambda m: f"${m.group(1).strip()}$", text)


def show_math(text: str) -> None:
    """Render text that mixes words and LaTeX."""
    st.markdown(math_markdown(text))


def show_figure(figure) -> None:
    """A problem's picture: its SVG (sanitised again here, whoever made it) inline, with its alt text for screen
    readers; a figure that does not survive the sanitiser is left out rather than shown broken."""
    from html import escape

    from tutor.figures import safe_svg

    if not figure:
        return
    if isinstance(figure, dict):
        svg, alt, kind = figure.get("svg", ""), figure.get("alt", ""), figure.get("kind", "")
    else:
        svg, alt, kind = figure.svg, figure.alt, figure.kind
    svg = safe_svg(svg)
    if svg:  # markup, not words: the alt text inside is the plugin's, in the problem's language
        html = (f'<div class="tutor-figure" data-kind="{escape(kind)}" role="img" aria-label="{escape(alt)}" '
                f'style="max-width:100%;overflow-x:auto">{svg}</div>')
        st.markdown(html, unsafe_allow_html=True)


def pct(value: float | None) -> str:
    """A share as a percentage in the current language's format; '–' for none."""
    return i18n.percent(value)


# --- pages everyone sees --------------------------------------------------------------------------


def login_page() -> None:
    """The only page when signed out."""
    st.title(_("Math tutor"))
    st.caption(_("A tutor that checks its own math. Log in with the account your school or family gave you."))
    notice = st.session_state.pop("notice", None)
    if notice:
        st.info(notice)
    with st.form("login"):
        username = st.text_input(_("Username"), max_chars=MAX_SHORT, autocomplete="username")
        password = st.text_input(_("Password"), type="password", max_chars=256, autocomplete="current-password")
        submitted = st.form_submit_button(_("Log in"), type="primary")
    if submitted:
        try:
            sign_in(username, password)
        except TutorError as exc:
            st.error(error_text(exc))
            return
        st.rerun()
    language_picker(i18n.current_language(), key="login_language")


def language_picker(current: str, *, key: str) -> str:
    """A choice of the shipped languages, each named in its own words; returns the chosen code."""
    codes = list(i18n.NAMES)
    chosen = st.selectbox(":material/language: " + _("Language"), codes, index=codes.index(current),
                          format_func=i18n.NAMES.get, key=key)
    if chosen != current:
        st.session_state[LANGUAGE_KEY] = i18n.set_language(chosen)
        st.rerun()
    return chosen


def logout_button(user: User) -> None:
    """The sidebar: who is signed in, their language switch, and logging out."""
    with st.sidebar:
        st.caption(_("Signed in as **{name}** ({role})").format(name=user.display_name,
                                                                 role=_(ROLE_NAMES.get(user.role, user.role))))
        language_switch(user, key="language_switch")
        if st.button(_("Log out"), key="logout", icon=":material/logout:"):
            sign_out(_("You are logged out."))
            st.rerun()


def language_switch(user: User, *, key: str) -> None:
    """Every signed-in person picks the language they see the app in; it is saved with their account.

    The widget's key names the saved language, so after a switch (here or in the other picker) it starts
    again from the saved value instead of keeping a stale choice."""
    current = i18n.normalise(user.language)
    codes = list(i18n.NAMES)
    chosen = st.selectbox(":material/language: " + _("Language"), codes, index=codes.index(current),
                          format_func=i18n.NAMES.get, key=f"{key}_{current}")
    if chosen != current:
        with get_ctx().session() as s:
            accounts.set_language(session=s, user_id=user.id, language=chosen)
        st.session_state[LANGUAGE_KEY] = i18n.set_language(chosen)
        st.rerun()


# --- the model and the tutor chat -------------------------------------------------------------------


def make_chat(ctx: TutorContext):
    """The tutor conversation service (agents.service.TutorChat) over the shared model."""
    from agents.service import TutorChat

    return TutorChat(ctx)


@st.cache_resource(show_spinner=False)
def _chat(env_key: tuple[tuple[str, str], ...]):
    return make_chat(get_ctx())


def get_chat():
    """One TutorChat per app process, built on first use."""
    return _chat(_env_key())


def ready_chat():
    """The TutorChat with its model loaded; the first call shows a loading status (it takes a while)."""
    from tutor.llm import is_loaded

    chat = get_chat()
    if not st.session_state.get("model_ready") and not is_loaded(get_ctx().settings):
        with st.status(_("Loading the tutor's language model (first time only)…")) as status:
            chat.agent_context  # builds the agents' context: the shared model and the plugins
            status.update(label=_("The tutor is ready."), state="complete", expanded=False)
        # the tutor's fixed prompts are decoded while the student reads the page, not in the first question's wait
        threading.Thread(target=chat.prime, name="tutor-prime", daemon=True).start()
    st.session_state["model_ready"] = True
    return chat
