"""The runtime context every graph node receives (LangGraph ``context_schema``).

Nodes reach the model, the verifier, the sandbox, the plugins and the database
through ``runtime.context``, never through globals, so a test can hand a graph
a scripted fake model and a fresh database.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tutor.settings import Settings


@dataclass
class AgentContext:
    """What the planner and tutor graphs need from the rest of the tutor.

    Attributes:
        settings: the one Settings object (``repair_tries`` bounds the repair loop).
        llm: the chat model (``tutor.llm`` protocol: ``stream``/``chat`` with
            max_tokens, temperature, seed, stop).
        check_text, check_steps, compare_answers: the verifier (``tutor.verify``).
        run_code: the sandbox (``tutor.sandbox.run_code``) for program-of-thought.
        plugins: the plugin manager (problems, ground truth, hint ladders, agents).
        tutor: the TutorContext, for database sessions (``tutor.session()``); None
            runs without storage (``tutor ask`` without a student).
        resolve_samples: program-of-thought samples the independent re-solve may write for one question
            (they stop as soon as more cannot change the verdict). Six, not four: on word problems the
            evaluation does not use (``bench/vote_policy.py``), a budget of six verified a third more right
            answers than four, and no more wrong ones.
        solve_question: see the field.
        stream: send draft tokens to the caller while they are generated.
    """

    settings: Settings
    llm: Any
    check_text: Callable[[str], list[Any]]
    check_steps: Callable[..., Any]
    compare_answers: Callable[[str, Any], Any]
    run_code: Callable[..., Any]
    plugins: Any = None
    tutor: Any = None
    resolve_samples: int = 6
    stream: bool = True
    solve_question: Callable[[str], Any] | None = None
    """The verifier's recogniser (``tutor.verify.solve_question``): SymPy works a question out before the
    model talks. None: the default recogniser; pass ``lambda _q: None`` to turn tool-first solving off."""

    def solver(self) -> Callable[[str], Any]:
        if self.solve_question is None:
            return _remembered_solve
        return self.solve_question

    @classmethod
    def from_tutor(cls, ctx: Any, **overrides: Any) -> AgentContext:
        """The context for a ``TutorContext``: its shared model, plugins and database, the real verifier."""
        from tutor import verify
        from tutor.sandbox import run_code

        values: dict[str, Any] = {
            "settings": ctx.settings,
            "check_text": verify.check_text,
            "check_steps": verify.check_steps,
            "compare_answers": verify.compare_answers,
            "run_code": functools.partial(run_code, settings=ctx.settings),
            "tutor": ctx,
        }
        values.update(overrides)
        if "llm" not in values:
            values["llm"] = ctx.llm
        if "plugins" not in values:
            values["plugins"] = ctx.plugins
        return cls(**values)


@functools.lru_cache(maxsize=128)
def _remembered_solve(question: str) -> Any:
    """The recogniser, remembered per text: one turn asks it three times (classify, solve, verify) for one answer."""
    from tutor.verify import solve_question

    return solve_question(question)
