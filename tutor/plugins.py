"""The plugin manager: loads the ``tutor`` entry points once and keeps what they register.

Built-in subjects in ``plugins/`` and third-party packages arrive the same way,
through the ``tutor`` entry-point group. A plugin that fails -- raises while
loading, registers a duplicate skill, declares an unknown or circular
prerequisite, or generates a problem whose answer does not verify -- is reported
with its name and the reason; the others keep working, and a problem that does
not verify is never served.

Under the test suite (``sys._called_from_test``, the datasette convention) only
the tutor distribution's own plugins load, so stray installed packages cannot
change a test's outcome.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

import pluggy

from tutor import hookspecs
from tutor.errors import NotFound, PluginError, ValidationError
from tutor.plugin_api import (
    HINT_LEVELS,
    AgentDeps,
    AgentSpec,
    AnswerChecker,
    Generator,
    Grade,
    Hint,
    HintLadder,
    Problem,
    SkillSpec,
    claim_holds,
    default_hints,
)

log = logging.getLogger(__name__)

GROUP = "tutor"
BUILTIN_DIST = "tutor"
SKILL_ID = re.compile(r"^[a-z][a-z0-9_.-]{1,63}$")


@dataclass
class PluginInfo:
    """What one plugin contributed, and what went wrong with it."""

    name: str
    version: str = "?"
    module: str = ""
    skills: list[str] = field(default_factory=list)
    generators: list[str] = field(default_factory=list)
    checkers: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    loaded: bool = True
    """False when the plugin could not be imported or its hooks raised; it contributes nothing."""

    @property
    def ok(self) -> bool:
        return self.loaded and not self.errors


@dataclass
class _Staged:
    skills: list[SkillSpec] = field(default_factory=list)
    generators: list[Any] = field(default_factory=list)
    checkers: list[Any] = field(default_factory=list)
    hints: list[tuple[str, HintLadder]] = field(default_factory=list)
    agents: list[AgentSpec] = field(default_factory=list)


class PluginManager:
    """The registry of skills, generators, checkers, hint ladders and agents from all plugins."""

    def __init__(self) -> None:
        self.pm = pluggy.PluginManager(GROUP)
        self.pm.add_hookspecs(hookspecs)
        self.plugins: dict[str, PluginInfo] = {}
        self.skills: dict[str, SkillSpec] = {}
        self.skill_plugin: dict[str, str] = {}
        self.generators: dict[str, Generator] = {}
        self.checkers: dict[str, AnswerChecker] = {}
        self.hint_ladders: dict[str, HintLadder] = {}
        self.agents: dict[str, AgentSpec] = {}
        self.agent_plugin: dict[str, str] = {}

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(
        cls,
        names: Iterable[str] | None = None,
        *,
        entry_points: Iterable[metadata.EntryPoint] | None = None,
        third_party: bool | None = None,
    ) -> PluginManager:
        """Load plugins from entry points (default: the installed ``tutor`` group).

        Args:
            names: only these plugins (``TUTOR_PLUGINS``); None loads all.
            entry_points: load these instead of the installed ones (tests).
            third_party: whether other distributions' plugins load; default is
                yes, except under the test suite.
        """
        manager = cls()
        if third_party is None:
            third_party = not getattr(sys, "_called_from_test", False)
        eps = list(entry_points) if entry_points is not None else list(metadata.entry_points(group=GROUP))
        if not third_party:
            eps = [ep for ep in eps if _dist_name(ep) == BUILTIN_DIST]
        if names is not None:
            wanted = list(dict.fromkeys(names))
            available = sorted(ep.name for ep in eps)
            for missing in [n for n in wanted if n not in available]:
                manager.plugins[missing] = PluginInfo(
                    missing, loaded=False, errors=[f"not installed; installed plugins: {', '.join(available) or 'none'}"]
                )
            eps = [ep for ep in eps if ep.name in wanted]
        for ep in eps:
            manager._load_entry_point(ep)
        manager._collect()
        return manager

    def add_plugin(self, plugin: object, name: str, version: str = "?") -> None:
        """Register an already-imported plugin object (used by tests and embedders), then re-collect."""
        info = PluginInfo(name, version=version, module=getattr(plugin, "__name__", type(plugin).__name__))
        self.plugins[name] = info
        try:
            self.pm.register(plugin, name=name)
        except Exception as exc:  # pluggy rejects hookimpls that do not match a hookspec
            self._fail(name, f"cannot register: {exc}")
        self._collect()

    def _load_entry_point(self, ep: metadata.EntryPoint) -> None:
        info = PluginInfo(ep.name, module=ep.value)
        self.plugins[ep.name] = info
        try:
            plugin = ep.load()
            self.pm.register(plugin, name=ep.name)
        except Exception as exc:  # any failure in a plugin's import must not stop the tutor
            self._fail(ep.name, f"failed to load: {type(exc).__name__}: {exc}")
            return
        info.version = str(getattr(plugin, "__version__", "") or _dist_version(ep))

    def _fail(self, name: str, message: str) -> None:
        info = self.plugins.setdefault(name, PluginInfo(name))
        info.loaded = False
        info.errors.append(message)
        log.warning("plugin %s: %s", name, message)

    def _error(self, name: str, message: str) -> None:
        info = self.plugins.setdefault(name, PluginInfo(name))
        if message not in info.errors:
            info.errors.append(message)
            log.warning("plugin %s: %s", name, message)

    def _collect(self) -> None:
        """Call every plugin's hooks, one plugin at a time so a failure is attributed to it."""
        staged: dict[str, _Staged] = {}
        hooks = {
            "register_skills": "skills",
            "register_generators": "generators",
            "register_checkers": "checkers",
            "register_hints": "hints",
            "register_agents": "agents",
        }
        for hook_name, attr in hooks.items():
            for impl in getattr(self.pm.hook, hook_name).get_hookimpls():
                name = impl.plugin_name
                if not self.plugins.get(name, PluginInfo(name)).loaded:
                    continue
                box = getattr(staged.setdefault(name, _Staged()), attr)
                register = (lambda sid, ladder, _b=box: _b.append((sid, ladder))) if attr == "hints" else box.append
                try:
                    impl.function(register=register)
                except Exception as exc:  # a plugin's hook raising must not stop the others
                    self._fail(name, f"{hook_name} raised {type(exc).__name__}: {exc}")
        for info in self.plugins.values():
            for attr in ("skills", "generators", "checkers", "agents"):
                getattr(info, attr).clear()
        self.skills.clear(), self.skill_plugin.clear(), self.generators.clear()
        self.checkers.clear(), self.hint_ladders.clear(), self.agents.clear(), self.agent_plugin.clear()
        loaded = {n: s for n, s in staged.items() if self.plugins.get(n, PluginInfo(n)).loaded}
        self._accept_skills(loaded)
        self._validate_graph()
        self._accept_rest(loaded)

    def _accept_skills(self, staged: dict[str, _Staged]) -> None:
        for name, box in staged.items():
            for spec in box.skills:
                if not isinstance(spec, SkillSpec):
                    self._error(name, f"register_skills got {type(spec).__name__}, expected SkillSpec")
                    continue
                problem = _skill_problem(spec)
                if problem:
                    self._error(name, f"skill {spec.id!r}: {problem}")
                    continue
                if spec.id in self.skills:
                    self._error(name, f"duplicate skill id {spec.id!r} (already registered by {self.skill_plugin[spec.id]})")
                    continue
                self.skills[spec.id] = spec
                self.skill_plugin[spec.id] = name

    def _validate_graph(self) -> None:
        """Drop skills with unknown prerequisites or in a prerequisite cycle, and what depends on them."""
        for cycle in _cycles({s.id: s.prerequisites for s in self.skills.values()}):
            for sid in cycle:
                self._error(self.skill_plugin[sid], f"skill {sid!r} is in a prerequisite cycle: {' -> '.join(cycle + [cycle[0]])}")
                self._drop_skill(sid)
        changed = True
        while changed:
            changed = False
            for spec in list(self.skills.values()):
                missing = [p for p in spec.prerequisites if p not in self.skills]
                if missing:
                    self._error(
                        self.skill_plugin[spec.id],
                        f"skill {spec.id!r} has unknown prerequisite(s) {', '.join(map(repr, missing))} "
                        "(is the plugin that provides them installed and loaded?)",
                    )
                    self._drop_skill(spec.id)
                    changed = True

    def _drop_skill(self, sid: str) -> None:
        self.skills.pop(sid, None)
        self.skill_plugin.pop(sid, None)

    def _accept_rest(self, staged: dict[str, _Staged]) -> None:
        for name, box in staged.items():
            info = self.plugins.setdefault(name, PluginInfo(name))
            info.skills = [s.id for s in box.skills if self.skill_plugin.get(getattr(s, "id", None)) == name]
            for gen in box.generators:
                sid = getattr(gen, "skill_id", None)
                if not callable(getattr(gen, "generate", None)) or sid is None:
                    self._error(name, f"generator {gen!r} has no skill_id or generate(seed, difficulty)")
                elif sid not in self.skills:
                    self._error(name, f"generator for unknown skill {sid!r}")
                elif sid in self.generators:
                    self._error(name, f"a second generator for skill {sid!r}")
                else:
                    self.generators[sid] = gen
                    info.generators.append(sid)
            for checker in box.checkers:
                sid = getattr(checker, "skill_id", None)
                if sid not in self.skills or not callable(getattr(checker, "check", None)):
                    self._error(name, f"checker for unknown skill {sid!r} or without check(given, problem)")
                else:
                    self.checkers[sid] = checker
                    info.checkers.append(sid)
            for sid, ladder in box.hints:
                if sid not in self.skills or not callable(ladder):
                    self._error(name, f"hint ladder for unknown skill {sid!r}")
                else:
                    self.hint_ladders[sid] = ladder
            for spec in box.agents:
                if not isinstance(spec, AgentSpec) or not callable(spec.factory):
                    self._error(name, f"register_agents got {spec!r}, expected AgentSpec with a factory")
                elif spec.name in self.agents:
                    self._error(name, f"duplicate agent name {spec.name!r} (already registered by {self.agent_plugin[spec.name]})")
                else:
                    self.agents[spec.name] = spec
                    self.agent_plugin[spec.name] = name
                    info.agents.append(spec.name)

    # ----------------------------------------------------------------- queries
    @property
    def broken(self) -> list[PluginInfo]:
        """Plugins with any error, in name order."""
        return [p for _, p in sorted(self.plugins.items()) if p.errors]

    def skill(self, skill_id: str) -> SkillSpec:
        try:
            return self.skills[skill_id]
        except KeyError:
            raise NotFound(f"No skill {skill_id!r}; known skills: {', '.join(sorted(self.skills)) or 'none'}") from None

    def plugin_of(self, skill_id: str) -> str:
        return self.skill_plugin[self.skill(skill_id).id]

    def topological_skills(self) -> list[SkillSpec]:
        """Skills with every prerequisite before the skills that need it (ties by grade, then id)."""
        done: list[str] = []
        seen: set[str] = set()

        def visit(sid: str) -> None:
            if sid in seen:
                return
            seen.add(sid)
            for pre in sorted(self.skills[sid].prerequisites, key=lambda p: (self.skills[p].grade_min, p)):
                visit(pre)
            done.append(sid)

        for spec in sorted(self.skills.values(), key=lambda s: (s.grade_min, s.id)):
            visit(spec.id)
        return [self.skills[s] for s in done]

    def skill_rows(self) -> list[Any]:
        """Skill table rows for every registered skill."""
        from tutor.models import Skill

        return [
            Skill(
                id=s.id, title=s.title[:120], subject=s.subject[:64], plugin=self.skill_plugin[s.id][:64],
                grade_min=s.grade_min, grade_max=s.grade_max, prerequisites=",".join(s.prerequisites),
            )
            for s in self.topological_skills()
        ]

    def sync_skills(self, *, session) -> int:
        """Write every registered skill to the Skill table (insert or update)."""
        from tutor.repo import upsert_skills

        return upsert_skills(session=session, skills=self.skill_rows())

    # ----------------------------------------------------------------- problems
    def generate(self, skill_id: str, seed: int = 0, difficulty: int = 1) -> Problem:
        """A verified problem for ``skill_id``; raise PluginError rather than serve an unverified one."""
        self.skill(skill_id)
        gen = self.generators.get(skill_id)
        if gen is None:
            raise NotFound(f"No generator for skill {skill_id!r}; skills with generators: {', '.join(sorted(self.generators))}")
        levels = tuple(getattr(gen, "difficulties", (1,)))
        if difficulty not in levels:
            raise ValidationError(f"Difficulty {difficulty} is not offered for {skill_id!r}; choose one of {levels}")
        name = self.skill_plugin[skill_id]
        try:
            problem = gen.generate(seed, difficulty)
        except Exception as exc:  # a plugin's bug must not reach the student as a traceback
            self._error(name, f"generator for {skill_id!r} raised {type(exc).__name__}: {exc}")
            raise PluginError(f"Plugin {name}: the generator for {skill_id!r} failed ({exc}).") from exc
        errors = validate_problem(problem, skill_id)
        if errors:
            msg = f"generator for {skill_id!r} made a problem that does not verify (seed {seed}, difficulty {difficulty}): {errors[0]}"
            self._error(name, msg)
            raise PluginError(f"Plugin {name}: {msg}")
        return problem

    def check(self, problem: Problem, given: str) -> Grade:
        """Grade ``given`` against ``problem``: the skill's checker if any, else the verifier."""
        from tutor.plugin_api import compare_answers

        checker = self.checkers.get(problem.skill_id)
        if checker is None:
            return compare_answers(given, problem.answer)
        try:
            grade = checker.check(given, problem)
        except Exception as exc:  # a checker's bug becomes "could not decide", never "correct"
            self._error(self.skill_plugin.get(problem.skill_id, "?"), f"checker for {problem.skill_id!r} raised {exc!r}")
            return Grade("undetermined", "The answer checker failed; your answer was not graded.")
        return grade if isinstance(grade, Grade) else Grade("undetermined", "The answer checker gave no verdict.")

    def hints(self, problem: Problem) -> tuple[Hint, ...]:
        """The hint ladder for a problem: the skill's registered ladder, the problem's own, or a default."""
        ladder = self.hint_ladders.get(problem.skill_id)
        if ladder is not None:
            try:
                hints = tuple(ladder(problem))
                if hints:
                    return hints
            except Exception as exc:  # fall back to the problem's own ladder
                self._error(self.skill_plugin.get(problem.skill_id, "?"), f"hint ladder raised {exc!r}")
        return problem.hints or default_hints(problem.steps, problem.answer_text, "What is the question asking for?")

    # ----------------------------------------------------------------- agents
    def agent(self, name: str) -> AgentSpec:
        try:
            return self.agents[name]
        except KeyError:
            raise NotFound(f"No plugin agent {name!r}; available: {', '.join(sorted(self.agents)) or 'none'}") from None

    def agents_for(self, skill_id: str) -> list[AgentSpec]:
        """Agents that declare this skill (or no skill: general helpers)."""
        return [a for a in self.agents.values() if not a.skills or skill_id in a.skills]

    def build_agent(self, name: str, llm: Any = None) -> Any:
        """Build the agent's LangGraph-compatible node with the registry's generator and an optional LLM."""
        spec = self.agent(name)
        return spec.factory(AgentDeps(generate=self.generate, llm=llm))


