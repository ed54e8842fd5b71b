"""What a plugin works with: the objects it registers and the few helpers it may call.

A plugin (built-in or third-party) imports only ``tutor.hookimpl`` and this
module. Everything here is plain data or a small protocol, so a plugin needs no
knowledge of the database, the LLM or the web app.

Answers are SymPy objects (or tuples/sets of them) built by the generator
itself; a plugin never parses a student's text. To compare a student's answer
it calls :func:`compare_answers`, which hands the text to the verifier's safe
parser.

Text is written in the language the plugin manager asks for: a plugin marks its
strings with a :class:`Translator` (gettext, one ``.po`` per language) and
declares ``LANGUAGES = ("en", "zh")``; see ``tutor.plugin_i18n`` and
docs/plugins.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from tutor.plugin_i18n import N_, Translator, content_language, writing_in

__all__ = [
    "CC_DOMAINS", "HINT_LEVELS", "AgentDeps", "AgentSpec", "AnswerChecker", "Figure", "Generator", "Grade", "Hint",
    "HintLadder", "Misconception", "N_", "Problem", "SkillSpec", "Step", "Translator", "claim_holds", "compare_answers",
    "content_language", "default_hints", "writing_in",
]

SOURCE_LANGUAGE = "en"
"""The language a plugin is assumed to be written in when it declares no ``LANGUAGES``."""
_ = Translator(Path(__file__).parent / "locale", "plugin_api")
"""The few sentences the tutor itself adds to a problem (general hint rungs, "The answer is …"):
``tutor/locale/<lang>/LC_MESSAGES/plugin_api.po``."""

HINT_LEVELS = ("nudge", "hint", "worked_step", "bottom_out")
"""A hint ladder climbs from a gentle nudge to the full answer, in this order."""

GradeStatus = Literal["verified", "refuted", "undetermined"]

CC_DOMAINS: dict[str, str] = {
    "CC": N_("Counting & cardinality"),
    "OA": N_("Operations & algebraic thinking"),
    "NBT": N_("Number & operations in base ten"),
    "NF": N_("Number & operations: fractions"),
    "MD": N_("Measurement & data"),
    "G": N_("Geometry"),
    "RP": N_("Ratios & proportional relationships"),
    "NS": N_("The number system"),
    "EE": N_("Expressions & equations"),
    "F": N_("Functions"),
    "SP": N_("Statistics & probability"),
    "HSA": N_("High school algebra"),
    "HSF": N_("High school functions"),
    "HSN": N_("High school number & quantity"),
    "CALC": N_("Calculus"),
}
"""Common Core domains by code (a skill's ``domain``), with their names (msgids of the ``plugin_api`` catalogue).
High-school conceptual categories and calculus are listed so every built-in skill has a domain."""
_STANDARD = re.compile(r"^(?:K|[1-8])\.(CC|OA|NBT|NF|MD|G|RP|NS|EE|F|SP)\.[A-Z]\.\d{1,2}[a-e]?$"
                       r"|^HS(A|F|N)-[A-Z]{2,4}\.[A-Z]\.\d{1,2}[a-e]?$")
"""A Common Core code: "3.NF.A.1", "7.G.B.4", "HSA-REI.B.4b"."""


def domain_name(code: str, language: str | None = None) -> str:
    """A Common Core domain's name ("NF" -> "Number & operations: fractions", 分数与运算 in Chinese), in
    ``language`` (default: the content language); an unknown code as it is."""
    name = CC_DOMAINS.get(code)
    return _.gettext(name, language) if name else code


def standard_domain(code: str) -> str:
    """The domain of a Common Core code ("3.NF.A.1" -> "NF", "HSA-REI.B.4" -> "HSA"); "" when it is not one."""
    m = _STANDARD.match(code or "")
    if m is None:
        return ""
    return m.group(1) or f"HS{m.group(2)}"


@dataclass(frozen=True)
class SkillSpec:
    """One skill of the curriculum. ``id`` is stable: progress is stored under it."""

    id: str
    title: str
    subject: str
    grade_min: int = 3
    grade_max: int = 12
    prerequisites: tuple[str, ...] = ()
    description: str = ""
    translate: Callable[[str], str] | None = field(default=None, compare=False, repr=False)
    """The plugin's ``_`` (a :class:`Translator`): ``title``, ``subject`` and ``description`` are its msgids."""
    standards: tuple[str, ...] = ()
    """Common Core codes this skill practises ("4.NF.A.1"), so teachers can see mastery by standard."""
    domain: str = ""
    """Common Core domain code (a key of :data:`CC_DOMAINS`); by default the domain of the first standard."""

    def __post_init__(self) -> None:
        if not self.domain and self.standards:
            object.__setattr__(self, "domain", standard_domain(self.standards[0]))

    @property
    def domain_name(self) -> str:
        """The domain's name in the content language ("Geometry", "几何")."""
        return domain_name(self.domain)

    def localized(self, language: str) -> SkillSpec:
        """This skill with its title, subject and description in ``language`` (as written when not translated)."""
        if self.translate is None:
            return self
        with writing_in(language):
            tr = self.translate
            return replace(self, title=tr(self.title), subject=tr(self.subject),
                           description=tr(self.description) if self.description else "")


@dataclass(frozen=True)
class Hint:
    """One rung of a hint ladder; ``level`` is one of :data:`HINT_LEVELS`."""

    level: str
    text: str


@dataclass(frozen=True)
class Step:
    """One step of a worked solution.

    ``lhs`` and ``rhs`` (SymPy objects) state what the step claims: ``lhs == rhs``
    after the problem's ``bindings`` are substituted (an identity when there are
    none). The tutor checks every claim before the problem is served. A step
    without a claim is narration ("Let x be the number of apples").
    """

    text: str
    latex: str = ""
    lhs: Any = None
    rhs: Any = None


@dataclass(frozen=True)
class Figure:
    """A picture of a problem, drawn from the problem's own data (SVG, with alt text for screen readers).

    ``data`` is what the figure was drawn from: each of its keys must be a key of the problem's ``data`` with
    the same value. In the SVG every ``<text>`` that is not an axis tick (``data-role="tick"``) and every
    element with a ``data-value`` attribute may only show numbers found in ``data``, and no label may state
    the answer unless the statement does. Build figures with :mod:`tutor.figures`; the tutor checks all of
    this before the problem is served, and removes anything active from the SVG before showing it.
    """

    kind: str
    """What is drawn: "number_line", "clock", "bar_graph", "shape", ... (shown to teachers, used in tests)."""
    svg: str
    alt: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Misconception:
    """A common wrong answer to one problem and the misconception behind it.

    When a student's answer equals ``answer`` (and is wrong), the feedback is ``explanation`` and the attempt
    is recorded with ``tag``. ``tag`` is a short English phrase marked with ``N_`` ("added the denominators"),
    so a teacher reads it in their own language.
    """

    tag: str
    answer: Any
    explanation: str


@dataclass(frozen=True)
class Problem:
    """A generated problem with its ground truth.

    Attributes:
        id: stable for (skill, seed, difficulty), so a repeated problem is recognised.
        statement: plain text shown to the student; ``latex`` the same in LaTeX.
        answer: the ground truth as a SymPy object, or a tuple (ordered, e.g. a
            system's (x, y)) or frozenset (unordered, e.g. a quadratic's roots) of them.
        answer_text: how the answer is written for a student; must read back as ``answer``.
        steps: the worked solution, each step's claim checked before serving.
        hints: a ladder nudge -> hint -> worked step -> bottom-out.
        bindings: symbol -> value the step claims are checked under (e.g. {x: 3}).
        data: structured extras for plugin agents (e.g. a word problem's setup).
        language: the language the text is written in (set by the plugin manager).
        requested_language: the language asked for; differs from ``language`` when
            the plugin does not offer it (the problem is then served in its first language).
    """

    id: str
    skill_id: str
    statement: str
    latex: str
    answer: Any
    answer_text: str
    steps: tuple[Step, ...]
    hints: tuple[Hint, ...] = ()
    difficulty: int = 1
    seed: int = 0
    bindings: Mapping[Any, Any] = field(default_factory=dict)
    answer_format: str = ""
    """What to type, e.g. "a fraction in lowest terms" or "x, y"."""
    data: Mapping[str, Any] = field(default_factory=dict)
    language: str = SOURCE_LANGUAGE
    requested_language: str = ""
    figure: Figure | None = None
    """A picture, where a child would draw one (number line, clock, shape, graph)."""
    misconceptions: tuple[Misconception, ...] = ()
    """The common wrong answers to this problem, recognised when a student gives one."""
    answer_unit: str = ""
    """The unit the answer is in ("min", "cm", "$", "cm²"): "3 h 20 min" and "200" are then read for 200 min."""

    @property
    def in_requested_language(self) -> bool:
        """False when the student asked for a language this problem's plugin does not offer."""
        return not self.requested_language or self.requested_language == self.language

    def worked_solution(self) -> str:
        """The steps as numbered lines of plain text."""
        return "\n".join(f"{i}. {s.text}" for i, s in enumerate(self.steps, 1))


@runtime_checkable
class Generator(Protocol):
    """Makes problems for one skill; the same (seed, difficulty) gives the same problem."""

    skill_id: str
    difficulties: tuple[int, ...]

    def generate(self, seed: int, difficulty: int = 1) -> Problem: ...


@dataclass(frozen=True)
class Grade:
    """A checker's verdict. ``undetermined`` is never counted as correct."""

    status: GradeStatus
    explanation: str = ""
    mistake: str = ""
    """Short tag of a recognised mistake, e.g. ``not_simplest_form``."""

    @property
    def correct(self) -> bool:
        return self.status == "verified"


@runtime_checkable
class AnswerChecker(Protocol):
    """Grades a student's answer when plain equivalence is not the right notion."""

    skill_id: str

    def check(self, given: str, problem: Problem) -> Grade: ...


HintLadder = Callable[[Problem], tuple[Hint, ...]]
"""Builds a hint ladder for a problem of one skill (registered per skill id)."""


@dataclass(frozen=True)
class AgentDeps:
    """What the tutor hands an agent factory: the registry's problem lookup and an optional LLM."""

    generate: Callable[..., Problem] | None = None
    llm: Any = None

    def problem_of(self, state: Mapping[str, Any]) -> Problem | None:
        """The problem an agent is asked about: ``state["problem"]``, else the one ``skill_id``, ``seed`` and
        ``difficulty`` name (made again through ``generate``); None when there is neither."""
        problem = state.get("problem")
        if problem is None and self.generate is not None and state.get("skill_id"):
            problem = self.generate(state["skill_id"], int(state.get("seed", 0)), int(state.get("difficulty", 1)))
        return problem if isinstance(problem, Problem) else None


@dataclass(frozen=True)
class AgentSpec:
    """A specialist the tutor can route to.

    ``factory(deps)`` returns a LangGraph-compatible node: a callable taking the
    graph state (a mapping) and returning a partial state update (a dict), or a
    compiled subgraph. ``description`` tells the router when to use it.
    """

    name: str
    description: str
    factory: Callable[[AgentDeps], Any]
    skills: tuple[str, ...] = ()
    kind: Literal["subgraph", "tool"] = "subgraph"


def compare_answers(given: str, gold: Any) -> Grade:
    """Compare a student's text with a ground-truth answer through the verifier's safe parser."""
    from tutor.verify import compare_answers as _compare

    check = _compare(given, gold)
    return Grade(status=_status_name(check.status), explanation=getattr(check, "explanation", "") or "")


def _status_name(status: Any) -> GradeStatus:
    name = getattr(status, "name", None) or getattr(status, "value", None) or str(status)
    name = str(name).rsplit(".", 1)[-1]
    if name not in ("verified", "refuted", "undetermined"):
        return "undetermined"
    return name  # type: ignore[return-value]


GENERIC_NUDGE = N_("Read the question again: what are you given, and what are you asked for?")
GENERIC_METHOD = N_("Decide which operation or rule links what you are given to what you are asked for, "
                    "and write down that first step before working anything out.")
GENERIC_WORKED_STEP = N_("Write out the first step yourself, without finishing the calculation, and check it before going on.")
# ASCII word characters only: in Chinese text a number sits right next to a character ("一共24张").
_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])-?\d+(?:\.\d+)?(?:/\d+)?(?![A-Za-z0-9_])")
_NUMBERS_ONLY = re.compile(r"[\s(){}\[\],;=xyor±-]*(?:-?\d+(?:\.\d+)?(?:/\d+)?[\s(){}\[\],;=xyor±-]*)+")


