"""One way for the agents to call the chat model, with optional token streaming.

The model runtime (``tutor.llm``) blocks while it generates, so generation runs
in a worker thread and tokens are handed back to the event loop one by one;
the graph keeps serving other work and the caller sees tokens as they come.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable
from typing import Any

from tutor.llm.base import GenerationParams, as_messages

_DONE = object()


def _stream_tokens(llm: Any, messages: list[dict[str, str]], params: GenerationParams) -> Iterable[str]:
    """Tokens from the model runtime's ``stream`` (``tutor.llm.ChatModel`` protocol)."""
    yield from llm.stream(as_messages(messages), params)


async def complete(
    llm: Any,
    messages: list[dict[str, str]],
    *,
    max_tokens: int = 400,
    temperature: float = 0.0,
    seed: int | None = 0,
    stop: list[str] | None = None,
    on_token: Callable[[str], None] | None = None,
    stop_when: Callable[[str], bool] | None = None,
) -> str:
    """The model's reply to ``messages``; each token also goes to ``on_token`` as it arrives.

    ``stop_when(text_so_far)`` returning True ends the generation there (a draft whose verdict can no longer
    change is not worth another token); the text so far is the reply.
    """
    params = GenerationParams(max_tokens=max_tokens, temperature=temperature, seed=seed, stop=tuple(stop or ()))
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Any] = asyncio.Queue()

    halt = threading.Event()

    def produce() -> None:
        tokens = _stream_tokens(llm, messages, params)
        try:
            for token in tokens:
                if halt.is_set():
                    break
                loop.call_soon_threadsafe(queue.put_nowait, token)
        except BaseException as exc:  # handed to the awaiting coroutine, which re-raises it
            loop.call_soon_threadsafe(queue.put_nowait, exc)
        finally:
            close = getattr(tokens, "close", None)
            if close is not None:
                close()  # a generator stops its generation here
            loop.call_soon_threadsafe(queue.put_nowait, _DONE)

    worker = loop.run_in_executor(None, produce)
    text = await _consume(queue, halt, on_token, stop_when)
    await worker
    return text


async def _consume(queue: asyncio.Queue[Any], halt: threading.Event, on_token: Callable[[str], None] | None,
                   stop_when: Callable[[str], bool] | None) -> str:
    """The text a worker thread puts on ``queue`` token by token until ``_DONE``, each token told to
    ``on_token``; ``halt`` is set once ``stop_when`` says the text so far is enough. A queued exception is
    raised once the worker is done."""
    parts: list[str] = []
    error: BaseException | None = None
    while True:
        item = await queue.get()
        if item is _DONE:
            break
        if isinstance(item, BaseException):
            error = item
            continue
        if halt.is_set():
            continue  # tokens already on their way when the generation was stopped
        parts.append(item)
        if on_token is not None and item:
            on_token(item)
        if stop_when is not None and await asyncio.to_thread(stop_when, "".join(parts)):
            halt.set()  # (asked off the event loop: a check may run SymPy, and the loop serves every student)
    if error is not None:
        raise error
    return "".join(parts)


async def complete_together(
    llm: Any,
    requests: list[tuple[list[dict[str, str]], GenerationParams]],
    *,
    watch: int,
    on_token: Callable[[str], None] | None = None,
    stop_when: Callable[[str], bool] | None = None,
) -> list[str]:
    """The replies to ``requests`` from one ``complete_many`` call (one llama.cpp batch, concurrent server
    requests), with request ``watch`` streamed to ``on_token`` and stopped by ``stop_when`` as ``complete`` does
    for a single reply; the other requests run to their own ends meanwhile."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Any] = asyncio.Queue()
    halt = threading.Event()

    def listen(index: int, piece: str) -> bool:
        if index != watch:
            return False
        if not halt.is_set():
            loop.call_soon_threadsafe(queue.put_nowait, piece)
        return halt.is_set()

    def produce() -> list[str]:
        try:
            return llm.complete_many([(as_messages(m), p) for m, p in requests], on_token=listen)
        except BaseException as exc:  # handed to the awaiting coroutine, which re-raises it
            loop.call_soon_threadsafe(queue.put_nowait, exc)
            return []
        finally:
            loop.call_soon_threadsafe(queue.put_nowait, _DONE)

    worker = loop.run_in_executor(None, produce)
    shown = await _consume(queue, halt, on_token, stop_when)
    replies = list(await worker)
    if shown:
        replies[watch] = shown  # what was shown and judged, up to where it was stopped
    elif replies[watch] and on_token is not None:
        on_token(replies[watch])  # a backend that did not stream it: shown whole
    return replies
