"""The code sandbox stops every escape attempt with a clear error, and the caller keeps running."""

from __future__ import annotations

import pytest

from tutor.errors import SandboxError
from tutor.sandbox import bwrap_works, run_code

BACKENDS = ["subprocess", pytest.param("bwrap", marks=pytest.mark.skipif(not bwrap_works(), reason="no bwrap"))]


@pytest.fixture(params=BACKENDS)
def sandboxed(request, settings):
    return settings.replace(sandbox=request.param)


def test_result_and_stdout(sandboxed):
    r = run_code("import sympy\nprint('hi')\nx = sympy.Symbol('x')\nresult = sympy.factor(x**2 - 1)", settings=sandboxed)
    assert r.ok is True
    assert r.stdout == "hi\n"
    assert r.result == "(x - 1)*(x + 1)"
    assert r.backend == sandboxed.sandbox


def test_fractions_and_math(sandboxed):
    r = run_code("from fractions import Fraction\nimport math\nresult = Fraction(1, 3) + Fraction(1, 6) + math.floor(2.5)",
                 settings=sandboxed)
    assert r.result == "5/2"


def test_infinite_loop_times_out(sandboxed):
    r = run_code("while True:\n    pass", timeout_s=1, settings=sandboxed)
    assert r.ok is False
    assert r.error.startswith("timeout")


def test_fork_bomb_is_forbidden(sandboxed):
    r = run_code("import os\nwhile True:\n    os.fork()", settings=sandboxed)
    assert r.ok is False
    assert r.error.startswith("forbidden")


def test_subprocess_is_forbidden(sandboxed):
    r = run_code("import subprocess\nsubprocess.run(['ls'])", settings=sandboxed)
    assert r.error.startswith("forbidden")


def test_memory_bomb_is_stopped(sandboxed):
    r = run_code("x = bytearray(2**34)", memory_mb=256, settings=sandboxed)
    assert r.ok is False
    assert r.error.startswith("memory")


def test_import_socket_is_forbidden(sandboxed):
    r = run_code("import socket\nsocket.create_connection(('127.0.0.1', 80))", settings=sandboxed)
    assert r.ok is False
    assert r.error.startswith("forbidden")


def test_tutor_database_cannot_be_read(sandboxed):
    db = sandboxed.home / "tutor.db"
    db.write_text("secret rows")
    r = run_code(f"result = open({str(db)!r}).read()", settings=sandboxed)
    assert r.ok is False
    assert r.result is None
    assert "secret" not in r.stdout


def test_cannot_write_outside_temp_dir(sandboxed, tmp_path):
    target = tmp_path / "evil.txt"
    r = run_code(f"open({str(target)!r}, 'w').write('x')", settings=sandboxed)
    assert r.ok is False
    assert r.error.startswith("forbidden")
    assert not target.exists()


def test_can_write_in_its_own_temp_dir(sandboxed):
    r = run_code("open('scratch.txt', 'w').write('ok')\nresult = open('scratch.txt').read()", settings=sandboxed)
    assert r.ok is True
    assert r.result == "ok"


def test_environment_variables_are_hidden(sandboxed, monkeypatch):
    monkeypatch.setenv("TUTOR_SECRET_TOKEN", "hunter2")
    r = run_code("import os\nresult = repr(dict(os.environ))\nprint(os.environ.get('TUTOR_SECRET_TOKEN'))",
                 settings=sandboxed)
    assert r.ok is True
    assert "hunter2" not in r.result
    assert "TUTOR_" not in r.result
    assert r.stdout == "None\n"


def test_errors_in_code_are_reported(sandboxed):
    r = run_code("result = 1 / 0", settings=sandboxed)
    assert r.ok is False
    assert r.error == "error: ZeroDivisionError: division by zero"


def test_caller_keeps_running_after_many_failures(settings):
    s = settings.replace(sandbox="subprocess")
    errors = [run_code(code, timeout_s=1, settings=s).error for code in ("while 1: pass", "import socket", "1/0")]
    assert all(errors)
    assert run_code("result = 6 * 7", settings=s).result == "42"


def test_bwrap_requested_but_missing_is_a_clear_error(settings, monkeypatch):
    import tutor.sandbox

    monkeypatch.setattr(tutor.sandbox, "bwrap_works", lambda: False)
    with pytest.raises(SandboxError, match="bubblewrap"):
        run_code("result = 1", settings=settings.replace(sandbox="bwrap"))
    assert run_code("result = 1", settings=settings).backend == "subprocess"


def test_interpreter_under_tmp_stays_visible_in_bwrap(tmp_path, monkeypatch):
    # Regression: a checkout (and its .venv) under /tmp was hidden by bwrap's
    # fresh /tmp, so every sandboxed run failed with "execvp ... No such file".
    import tutor.sandbox as sb

    venv = tmp_path / "venv"
    venv.mkdir()
    monkeypatch.setattr(sb.sys, "prefix", str(venv))
    cmd = sb._command("bwrap", str(tmp_path / "box"), {}, [])
    if str(venv).startswith("/tmp/"):
        i = cmd.index(str(venv))
        assert cmd[i - 1] == "--ro-bind" and cmd[i + 1] == str(venv)
    assert cmd.index("--tmpfs") < cmd.index("--ro-bind", cmd.index("--tmpfs"))
