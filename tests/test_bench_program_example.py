"""bench/program_example.py asks questions the tutor_eval run does not, scores programs by value, and compares the
prompts with and without the worked example on the same requests otherwise; the eval it complements saves each
run under its own name."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "program_example", Path(__file__).resolve().parent.parent / "bench" / "program_example.py")
program_example = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(program_example)


@pytest.mark.parametrize(("answer", "gold", "right"), [
    ("48", "48", True), ("48.0", "48", True), ("7/12", "0.583333333", True), ("1,250", "1250", True),
    ("47", "48", False), (None, "48", False), ("{2, 5}", "2", False), ("x + 1", "1", False),
])
def test_a_program_is_right_when_its_value_is_the_gold(answer, gold, right):
    assert program_example.is_right(answer, gold) is right


def test_the_questions_are_not_the_ones_tutor_eval_asks():
    from bench.tutor_eval import load_questions

    asked = {q["id"] for q in load_questions(50)}
    rows = program_example.questions(5, 5)
    assert [r["lang"] for r in rows] == ["en"] * 5 + ["zh"] * 5
    assert not asked & {r["id"] for r in rows} and all(r["gold"] for r in rows)


def test_the_variants_differ_only_in_the_worked_example(settings):
    import agents.resolve
    from tutor.llm.fake import FakeChatModel

    rows = [{"id": "q", "question": "Sam has 60 pens and gives away 20%. How many are left?", "gold": "48",
             "lang": "en"}]
    program = "```python\nresult = 60 - 60 * 20 / 100\nprint(result)\n```"
    plain, example = FakeChatModel(program, program), FakeChatModel(program, program)
    none = program_example.run_variant("none", rows, plain, settings)
    shown = program_example.run_variant("example", rows, example, settings)
    assert none["summary"]["en"]["both_right"] == shown["summary"]["en"]["both_right"] == 1
    assert none["summary"]["en"]["agree_wrong"] == 0
    for without, with_example in zip(plain.history, example.history, strict=True):
        a, b = [m.content for m in without.messages], [m.content for m in with_example.messages]
        assert a[0] == b[0] and a[-1] == b[-1]  # the same instructions and question
        assert len(b) == len(a) + 2 and agents.resolve.EXAMPLE_QUESTION in b[1]
    assert agents.resolve.program_messages.__name__ == "program_messages"  # the tutor's prompt is never patched


@pytest.mark.parametrize(("out", "summary"), [
    ("bench/results/tutor_eval.run12", "bench/results/tutor_eval.run12.summary.json"),
    ("bench/results/tutor_eval.run12.jsonl", "bench/results/tutor_eval.run12.summary.json"),
    ("tutor_eval.jsonl", "tutor_eval.summary.json"),
])
def test_tutor_evals_summary_keeps_the_runs_name(out, summary):
    """A run saved as ``tutor_eval.run12`` had its summary written over the default ``tutor_eval.summary.json``."""
    from bench.tutor_eval import summary_path

    assert summary_path(Path(out)) == Path(summary)
