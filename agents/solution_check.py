"""``tutor verify-steps --resolve``: the verifier's verdict plus an independent re-solve.

A worked solution is reported ``correct`` only when the step checks pass *and*
the program-of-thought re-solve verifies its final answer (``agents.resolve.judge``:
at least two programs got it, two more than got any other answer). Strong
disagreement (no program got it, three or more agreed on another answer)
refutes the final answer (step ``len(steps)``); a weaker disagreement or no
agreement leaves the case ``undetermined``: not correct, not called wrong.
A case the steps refuted stays refuted.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from agents.resolve import Resolution, judge, resolve
from tutor.verify import SolutionCheck, Status


def apply_resolution(record: dict[str, Any], result: SolutionCheck, resolution: Resolution,
                     compare_answers: Callable[[str, Any], Any]) -> SolutionCheck:
    """Combine the step verdict with the re-solve (pure: no model, no sandbox)."""
    if result.status is Status.refuted:
        return result
    steps = record.get("steps") or []
    final = record.get("final_answer")
    verdict = judge(None if final is None else str(final), resolution.votes, compare_answers)
    if verdict.status == "verified":
        return result
    if verdict.status == "refuted":
        return SolutionCheck(Status.refuted, len(steps), result.checks,
                             f"An independent re-solve got {verdict.rival}, not {final}: {verdict.explanation}",
                             result.unchecked_steps)
    return SolutionCheck(Status.undetermined, None, result.checks,
                         f"Not marked correct: an independent re-solve did not confirm it. {verdict.explanation}",
                         result.unchecked_steps)


def make_resolver(llm: Any, run_code: Callable[..., Any], compare_answers: Callable[[str, Any], Any],
                  samples: int = 4) -> Callable[[dict, SolutionCheck], SolutionCheck]:
    """A ``tutor.cli.verify`` resolver: ``resolver(record, check) -> check``."""

    def resolver(record: dict, result: SolutionCheck) -> SolutionCheck:
        if result.status is Status.refuted:
            return result  # no need to spend the model on a case already caught
        question = record.get("question") or ""
        final = record.get("final_answer")
        resolution = asyncio.run(resolve(question, llm=llm, run_code=run_code, samples=samples,
                                         candidate=None if final is None else str(final), compare=compare_answers))
        return apply_resolution(record, result, resolution, compare_answers)

    return resolver


def resolver_for(ctx: Any, samples: int = 4) -> Callable[[dict, SolutionCheck], SolutionCheck]:
    """The resolver with the configured model and sandbox of a TutorContext."""
    import functools

    from tutor.sandbox import run_code
    from tutor.verify import compare_answers

    return make_resolver(ctx.llm, functools.partial(run_code, settings=ctx.settings), compare_answers, samples)
