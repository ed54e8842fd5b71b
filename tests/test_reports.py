"""Reports: the numbers every page shows, and who may see them."""

from __future__ import annotations

import contextvars
import csv
import io

import pytest

from tests.test_reports_data import seed_school, user
from tutor import i18n, reports
from tutor.classes import teacher_classes
from tutor.errors import PermissionDenied
from tutor.models import LessonItem, LessonPlan


@pytest.fixture
def school(ctx):
    ids = seed_school(ctx)
    with ctx.session() as s:
        cls = teacher_classes(session=s, teacher_id=ids["teacher"])[0]
    return ids, cls.id


def test_student_progress_counts_this_week(ctx, school):
    ids, _ = school
    with ctx.session() as s:
        ava = user(s, "ava")
        p = reports.student_progress(session=s, viewer=ava, student_id=ava.id)
    assert p.problems_this_week == 11  # 8 fractions 2 days ago + 3 equations yesterday; 10 days ago is out
    assert p.correct_this_week == 10
    assert p.minutes_this_week == 11.0
    assert p.mastered_this_week == ["Adding fractions"]
    assert p.reviews_due == ["Adding fractions"]
    assert p.streak == 2  # yesterday and the day before; today has nothing yet
    assert [s.title for s in p.skills] == ["One-step equations", "Adding fractions"]  # weakest first


def test_empty_student_has_empty_progress(ctx, school):
    with ctx.session() as s:
        cara = user(s, "chloe")
        p = reports.student_progress(session=s, viewer=cara, student_id=cara.id)
    assert (p.problems_this_week, p.streak, p.skills, p.accuracy_this_week) == (0, 0, [], None)


def test_parent_sees_own_child_not_another(ctx, school):
    ids, _ = school
    with ctx.session() as s:
        parent = user(s, "parent.ava")
        assert [c.username for c in reports.linked_children(session=s, viewer=parent)] == ["ava"]
        week = reports.child_week(session=s, viewer=parent, student_id=ids["ava"])
        assert week.progress.problems_this_week == 11
        assert week.mastery_gained > 0.5
        assert week.series
        today, yesterday = week.activity[:2]
        assert (today.chats, today.problems) == (1, 0)
        assert yesterday.skills == ["One-step equations"] and yesterday.problems == 3
        with pytest.raises(PermissionDenied):
            reports.child_week(session=s, viewer=parent, student_id=ids["ben"])


def test_stuck_skill_is_reported_to_parent(ctx, school):
    ids, _ = school
    with ctx.session() as s:
        week = reports.child_week(session=s, viewer=user(s, "parent.ben"), student_id=ids["ben"])
    assert [k.title for k in week.stuck] == ["One-step equations"]
    text = reports.weekly_summary_markdown(week)
    assert "# Weekly summary for Ben" in text and "One-step equations: 6 tries" in text


def test_weekly_summary_includes_the_lesson_plan(ctx, school):
    ids, _ = school
    with ctx.session() as s:
        plan = LessonPlan(student_id=ids["ava"], minutes=20)
        s.add(plan)
        s.flush()
        s.add(LessonItem(plan_id=plan.id, position=0, kind="review", skill_id="fractions.add", title="Warm up",
                         status="done"))
        s.add(LessonItem(plan_id=plan.id, position=1, kind="new", skill_id="linear.one_step", title="Equations"))
    with ctx.session() as s:
        week = reports.child_week(session=s, viewer=user(s, "parent.ava"), student_id=ids["ava"])
    assert (week.plan.done, week.plan.total) == (1, 2)
    assert "- [x] Warm up" in reports.weekly_summary_markdown(week)


def test_teacher_roster_heatmap_and_struggles(ctx, school):
    ids, class_id = school
    with ctx.session() as s:
        teacher = user(s, "teacher")
        rows = reports.roster(session=s, viewer=teacher, class_id=class_id)
        assert len(rows) == 5
        ava = next(r for r in rows if r.username == "ava")
        assert ava.problems_this_week == 11 and ava.skills_mastered == 1
        cells = reports.mastery_heatmap(session=s, viewer=teacher, class_id=class_id)
        assert {(c.student, c.skill) for c in cells} >= {("Ava A.", "Adding fractions"), ("Ben B.", "One-step equations")}
        hardest = reports.struggling_skills(session=s, viewer=teacher, class_id=class_id)[0]
        assert hardest.title == "One-step equations" and hardest.students == 2
        idle = reports.inactive_students(session=s, viewer=teacher, class_id=class_id)
        assert len(idle) == 3 and "ava" not in {r.username for r in idle}


