"""Sandbox escape suite: model-written code tries every way out we could think of.

Each test runs one sandboxed program that tries many tricks of one kind (each
in its own ``try``), then checks *side effects* from the outside - a canary
file that must not appear, a secret that must not show up in the output, a
listener that must not be connected to - so the sandboxed code cannot fake a
pass. Runs on both backends (bubblewrap and the restricted subprocess).
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time

import pytest

from tutor.sandbox import bwrap_works, run_code

BACKENDS = ["subprocess", pytest.param("bwrap", marks=pytest.mark.skipif(not bwrap_works(), reason="no bwrap"))]
SECRET = "sk-canary-7f3a9c1e"
DB_CANARY = "canary-student-record-51e2"


@pytest.fixture(params=BACKENDS)
def box(request, settings, tmp_path, monkeypatch):
    """Settings for one backend, a secret in the app's environment, a database to steal, a place to write."""
    monkeypatch.setenv("TUTOR_OPENAI_API_KEY", SECRET)
    (settings.home / "tutor.db").write_text(f"SQLite format 3 ... {DB_CANARY} ...")
    outside = tmp_path / "outside"
    outside.mkdir()
    return settings.replace(sandbox=request.param), outside


def run(settings, code: str, **kw):
    result = run_code(code, settings=settings, **kw)
    return result, f"{result.stdout}\n{result.result}\n{result.error}"


def attempts(*snippets: str) -> str:
    """A program that runs each snippet in its own try and prints whatever it got."""
    out = ["import sys, os", "got = []"]
    for s in snippets:
        body = "\n".join("    " + line for line in s.strip().splitlines())
        out += ["try:", body, "except BaseException as exc:", "    got.append('refused: ' + repr(exc)[:80])"]
    out += ["print(got)", "result = got"]
    return "\n".join(out)


def test_network_is_unreachable(box):
    settings, _ = box
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    connected = []
    done = threading.Event()

    def accept():
        while not done.is_set() and not connected:
            try:
                conn, _ = listener.accept()
                connected.append(True)
                conn.close()
            except OSError:
                pass

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    code = attempts(
        f"import socket; s = socket.create_connection(('127.0.0.1', {port}), 2); got.append('socket')",
        f"s = __import__('_socket').socket(); s.connect(('127.0.0.1', {port})); got.append('_socket')",
        f"m = sys.modules.get('socket') or sys.modules.get('_socket'); m.socket().connect(('127.0.0.1', {port}))",
        f"import urllib.request; urllib.request.urlopen('http://127.0.0.1:{port}/', timeout=2); got.append('url')",
        f"import http.client; c = http.client.HTTPConnection('127.0.0.1', {port}, timeout=2); c.request('GET', '/')",
        f"import importlib; importlib.import_module('socket').socket().connect(('127.0.0.1', {port}))",
        "import _imp, importlib.machinery as m\n"
        "spec = m.ModuleSpec('_socket', m.BuiltinImporter)\n"
        f"s = m.ExtensionFileLoader('_socket', __import__('glob').glob(sys.base_prefix + '/lib/python3*/lib-dynload/_socket*')[0])"
        f".create_module(m.ModuleSpec('_socket', None, origin=__import__('glob').glob(sys.base_prefix + '/lib/python3*/lib-dynload/_socket*')[0]))"
        f".socket(); s.connect(('127.0.0.1', {port}))",
    )
    result, _ = run(settings, code, timeout_s=10)
    time.sleep(0.5)  # a connection made just before the sandbox exited is still seen
    done.set()
    t.join()
    listener.close()
    assert connected == [], f"the sandbox reached a loopback port: {result}"


