"""A parent's weekly view of each linked child, and the summary they can download."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from tutor import i18n
from tutor.classes import children_of
from tutor.errors import PermissionDenied
from tutor.i18n import _, ngettext
from tutor.models import Role, User
from tutor.reports._common import WEEK, in_language, long_day, now_or
from tutor.reports.student import (
    DayActivity,
    MasteryPoint,
    PlanView,
    SkillMastery,
    StudentProgress,
    current_plan,
    mastery_gained,
    mastery_over_time,
    recent_activity,
    student_progress,
    stuck_skills,
)


@dataclass
class ChildWeek:
    """Everything the parent page shows for one child."""

    progress: StudentProgress
    mastery_gained: float
    series: list[MasteryPoint]
    plan: PlanView | None
    activity: list[DayActivity]
    stuck: list[SkillMastery]
    week_start: datetime
    week_end: datetime
    language: str = "en"
    """The viewer's language: the one the downloadable summary is written in."""

    @property
    def name(self) -> str:
        return self.progress.name


def linked_children(*, session: Session, viewer: User) -> list[User]:
    """The children a parent may follow (an admin sees every student through other pages)."""
    if viewer.role != Role.parent:
        raise PermissionDenied("This page is for parents.")
    return children_of(session=session, parent_id=viewer.id)


def child_week(*, session: Session, viewer: User, student_id: int, now: datetime | None = None) -> ChildWeek:
    """One child's last seven days: effort, mastery gained and over time, plan, activity, stuck skills."""
    now = now_or(now)
    since = now - WEEK
    progress = student_progress(session=session, viewer=viewer, student_id=student_id, now=now)
    return ChildWeek(
        progress=progress,
        mastery_gained=mastery_gained(session=session, viewer=viewer, student_id=student_id, since=since),
        series=mastery_over_time(session=session, viewer=viewer, student_id=student_id, since=now - 4 * WEEK),
        plan=current_plan(session=session, viewer=viewer, student_id=student_id),
        activity=recent_activity(session=session, viewer=viewer, student_id=student_id, days=7, now=now),
        stuck=stuck_skills(session=session, viewer=viewer, student_id=student_id),
        week_start=since,
        week_end=now,
        language=i18n.normalise(viewer.language),
    )


def weekly_summary_markdown(week: ChildWeek) -> str:
    """The downloadable weekly summary, as Markdown a parent can read in any text editor, in the language of
    the parent who asked for it (``week.language``)."""
    return in_language(week.language, _summary, week)


def _summary(week: ChildWeek) -> str:
    p = week.progress
    pct = i18n.percent
    joined = _(", ").join
    lines = [
        "# " + _("Weekly summary for {name}").format(name=p.name),
        "",
        _("{start} to {end}").format(start=long_day(week.week_start), end=long_day(week.week_end)),
        "",
        "## " + _("This week"),
        "- " + _("Time practising: {minutes} minutes").format(minutes=i18n.number(p.minutes_this_week)),
        "- " + _("Problems solved: {correct} correct of {total}").format(correct=p.correct_this_week,
                                                                         total=p.problems_this_week),
        "- " + _("Mastery gained: {points} points across skills").format(points=f"{week.mastery_gained * 100:+.0f}"),
        "- " + ngettext("Practice streak: {n} day", "Practice streak: {n} days", p.streak).format(n=p.streak),
    ]
    if p.mastered_this_week:
        lines.append("- " + _("Newly mastered: {skills}").format(skills=joined(p.mastered_this_week)))
    if p.reviews_due:
        lines.append("- " + _("Reviews due: {skills}").format(skills=joined(p.reviews_due)))
    lines += ["", "## " + _("Skills")]
    if p.skills:
        lines += ["- " + (_("{skill}: {percent} (mastered)") if s.mastered else _("{skill}: {percent}")).format(
            skill=s.title, percent=pct(s.p_mastery)) for s in p.skills]
    else:
        lines.append("- " + _("No skills practised yet."))
    lines += ["", "## " + _("Where to help")]
    if week.stuck:
        lines += ["- " + ngettext("{skill}: {n} try, mastery {percent}", "{skill}: {n} tries, mastery {percent}",
                                  s.attempts).format(skill=s.title, n=s.attempts, percent=pct(s.p_mastery))
                  for s in week.stuck]
    else:
        lines.append("- " + _("Nothing stuck right now."))
    lines += ["", "## " + _("Days practised")]
    if week.activity:
        for d in week.activity:
            lines.append("- " + _("{day}: {problems} problems ({correct} correct), {minutes} min - {skills}").format(
                day=i18n.day(d.day, weekday=True), problems=d.problems, correct=d.correct,
                minutes=i18n.number(d.minutes), skills=joined(d.skills) or _("tutor chat")))
    else:
        lines.append("- " + _("No practice yet this week."))
    if week.plan is not None:
        lines += ["", "## " + _("Current lesson plan"),
                  _("{done} of {total} steps done").format(done=week.plan.done, total=week.plan.total)]
        lines += [f"- [{'x' if st == 'done' else ' '}] {title}" for _kind, title, _skill, st in week.plan.items]
    return "\n".join(lines) + "\n"
