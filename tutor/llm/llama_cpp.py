"""The default backend: any GGUF file through llama.cpp (``llama-cpp-python``).

The chat template comes from the file's own metadata (``chat_format=None``
makes llama-cpp-python read ``tokenizer.chat_template``), so a new model needs
no code here. GPU offload is ``TUTOR_GPU_LAYERS`` on a CUDA build.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from tutor.errors import ModelError
from tutor.llm.base import ChatMessage, GenerationParams, Request, StreamingChatModel, trim_history
from tutor.llm.gguf_info import ModelFileInfo, read_model_info
from tutor.llm.threads import default_threads
from tutor.settings import Settings

log = logging.getLogger(__name__)

# Tokens a chat template adds around each message (role markers, separators): a safe over-estimate.
MESSAGE_OVERHEAD = 8


class LlamaCppModel(StreamingChatModel):
    """A GGUF model loaded in this process by llama.cpp."""

    decodes_batches = True
    """``complete_many`` decodes up to four replies in one llama.cpp batch (``tutor.llm.llama_batch``)."""

    def __init__(self, llama, info: ModelFileInfo):
        self.llama = llama
        self.info = info
        self.name = info.path.name
        self.context_window = llama.n_ctx()
        self._batch = None  # the batch decoder's own context, created on the first complete_many
        # Prompt bookkeeping (``stats``): tokens in the prompts asked for, and tokens llama.cpp actually
        # decoded for them (the rest was a prefix already in the KV cache). ``stream`` runs on the main
        # context, whose ``Llama.generate`` keeps the longest common prefix with its previous call;
        # ``complete_many`` on the batch context, which keeps its own (``llama_batch``).
        self.prompt_tokens_total = 0
        self.prompt_tokens_evaluated = 0
        self.batch_prompt_tokens_total = 0
        self.batch_prompt_tokens_evaluated = 0
        self.calls: list[dict[str, int | str]] = []
        """One entry per call: path (``main`` or ``batch``), prompt tokens, tokens evaluated."""
        self._prompt_pending = False
        self._count_main_prompts()

    def _count_main_prompts(self) -> None:
        """Read the main context's reuse from llama-cpp-python's own bookkeeping.

        ``Llama.generate`` trims its cache to the prefix it reuses (``n_tokens``), then hands the rest of
        the prompt to ``eval`` in one call; later ``eval`` calls are generated tokens. So the first ``eval``
        after a ``stream`` starts sees the reused prefix in ``n_tokens`` and the evaluated tail in its argument.
        """
        original = getattr(self.llama, "eval", None)
        if original is None or not hasattr(self.llama, "n_tokens"):
            return

        def counting_eval(tokens):
            if self._prompt_pending:
                self._prompt_pending = False
                evaluated = len(tokens)
                total = int(self.llama.n_tokens) + evaluated
                self.prompt_tokens_total += total
                self.prompt_tokens_evaluated += evaluated
                self.calls.append({"path": "main", "prompt": total, "evaluated": evaluated})
            return original(tokens)

        self.llama.eval = counting_eval

    def _count_batch(self, total: int, evaluated: int) -> None:
        self.batch_prompt_tokens_total += total
        self.batch_prompt_tokens_evaluated += evaluated
        self.calls.append({"path": "batch", "prompt": total, "evaluated": evaluated})

    def stats(self) -> dict[str, int]:
        """Prompt tokens asked for and actually decoded, on the main context, the batch context and both."""
        return {
            "prompt_tokens": self.prompt_tokens_total + self.batch_prompt_tokens_total,
            "prompt_evaluated": self.prompt_tokens_evaluated + self.batch_prompt_tokens_evaluated,
            "main_prompt_tokens": self.prompt_tokens_total,
            "main_prompt_evaluated": self.prompt_tokens_evaluated,
            "batch_prompt_tokens": self.batch_prompt_tokens_total,
            "batch_prompt_evaluated": self.batch_prompt_tokens_evaluated,
            "calls": len(self.calls),
        }

    def forget_prompts(self) -> None:
        """Empty both KV caches, so the next call decodes its whole prompt (for measuring reuse)."""
        self.llama.reset()
        if self._batch is not None:
            self._batch.forget()

    def count_tokens(self, text: str) -> int:
        return len(self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def fit(self, messages: Sequence[ChatMessage], params: GenerationParams) -> list[ChatMessage]:
        """Trim old turns so the prompt plus room for the reply fits the context window."""
        reserve = min(params.max_tokens, self.context_window // 2)
        return trim_history(
            messages, lambda m: self.count_tokens(m.content) + MESSAGE_OVERHEAD, self.context_window - reserve
        )

    def stream(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> Iterator[str]:
        params = params or GenerationParams()
        fitted = self.fit(messages, params)
        self._prompt_pending = True
        try:
            chunks = self.llama.create_chat_completion(
                messages=[{"role": m.role, "content": m.content} for m in fitted],
                max_tokens=params.max_tokens,
                temperature=params.temperature,
                top_p=params.top_p,
                stop=list(params.stop) or None,
                seed=params.seed,
                stream=True,
            )
            for chunk in chunks:
                text = chunk["choices"][0]["delta"].get("content")
                if text:
                    yield text
        except ValueError as exc:
            # llama-cpp-python reports an over-long prompt as ValueError("Requested tokens ... exceed ...").
            raise ModelError(
                f"the prompt does not fit the model's context window of {self.context_window} tokens ({exc}); "
                "shorten it or raise TUTOR_CONTEXT_WINDOW"
            ) from exc
        finally:
            self._prompt_pending = False

    def complete_many(self, requests: Sequence[Request]) -> list[str]:
        """Decode the requests together in one llama.cpp batch; replies in request order.

        Each reply is what ``complete`` gives for its request alone (same chat template, stops,
        ``max_tokens`` and sampling; greedy replies may differ in late tokens where batched
        arithmetic rounds differently). If the batch cannot run (a prompt too long for the context,
        a llama.cpp failure), the requests run in turn through ``complete`` instead. A conversation
        that cannot fit the context even trimmed raises ModelError at once, as ``complete`` would.
        """
        if len(requests) <= 1:
            return [self.complete(messages, params) for messages, params in requests]
        from tutor.llm import llama_batch

        try:
            prepared = []
            for messages, params in requests:
                params = params or GenerationParams()
                fitted = self.fit(messages, params)
                prepared.append(llama_batch.prepare(
                    self.llama, [{"role": m.role, "content": m.content} for m in fitted],
                    max_tokens=params.max_tokens, temperature=params.temperature, top_p=params.top_p,
                    stop=list(params.stop) or None, seed=params.seed,
                ))
            if self._batch is None:
                self._batch = llama_batch.BatchDecoder(self.llama, on_prompt=self._count_batch)
            return self._batch.generate(prepared)
        except (ValueError, RuntimeError) as exc:
            log.warning("batched decoding of %d requests failed (%s); running them in turn", len(requests), exc)
        return [self.complete(messages, params) for messages, params in requests]

    def close(self) -> None:
        """Free the batch context, then the model."""
        if self._batch is not None:
            self._batch.close()
            self._batch = None
        self.llama.close()


def load(settings: Settings, path: Path) -> LlamaCppModel:
    """Load ``path`` with llama.cpp using the settings' context window, threads and GPU layers."""
    info = read_model_info(path)
    if info.format != "gguf":
        raise ModelError(
            f"{path} is a legacy {info.format} file, which llama.cpp no longer reads; "
            "use TUTOR_MODEL_BACKEND=ctransformers for it, or a GGUF file"
        )
    if info.version < 2:
        raise ModelError(f"{path} is GGUF v1, which llama.cpp no longer reads; convert it or use a newer file")
    try:
        import llama_cpp
    except ImportError:
        raise ModelError(
            "the llama_cpp backend needs llama-cpp-python: run `scripts/setup.sh run` or "
            "`pip install -e '.[llm]'`"
        ) from None

    gpu_layers = settings.gpu_layers
    if gpu_layers != 0 and not llama_cpp.llama_supports_gpu_offload():
        log.warning(
            "TUTOR_GPU_LAYERS=%s but llama-cpp-python was built without GPU support; running on the CPU. "
            'Rebuild it with CMAKE_ARGS="-DGGML_CUDA=on" to offload layers (see docs/models.md).',
            gpu_layers,
        )
        gpu_layers = 0
    n_ctx = settings.context_window
    if info.trained_context and n_ctx > info.trained_context:
        log.info("context window %s capped to the %s tokens %s was trained with", n_ctx, info.trained_context, path.name)
        n_ctx = info.trained_context
    kwargs = dict(
        model_path=str(path), n_ctx=n_ctx, n_gpu_layers=gpu_layers, chat_format=None, verbose=False
    )
    # One thread per physical core for both generation and prompt processing (llama-cpp-python's
    # own default is cpu_count() // 2: one thread on two cores); TUTOR_THREADS overrides.
    threads = settings.threads or default_threads()
    kwargs["n_threads"] = threads
    kwargs["n_threads_batch"] = threads
    log.info("loading %s (%s) with llama.cpp on %d threads", path, info.describe(), threads)
    try:
        llama = llama_cpp.Llama(**kwargs)
    except (ValueError, RuntimeError, OSError) as exc:
        raise ModelError(
            f"llama.cpp could not load {path} ({info.describe()}): {exc}. If the architecture is new, "
            "a newer llama-cpp-python may be needed; if the file was copied, check it with `tutor model check`"
        ) from exc
    return LlamaCppModel(llama, info)
