"""The default backend: any GGUF file through llama.cpp (``llama-cpp-python``).

The chat template comes from the file's own metadata (``chat_format=None``
makes llama-cpp-python read ``tokenizer.chat_template``), so a new model needs
no code here. On a GPU build of llama-cpp-python (``scripts/setup.sh`` builds one
with CUDA where there is CUDA) every layer is offloaded unless
``TUTOR_GPU_LAYERS`` says otherwise.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tutor.errors import ModelError
from tutor.llm.base import (
    ChatMessage,
    GenerationParams,
    OnEnd,
    OnToken,
    Request,
    StreamingChatModel,
    in_turn,
    trim_history,
)
from tutor.llm.gguf_info import ModelFileInfo, read_model_info
from tutor.llm.model_thread import ModelThread
from tutor.llm.threads import default_threads
from tutor.settings import Settings

log = logging.getLogger(__name__)

# Tokens a chat template adds around each message (role markers, separators): a safe over-estimate.
MESSAGE_OVERHEAD = 8


@dataclass(frozen=True)
class Offload:
    """Where a model's layers run: what ``tutor model check`` reports and ``load`` asks llama.cpp for."""

    gpu_build: bool
    """llama-cpp-python was built with GPU support (``llama_supports_gpu_offload()``)."""
    layers: int
    """``n_gpu_layers`` passed to llama.cpp: -1 = all, 0 = none, N = the first N."""
    total: int | None
    """Layers llama.cpp can offload: the file's blocks plus its output layer (None when the header does not say)."""

    @property
    def on_gpu(self) -> int | None:
        """How many layers run on the GPU (None: some, but the file does not say how many it has)."""
        if not self.gpu_build or self.layers == 0:
            return 0
        if self.total is None:
            return None
        return self.total if self.layers < 0 else min(self.layers, self.total)


def offload_layers(setting: int | None, gpu_build: bool) -> int:
    """``n_gpu_layers`` for TUTOR_GPU_LAYERS: auto (None) is every layer on a GPU build and none on a CPU build;
    a number is used as given on a GPU build, and is 0 on a CPU build (``load`` warns about that)."""
    if not gpu_build:
        return 0
    return -1 if setting is None else setting


def gpu_offload_supported() -> bool:
    """Whether the installed llama-cpp-python can offload layers to a GPU (loads the library, not a model)."""
    import llama_cpp

    return bool(llama_cpp.llama_supports_gpu_offload())


def plan_offload(settings: Settings, info: ModelFileInfo, gpu_build: bool) -> Offload:
    """Where ``load`` would put the layers of ``info``'s model, read from the header without loading it."""
    blocks = info.block_count
    return Offload(gpu_build=gpu_build, layers=offload_layers(settings.gpu_layers, gpu_build),
                   total=blocks + 1 if blocks is not None else None)


_OFFLOADED = re.compile(r"offloaded (\d+)/(\d+) layers to GPU")


@contextlib.contextmanager
def _llama_log(lines: list[str]):
    """Collect llama.cpp's log lines while loading (llama-cpp-python drops them unless verbose).

    Its "offloaded 29/29 layers to GPU" line is the one place that says where the layers went. The
    library's own log callback is put back afterwards; without one to put back, nothing is collected.
    """
    import ctypes

    import llama_cpp

    try:
        from llama_cpp import _logger

        original = _logger.llama_log_callback
    except (ImportError, AttributeError):
        yield
        return

    @llama_cpp.llama_log_callback
    def collect(level, text, user_data):
        lines.append(text.decode("utf-8", errors="replace"))

    llama_cpp.llama_log_set(collect, ctypes.c_void_p(0))
    try:
        yield
    finally:
        llama_cpp.llama_log_set(original, ctypes.c_void_p(0))


