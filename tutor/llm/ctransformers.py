"""Legacy backend: llama-family GGML / GGUF files through ``ctransformers`` (extra ``legacy``).

ctransformers (last release 2023) crashes the whole process on files it does
not understand, so every file is checked first from its own header: only the
llama architecture with a SentencePiece vocabulary and tensor types its ggml
knows get through. Everything else gets a ModelError naming the fix
(usually: the default ``llama_cpp`` backend).
"""

from __future__ import annotations

import codecs
import logging
from collections.abc import Iterator, Sequence
from ctypes import c_int
from pathlib import Path

from tutor.errors import ModelError
from tutor.llm.base import ChatMessage, GenerationParams, StreamingChatModel, cut_at_stops
from tutor.llm.gguf_info import ModelFileInfo, read_model_info
from tutor.settings import Settings

log = logging.getLogger(__name__)

SUPPORTED_ARCHITECTURES = ("llama",)
SUPPORTED_TOKENIZERS = ("llama",)  # SentencePiece; "gpt2" (byte-level BPE) crashes ctransformers
# Tensor types of the ggml bundled with ctransformers 0.2.27 (newer i-quants and BF16 are unknown to it).
SUPPORTED_TENSOR_TYPES = frozenset(
    {"F32", "F16", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q8_1", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "Q8_K"}
)
USE_LLAMA_CPP = "use the default backend instead (TUTOR_MODEL_BACKEND=llama_cpp)"


def check_supported(info: ModelFileInfo) -> None:
    """Refuse a file ctransformers would fail or crash on, before it is handed the file."""
    if info.format != "gguf":
        return  # legacy GGML: no metadata to check; loaded as llama
    if info.architecture not in SUPPORTED_ARCHITECTURES:
        raise ModelError(
            f"{info.path.name} is a {info.architecture!r} model; the ctransformers backend only reads "
            f"{', '.join(SUPPORTED_ARCHITECTURES)}-architecture files: {USE_LLAMA_CPP}"
        )
    if info.tokenizer_model not in SUPPORTED_TOKENIZERS:
        raise ModelError(
            f"{info.path.name} has a {info.tokenizer_model!r} (BPE) vocabulary, which crashes ctransformers; "
            f"it needs a SentencePiece ('llama') vocabulary: {USE_LLAMA_CPP}"
        )
    unknown = sorted(info.tensor_types - SUPPORTED_TENSOR_TYPES)
    if unknown:
        raise ModelError(
            f"{info.path.name} (GGUF v{info.version}) uses tensor types {', '.join(unknown)}, newer than "
            f"ctransformers can read: {USE_LLAMA_CPP}"
        )


class CTransformersModel(StreamingChatModel):
    """A legacy llama-family model loaded by ctransformers."""

    def __init__(self, llm, info: ModelFileInfo, threads: int | None = None):
        self.llm = llm
        self.info = info
        self.name = info.path.name
        self.context_window = llm.context_length
        self.threads = threads

    def tokenize(self, text: str) -> list[int]:
        # ctransformers' own tokenize() sizes its buffer by characters, so text whose bytes fall
        # back to byte tokens (non-ASCII) overflows it and corrupts memory; size it by bytes.
        data = text.encode("utf-8")
        buf = (c_int * (len(data) + 2))()
        n = self.llm.ctransformers_llm_tokenize(data, True, buf)
        return list(buf[:n])

    def prompt(self, messages: Sequence[ChatMessage]) -> str:
        return render_prompt(self.info.chat_template, messages)

    def stream(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> Iterator[str]:
        params = params or GenerationParams()
        tokens = self.tokenize(self.prompt(messages))
        room = self.context_window - len(tokens)
        if room < 1:
            raise ModelError(
                f"the prompt is {len(tokens)} tokens but the model's context window is {self.context_window}; "
                "shorten it or raise TUTOR_CONTEXT_WINDOW"
            )
        yield from cut_at_stops(self._pieces(tokens, min(params.max_tokens, room), params), params.stop)

    def _pieces(self, tokens: list[int], limit: int, params: GenerationParams) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        generated = self.llm.generate(
            tokens,
            temperature=params.temperature if params.temperature > 0 else 1e-6,
            top_k=1 if params.temperature == 0 else 40,
            top_p=params.top_p,
            seed=params.seed if params.seed is not None else -1,
            threads=self.threads or -1,
            reset=True,
        )
        for count, token in enumerate(generated, start=1):
            text = decoder.decode(self.llm.detokenize([token], decode=False))
            if text:
                yield text
            if count >= limit:
                break
        tail = decoder.decode(b"", final=True)
        if tail:
            yield tail


def render_prompt(template: str | None, messages: Sequence[ChatMessage]) -> str:
    """The prompt text for ``messages``: the file's own chat template if it has one, else a plain layout."""
    plain = [{"role": m.role, "content": m.content} for m in messages]
    if template:
        try:
            from jinja2.sandbox import ImmutableSandboxedEnvironment

            env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
            # BOS is added by the tokenizer, so the template must not add it again.
            return env.from_string(template).render(
                messages=plain, add_generation_prompt=True, bos_token="", eos_token="</s>"
            )
        except Exception as exc:  # a template we cannot render falls back to the plain layout
            log.warning("cannot render the model's chat template (%s); using a plain prompt", exc)
    lines = [f"{m.role.capitalize()}: {m.content}" for m in messages]
    return "\n".join(lines) + "\nAssistant:"


def load(settings: Settings, path: Path) -> CTransformersModel:
    """Check the file, then load it with ctransformers (on the CPU if CUDA is missing)."""
    info = read_model_info(path)
    check_supported(info)
    try:
        from ctransformers import AutoModelForCausalLM
    except ImportError:
        raise ModelError(
            "the ctransformers backend needs the legacy extra: `pip install -e '.[legacy]'`"
        ) from None
    n_ctx = settings.context_window
    if info.trained_context and n_ctx > info.trained_context:
        n_ctx = info.trained_context
    kwargs = dict(model_type="llama", context_length=n_ctx, threads=settings.threads or -1)

    def create(gpu_layers: int):
        return AutoModelForCausalLM.from_pretrained(str(path), gpu_layers=gpu_layers, **kwargs)

    # TUTOR_GPU_LAYERS auto (None) means the CPU here: ctransformers cannot say whether it has CUDA.
    wanted = settings.gpu_layers if settings.gpu_layers is not None and settings.gpu_layers > 0 else 0
    try:
        try:
            llm = create(wanted)
        except OSError as exc:
            if wanted == 0 or "cuda" not in str(exc).lower():
                raise
            log.warning(
                "TUTOR_GPU_LAYERS=%s but CUDA is not available to ctransformers (%s); running on the CPU",
                settings.gpu_layers, exc,
            )
            llm = create(0)
    except (OSError, RuntimeError, ValueError) as exc:
        raise ModelError(f"ctransformers could not load {path} ({info.describe()}): {exc}") from exc
    return CTransformersModel(llm, info, settings.threads)
