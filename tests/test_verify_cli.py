"""`tutor verify-steps` contract: one verdict line per input line, in order, exit 0."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tutor.cli import _register, app

_register()


def test_verify_steps_contract(tmp_path):
    cases = [
        {"id": "ok", "question": "q", "steps": ["3 x 4 = 12", "12 + 1 = 13"], "final_answer": "13", "label": "x"},
        {"id": "bad", "question": "q", "steps": ["3 x 4 = 14", "14 + 1 = 15"], "final_answer": "15"},
        {"id": "final", "question": "q", "steps": ["3 x 4 = 12"], "final_answer": "120"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([json.dumps(c) for c in cases] + ["{not json", json.dumps({"id": "nosteps"}), "[1]"]) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["verify-steps", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["ok", "bad", "final", None, "nosteps", None]
    assert [r["verdict"] for r in rows] == ["correct", "wrong", "wrong", "undetermined", "undetermined", "undetermined"]
    assert [r["first_error_step"] for r in rows] == [None, 0, 1, None, None, None]
    assert all(set(r) == {"id", "verdict", "first_error_step", "explanation"} for r in rows)


def test_unreadable_input_fails(tmp_path):
    result = CliRunner().invoke(app, ["verify-steps", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o")])
    assert result.exit_code != 0


def test_check_command():
    result = CliRunner().invoke(app, ["check", "2x+3=11 -> x=4"])
    assert result.exit_code == 0
    assert result.output.startswith("verified")
    result = CliRunner().invoke(app, ["check", "$4 x 7 = $82"])
    assert result.output.startswith("refuted") and "28" in result.output