class LlamaCppModel(StreamingChatModel):
    """A GGUF model loaded in this process by llama.cpp."""

    decodes_batches = True
    """``complete_many`` decodes up to four replies in one llama.cpp batch (``tutor.llm.llama_batch``)."""

    offload: Offload | None = None
    """Where ``load`` asked llama.cpp to put the layers."""
    offloaded: tuple[int, int] | None = None
    """(layers on the GPU, layers) as llama.cpp reported after loading; None when it did not say (a CPU build)."""

    def __init__(self, llama, info: ModelFileInfo, thread: ModelThread | None = None):
        self.llama = llama
        self.thread = thread or ModelThread()
        """Every llama.cpp call of this model is made on this one thread (``tutor.llm.model_thread``)."""
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
        def forget() -> None:
            self.llama.reset()
            if self._batch is not None:
                self._batch.forget()

        self.thread.run(forget)

    def count_tokens(self, text: str) -> int:
        return len(self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def fit(self, messages: Sequence[ChatMessage], params: GenerationParams) -> list[ChatMessage]:
        """Trim old turns so the prompt plus room for the reply fits the context window."""
        reserve = min(params.max_tokens, self.context_window // 2)
        return trim_history(
            messages, lambda m: self.count_tokens(m.content) + MESSAGE_OVERHEAD, self.context_window - reserve
        )

    def stream(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> Iterator[str]:
        # made on the model thread, handed over piece by piece (see tutor.llm.model_thread)
        yield from self.thread.iterate(lambda: self._stream(messages, params))

    def _stream(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> Iterator[str]:
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

    def complete_many(self, requests: Sequence[Request], on_token: OnToken | None = None,
                      on_end: OnEnd | None = None) -> list[str]:
        # made on the model thread (``on_token`` and ``on_end`` hear the replies there); see tutor.llm.model_thread
        return self.thread.run(self._complete_many, requests, on_token, on_end)

    def _complete_many(self, requests: Sequence[Request], on_token: OnToken | None = None,
                       on_end: OnEnd | None = None) -> list[str]:
        """Decode the requests together in one llama.cpp batch; replies in request order.

        Each reply is what ``complete`` gives for its request alone (same chat template, stops,
        ``max_tokens`` and sampling; greedy replies may differ in late tokens where batched
        arithmetic rounds differently). If the batch cannot run (a prompt too long for the context,
        a llama.cpp failure), the requests run in turn through ``complete`` instead. A conversation
        that cannot fit the context even trimmed raises ModelError at once, as ``complete`` would.
        """
        if len(requests) <= 1:
            return in_turn(self, requests, on_token, on_end)
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
            return self._batch.generate(prepared, on_token, on_end)
        except (ValueError, RuntimeError) as exc:
            log.warning("batched decoding of %d requests failed (%s); running them in turn", len(requests), exc)
        return in_turn(self, requests, on_token, on_end)

    def close(self) -> None:
        """Free the batch context, then the model, then let the model thread end."""
        def free() -> None:
            if self._batch is not None:
                self._batch.close()
                self._batch = None
            self.llama.close()

        self.thread.run(free)
        self.thread.close()


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

    gpu_build = bool(llama_cpp.llama_supports_gpu_offload())
    if settings.gpu_layers not in (None, 0) and not gpu_build:
        log.warning(
            "TUTOR_GPU_LAYERS=%s but llama-cpp-python was built without GPU support; running on the CPU. "
            "scripts/setup.sh builds it with CUDA on a machine with an NVIDIA GPU and the CUDA toolkit "
            "(see docs/models.md).",
            settings.gpu_layers,
        )
    offload = plan_offload(settings, info, gpu_build)
    gpu_layers = offload.layers
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
    log.info("loading %s (%s) with llama.cpp on %d threads, n_gpu_layers %d", path, info.describe(), threads,
             gpu_layers)
    lines: list[str] = []
    thread = ModelThread()
    try:
        with _llama_log(lines):
            llama = thread.run(llama_cpp.Llama, **kwargs)  # loaded on the thread that will decode with it
    except (ValueError, RuntimeError, OSError) as exc:
        thread.close()
        raise ModelError(
            f"llama.cpp could not load {path} ({info.describe()}): {exc}. If the architecture is new, "
            "a newer llama-cpp-python may be needed; if the file was copied, check it with `tutor model check`"
        ) from exc
    model = LlamaCppModel(llama, info, thread)
    model.offload = offload
    found = _OFFLOADED.search("".join(lines))  # joined: llama.cpp may hand a line over in pieces
    if found:
        model.offloaded = (int(found[1]), int(found[2]))
        log.info("llama.cpp offloaded %s/%s layers to the GPU", *model.offloaded)
    return model
