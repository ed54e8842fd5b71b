"""Run model-written Python in a separate, locked-down process.

Two backends, chosen by ``Settings.sandbox`` (``TUTOR_SANDBOX``):

* ``bwrap`` - bubblewrap (Debian package ``bubblewrap``): read-only root, fresh
  /tmp, no network or other namespaces shared, the tutor home hidden under an
  empty tmpfs, environment cleared. The restricted harness below runs inside it too.
* ``subprocess`` - the fallback: the same harness with rlimits (CPU, address
  space, processes, file size), a stripped environment and an audit hook that
  refuses sockets, new processes, ctypes, writes outside the sandbox's temp
  folder and reads of the tutor's home/database.

``auto`` (the default) uses bwrap when it is installed and works. The
result says which backend ran. Code sets a variable named ``result`` to hand a
value back; ``print`` output is returned as ``stdout``.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from tutor.errors import SandboxError
from tutor.settings import Settings

MAX_OUTPUT = 64_000
MAX_REPORT = 1_000_000
START_SLACK_S = 2.0
"""Extra wall time for the interpreter to start (and import sympy) before the timeout bites."""
BACKENDS = ("bwrap", "subprocess")


@dataclass(frozen=True)
class SandboxResult:
    """What a sandboxed run produced.

    Attributes:
        ok: the code ran to the end without an error.
        stdout: what it printed (cut at 64 kB).
        result: ``str()`` of the variable ``result`` if the code set it, else None.
        error: a short message such as ``timeout: ...``, ``memory: ...``,
            ``forbidden: ...`` or ``error: ZeroDivisionError: ...``; None if ok.
        backend: ``bwrap`` or ``subprocess``: which sandbox ran the code.
    """

    ok: bool
    stdout: str
    result: str | None
    error: str | None
    backend: str


HARNESS = r'''
import json, os, resource, sys
cfg = json.loads(sys.argv[1])
box = cfg["box"]
mem = cfg["memory_mb"] * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
resource.setrlimit(resource.RLIMIT_CPU, (cfg["cpu_s"], cfg["cpu_s"] + 1))
resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024 * 1024, 8 * 1024 * 1024))
resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
HIDDEN = [os.path.realpath(p) for p in cfg["hidden"]]
WRITABLE = [os.path.realpath(box), "/dev/null"]
BLOCKED_IMPORTS = {"socket", "_socket", "ctypes", "_ctypes", "_posixsubprocess", "pty", "ssl", "_ssl"}
PROCESS_EVENTS = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
                  "os.forkpty", "os.kill", "os.killpg", "ctypes.dlopen", "ctypes.dlsym", "ctypes.cdata",
                  "ctypes.call_function", "ctypes.addressof", "ctypes.string_at", "ctypes.wstring_at",
                  "os.putenv", "os.unsetenv", "sys.setrecursionlimit"}
PATH_EVENTS = {"os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.chmod", "os.chown", "os.symlink",
               "os.link", "os.truncate", "shutil.rmtree", "os.utime"}
W = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

class Forbidden(PermissionError):
    pass

def under(p, roots):
    return any(p == r or p.startswith(r.rstrip("/") + "/") for r in roots)

def hook(event, args):
    if event == "open":
        path, mode, flags = args
        if isinstance(path, int) or path is None:
            return
        p = os.path.realpath(os.fsdecode(path))
        if under(p, HIDDEN):
            raise Forbidden("forbidden: the tutor's own files are off limits")
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (flags or 0) & W
        if writing and not under(p, WRITABLE):
            raise Forbidden("forbidden: writing files outside the sandbox's temporary folder")
    elif event.startswith("socket."):
        raise Forbidden("forbidden: network access")
    elif event == "import" and args[0].split(".")[0] in BLOCKED_IMPORTS:
        raise Forbidden(f"forbidden: importing {args[0]}")
    elif event in PROCESS_EVENTS or event.startswith("os.exec") or event.startswith("os.spawn"):
        raise Forbidden(f"forbidden: {event} (starting processes or changing the sandbox)")
    elif event in PATH_EVENTS:
        for a in args:
            if isinstance(a, (str, bytes)) and not under(os.path.realpath(os.fsdecode(a)), WRITABLE):
                raise Forbidden("forbidden: changing files outside the sandbox's temporary folder")

import math, fractions, sympy  # noqa: E401 - allowed modules, loaded before the hook (sympy needs ctypes)

def forbid_exec():
    # A seccomp filter makes execve fail with EPERM for this process and its
    # children. It closes what the audit hook cannot see (_posixsubprocess's
    # fork_exec raises no audit event) and what rlimits cannot stop as root.
    import ctypes, platform, struct
    arches = {"x86_64": (0xC000003E, (59, 322, 0x40000000 + 520, 0x40000000 + 545)),
              "aarch64": (0xC00000B7, (221, 281))}
    if platform.machine() not in arches:
        return False
    arch, numbers = arches[platform.machine()]
    ld, jeq, ret = 0x20, 0x15, 0x06
    allow, deny = 0x7FFF0000, 0x00050000 | 1  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | EPERM
    prog = [(ld, 0, 0, 4), (jeq, 1, 0, arch), (ret, 0, 0, deny), (ld, 0, 0, 0)]
    prog += [(jeq, len(numbers) - i, 0, nr) for i, nr in enumerate(numbers)]
    prog += [(ret, 0, 0, allow), (ret, 0, 0, deny)]
    raw = ctypes.create_string_buffer(b"".join(struct.pack("HBBI", *ins) for ins in prog))

    class Prog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    libc = ctypes.CDLL(None, use_errno=True)
    fprog = Prog(len(prog), ctypes.cast(raw, ctypes.c_void_p))
    if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
        return False
    return libc.prctl(22, 2, ctypes.byref(fprog), 0, 0) == 0  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER

if not forbid_exec() and cfg.get("require_no_exec"):
    os.write(cfg["fd"], json.dumps({"ok": False, "result": None,
                                    "error": "error: the sandbox could not lock down process start-up"}).encode())
    sys.exit(0)
code = open(os.path.join(box, "code.py"), encoding="utf-8").read()
os.chdir(box)
sys.addaudithook(hook)
ns = {"__name__": "__sandbox__"}
out = {"ok": True, "result": None, "error": None}
try:
    exec(compile(code, "<sandbox>", "exec"), ns)
except Forbidden as exc:
    out = {"ok": False, "result": None, "error": str(exc)}
except MemoryError:
    out = {"ok": False, "result": None, "error": "memory: the code used more memory than allowed"}
except RecursionError:
    out = {"ok": False, "result": None, "error": "error: RecursionError: too deep"}
except SystemExit as exc:
    out = {"ok": exc.code in (None, 0), "result": None, "error": None if exc.code in (None, 0) else f"error: exit {exc.code}"}
except BaseException as exc:
    out = {"ok": False, "result": None, "error": f"error: {type(exc).__name__}: {exc}"[:500]}
if "result" in ns:
    try:
        out["result"] = str(ns["result"])[:10000]
    except Exception as exc:
        out["result"] = None
        out["error"] = out["error"] or f"error: result cannot be shown ({type(exc).__name__})"
        out["ok"] = False
sys.stdout.flush()
os.write(cfg["fd"], json.dumps(out).encode())
'''


@functools.cache
def bwrap_works() -> bool:
    """True if bubblewrap is installed and can create a sandbox on this machine."""
    exe = shutil.which("bwrap")
    if not exe:
        return False
    try:
        proc = subprocess.run([exe, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
                              capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode == 0


def choose_backend(settings: Settings | None) -> str:
    """The backend to use: bwrap when asked for or (auto) when available, else subprocess."""
    wanted = settings.sandbox if settings is not None else "auto"
    if wanted == "subprocess":
        return "subprocess"
    if bwrap_works():
        return "bwrap"
    if wanted == "bwrap":
        raise SandboxError("TUTOR_SANDBOX=bwrap but bubblewrap is not usable here; install the Debian package "
                           "'bubblewrap' or set TUTOR_SANDBOX to auto or subprocess")
    return "subprocess"


def _hidden_paths(settings: Settings | None) -> list[str]:
    """Folders the code must not see: the tutor home and the database's folder."""
    if settings is None:
        try:
            settings = Settings.from_env()
        except Exception:  # noqa: BLE001 - bad settings must not open the sandbox up
            return []
    paths = [settings.home]
    if settings.is_sqlite and "///" in settings.database_url:
        paths.append(Path(settings.database_url.split("///", 1)[1]).parent)
    out = []
    for p in paths:
        p = Path(p).expanduser().resolve()
        # never hide the interpreter itself
        if Path(sys.prefix).resolve().is_relative_to(p) or Path(sys.base_prefix).resolve().is_relative_to(p):
            continue
        out.append(str(p))
    return out