def test_drilldown_lists_common_mistakes(ctx, school):
    ids, _ = school
    with ctx.session() as s:
        d = reports.student_drilldown(session=s, viewer=user(s, "teacher"), student_id=ids["ben"])
    assert (d.attempts, d.correct, d.hints_used) == (6, 1, 5)
    assert d.mistakes == [("sign error", 5)]  # a tag reads as words
    assert len(d.series) == 6


def test_verifier_stats_count_checked_and_repaired(ctx, school):
    _, class_id = school
    with ctx.session() as s:
        v = reports.verifier_stats(session=s, viewer=user(s, "teacher"), class_id=class_id)
    assert (v.checked, v.verified, v.refuted, v.repaired, v.replies, v.replies_repaired) == (2, 1, 1, 1, 1, 1)
    assert v.recent_catches[0][1] == "1/2+1/3=2/5"


def test_class_csv_has_a_row_per_student_skill(ctx, school):
    _, class_id = school
    with ctx.session() as s:
        text = reports.class_report_csv(session=s, viewer=user(s, "teacher"), class_id=class_id).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 3 + 3  # 3 idle students, ava x2 skills, ben x1
    ava_frac = next(r for r in rows if r["username"] == "ava" and r["skill"] == "Adding fractions")
    assert (ava_frac["attempts"], ava_frac["mastered"], ava_frac["accuracy_pct"]) == ("10", "yes", "100")


def test_csv_leaves_empty_cells_empty(ctx, school):
    """Regression: an empty cell ('' starts with nothing, and '' is 'in' any string) was written as a lone quote."""
    _, class_id = school
    with ctx.session() as s:
        text = reports.class_report_csv(session=s, viewer=user(s, "teacher"), class_id=class_id).decode("utf-8-sig")
    chloe = next(r for r in csv.DictReader(io.StringIO(text)) if r["username"] == "chloe")
    assert (chloe["grade"], chloe["skill"], chloe["mastered"], chloe["attempts"]) == ("", "", "", "0")


def test_csv_neutralises_formula_cells(ctx, school):
    from tutor.models import User

    _, class_id = school
    with ctx.session() as s:
        chloe = user(s, "chloe")
        chloe.display_name = "=HYPERLINK(1)"
        s.add(chloe)
    with ctx.session() as s:
        text = reports.class_report_csv(session=s, viewer=user(s, "teacher"), class_id=class_id).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


def speak(ctx, **languages: str) -> None:
    """Give these users (username=language) a preferred language."""
    with ctx.session() as s:
        for name, lang in languages.items():
            user(s, name.replace("_", ".")).language = lang


def rename(ctx, **names: str) -> None:
    with ctx.session() as s:
        for name, display in names.items():
            user(s, name).display_name = display


def test_class_csv_opens_in_excel_utf8_with_bom_and_headers_in_the_teachers_language(ctx, school):
    _, class_id = school
    speak(ctx, teacher="zh")
    rename(ctx, ava="王小明")
    with ctx.session() as s:
        data = reports.class_report_csv(session=s, viewer=user(s, "teacher"), class_id=class_id)
    assert data.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte-order mark Excel needs to read it as UTF-8
    assert data.count(b"\xef\xbb\xbf") == 1
    header, *rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header[:4] == ["学生", "用户名", "年级", "技能"] and "掌握度(%)" in header
    ava = next(r for r in rows if r[1] == "ava" and r[3] == "Adding fractions")
    assert ava[0] == "王小明" and ava[header.index("已掌握")] == "是"


def test_class_csv_follows_the_viewer_not_the_current_language(ctx, school):
    """An English-speaking teacher gets English headers even from a run that speaks Chinese."""
    _, class_id = school

    def in_a_chinese_run():
        i18n.set_language("zh")
        with ctx.session() as s:
            return reports.class_report_csv(session=s, viewer=user(s, "teacher"), class_id=class_id)

    data = contextvars.copy_context().run(in_a_chinese_run)
    assert data.decode("utf-8-sig").splitlines()[0].startswith("student,username,grade,skill,mastery_pct")


