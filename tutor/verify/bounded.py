"""Bounded evaluation of untrusted math: a time limit in-process, a killable worker otherwise.

The static guards (:mod:`tutor.verify.size`, the parser's own limits) refuse
input whose result would be too large before anything is computed. Behind them
stand two bounds, chosen by :func:`limited`:

* in the main thread, a SIGALRM timer (:func:`time_limit`) interrupts SymPy's
  Python code: cheap, and enough for input the guards have already sized;
* elsewhere (the web app answers from a script thread, where SIGALRM cannot
  be used), and always for third-party parsers such as Math-Verify
  (:func:`isolated`), the work runs in one of a few worker processes. Each has
  an address-space limit (``RLIMIT_AS``) and a CPU timer (``ITIMER_PROF``, whose
  signal kills the worker even inside C code such as GMP's factorial), and the
  caller waits only until a wall-clock deadline. A worker that overruns is
  killed and replaced; the caller gets :class:`~tutor.errors.VerificationError`
  ("too big or too slow to check"), never the bill.

:data:`MATH_ERRORS` are the exceptions SymPy, mpmath and friends raise on
hostile input (``OverflowError``, ``RecursionError``, ``MemoryError`` ...);
the public checks turn them into "undetermined" with :func:`reason`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import threading
from collections.abc import Callable
from typing import Any

from tutor.errors import VerificationError

TOO_BIG = "too big or too slow to check"
WORKERS = 2
"""Worker processes at most; more callers at once wait for a free one."""
WORKER_MEMORY_MB = 768
"""Address space a worker may add to what it holds after start-up."""
MATH_ERRORS: tuple[type[BaseException], ...] = (
    ArithmeticError, RecursionError, MemoryError, ValueError, TypeError, NotImplementedError, AttributeError,
    IndexError, KeyError,
)
"""What SymPy, mpmath, latex2sympy and gmpy raise on numbers too big or input too odd to handle."""

_CTX = multiprocessing.get_context("forkserver")
# Workers fork from a server that has already imported SymPy: a replacement starts in milliseconds
_CTX.set_forkserver_preload(["sympy", "tutor.verify.bounded", "tutor.verify", "tutor.verify.warm"])
# (the whole verifier is imported once in the fork server, so no call pays for importing the module of the
# function it runs)
WORKER_START_SECONDS = 60.0
"""How long a new worker may take to start before evaluation gives up (a busy machine, a cold disk cache)."""
_READY = "ready"
_idle: list[_Worker] = []
_lock = threading.Lock()
_slots = threading.BoundedSemaphore(WORKERS)
_spent_by_killed = 0.0


def in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise VerificationError if the block runs longer than ``seconds`` (main thread only).

    SIGALRM works only in the main thread; elsewhere the block runs unbounded,
    which is why :func:`limited` sends work from other threads to a worker.
    """
    if not in_main_thread() or seconds <= 0:
        yield
        return

    def _raise(signum, frame):
        raise VerificationError(f"{TOO_BIG}: the check took too long")

    old = signal.signal(signal.SIGALRM, _raise)
    # Repeat every 0.1 s after the deadline: an exception raised while Python runs a
    # __del__, a weakref or gc callback is printed and dropped ("Exception ignored in"),
    # and the bounded work would otherwise go on without a bound (seen in the fuzz).
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def reason(exc: BaseException) -> str:
    """A sentence a person can read for a failure while evaluating math."""
    if isinstance(exc, VerificationError):
        return str(exc)
    if isinstance(exc, (OverflowError, MemoryError, RecursionError)):
        what = {OverflowError: "a number grew too large", MemoryError: "it needed too much memory",
                RecursionError: "it is nested too deeply"}
        return f"{TOO_BIG}: {next(v for k, v in what.items() if isinstance(exc, k))}"
    return f"could not evaluate this math ({type(exc).__name__})"


def limited(fn: Callable[..., Any], *args, seconds: float) -> Any:
    """``fn(*args)`` bounded in time: in-process under SIGALRM in the main thread, else in a worker.

    Use for exact SymPy work (simplify, solveset, integrate) on input the parser
    has sized. Raises VerificationError when the bound is reached.
    """
    if in_main_thread():
        import tutor.verify.warm  # noqa: F401 - once per process: SymPy's first call is not the caller's to pay
        with time_limit(seconds):
            return fn(*args)
    return isolated(fn, *args, cpu_seconds=seconds)


