"""Errors a person can act on.

Every error the tutor raises on purpose derives from :class:`TutorError`, so the
CLI and the web app can show its message instead of a traceback.
"""


class TutorError(Exception):
    """Base class for errors whose message is safe and useful to show a user."""


class SettingsError(TutorError):
    """An environment variable holds a value the tutor cannot use."""


class StorageError(TutorError):
    """The database cannot be reached, read or written."""


class NotFound(TutorError):
    """A user, class, skill or other record does not exist."""


class ValidationError(TutorError):
    """Input (a name, a password, a code) is not acceptable."""


class DuplicateError(ValidationError):
    """A record with the same unique key already exists."""


class AuthError(TutorError):
    """Login failed: wrong credentials, or the account is locked for a while."""


class PermissionDenied(TutorError):
    """The signed-in user may not see or change this record."""


class ModelError(TutorError):
    """The language model cannot be loaded or did not answer."""


class PluginError(TutorError):
    """A plugin failed to load or contributed something invalid."""


class VerificationError(TutorError):
    """The verifier was asked something it cannot parse or bound."""


class SandboxError(TutorError):
    """Code in the sandbox was stopped (timeout, memory, forbidden operation)."""


class ReportError(TutorError):
    """A report cannot be produced as asked (e.g. no installed font can print its text)."""
