"""Choose and load the backend the settings ask for."""

from __future__ import annotations

from tutor.errors import ModelError
from tutor.llm.base import ChatModel
from tutor.llm.catalog import model_path
from tutor.settings import BACKENDS, Settings


def load_model(settings: Settings) -> ChatModel:
    """Load a fresh model (slow for local files; prefer :func:`tutor.llm.shared_model`).

    Raises ModelError with a message saying what to do when the backend, the
    file or the server cannot be used.
    """
    backend = settings.model_backend
    if backend == "llama_cpp":
        from tutor.llm import llama_cpp

        return llama_cpp.load(settings, model_path(settings))
    if backend == "ctransformers":
        from tutor.llm import ctransformers

        return ctransformers.load(settings, model_path(settings))
    if backend == "openai":
        from tutor.llm import openai

        return openai.connect(settings)
    raise ModelError(f"unknown model backend {backend!r}; use one of: {', '.join(BACKENDS)}")
