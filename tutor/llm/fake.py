"""A scripted chat model for tests: enqueue replies, then read what it was asked.

Never used by the app as a fallback: a tutor without a model must say so, not
answer with canned text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tutor.errors import ModelError
from tutor.llm.base import ChatMessage, GenerationParams, StreamingChatModel


@dataclass
class FakeCall:
    """One request the fake received."""

    messages: list[ChatMessage]
    params: GenerationParams


class FakeChatModel(StreamingChatModel):
    """Replies with what was enqueued, in order, streamed word by word.

    ``enqueue("text")`` queues a reply; a list of strings queues exact tokens;
    an exception instance is raised instead of replying. ``history`` records
    every call's messages and parameters.
    """

    def __init__(self, *replies: str | list[str] | BaseException, name: str = "fake", context_window: int = 4096):
        self.name = name
        self.context_window = context_window
        self.history: list[FakeCall] = []
        self._queue: list[str | list[str] | BaseException] = []
        self.enqueue(*replies)

    def enqueue(self, *replies: str | list[str] | BaseException) -> FakeChatModel:
        self._queue.extend(replies)
        return self

    @property
    def pending(self) -> int:
        return len(self._queue)

    def stream(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> Iterator[str]:
        params = params or GenerationParams()
        self.history.append(FakeCall(list(messages), params))
        if not self._queue:
            raise ModelError("FakeChatModel was asked for a reply but none is enqueued")
        reply = self._queue.pop(0)
        if isinstance(reply, BaseException):
            raise reply
        tokens = list(reply) if isinstance(reply, list) else re.findall(r"\s*\S+|\s+", reply)
        text = ""
        for token in tokens[: params.max_tokens]:
            text += token
            cut = min((i for s in params.stop if (i := text.find(s)) >= 0), default=-1)
            if cut >= 0:
                if cut > len(text) - len(token):
                    yield token[: cut - (len(text) - len(token))]
                return
            yield token
