"""PDF reports (fpdf2) for a class or one student, with charts drawn from fpdf2 primitives, in the
language of the person who asks for them.

fpdf2's built-in Helvetica covers Latin-1 only. A report whose text all fits it
uses Helvetica (small, fast); any other report, a Chinese one or an English one
with a Chinese name, is built again with an installed CJK font embedded
(:mod:`tutor.reports.fonts`). Without such a font the report fails with a
message that says what to install, never with '?' in place of a name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from fpdf import FPDF
from fontTools.ttLib import TTLibError
from fpdf.enums import TextMode
from sqlmodel import Session

from tutor import i18n
from tutor.errors import ReportError
from tutor.i18n import _, ngettext
from tutor.learner.bkt import MASTERY_THRESHOLD
from tutor.models import User
from tutor.reports._common import in_viewer_language, now_or, stamp
from tutor.reports.fonts import INSTALL_HINT, FontFile, cjk_font
from tutor.reports.student import student_progress
from tutor.reports.teacher import (
    classes_for,
    inactive_students,
    roster,
    struggling_skills,
    student_drilldown,
)

PALETTE = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75)]
UNICODE_FAMILY = "report-unicode"
LATIN_STAND_INS = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2026": "...", "\u2018": "'", "\u2019": "'",
                                 "\u201c": '"', "\u201d": '"', "\u2212": "-", "\u00a0": " ", "\u202f": " "})
"""Typography Helvetica lacks but a plain character says as well (a percentage '–' is a '-')."""


class _NeedsUnicodeFont(Exception):
    """Text outside Latin-1 met while building with Helvetica: build again with the CJK font."""


class _Report(FPDF):
    def __init__(self, title: str, subtitle: str, font: FontFile | None):
        super().__init__(format="A4")
        self.unicode = font is not None
        if font is not None:
            try:
                self.add_font(UNICODE_FAMILY, "", str(font.path), collection_font_number=font.index)
            except (OSError, ValueError, TTLibError) as exc:
                raise ReportError(_("The font {path} cannot be read ({error}). Install another one: {hint}").format(
                    path=font.path, error=exc, hint=INSTALL_HINT)) from exc
        self.report_title, self.subtitle = self.fit(title), self.fit(subtitle)
        self.set_auto_page_break(True, margin=15)
        self.set_title(title)
        self.set_lang(i18n.locale().language)
        self.set_creator("tutor")
        self.add_page()

    def fit(self, text, width: float | None = None) -> str:
        """``text`` as this document can print it, cut to ``width`` mm in the current font."""
        text = str(text)
        if not self.unicode:
            text = text.translate(LATIN_STAND_INS)
            try:
                text.encode("latin-1")
            except UnicodeEncodeError:
                raise _NeedsUnicodeFont from None
        if width is None or self.get_string_width(text) <= width:
            return text
        ellipsis = "…" if self.unicode else "..."
        while text and self.get_string_width(text + ellipsis) > width:
            text = text[:-1]
        return text + ellipsis

    def use_font(self, size: float) -> None:
        self.set_font(UNICODE_FAMILY if self.unicode else "Helvetica", "", size)

    @contextmanager
    def strong(self) -> Iterator[None]:
        """Bold text inside the block. The CJK fonts ship one weight, so there bold is the outline stroked
        over the fill, in a saved graphics state (fpdf2 does not switch the stroke mode back by itself)."""
        if not self.unicode:
            self.set_font("Helvetica", "B", self.font_size_pt)
            yield
            self.set_font("Helvetica", "", self.font_size_pt)
            return
        with self.local_context(text_mode=TextMode.FILL_STROKE, line_width=self.font_size_pt * 0.012):
            yield

    def header(self):
        self.use_font(15)
        with self.strong():
            self.cell(0, 8, self.report_title, new_x="LMARGIN", new_y="NEXT")
        self.use_font(9)
        self.set_text_color(90)
        self.cell(0, 5, self.subtitle, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0)
        self.ln(3)

    def footer(self):
        self.set_y(-12)
        self.use_font(8)
        self.set_text_color(120)
        self.cell(0, 5, self.fit(_("Page {n}").format(n=self.page_no())), align="C")
        self.set_text_color(0)

    def section(self, text: str):
        self.ln(2)
        self.use_font(12)
        with self.strong():
            self.cell(0, 7, self.fit(text), new_x="LMARGIN", new_y="NEXT")
        self.use_font(9)

    def line_text(self, text: str):
        self.use_font(9)
        self.multi_cell(0, 5, self.fit(text), new_x="LMARGIN", new_y="NEXT")

    def figure(self, svg: str, *, width: float = 110) -> bool:
        """Draw a problem's figure (its sanitised SVG) at ``width`` mm; False when fpdf2 cannot draw it."""
        import io
        import re as _re

        from tutor.figures import safe_svg

        svg = safe_svg(svg)
        if not svg:
            return False
        svg = _re.sub(r"<title>.*?</title>", "", svg, flags=_re.S)  # alt text goes in the line above, not the SVG
        if self.unicode:
            svg = svg.replace('font-family="sans-serif"', f'font-family="{UNICODE_FAMILY}"')
        elif not _latin1(svg):
            raise _NeedsUnicodeFont
        try:
            if self.will_page_break(width * 0.7):
                self.add_page()
            self.image(io.BytesIO(svg.encode()), w=width)
        except Exception:  # an SVG fpdf2 cannot draw is left out; the statement above still says it all
            return False
        return True

    def table(self, headers: list[str], rows: list[list], widths: list[float]):
        self.use_font(8)
        self.set_fill_color(230, 236, 245)
        with self.strong():
            for h, w in zip(headers, widths):
                self.cell(w, 6, self.fit(h, w - 2), border=1, fill=True)
        self.ln()
        self.use_font(8)
        for row in rows:
            if self.will_page_break(6):
                self.add_page()
            for v, w in zip(row, widths):
                self.cell(w, 6, self.fit(v, w - 2), border=1)
            self.ln()

    def bar_chart(self, bars: list[tuple[str, float]], *, label_w: float = 60, bar_w: float = 110):
        """Horizontal bars for values in 0..1 (mastery), with a 50% and a 95% guide."""
        if not bars:
            self.line_text(_("No data yet."))
            return
        h = 5.5
        x0 = self.l_margin + label_w
        if self.will_page_break(h * len(bars) + 8):
            self.add_page()
        y = self.get_y()
        self.use_font(8)
        for i, (label, value) in enumerate(bars):
            yy = y + i * h
            self.set_xy(self.l_margin, yy)
            self.cell(label_w - 2, h, self.fit(label, label_w - 3), align="R")
            self.set_fill_color(235, 235, 235)
            self.rect(x0, yy + 1, bar_w, h - 2, style="F")
            colour = (44, 160, 44) if value >= MASTERY_THRESHOLD else (31, 119, 180) if value >= 0.5 else (214, 39, 40)
            self.set_fill_color(*colour)
            self.rect(x0, yy + 1, max(0.5, bar_w * min(max(value, 0.0), 1.0)), h - 2, style="F")
            self.set_xy(x0 + bar_w + 1, yy)
            self.cell(14, h, self.fit(i18n.percent(value)))
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
            self.line_text(_("No mastery history yet."))
            return
        if self.will_page_break(h + 20):
            self.add_page()
        x0, y0 = self.l_margin + 8, self.get_y()
        first, last = min(p[0] for p in points), max(p[0] for p in points)
        t0, t1 = first.timestamp(), last.timestamp()
        span = max(t1 - t0, 1.0)
        self.set_draw_color(160)
        self.rect(x0, y0, w, h)
        self.use_font(7)
        for frac in (0.0, 0.5, 1.0):
            yy = y0 + h - h * frac
            self.line(x0 - 1, yy, x0, yy)
            self.set_xy(self.l_margin - 2, yy - 2)
            self.cell(9, 4, self.fit(i18n.percent(frac)), align="R")
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
        self.cell(w / 2, 4, self.fit(i18n.day(first)))
        self.cell(w / 2, 4, self.fit(i18n.day(last)), align="R")
        self.ln(5)
        for i, name in enumerate(sorted(series)[: len(PALETTE)]):
            self.set_fill_color(*PALETTE[i])
            self.rect(self.get_x(), self.get_y() + 1.2, 3, 3, style="F")
            self.set_x(self.get_x() + 4)
            label = self.fit(name)
            self.cell(self.get_string_width(label) + 6, 5, label)
        self.ln(7)


