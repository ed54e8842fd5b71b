"""Several replies decoded together in one llama.cpp batch (``LlamaCppModel.complete_many``).

On a memory-bound CPU a decode step costs about the same for one sequence as
for four: the weights are read once either way. llama-cpp-python's high-level
``Llama`` only ever decodes sequence 0, so this module drives the low-level API
on a second context created from the same loaded weights (no second copy of
the model; only its own KV cache):

* each request's prompt is rendered and tokenized by llama-cpp-python's own
  chat handler (the one ``create_chat_completion`` uses, with ``chat_format=None``
  the template from the GGUF metadata), together with the stop strings and
  sampling settings that handler would pass on, so a batched reply is
  generated exactly as ``complete`` would generate it;
* the longest token prefix the prompts share is decoded once on sequence 0 and
  copied to the others (``llama_memory_seq_cp``); each sequence then decodes
  the rest of its prompt;
* the cache is kept between batches: a batch keeps what sequence 0 (and each
  other sequence, where it reaches past the shared prefix) still holds of its new
  prompt and decodes only what follows, so the re-solve's fixed instructions
  are decoded once per session, a second round of the same prompts only its
  last token (``on_prompt`` hears the prompt tokens and those decoded);
* generation runs all live sequences together, one ``llama_decode`` per step
  with one token per sequence, each with its own sampler chain (the same chain
  the high-level path builds: penalties, then greedy at temperature 0, else
  top-k, typical, top-p, min-p, temperature and a seeded draw), and each stops
  at an end-of-generation token, its ``max_tokens`` or its stop strings.

Anything this path cannot do raises :class:`BatchUnavailable` (or llama.cpp's
ValueError/RuntimeError); the caller then runs the requests in turn.
"""

from __future__ import annotations

import codecs
import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

MAX_SEQUENCES = 4
"""Sequences one batch holds; a longer list of requests is decoded four at a time. The batch context is made
for the batch's size (``n_seq_max``) and made again when a batch of another size comes."""
CTX_STEP = 256
"""Each sequence's room in the batch context grows in steps of this many tokens (a new context each time)."""


class BatchUnavailable(RuntimeError):
    """The batched path cannot serve these requests; run them in turn instead."""


class _Captured(Exception):
    def __init__(self, kwargs: dict[str, Any]):
        super().__init__("captured")
        self.kwargs = kwargs


class _CaptureLlama:
    """Stands in for the ``Llama`` a chat handler is given: tokenizes with the real one and, where
    the handler would start generating, hands back what it would generate from instead."""

    def __init__(self, llama):
        self._llama = llama

    def __getattr__(self, name):
        return getattr(self._llama, name)

    def create_completion(self, **kwargs):
        raise _Captured(kwargs)

    __call__ = create_completion


@dataclass
class Prepared:
    """One request as the high-level path would run it."""

    tokens: list[int]
    stops: list[bytes]
    max_tokens: int
    sampling: dict[str, Any]
    seed: int


@dataclass
class _Sequence:
    prepared: Prepared
    sampler: Any
    pos: int = 0
    out: list[int] = field(default_factory=list)
    text: bytes = b""
    cut: int | None = None
    done: bool = False
    pending: int | None = None
    """The token sampled for this sequence and not yet handled."""
    index: int = 0
    """The request's place in the list ``generate`` was given (what ``on_token`` hears)."""
    told: int = 0
    """Bytes of ``text`` already handed to ``on_token``."""
    decoder: Any = field(default_factory=lambda: codecs.getincrementaldecoder("utf-8")(errors="ignore"))


def _chat_defaults(cls) -> dict[str, Any]:
    """The sampling defaults ``Llama.create_chat_completion`` hands its chat handler (which has its own,
    different ones, e.g. repeat_penalty 1.1 instead of 1.0)."""
    import inspect

    wanted = ("top_k", "min_p", "typical_p", "repeat_penalty", "frequency_penalty", "presence_penalty",
              "tfs_z", "mirostat_mode", "mirostat_tau", "mirostat_eta")
    params = inspect.signature(cls.create_chat_completion).parameters
    return {k: params[k].default for k in wanted if k in params and params[k].default is not inspect.Parameter.empty}


