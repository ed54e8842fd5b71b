"""The openai backend: a refusing, a hanging and a failing server, then a real llama.cpp server."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from tutor.errors import ModelError
from tutor.llm import ChatMessage, GenerationParams, load_model
from tutor.llm.openai import OpenAIChatModel
from tutor.llm.langchain import TutorChatModel

from tests.support import require_module

Q = [ChatMessage("user", "What is 2 + 3?")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TinyServer:
    """A loopback TCP server that answers each connection with ``handler(conn)`` (or never answers)."""

    def __init__(self, handler):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.handler = handler
        self.conns: list[socket.socket] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def _serve(self):
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.conns.append(conn)
            self.handler(conn)

    def close(self):
        self.stopped.set()
        self.thread.join(2)
        for c in self.conns:
            c.close()
        self.sock.close()


@pytest.fixture
def serve():
    servers = []

    def start(handler):
        servers.append(TinyServer(handler))
        return servers[-1]

    yield start
    for s in servers:
        s.close()


def read_request(conn: socket.socket) -> tuple[str, bytes]:
    """Read one HTTP request: (head, body), however the client split it into packets."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return "", b""
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    length = next(
        (int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")), 0
    )
    while len(body) < length and (chunk := conn.recv(65536)):
        body += chunk
    return head.decode(), body


def reply(status: str, body: bytes, content_type: str = "application/json"):
    def handler(conn):
        read_request(conn)
        head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        conn.sendall(head.encode() + body)
        conn.close()

    return handler


def test_refused_connection_retries_then_says_what_to_check():
    model = OpenAIChatModel(f"http://127.0.0.1:{free_port()}/v1", timeout=2, retries=3, backoff=0.05)
    started = time.monotonic()
    with pytest.raises(ModelError, match="cannot reach the model server .* after 3 tries.*TUTOR_OPENAI_BASE_URL"):
        model.complete(Q)
    assert time.monotonic() - started < 15  # generous: the machine may be busy


def test_hanging_server_times_out(serve):
    server = serve(lambda conn: None)  # accepts, reads nothing, never answers
    model = OpenAIChatModel(server.url, timeout=1.0, retries=2, backoff=0.05)
    started = time.monotonic()
    with pytest.raises(ModelError, match=r"did not answer within 1 s.*TUTOR_REQUEST_TIMEOUT"):
        model.complete(Q)
    assert time.monotonic() - started < 15


def test_server_that_stalls_mid_reply_times_out(serve):
    def handler(conn):
        read_request(conn)
        event = json.dumps({"choices": [{"delta": {"content": "Five"}}]})
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
            + f"{len(event) + 8:x}\r\ndata: {event}\n\n\r\n".encode()
        )  # then silence

    model = OpenAIChatModel(serve(handler).url, timeout=3.0)
    tokens = []
    with pytest.raises(ModelError, match="did not answer within"):
        for token in model.stream(Q):
            tokens.append(token)
    assert tokens == ["Five"]


def test_server_error_status_is_reported(serve):
    server = serve(reply("500 Internal Server Error", b'{"error": "model not loaded"}'))
    with pytest.raises(ModelError, match="answered 500.*model not loaded"):
        OpenAIChatModel(server.url, timeout=20).complete(Q)


def test_unauthorised_mentions_the_api_key(serve):
    server = serve(reply("401 Unauthorized", b'{"error": "bad key"}'))
    with pytest.raises(ModelError, match="TUTOR_OPENAI_API_KEY"):
        OpenAIChatModel(server.url, timeout=20).complete(Q)


def test_streams_server_sent_events_and_sends_params(serve):
    seen = {}

    def handler(conn):
        head, body = read_request(conn)
        seen["body"] = json.loads(body)
        seen["auth"] = [line for line in head.split("\r\n") if line.lower().startswith("authorization")]
        events = "".join(
            f"data: {json.dumps({'choices': [{'delta': {'content': t}}]})}\n\n" for t in ["2 + 3", " = ", "5"]
        ) + ": keep-alive\n\ndata: [DONE]\n\n"
        body = events.encode()
        conn.sendall(
            f"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
        )
        conn.close()

    model = OpenAIChatModel(serve(handler).url, model="tutor-model", api_key="sekret", timeout=20)
    tokens = list(model.stream(Q, GenerationParams(max_tokens=9, temperature=0, stop=("\n",), seed=4)))
    assert tokens == ["2 + 3", " = ", "5"]
    body = seen["body"]
    assert (body["model"], body["max_tokens"], body["temperature"], body["stop"], body["seed"], body["stream"]) == (
        "tutor-model", 9, 0, ["\n"], 4, True,
    )
    assert [a.lower() for a in seen["auth"]] == ["authorization: bearer sekret"]


def test_bad_base_url_is_refused(settings):
    with pytest.raises(ModelError, match="TUTOR_OPENAI_BASE_URL"):
        load_model(settings.replace(model_backend="openai", openai_base_url="localhost:8080"))


# A real OpenAI-compatible server: llama-cpp-python's, serving SmolLM2 on loopback.


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory):
    require_module("llama_cpp.server")
    from tutor.llm.catalog import SMALL
    from tutor.llm.install import package_sources

    model = package_sources(SMALL, install=False)[0]
    port = free_port()
    # The server logs a lot while loading: to a file, since a full pipe would block it.
    log = (tmp_path_factory.mktemp("server") / "server.log").open("w+b")
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1", "--port", str(port),
         "--n_ctx", "2048", "--model_alias", "smollm2"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 300
    try:
        while True:
            if proc.poll() is not None:
                log.seek(0)
                pytest.fail(f"llama_cpp.server exited: {log.read().decode(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("llama_cpp.server did not start within 300 s")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


@pytest.mark.server
@pytest.mark.real_model
def test_openai_backend_against_a_real_llama_cpp_server(llama_server, settings):
    model = load_model(settings.replace(model_backend="openai", openai_base_url=llama_server, openai_model="smollm2",
                                        request_timeout=60))
    assert "smollm2" in model.models()
    tokens = list(model.stream(Q, GenerationParams(max_tokens=24, temperature=0, seed=1)))
    assert len(tokens) > 1 and "".join(tokens).strip()


@pytest.mark.server
@pytest.mark.real_model
@pytest.mark.asyncio
async def test_langchain_astream_through_a_real_server(llama_server):
    chat = TutorChatModel(model=OpenAIChatModel(llama_server, model="smollm2", timeout=60), max_tokens=16,
                          temperature=0)
    chunks = [c.content async for c in chat.astream("Say hello.")]
    assert len([c for c in chunks if c]) > 1