def _render(build: Callable[[FontFile | None], _Report]) -> bytes:
    """The document built with Helvetica when its text allows, else with the installed CJK font."""
    try:
        return bytes(build(None).output())
    except _NeedsUnicodeFont:
        font = cjk_font()
        if font is None:
            raise ReportError(_("This report has text (such as Chinese) that needs a CJK font, and none is "
                                "installed. Install one: {hint}").format(hint=INSTALL_HINT)) from None
        return bytes(build(font).output())


@in_viewer_language
def class_report_pdf(*, session: Session, viewer: User, class_id: int, now: datetime | None = None) -> bytes:
    """A class report: summary, skill chart, struggling skills, roster, inactive students."""
    now = now_or(now)
    classroom = next((c for c in classes_for(session=session, viewer=viewer) if c.id == class_id), None)
    rows = roster(session=session, viewer=viewer, class_id=class_id, now=now)  # checks access
    struggles = struggling_skills(session=session, viewer=viewer, class_id=class_id, now=now)
    idle = inactive_students(session=session, viewer=viewer, class_id=class_id, now=now)
    name = classroom.name if classroom else _("Class {id}").format(id=class_id)
    active = sum(1 for r in rows if r.problems_this_week)
    pct, num = i18n.percent, i18n.number

    def build(font: FontFile | None) -> _Report:
        pdf = _Report(_("Class report: {name}").format(name=name),
                      ngettext("{n} student - generated {when}", "{n} students - generated {when}", len(rows))
                      .format(n=len(rows), when=stamp(now)), font)
        pdf.section(_("Summary"))
        pdf.line_text(_("{active} of {total} students practised this week; {problems} problems, {minutes} minutes "
                        "in total.").format(active=active, total=len(rows),
                                            problems=num(sum(r.problems_this_week for r in rows)),
                                            minutes=num(sum(r.minutes_this_week for r in rows))))
        pdf.section(_("Class mastery by skill (mean over students who practised it)"))
        pdf.bar_chart([(s.title, s.mean_mastery) for s in sorted(struggles, key=lambda s: s.title)])
        pdf.section(_("Hardest skills (last 4 weeks)"))
        below = _("below {percent}").format(percent=pct(0.5))
        pdf.table([_("skill"), _("students"), _("attempts"), _("accuracy"), below],
                  [[s.title, s.students, s.attempts, pct(s.accuracy), s.struggling_students] for s in struggles[:8]],
                  [70, 25, 25, 25, 25])
        pdf.section(_("Roster"))
        pdf.table([_("student"), _("grade"), _("problems (week)"), _("minutes (week)"), _("mastered"),
                   _("mean mastery"), _("last active")],
                  [[r.name, r.grade or "", r.problems_this_week, num(r.minutes_this_week), r.skills_mastered,
                    pct(r.mean_mastery), i18n.day(r.last_active) if r.last_active else _("never")] for r in rows],
                  [45, 14, 27, 27, 20, 24, 23])
        pdf.section(_("Not practised in the last 7 days"))
        pdf.line_text(_(", ").join(r.name for r in idle) or _("Everyone practised this week."))
        return pdf

    return _render(build)


