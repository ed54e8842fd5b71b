"""CPU admission: at most one CPU-heavy job per core at once, and log-ins before everything else.

A web app serving a class runs every student's request on its own thread in
one process. Two hundred threads grading answers at once are no faster than
two (there are two cores and one GIL), and every extra runnable thread makes a
log-in wait longer for the interpreter: at the bell, a class logging in waited
15 s behind its classmates' answers (bench/load.py, N = 200). So CPU-heavy work
takes a slot here first; waiting threads sleep on a condition instead of
competing, and a log-in (an Argon2 check) is admitted before any waiting
answer, so a burst of log-ins clears first and the answers queue behind it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SLOTS = max(2, os.cpu_count() or 2)
"""Jobs running at once: one per CPU (at least two, so one slow job never blocks everyone)."""

_cond = threading.Condition()
_running = 0
_logins_waiting = 0


@contextmanager
def cpu_slot(*, login: bool = False) -> Iterator[None]:
    """Hold one of the :data:`SLOTS` while the block runs; a ``login`` goes ahead of waiting work."""
    global _running, _logins_waiting
    with _cond:
        if login:
            _logins_waiting += 1
        try:
            while _running >= SLOTS or (not login and _logins_waiting > 0):
                _cond.wait()
        finally:
            if login:
                _logins_waiting -= 1
        _running += 1
    try:
        yield
    finally:
        with _cond:
            _running -= 1
            _cond.notify_all()


def running() -> int:
    """Jobs holding a slot now (for tests and diagnostics)."""
    with _cond:
        return _running
