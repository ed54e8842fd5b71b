"""One model per process, shared by every session and thread.

Loading a GGUF model takes seconds and its memory once; and llama.cpp holds
one KV cache, so two generations must never interleave. The shared model is
loaded on first use (under a lock, so two sessions starting together load it
once) and wrapped so each generation holds the model from first token to last.
A server backend is not serialised: the server schedules concurrent requests.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence

from tutor.llm.base import (
    ChatMessage,
    ChatModel,
    GenerationParams,
    OnEnd,
    OnToken,
    Request,
    StreamingChatModel,
    in_turn,
)
from tutor.settings import Settings

log = logging.getLogger(__name__)


class SerializedChatModel(StreamingChatModel):
    """Wraps a ChatModel so only one generation runs at a time; others wait their turn."""

    def __init__(self, inner: ChatModel):
        self.inner = inner
        self.name = inner.name
        self.context_window = inner.context_window
        self.lock = threading.Lock()
        self.decodes_batches = bool(getattr(inner, "decodes_batches", False))
        self._count_lock = threading.Lock()
        self._in_line = 0  # generations running or waiting for the model

    def queue_ahead(self) -> int:
        """How many generations a new request would wait for (0: the model is free). Requests are served one
        at a time in the order the lock grants them; a page shows this while it waits."""
        with self._count_lock:
            return self._in_line

    def _turn(self):
        """Hold the model for one generation (or one batch), counted in the line while waiting and running."""
        owner = self

        class _Turn:
            def __enter__(self):
                with owner._count_lock:
                    owner._in_line += 1
                owner.lock.acquire()

            def __exit__(self, *exc):
                owner.lock.release()
                with owner._count_lock:
                    owner._in_line -= 1

        return _Turn()

    def stream(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> Iterator[str]:
        # The lock is taken when iteration starts and released when the reply ends, fails or the
        # consumer closes the generator (e.g. a Streamlit session stops mid-reply).
        with self._turn():
            yield from self.inner.stream(messages, params)

    def complete_many(self, requests: Sequence[Request], on_token: OnToken | None = None,
                      on_end: OnEnd | None = None) -> list[str]:
        # One lock for the whole batch: the batch's sequences share the model with every other caller.
        with self._turn():
            many = getattr(self.inner, "complete_many", None)
            if many is None:  # a ChatModel written before complete_many: in turn
                return in_turn(self.inner, requests, on_token, on_end)
            listeners = {k: v for k, v in (("on_token", on_token), ("on_end", on_end)) if v is not None}
            return many(requests, **listeners)

    def __getattr__(self, name):
        return getattr(self.inner, name)


_models: dict[tuple, ChatModel] = {}
_registry_lock = threading.Lock()


def _key(settings: Settings) -> tuple:
    from tutor.llm.catalog import model_path

    if settings.model_backend == "openai":
        return ("openai", settings.openai_base_url, settings.openai_model, settings.request_timeout)
    return (
        settings.model_backend, str(model_path(settings)), settings.gpu_layers, settings.context_window,
        settings.threads,
    )


def is_loaded(settings: Settings) -> bool:
    """True when :func:`shared_model` would return at once (for a "loading model…" indicator)."""
    return _key(settings) in _models


def shared_model(settings: Settings, on_loading: Callable[[str], None] | None = None) -> ChatModel:
    """The process-wide model for these settings, loading it on first call.

    Args:
        settings: which backend and file.
        on_loading: called with a message just before a (slow) load starts, so a UI can show it.
    """
    key = _key(settings)
    model = _models.get(key)
    if model is not None:
        return model
    with _registry_lock:
        model = _models.get(key)
        if model is None:
            from tutor.llm.factory import load_model

            if on_loading is not None:
                on_loading(f"Loading the language model ({settings.model_backend})…")
            started = time.perf_counter()
            inner = load_model(settings)
            model = inner if settings.model_backend == "openai" else SerializedChatModel(inner)
            log.info("model %s ready in %.1f s", model.name, time.perf_counter() - started)
            _models[key] = model
    return model


def forget_shared_models() -> None:
    """Drop every shared model (tests; freeing memory after a settings change)."""
    with _registry_lock:
        _models.clear()
