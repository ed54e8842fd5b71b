"""One long-lived thread that makes every llama.cpp call of a loaded model.

llama.cpp's CPU backend (as llama-cpp-python builds it on Linux) computes with OpenMP, and OpenMP gives
every thread that starts a parallel region a team of its own, kept for that thread's life. A shared model
is called from whichever thread asks (the event loop's worker threads, a page's thread, the priming
thread), so after a few replies a process holds several teams. Once libgomp manages more threads than
there are CPUs, it stops letting idle team members spin between the many short parallel regions of a
decode and puts them to sleep each time instead, and every token pays for waking them: measured on two
cores, the default model generated 37 tokens/s from one thread and 25 tokens/s once a second thread had
decoded a prompt (docs/benchmarks.md, "One model thread"). Making every call from one thread keeps one
team, so decoding runs at the speed of a single caller whatever thread asks.

``ModelThread.run`` and ``ModelThread.iterate`` hand a call (or a generator, token by token) to that
thread and wait for it; called from the thread itself they run directly, so a call that makes another
call cannot deadlock. The calls are made one at a time in the order they come, which is also the order
``tutor.llm.shared`` grants the model.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")

_ITEM, _ERROR, _END = object(), object(), object()


class ModelThread:
    """A daemon thread that runs the jobs it is given one at a time, in order."""

    def __init__(self, name: str = "llama-model"):
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            job()

    @property
    def ident(self) -> int | None:
        return self._thread.ident

    def here(self) -> bool:
        """True when the caller is the model thread itself."""
        return threading.current_thread() is self._thread

    def alive(self) -> bool:
        return self._thread.is_alive()

    def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` made on the model thread; its result, or its exception raised here."""
        if self.here() or not self.alive():
            return fn(*args, **kwargs)
        done: Future[T] = Future()

        def job() -> None:
            try:
                done.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller, raised there
                done.set_exception(exc)

        self._jobs.put(job)
        return done.result()

    def iterate(self, make: Callable[[], Iterable[T]]) -> Iterator[T]:
        """The items of ``make()``, produced on the model thread and yielded here as they come.

        When the caller stops early (closes this generator), the model thread stops after the item it is
        producing and closes the producer, and this generator returns only once it has: a reply stopped
        mid-way leaves the model free, as a generator consumed in place would.
        """
        if self.here() or not self.alive():
            yield from make()
            return
        out: queue.SimpleQueue[tuple[object, Any]] = queue.SimpleQueue()
        stop, finished = threading.Event(), threading.Event()

        def job() -> None:
            try:
                items = iter(make())
                try:
                    for item in items:
                        out.put((_ITEM, item))
                        if stop.is_set():
                            break
                finally:
                    close = getattr(items, "close", None)
                    if close is not None:
                        close()
                out.put((_END, None))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller, raised there
                out.put((_ERROR, exc))
            finally:
                finished.set()

        self._jobs.put(job)
        try:
            while True:
                kind, value = out.get()
                if kind is _ITEM:
                    yield value
                elif kind is _ERROR:
                    raise value
                else:
                    return
        finally:
            stop.set()
            finished.wait()

    def close(self) -> None:
        """Let the thread end once the jobs already given are done."""
        if self.alive() and not self.here():
            self._jobs.put(None)
            self._thread.join()
