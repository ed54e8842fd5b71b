"""The small protocol every language-model backend speaks: messages in, tokens out.

Backends live in their own modules and import their heavy library inside their
factory, so code that only talks to a :class:`ChatModel` (the agents, most
tests) never needs model weights or llama.cpp.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, runtime_checkable

from tutor.errors import ModelError

Role = Literal["system", "user", "assistant"]
ROLES: tuple[str, ...] = ("system", "user", "assistant")


@dataclass(frozen=True)
class ChatMessage:
    """One turn of a conversation."""

    role: Role
    content: str

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ModelError(f"unknown chat role {self.role!r}; use one of: {', '.join(ROLES)}")


@dataclass(frozen=True)
class GenerationParams:
    """How to generate a reply. ``temperature=0`` means greedy (deterministic)."""

    max_tokens: int = 512
    temperature: float = 0.7
    stop: tuple[str, ...] = ()
    seed: int | None = None
    top_p: float = 0.95

    def __post_init__(self) -> None:
        if self.max_tokens < 1:
            raise ModelError(f"max_tokens must be at least 1, not {self.max_tokens}")
        if self.temperature < 0:
            raise ModelError(f"temperature must be 0 or more, not {self.temperature}")
        # Accept a list for convenience but keep the dataclass hashable.
        object.__setattr__(self, "stop", tuple(self.stop))


Request = tuple[Sequence[ChatMessage], "GenerationParams | None"]
"""One request of a ``complete_many`` batch: the messages and how to generate the reply."""
OnToken = Callable[[int, str], "bool | None"]
"""``on_token(index, piece)`` of ``complete_many``: True stops request ``index``'s reply."""
OnEnd = Callable[[int, str], None]
"""``on_end(index, reply)`` of ``complete_many``: request ``index``'s reply has ended, whole (as it will be
returned), while the other requests of the batch may still be generating. A listener that learns from one reply
that it needs no more of the others stops them through ``on_token``."""


@runtime_checkable
class ChatModel(Protocol):
    """A chat model: the only thing the rest of the tutor knows about language models."""

    name: str
    """A short human-readable name (file name, server model)."""
    context_window: int
    """Tokens of context (prompt plus reply) the model was loaded with."""

    def stream(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> Iterator[str]:
        """Yield the reply piece by piece as the model produces it."""
        ...

    def complete(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> str:
        """The whole reply at once."""
        ...

    def complete_many(self, requests: Sequence[Request], on_token: OnToken | None = None,
                      on_end: OnEnd | None = None) -> list[str]:
        """The whole replies to several requests, in request order.

        Each request is ``(messages, params)`` and is answered as ``complete``
        would answer it alone (same stops, same ``max_tokens``). A backend that
        can decode several sequences together does so; others run them in turn.

        ``on_token(index, piece)``, if given, hears each request's reply as it is generated (``index`` is the
        request's place in ``requests``); returning True ends that request's reply there (the others go on).
        ``on_end(index, reply)``, if given, hears each reply as soon as it has ended. Both may be called from a
        worker thread.
        """
        ...


class StreamingChatModel:
    """Mixin giving ``complete`` for free from ``stream``, and ``complete_many`` from ``complete``."""

    decodes_batches: bool = False
    """True when ``complete_many`` costs much less than the same requests one after another (one
    llama.cpp batch, a server that batches concurrent requests); callers that may not need every
    reply of a batch (early stopping) generate one at a time otherwise."""

    def complete(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> str:
        return "".join(self.stream(messages, params))  # type: ignore[attr-defined]

    def complete_many(self, requests: Sequence[Request], on_token: OnToken | None = None,
                      on_end: OnEnd | None = None) -> list[str]:
        """Run the requests in turn through ``complete`` (backends that cannot batch)."""
        return in_turn(self, requests, on_token, on_end)


def in_turn(model: Any, requests: Sequence[Request], on_token: OnToken | None = None,
            on_end: OnEnd | None = None) -> list[str]:
    """The replies to ``requests`` one after another through ``model``'s ``complete`` (or ``stream``, when
    ``on_token`` listens), each told to ``on_end`` as it ends."""
    replies = []
    for i, (messages, params) in enumerate(requests):
        reply = (model.complete(messages, params) if on_token is None
                 else stream_into(model, i, messages, params, on_token))
        if on_end is not None:
            on_end(i, reply)
        replies.append(reply)
    return replies


def stream_into(model: Any, index: int, messages: Sequence[ChatMessage], params: GenerationParams | None,
                on_token: OnToken) -> str:
    """One request's reply through ``model.stream``, each piece told to ``on_token(index, piece)``, which may stop
    it (the reply is then what came so far)."""
    parts: list[str] = []
    pieces = model.stream(messages, params)
    try:
        for piece in pieces:
            parts.append(piece)
            if on_token(index, piece):
                break
    finally:
        close = getattr(pieces, "close", None)
        if close is not None:
            close()
    return "".join(parts)


def as_messages(messages: Sequence[ChatMessage | tuple[str, str] | dict]) -> list[ChatMessage]:
    """Accept ChatMessage, ``(role, content)`` pairs or ``{"role":..., "content":...}`` dicts."""
    out = []
    for m in messages:
        if isinstance(m, ChatMessage):
            out.append(m)
        elif isinstance(m, tuple):
            out.append(ChatMessage(*m))
        elif isinstance(m, dict):
            out.append(ChatMessage(m["role"], m["content"]))
        else:
            raise ModelError(f"cannot use {type(m).__name__} as a chat message")
    if not out:
        raise ModelError("no messages to answer")
    return out


def trim_history(
    messages: Sequence[ChatMessage], count_tokens: Callable[[ChatMessage], int], budget: int
) -> list[ChatMessage]:
    """Drop the oldest non-system turns until the prompt fits ``budget`` tokens.

    System messages and the last message are never dropped: the system prompt
    carries the tutor's rules, and the last message is what must be answered.
    Raises ModelError if even those do not fit.
    """
    messages = list(messages)
    costs = [count_tokens(m) for m in messages]
    if sum(costs) <= budget:
        return messages
    last = len(messages) - 1
    keep = [True] * len(messages)
    total = sum(costs)
    for i, m in enumerate(messages):
        if total <= budget:
            break
        if m.role == "system" or i == last:
            continue
        keep[i] = False
        total -= costs[i]
    if total > budget:
        raise ModelError(
            f"the prompt needs about {total} tokens (system prompt and last message alone) but only "
            f"{budget} fit the context window; shorten the message or raise TUTOR_CONTEXT_WINDOW"
        )
    return [m for m, k in zip(messages, keep) if k]



def cut_at_stops(pieces: Iterator[str], stops: Sequence[str]) -> Iterator[str]:
    """Pass text pieces through, ending before the first stop sequence.

    Text that might be the start of a stop sequence is held back until it is
    clear, so a stop sequence split over several pieces never leaks out.
    """
    if not stops:
        yield from pieces
        return
    longest = max(len(s) for s in stops)
    pending = ""
    for piece in pieces:
        pending += piece
        hits = [i for s in stops if (i := pending.find(s)) >= 0]
        if hits:
            if min(hits):
                yield pending[: min(hits)]
            return
        safe = len(pending) - (longest - 1)
        if safe > 0:
            yield pending[:safe]
            pending = pending[safe:]
    if pending:
        yield pending