@in_viewer_language
def student_report_pdf(*, session: Session, viewer: User, student_id: int, now: datetime | None = None) -> bytes:
    """A student report: this week's effort, mastery per skill, mastery over time, mistakes."""
    now = now_or(now)
    progress = student_progress(session=session, viewer=viewer, student_id=student_id, now=now)  # checks access
    drill = student_drilldown(session=session, viewer=viewer, student_id=student_id)
    pictured = _pictured_problems(session=session, student_id=student_id)
    series: dict[str, list] = {}
    for p in drill.series:
        series.setdefault(p.title, []).append((p.at, p.p_mastery))

    def build(font: FontFile | None) -> _Report:
        pdf = _Report(_("Progress report: {name}").format(name=progress.name),
                      _("generated {when}").format(when=stamp(now)), font)
        pdf.section(_("This week"))
        pdf.line_text(_("{problems} problems ({correct} correct), {minutes} minutes, streak {streak} day(s), "
                        "{reviews} review(s) due. All time: {attempts} attempts, {hints} hints used.").format(
            problems=progress.problems_this_week, correct=progress.correct_this_week,
            minutes=i18n.number(progress.minutes_this_week), streak=progress.streak,
            reviews=len(progress.reviews_due), attempts=drill.attempts, hints=drill.hints_used))
        pdf.section(_("Mastery per skill"))
        pdf.bar_chart([(s.title, s.p_mastery) for s in sorted(progress.skills, key=lambda s: s.title)])
        pdf.section(_("Mastery over time"))
        pdf.line_chart(series)
        pdf.section(_("Common mistakes"))
        pdf.line_text(_(", ").join(f"{m} ({n})" for m, n in drill.mistakes) or _("No recurring mistakes recorded."))
        pdf.section(_("Per skill"))
        pdf.table([_("skill"), _("attempts"), _("correct"), _("hints")], [list(r) for r in drill.per_skill],
                  [80, 30, 30, 30])
        if pictured:
            pdf.section(_("Recent problems with pictures"))
            for statement, verdict, figure in pictured:
                pdf.line_text(f"{statement} ({verdict})")
                pdf.figure(figure.svg)
        return pdf

    return _render(build)


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _pictured_problems(*, session: Session, student_id: int, limit: int = 3) -> list[tuple[str, str, Any]]:
    """The student's latest problems that have a figure: (statement, verdict, figure), newest first.

    A problem is made again from its id (skill, difficulty, seed) in the viewer's language; one whose plugin is
    gone or that no longer has a figure is skipped."""
    from tutor.plugins import load_plugins
    from tutor.reports._common import load_attempts

    plugins = None
    out: list[tuple[str, str, Any]] = []
    seen: set[str] = set()
    for a in reversed(load_attempts(session=session, student_ids=[student_id])):
        if len(out) >= limit or a.problem_id in seen:
            continue
        seen.add(a.problem_id)
        parts = a.problem_id.rsplit(":", 2)  # "<skill id>:<difficulty>:<seed>"
        if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
            continue
        plugins = plugins or load_plugins()
        try:
            problem = plugins.generate(parts[0], int(parts[2]), int(parts[1]), language=i18n.current_language())
        except Exception:  # a skill no longer installed, or a generator that fails: no picture for it
            continue
        if problem.figure is not None:
            verdict = {"correct": _("correct"), "incorrect": _("incorrect")}.get(a.verdict, _("not checked"))
            out.append((problem.statement, verdict, problem.figure))
    return out