def prepare(llama, messages: list[dict[str, str]], *, max_tokens: int, temperature: float, top_p: float,
            stop: list[str] | None, seed: int | None) -> Prepared:
    """Render, tokenize and read the sampling settings through llama-cpp-python's chat handler."""
    from llama_cpp import llama_chat_format

    handler = (
        llama.chat_handler
        or llama._chat_handlers.get(llama.chat_format)
        or llama_chat_format.get_chat_completion_handler(llama.chat_format)
    )
    try:
        handler(llama=_CaptureLlama(llama), messages=messages, max_tokens=max_tokens, temperature=temperature,
                top_p=top_p, stop=stop, seed=seed, stream=True, **_chat_defaults(type(llama)))
    except _Captured as captured:
        kw = captured.kwargs
    else:
        raise BatchUnavailable(f"chat format {llama.chat_format!r} does not go through create_completion")
    for unsupported in ("grammar", "logits_processor", "logit_bias"):
        if kw.get(unsupported):
            raise BatchUnavailable(f"the chat handler asks for {unsupported}, which the batch does not support")
    if kw.get("mirostat_mode"):
        raise BatchUnavailable("mirostat sampling is not supported in a batch")
    prompt = kw["prompt"]
    if isinstance(prompt, (str, bytes)):
        prompt = llama.tokenize(prompt.encode("utf-8") if isinstance(prompt, str) else prompt, add_bos=True,
                                special=True)
    tokens = list(prompt)
    n_ctx = llama.n_ctx()
    if not tokens:
        raise BatchUnavailable("empty prompt")
    if len(tokens) >= n_ctx:
        # The same limit (and message) the high-level path has; the caller's fallback reports it.
        raise ValueError(f"Requested tokens ({len(tokens)}) exceed context window of {n_ctx}")
    limit = kw.get("max_tokens")
    if limit is None or limit <= 0:
        limit = n_ctx - len(tokens)
    limit = limit if limit + len(tokens) < n_ctx else n_ctx - len(tokens)  # as Llama._create_completion
    stops = kw.get("stop") or []
    stops = [stops] if isinstance(stops, str) else list(stops)
    seed = kw.get("seed")
    if seed is None:
        seed = random.randint(0, 2**32 - 1)
    sampling = {k: kw.get(k, d) for k, d in (
        ("temperature", 0.8), ("top_p", 0.95), ("top_k", 40), ("min_p", 0.05), ("typical_p", 1.0),
        ("repeat_penalty", 1.0), ("frequency_penalty", 0.0), ("presence_penalty", 0.0))}
    return Prepared(tokens, [s.encode("utf-8") for s in stops if s], limit, sampling, seed)


def _sampler(llama, p: Prepared):
    """The sampler chain ``Llama._init_sampler`` builds for the same settings."""
    from llama_cpp import _internals

    s = p.sampling
    sampler = _internals.LlamaSampler()
    sampler.add_penalties(
        n_vocab=llama.n_vocab(), penalty_last_n=llama.last_n_tokens_size, penalty_repeat=s["repeat_penalty"],
        penalty_freq=s["frequency_penalty"], penalty_present=s["presence_penalty"],
    )
    temp = s["temperature"]
    if temp < 0:
        sampler.add_dist(p.seed)
    elif temp == 0:
        sampler.add_greedy()
    else:
        sampler.add_top_k(s["top_k"])
        sampler.add_typical(s["typical_p"], 1)
        sampler.add_top_p(s["top_p"], 1)
        sampler.add_min_p(s["min_p"], 1)
        sampler.add_temp(temp)
        sampler.add_dist(p.seed)
    return sampler


def _common_prefix(token_lists: Sequence[list[int]]) -> int:
    first = token_lists[0]
    n = min(len(t) for t in token_lists)
    for i in range(n):
        if any(t[i] != first[i] for t in token_lists[1:]):
            return i
    return n


