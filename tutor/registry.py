"""What the plugins contributed, once validated: the one place the tutor looks up skills, generators and agents.

:class:`Registry` accepts each plugin's contributions (checking their shape,
duplicates and the prerequisite graph) and answers every query. It knows
nothing about entry points or pluggy; ``tutor.plugins.PluginManager`` fills it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from tutor import problems, skillgraph
from tutor.errors import NotFound
from tutor.plugin_api import AgentDeps, AgentSpec, AnswerChecker, Generator, Grade, Hint, HintLadder, Problem, SkillSpec

log = logging.getLogger("tutor.plugins")  # one logger for plugin trouble, wherever it is found


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
    languages: tuple[str, ...] = ("en",)
    """The languages its content is written in (its ``LANGUAGES``), the first its own."""
    loaded: bool = True
    """False when the plugin could not be imported or its hooks raised; it contributes nothing."""

    @property
    def ok(self) -> bool:
        return self.loaded and not self.errors


@dataclass
class Contributions:
    """What one plugin's hooks handed to ``register``, not yet checked."""

    skills: list[Any] = field(default_factory=list)
    generators: list[Any] = field(default_factory=list)
    checkers: list[Any] = field(default_factory=list)
    hints: list[tuple[str, HintLadder]] = field(default_factory=list)
    agents: list[Any] = field(default_factory=list)


class Registry:
    """The skills, generators, checkers, hint ladders and agents from all plugins, and each plugin's report."""

    def __init__(self) -> None:
        self.plugins: dict[str, PluginInfo] = {}
        self.skills: dict[str, SkillSpec] = {}
        self.skill_plugin: dict[str, str] = {}
        self.generators: dict[str, Generator] = {}
        self.checkers: dict[str, AnswerChecker] = {}
        self.hint_ladders: dict[str, HintLadder] = {}
        self.agents: dict[str, AgentSpec] = {}
        self.agent_plugin: dict[str, str] = {}

    def report(self, name: str, message: str) -> None:
        """Record (once) and log something wrong with plugin ``name``; the plugin stays loaded."""
        info = self.plugins.setdefault(name, PluginInfo(name))
        if message not in info.errors:
            info.errors.append(message)
            log.warning("plugin %s: %s", name, message)

    def accept(self, staged: dict[str, Contributions]) -> None:
        """Replace the registry's contents with what ``staged`` plugins contributed that checks out."""
        for info in self.plugins.values():
            for kind in (info.skills, info.generators, info.checkers, info.agents):
                kind.clear()
        for table in (self.skills, self.skill_plugin, self.generators, self.checkers,
                      self.hint_ladders, self.agents, self.agent_plugin):
            table.clear()
        for name, box in staged.items():
            self._accept_skills(name, box.skills)
        for sid, reason in skillgraph.prune(self.skills):
            self.report(self.skill_plugin[sid], reason)
        for sid in [s for s in self.skill_plugin if s not in self.skills]:
            del self.skill_plugin[sid]
        for name, box in staged.items():
            info = self.plugins.setdefault(name, PluginInfo(name))
            info.skills = [s.id for s in box.skills if self.skill_plugin.get(getattr(s, "id", None)) == name]
            self._accept_rest(name, box, info)

    def _accept_skills(self, name: str, specs: list[Any]) -> None:
        for spec in specs:
            if not isinstance(spec, SkillSpec):
                self.report(name, f"register_skills got {type(spec).__name__}, expected SkillSpec")
                continue
            problem = skillgraph.spec_problem(spec)
            if problem:
                self.report(name, f"skill {spec.id!r}: {problem}")
            elif spec.id in self.skills:
                self.report(name, f"duplicate skill id {spec.id!r} (already registered by {self.skill_plugin[spec.id]})")
            else:
                self.skills[spec.id] = spec
                self.skill_plugin[spec.id] = name

    def _accept_rest(self, name: str, box: Contributions, info: PluginInfo) -> None:
        for gen in box.generators:
            sid = getattr(gen, "skill_id", None)
            if not callable(getattr(gen, "generate", None)) or sid is None:
                self.report(name, f"generator {gen!r} has no skill_id or generate(seed, difficulty)")
            elif sid not in self.skills:
                self.report(name, f"generator for unknown skill {sid!r}")
            elif sid in self.generators:
                self.report(name, f"a second generator for skill {sid!r}")
            else:
                self.generators[sid] = gen
                info.generators.append(sid)
        for checker in box.checkers:
            sid = getattr(checker, "skill_id", None)
            if sid not in self.skills or not callable(getattr(checker, "check", None)):
                self.report(name, f"checker for unknown skill {sid!r} or without check(given, problem)")
            else:
                self.checkers[sid] = checker
                info.checkers.append(sid)
        for sid, ladder in box.hints:
            if sid not in self.skills or not callable(ladder):
                self.report(name, f"hint ladder for unknown skill {sid!r}")
            else:
                self.hint_ladders[sid] = ladder
        for spec in box.agents:
            if not isinstance(spec, AgentSpec) or not callable(spec.factory):
                self.report(name, f"register_agents got {spec!r}, expected AgentSpec with a factory")
            elif spec.name in self.agents:
                self.report(name, f"duplicate agent name {spec.name!r} (already registered by {self.agent_plugin[spec.name]})")
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

    def languages_of(self, skill_id: str) -> tuple[str, ...]:
        """The languages a skill's problems can be written in (its plugin's ``LANGUAGES``), the first its own."""
        info = self.plugins.get(self.plugin_of(skill_id))
        return info.languages if info is not None and info.languages else ("en",)

    def localized_skill(self, skill_id: str, language: str | None = None) -> SkillSpec:
        """The skill with its title, subject and description in ``language`` (default: the app's current one)."""
        from tutor.i18n import current_language, normalise

        return self.skill(skill_id).localized(normalise(language) if language else current_language())

    def topological_skills(self) -> list[SkillSpec]:
        """Skills with every prerequisite before the skills that need it (ties by grade, then id)."""
        return skillgraph.topological(self.skills)

    def skill_rows(self) -> list[Any]:
        """Skill table rows for every registered skill (``tutor.skillsync``)."""
        from tutor import skillsync

        return skillsync.skill_rows(self)

    def sync_skills(self, *, session) -> int:
        """Write every registered skill to the Skill table (``tutor.skillsync``)."""
        from tutor import skillsync

        return skillsync.sync_skills(self, session=session)

    # ----------------------------------------------------------------- problems (tutor.problems)
    def generate(self, skill_id: str, seed: int = 0, difficulty: int = 1, *, language: str | None = None) -> Problem:
        """A verified problem for ``skill_id`` in ``language`` (default: the app's current language, else the
        plugin's first); raise PluginError rather than serve an unverified one. Numbers and answer do not
        depend on the language."""
        return problems.generate(self, skill_id, seed, difficulty, language=language)

    def check(self, problem: Problem, given: str) -> Grade:
        """Grade ``given`` against ``problem``: the skill's checker if any, else the verifier."""
        return problems.check(self, problem, given)

    def hints(self, problem: Problem) -> tuple[Hint, ...]:
        """The hint ladder for a problem: the skill's registered ladder, the problem's own, or a default."""
        return problems.hints(self, problem)

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