def test_weekly_summary_is_in_the_parents_language_whatever_the_child_uses(ctx, school):
    ids, _ = school
    speak(ctx, parent_ava="zh", ava="en")
    rename(ctx, ava="王小明")
    before = i18n.current_language()
    with ctx.session() as s:
        week = reports.child_week(session=s, viewer=user(s, "parent.ava"), student_id=ids["ava"])
    text = reports.weekly_summary_markdown(week)
    assert text.startswith("# 王小明 的每周总结\n")
    assert "## 本周" in text and "练习时间：11 分钟" in text and "连续练习：2 天" in text
    assert "- Adding fractions：99%（已掌握）\n" in text  # skill titles come from the plugins, as they are
    assert i18n.current_language() == before  # the caller's language is left alone


def test_pdfs_are_valid_documents(ctx, school):
    ids, class_id = school
    with ctx.session() as s:
        teacher = user(s, "teacher")
        class_pdf = reports.class_report_pdf(session=s, viewer=teacher, class_id=class_id)
        student_pdf = reports.student_report_pdf(session=s, viewer=teacher, student_id=ids["ava"])
    for doc in (class_pdf, student_pdf):
        assert doc.startswith(b"%PDF-") and len(doc) > 1500


@pytest.mark.parametrize("who", ["ava", "parent.ben", "teacher2"])
def test_guessed_ids_are_refused(ctx, school, who):
    from tutor.accounts import create_user

    ids, class_id = school
    with ctx.session() as s:
        if who == "teacher2":
            create_user(session=s, username="teacher2", password="x" * 12, role="teacher")
    with ctx.session() as s:
        viewer = user(s, who)
        for call in (
            lambda: reports.student_progress(session=s, viewer=viewer, student_id=ids["chloe"]),
            lambda: reports.student_report_pdf(session=s, viewer=viewer, student_id=ids["chloe"]),
            lambda: reports.class_report_csv(session=s, viewer=viewer, class_id=class_id),
            lambda: reports.class_report_pdf(session=s, viewer=viewer, class_id=class_id),
            lambda: reports.verifier_stats(session=s, viewer=viewer, class_id=class_id),
        ):
            with pytest.raises(PermissionDenied):
                call()


def test_admin_sees_all_classes_and_users(ctx, school):
    with ctx.session() as s:
        admin = user(s, "admin")
        assert [c.name for c in reports.classes_for(session=s, viewer=admin)] == ["Math 6B"]
        assert len(reports.all_users(session=s, viewer=admin)) == 9  # admin, teacher, 5 students, 2 parents
        with pytest.raises(PermissionDenied):
            reports.all_users(session=s, viewer=user(s, "teacher"))


def test_parent_can_read_the_latest_conversation(ctx, school):
    ids, _ = school
    with ctx.session() as s:
        convo = reports.latest_conversation(session=s, viewer=user(s, "parent.ava"), student_id=ids["ava"])
        with pytest.raises(PermissionDenied):
            reports.latest_conversation(session=s, viewer=user(s, "parent.ben"), student_id=ids["ava"])
    assert convo == [("student", "what is 1/2+1/3?"), ("tutor", "5/6")]


def test_skill_titles_in_reports_are_in_the_viewers_language(ctx):
    """A built-in skill's title is stored in English; a Chinese-speaking parent or teacher reads it in Chinese."""
    from tutor.models import Skill
    from tutor.reports._common import skill_titles

    with ctx.session() as s:
        s.add(Skill(id="frac.add_sub", title="Add and subtract fractions", subject="Fractions", plugin="fractions"))
    with ctx.session() as s:
        assert skill_titles(session=s, language="zh")["frac.add_sub"] == "分数加减法"
        assert skill_titles(session=s, language="en")["frac.add_sub"] == "Add and subtract fractions"


def test_class_mastery_by_standard_counts_each_code_a_skill_names(ctx, school):
    ids, class_id = school
    with ctx.session() as s:
        rows = reports.mastery_by_standard(session=s, viewer=user(s, "teacher"), class_id=class_id)
    by_code = {r.standard: r for r in rows}
    assert list(by_code) == ["5.NF.A.1", "6.EE.B.7", "7.EE.B.4a"]  # grade order
    assert by_code["6.EE.B.7"] == by_code["7.EE.B.4a"].__class__(**{**by_code["7.EE.B.4a"].__dict__,
                                                                  "standard": "6.EE.B.7"})
    fractions = by_code["5.NF.A.1"]
    assert fractions.domain == "NF" and fractions.skills == 1 and fractions.students == fractions.pairs >= 1
    assert 0 <= fractions.mean_mastery <= 1 and fractions.mastered <= fractions.pairs


