"""The hooks a tutor plugin can implement. Each takes a ``register`` callback, except ``register_commands``."""

from pluggy import HookspecMarker

hookspec = HookspecMarker("tutor")


@hookspec
def register_skills(register):
    """Register skills: ``register(SkillSpec(...))``."""


@hookspec
def register_generators(register):
    """Register problem generators: ``register(generator)`` (a ``Generator`` with a ``skill_id``)."""


@hookspec
def register_checkers(register):
    """Register answer checkers for skills where plain equivalence is not enough: ``register(checker)``."""


@hookspec
def register_hints(register):
    """Register hint ladders: ``register(skill_id, ladder)`` where ``ladder(problem)`` returns hints."""


@hookspec
def register_agents(register):
    """Register plugin agents the tutor can route to: ``register(AgentSpec(...))``."""


@hookspec
def register_commands(cli):
    """Add commands to the ``tutor`` command line: ``cli`` is its Typer app (``@cli.command()``)."""