def load_plugins(settings=None, **kwargs) -> PluginManager:
    """Load plugins once for a context, restricted by ``settings.plugins`` (TUTOR_PLUGINS)."""
    names = getattr(settings, "plugins", None)
    return PluginManager.load(names, **kwargs)


# ------------------------------------------------------------------ validation
def validate_problem(problem: Any, skill_id: str) -> list[str]:
    """Why a generated problem must not be served (empty list: it verifies).

    Every step's claim is checked with SymPy on the generator's own objects
    (never on text), and the written answer must read back as the ground truth
    through the verifier's safe parser.
    """
    if not isinstance(problem, Problem):
        return [f"expected a Problem, got {type(problem).__name__}"]
    errors = []
    if problem.skill_id != skill_id:
        errors.append(f"problem is for skill {problem.skill_id!r}, not {skill_id!r}")
    if problem.answer is None or not problem.answer_text.strip():
        errors.append("no answer")
    if not problem.steps:
        errors.append("no worked solution")
    if not problem.statement.strip():
        errors.append("no statement")
    for i, step in enumerate(problem.steps, 1):
        if step.lhs is None:
            continue
        holds = claim_holds(step.lhs, step.rhs, problem.bindings)
        if holds is not True:
            errors.append(f"step {i} ({step.text!r}) is {'false' if holds is False else 'not checkable'}")
    levels = [h.level for h in problem.hints]
    if levels and (any(lv not in HINT_LEVELS for lv in levels) or levels != sorted(levels, key=HINT_LEVELS.index)):
        errors.append(f"hint ladder levels {levels} are not in the order {HINT_LEVELS}")
    if not errors:
        grade = _readback(problem)
        if grade is not None and grade.status != "verified":
            errors.append(f"the written answer {problem.answer_text!r} does not verify as the ground truth ({grade.status})")
    return errors


