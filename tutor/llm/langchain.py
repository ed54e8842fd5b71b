"""A LangChain chat model over the tutor's protocol, so LangGraph nodes can stream.

``TutorChatModel(model=ctx.llm)`` works with ``invoke``/``ainvoke`` and
``stream``/``astream``; async streaming runs the (blocking) backend on a worker
thread and hands tokens to the event loop one by one, so other sessions keep
running while a reply is generated.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

from langchain_core.callbacks import AsyncCallbackManagerForLLMRun, CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict

from tutor.errors import ModelError
from tutor.llm.base import ChatMessage, ChatModel, GenerationParams

_ROLES = {"system": "system", "human": "user", "ai": "assistant"}


def to_chat_messages(messages: Sequence[BaseMessage]) -> list[ChatMessage]:
    """LangChain messages to protocol messages (system, human and AI turns)."""
    out = []
    for m in messages:
        role = _ROLES.get(m.type) or (m.role if m.type == "chat" else None)
        if role not in ("system", "user", "assistant"):
            raise ModelError(f"cannot send a {m.type!r} message to the model; use system, human or AI messages")
        content = m.content if isinstance(m.content, str) else "".join(
            part if isinstance(part, str) else part.get("text", "") for part in m.content
        )
        out.append(ChatMessage(role, content))
    return out


class TutorChatModel(BaseChatModel):
    """LangChain ``BaseChatModel`` backed by any :class:`~tutor.llm.base.ChatModel`."""

    model: Any
    """The protocol model (usually ``ctx.llm``, the shared one)."""
    max_tokens: int = 512
    temperature: float = 0.7
    seed: int | None = None
    stop: list[str] | None = None

    model_config = ConfigDict(arbitrary_types_allowed=True)

    @property
    def _llm_type(self) -> str:
        return "tutor"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model": getattr(self.model, "name", "?"), "max_tokens": self.max_tokens, "temperature": self.temperature}

    def _params(self, stop: list[str] | None, kwargs: dict) -> GenerationParams:
        stops = tuple(stop or ()) + tuple(self.stop or ()) + tuple(kwargs.get("stop") or ())
        return GenerationParams(
            max_tokens=kwargs.get("max_tokens", self.max_tokens),
            temperature=kwargs.get("temperature", self.temperature),
            seed=kwargs.get("seed", self.seed),
            stop=stops,
        )

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = "".join(chunk.text for chunk in self._stream(messages, stop, run_manager, **kwargs))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        model: ChatModel = self.model
        for token in model.stream(to_chat_messages(messages), self._params(stop, kwargs)):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=token))
            if run_manager:
                run_manager.on_llm_new_token(token, chunk=chunk)
            yield chunk

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        parts = [chunk.text async for chunk in self._astream(messages, stop, run_manager, **kwargs)]
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content="".join(parts)))])

    async def _astream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: AsyncCallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> AsyncIterator[ChatGenerationChunk]:
        async for token in _tokens_in_thread(self.model, to_chat_messages(messages), self._params(stop, kwargs)):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=token))
            if run_manager:
                await run_manager.on_llm_new_token(token, chunk=chunk)
            yield chunk


_DONE = object()


async def _tokens_in_thread(model: ChatModel, messages: list[ChatMessage], params: GenerationParams) -> AsyncIterator[str]:
    """Drive ``model.stream`` on a worker thread; stop it (and free the model) if the consumer goes away."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue = asyncio.Queue()
    cancelled = threading.Event()

    def produce() -> None:
        stream = model.stream(messages, params)
        try:
            for token in stream:
                if cancelled.is_set():
                    break
                loop.call_soon_threadsafe(queue.put_nowait, token)
            loop.call_soon_threadsafe(queue.put_nowait, _DONE)
        except BaseException as exc:  # handed to the consumer, raised there
            loop.call_soon_threadsafe(queue.put_nowait, exc)
        finally:
            stream.close()  # releases the shared model's lock at once

    worker = threading.Thread(target=produce, name="tutor-llm-stream", daemon=True)
    worker.start()
    try:
        while True:
            item = await queue.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        cancelled.set()