def test_filesystem_the_database_stays_hidden_and_nothing_is_written_outside(box):
    settings, outside = box
    db = settings.home / "tutor.db"
    canary = outside / "written"
    code = attempts(
        f"got.append(open({str(db)!r}).read())",
        f"got.append(os.read(os.open({str(db)!r}, os.O_RDONLY), 200).decode())",
        f"import io; got.append(io.FileIO({str(db)!r}).read().decode())",
        f"import pathlib; got.append(pathlib.Path({str(db)!r}).read_text())",
        f"os.symlink({str(db)!r}, 'link'); got.append(open('link').read())",
        f"got.append(open('/proc/self/root' + {str(db)!r}).read())",
        f"got.append(open('/proc/' + str(os.getppid()) + '/root' + {str(db)!r}).read())",
        f"d = os.open({str(settings.home)!r}, os.O_RDONLY); got.append(os.read(os.open('tutor.db', os.O_RDONLY, dir_fd=d), 200).decode())",
        f"import shutil; shutil.copy({str(db)!r}, 'copy.db'); got.append(open('copy.db').read())",
        f"open({str(canary)!r}, 'w').write('x')",
        f"os.close(os.open({str(canary)!r}, os.O_CREAT | os.O_WRONLY))",
        f"open('mine', 'w').write('x'); os.rename('mine', {str(canary)!r})",
        f"import shutil; open('mine2', 'w').write('x'); shutil.move('mine2', {str(canary)!r})",
        f"os.link('/etc/hostname', {str(canary)!r})",
    )
    result, text = run(settings, code)
    assert DB_CANARY not in text, f"the sandbox read the tutor's database: {result}"
    assert not canary.exists(), f"the sandbox wrote outside its folder: {result}"
    assert db.read_text().endswith(f"{DB_CANARY} ..."), "the database file was changed"


def test_environment_secrets_do_not_leak(box):
    settings, _ = box
    code = attempts(
        "got.append(dict(os.environ))",
        "got.append(open('/proc/self/environ', 'rb').read().decode(errors='replace'))",
        "got.append(open('/proc/' + str(os.getppid()) + '/environ', 'rb').read().decode(errors='replace'))",
        "got.append(open('/proc/1/environ', 'rb').read().decode(errors='replace'))",
        "import glob\nfor p in glob.glob('/proc/[0-9]*/environ'):\n"
        "    try: got.append(open(p, 'rb').read().decode(errors='replace'))\n    except OSError: pass",
        "got.append(open('/proc/' + str(os.getppid()) + '/cmdline', 'rb').read().decode(errors='replace'))",
    )
    result, text = run(settings, code)
    assert SECRET not in text, f"the sandbox saw the app's secret: {result.error}"


_POSIXSUBPROCESS = (
    "fe = sys.modules.get('_posixsubprocess') or __import__('_posixsubprocess')\n"
    "r, w = os.pipe()\n"
    "fe.fork_exec([b'/usr/bin/touch', CANARY], [b'/usr/bin/touch'], True, (w,), None, None, -1, -1, -1, -1, -1, -1,"
    " r, w, True, False, -1, None, None, None, -1, None, False)\n"
    "__import__('time').sleep(1)"
)


def test_no_new_processes(box, request):
    settings, outside = box
    canary = outside / "spawned"
    code = f"CANARY = {str(canary).encode()!r}\n" + attempts(
        f"os.system('touch {canary}')",
        f"import subprocess; subprocess.run(['touch', '{canary}'])",
        "pid = os.fork()\nif pid == 0:\n    open(CANARY, 'w').close(); os._exit(0)",
        f"os.posix_spawn('/usr/bin/touch', ['touch', '{canary}'], {{}})",
        f"os.execv('/usr/bin/touch', ['touch', '{canary}'])",
        f"import pty; pty.spawn(['touch', '{canary}'])",
        f"import multiprocessing; p = multiprocessing.Process(target=os.system, args=('touch {canary}',)); p.start()",
        f"os.popen('touch {canary}').read()",
        "import asyncio\n"
        f"asyncio.run(asyncio.create_subprocess_exec('touch', '{canary}'))",
    )
    result, _ = run(settings, code, timeout_s=8)
    assert not canary.exists(), f"the sandbox started a process: {result}"


