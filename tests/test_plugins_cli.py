"""`tutor plugins list`, `tutor practice` and `tutor learner fit` from the command line."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from tutor.cli import _register, app
from tutor.cli.core import context

from tests.support import require_module

runner = CliRunner()


@pytest.fixture(autouse=True)
def fresh_cli_context(ctx):
    """The CLI caches its context per process; give each test one over its own database."""
    _register()
    context.cache_clear()
    yield
    context.cache_clear()


def test_plugins_list_shows_versions_skills_and_agents():
    result = runner.invoke(app, ["plugins", "list"])
    assert result.exit_code == 0, result.output
    assert "fractions 1.0.0  [ok]" in result.output
    assert "frac.simplify" in result.output and "agents: word_problem_setup" in result.output
    assert "19 of 19 plugins ok" in result.output  # the ten subjects, the eight curriculum plugins and agents


def test_plugins_list_reports_an_unknown_plugin_name(monkeypatch):
    monkeypatch.setenv("TUTOR_PLUGINS", "arithmetic,nosuch")
    result = runner.invoke(app, ["plugins", "list"])
    assert result.exit_code == 0
    assert "nosuch ?  [FAILED]" in result.output and "not installed" in result.output
    assert "1 of 2 plugins ok" in result.output


def test_practice_right_and_wrong_answers():
    show = runner.invoke(app, ["practice", "--skill", "lin.one_step", "--seed", "3", "--difficulty", "2"], input="\n")
    assert show.exit_code == 0, show.output
    answer = show.output.split("The answer is ")[1].split(".")[0]
    right = runner.invoke(app, ["practice", "--skill", "lin.one_step", "--seed", "3", "--difficulty", "2"], input=f"{answer}\n")
    assert "Solve for x" in right.output and "Right!" in right.output and "Worked solution:" in right.output
    wrong = runner.invoke(app, ["practice", "--skill", "lin.one_step", "--seed", "3", "--difficulty", "2"],
                          input=f"{int(answer) + 1}\n")
    assert "Not quite." in wrong.output and f"The answer is {answer}." in wrong.output and "1. " in wrong.output


def test_practice_with_an_unknown_skill_lists_the_known_ones():
    from tutor.errors import NotFound

    result = runner.invoke(app, ["practice", "--skill", "nope", "--seed", "1"])
    assert isinstance(result.exception, NotFound) and "arith.add_sub" in str(result.exception)


def test_learner_fit_reports_skipped_and_fitted_skills(ctx):
    require_module("pyBKT")
    from tutor.accounts import create_user
    from tutor.learner import record_attempt

    rng = random.Random(5)
    t0 = datetime(2026, 1, 5, tzinfo=UTC)
    with ctx.session() as s:
        ctx.plugins.sync_skills(session=s)
        for k in range(8):
            kid = create_user(session=s, username=f"kid{k}", password="x" * 8, password_hash="h", role="student")
            known = False
            for i in range(10):
                correct = rng.random() < (0.9 if known else 0.2)
                known = known or rng.random() < 0.3
                record_attempt(session=s, student_id=kid.id, skill_id="arith.add_sub", problem_id=f"p{i}",
                               problem_text="q", expected_answer="1", answer_given="1",
                               verdict="correct" if correct else "incorrect", now=t0 + timedelta(minutes=i))
        record_attempt(session=s, student_id=kid.id, skill_id="frac.simplify", problem_id="f1", problem_text="q",
                       expected_answer="1", answer_given="1", verdict="correct", now=t0)
    result = runner.invoke(app, ["learner", "fit", "--min-attempts", "50", "--min-students", "5"])
    assert result.exit_code == 0, result.output
    assert "frac.simplify" in result.output and "skipped" in result.output
    assert "arith.add_sub" in result.output and "AUC" in result.output and "RMSE" in result.output
    assert "Fitted 1 of 2 skills." in result.output
    from tutor.models import BKTParams

    with ctx.session() as s:
        row = s.get(BKTParams, "arith.add_sub")
        assert row is not None and row.n_attempts == 80 and 0 <= row.auc <= 1 and row.rmse > 0


def test_restricting_subjects_keeps_the_agents_commands(tutor_home, monkeypatch):
    """TUTOR_PLUGINS chooses subjects; the agents' commands come through register_commands regardless."""
    import subprocess
    import sys

    monkeypatch.setenv("TUTOR_PLUGINS", "arithmetic")
    run = [sys.executable, "-c", "from tutor.cli import main; main()"]
    help_out = subprocess.run([*run, "--help"], capture_output=True, text=True, timeout=120)
    assert help_out.returncode == 0, help_out.stderr
    for command in ("ask", "chat", "plan", "verify-steps", "check", "practice"):
        assert f" {command} " in help_out.stdout, command
    listing = subprocess.run([*run, "plugins", "list"], capture_output=True, text=True, timeout=120)
    assert "1 of 1 plugins ok; 3 skills" in listing.stdout, listing.stdout + listing.stderr


def test_plugins_list_json_gives_every_skill_with_domain_grades_standards_and_languages():
    import json

    result = runner.invoke(app, ["plugins", "list", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    skills = {s["id"]: s for s in data["skills"]}
    frac = skills["frac.simplify"]
    assert frac["title"] == "Simplify fractions" and frac["domain"] == "NF"
    assert (frac["grade_min"], frac["grade_max"]) == (4, 5) and frac["standards"] == ["4.NF.A.1"]
    assert frac["languages"] == ["en", "zh"] and frac["plugin"] == "fractions"
    assert skills["word.multi_step"]["agents"] == ["word_problem_setup"]
    order = [s["id"] for s in data["skills"]]  # teaching order: a prerequisite before the skill
    assert all(order.index(p) < order.index(sid) for sid, s in skills.items() for p in s["prerequisites"])
    assert {p["name"] for p in data["plugins"]} >= {"fractions", "shapes", "statistics"}


def test_plugins_list_json_speaks_the_language_asked_for(monkeypatch):
    import json

    monkeypatch.setenv("TUTOR_LANGUAGE", "zh")
    data = json.loads(runner.invoke(app, ["plugins", "list", "--json"]).output)
    frac = next(s for s in data["skills"] if s["id"] == "frac.simplify")
    assert data["language"] == "zh" and frac["title"] == "约分" and frac["domain_name"] == "分数与运算"
