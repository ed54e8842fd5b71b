"""Fit per-skill BKT parameters from recorded first attempts with pyBKT, and store them with their fit quality."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, select

from tutor.errors import TutorError
from tutor.learner.bkt import BKTParams
from tutor.models import Attempt, BKTParams as BKTRow, Verdict, utcnow

MIN_ATTEMPTS = 60
MIN_STUDENTS = 5


@dataclass(frozen=True)
class FitResult:
    skill_id: str
    n_attempts: int
    n_students: int
    params: BKTParams | None = None
    auc: float | None = None
    rmse: float | None = None
    skipped: str = ""
    """Why no parameters were stored (not enough data, a degenerate fit)."""


def fit_bkt(
    *, session: Session, min_attempts: int = MIN_ATTEMPTS, min_students: int = MIN_STUDENTS, seed: int = 42, num_fits: int = 3
) -> list[FitResult]:
    """Fit BKT for every skill with enough graded first attempts; store BKTParams rows with AUC and RMSE.

    The observation is the same one the live model uses: correct without hints.
    Skills with too little data keep their defaults and are reported as skipped.
    """
    rows = session.exec(
        select(Attempt.student_id, Attempt.skill_id, Attempt.verdict, Attempt.hints_used)
        .where(Attempt.first_attempt == True, Attempt.verdict != Verdict.undetermined.value)  # noqa: E712
        .order_by(Attempt.created_at, Attempt.id)
    ).all()
    by_skill: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for student, skill, verdict, hints in rows:
        by_skill[skill].append((student, int(verdict == Verdict.correct.value and hints == 0)))
    results: list[FitResult] = []
    eligible: dict[str, list[tuple[int, int]]] = {}
    for skill, obs in sorted(by_skill.items()):
        students = len({s for s, _ in obs})
        if len(obs) < min_attempts or students < min_students:
            results.append(FitResult(skill, len(obs), students, skipped=f"needs {min_attempts} first attempts by {min_students} students"))
        else:
            eligible[skill] = obs
    if not eligible:
        return results
    try:
        import pandas as pd
        from pyBKT.models import Model
    except ImportError as exc:
        raise TutorError(f"Fitting BKT needs pyBKT: pip install 'tutor[fit]' ({exc}).") from None
    for skill, obs in eligible.items():
        df = pd.DataFrame(
            [{"order_id": i, "user_id": s, "skill_name": skill, "correct": c} for i, (s, c) in enumerate(obs)]
        )
        model = Model(seed=seed, num_fits=num_fits)
        model.fit(data=df)
        auc, rmse = (float(v) for v in model.evaluate(data=df, metric=["auc", "rmse"]))
        p = model.params()["value"]
        values = {name: float(p[(skill, key, "default")]) for name, key in
                  (("prior", "prior"), ("learn", "learns"), ("guess", "guesses"), ("slip", "slips"))}
        try:
            params = BKTParams(**values)
        except ValueError as exc:
            results.append(FitResult(skill, len(obs), len({s for s, _ in obs}), auc=auc, rmse=rmse, skipped=f"degenerate fit: {exc}"))
            continue
        row = session.get(BKTRow, skill) or BKTRow(skill_id=skill, **values)
        for key, value in values.items():
            setattr(row, key, value)
        row.n_attempts, row.auc, row.rmse, row.fitted_at = len(obs), auc, rmse, utcnow()
        session.add(row)
        results.append(FitResult(skill, len(obs), len({s for s, _ in obs}), params, auc, rmse))
    session.flush()
    return sorted(results, key=lambda r: r.skill_id)