def test_no_new_processes_through_posixsubprocess(box, request):
    settings, outside = box
    canary = outside / "spawned"
    code = f"CANARY = {str(canary).encode()!r}\n" + attempts(_POSIXSUBPROCESS)
    result, _ = run(settings, code, timeout_s=8)
    assert not canary.exists(), f"the sandbox started a process through _posixsubprocess: {result}"


def test_ctypes_is_unusable(box):
    settings, outside = box
    canary = outside / "ctypes"
    code = attempts(
        f"import ctypes; ctypes.CDLL(None).system(b'touch {canary}')",
        f"c = sys.modules.get('ctypes'); c.CDLL(None).system(b'touch {canary}')",
        f"c = sys.modules.get('ctypes'); c.pythonapi.PyRun_SimpleString(b'import os; os.system(\"touch {canary}\")')",
        f"c = sys.modules.get('_ctypes'); c.dlopen(None)",
        "c = sys.modules.get('ctypes'); c.string_at(id(1), 8); got.append('READ-MEMORY-OK')",
        "c = sys.modules.get('ctypes'); c.c_char.from_address(id(1)); got.append('READ-MEMORY-OK')",
        f"import importlib; importlib.import_module('_ctypes')",
    )
    result, _ = run(settings, code)
    assert not canary.exists(), f"ctypes ran a command: {result}"
    assert "READ-MEMORY-OK" not in result.stdout, f"ctypes read memory: {result}"


def test_import_tricks_do_not_get_around_the_blocklist(box):
    settings, outside = box
    canary = outside / "imported"
    code = attempts(
        "b = __builtins__ if isinstance(__builtins__, dict) else vars(__builtins__); b['__import__']('socket').socket()",
        "import importlib; importlib.__import__('socket').socket()",
        "import importlib.util, glob\n"
        "p = glob.glob(sys.base_prefix + '/lib/python3*/socket.py')[0]\n"
        "spec = importlib.util.spec_from_file_location('sock2', p); m = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(m); m.socket()",
        "exec('import socket as s; s.socket()')",
        "eval(compile('__import__(\"ctypes\")', 'x', 'eval'))",
        "sys.modules.pop('ctypes', None); import ctypes; ctypes.CDLL(None)",
        f"import importlib.machinery as m; m.BuiltinImporter.load_module('posix').system('touch {canary}')",
        f"sys.modules['posix'].system('touch {canary}')",
        f"import sys as s; s.modules['os'].__dict__['system']('touch {canary}')",
        f"__loader__.load_module('os').system('touch {canary}')",
        f"import codecs; exec(codecs.decode('vzcbeg bf; bf.flfgrz(\"gbhpu {canary}\")', 'rot13'))",
    )
    result, text = run(settings, code)
    assert not canary.exists(), f"an import trick ran a command: {result}"
    assert "<socket.socket" not in text, f"an import trick opened a socket: {result}"


def test_subclasses_walks_find_nothing_usable(box):
    settings, outside = box
    canary = outside / "walked"
    code = attempts(
        "for c in ().__class__.__base__.__subclasses__():\n"
        "    if c.__name__ == '_wrap_close':\n"
        f"        c.__init__.__globals__['system']('touch {canary}')",
        "for c in object.__subclasses__():\n"
        "    if c.__name__ == 'Popen':\n"
        f"        c(['touch', '{canary}'])",
        "for c in object.__subclasses__():\n"
        "    if c.__name__ == 'BuiltinImporter':\n"
        f"        c.load_module('posix').system('touch {canary}')",
        "for c in object.__subclasses__():\n"
        "    g = getattr(getattr(c, '__init__', None), '__globals__', None)\n"
        "    if g and 'sys' in g:\n"
        f"        g['sys'].modules['os'].system('touch {canary}'); break",
        "def walk(cls, seen):\n"
        "    for s in cls.__subclasses__():\n"
        "        if s not in seen:\n"
        "            seen.add(s); walk(s, seen)\n"
        "seen = set(); walk(object, seen)\n"
        "for c in seen:\n"
        "    g = getattr(getattr(c, '__init__', None), '__globals__', {}) or {}\n"
        "    for name in ('system', 'popen', 'execv'):\n"
        "        f = g.get(name)\n"
        "        if callable(f):\n"
        f"            try: f('touch {canary}')\n"
        "            except BaseException: pass",
        "import gc\n"
        "for o in gc.get_objects():\n"
        "    if getattr(o, '__name__', '') == 'os' and hasattr(o, 'system'):\n"
        f"        o.system('touch {canary}'); break",
    )
    result, _ = run(settings, code, timeout_s=10)
    assert not canary.exists(), f"a __subclasses__ walk ran a command: {result}"


