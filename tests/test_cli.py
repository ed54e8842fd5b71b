"""The command line, run as a user would (a subprocess), and in-process for speed."""

import subprocess
import sys

import pytest
from sqlmodel import select

from tutor.accounts import authenticate
from tutor.cli import _register, app
from tutor.models import Classroom, Enrollment, ParentLink, User


@pytest.fixture
def cli(monkeypatch):
    import functools

    from typer.testing import CliRunner

    import tutor.cli.core

    _register()
    # Each test has its own TUTOR_HOME: rebuild the CLI's cached context.
    monkeypatch.setattr(tutor.cli.core, "context", functools.cache(tutor.cli.core.context.__wrapped__))
    runner = CliRunner()
    return lambda *args, input=None: runner.invoke(app, list(args), input=input)


def test_help_on_every_command(cli):
    top = cli("--help")
    assert top.exit_code == 0
    for group, commands in {
        "db": ["upgrade", "current"],
        "demo": ["seed", "remove", "check-exposure"],
        "user": ["add", "reset-password", "list", "link-parent"],
        "class": ["create", "enroll", "list"],
    }.items():
        assert group in top.output
        out = cli(group, "--help")
        assert out.exit_code == 0, out.output
        for command in commands:
            assert command in out.output
            sub = cli(group, command, "--help")
            assert sub.exit_code == 0 and "Usage" in sub.output


def test_tutor_entry_point_runs_as_a_program(tutor_home):
    out = subprocess.run(
        [sys.executable, "-c", "from tutor.cli import main; main()", "db", "upgrade"],
        capture_output=True, text=True, timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "revision 0001" in out.stdout or "revision" in out.stdout
    assert (tutor_home / "tutor.db").exists()


def test_user_management_flow(cli, ctx):
    assert cli("db", "upgrade").exit_code == 0
    r = cli("user", "add", "teach", "--role", "teacher", "--name", "Ms T", "--password", "password123")
    assert r.exit_code == 0, r.output
    r = cli("user", "add", "kid", "--grade", "5", input="password123\npassword123\n")
    assert r.exit_code == 0, r.output
    assert cli("user", "add", "mum", "--role", "parent", "--password", "password123").exit_code == 0
    assert cli("user", "link-parent", "mum", "kid").exit_code == 0
    r = cli("class", "create", "Math 5", "--teacher", "teach")
    assert r.exit_code == 0 and "join code" in r.output
    code = r.output.strip().split()[-1]
    assert cli("class", "enroll", code, "kid").exit_code == 0
    r = cli("user", "reset-password", "kid", "--password", "newpassword9")
    assert r.exit_code == 0
    with ctx.session() as s:
        assert {u.username for u in s.exec(select(User))} == {"teach", "kid", "mum"}
        assert len(s.exec(select(ParentLink)).all()) == 1
        assert len(s.exec(select(Enrollment)).all()) == 1
        assert authenticate(session=s, username="kid", password="newpassword9").grade_level == 5
    listing = cli("user", "list")
    assert "teach" in listing.output and "teacher" in listing.output


def test_cli_errors_are_one_clear_line(tutor_home):
    def run(*args):
        return subprocess.run(
            [sys.executable, "-c", "from tutor.cli import main; main()", *args],
            capture_output=True, text=True, timeout=120,
        )

    assert run("db", "upgrade").returncode == 0
    assert run("user", "add", "dup", "--password", "password123").returncode == 0
    out = run("user", "add", "dup", "--password", "password123")
    assert out.returncode == 1
    assert "already taken" in out.stderr and "Traceback" not in out.stderr
    out = run("class", "enroll", "NOPE99", "dup")
    assert out.returncode == 1 and "No class has that join code" in out.stderr
    out = run("user", "reset-password", "ghost", "--password", "password123")
    assert out.returncode == 1 and "No user named 'ghost'" in out.stderr


def test_invalid_setting_fails_at_start_naming_the_variable(tutor_home):
    import os

    env = dict(os.environ, TUTOR_GPU_LAYERS="lots")
    out = subprocess.run(
        [sys.executable, "-c", "from tutor.cli import main; main()", "db", "upgrade"],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert out.returncode == 1
    assert "TUTOR_GPU_LAYERS" in out.stderr and "whole number" in out.stderr


def test_demo_seed_creates_school_once(cli, ctx):
    r = cli("demo", "seed")
    assert r.exit_code == 0, r.output
    assert "teacher" in r.output and "parent.ava" in r.output and "demo-pass-2026" in r.output
    with ctx.session() as s:
        students = s.exec(select(User).where(User.role == "student")).all()
        assert len(students) == 31  # Math 6B (grades 5-7) and Second grade 2A
        assert sorted(c.name for c in s.exec(select(Classroom)).all()) == ["Math 6B", "Second grade 2A"]
        assert {st.grade_level for st in students} >= {2, 5, 7}
        assert len(s.exec(select(ParentLink)).all()) == 2
    assert "Second grade 2A" in r.output
    again = cli("demo", "seed")
    assert "already has users" in again.output
    # make run on an existing demo database still reminds of the logins
    assert "parent.ava" in again.output and "demo-pass-2026" in again.output
    with ctx.session() as s:
        assert len(s.exec(select(User).where(User.role == "student")).all()) == 31


def test_the_cli_speaks_tutor_language(cli, ctx, monkeypatch):
    monkeypatch.setenv("TUTOR_LANGUAGE", "zh")
    assert cli("db", "upgrade").output.startswith("数据库版本 ")
    assert cli("user", "list").output == "还没有用户。请用 `tutor user add NAME --role teacher` 添加。\n"
    r = cli("user", "add", "teach", "--role", "teacher", "--password", "password123")
    assert r.exit_code == 0 and r.output.startswith("已添加老师 teach（编号 ")
    r = cli("class", "create", "数学五班", "--teacher", "teach")
    assert r.exit_code == 0 and r.output.startswith("已创建班级“数学五班”")
    code = r.output.strip().split()[-1]  # the join code stays the last word, in every language
    assert "老师 teach" in cli("class", "list").output and f"加入码 {code}" in cli("class", "list").output
    assert cli("check", "1/2 + 1/3 = 2/5").output.startswith("不成立：")


def test_cli_errors_are_in_tutor_language_and_exit_non_zero(tutor_home):
    """Also a regression: `model install` of an unknown name printed its error and exited 0 (typer.Exit's code
    was returned, not used, by main)."""
    import os

    env = dict(os.environ, TUTOR_LANGUAGE="zh")
    out = subprocess.run(
        [sys.executable, "-c", "from tutor.cli import main; main()", "model", "install", "no-such-model"],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert out.returncode == 1
    assert out.stderr.startswith("错误：'no-such-model' 既不是内置模型（") and "也不是文件" in out.stderr
