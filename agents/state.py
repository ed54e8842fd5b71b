"""Graph state for the tutor dialogue and the lesson planner.

Everything here is plain data (strings, numbers, lists, dicts and LangChain
messages) so the checkpointer can store it and a restarted process can resume
the conversation. The current problem is kept as a :class:`ProblemRef`-shaped
dict; the plugin regenerates the full problem (with its SymPy answer) from the
skill, seed and difficulty whenever grading needs it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Annotated, Any, Literal

from langchain_core.messages import AnyMessage
from langgraph.graph import add_messages

Intent = Literal[
    "answer_attempt",
    "problem_question",
    "hint_request",
    "math_question",
    "new_problem",
    "off_topic",
    "unsafe",
]
"""What a student message is, as decided by the classifier."""

INTENTS: tuple[str, ...] = Intent.__args__  # type: ignore[attr-defined]

Mode = Literal["socratic", "direct"]
"""Socratic (default for students) never reveals the current answer before an attempt."""

MODES: tuple[str, ...] = Mode.__args__  # type: ignore[attr-defined]


def problem_ref(problem: Any, plugin: str = "") -> dict[str, Any]:
    """The serialisable part of a plugin ``Problem`` kept in the conversation state."""
    from tutor.figures import figure_data

    return {
        "id": problem.id,
        "skill_id": problem.skill_id,
        "statement": problem.statement,
        "answer_text": problem.answer_text,
        "answer_format": getattr(problem, "answer_format", ""),
        "steps": [s.text for s in problem.steps],
        "hints": [[h.level, h.text] for h in problem.hints],
        "difficulty": problem.difficulty,
        "seed": problem.seed,
        "plugin": plugin,
        "data": _plain(dict(getattr(problem, "data", {}) or {})),
        "language": getattr(problem, "language", "") or "",
        "figure": figure_data(getattr(problem, "figure", None)),
    }


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


@dataclass
class Reply:
    """The reply a student sees, with what the verifier checked: the one shape ``finalize`` produces.

    Kept in the graph state as a plain dict (:meth:`to_state`) so the checkpointer can store it.
    """

    text: str
    status: str
    """verified / undetermined / withheld / graded / no_math."""
    verified: list[str] = field(default_factory=list)
    """Statements the verifier checked."""
    repaired: bool = False
    """A draft was caught and replaced."""
    caught: list[dict[str, Any]] = field(default_factory=list)
    """What was wrong in the drafts: {claim, kind, expected}."""
    intent: str = ""
    agent: str = ""
    grade: dict[str, Any] = field(default_factory=dict)
    tries: int = 0
    reference: dict[str, Any] = field(default_factory=dict)
    """What the final answer was checked against: {answer, source: plugin / sympy / program}."""
    thread_id: str = ""
    figure: dict[str, str] = field(default_factory=dict)
    """The picture of a problem this reply serves ({kind, svg, alt}), shown under the text."""

    def to_state(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_state(cls, data: dict[str, Any]) -> Reply:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(kw_only=True)
class TutorState:
    """State of one tutoring conversation (one LangGraph thread).

    Conversation-long fields persist across turns; per-turn fields are reset by
    the ``begin_turn`` node at the start of every student message.
    """

    messages: Annotated[list[AnyMessage], add_messages] = field(default_factory=list)
    student_id: int | None = None
    mode: Mode = "socratic"
    problem: dict[str, Any] | None = None
    """The problem the student is working on (see :func:`problem_ref`), if any."""
    attempts: int = 0
    """Graded attempts on the current problem."""
    solved: bool = False
    hint_level: int = 0
    """Next rung of the hint ladder to give (0 nudge .. 3 bottom-out)."""
    language: str = ""
    """The person's preferred language (``tutor.settings.LANGUAGES``); empty: ``TUTOR_LANGUAGE``."""

    # ---- per turn ----
    reply_lang: str = "en"
    """The language this turn's reply is in: the message's own language when clear, else ``language``."""
    intent: str = ""
    injection: bool = False
    agent: str = ""
    """Name of the plugin agent the router chose, if any."""
    draft: str = ""
    tries: int = 0
    max_tries: int = 1
    """Drafts allowed this turn: 1 + settings.repair_tries."""
    findings: list[str] = field(default_factory=list)
    """What the verifier caught in earlier drafts of this turn (fed to the repair prompt)."""
    checks: list[dict[str, Any]] = field(default_factory=list)
    """Checks of the latest draft: {claim, kind, status, expected, explanation[, disputed]}."""
    caught: list[dict[str, Any]] = field(default_factory=list)
    """Refuted claims caught across all drafts of this turn (for the verification log)."""
    status: str = ""
    """Latest draft verdict: verified, refuted or undetermined."""
    reference: dict[str, Any] = field(default_factory=dict)
    """Independent answer used to check the draft: {answer, source, votes}."""
    early_programs: list[str] = field(default_factory=list)
    """Checking programs generated in the same batch as the first draft (the re-solve's first round), not yet
    run: the re-solve runs them instead of writing them again."""
    grade: dict[str, Any] = field(default_factory=dict)
    reply: dict[str, Any] = field(default_factory=dict)
    """The reply shown to the student (:meth:`Reply.to_state`)."""


@dataclass(kw_only=True)
class PlannerState:
    """State of one lesson-planning run."""

    student_id: int
    seed: int = 0
    learner: dict[str, Any] = field(default_factory=dict)
    """Snapshot of the learner model: grade, interests, mastery, ready skills, due reviews, recent errors."""
    items: list[dict[str, Any]] = field(default_factory=list)
    """Plan items decided by code: kind, skill_id, title, difficulty, problem_seed, minutes, content."""
    personal: dict[str, Any] = field(default_factory=dict)
    """Model-written parts: greeting, and per new skill why-it-matters and example."""
    dropped: list[dict[str, Any]] = field(default_factory=list)
    """Personal parts the verifier refuted and a template replaced."""
    plan_id: int | None = None
    minutes: int = 0