def _reply(seq: "_Sequence") -> str:
    """A sequence's reply as ``complete_many`` returns it: its text up to the first stop string."""
    raw = seq.text if seq.cut is None else seq.text[: seq.cut]
    return raw.decode("utf-8", errors="ignore")


class BatchDecoder:
    """A second llama.cpp context on the weights of a loaded ``Llama``, for batches of sequences.

    Created lazily (the first batch) and grown when a batch needs more room;
    ``close`` frees it. Not thread-safe: the caller serialises (``SerializedChatModel``).
    """

    def __init__(self, llama, on_prompt=None):
        self.llama = llama
        self.on_prompt = on_prompt
        """Called after each batch's prompts are decoded with (prompt tokens, tokens actually decoded)."""
        self.on_token = self.on_end = None  # the listeners of the batch being generated (``generate``)
        self.held: list[list[int]] = []
        """The tokens each sequence's KV cells hold (positions 0, 1, …), kept between batches."""
        self.ctx = None
        self.batch = None
        self.n_seq = 0
        self.n_ctx_seq = 0
        self.n_batch = max(1, int(llama.n_batch))

    def _ensure(self, per_sequence: int, n_seq: int) -> None:
        """A context with ``n_seq`` sequences of at least ``per_sequence`` cells each."""
        import llama_cpp
        from llama_cpp import _internals

        if self.ctx is not None and self.n_seq >= n_seq and self.n_ctx_seq >= per_sequence:
            return
        # Never fewer sequences than before: a draft batched with a round of programs (three) and the rounds
        # that follow (two) share one context, and with it what each sequence's cache holds.
        n_seq = max(n_seq, self.n_seq)
        self._free_ctx()
        per_sequence = max(per_sequence, self.n_ctx_seq)
        per_sequence = -(-per_sequence // CTX_STEP) * CTX_STEP
        params = llama_cpp.llama_context_params.from_buffer_copy(self.llama.context_params)  # same threads, types
        params.n_ctx = per_sequence * n_seq
        params.n_seq_max = n_seq
        # One KV stream per sequence (the prefix is copied, not shared): with a unified cache the same
        # prompt decoded in two sequences gave different logits from one decoded alone (llama.cpp
        # 0.3.36 CPU), so greedy batched replies drifted from ``complete``'s; separate streams match.
        params.kv_unified = False
        params.n_batch = self.n_batch
        params.n_ubatch = min(self.n_batch, int(self.llama.context_params.n_ubatch) or self.n_batch)
        self.ctx = _internals.LlamaContext(model=self.llama._model, params=params, verbose=False)
        self.n_seq = n_seq
        self.held = [[] for _ in range(n_seq)]
        self.n_ctx_seq = self.ctx.n_ctx() // n_seq
        if self.batch is None:
            self.batch = _internals.LlamaBatch(n_tokens=self.n_batch, embd=0, n_seq_max=MAX_SEQUENCES, verbose=False)
        log.info("batch context: %d sequences of %d tokens", n_seq, self.n_ctx_seq)

    def _free_ctx(self) -> None:
        if self.ctx is not None:
            self.ctx.close()
            self.ctx = None
        self.held = []

    def forget(self) -> None:
        """Empty the batch context's cache: the next batch decodes its prompts whole."""
        import llama_cpp

        if self.ctx is not None:
            llama_cpp.llama_memory_clear(self.ctx.memory, True)
        self.held = [[] for _ in range(self.n_seq)]

    def close(self) -> None:
        self._free_ctx()
        if self.batch is not None:
            self.batch.close()
            self.batch = None

    def generate(self, prepared: Sequence[Prepared], on_token: Any = None, on_end: Any = None) -> list[str]:
        """The replies, in order. ``on_token(index, piece)`` (``ChatModel.complete_many``) hears each reply's
        text as it is generated, never a piece a stop string later cuts off; True ends that reply there.
        ``on_end(index, reply)`` hears each reply whole as soon as it has ended."""
        out: list[str] = []
        self.on_token, self.on_end = on_token, on_end
        try:
            for start in range(0, len(prepared), MAX_SEQUENCES):
                out.extend(self._generate(prepared[start:start + MAX_SEQUENCES], start))
        finally:
            self.on_token = self.on_end = None
        return out

    # -- one batch of at most MAX_SEQUENCES -----------------------------------------------------

    def _decode(self, items: list[tuple[int, int, int, bool]]) -> None:
        """Decode (token, position, sequence, wants logits) items in one llama_decode call."""
        import llama_cpp

        b = self.batch.batch
        for i, (token, pos, seq, logits) in enumerate(items):
            b.token[i] = token
            b.pos[i] = pos
            b.n_seq_id[i] = 1
            b.seq_id[i][0] = seq
            b.logits[i] = logits
        b.n_tokens = len(items)
        rc = llama_cpp.llama_decode(self.ctx.ctx, b)
        if rc != 0:
            raise RuntimeError(f"llama_decode returned {rc}")

    def _generate(self, prepared: Sequence[Prepared], offset: int = 0) -> list[str]:
        import llama_cpp

        n = len(prepared)
        prompts = [p.tokens for p in prepared]
        shared = _common_prefix(prompts) if n > 1 else len(prompts[0])
        # Sequences whose whole prompt is the shared prefix start from the prefix's last logits, so a
        # prompt asked several times is decoded once, in one piece, as ``complete`` decodes it.
        whole = [s for s, t in enumerate(prompts) if len(t) == shared]
        self._ensure(max(len(p.tokens) + p.max_tokens for p in prepared) + 1, n)
        mem = self.ctx.memory
        seqs = [_Sequence(p, _sampler(self.llama, p), index=offset + i) for i, p in enumerate(prepared)]
        evaluated = 0
        try:
            # What the cache still holds from the last batch is kept where it is a prefix of the new prompt:
            # sequence 0's longest common prefix with its prompt (short of the shared prefix's last token
            # when a sequence samples from it, else of its prompt's last token: the first sample needs
            # that token's logits, so it is decoded again), and each other sequence's own, where that
            # reaches past the shared prefix; the others get the shared prefix copied from sequence 0.
            limit0 = shared - 1 if whole else len(prompts[0]) - 1
            keep = [min(_common_prefix([self.held[s], prompts[s]]), limit0 if s == 0 else len(prompts[s]) - 1)
                    for s in range(n)]
            own = [s == 0 or keep[s] >= shared for s in range(n)]
            for s in range(n):
                if own[s] and not llama_cpp.llama_memory_seq_rm(mem, s, keep[s], -1):
                    llama_cpp.llama_memory_clear(mem, True)
                    keep, own = [0] * n, [s == 0 for s in range(n)]
                    break
            for s in range(n):
                self.held[s] = list(prompts[s][:keep[s]]) if own[s] else []
            # The shared prefix (what sequence 0 lacks of it), on sequence 0, then copied to the others.
            for start in range(keep[0], shared, self.n_batch):
                chunk = prompts[0][start:min(shared, start + self.n_batch)]
                last = start + len(chunk) == shared
                items = [(t, start + i, 0, last and bool(whole) and i == len(chunk) - 1) for i, t in enumerate(chunk)]
                self._decode_and_sample(items, [(s, len(items) - 1) for s in whole] if last else [], seqs)
                evaluated += len(chunk)
            self.held[0] = list(prompts[0][:max(keep[0], shared)])
            for s in range(1, n):
                if own[s]:
                    continue
                llama_cpp.llama_memory_seq_rm(mem, s, -1, -1)
                if shared:
                    # Separate KV streams copy whole (llama.cpp asserts on a partial cross-stream copy):
                    # copy all of sequence 0, then drop what follows the shared prefix.
                    llama_cpp.llama_memory_seq_cp(mem, 0, s, -1, -1)
                    if len(self.held[0]) > shared:
                        llama_cpp.llama_memory_seq_rm(mem, s, shared, -1)
                keep[s] = shared
            # The rest of each prompt, packed into batches of n_batch; each sequence samples its first
            # token right after the decode that holds its last prompt token (its logits live until the next).
            items: list[tuple[int, int, int, bool]] = []
            owners: list[tuple[int, int]] = []  # (sequence, index in items) of the logits rows
            for s, seq in enumerate(seqs):
                begin = max(keep[s], shared)
                rest = seq.prepared.tokens[begin:]
                for i, t in enumerate(rest):
                    last = i == len(rest) - 1
                    if last:
                        owners.append((s, len(items)))
                    items.append((t, begin + i, s, last))
                    if len(items) == self.n_batch:
                        self._decode_and_sample(items, owners, seqs)
                        evaluated += len(items)
                        items, owners = [], []
                seq.pos = len(seq.prepared.tokens)
                self.held[s] = list(seq.prepared.tokens)
            if items:
                self._decode_and_sample(items, owners, seqs)
                evaluated += len(items)
            if self.on_prompt is not None:
                self.on_prompt(sum(len(t) for t in prompts), evaluated)
            # Generation: one token per live sequence per step.
            while True:
                step: list[tuple[int, int, int, bool]] = []
                owners = []
                for s, seq in enumerate(seqs):
                    if seq.done or seq.pending is None:
                        continue
                    token, seq.pending = seq.pending, None
                    if not self._accept(seq, token):
                        continue
                    owners.append((s, len(step)))
                    step.append((token, seq.pos, s, True))
                    self.held[s].append(token)
                    seq.pos += 1
                if not step:
                    break
                self._decode_and_sample(step, owners, seqs)
        except BaseException:
            # What the cache holds is no longer known: start the next batch from nothing.
            self.forget()
            raise
        finally:
            for seq in seqs:
                seq.sampler.close()
        return [_reply(seq) for seq in seqs]

    def _decode_and_sample(self, items, owners, seqs) -> None:
        import llama_cpp

        self._decode(items)
        for s, index in owners:
            seqs[s].pending = llama_cpp.llama_sampler_sample(seqs[s].sampler.sampler, self.ctx.ctx, index)

    def _accept(self, seq: _Sequence, token: int) -> bool:
        """Take a sampled token; False when the sequence has ended (the token is not decoded)."""
        import llama_cpp

        if llama_cpp.llama_vocab_is_eog(self.llama._model.vocab, token):
            return self._end(seq)
        seq.out.append(token)
        seq.text += self.llama._model.detokenize([token], special=False)  # as the high-level path renders it
        stops = seq.prepared.stops
        if stops:
            hits = [i for s in stops if (i := seq.text.find(s)) >= 0]
            if hits:
                seq.cut = min(hits)
                return self._end(seq)
        if len(seq.out) >= seq.prepared.max_tokens:
            return self._end(seq)
        if self._tell(seq):
            return self._end(seq, told=True)  # the listener has what it needs: this reply ends here
        return True

    def _end(self, seq: _Sequence, told: bool = False) -> bool:
        """End ``seq``: its last text to ``on_token`` (unless it was just told), then the whole reply to
        ``on_end``. False, for ``_accept``."""
        seq.done = True
        if not told:
            self._tell(seq)
        listener = getattr(self, "on_end", None)
        if listener is not None:
            listener(seq.index, _reply(seq))
        return False

    def _tell(self, seq: _Sequence) -> bool:
        """Hand ``on_token`` what the sequence has added since it was last told; True: stop the sequence.

        Until the sequence ends, text that could be the start of a stop string is held back."""
        listener = getattr(self, "on_token", None)
        if listener is None:
            return False
        visible = seq.text if seq.cut is None else seq.text[: seq.cut]
        if not seq.done and seq.prepared.stops:
            hold = max((k for stop in seq.prepared.stops for k in range(1, len(stop))
                        if visible.endswith(stop[:k])), default=0)
            visible = visible[: len(visible) - hold]
        if len(visible) <= seq.told:
            return False
        piece = seq.decoder.decode(visible[seq.told:], final=seq.done)
        seq.told = len(visible)
        return bool(listener(seq.index, piece)) if piece else False
