"""Any OpenAI-compatible chat server (vLLM, llama.cpp's server, Ollama) over HTTP.

This is how a school with one GPU server serves many students, so a dead or
stuck server must fail fast and clearly: connecting is retried a few times
with backoff, every read waits at most ``TUTOR_REQUEST_TIMEOUT`` seconds, and
each failure says which server and what to check.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

import httpx

from tutor.errors import ModelError
from tutor.llm.base import (
    ChatMessage,
    GenerationParams,
    OnEnd,
    OnToken,
    Request,
    StreamingChatModel,
    stream_into,
)
from tutor.settings import Settings

log = logging.getLogger(__name__)

RETRIES = 3
BACKOFF = 0.5  # seconds before the first retry; doubles each time


class OpenAIChatModel(StreamingChatModel):
    """Streams chat completions from ``{base_url}/chat/completions`` (server-sent events)."""

    decodes_batches = True
    """Concurrent requests are batched by the server (vLLM, llama-server with parallel slots)."""

    def __init__(
        self,
        base_url: str,
        model: str = "default",
        api_key: str = "",
        timeout: float = 60.0,
        context_window: int = 4096,
        retries: int = RETRIES,
        backoff: float = BACKOFF,
    ):
        self.base_url = base_url.rstrip("/")
        self.name = model
        self.context_window = context_window
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.client = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        )

    def _request(self, method: str, url: str, **kwargs) -> httpx.Response:
        """Send with retries on connection failures; the caller closes the (streamed) response."""
        delay = self.backoff
        for attempt in range(1, self.retries + 1):
            try:
                request = self.client.build_request(method, url, **kwargs)
                return self.client.send(request, stream=True)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError) as exc:
                if attempt == self.retries:
                    raise ModelError(
                        f"cannot reach the model server at {self.base_url} after {self.retries} tries ({exc}); "
                        "is it running, and is TUTOR_OPENAI_BASE_URL right?"
                    ) from exc
                log.warning("model server %s: %s; retrying in %.1f s", self.base_url, exc, delay)
                time.sleep(delay)
                delay *= 2
            except httpx.TimeoutException as exc:
                raise self._timeout_error(exc) from exc
        raise AssertionError("unreachable")

    def _timeout_error(self, exc: Exception) -> ModelError:
        return ModelError(
            f"the model server at {self.base_url} did not answer within {self.timeout:g} s "
            f"(TUTOR_REQUEST_TIMEOUT); it may be overloaded or stuck ({type(exc).__name__})"
        )

    def _check(self, response: httpx.Response) -> None:
        if response.status_code >= 400:
            body = response.read().decode("utf-8", errors="replace")[:300]
            response.close()
            hint = " (check TUTOR_OPENAI_API_KEY)" if response.status_code in (401, 403) else ""
            raise ModelError(f"the model server at {self.base_url} answered {response.status_code}{hint}: {body}")

    def stream(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> Iterator[str]:
        params = params or GenerationParams()
        body = {
            "model": self.name,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "max_tokens": params.max_tokens,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "stream": True,
        }
        if params.stop:
            body["stop"] = list(params.stop)
        if params.seed is not None:
            body["seed"] = params.seed
        response = self._request("POST", "/chat/completions", json=body)
        try:
            self._check(response)
            for line in response.iter_lines():
                if not line.startswith("data:"):
                    continue  # blank separators, comments and keep-alives
                data = line[5:].strip()
                if data == "[DONE]":
                    return
                try:
                    event = json.loads(data)
                except json.JSONDecodeError as exc:
                    raise ModelError(f"the model server at {self.base_url} sent a malformed event: {data[:200]!r}") from exc
                if "error" in event:
                    raise ModelError(f"the model server at {self.base_url} reported an error: {event['error']}")
                choices = event.get("choices") or [{}]
                text = (choices[0].get("delta") or {}).get("content")
                if text:
                    yield text
        except httpx.TimeoutException as exc:
            raise self._timeout_error(exc) from exc
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise ModelError(f"the model server at {self.base_url} dropped the connection mid-reply ({exc})") from exc
        finally:
            response.close()

    def complete_many(self, requests: Sequence[Request], on_token: OnToken | None = None,
                      on_end: OnEnd | None = None) -> list[str]:
        """Send the requests at once, one thread each, so the server can batch them; replies in request order.

        Each is an ordinary ``complete`` (same stops, ``max_tokens``, retries and timeouts), streamed when
        ``on_token`` listens; the first failure, in request order, is raised once all have ended.
        """
        def one(i: int, messages, params) -> str:
            reply = (self.complete(messages, params) if on_token is None
                     else stream_into(self, i, messages, params, on_token))
            if on_end is not None:
                on_end(i, reply)
            return reply

        if len(requests) <= 1:
            return [one(i, messages, params) for i, (messages, params) in enumerate(requests)]
        with ThreadPoolExecutor(max_workers=len(requests), thread_name_prefix="tutor-openai") as pool:
            futures = [pool.submit(one, i, messages, params) for i, (messages, params) in enumerate(requests)]
            return [f.result() for f in futures]

    def models(self) -> list[str]:
        """Model names the server offers (``GET /models``): a cheap health check."""
        response = self._request("GET", "/models")
        try:
            self._check(response)
            response.read()
            return [m.get("id", "?") for m in response.json().get("data", [])]
        except httpx.TimeoutException as exc:
            raise self._timeout_error(exc) from exc
        except ValueError as exc:
            raise ModelError(f"{self.base_url}/models did not return JSON; is this an OpenAI-compatible server?") from exc
        finally:
            response.close()

    def close(self) -> None:
        self.client.close()


def connect(settings: Settings) -> OpenAIChatModel:
    """A client for the server in the settings. Does not contact it yet (``models()`` does)."""
    if not settings.openai_base_url.startswith(("http://", "https://")):
        raise ModelError(
            f"TUTOR_OPENAI_BASE_URL={settings.openai_base_url!r} is not an http(s) URL, e.g. http://127.0.0.1:8080/v1"
        )
    return OpenAIChatModel(
        settings.openai_base_url,
        model=settings.openai_model,
        api_key=settings.openai_api_key,
        timeout=settings.request_timeout,
        context_window=settings.context_window,
    )
