"""Bayesian Knowledge Tracing: the probability a student knows a skill, updated per first attempt.

Standard BKT (Corbett & Anderson) with four parameters per skill: ``prior``
P(L0), ``learn`` P(T), ``guess`` P(G) and ``slip`` P(S); no forgetting (FSRS
review handles that). A skill is recorded as mastered when p first reaches :data:`MASTERY_THRESHOLD`
(0.95, the convention of OATutor and pyBKT).

Only the first attempt at each problem updates the estimate (later tries are
informed by the feedback and say little about knowledge). Hints count against
mastery the OATutor way: a correct answer given after using any hint is
observed as *incorrect*, because the student did not produce it unaided; the
learning transition still applies, so a hinted success never raises p by
evidence but the practice still counts.
"""

from __future__ import annotations

from dataclasses import dataclass

MASTERY_THRESHOLD = 0.95


@dataclass(frozen=True)
class BKTParams:
    """BKT parameters of one skill; the defaults are typical fitted values for middle-school math."""

    prior: float = 0.2
    learn: float = 0.15
    guess: float = 0.2
    slip: float = 0.1

    def __post_init__(self):
        for name in ("prior", "learn", "guess", "slip"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"BKT {name} must be between 0 and 1, not {value}")
        if self.guess + self.slip >= 1.0:
            raise ValueError("BKT guess + slip must be below 1, or a correct answer would count against mastery")


DEFAULT_PARAMS = BKTParams()


def observed_correct(correct: bool, hints_used: int = 0) -> bool:
    """What BKT observes: correct only if correct without hints."""
    return bool(correct) and hints_used <= 0


def posterior(p: float, correct: bool, params: BKTParams = DEFAULT_PARAMS) -> float:
    """P(known | this observation) before the learning transition."""
    if correct:
        num = p * (1 - params.slip)
        den = num + (1 - p) * params.guess
    else:
        num = p * params.slip
        den = num + (1 - p) * (1 - params.guess)
    return num / den if den > 0 else p


def update(p: float, correct: bool, params: BKTParams = DEFAULT_PARAMS, hints_used: int = 0) -> float:
    """The new mastery probability after one first attempt (evidence, then the chance to learn)."""
    post = posterior(p, observed_correct(correct, hints_used), params)
    return min(1.0, max(0.0, post + (1 - post) * params.learn))


def reaches_mastery(p: float) -> bool:
    """Whether an estimate is high enough to record the skill as mastered (see ``tutor.learner.queries``)."""
    return p >= MASTERY_THRESHOLD
