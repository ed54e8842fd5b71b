"""A parent's weekly view of each linked child, and the summary they can download."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from tutor.classes import children_of
from tutor.errors import PermissionDenied
from tutor.models import Role, User
from tutor.reports._common import WEEK, now_or
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
    )


def weekly_summary_markdown(week: ChildWeek) -> str:
    """The downloadable weekly summary, as Markdown a parent can read in any text editor."""
    p = week.progress
    lines = [
        f"# Weekly summary for {p.name}",
        "",
        f"{week.week_start:%d %b %Y} to {week.week_end:%d %b %Y}",
        "",
        "## This week",
        f"- Time practising: {p.minutes_this_week:.0f} minutes",
        f"- Problems solved: {p.correct_this_week} correct of {p.problems_this_week}",
        f"- Mastery gained: {week.mastery_gained * 100:+.0f} points across skills",
        f"- Practice streak: {p.streak} day(s)",
    ]
    if p.mastered_this_week:
        lines.append(f"- Newly mastered: {', '.join(p.mastered_this_week)}")
    if p.reviews_due:
        lines.append(f"- Reviews due: {', '.join(p.reviews_due)}")
    lines += ["", "## Skills"]
    if p.skills:
        lines += [f"- {s.title}: {s.p_mastery * 100:.0f}%{' (mastered)' if s.mastered else ''}" for s in p.skills]
    else:
        lines.append("- No skills practised yet.")
    lines += ["", "## Where to help"]
    if week.stuck:
        lines += [f"- {s.title}: {s.attempts} tries, mastery {s.p_mastery * 100:.0f}%" for s in week.stuck]
    else:
        lines.append("- Nothing stuck right now.")
    lines += ["", "## Days practised"]
    if week.activity:
        for d in week.activity:
            skills = ", ".join(d.skills) or "tutor chat"
            lines.append(f"- {d.day:%a %d %b}: {d.problems} problems ({d.correct} correct), {d.minutes:.0f} min - {skills}")
    else:
        lines.append("- No practice yet this week.")
    if week.plan is not None:
        lines += ["", "## Current lesson plan", f"{week.plan.done} of {week.plan.total} steps done"]
        lines += [f"- [{'x' if st == 'done' else ' '}] {title}" for _kind, title, _skill, st in week.plan.items]
    return "\n".join(lines) + "\n"
