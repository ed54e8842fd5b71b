"""PDF reports in the viewer's language, with Chinese names that render (read back with pypdf)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.support import missing_dependency
from tests.test_reports import rename, speak
from tests.test_reports_data import seed_school, user
from tutor import reports
from tutor.classes import teacher_classes
from tutor.errors import ReportError
from tutor.reports import fonts, pdf


@pytest.fixture
def school(ctx):
    ids = seed_school(ctx)
    with ctx.session() as s:
        cls = teacher_classes(session=s, teacher_id=ids["teacher"])[0]
    rename(ctx, ava="王小明", ben="李华")
    return ids, cls.id


@pytest.fixture
def cjk_font():
    font = fonts.cjk_font()
    if font is None:
        missing_dependency(f"no CJK font installed ({fonts.INSTALL_HINT})")
    return font


@pytest.fixture
def no_cjk_font(monkeypatch):
    monkeypatch.setattr(pdf, "cjk_font", lambda: None)


def text_of(document: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)


def test_class_and_parent_pdfs_in_chinese_show_the_chinese_names(ctx, school, cjk_font):
    ids, class_id = school
    speak(ctx, teacher="zh", parent_ava="zh")
    with ctx.session() as s:
        class_pdf = reports.class_report_pdf(session=s, viewer=user(s, "teacher"), class_id=class_id)
        parent_pdf = reports.student_report_pdf(session=s, viewer=user(s, "parent.ava"), student_id=ids["ava"])
    class_text, parent_text = text_of(class_pdf), text_of(parent_pdf)
    assert "班级报告：Math 6B" in class_text and "学生名单" in class_text
    assert "王小明" in class_text and "李华" in class_text
    assert "学习报告：王小明" in parent_text and "各技能掌握度" in parent_text
    for text in (class_text, parent_text):
        assert "?" not in text and "Page" not in text and "第 1 页" in text


def test_an_english_teacher_reads_english_with_the_chinese_names(ctx, school, cjk_font):
    _, class_id = school
    with ctx.session() as s:
        text = text_of(reports.class_report_pdf(session=s, viewer=user(s, "teacher"), class_id=class_id))
    assert "Class report: Math 6B" in text and "Roster" in text
    assert "王小明" in text and "李华" in text and "班级报告" not in text


def test_a_latin_report_needs_no_extra_font(ctx, school, no_cjk_font):
    ids, class_id = school
    rename(ctx, ava="Zoë Ä.", ben="Ben B.")  # Latin-1 prints with the built-in Helvetica
    with ctx.session() as s:
        document = reports.class_report_pdf(session=s, viewer=user(s, "teacher"), class_id=class_id)
    assert b"/FontFile2" not in document  # nothing embedded
    assert "Zoë Ä." in text_of(document)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_without_a_cjk_font_the_report_says_what_to_install_never_prints_question_marks(
        ctx, school, no_cjk_font, language):
    ids, class_id = school
    speak(ctx, teacher=language)
    with ctx.session() as s, pytest.raises(ReportError, match="fonts-wqy-microhei"):
        reports.student_report_pdf(session=s, viewer=user(s, "teacher"), student_id=ids["ava"])


def test_an_unreadable_font_file_is_a_clear_error(ctx, school, monkeypatch, tmp_path):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    monkeypatch.setattr(pdf, "cjk_font", lambda: fonts.FontFile(broken))
    speak(ctx, teacher="zh")
    _, class_id = school
    with ctx.session() as s, pytest.raises(ReportError, match="broken.ttf"):
        reports.class_report_pdf(session=s, viewer=user(s, "teacher"), class_id=class_id)


def test_the_lookup_prefers_a_full_cjk_family_and_skips_monospaced_and_bitmap_faces(tmp_path):
    files = {name: tmp_path / name for name in ("microhei.ttc", "noto.ttc", "mono.ttc", "song.pcf")}
    for path in files.values():
        path.write_bytes(b"")
    listing = "\n".join([
        f"{files['mono.ttc']}\t1\tWenQuanYi Micro Hei Mono\tRegular",
        f"{files['song.pcf']}\t0\tWenQuanYi Bitmap Song\tRegular",
        f"{files['microhei.ttc']}\t0\tWenQuanYi Micro Hei\tRegular",
        f"{files['noto.ttc']}\t2\tNoto Sans CJK SC\tBold",
        f"{files['noto.ttc']}\t2\tNoto Sans CJK SC\tRegular",
        f"{tmp_path / 'gone.ttf'}\t0\tNoto Sans CJK SC\tRegular",
    ])
    assert fonts.pick(listing) == fonts.FontFile(files["noto.ttc"], 2, "Noto Sans CJK SC")
    assert fonts.pick("\n".join(listing.splitlines()[:3])) == fonts.FontFile(files["microhei.ttc"], 0,
                                                                              "WenQuanYi Micro Hei")
    assert fonts.pick(listing.splitlines()[0]) is None and fonts.pick("") is None
