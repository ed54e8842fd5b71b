"""The model runs on one thread per physical core, not llama-cpp-python's cpu_count() // 2."""

from __future__ import annotations

import sys
import types

from tutor.llm import threads

HYPERTHREADED = "".join(
    f"processor\t: {i}\nphysical id\t: 0\ncore id\t\t: {i % 2}\n\n" for i in range(4)
)  # 2 cores, 2 threads each
TWO_SOCKETS = "".join(f"processor\t: {i}\nphysical id\t: {i // 2}\ncore id\t\t: {i % 2}\n\n" for i in range(4))


def test_physical_cores_count_cores_not_hyperthreads():
    assert threads.physical_cores(HYPERTHREADED) == 2
    assert threads.physical_cores(TWO_SOCKETS) == 4
    assert threads.physical_cores("processor : 0\n") is None  # no core ids: unknown


def test_default_threads_are_the_cores_this_process_may_use(monkeypatch):
    monkeypatch.setattr(threads, "physical_cores", lambda: 8)
    monkeypatch.setattr(threads, "allowed_cpus", lambda: 2)
    assert threads.default_threads() == 2  # a container limited to 2 CPUs on an 8-core host
    monkeypatch.setattr(threads, "allowed_cpus", lambda: 16)
    assert threads.default_threads() == 8  # 16 hyper-threads on 8 cores
    monkeypatch.setattr(threads, "physical_cores", lambda: None)
    assert threads.default_threads() == 16


def test_llama_cpp_is_loaded_with_the_default_threads_and_the_setting_overrides(monkeypatch, tmp_path, settings):
    """Regression: left to llama-cpp-python, two cores generated on one thread (9.4 vs 15.9 tokens/s)."""
    from dataclasses import replace

    from tutor.llm import llama_cpp as backend

    seen: list[dict] = []

    class FakeLlama:
        def __init__(self, **kwargs):
            seen.append(kwargs)

    fake = types.SimpleNamespace(Llama=FakeLlama, llama_supports_gpu_offload=lambda: False)
    monkeypatch.setitem(sys.modules, "llama_cpp", fake)
    info = types.SimpleNamespace(format="gguf", version=3, trained_context=0, block_count=2, describe=lambda: "fake")
    monkeypatch.setattr(backend, "read_model_info", lambda _path: info)
    monkeypatch.setattr(backend, "LlamaCppModel", lambda llama, info, thread: llama)
    monkeypatch.setattr(backend, "default_threads", lambda: 6)
    backend.load(settings, tmp_path / "m.gguf")
    backend.load(replace(settings, threads=3), tmp_path / "m.gguf")
    assert (seen[0]["n_threads"], seen[0]["n_threads_batch"]) == (6, 6)
    assert (seen[1]["n_threads"], seen[1]["n_threads_batch"]) == (3, 3)


class _RecordingLlama:
    """Just enough of ``llama_cpp.Llama`` for ``LlamaCppModel``: records the thread of every call."""

    def __init__(self, gate=None):
        self.threads: list[tuple[str, int]] = []
        self.n_tokens = 0
        self.gate = gate  # when set: each piece after the first waits for it, as a model takes time per token

    def _seen(self, what: str) -> None:
        import threading

        self.threads.append((what, threading.get_ident()))

    def n_ctx(self) -> int:
        return 512

    def eval(self, tokens) -> None:
        self._seen("eval")

    def tokenize(self, data: bytes, add_bos: bool = False, special: bool = False) -> list[int]:
        return list(range(len(data.split())))

    def reset(self) -> None:
        self._seen("reset")

    def create_chat_completion(self, messages, max_tokens, stream, **_kw):
        self._seen("create")
        if "too long" in messages[-1]["content"]:
            raise ValueError("Requested tokens (900) exceed context window of 512")

        def chunks():
            for i, word in enumerate(("one ", "two ", "three ", "four ")):
                if i and self.gate is not None:
                    assert self.gate.wait(10)
                self._seen("token")
                yield {"choices": [{"delta": {"content": word}}]}

        return chunks()

    def close(self) -> None:
        self._seen("close")


def _model(llama):
    from pathlib import Path

    from tutor.llm.llama_cpp import LlamaCppModel

    info = types.SimpleNamespace(path=Path("fake.gguf"))
    return LlamaCppModel(llama, info)


def test_every_llama_call_is_made_on_the_models_one_thread_whatever_thread_asks():
    """Regression: called from several threads, llama.cpp's OpenMP kept a thread team per caller, and past
    as many threads as cores every decode step slept and woke its team (37 -> 25 tokens/s on two cores)."""
    import threading

    from tutor.llm.base import ChatMessage, GenerationParams

    llama = _RecordingLlama()
    model = _model(llama)
    ask = [ChatMessage("user", "hello")]
    replies: list[str] = []
    callers = [threading.Thread(target=lambda: replies.append(model.complete(ask, GenerationParams())))
               for _ in range(3)]
    for t in callers:
        t.start()
        t.join()
    replies.append(model.complete(ask, GenerationParams()))  # and this (main) thread
    # a batch of one runs through stream on the model thread itself: no deadlock
    replies += model.complete_many([(ask, GenerationParams())])
    model.forget_prompts()
    assert replies == ["one two three four "] * 5
    used = {ident for _what, ident in llama.threads}
    assert used == {model.thread.ident}
    assert model.thread.ident not in {t.ident for t in callers} | {threading.get_ident()}
    model.close()
    assert llama.threads[-1][0] == "close" and not model.thread.alive()


def test_a_reply_stopped_early_stops_the_model_and_frees_it_and_errors_reach_the_caller():
    import pytest

    from tutor.errors import ModelError
    from tutor.llm.base import ChatMessage, GenerationParams

    import threading

    gate = threading.Event()
    llama = _RecordingLlama(gate)
    model = _model(llama)
    stream = model.stream([ChatMessage("user", "hello")], GenerationParams())
    assert next(stream) == "one "
    threading.Timer(0.2, gate.set).start()  # the model goes on with the next piece while the caller stops
    stream.close()  # the student left mid-reply: returns once the model thread has stopped
    tokens = [what for what, _ in llama.threads if what == "token"]
    assert len(tokens) == 2  # it stopped after the piece it was producing, not at the end of the reply
    assert model.complete([ChatMessage("user", "again")], GenerationParams()) == "one two three four "
    with pytest.raises(ModelError, match="context window"):
        model.complete([ChatMessage("user", "too long")], GenerationParams())
    assert model.complete([ChatMessage("user", "still there")], GenerationParams()) == "one two three four "
    model.close()