def _readback(problem: Problem) -> Grade | None:
    if not verifier_ready():
        return None
    from tutor.plugin_api import compare_answers

    return compare_answers(problem.answer_text, problem.answer)


_VERIFIER_READY: bool | None = None


def verifier_ready() -> bool:
    """Whether the verifier can read answers at all (it verifies "1" against 1).

    While it cannot (not installed, or an early build that answers everything
    with "undetermined"), problems are served on the strength of the SymPy step
    checks alone; students' answers then grade as undetermined, never correct.
    """
    global _VERIFIER_READY
    if _VERIFIER_READY is None:
        try:
            import sympy

            from tutor.plugin_api import compare_answers

            _VERIFIER_READY = compare_answers("1", sympy.Integer(1)).status == "verified"
        except Exception:  # ImportError, or a verifier bug: treat as not ready
            _VERIFIER_READY = False
    return _VERIFIER_READY


def _skill_problem(spec: SkillSpec) -> str:
    if not SKILL_ID.match(spec.id or ""):
        return "id must be 2-64 lowercase letters, digits, '.', '_' or '-', starting with a letter"
    if not spec.title or not spec.subject:
        return "needs a title and a subject"
    if not 0 <= spec.grade_min <= spec.grade_max <= 16:
        return f"grade band {spec.grade_min}-{spec.grade_max} is not valid"
    if spec.id in spec.prerequisites:
        return "lists itself as a prerequisite"
    return ""


def _cycles(graph: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """Every prerequisite cycle (as a list of skill ids), found by depth-first search."""
    color: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        color[node] = 1
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in graph:
                continue
            if color.get(nxt) == 1:
                found.append(stack[stack.index(nxt):])
            elif color.get(nxt) is None:
                visit(nxt)
        stack.pop()
        color[node] = 2

    for node in sorted(graph):
        if color.get(node) is None:
            visit(node)
    return found


def _dist_name(ep: metadata.EntryPoint) -> str | None:
    dist = getattr(ep, "dist", None)
    return dist.metadata["Name"] if dist is not None else None


def _dist_version(ep: metadata.EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    return dist.version if dist is not None else "?"
