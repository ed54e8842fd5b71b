"""Helpers shared by the built-in plugins (a third-party plugin could copy this pattern).

Only ``tutor.plugin_api`` and SymPy are used: the plugins know nothing of the
tutor's storage or models.

Every sentence a built-in plugin writes goes through ``_`` (one catalogue for
all of them: ``plugins/locale/<lang>/LC_MESSAGES/plugins.po``), with named
placeholders for the numbers, so a translation cannot change a number.
Refresh the catalogue after changing a string: ``python -m plugins._common``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sympy
from sympy.printing.str import StrPrinter

from tutor.plugin_api import N_, Figure, Misconception, Problem, SkillSpec, Step, Translator, default_hints

LANGUAGES = ("en", "zh")
"""What every built-in plugin is written in: English, and Simplified Chinese from its catalogue."""
LOCALE_DIR = Path(__file__).parent / "locale"
_ = Translator(LOCALE_DIR, "plugins")

__all__ = ["LANGUAGES", "N_", "Draft", "Figure", "Misconception", "SeededGenerator", "_", "decimal_text", "nonzero",
           "plain", "skill", "step", "tex", "x", "y"]

# Real symbols: the verifier reads a student's "x" as a real variable.
x, y = sympy.symbols("x y", real=True)


class _TypedPrinter(StrPrinter):
    """SymPy's plain printer, but with ``e^(...)`` for the exponential, as a student types it."""

    def _print_exp(self, expr: Any) -> str:
        arg = expr.args[0]
        text = self._print(arg)
        return f"e^{text}" if arg.is_Symbol or (arg.is_Integer and arg >= 0) else f"e^({text})"


def plain(value: Any) -> str:
    """How a student would type a SymPy value: ``x^2 + 3*x``, ``3/4``, ``-2 + sqrt(11)``, ``2*x*e^(x^2 + 1)``.

    The verifier reads every one of these forms, so the written answer is always this.
    """
    return _TypedPrinter().doprint(value).replace("**", "^")


def tex(value: Any) -> str:
    return sympy.latex(value)


def step(text: str, lhs: Any = None, rhs: Any = None) -> Step:
    """A worked step claiming ``lhs == rhs`` (LaTeX made from the claim)."""
    latex = f"{tex(lhs)} = {tex(rhs)}" if lhs is not None else ""
    return Step(text=text, latex=latex, lhs=lhs, rhs=rhs)


def decimal_text(value: sympy.Rational, places: int = 4) -> str:
    """A terminating decimal written without float noise: 7/20 -> '0.35'."""
    s = f"{float(value):.{places}f}".rstrip("0").rstrip(".")
    return s or "0"


def skill(id: str, title: str, subject: str, grade_min: int, grade_max: int, prerequisites: tuple[str, ...] = (),
          description: str = "", *, standards: tuple[str, ...] = (), domain: str = "",
          translate: Translator | None = None) -> SkillSpec:
    """A SkillSpec whose title, subject and description are msgids of ``translate`` (default: the built-ins'
    catalogue); ``standards`` are its Common Core codes."""
    return SkillSpec(id, title, subject, grade_min, grade_max, prerequisites, description,
                     translate=translate or _, standards=tuple(standards), domain=domain)


@dataclass
class Draft:
    """What a generator function returns; :class:`SeededGenerator` turns it into a Problem."""

    statement: str
    latex: str
    answer: Any
    answer_text: str
    steps: list[Step]
    nudge: str
    """What kind of problem this is and where to look (the first hint)."""
    method: str = ""
    """The method in words, without any result (the second hint)."""
    bindings: dict | None = None
    answer_format: str = ""
    data: dict | None = None
    figure: Figure | None = None
    """A picture drawn from ``data`` (see ``tutor.figures``)."""
    misconceptions: list[Misconception] | None = None
    """Common wrong answers; one equal to the right answer (it happens for some numbers) is dropped."""
    answer_unit: str = ""


class SeededGenerator:
    """A generator from a function ``make(rng, difficulty) -> Draft``; deterministic per seed."""

    def __init__(self, skill_id: str, make: Callable[[random.Random, int], Draft], difficulties=(1, 2, 3)):
        self.skill_id = skill_id
        self.difficulties = tuple(difficulties)
        self._make = make

    def generate(self, seed: int, difficulty: int = 1) -> Problem:
        rng = random.Random(f"{self.skill_id}:{seed}:{difficulty}")
        d = self._make(rng, difficulty)
        steps = tuple(d.steps)
        return Problem(
            id=f"{self.skill_id}:{difficulty}:{seed}",
            skill_id=self.skill_id,
            statement=d.statement,
            latex=d.latex,
            answer=d.answer,
            answer_text=d.answer_text,
            steps=steps,
            hints=default_hints(steps, d.answer_text, d.nudge, method=d.method, answer=d.answer),
            difficulty=difficulty,
            seed=seed,
            bindings=d.bindings or {},
            answer_format=d.answer_format,
            data=d.data or {},
            figure=d.figure,
            misconceptions=_distinct_misconceptions(d.misconceptions or [], d.answer),
            answer_unit=d.answer_unit,
        )

    def __repr__(self) -> str:
        return f"SeededGenerator({self.skill_id!r})"


def _distinct_misconceptions(items: list[Misconception], answer: Any) -> tuple[Misconception, ...]:
    """The misconceptions whose wrong answer is really wrong, and each wrong answer once (the first tag wins)."""
    from tutor.plugin_api import claim_holds

    kept: list[Misconception] = []
    for m in items:
        try:
            same = [claim_holds(m.answer, other) is True for other in [answer, *(k.answer for k in kept)]]
        except Exception:  # an answer SymPy cannot compare is kept out rather than guessed
            continue
        if not any(same):
            kept.append(m)
    return tuple(kept)


def nonzero(rng: random.Random, lo: int, hi: int) -> int:
    while True:
        n = rng.randint(lo, hi)
        if n != 0:
            return n


if __name__ == "__main__":  # python -m plugins._common: merge new strings into the catalogues
    from tutor.plugin_i18n import update_catalogues

    for lang, count in update_catalogues(Path(__file__).parent, _).items():
        print(f"{lang}: {count} string(s) without a translation in {_.catalogue_path(lang)}")
