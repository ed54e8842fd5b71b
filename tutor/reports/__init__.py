"""Every number a page shows, computed here where tests can reach it.

Each function takes the ``viewer`` and checks access through
:mod:`tutor.permissions` before reading anything; no Streamlit here.
"""

from tutor.reports.parent import ChildWeek, child_week, linked_children, weekly_summary_markdown
from tutor.reports.pdf import class_report_pdf, student_report_pdf
from tutor.reports.student import (
    current_plan,
    latest_conversation,
    mastery_by_skill,
    mastery_gained,
    mastery_over_time,
    recent_activity,
    skill_map,
    student_progress,
    stuck_skills,
)
from tutor.reports.teacher import (
    all_users,
    class_misconceptions,
    class_report_csv,
    class_report_rows,
    classes_for,
    inactive_students,
    mastery_by_standard,
    mastery_heatmap,
    roster,
    struggling_skills,
    student_drilldown,
    verifier_stats,
)

__all__ = [
    "skill_map",
    "class_misconceptions", "mastery_by_standard",
    "ChildWeek", "all_users", "child_week", "class_report_csv", "class_report_pdf", "class_report_rows",
    "classes_for", "current_plan", "latest_conversation", "inactive_students", "linked_children", "mastery_by_skill", "mastery_gained",
    "mastery_heatmap", "mastery_over_time", "recent_activity", "roster", "struggling_skills", "student_drilldown",
    "student_progress", "student_report_pdf", "stuck_skills", "verifier_stats", "weekly_summary_markdown",
]
