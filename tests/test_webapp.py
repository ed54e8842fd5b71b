"""The web app in-process with Streamlit's AppTest: signing in, every role's pages, and the boundaries."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.test_reports_data import seed_school
from tutor.demo import DEMO_PASSWORD
from tutor.models import utcnow

from tests.support import APP, crashes, log_in  # noqa: E402


def page(name: str) -> str:
    return f"webapp/routes/{name}.py"


def texts(at: AppTest) -> str:
    """Everything the page shows as text, to assert on."""
    parts = [e.value for kind in ("title", "subheader", "markdown", "caption", "info", "success", "warning", "error")
             for e in getattr(at, kind)]
    parts += [m.label + " " + str(m.value) for m in at.metric]
    return "\n".join(str(p) for p in parts)




def open_page(at: AppTest, name: str, **query) -> AppTest:
    for key, value in query.items():
        at.query_params[key] = str(value)
    return at.switch_page(page(name)).run()


@pytest.fixture
def school(ctx):
    return seed_school(ctx)


def test_signed_out_shows_only_the_login_page(school):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not crashes(at) and not at.error
    assert at.title[0].value == "Math tutor"
    assert [field.label for field in at.text_input] == ["Username", "Password"]
    with pytest.raises(ValueError):
        at.switch_page(page("class"))


def test_wrong_password_is_refused_without_detail(school):
    at = log_in("ava", "not-the-password")
    assert "Wrong username or password." in texts(at)
    assert "auth" not in at.session_state


def test_login_starts_a_new_session_and_logout_clears_it(school):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.session_state["planted"] = "by an attacker"
    at.text_input[0].input("ava")
    at.text_input[1].input(DEMO_PASSWORD)
    at.button[0].click().run()
    assert "planted" not in at.session_state
    token = at.session_state["auth"]["token"]
    assert at.title[0].value == "Hi Ava!"
    at.sidebar.button(key="logout").click().run()
    assert "auth" not in at.session_state
    assert "You are logged out." in texts(at)
    at.text_input[0].input("ava")
    at.text_input[1].input(DEMO_PASSWORD)
    at.button[0].click().run()
    assert at.session_state["auth"]["token"] != token


def test_idle_session_expires(school):
    at = log_in("ava")
    at.session_state["auth"]["last_seen"] -= timedelta(minutes=31)
    at.run()
    assert "auth" not in at.session_state
    assert "signed out after 30 minutes" in texts(at)


def test_oversized_input_is_capped_and_rejected_with_a_message(school):
    from tutor.errors import ValidationError
    from webapp.common import MAX_SHORT, check_length

    at = log_in("a" * 500)
    assert at.text_input[0].value == ""  # the field has max_chars, so the over-long value never arrives
    assert "Wrong username or password." in texts(at)
    with pytest.raises(ValidationError, match="too long: at most 64 characters"):
        check_length("x" * 65, MAX_SHORT, "The code")  # what the server says if a client ignores max_chars


# --- parent ---------------------------------------------------------------------------------------


def test_parent_sees_their_childs_week_chart_and_summary(school):
    at = log_in("parent.ava")
    assert not crashes(at) and not at.error
    shown = texts(at)
    assert "Ava A." in shown and "Problems solved 10 of 11" in shown
    assert len(at.get("vega_lite_chart")) == 1
    assert at.get("download_button")[0].proto.label == "Download weekly summary"
    # the child's skill map: Adding fractions mastered (green), the grade picker defaults to grade 6
    [graph] = at.get("graphviz_chart")
    assert '"fractions.add" [label="Adding fractions", fillcolor="#54a24b"' in graph.proto.spec
    assert "Skill map" in shown and "of grade 6 mastered" in shown


def test_a_bug_in_a_page_is_a_calm_message_that_tests_see(school, monkeypatch):
    """``@friendly`` swallows every exception, so tests look for its message (``tests.support.crashes``)."""
    import tutor.reports
    from webapp.common import CRASH_MESSAGE

    def broken(**kwargs):
        raise RuntimeError("secret detail of a bug")

    monkeypatch.setattr(tutor.reports, "child_week", broken)
    at = log_in("parent.ava")
    assert crashes(at) == [CRASH_MESSAGE]
    assert at.title[0].value == "Your children"
    assert "secret detail" not in texts(at)


def test_parent_cannot_open_another_familys_child(school):
    at = log_in("parent.ava")
    at = open_page(at, "children", child=school["ben"])
    assert "Not allowed: You do not have access to this student's data." in texts(at)
    assert "Ben" not in texts(at)


def test_parent_without_children_gets_a_helpful_empty_state(ctx, school):
    from tutor.accounts import create_user

    with ctx.session() as s:
        create_user(session=s, username="newparent", password="x" * 12, role="parent")
    at = log_in("newparent", "x" * 12)
    assert "No child is linked to your account yet" in texts(at)


def test_parent_links_a_child_with_a_code(ctx, school):
    from tutor.accounts import create_user

    with ctx.session() as s:
        create_user(session=s, username="newparent", password="x" * 12, role="parent")
    kid = log_in("chloe")
    kid = open_page(kid, "my_account")
    kid.button(key="link_code").click().run()
    code = next(m.value for m in kid.success if "link code" in m.value).split("**")[1]
    at = open_page(log_in("newparent", "x" * 12), "link_child")
    at.text_input[0].input(code)
    at.button[0].click().run()
    assert "Linked Chloe C." in texts(at)
    at = open_page(at, "link_child")
    at.text_input[0].input(code)
    at.button[0].click().run()
    assert "unknown or has expired" in texts(at)


# --- student --------------------------------------------------------------------------------------


def test_student_cannot_open_teacher_or_parent_pages(school):
    at = log_in("ava")
    for name in ("class", "drilldown", "verifier", "export", "children", "users"):
        with pytest.raises(ValueError):
            at.switch_page(page(name))


def test_student_progress_page(school):
    at = open_page(log_in("ava"), "progress")
    assert not crashes(at) and not at.error
    shown = texts(at)
    assert "Reviews due 1" in shown and "Time to review: Adding fractions" in shown
    assert len(at.get("vega_lite_chart")) == 2
    [graph] = at.get("graphviz_chart")
    assert '"linear.one_step" [label="One-step equations' in graph.proto.spec and "->" not in graph.proto.spec
    at.selectbox(key="my_map_grade").set_value(2).run()  # the seeded skills start in grade 3
    assert not crashes(at) and "No installed subject has skills for grade 2 yet." in texts(at)


def test_student_progress_empty_state(school):
    at = open_page(log_in("chloe"), "progress")
    assert "No practice yet" in texts(at)


def test_student_joins_a_class_with_a_code(ctx, school):
    from tutor.classes import create_class, student_classes
    from tests.test_reports_data import user

    with ctx.session() as s:
        code = create_class(session=s, teacher=user(s, "teacher"), name="Chess club maths").join_code
    at = open_page(log_in("ava"), "my_account")
    at.text_input[0].input(code.lower())
    at.button[0].click().run()
    assert "You joined Chess club maths." in texts(at)
    at.text_input[0].input("NOPE99")
    at.button[0].click().run()
    assert "No class has that join code" in texts(at)
    with ctx.session() as s:
        assert len(student_classes(session=s, student_id=school["ava"])) == 2


# --- teacher and admin ----------------------------------------------------------------------------


def test_teacher_class_page(school):
    at = log_in("teacher")
    assert not crashes(at) and not at.error
    shown = texts(at)
    assert "Math 6B" in shown and "Join code" in shown and "Practised this week 2 of 5" in shown
    assert heatmap_rows(at) == ["Ava A.", "Ben B."]  # by name
    at.radio(key="heat_sort").set_value("lowest mastery first").run()
    assert not crashes(at) and not at.error
    assert heatmap_rows(at) == ["Ben B.", "Ava A."]  # ben is stuck on equations; ava is strong on fractions
    # mastery by Common Core standard: one bar per code the practised skills name
    [by_standard] = [spec for c in at.get("vega_lite_chart") if "standard" in (spec := json.loads(c.proto.spec))[
        "encoding"].get("y", {}).get("field", "")]
    assert by_standard["encoding"]["y"]["sort"] == ["5.NF.A.1", "6.EE.B.7", "7.EE.B.4a"]
    assert "Mastery by standard" in shown and "sign error" in str([df.value for df in at.dataframe])


def heatmap_rows(at: AppTest) -> list[str]:
    """The students down the class heatmap, top to bottom."""
    heatmaps = [spec for c in at.get("vega_lite_chart") if (spec := json.loads(c.proto.spec))["mark"]["type"] == "rect"]
    [heatmap] = heatmaps
    return heatmap["encoding"]["y"]["sort"]


def test_teacher_adds_and_removes_a_student(ctx, school):
    from tutor.accounts import create_user

    with ctx.session() as s:
        zed = create_user(session=s, username="zed", password="x" * 12, role="student", display_name="Zed Z.").id
    at = log_in("teacher")
    at.text_input[0].input("zed")
    at.button[0].click().run()
    assert "Students 6" in texts(at)
    at.text_input[0].input("nobody")
    at.button[0].click().run()
    assert "No user named 'nobody'." in texts(at)
    at.selectbox(key="remove_pick").set_value(zed)
    at.button(key="remove").click().run()
    assert "Students 5" in texts(at)


def test_teacher_drilldown_and_guessed_id(school):
    at = open_page(log_in("teacher"), "drilldown", student=school["ben"])
    shown = texts(at)
    assert "Ben B." in shown and "Hints used 5" in shown
    assert any("sign error" in str(df.value) for df in at.dataframe)
    at = open_page(log_in("teacher"), "drilldown", student=school["parent.ava"])
    assert "Not allowed" in texts(at)
    at = open_page(log_in("teacher"), "drilldown", student="abc")
    assert "must be a number" in texts(at)


def test_a_class_id_too_large_for_the_database_is_a_message_not_a_crash(school):
    # The security sweep found it: ?class=999...9 overflowed the SQLite driver inside the page.
    for huge in (2**63, "9" * 400):
        at = open_page(log_in("teacher"), "class", **{"class": huge})
        assert not crashes(at)
        assert [w.value for w in at.warning] == ["There is no class with that number."]
    at = open_page(log_in("teacher"), "class", **{"class": 2**63 - 1})  # the largest possible id
    assert not crashes(at)
    assert [e.value for e in at.error] == ["Not allowed: You do not have access to this class."]


def test_teacher_verifier_page(school):
    at = open_page(log_in("teacher"), "verifier")
    shown = texts(at)
    assert "Statements checked 2" in shown and "Replies repaired 1 of 1" in shown and "1/2+1/3=2/5" in shown


def test_teacher_export_offers_csv_and_pdfs(school):
    at = open_page(log_in("teacher"), "export")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download class PDF", "Download student PDF"]


def test_other_teacher_cannot_export_this_class(ctx, school):
    from tutor.accounts import create_user
    from tutor.classes import teacher_classes

    with ctx.session() as s:
        create_user(session=s, username="teacher2", password="x" * 12, role="teacher")
        class_id = teacher_classes(session=s, teacher_id=school["teacher"])[0].id
    at = open_page(log_in("teacher2", "x" * 12), "export", **{"class": class_id})
    assert "Not allowed: You do not have access to this class." in texts(at)
    assert not at.get("download_button")


def test_admin_sees_users_and_all_classes(school):
    at = log_in("admin")
    assert "Users" in texts(at)
    assert "parent.ava" in str(at.dataframe[0].value.to_dict())
    at = open_page(at, "class")
    assert "Math 6B" in texts(at)


def test_guessed_student_id_in_export_is_refused(ctx, school):
    from tutor.accounts import create_user

    with ctx.session() as s:
        outsider = create_user(session=s, username="outsider", password="x" * 12, role="student").id
    at = open_page(log_in("teacher"), "export", student=outsider)
    assert "Not allowed: You do not have access to this student's data." in texts(at)
    assert "Download student PDF" not in [b.proto.label for b in at.get("download_button")]


def test_bad_settings_show_a_message_not_a_traceback(monkeypatch, school):
    monkeypatch.setenv("TUTOR_MODEL_BACKEND", "gpt-9000")
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.session_state["auth"] = {"user_id": school["ava"], "token": "t", "signed_in_at": None,
                                "last_seen": utcnow()}
    at.run()
    assert not crashes(at)
    assert len(at.error) == 1
    assert "The tutor cannot start: TUTOR_MODEL_BACKEND='gpt-9000' is not valid" in at.error[0].value