def test_class_misconceptions_are_counted_and_named_in_the_teachers_language(ctx, school):
    import datetime as dt

    from tests.test_reports_data import practise

    ids, class_id = school
    with ctx.session() as s:
        teacher, ava = user(s, "teacher"), user(s, "ava")
        practise(s, ava, "fractions.add", "xx", mistake="added the numerators and the denominators")
        found = reports.class_misconceptions(session=s, viewer=teacher, class_id=class_id,
                                             now=dt.datetime.now(dt.timezone.utc))
    named = {m.misconception: m for m in found}
    assert named["added the numerators and the denominators"].times == 2
    assert named["added the numerators and the denominators"].students == 1
    assert named["sign error"].students == 1 and "One-step equations" in named["sign error"].skills


def test_skill_map_colours_a_grades_skills_by_mastery_with_earlier_prerequisites(ctx, school):
    from tutor.models import Skill

    ids, _class = school
    with ctx.session() as s:
        s.add(Skill(id="fractions.mult", title="Multiplying fractions", subject="fractions", plugin="test",
                    grade_min=7, grade_max=7, prerequisites="fractions.add", domain="NF", standards="7.NS.A.2"))
        s.add(Skill(id="linear.two_step", title="Two-step equations", subject="algebra", plugin="test",
                    grade_min=7, grade_max=8, prerequisites="linear.one_step,fractions.mult", domain="EE"))
        s.add(Skill(id="shapes.area", title="Area", subject="geometry", plugin="test", grade_min=3, grade_max=5,
                    domain="MD"))
        s.commit()
        ava = user(s, "ava")
        seven = reports.skill_map(session=s, viewer=ava, student_id=ava.id, grade=7)
        parent_view = reports.skill_map(session=s, viewer=user(s, "parent.ava"), student_id=ava.id, grade=7)
        with pytest.raises(PermissionDenied):
            reports.skill_map(session=s, viewer=ava, student_id=ids["ben"], grade=7)
    state = {x.skill_id: x.state for x in seven.skills}
    assert "shapes.area" not in state  # grade 3-5 only
    assert state["fractions.mult"] == "ready"  # its prerequisite (fractions.add) is mastered
    assert state["linear.two_step"] in ("later", "learning")  # fractions.mult is not mastered yet
    assert state["fractions.add"] == "mastered"
    assert ("fractions.add", "fractions.mult") in seven.edges and ("fractions.mult", "linear.two_step") in seven.edges
    assert parent_view == seven


def test_the_student_pdf_shows_recent_problems_with_their_pictures(ctx, school):
    """A problem with a figure (a clock) is made again from its id and drawn into the PDF, in the viewer's
    language; problems without a figure or whose skill is not installed are left out."""
    import re

    from pypdf import PdfReader

    from tutor import repo
    from tutor.plugins import PluginManager

    ids, _class = school
    plugins = PluginManager.load(third_party=False)
    clock = plugins.generate("md.time_five", 3, 1, language="en")
    with ctx.session() as s:
        plugins.sync_skills(session=s)
        repo.add_attempt(session=s, student_id=ids["ava"], skill_id="md.time_five", problem_id=clock.id,
                         problem_text=clock.statement, expected_answer=clock.answer_text, answer_given="1",
                         verdict="incorrect", time_taken_s=30, hints_used=0, mistake="", mastery_before=0.3,
                         mastery_after=0.28)
        s.commit()
        doc = reports.student_report_pdf(session=s, viewer=user(s, "teacher"), student_id=ids["ava"])
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(doc)).pages)
    flat = re.sub(r"\s+", " ", text)
    assert "Recent problems with pictures" in flat and "(incorrect)" in flat
    assert re.sub(r"\s+", " ", clock.statement)[:30] in flat
    # the clock face's numbers are drawn from the SVG (the hour labels 1-12 are on the dial)
    assert "12" in flat.split("Recent problems with pictures", 1)[1]
