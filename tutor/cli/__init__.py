"""The ``tutor`` command line. Each area of the core adds its commands from its own module; plugins
(the agents' ``tutor ask``, ``chat``, ``plan``, ``verify-steps`` among them) add theirs through the
``register_commands`` hook."""

from __future__ import annotations

import functools
import sys

import typer

from tutor.errors import TutorError
from tutor.i18n import _

app = typer.Typer(
    help="tutor: a personalized, verified, local AI math tutor.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@functools.cache  # once per process: Typer would list a command added twice twice
def _register() -> None:
    # Imported for their side effect of adding commands to ``app``.
    from tutor.cli import core  # noqa: F401
    from tutor.cli import plugins  # noqa: F401
    from tutor.cli import model  # noqa: F401
    from tutor.cli import verify  # noqa: F401
    from tutor.plugins import register_commands

    register_commands(app)


def main() -> None:
    """Entry point: run the CLI, turning TutorError into a one-line message (in TUTOR_LANGUAGE where the
    catalogue has the message)."""
    _register()
    try:
        code = app(standalone_mode=False)
    except TutorError as exc:
        typer.secho(_("Error: {message}").format(message=_(str(exc))), fg=typer.colors.RED, err=True)
        sys.exit(1)
    except typer.Abort:
        typer.echo(_("Aborted."), err=True)
        sys.exit(1)
    except SystemExit:
        raise
    except Exception as exc:
        # Usage errors (bad option, missing argument) come here in non-standalone mode.
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):
            exc.show()
            sys.exit(exc.exit_code)
        raise
    # Without standalone mode Click returns a command's ``typer.Exit(code)`` instead of exiting with it.
    if isinstance(code, int) and code:
        sys.exit(code)
