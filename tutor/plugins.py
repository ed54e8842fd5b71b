"""The plugin manager: loads the ``tutor`` entry points once and calls their hooks through pluggy.

Built-in subjects in ``plugins/``, the agents' commands (``agents/cli.py``) and
third-party packages arrive the same way, through the ``tutor`` entry-point
group. Each plugin's hooks are called on their own (a pluggy subset hook caller
per plugin), so a plugin that raises while loading or in a hook is reported with
its name and the reason, contributes nothing, and does not stop the others.
What the plugins contribute is checked and kept by :class:`tutor.registry.Registry`:
the skill graph lives in ``tutor.skillgraph``, serving problems in
``tutor.problems``, the Skill table rows in ``tutor.skillsync``.

Under the test suite (``sys._called_from_test``, the datasette convention) only
the tutor distribution's own plugins load, so stray installed packages cannot
change a test's outcome.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from importlib import metadata
from typing import Any

import pluggy

from tutor import hookspecs
from tutor.plugin_api import claim_holds
from tutor.problems import validate_problem, verifier_ready
from tutor.registry import Contributions, PluginInfo, Registry, log

__all__ = ["PluginInfo", "PluginManager", "claim_holds", "load_plugins", "register_commands",
           "validate_problem", "verifier_ready"]

GROUP = "tutor"
BUILTIN_DIST = "tutor"
SUBJECT_HOOKS = ("register_skills", "register_generators", "register_checkers", "register_hints", "register_agents")
"""The hooks whose results make up the registry; ``register_commands`` is called only by the CLI."""


class PluginManager(Registry):
    """A :class:`Registry` filled from the plugins that pluggy loads."""

    def __init__(self) -> None:
        super().__init__()
        self.pm = pluggy.PluginManager(GROUP)
        self.pm.add_hookspecs(hookspecs)

    @classmethod
    def load(
        cls,
        names: Iterable[str] | None = None,
        *,
        entry_points: Iterable[metadata.EntryPoint] | None = None,
        third_party: bool | None = None,
    ) -> PluginManager:
        """Load plugins from entry points (default: the installed ``tutor`` group) and collect their contributions.

        Args:
            names: only these plugins (``TUTOR_PLUGINS``); None loads all.
            entry_points: load these instead of the installed ones (tests).
            third_party: whether other distributions' plugins load; default is
                yes, except under the test suite.
        """
        manager = cls.discover(names, entry_points=entry_points, third_party=third_party)
        manager._collect()
        return manager

    @classmethod
    def discover(
        cls,
        names: Iterable[str] | None = None,
        *,
        entry_points: Iterable[metadata.EntryPoint] | None = None,
        third_party: bool | None = None,
    ) -> PluginManager:
        """Import and register the plugins (arguments as for :meth:`load`) without calling any hook."""
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
        return manager

    def add_plugin(self, plugin: object, name: str, version: str = "?") -> None:
        """Register an already-imported plugin object (used by tests and embedders), then re-collect."""
        self.plugins[name] = PluginInfo(name, version=version, module=getattr(plugin, "__name__", type(plugin).__name__))
        self._set_languages(name, plugin)
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
        self._set_languages(ep.name, plugin)

    def _set_languages(self, name: str, plugin: object) -> None:
        """The plugin's ``LANGUAGES`` (default: English only); a malformed one is reported and English is used."""
        declared = getattr(plugin, "LANGUAGES", None)
        if declared is None:
            return
        if not isinstance(declared, (tuple, list)) or not declared or not all(isinstance(c, str) and c for c in declared):
            self.report(name, f"LANGUAGES must be a tuple of language codes like ('en', 'zh'), not {declared!r}")
            return
        self.plugins[name].languages = tuple(declared)

    def _fail(self, name: str, message: str) -> None:
        info = self.plugins.setdefault(name, PluginInfo(name))
        info.loaded = False
        info.errors.append(message)
        log.warning("plugin %s: %s", name, message)

    def _loaded(self, name: str) -> bool:
        return self.plugins.get(name, PluginInfo(name)).loaded

    def call_each(self, hook_name: str, **kwargs: Any) -> None:
        """Call ``hook_name`` on each loaded plugin in turn; one that raises is marked failed, the others go on."""
        for name, _ in self.pm.list_name_plugin():
            if self._loaded(name):
                self._call(hook_name, name, **kwargs)

    def _call(self, hook_name: str, name: str, **kwargs: Any) -> None:
        """Call one plugin's implementation of ``hook_name`` through pluggy, attributing a failure to it."""
        others = [p for n, p in self.pm.list_name_plugin() if n != name]
        try:
            self.pm.subset_hook_caller(hook_name, remove_plugins=others)(**kwargs)
        except Exception as exc:  # a plugin's hook raising must not stop the others
            self._fail(name, f"{hook_name} raised {type(exc).__name__}: {exc}")

    def _collect(self) -> None:
        """Call the subject hooks plugin by plugin, then let the registry check and keep the results."""
        staged = {name: Contributions() for name, _ in self.pm.list_name_plugin()}
        for hook_name in SUBJECT_HOOKS:
            kind = hook_name.removeprefix("register_")
            for name, box in staged.items():
                if self._loaded(name):
                    self._call(hook_name, name, register=_register_into(getattr(box, kind), pairs=kind == "hints"))
        self.accept({name: box for name, box in staged.items() if self._loaded(name)})


def _register_into(box: list, *, pairs: bool) -> Any:
    """The ``register`` callback handed to a hook: appends to ``box`` (``register(skill_id, ladder)`` for hints)."""
    return (lambda sid, ladder: box.append((sid, ladder))) if pairs else box.append


def load_plugins(settings=None, **kwargs) -> PluginManager:
    """Load plugins once for a context, restricted by ``settings.plugins`` (TUTOR_PLUGINS)."""
    names = getattr(settings, "plugins", None)
    return PluginManager.load(names, **kwargs)


def register_commands(cli: Any, **kwargs: Any) -> PluginManager:
    """Let every installed plugin add its commands to the ``cli`` (a Typer app); return the manager used.

    ``TUTOR_PLUGINS`` is not applied here: it chooses subjects, and restricting
    subjects must not take away commands such as ``tutor ask``. ``kwargs`` go to
    :meth:`PluginManager.discover` (tests).
    """
    manager = PluginManager.discover(**kwargs)
    manager.call_each("register_commands", cli=cli)
    return manager


def _dist_name(ep: metadata.EntryPoint) -> str | None:
    dist = getattr(ep, "dist", None)
    return dist.metadata["Name"] if dist is not None else None


def _dist_version(ep: metadata.EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    return dist.version if dist is not None else "?"
