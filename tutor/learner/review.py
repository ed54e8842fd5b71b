"""Spaced review with FSRS: each mastered skill has a card; graded attempts are reviews.

The scheduler runs without fuzzing and without (re)learning steps: a skill
enters review only once BKT says it is mastered, so the first review schedules
days ahead rather than minutes.
"""

from __future__ import annotations

import functools
from datetime import datetime

from fsrs import Card, Rating, Scheduler

FAST_ANSWER_S = 20.0
"""A correct, unhinted answer faster than this is an easy recall."""


@functools.cache
def scheduler() -> Scheduler:
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rating_for(correct: bool, hints_used: int = 0, time_taken_s: float = 0.0) -> Rating:
    """Map a graded attempt to an FSRS rating.

    Wrong -> Again; right with hints -> Hard; right, unhinted and fast -> Easy; otherwise Good.
    """
    if not correct:
        return Rating.Again
    if hints_used > 0:
        return Rating.Hard
    if 0 < time_taken_s < FAST_ANSWER_S:
        return Rating.Easy
    return Rating.Good


def new_card(now: datetime) -> Card:
    return Card(due=now)


def review_card(card_json: str, rating: Rating, now: datetime) -> tuple[str, datetime]:
    """Review a stored card (empty string: a new card) at ``now``; return the new card JSON and due time."""
    card = Card.from_json(card_json) if card_json else new_card(now)
    card, _log = scheduler().review_card(card, rating, review_datetime=now)
    return card.to_json(), card.due


def retrievability(card_json: str, now: datetime) -> float | None:
    """The chance the student still recalls the skill now, or None when it has no card."""
    if not card_json:
        return None
    return float(scheduler().get_card_retrievability(Card.from_json(card_json), current_datetime=now))
