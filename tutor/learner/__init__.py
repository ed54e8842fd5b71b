"""The learner core: the one API the planner, the reports, Practice and the tutor chat call.

Public API:
    submit_answer (service): the one grading path; record_attempt stores an already graded attempt.
    read_typed, grade_typed (grading): how a typed answer is read and graded.
    is_mastered, mastered_skills, ready_to_learn, reviews_due, recent_accuracy, recent_errors,
    time_on_task, seconds_on, difficulty_for (queries): what mastered, ready, due and time mean.
    next_problem, lesson_item_problem (next_problem): which problem comes next.
    PracticeRun (practice): one problem being practised.
    BKTParams, update, MASTERY_THRESHOLD (bkt); rating_for, review_card (review).
"""

from tutor.learner.bkt import MASTERY_THRESHOLD, BKTParams, update
from tutor.learner.grading import grade_typed, read_typed
from tutor.learner.next_problem import lesson_item_problem, next_problem, offered_skills
from tutor.learner.practice import PracticeRun
from tutor.learner.queries import (
    difficulty_for,
    is_mastered,
    mastered_skills,
    ready_to_learn,
    recent_accuracy,
    recent_errors,
    reviews_due,
    seconds_on,
    time_on_task,
)
from tutor.learner.review import rating_for, review_card
from tutor.learner.service import AttemptResult, record_attempt, submit_and_commit, submit_answer

__all__ = [
    "MASTERY_THRESHOLD",
    "AttemptResult",
    "BKTParams",
    "PracticeRun",
    "difficulty_for",
    "grade_typed",
    "is_mastered",
    "lesson_item_problem",
    "mastered_skills",
    "next_problem",
    "offered_skills",
    "rating_for",
    "read_typed",
    "ready_to_learn",
    "recent_accuracy",
    "recent_errors",
    "record_attempt",
    "review_card",
    "reviews_due",
    "seconds_on",
    "submit_and_commit",
    "submit_answer",
    "time_on_task",
    "update",
]