def isolated(fn: Callable[..., Any], *args, cpu_seconds: float) -> Any:
    """``fn(*args)`` in a worker process with a memory limit, a CPU timer and a wall deadline.

    ``fn`` and the arguments must pickle (``fn`` a module-level function). An
    exception ``fn`` raises is raised here; an overrun raises VerificationError.
    """
    wall = max(2 * cpu_seconds, cpu_seconds + 3)  # a busy shared machine stretches wall time
    with _slots:
        worker = None
        while worker is None or not worker.alive():  # an idle worker may have died (the OOM killer)
            with _lock:
                worker = _idle.pop() if _idle else _Worker()
        try:
            ok, value = worker.call(fn, args, cpu_seconds, wall)
        except _Overrun:
            worker.kill(at_least=cpu_seconds)
            raise VerificationError(TOO_BIG) from None
        if not ok and isinstance(value, (MemoryError, RecursionError)):
            worker.kill()  # its heap may be fragmented or its stack odd: a fresh worker is cheap
        else:
            with _lock:
                _idle.append(worker)
    if ok:
        return value
    raise value


class _Overrun(Exception):
    """The worker died, ran out of its timer or passed the wall deadline."""


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self) -> None:
        self.conn, child = _CTX.Pipe()
        self.proc = _CTX.Process(target=_serve, args=(child, WORKER_MEMORY_MB), daemon=True)
        self.proc.start()
        child.close()
        # Starting a worker (the fork server itself, the first time) can take seconds on a loaded machine:
        # that is not the call's time, so the call's deadline starts only once the worker says it is ready.
        try:
            ready = self.conn.poll(WORKER_START_SECONDS) and self.conn.recv() == _READY
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.proc.kill()
            raise VerificationError("could not start a worker to evaluate this math")

    def alive(self) -> bool:
        return self.proc.is_alive()

    def call(self, fn, args, cpu_seconds: float, wall_seconds: float):
        try:
            self.conn.send((fn, args, cpu_seconds))
            if not self.conn.poll(wall_seconds):
                raise _Overrun
            return self.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            raise _Overrun from None

    def kill(self, at_least: float = 0.0) -> None:
        global _spent_by_killed
        spent = max(_cpu_seconds(self.proc.pid), at_least)  # one killed by its own timer may be gone already
        self.proc.kill()
        with _lock:
            _spent_by_killed += spent
        self.proc.join(2)
        self.conn.close()


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _serve(conn, memory_mb: int) -> None:  # pragma: no cover - runs in the worker process
    """Worker loop: run each request under a CPU timer until the pipe closes."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    limit = _address_space() + memory_mb * 1024**2
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)  # the app may itself run under a limit; a worker may not raise it
    if limit > memory_mb * 1024**2:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGPROF, signal.SIG_DFL)  # the CPU timer's signal ends the process, C code or not
    conn.send(_READY)
    while True:
        try:
            fn, args, cpu_seconds = conn.recv()
        except (EOFError, OSError):
            return
        signal.setitimer(signal.ITIMER_PROF, max(cpu_seconds, 0.01))
        try:
            reply = (True, fn(*args))
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller, who decides
            reply = (False, exc)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        try:
            conn.send(reply)
        except Exception:  # noqa: BLE001 - a result or exception that does not pickle
            conn.send((False, VerificationError(f"could not evaluate this math ({type(reply[1]).__name__})")))


def warm_up() -> None:
    """Start one idle worker in the background, so the first bounded call of a new process does not wait for it."""
    def start() -> None:
        with _lock:
            if _idle:
                return
        try:
            worker = _Worker()
        except VerificationError:
            return
        with _lock:
            _idle.append(worker)

    threading.Thread(target=start, name="verify-warm-up", daemon=True).start()


def shutdown() -> None:
    """Stop the idle workers (tests; the interpreter stops daemonic workers at exit anyway)."""
    with _lock:
        workers, _idle[:] = list(_idle), []
    for w in workers:
        w.kill()


def _cpu_seconds(pid: int | None) -> float:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def workers_cpu_seconds() -> float:
    """CPU time spent in workers, live and killed: they are the fork server's children, so
    ``RUSAGE_CHILDREN`` never counts them (tests and the fuzz add this to their own CPU time)."""
    with _lock:
        pids = [w.proc.pid for w in _idle]
        total = _spent_by_killed
    return total + sum(_cpu_seconds(pid) for pid in pids)