def default_hints(
    problem_steps: tuple[Step, ...], answer_text: str, nudge: str, *, method: str = "", answer: Any = None
) -> tuple[Hint, ...]:
    """A four-rung ladder that gives the answer away only on the last rung.

    * nudge: what kind of problem this is and where to look (``nudge``);
    * hint: the method without its result (``method``, else a general one);
    * worked step: the first step(s) of the worked solution, up to the first
      step that states the final result (or the first step with its result left
      blank when that is the only step);
    * bottom-out: the answer.

    A rung before the bottom-out is held back (replaced by a general one) when
    it states the answer: its text contains ``answer_text``, a number equal to
    the answer or one of its parts (a root, a coordinate), or, for a step, the
    step claims a value equal to the answer and writes it after ``=``.
    ``answer`` is the ground truth; without it the numbers of ``answer_text``
    are used. The general rungs are in the content language (:func:`content_language`).
    """
    states = _AnswerSpotter(answer_text, answer)
    nudge = nudge if nudge and not states(nudge) else _(GENERIC_NUDGE)
    hint = method if method and not states(method) else _(GENERIC_METHOD)
    shown: list[str] = []
    for s in problem_steps[:2]:
        if states(s.text, s):
            break
        shown.append(s.text.rstrip(".。"))
    if len(shown) == 2:
        worked = _("{first}. {second}.").format(first=shown[0], second=shown[1])
    elif shown:
        worked = _("{first}.").format(first=shown[0])
    else:
        # A one-step problem: its first claim with the result left for the student ("... 15 + 19 = ?").
        first = problem_steps[0] if problem_steps else None
        claimed = first is not None and first.lhs is not None and "=" in first.text
        blank = first.text.rsplit("=", 1)[0].rstrip() + " = ?" if claimed else ""
        worked = blank if blank and not states(blank) else _(GENERIC_WORKED_STEP)
    return (
        Hint("nudge", nudge),
        Hint("hint", hint),
        Hint("worked_step", worked),
        Hint("bottom_out", _("The answer is {answer}.").format(answer=answer_text)),
    )


