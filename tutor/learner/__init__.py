"""The learner model: BKT mastery per skill, FSRS spaced review, and the queries planners and reports use.

Public API:
    submit_answer, record_attempt (service): grade and store an attempt with its mastery and review state.
    mastery_by_skill, ready_to_learn, reviews_due, recent_accuracy, time_on_task (queries).
    BKTParams, update, MASTERY_THRESHOLD (bkt); rating_for, review_card (review).
"""

from tutor.learner.bkt import MASTERY_THRESHOLD, BKTParams, update
from tutor.learner.queries import mastery_by_skill, ready_to_learn, recent_accuracy, reviews_due, time_on_task
from tutor.learner.review import rating_for, review_card
from tutor.learner.service import AttemptResult, record_attempt, submit_answer

__all__ = [
    "MASTERY_THRESHOLD",
    "AttemptResult",
    "BKTParams",
    "mastery_by_skill",
    "rating_for",
    "ready_to_learn",
    "recent_accuracy",
    "record_attempt",
    "review_card",
    "reviews_due",
    "submit_answer",
    "time_on_task",
    "update",
]
