"""What the curriculum plugins share: the built-ins' generator kit, a catalogue per plugin, and its updater.

A curriculum plugin ``curriculum/<name>/`` starts with::

    from curriculum.kit import Draft, SeededGenerator, catalogue, misconception, plain, skill, step
    _ = catalogue(__file__, "<name>")

marks every sentence with ``_()`` (or ``N_()`` at import time), and refreshes its catalogue after a change
with ``python -m curriculum.kit <name>`` (then translates the new strings in its ``.po``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from plugins._common import (
    Draft,
    SeededGenerator,
    decimal_text,
    nonzero,
    plain,
    step,
    tex,
)
from plugins._common import skill as _skill
from tutor.plugin_api import N_, Figure, Misconception, SkillSpec, Translator

__all__ = ["LANGUAGES", "N_", "Draft", "Figure", "Misconception", "SeededGenerator", "catalogue", "decimal_text",
           "misconception", "nonzero", "plain", "register_table", "skill", "step", "tex"]

LANGUAGES = ("en", "zh")
ROOT = Path(__file__).parent


def catalogue(module_file: str, name: str) -> Translator:
    """The translator of the plugin whose package holds ``module_file``: ``<package>/locale/<lang>/LC_MESSAGES/<name>.po``."""
    return Translator(Path(module_file).parent / "locale", name)


def skill(translate: Translator, id: str, title: str, subject: str, grade_min: int, grade_max: int,
          prerequisites: tuple[str, ...] = (), description: str = "", *, standards: tuple[str, ...],
          domain: str = "") -> SkillSpec:
    """A skill whose texts are msgids of ``translate``; ``standards`` (Common Core codes) are required here."""
    if not standards:
        raise ValueError(f"curriculum skill {id!r} must name its Common Core standard(s)")
    return _skill(id, title, subject, grade_min, grade_max, prerequisites, description, standards=standards,
                  domain=domain, translate=translate)


def register_table(register_skill, register_generator, table, translate: Translator, subject: str) -> None:
    """Register a plugin's skill table: rows ``(id, title, grade_min, grade_max, prerequisites, description,
    standards, make)`` become a skill (``register_skill``) and a generator of three difficulties
    (``register_generator``); pass None for the one a hook does not register."""
    for sid, title, lo, hi, pre, desc, standards, make in table:
        if register_skill is not None:
            register_skill(skill(translate, sid, title, subject, lo, hi, pre, desc, standards=standards))
        if register_generator is not None:
            register_generator(SeededGenerator(sid, make))


def misconception(tag: str, answer: Any, explanation: str) -> Misconception:
    """A common wrong answer: ``tag`` is an ``N_`` phrase (a teacher reads it translated), ``explanation`` is
    already in the student's language (``_()``)."""
    return Misconception(tag=tag, answer=answer, explanation=explanation)


def update(name: str) -> dict[str, int]:
    """Merge the strings marked in ``curriculum/<name>/`` into its catalogues; missing translations per language."""
    from tutor.plugin_i18n import update_catalogues

    package = ROOT / name
    return update_catalogues(package, Translator(package / "locale", name))


if __name__ == "__main__":  # python -m curriculum.kit <plugin> [...]
    for plugin in sys.argv[1:]:
        for lang, count in update(plugin).items():
            print(f"{plugin} {lang}: {count} string(s) without a translation")