class _AnswerSpotter:
    """Whether a piece of text (or a worked step) states a problem's answer."""

    def __init__(self, answer_text: str, answer: Any) -> None:
        import sympy

        self.answer = answer
        text = answer_text.strip()
        self.numeric_text = bool(_NUMBERS_ONLY.fullmatch(text))
        self.squashed = _squash(text)
        if answer is None:
            parts: list[Any] = [sympy.Rational(t) for t in _NUMBER.findall(text)] if self.numeric_text else []
        else:
            parts = list(answer) if isinstance(answer, (tuple, list, set, frozenset)) else [answer]
        self.parts = parts
        self.rationals = {p for p in parts if isinstance(p, (int, sympy.Rational)) or getattr(p, "is_Rational", False)}
        # Irrational parts (e.g. a root -2 + sqrt(11)) are spotted by their written form.
        self.part_texts = [_squash(sympy.sstr(p).replace("**", "^")) for p in parts if p not in self.rationals]

    def __call__(self, text: str, step: Step | None = None) -> bool:
        import sympy

        squashed = _squash(text)
        if self.squashed and not self.numeric_text and self.squashed in squashed:
            return True
        if any(len(t) >= 3 and t in squashed for t in self.part_texts):
            return True
        if self.rationals and any(sympy.Rational(t) in self.rationals for t in _NUMBER.findall(text)):
            return True
        if step is not None and step.lhs is not None and "=" in text and self.answer is not None:
            return any(self._is_answer(side) for side in (step.lhs, step.rhs))
        return False

    def _is_answer(self, value: Any) -> bool:
        targets = [self.answer] + (self.parts if len(self.parts) > 1 else [])
        for target in targets:
            if isinstance(value, (tuple, list)) != isinstance(target, (tuple, list)):
                continue
            try:
                if claim_holds(value, target) is True:
                    return True
            except Exception:  # a claim SymPy cannot compare is not the answer
                continue
        return False


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def claim_holds(lhs: Any, rhs: Any, bindings: Any = None) -> bool | None:
    """Whether ``lhs == rhs`` under ``bindings``: True, False, or None when SymPy cannot decide."""
    import sympy

    if isinstance(lhs, (tuple, list)) or isinstance(rhs, (tuple, list)):
        if not (isinstance(lhs, (tuple, list)) and isinstance(rhs, (tuple, list))) or len(lhs) != len(rhs):
            return False
        results = [claim_holds(a, b, bindings) for a, b in zip(lhs, rhs)]
        return False if False in results else (None if None in results else True)
    if isinstance(lhs, (set, frozenset, sympy.FiniteSet)) or isinstance(rhs, (set, frozenset, sympy.FiniteSet)):
        try:
            a, b = sympy.FiniteSet(*_sym(list(lhs))), sympy.FiniteSet(*_sym(list(rhs)))
        except TypeError:
            return None
        return bool(a == b) if len(a) == len(b) else False
    try:
        a, b = _sym(lhs), _sym(rhs)
    except (TypeError, sympy.SympifyError):
        return None
    if bindings:
        a, b = a.subs(dict(bindings)), b.subs(dict(bindings))
    if isinstance(a, sympy.Equality) or isinstance(b, sympy.Equality):
        return None
    inequalities = (sympy.StrictGreaterThan, sympy.StrictLessThan, sympy.GreaterThan, sympy.LessThan, sympy.And,
                    sympy.Or)
    if isinstance(a, inequalities) or isinstance(b, inequalities):
        return _same_solutions(a, b)
    diff = sympy.simplify(a - b)
    if diff == 0:
        return True
    return diff.equals(0)


def _same_solutions(a: Any, b: Any) -> bool | None:
    """Two inequalities in one variable are the same answer when they describe the same numbers (x > 3 and
    3 < x); an inequality is never equal to a number. None when SymPy cannot say."""
    import sympy

    kinds = (sympy.Rel, sympy.And, sympy.Or)
    if not (isinstance(a, kinds) and isinstance(b, kinds)):
        return False
    names = {s.name for s in a.free_symbols} | {s.name for s in b.free_symbols}
    if len(names) != 1:
        return None
    var = sympy.Symbol(names.pop(), real=True)
    try:
        sa = a.subs({s: var for s in a.free_symbols}).as_set()
        sb = b.subs({s: var for s in b.free_symbols}).as_set()
    except (NotImplementedError, TypeError, ValueError):
        return None
    return bool(sa == sb)


def _sym(value: Any) -> Any:
    import sympy

    if isinstance(value, str):
        raise TypeError("step claims must be SymPy objects or numbers, not text")
    if isinstance(value, list):
        return [_sym(v) for v in value]
    return sympy.sympify(value, strict=True)
