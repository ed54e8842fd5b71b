"""Web app security sweeps (Streamlit AppTest, in-process).

- Guessed ids: every signed-in role opens every page it can reach with every user
  and class id in the address; the students' names it then sees must be exactly
  ones ``tutor.permissions`` lets it see.
- Oversized input: every text field on every page gets 100,000 characters.
- Brute force: repeated wrong passwords lock the account in the app too.
- Passwords never reach the logs, whatever happens at the login form.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from tests.test_reports_data import seed_school
from tutor.demo import DEMO_PASSWORD
from tutor.models import Classroom, User
from tutor.permissions import can_view_student

from tests.support import APP, crashes, log_in  # noqa: E402
PAGES = sorted(p.stem for p in (Path(APP).parent / "webapp" / "routes").glob("*.py") if p.stem != "login")
VIEWERS = ["ava", "parent.ava", "teacher", "other.teacher"]


def texts(at: AppTest) -> str:
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success",
                                  "warning", "error", "text") for e in getattr(at, kind)]
    parts += [m.label + " " + str(m.value) for m in at.metric]
    parts += [str(df.value) for df in at.dataframe]
    parts += [str(o) for sb in at.selectbox for o in sb.options]
    return "\n".join(str(p) for p in parts)




@pytest.fixture
def school(ctx):
    """The demo school plus a second teacher with their own class and student."""
    from tutor.accounts import create_user
    from tutor.classes import create_class, enroll

    ids = seed_school(ctx)
    with ctx.session() as s:
        other = create_user(session=s, username="other.teacher", password=DEMO_PASSWORD, role="teacher",
                            display_name="Mr. Other")
        zed = create_user(session=s, username="zed", password=DEMO_PASSWORD, role="student",
                          display_name="Zed Secretname", grade_level=6)
        enroll(session=s, classroom=create_class(session=s, teacher=other, name="Other Class"), student=zed)
    return ctx


def reachable(at: AppTest) -> list[str]:
    pages = []
    for name in PAGES:
        try:
            at.switch_page(f"webapp/routes/{name}.py")
        except ValueError:
            continue  # not in this role's navigation
        pages.append(name)
    return pages


@pytest.mark.parametrize("viewer", VIEWERS)
def test_guessed_ids_in_any_page_show_only_permitted_students(school, viewer):
    ctx = school
    with ctx.session() as s:
        me = s.exec(select(User).where(User.username == viewer)).one()
        students = s.exec(select(User).where(User.role == "student")).all()
        forbidden = {u.display_name for u in students if not can_view_student(session=s, viewer=me, student_id=u.id)}
        user_ids = [u.id for u in s.exec(select(User)).all()]
        class_ids = [c.id for c in s.exec(select(Classroom)).all()]
    assert forbidden, "the sweep needs students this viewer may not see"
    at = log_in(viewer)
    assert "auth" in at.session_state
    pages = reachable(at)
    assert pages
    guesses = [{"student": u, "child": u, "class": c} for u in user_ids for c in class_ids[:1]]
    guesses += [{"student": 999999, "child": -1, "class": c} for c in class_ids]
    guesses += [{"student": "1 OR 1=1", "child": "../../etc/passwd", "class": "9" * 400}]
    opened = 0
    for name in pages:
        for guess in guesses:
            at.query_params.clear()
            for key, value in guess.items():
                at.query_params[key] = str(value)
            at.switch_page(f"webapp/routes/{name}.py").run()
            opened += 1
            assert not crashes(at), f"{viewer} on {name} with {guess}: {crashes(at)}"
            assert at.title, f"{viewer} on {name} with {guess} shows no page"
            shown = texts(at)
            leaked = {n for n in forbidden if n in shown}
            assert not leaked, f"{viewer} saw {leaked} on {name} with {guess}"
            assert "Traceback" not in shown
    assert opened >= len(pages)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_oversized_input_in_every_text_field_is_handled(school, viewer):
    at = log_in(viewer)
    huge = "9" * 100_000
    submitted = 0
    for name in reachable(at):
        at.query_params.clear()
        at.switch_page(f"webapp/routes/{name}.py").run()
        fields = list(at.text_input) + list(at.text_area)
        for field in fields:
            field.input(huge)
        buttons = [b for b in at.button if "out" not in b.label.lower()]  # not "Log out"
        if buttons:
            buttons[0].click()
        at.run()
        submitted += bool(fields)
        assert not crashes(at), f"{viewer} on {name}: {crashes(at)}"
        assert at.title, f"{viewer} on {name} shows no page"
        assert "Traceback" not in texts(at)
        for field in list(at.text_input) + list(at.text_area):
            limit = getattr(field, "max_chars", None) or getattr(field.proto, "max_chars", 0)
            assert limit, f"{viewer} on {name}: the field {field.label!r} has no max_chars"
        assert "auth" in at.session_state, f"{viewer} was signed out by {name}"
    assert submitted, f"{viewer}: no page with a text field was tried"


def test_brute_force_login_is_throttled_in_the_app(school):
    for _ in range(5):
        at = log_in("ava", "guess-guess-guess")
        assert "auth" not in at.session_state
    at = log_in("ava")  # the right password, too late
    assert "auth" not in at.session_state
    assert "Too many failed logins" in texts(at)


def test_passwords_never_reach_the_logs(school, caplog):
    caplog.set_level(logging.DEBUG)
    wrong = "wrong-but-secret-123"
    log_in("ava", wrong)
    log_in("nobody-at-all", wrong)
    log_in("ava")
    assert caplog.records, "logins should be logged"
    for secret in (wrong, DEMO_PASSWORD):
        assert secret not in caplog.text
