"""The web app in each person's language (AppTest): a Chinese-speaking student, switching language, and
every page of every role in both languages."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest
from sqlmodel import select

from tests.support import APP, crashes
from tests.test_reports_data import seed_school
from tests.test_webapp import open_page, texts
from tutor import i18n
from tutor.demo import DEMO_PASSWORD
from tutor.models import User
from webapp.common import CRASH_MESSAGE

CJK = re.compile(r"[\u4e00-\u9fff]")
PAGES = {
    "ava": ["today", "learn", "practice", "progress", "my_account"],
    "parent.ava": ["children", "link_child"],
    "teacher": ["class", "drilldown", "verifier", "export"],
    "admin": ["users", "class", "drilldown", "verifier", "export"],
}


@pytest.fixture
def school(ctx):
    return seed_school(ctx)


def set_language(ctx, username: str, language: str) -> None:
    with ctx.session() as s:
        user = s.exec(select(User).where(User.username == username)).one()
        user.language = language
        s.add(user)


def language_of(ctx, username: str) -> str:
    with ctx.session() as s:
        return s.exec(select(User.language).where(User.username == username)).one()


def log_in(username: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input[0].input(username)
    at.text_input[1].input(DEMO_PASSWORD)
    at.button[0].click().run()
    return at


def broken(at: AppTest) -> list[str]:
    calm = {CRASH_MESSAGE, i18n.translate("zh", CRASH_MESSAGE)}
    return crashes(at) + [e.value for e in at.error if e.value in calm and e.value != CRASH_MESSAGE]


def labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button] + [b.proto.label for b in at.get("download_button")]


def test_a_student_whose_language_is_chinese_sees_chinese_pages(ctx, school):
    set_language(ctx, "ava", "zh")
    at = log_in("ava")
    assert not broken(at) and not at.error
    assert at.title[0].value == "Ava，你好！"
    assert "今天还没有安排课程哦。" in texts(at)
    assert "安排今天的课程" in labels(at)
    assert at.sidebar.button(key="logout").label == "退出登录"
    assert "已登录：**Ava A.**（学生）" in [c.value for c in at.sidebar.caption]
    at = open_page(at, "learn")
    assert at.title[0].value == "和辅导老师一起学"
    assert {"提示", "给我出一道题"} <= set(labels(at))
    at = open_page(at, "practice")
    assert at.title[0].value == "练习" and "出一道新题" in labels(at)
    at = open_page(at, "progress")
    assert at.title[0].value == "我的进步"
    assert any(m.label == "连续天数" for m in at.metric) and "各技能掌握度" in texts(at)


def test_switching_language_changes_the_pages_and_is_kept(ctx, school):
    at = log_in("parent.ava")
    assert at.title[0].value == "Your children"
    assert language_of(ctx, "parent.ava") == "en"
    at.sidebar.selectbox(key="language_switch_en").set_value("zh").run()
    assert not broken(at) and not at.error
    assert at.title[0].value == "您的孩子"
    assert "完成的题目 10 / 11" in texts(at)  # metric label and value, in Chinese
    assert re.search(r"最近 7 天，\d+月\d+日 – \d+月\d+日", texts(at))  # dates in the Chinese format
    assert language_of(ctx, "parent.ava") == "zh"
    at.sidebar.button(key="logout").click().run()
    assert at.title[0].value == "数学小老师" and "你已退出登录。" in texts(at)  # the login page: still Chinese
    again = log_in("parent.ava")  # a new browser session: the language comes from the account
    assert again.title[0].value == "您的孩子"
    assert again.get("download_button")[0].proto.label == "下载每周总结"
    again.sidebar.selectbox(key="language_switch_zh").set_value("en").run()
    assert again.title[0].value == "Your children" and language_of(ctx, "parent.ava") == "en"


def test_a_student_switches_language_on_their_account_page(ctx, school):
    at = open_page(log_in("ava"), "my_account")
    at.selectbox(key="account_language_en").set_value("zh").run()
    assert at.title[0].value == "我的班级和家人" and language_of(ctx, "ava") == "zh"


def test_the_signed_out_page_follows_tutor_language_and_its_picker(school, monkeypatch):
    monkeypatch.setenv("TUTOR_LANGUAGE", "zh")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert at.title[0].value == "数学小老师"
    assert [f.label for f in at.text_input] == ["用户名", "密码"]
    at.selectbox(key="login_language").set_value("en").run()
    assert at.title[0].value == "Math tutor"
    at.text_input[0].input("ava")
    at.text_input[1].input("wrong-password")
    at.button[0].click().run()
    assert "Wrong username or password." in texts(at)


def test_a_refused_login_is_explained_in_chinese(school, monkeypatch):
    monkeypatch.setenv("TUTOR_LANGUAGE", "zh")
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input[0].input("ava")
    at.text_input[1].input("wrong-password")
    at.button[0].click().run()
    assert "用户名或密码不正确。" in texts(at)


def test_without_a_cjk_font_export_says_what_to_install_and_still_offers_the_csv(ctx, school, monkeypatch):
    from tutor.reports import pdf

    monkeypatch.setattr(pdf, "cjk_font", lambda: None)  # as on a machine where the set-up did not run
    set_language(ctx, "teacher", "zh")
    at = open_page(log_in("teacher"), "export")
    assert not broken(at)
    assert i18n.translate("zh", "Download CSV") in labels(at)
    assert i18n.translate("zh", "Download class PDF") not in labels(at)
    assert any("fonts-wqy-microhei" in e.value and CJK.search(e.value) for e in at.error)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("username", list(PAGES))
def test_every_page_of_every_role_in_both_languages(ctx, school, username, language):
    """No page breaks in either language; in Chinese every title is Chinese and no English UI string shows."""
    english = {m.id for m in i18n.extract() if isinstance(m.id, str) and len(m.id.split()) >= 2}
    set_language(ctx, username, language)
    at = log_in(username)
    for name in PAGES[username]:
        at = open_page(at, name)
        assert not broken(at) and not at.exception, (name, broken(at))
        assert at.title, name
        title = at.title[0].value
        assert bool(CJK.search(title)) == (language == "zh"), (name, title)
        if language == "zh":
            shown = [e.value for kind in ("title", "subheader", "caption", "info", "success", "warning")
                     for e in getattr(at, kind)] + labels(at) + [m.label for m in at.metric]
            left = [s for s in shown if s in english]
            assert not left, (name, left)