def _interpreter_dirs() -> list[str]:
    """Folders the child interpreter needs: its prefixes and the library paths in use."""
    dirs = {os.path.realpath(sys.prefix), os.path.realpath(sys.base_prefix)}
    dirs |= {os.path.realpath(p) for p in sys.path if p and os.path.isdir(p) and "-packages" in p}
    # Nested paths are covered by their parent's bind.
    return sorted(d for d in dirs if not any(d != o and d.startswith(o.rstrip("/") + "/") for o in dirs))


def _command(backend: str, box: str, cfg: dict, hidden: list[str]) -> list[str]:
    python = [sys.executable, "-I", "-B", os.path.join(box, "harness.py"), json.dumps(cfg)]
    if backend == "subprocess":
        return python
    cmd = [shutil.which("bwrap") or "bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
           "--tmpfs", "/tmp", "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
           "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "LANG", "C.UTF-8"]
    # The fresh /tmp would hide an interpreter or virtualenv that lives under
    # /tmp (a CI checkout, say): bring those back, read-only.
    for p in _interpreter_dirs():
        if p == "/tmp" or p.startswith("/tmp/"):
            cmd += ["--ro-bind", p, p]
    for h in hidden:
        if os.path.isdir(h) and not box.startswith(h.rstrip("/") + "/"):
            cmd += ["--tmpfs", h]
    cmd += ["--bind", box, box, "--chdir", box]
    return cmd + python


def run_code(code: str, *, timeout_s: float = 5, memory_mb: int = 256, settings: Settings | None = None) -> SandboxResult:
    """Run ``code`` in the sandbox and report what happened; never raises for bad code.

    Args:
        code: Python source. Set ``result = ...`` to return a value.
        timeout_s: CPU and wall-clock limit in seconds (interpreter start-up is extra).
        memory_mb: address-space limit for the child process.
        settings: decides the backend and which folders are hidden; default from the environment.

    Raises:
        SandboxError: only if TUTOR_SANDBOX=bwrap and bubblewrap cannot run.
    """
    backend = choose_backend(settings)
    hidden = _hidden_paths(settings)
    memory_mb = max(int(memory_mb), 128)
    with tempfile.TemporaryDirectory(prefix="tutor-sandbox-") as box:
        Path(box, "harness.py").write_text(HARNESS, encoding="utf-8")
        Path(box, "code.py").write_text(code, encoding="utf-8")
        read_fd, write_fd = os.pipe()
        cfg = {"box": box, "memory_mb": memory_mb, "cpu_s": max(1, int(timeout_s + 0.999)), "hidden": hidden,
               "fd": write_fd,
               # Without bubblewrap, root ignores RLIMIT_NPROC: then the exec lock is a must.
               "require_no_exec": backend == "subprocess" and os.geteuid() == 0}
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        try:
            proc = subprocess.Popen(_command(backend, box, cfg, hidden), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=box,
                                    pass_fds=(write_fd,), start_new_session=True)
        except OSError as exc:
            os.close(read_fd)
            os.close(write_fd)
            return SandboxResult(False, "", None, f"error: could not start the sandbox ({exc})", backend)
        os.close(write_fd)
        # Read every pipe in the background, keeping only a bounded prefix: code
        # that prints in a loop must not grow the app by what it prints.
        readers = [_BoundedReader(proc.stdout, 4 * MAX_OUTPUT), _BoundedReader(proc.stderr, MAX_OUTPUT),
                   _BoundedReader(os.fdopen(read_fd, "rb"), MAX_REPORT)]
        timed_out = False
        try:
            proc.wait(timeout=timeout_s + START_SLACK_S)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill(proc)
            proc.wait()
        stdout, stderr, report = (r.finish() for r in readers)
    text = stdout.decode("utf-8", "replace")[:MAX_OUTPUT]
    if timed_out:
        return SandboxResult(False, text, None, f"timeout: the code ran longer than {timeout_s:g} s", backend)
    try:
        out = json.loads(report)
    except ValueError:
        return SandboxResult(False, text, None, _crash_reason(proc.returncode, stderr), backend)
    return SandboxResult(bool(out["ok"]), text, out["result"], out["error"], backend)


class _BoundedReader:
    """Drain a pipe on a thread, keeping at most ``limit`` bytes and discarding the rest."""

    def __init__(self, stream, limit: int):
        self._stream = stream
        self._limit = limit
        self._data = bytearray()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        # readv into one scratch buffer: discarded output costs no allocation at all.
        scratch = bytearray(65536)
        try:
            fd = self._stream.fileno()
            while n := os.readv(fd, [scratch]):
                room = self._limit - len(self._data)
                if room > 0:
                    self._data += scratch[: min(n, room)]
        except (OSError, ValueError):
            pass

    def finish(self, timeout: float = 5.0) -> bytes:
        self._thread.join(timeout)
        try:
            self._stream.close()
        except OSError:
            pass
        return bytes(self._data)


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()


def _crash_reason(returncode: int, stderr: bytes) -> str:
    err = stderr.decode("utf-8", "replace")
    if returncode in (-signal.SIGXCPU, -signal.SIGKILL, 128 + signal.SIGXCPU, 128 + signal.SIGKILL):
        return "timeout: the code used more CPU time than allowed"
    if "MemoryError" in err:
        return "memory: the code used more memory than allowed"
    last = err.strip().splitlines()[-1] if err.strip() else f"exit status {returncode}"
    return f"error: the sandboxed process stopped ({last[:300]})"
