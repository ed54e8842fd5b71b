"""PDF reports (fpdf2) for a class or one student, with charts drawn from fpdf2 primitives.

The built-in PDF fonts only cover Latin-1, so text is folded to it (a name in
another script prints with '?' rather than failing the whole report).
"""

from __future__ import annotations

from datetime import datetime

from fpdf import FPDF
from sqlmodel import Session

from tutor.learner.bkt import MASTERY_THRESHOLD
from tutor.models import User
from tutor.reports._common import now_or
from tutor.reports.student import student_progress
from tutor.reports.teacher import (
    classes_for,
    inactive_students,
    roster,
    struggling_skills,
    student_drilldown,
)

PALETTE = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75)]


def _t(text) -> str:
    return str(text).encode("latin-1", "replace").decode("latin-1")


class _Report(FPDF):
    def __init__(self, title: str, subtitle: str):
        super().__init__(format="A4")
        self.report_title, self.subtitle = _t(title), _t(subtitle)
        self.set_auto_page_break(True, margin=15)
        self.set_title(self.report_title)
        self.set_creator("tutor")
        self.add_page()

    def header(self):
        self.set_font("Helvetica", "B", 15)
        self.cell(0, 8, self.report_title, new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 9)
        self.set_text_color(90)
        self.cell(0, 5, self.subtitle, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0)
        self.ln(3)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(120)
        self.cell(0, 5, f"Page {self.page_no()}", align="C")
        self.set_text_color(0)

    def section(self, text: str):
        self.ln(2)
        self.set_font("Helvetica", "B", 12)
        self.cell(0, 7, _t(text), new_x="LMARGIN", new_y="NEXT")
        self.set_font("Helvetica", "", 9)

    def line_text(self, text: str):
        self.set_font("Helvetica", "", 9)
        self.multi_cell(0, 5, _t(text), new_x="LMARGIN", new_y="NEXT")

    def table(self, headers: list[str], rows: list[list], widths: list[float]):
        self.set_font("Helvetica", "B", 8)
        self.set_fill_color(230, 236, 245)
        for h, w in zip(headers, widths):
            self.cell(w, 6, _t(h), border=1, fill=True)
        self.ln()
        self.set_font("Helvetica", "", 8)
        for row in rows:
            if self.will_page_break(6):
                self.add_page()
            for v, w in zip(row, widths):
                self.cell(w, 6, _t(v)[: int(w / 1.6)], border=1)
            self.ln()

    def bar_chart(self, bars: list[tuple[str, float]], *, label_w: float = 60, bar_w: float = 110):
        """Horizontal bars for values in 0..1 (mastery), with a 50% and a 95% guide."""
        if not bars:
            self.line_text("No data yet.")
            return
        h = 5.5
        x0 = self.l_margin + label_w
        if self.will_page_break(h * len(bars) + 8):
            self.add_page()
        y = self.get_y()
        self.set_font("Helvetica", "", 8)
        for i, (label, value) in enumerate(bars):
            yy = y + i * h
            self.set_xy(self.l_margin, yy)
            self.cell(label_w - 2, h, _t(label)[:38], align="R")
            self.set_fill_color(235, 235, 235)
            self.rect(x0, yy + 1, bar_w, h - 2, style="F")
            colour = (44, 160, 44) if value >= MASTERY_THRESHOLD else (31, 119, 180) if value >= 0.5 else (214, 39, 40)
            self.set_fill_color(*colour)
            self.rect(x0, yy + 1, max(0.5, bar_w * min(max(value, 0.0), 1.0)), h - 2, style="F")
            self.set_xy(x0 + bar_w + 1, yy)
            self.cell(14, h, f"{value * 100:.0f}%")
        self.set_draw_color(120)
        for guide in (0.5, MASTERY_THRESHOLD):
            gx = x0 + bar_w * guide
            self.line(gx, y, gx, y + h * len(bars))
        self.set_draw_color(0)
        self.set_y(y + h * len(bars) + 3)

    def line_chart(self, series: dict[str, list[tuple[datetime, float]]], *, w: float = 170, h: float = 55):
        """Mastery (0..1) over time, one line per series, with a legend."""
        points = [p for pts in series.values() for p in pts]
        if not points:
            self.line_text("No mastery history yet.")
            return
        if self.will_page_break(h + 20):
            self.add_page()
        x0, y0 = self.l_margin + 8, self.get_y()
        t0 = min(p[0] for p in points).timestamp()
        t1 = max(p[0] for p in points).timestamp()
        span = max(t1 - t0, 1.0)
        self.set_draw_color(160)
        self.rect(x0, y0, w, h)
        self.set_font("Helvetica", "", 7)
        for frac in (0.0, 0.5, 1.0):
            yy = y0 + h - h * frac
            self.line(x0 - 1, yy, x0, yy)
            self.set_xy(self.l_margin - 2, yy - 2)
            self.cell(9, 4, f"{frac * 100:.0f}%", align="R")
        for i, (name, pts) in enumerate(sorted(series.items())[: len(PALETTE)]):
            self.set_draw_color(*PALETTE[i])
            self.set_line_width(0.5)
            xy = [(x0 + w * (t.timestamp() - t0) / span, y0 + h - h * min(max(v, 0.0), 1.0)) for t, v in pts]
            for a, b in zip(xy, xy[1:]):
                self.line(*a, *b)
            if len(xy) == 1:
                self.circle(x=xy[0][0] - 0.6, y=xy[0][1] - 0.6, radius=1.2, style="D")
        self.set_line_width(0.2)
        self.set_draw_color(0)
        self.set_xy(x0, y0 + h + 1)
        self.cell(w / 2, 4, f"{datetime.fromtimestamp(t0):%d %b}")
        self.cell(w / 2, 4, f"{datetime.fromtimestamp(t1):%d %b}", align="R")
        self.ln(5)
        for i, name in enumerate(sorted(series)[: len(PALETTE)]):
            self.set_fill_color(*PALETTE[i])
            self.rect(self.get_x(), self.get_y() + 1.2, 3, 3, style="F")
            self.set_x(self.get_x() + 4)
            self.cell(self.get_string_width(_t(name)) + 6, 5, _t(name))
        self.ln(7)