@pytest.mark.parametrize(
    ("name", "code", "expect"),
    [
        ("memory bomb", "x = bytearray(2 * 1024**3)", "memory"),
        ("raise the memory limit first",
         "import resource\nresource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY,) * 2)\n"
         "x = [bytearray(64 * 1024**2) for _ in range(64)]", "memory|not allowed to raise"),
        ("ignore the CPU-limit signal", "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\nwhile True: pass",
         "timeout"),
        ("sleep forever", "import time\ntime.sleep(3600)", "timeout"),
        ("thread bomb", "import threading, time\n"
         "ts = [threading.Thread(target=time.sleep, args=(60,)) for _ in range(100000)]\n[t.start() for t in ts]", ""),
        ("fill the disk", "f = open('big', 'wb')\nwhile True: f.write(b'x' * 1024**2)", ""),
        ("deep recursion", "def f(n): return f(n + 1)\nf(0)", "Recursion"),
        ("huge integer", "x = 10 ** (10 ** 10)", ""),
    ],
)
def test_resource_exhaustion_is_stopped_and_the_caller_survives(box, name, code, expect):
    settings, _ = box
    started = time.monotonic()
    result = run_code(code, settings=settings, timeout_s=2, memory_mb=256)
    took = time.monotonic() - started
    assert result.ok is False, f"{name}: should have been stopped"
    assert re.search(expect, result.error or ""), f"{name}: {result.error}"
    assert took < 2 + 15, f"{name}: the sandbox took {took:.0f} s to stop it"
    assert len(result.stdout) <= 64_000
    assert run_code("result = 6 * 7", settings=settings).result == "42"  # the caller is fine


FLOOD = """
import resource, sys
sys.path.insert(0, sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))  # the test must not take the machine down
from tutor.sandbox import run_code
from tutor.settings import Settings
settings = Settings.from_env({"TUTOR_HOME": sys.argv[2], "TUTOR_SANDBOX": sys.argv[3]})
r = run_code("import sys\\nwhile True: sys.stdout.write('x' * 65536)", timeout_s=1, settings=settings)
print("RESULT", r.ok, (r.error or "")[:40], len(r.stdout))
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the forking parent
# (a pytest process of ~700 MB late in the suite), while VmHWM is this image's own peak.
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
print("PEAK_MB", int(hwm.split()[1]) // 1024)
"""


def test_an_output_flood_does_not_grow_the_callers_memory(box, tmp_path):
    """Sandboxed code printing as fast as it can for its whole time limit must cost the
    app (the caller) no more than the 64 kB it keeps."""
    import subprocess
    import sys
    from pathlib import Path

    settings, _ = box
    script = tmp_path / "flood.py"
    script.write_text(FLOOD)
    proc = subprocess.run([sys.executable, str(script), str(Path(__file__).resolve().parents[1]),
                           str(settings.home), settings.sandbox], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"the caller died: {proc.stderr[-500:]}"
    peak = int(proc.stdout.split("PEAK_MB")[1].split()[0])
    assert "RESULT False timeout" in proc.stdout
    assert peak < 500, f"the caller grew to {peak} MB"
