"""Three-way results shared by every check in the verifier.

SymPy answers ``True``, ``False`` or ``None``; so do we. ``undetermined`` means
"we could not decide" and must never be read as "correct".
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Status(enum.Enum):
    """Outcome of a check: verified, refuted or undetermined (could not decide)."""

    verified = "verified"
    refuted = "refuted"
    undetermined = "undetermined"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Check:
    """One checked claim.

    Attributes:
        status: verified, refuted or undetermined.
        claim: the text that was checked (as found, trimmed).
        kind: what sort of check ran, e.g. ``arithmetic``, ``expression``,
            ``equation``, ``derivative``, ``answer``, ``not_checkable``.
        expected: the value we computed, when we know it (e.g. ``"28"``).
        explanation: one short sentence a 12-year-old can read.
        step: 0-based index of the step the claim came from, if any.
    """

    status: Status
    claim: str
    kind: str
    expected: str | None = None
    explanation: str = ""
    step: int | None = None

    def at_step(self, step: int | None) -> Check:
        """The same check, labelled with the step it belongs to."""
        return Check(self.status, self.claim, self.kind, self.expected, self.explanation, step)


@dataclass(frozen=True)
class SolutionCheck:
    """Verdict on a whole worked solution.

    ``status`` is verified only when every checkable statement holds, the final
    answer follows from the steps, and at least one thing could be checked.
    ``first_error_step`` is the 0-based step of the first refuted claim; the
    final answer counts as step ``len(steps)``.
    """

    status: Status
    first_error_step: int | None
    checks: list[Check] = field(default_factory=list)
    explanation: str = ""
    unchecked_steps: list[int] = field(default_factory=list)


def undetermined(claim: str, kind: str, explanation: str, step: int | None = None) -> Check:
    """Shorthand for a check we could not decide."""
    return Check(Status.undetermined, claim, kind, None, explanation, step)
