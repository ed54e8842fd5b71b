"""CPU admission: at most one CPU-heavy job per core at once, and log-ins before everything else.

A web app serving a class runs every student's request on its own thread in
one process. Two hundred threads grading answers at once are no faster than
two (there are two cores and one GIL), and every extra runnable thread makes a
log-in wait longer for the interpreter: at the bell, a class logging in waited
15 s behind its classmates' answers (bench/load.py, N = 200). So CPU-heavy work
takes a slot here first; waiting threads sleep on a condition instead of
competing, in arrival order, and a log-in (an Argon2 check) is admitted before
any waiting answer, so a burst of log-ins clears first and the answers queue behind it.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

SLOTS = max(2, os.cpu_count() or 2)
"""Jobs running at once: one per CPU (at least two, so one slow job never blocks everyone)."""

_lock = threading.Lock()
_running = 0
_logins: deque[threading.Event] = deque()
_others: deque[threading.Event] = deque()


@contextmanager
def cpu_slot(*, login: bool = False) -> Iterator[None]:
    """Hold one of the :data:`SLOTS` while the block runs.

    Waiters are served first come, first served, except that every waiting
    ``login`` goes before every other waiting job. A freed slot is handed to
    the next waiter directly, so no waiter is woken for nothing or overtaken.
    """
    global _running
    with _lock:
        if _running < SLOTS and not _logins and (login or not _others):
            _running += 1
            turn = None
        else:
            turn = threading.Event()
            (_logins if login else _others).append(turn)
    if turn is not None:
        turn.wait()  # the releasing job counted us in before setting it
    try:
        yield
    finally:
        _release()


def _release() -> None:
    global _running
    with _lock:
        queue = _logins or _others
        if queue:
            queue.popleft().set()  # the slot passes straight to the next waiter
        else:
            _running -= 1


def running() -> int:
    """Jobs holding a slot now (for tests and diagnostics)."""
    with _lock:
        return _running


def waiting() -> int:
    """Jobs waiting for a slot now (for tests and diagnostics)."""
    with _lock:
        return len(_logins) + len(_others)
