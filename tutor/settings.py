"""One settings object, built once at start-up from ``TUTOR_*`` variables.

Nothing here touches the disk or imports anything heavy: building settings is
cheap, and an invalid value fails at once with a message naming the variable
and what it accepts.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tutor.errors import SettingsError

BACKENDS = ("llama_cpp", "ctransformers", "openai")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
SANDBOXES = ("auto", "bwrap", "subprocess")
LANGUAGES = ("en", "zh")
"""Languages the app ships catalogues for (English is the source language); see tutor/i18n.py."""


def default_home(env: Mapping[str, str]) -> Path:
    """Per-user data directory: ``$XDG_DATA_HOME/tutor`` or ``~/.local/share/tutor``."""
    base = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME", str(Path.home()))) / ".local" / "share")
    return Path(base) / "tutor"


@dataclass(frozen=True)
class Settings:
    """Everything the tutor can be configured with. Each field has a ``TUTOR_*`` variable."""

    home: Path
    """TUTOR_HOME: where the database, models and conversation checkpoints live."""
    database_url: str
    """TUTOR_DATABASE_URL: SQLAlchemy URL; default ``sqlite:///$TUTOR_HOME/tutor.db``.
    ``postgresql+psycopg://user:pass@host/db`` for a school server."""
    model_backend: str = "llama_cpp"
    """TUTOR_MODEL_BACKEND: one of llama_cpp, ctransformers, openai."""
    model_path: Path | None = None
    """TUTOR_MODEL_PATH: a GGUF file; default the installed embedded model in ``$TUTOR_HOME/models``."""
    model_name: str = "default"
    """TUTOR_MODEL: which embedded model to use when no path is given: default or small."""
    gpu_layers: int | None = None
    """TUTOR_GPU_LAYERS: layers offloaded to the GPU: auto (None: all of them on a GPU build of llama-cpp-python,
    none otherwise), -1 = all, 0 = CPU only, N = the first N."""
    context_window: int = 4096
    """TUTOR_CONTEXT_WINDOW: tokens of context the model is loaded with (512-131072)."""
    threads: int | None = None
    """TUTOR_THREADS: CPU threads for generation and prompt processing; default: one per physical core."""
    openai_base_url: str = "http://127.0.0.1:8080/v1"
    """TUTOR_OPENAI_BASE_URL: base URL of an OpenAI-compatible server (openai backend)."""
    openai_model: str = "default"
    """TUTOR_OPENAI_MODEL: model name sent to the server."""
    openai_api_key: str = field(default="", repr=False)
    """TUTOR_OPENAI_API_KEY: bearer token for the server, if it wants one."""
    request_timeout: float = 60.0
    """TUTOR_REQUEST_TIMEOUT: seconds to wait for a model server before giving up."""
    log_level: str = "INFO"
    """TUTOR_LOG_LEVEL: DEBUG, INFO, WARNING, ERROR or CRITICAL."""
    plugins: tuple[str, ...] | None = None
    """TUTOR_PLUGINS: comma-separated plugins whose subjects load; unset = all installed (commands always load)."""
    repair_tries: int = 2
    """TUTOR_REPAIR_TRIES: how often a refuted draft reply is regenerated (0-10)."""
    sandbox: str = "auto"
    """TUTOR_SANDBOX: auto, bwrap or subprocess; auto prefers bubblewrap when present."""
    language: str = "en"
    """TUTOR_LANGUAGE: en or zh; the language of new users, of the login page and of the CLI."""

    @property
    def models_dir(self) -> Path:
        return self.home / "models"

    @property
    def checkpoint_path(self) -> Path:
        return self.home / "checkpoints.sqlite"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def replace(self, **changes) -> Settings:
        """A copy with some fields changed (settings are frozen)."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from ``env`` (default ``os.environ``); raise SettingsError on bad values."""
        env = os.environ if env is None else env
        home = Path(env["TUTOR_HOME"]).expanduser() if env.get("TUTOR_HOME") else default_home(env)
        db_url = env.get("TUTOR_DATABASE_URL") or f"sqlite:///{home / 'tutor.db'}"
        if "://" not in db_url:
            raise SettingsError(
                f"TUTOR_DATABASE_URL={db_url!r} is not a database URL; "
                "use sqlite:///path/to/tutor.db or postgresql+psycopg://user:pass@host/db"
            )
        plugins = env.get("TUTOR_PLUGINS")
        model_path = env.get("TUTOR_MODEL_PATH")
        threads = env.get("TUTOR_THREADS")
        return cls(
            home=home,
            database_url=db_url,
            model_backend=_choice(env, "TUTOR_MODEL_BACKEND", "llama_cpp", BACKENDS),
            model_path=Path(model_path).expanduser() if model_path else None,
            model_name=_choice(env, "TUTOR_MODEL", "default", ("default", "small")),
            gpu_layers=_auto_int(env, "TUTOR_GPU_LAYERS", -1, 10_000),
            context_window=_int(env, "TUTOR_CONTEXT_WINDOW", 4096, 512, 131_072),
            threads=_int(env, "TUTOR_THREADS", 0, 1, 1024) if threads else None,
            openai_base_url=env.get("TUTOR_OPENAI_BASE_URL", "http://127.0.0.1:8080/v1"),
            openai_model=env.get("TUTOR_OPENAI_MODEL", "default"),
            openai_api_key=env.get("TUTOR_OPENAI_API_KEY", ""),
            request_timeout=_float(env, "TUTOR_REQUEST_TIMEOUT", 60.0, 0.1, 3600.0),
            log_level=_choice(env, "TUTOR_LOG_LEVEL", "INFO", LOG_LEVELS, upper=True),
            plugins=tuple(p.strip() for p in plugins.split(",") if p.strip()) if plugins else None,
            repair_tries=_int(env, "TUTOR_REPAIR_TRIES", 2, 0, 10),
            sandbox=_choice(env, "TUTOR_SANDBOX", "auto", SANDBOXES),
            language=default_language(env),
        )


def default_language(env: Mapping[str, str] | None = None) -> str:
    """TUTOR_LANGUAGE (en | zh, default en): for new users, the signed-out app and the CLI."""
    return _choice(os.environ if env is None else env, "TUTOR_LANGUAGE", "en", LANGUAGES, lower=True)


def _choice(env: Mapping[str, str], name: str, default: str, options: tuple[str, ...], upper: bool = False,
            lower: bool = False) -> str:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().upper() if upper else raw.strip().lower() if lower else raw.strip()
    if value not in options:
        raise SettingsError(f"{name}={raw!r} is not valid; it accepts one of: {', '.join(options)}")
    return value


def _int(env: Mapping[str, str], name: str, default: int, lo: int, hi: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not valid; it accepts a whole number from {lo} to {hi}") from None
    if not lo <= value <= hi:
        raise SettingsError(f"{name}={raw!r} is not valid; it accepts a whole number from {lo} to {hi}")
    return value


def _auto_int(env: Mapping[str, str], name: str, lo: int, hi: int) -> int | None:
    """``auto`` (or unset) is None; otherwise a whole number from ``lo`` to ``hi``."""
    raw = env.get(name)
    if raw is None or raw.strip().lower() in ("", "auto"):
        return None
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not lo <= value <= hi:
        raise SettingsError(f"{name}={raw!r} is not valid; it accepts auto or a whole number from {lo} to {hi}")
    return value


def _float(env: Mapping[str, str], name: str, default: float, lo: float, hi: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not valid; it accepts a number from {lo} to {hi}") from None
    if not lo <= value <= hi:
        raise SettingsError(f"{name}={raw!r} is not valid; it accepts a number from {lo} to {hi}")
    return value
