"""``tutor verify-steps --resolve``: the verifier's verdict plus an independent re-solve.

A worked solution is reported ``correct`` only when the step checks pass *and*
a program-of-thought re-solve (several samples, majority vote) agrees with its
final answer. Disagreement refutes the final answer (step ``len(steps)``); no
majority leaves the case ``undetermined``. A refuted case stays refuted.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from agents.resolve import Resolution, resolve
from tutor.verify import SolutionCheck, Status


def apply_resolution(record: dict[str, Any], result: SolutionCheck, resolution: Resolution,
                     compare_answers: Callable[[str, Any], Any]) -> SolutionCheck:
    """Combine the step verdict with the re-solve (pure: no model, no sandbox)."""
    if result.status is Status.refuted:
        return result
    steps = record.get("steps") or []
    final = record.get("final_answer")
    if resolution.answer is None or final is None:
        return SolutionCheck(Status.undetermined, None, result.checks,
                             "An independent re-solve did not reach an agreed answer, so this is not marked correct.",
                             result.unchecked_steps)
    same = compare_answers(str(final), resolution.answer).status
    if same is Status.verified:
        return result
    if same is Status.refuted:
        return SolutionCheck(Status.refuted, len(steps), result.checks,
                             f"An independent re-solve got {resolution.answer}, not {final}.", result.unchecked_steps)
    return SolutionCheck(Status.undetermined, None, result.checks,
                         "The final answer could not be compared with the independent re-solve.",
                         result.unchecked_steps)


def make_resolver(llm: Any, run_code: Callable[..., Any], compare_answers: Callable[[str, Any], Any],
                  samples: int = 3) -> Callable[[dict, SolutionCheck], SolutionCheck]:
    """A ``tutor.cli.verify`` resolver: ``resolver(record, check) -> check``."""

    def resolver(record: dict, result: SolutionCheck) -> SolutionCheck:
        if result.status is Status.refuted:
            return result  # no need to spend the model on a case already caught
        question = record.get("question") or ""
        resolution = asyncio.run(resolve(question, llm=llm, run_code=run_code, samples=samples))
        return apply_resolution(record, result, resolution, compare_answers)

    return resolver


def resolver_for(ctx: Any, samples: int = 3) -> Callable[[dict, SolutionCheck], SolutionCheck]:
    """The resolver with the configured model and sandbox of a TutorContext."""
    import functools

    from tutor.sandbox import run_code
    from tutor.verify import compare_answers

    return make_resolver(ctx.llm, functools.partial(run_code, settings=ctx.settings), compare_answers, samples)