def class_report_pdf(*, session: Session, viewer: User, class_id: int, now: datetime | None = None) -> bytes:
    """A class report: summary, skill chart, struggling skills, roster, inactive students."""
    now = now_or(now)
    classroom = next((c for c in classes_for(session=session, viewer=viewer) if c.id == class_id), None)
    rows = roster(session=session, viewer=viewer, class_id=class_id, now=now)  # checks access
    struggles = struggling_skills(session=session, viewer=viewer, class_id=class_id, now=now)
    idle = inactive_students(session=session, viewer=viewer, class_id=class_id, now=now)
    name = classroom.name if classroom else f"Class {class_id}"
    pdf = _Report(f"Class report: {name}", f"{len(rows)} students - generated {now:%d %b %Y %H:%M} UTC")
    active = sum(1 for r in rows if r.problems_this_week)
    pdf.section("Summary")
    pdf.line_text(
        f"{active} of {len(rows)} students practised this week; "
        f"{sum(r.problems_this_week for r in rows)} problems, "
        f"{sum(r.minutes_this_week for r in rows):.0f} minutes in total."
    )
    pdf.section("Class mastery by skill (mean over students who practised it)")
    pdf.bar_chart([(s.title, s.mean_mastery) for s in sorted(struggles, key=lambda s: s.title)])
    pdf.section("Hardest skills (last 4 weeks)")
    pdf.table(["skill", "students", "attempts", "accuracy", "below 50%"],
              [[s.title, s.students, s.attempts, f"{s.accuracy * 100:.0f}%", s.struggling_students]
               for s in struggles[:8]], [70, 25, 25, 25, 25])
    pdf.section("Roster")
    pdf.table(["student", "grade", "problems (week)", "minutes (week)", "mastered", "mean mastery", "last active"],
              [[r.name, r.grade or "", r.problems_this_week, f"{r.minutes_this_week:.0f}", r.skills_mastered,
                f"{r.mean_mastery * 100:.0f}%" if r.mean_mastery is not None else "-",
                f"{r.last_active:%d %b}" if r.last_active else "never"] for r in rows],
              [45, 14, 27, 27, 20, 24, 23])
    pdf.section("Not practised in the last 7 days")
    pdf.line_text(", ".join(r.name for r in idle) or "Everyone practised this week.")
    return bytes(pdf.output())


def student_report_pdf(*, session: Session, viewer: User, student_id: int, now: datetime | None = None) -> bytes:
    """A student report: this week's effort, mastery per skill, mastery over time, mistakes."""
    now = now_or(now)
    progress = student_progress(session=session, viewer=viewer, student_id=student_id, now=now)  # checks access
    drill = student_drilldown(session=session, viewer=viewer, student_id=student_id)
    pdf = _Report(f"Progress report: {progress.name}", f"generated {now:%d %b %Y %H:%M} UTC")
    pdf.section("This week")
    pdf.line_text(
        f"{progress.problems_this_week} problems ({progress.correct_this_week} correct), "
        f"{progress.minutes_this_week:.0f} minutes, streak {progress.streak} day(s), "
        f"{len(progress.reviews_due)} review(s) due. All time: {drill.attempts} attempts, "
        f"{drill.hints_used} hints used."
    )
    pdf.section("Mastery per skill")
    pdf.bar_chart([(s.title, s.p_mastery) for s in sorted(progress.skills, key=lambda s: s.title)])
    pdf.section("Mastery over time")
    series: dict[str, list] = {}
    for p in drill.series:
        series.setdefault(p.title, []).append((p.at, p.p_mastery))
    pdf.line_chart(series)
    pdf.section("Common mistakes")
    pdf.line_text(", ".join(f"{m} ({n})" for m, n in drill.mistakes) or "No recurring mistakes recorded.")
    pdf.section("Per skill")
    pdf.table(["skill", "attempts", "correct", "hints"], [list(r) for r in drill.per_skill], [80, 30, 30, 30])
    return bytes(pdf.output())
