"""Independent re-solve: program-of-thought in the sandbox, several samples, majority vote.

Arithmetic checking alone cannot catch a wrong set-up (most wrong model
solutions contain no false equation), so before a worked solution or final
answer without plugin ground truth is marked verified, the model writes small
Python programs that solve the question, the sandbox runs them, and the
majority answer must agree with the solution's.
"""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from agents.checks import numbers_in
from agents.llm_io import complete

POT_SYSTEM = (
    "You solve math word problems by writing a short Python program. "
    "Use plain Python arithmetic (no input(), no files, no imports except math and fractions). "
    "Store the final numeric answer in a variable named result and end with print(result). "
    "Reply with only the program in one ```python code block."
)


@dataclass
class Resolution:
    """Outcome of the independent re-solve.

    ``answer`` is the majority answer when at least ``quorum`` samples agree,
    else None (no agreement: nothing may be marked verified on its strength).
    """

    answer: str | None
    votes: dict[str, int] = field(default_factory=dict)
    samples: list[dict[str, Any]] = field(default_factory=list)

    @property
    def agreed(self) -> bool:
        return self.answer is not None


def extract_code(reply: str) -> str:
    """The Python program in a model reply (fenced block, else the whole text)."""
    blocks = re.findall(r"```(?:python|py)?\s*\n(.*?)```", reply, re.S)
    if blocks:
        return max(blocks, key=len).strip()
    opened = re.search(r"```(?:python|py)?\s*\n(.*)", reply, re.S)
    return (opened.group(1) if opened else reply).strip()


def normalise_number(value: Any) -> str | None:
    """A canonical string for a numeric result: ints without .0, floats rounded to 6 places."""
    if value is None:
        return None
    text = str(value).strip()
    nums = numbers_in(text)
    if not nums:
        return None
    raw = nums[-1]
    try:
        if "/" in raw:
            a, b = raw.split("/")
            number = float(a) / float(b)
        else:
            number = float(raw)
    except (ValueError, ZeroDivisionError):
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    rounded = round(number, 6)
    if abs(rounded - round(rounded)) < 1e-6:
        return str(int(round(rounded)))
    return f"{rounded:.6f}".rstrip("0").rstrip(".")


def program_answer(result: Any) -> str | None:
    """The answer a sandbox run produced: its ``result`` if numeric, else the last printed number."""
    if not getattr(result, "ok", False):
        return None
    value = normalise_number(getattr(result, "result", None))
    if value is not None:
        return value
    lines = [ln for ln in str(getattr(result, "stdout", "") or "").strip().splitlines() if ln.strip()]
    return normalise_number(lines[-1]) if lines else None


def majority(answers: list[str | None], quorum: int) -> tuple[str | None, dict[str, int]]:
    votes = Counter(a for a in answers if a is not None)
    if not votes:
        return None, {}
    best, count = votes.most_common(1)[0]
    tied = [a for a, c in votes.items() if c == count]
    if count < quorum or len(tied) > 1:
        return None, dict(votes)
    return best, dict(votes)


async def resolve(
    question: str,
    *,
    llm: Any,
    run_code: Any,
    samples: int = 3,
    quorum: int | None = None,
    max_tokens: int = 320,
    timeout_s: float = 5.0,
    seed: int = 0,
) -> Resolution:
    """Solve ``question`` independently ``samples`` times by program-of-thought; majority vote.

    The first sample is greedy, the rest sampled at temperature 0.7 with
    distinct seeds. ``quorum`` (default: a strict majority) is how many must agree.
    """
    quorum = quorum or samples // 2 + 1
    answers: list[str | None] = []
    logs: list[dict[str, Any]] = []
    for i in range(samples):
        messages = [
            {"role": "system", "content": POT_SYSTEM},
            {"role": "user", "content": f"Problem: {question.strip()}\nWrite the program."},
        ]
        reply = await complete(
            llm,
            messages,
            max_tokens=max_tokens,
            temperature=0.0 if i == 0 else 0.7,
            seed=seed + i,
        )
        code = extract_code(reply)
        result = await asyncio.to_thread(run_code, code, timeout_s=timeout_s)
        answer = program_answer(result)
        answers.append(answer)
        logs.append({"answer": answer, "error": str(getattr(result, "error", "") or "")[:200]})
        # Stop early once the remaining samples cannot change the outcome.
        best, _ = majority(answers, quorum)
        if best is not None and Counter(answers)[best] >= quorum:
            break
        if samples - (i + 1) + max(Counter(a for a in answers if a).values(), default=0) < quorum:
            break
    best, votes = majority(answers, quorum)
    return Resolution(best, votes, logs)
