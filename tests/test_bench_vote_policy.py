"""bench/vote_policy.py replays vote rules over stored program answers the way the tutor judges them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tutor.verify import compare_answers

_spec = importlib.util.spec_from_file_location(
    "vote_policy", Path(__file__).resolve().parent.parent / "bench" / "vote_policy.py")
vote_policy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(vote_policy)


def row(draft, programs, gold):
    return {"id": "q", "question": "?", "gold": gold, "draft": draft, "draft_right": draft == gold,
            "programs": programs}


def rule(samples=6, against=True):
    return {"votes": 2, "margin": 2, "samples": samples, "draft_against": against}


def test_two_agreeing_programs_verify_a_draft_after_one_round():
    assert vote_policy.replay(row("7", ["7", "7", "1", "1", "1", "1"], "7"), compare_answers, **rule()) == \
        ("verified", 2, "7")


def test_a_split_four_is_settled_by_a_budget_of_six_only():
    r = row("8", ["8", "4", "8", None, "8", "8"], "8")
    assert vote_policy.replay(r, compare_answers, **rule(samples=4)) == ("undetermined", 4, "8")
    assert vote_policy.replay(r, compare_answers, **rule(samples=6)) == ("verified", 6, "8")


def test_the_first_draft_weighs_against_the_repair_that_overrules_it():
    r = row("24", ["36", "36", "36", "24", "36", "24"], "24")
    assert vote_policy.replay(r, compare_answers, **rule(against=False)) == ("verified", 4, "36")
    assert vote_policy.replay(r, compare_answers, **rule(against=True))[0] == "undetermined"


def test_a_negative_how_many_program_is_no_vote_in_the_replay_as_in_the_tutor():
    r = dict(row("20", ["20", "-20", "-20", "20", "-20", "20"], "20"),
             question="The pen costs $30 and Kate has $10. How much more money does she need?")
    assert vote_policy.replay(r, compare_answers, **rule())[0] == "undetermined"  # 3-3 on the raw answers
    assert vote_policy.replay(r, compare_answers, **rule(), fit=True) == ("verified", 4, "20")


def test_extend_gives_a_collected_row_its_next_programs_in_place(tmp_path, monkeypatch):
    """collect --extend: a row with fewer programs than --samples gets the next indices, keeps its place and
    its first programs; rows already long enough are not touched."""
    import json
    from types import SimpleNamespace

    out = tmp_path / "samples.jsonl"
    rows = [dict(row("8", ["8", "8"], "8"), id="a", seconds=1.0),
            dict(row("5", ["5", "4", "5", "4"], "5"), id="b", seconds=2.0)]
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    asked: list[list[int]] = []

    class Model:
        decodes_batches = True

        def complete_many(self, batch):
            return ["```python\nresult = 8\n```"] * len(batch)

    import agents.resolve
    import tutor.context
    import tutor.sandbox

    monkeypatch.setattr(tutor.context, "TutorContext", lambda settings: SimpleNamespace(llm=Model()))
    monkeypatch.setattr(tutor.context, "configure_logging", lambda settings: None)
    monkeypatch.setattr(tutor.sandbox, "run_code", lambda code, **kw: SimpleNamespace(ok=True, result=8, stdout=""))
    real = agents.resolve.program_request
    monkeypatch.setattr(agents.resolve, "program_request", lambda q, i: asked.append(i) or real(q, i))
    monkeypatch.setattr(vote_policy, "load", lambda skip, n: [
        {"id": r["id"], "question": r["question"], "gold": r["gold"], "final_answer": r["draft"],
         "label": "right"} for r in [*rows, dict(rows[0], id="new")]])
    vote_policy.collect(SimpleNamespace(out=out, skip=0, n=None, samples=4, extend=True))
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in got] == ["a", "b"]
    assert got[0]["programs"] == ["8", "8", "8", "8"] and got[1]["programs"] == ["5", "4", "5", "4"]
    assert asked == [2, 3]  # the next two indices, in the tutor's order; a row not collected yet is left out
