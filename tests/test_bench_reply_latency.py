"""bench/reply_latency.py: its pure parts (percentiles, first progress, summary) and its timers, no model."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from bench.reply_latency import (
    Recorder,
    TimedLLM,
    breakdown,
    is_checked_status,
    is_visible,
    language_of,
    percentile,
    select,
    spread,
    summarise,
    table,
    timeline,
)


def ev(kind: str, text: str = "") -> SimpleNamespace:
    return SimpleNamespace(type=kind, text=text)


def test_percentile_interpolates_between_order_statistics():
    assert percentile([], 50) is None
    assert percentile([7], 90) == 7
    assert percentile([3, 1, 2], 50) == 2
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile(range(1, 11), 90) == pytest.approx(9.1)
    assert percentile([1, 2], 100) == 2 and percentile([1, 2], 0) == 1
    with pytest.raises(ValueError):
        percentile([1], 101)


def test_spread_skips_missing_values():
    assert spread([None, 1.0, 3.0, None]) == {"n": 2, "p50": 2.0, "p90": 2.8, "max": 3.0}
    assert spread([]) == {"n": 0, "p50": None, "p90": None, "max": None}


def test_visible_events():
    assert is_visible("status", "checking")
    assert is_visible("token", "The ")
    assert not is_visible("token", " \n")
    assert is_checked_status("Worked out with SymPy: x = 4 ✓")
    assert is_checked_status("Checked: 3 x 12 = 36 ✓")
    assert is_checked_status("已用 SymPy 算出：x = 4 ✓")
    assert not is_checked_status("checking")
    assert not is_checked_status("Checking program 1 got 8")


def test_timeline_tool_first_reply():
    events = [(0.4, ev("status", "Worked out with SymPy: 0.85 ✓")), (1.1, ev("token", "0.25 ")),
              (1.3, ev("token", "+ 0.6 ")), (3.0, ev("status", "checking")), (3.2, ev("final", "0.85"))]
    t = timeline(events, "verified")
    assert t["first_progress"] == 0.4 and t["first_progress_kind"] == "status"
    assert t["first_token"] == 1.1
    assert t["first_checked"] == 0.4 and t["checked_from"] == "status"
    assert t["first_checking"] == 3.0  # checking under way: a checked result is counted apart
    assert t["final"] == 3.2
    assert t["max_gap"] == pytest.approx(1.7)  # 1.3 -> 3.0
    assert t["tokens"] == 2 and t["statuses"] == [[0.4, "Worked out with SymPy: 0.85 ✓"], [3.0, "checking"]]


def test_timeline_blank_tokens_are_not_progress_and_final_counts_when_verified():
    events = [(0.5, ev("token", "\n")), (2.5, ev("token", "Let's ")), (9.0, ev("status", "checking")),
              (12.0, ev("status", "Writing a checking program (1 of at most 4)")), (20.0, ev("final", "x"))]
    t = timeline(events, "verified")
    assert t["first_progress"] == 2.5 and t["first_progress_kind"] == "token"
    assert t["first_checking"] == 9.0
    assert t["first_checked"] == 20.0 and t["checked_from"] == "final"
    assert t["max_gap"] == 8.0
    unchecked = timeline(events, "undetermined")
    assert unchecked["first_checked"] is None and unchecked["checked_from"] is None


def test_timeline_a_line_marked_while_the_draft_streams_is_the_first_checked_statement():
    events = [(0.1, ev("status", "Writing")), (2.0, ev("token", "5 + 3 = 8. ")), (2.4, ev("checked", "5 + 3 = 8")),
              (9.0, ev("status", "Checked: 5 + 3 = 8 ✓")), (20.0, ev("final", "8"))]
    t = timeline(events, "verified")
    assert t["first_checked"] == 2.4 and t["checked_from"] == "line"
    assert t["max_gap"] == pytest.approx(11.0)  # the mark is progress too: 9.0 -> 20.0 is the longest wait


def test_timeline_checked_claims_and_no_events():
    events = [(1.0, ev("token", "36 ")), (4.0, ev("status", "Checked: 3 x 12 = 36 ✓")), (5.0, ev("final"))]
    assert timeline(events, "verified")["first_checked"] == 4.0
    quiet = timeline([(6.0, ev("final", "hi"))], "no_math")
    # a reply with no status before it is itself the first progress the student sees (held-out set 3: a
    # "no math" reply at 0.6 s failed the "progress within 2 s" goal for having no status)
    assert quiet["first_progress"] == 6.0 and quiet["first_progress_kind"] == "final"
    assert quiet["max_gap"] == 6.0 and quiet["final"] == 6.0
    assert timeline([], None)["final"] is None and timeline([], None)["max_gap"] is None


def test_breakdown_other_is_what_parts_leave():
    parts = {"prompt_s": 1.0, "generation_s": 4.0, "sandbox_s": 0.5, "verification_s": 1.5,
             "verification_overlap_s": 1.0, "prompt_tokens": 300.0, "llm_calls": 2.0}
    b = breakdown(parts, 8.0)
    assert b["other_s"] == pytest.approx(2.0)  # 8 - (1 + 4 + 0.5 + 1.5 - 1)
    assert b["prompt_tokens"] == 300 and b["llm_calls"] == 2 and b["batch_prompt_s"] == 0
    assert breakdown(parts, None)["other_s"] is None


def test_language_and_selection():
    qs = [{"id": "a", "question": "0.25 + 0.6"}, {"id": "b", "question": "3的平方是多少"},
          {"id": "c", "question": "what", "lang": "zh-CN"}, {"id": "d", "question": "x+1", "language": "en"}]
    assert [language_of(q) for q in qs] == ["en", "zh", "zh", "en"]
    assert [q["id"] for q in select(qs, None, "zh")] == ["b", "c"]
    assert [q["id"] for q in select(qs, 3, None)] == ["a", "b", "c"]
    assert [q["id"] for q in select(qs, 1, "en")] == ["a"]


def row(final: float, status: str = "verified", progress: float = 0.5) -> dict:
    return {"id": "q", "question": "?", "status": status, "first_progress": progress, "first_token": progress,
            "first_checking": None, "first_checked": final, "checked_from": "final", "final": final,
            "max_gap": final - progress, "first_progress_kind": "token", "prompt_s": 1.0, "generation_s": 2.0,
            "batch_prompt_s": 0.0, "batch_generation_s": 0.0, "sandbox_s": 0.1, "verification_s": 0.2,
            "verification_overlap_s": 0.0, "other_s": final - 3.3, "prompt_tokens": 200, "prompt_evaluated": 150,
            "generated_tokens": 90, "llm_calls": 1}


def test_summary_ratio_goals_and_errors():
    rows = [row(10.0), row(20.0, "undetermined"), row(30.0),
            {"id": "e", "question": "?", "status": "error", "error": "boom", "final": None}]
    s = summarise(rows, [9.0, 10.0, 11.0], {"model": "m.gguf"})
    assert s["model"] == "m.gguf" and s["questions"] == 4 and s["errors"] == 1
    assert s["statuses"] == {"verified": 2, "undetermined": 1, "error": 1}
    assert s["latency"]["final"] == {"n": 3, "p50": 20.0, "p90": 28.0, "max": 30.0}
    assert s["latency"]["final_verified"]["p50"] == 20.0  # median of 10 and 30
    assert s["bare_generation"]["median"] == 10.0
    assert s["ratio_final_to_bare"] == 2.0 and s["ratio_verified_to_bare"] == 2.0
    assert s["breakdown"]["prompt_tokens"]["p50"] == 200 and s["breakdown_mean"]["generation_s"] == 2.0
    assert s["goals"] == {"final_p50_le_12s": False, "final_p90_le_25s": False,
                          "first_progress_le_2s_every_question": True, "ratio_le_1_2": False}
    fast = summarise([row(4.0), row(5.0, progress=2.5)], [5.0])
    assert fast["goals"]["final_p50_le_12s"] and fast["goals"]["ratio_le_1_2"]
    assert not fast["goals"]["first_progress_le_2s_every_question"]
    assert summarise([], [])["ratio_final_to_bare"] is None
    text = table(rows, s)
    assert "final reply" in text and "median final reply / bare generation: 2.0" in text


class SlowModel:
    """A model that takes a while to its first piece, then streams; a batch calls back mid-way."""

    decodes_batches = True

    def __init__(self):
        self.calls = []
        self._batch = None

    def stream(self, messages, params=None):
        time.sleep(0.05)
        for piece in ("a", "b", "c"):
            yield piece
            time.sleep(0.01)

    def count_tokens(self, text):
        return len(text)

    def _count_batch(self, total, evaluated):
        self.calls.append({"path": "batch", "prompt": total, "evaluated": evaluated})

    def complete_many(self, requests):
        time.sleep(0.03)
        self._count_batch(10, 4)  # what llama.cpp's batch decoder does once the prompts are decoded
        time.sleep(0.02)
        return ["xy" for _ in requests]


def test_timed_model_splits_prompt_and_generation_and_marks_overlap():
    rec = Recorder()
    llm = TimedLLM(SlowModel(), rec)
    check = rec.timed("verification_s", lambda text: time.sleep(0.01) or [])
    pieces = []
    for piece in llm.stream([], None):
        pieces.append(piece)
        check("".join(pieces))  # the draft watch checks lines while the model generates
    check("after")
    assert pieces == ["a", "b", "c"] and llm.decodes_batches
    parts = rec.snapshot()
    assert 0.045 <= parts["prompt_s"] < 5
    assert parts["generation_s"] >= 0.02
    assert parts["generated_tokens"] == 3 and parts["llm_calls"] == 1
    assert parts["verification_s"] >= 0.04 and 0.03 <= parts["verification_overlap_s"] < parts["verification_s"]
    assert rec.generating == 0

    rec.reset()
    assert llm.complete_many([([], None), ([], None)]) == ["xy", "xy"]
    parts = rec.snapshot()
    assert 0.025 <= parts["batch_prompt_s"] < 5 and 0.015 <= parts["batch_generation_s"] < 5
    assert parts["generated_tokens"] == 4 and llm.base.calls[-1]["evaluated"] == 4
    assert llm.complete([], None) == "abc"


def test_draft_batch_both_runs_each_question_both_ways_and_pairs_them():
    from bench.reply_latency import draft_batch_ratio, draft_batch_runs, select

    assert draft_batch_runs("on", 1) == [True] and draft_batch_runs("off", 1) == [False]
    assert draft_batch_runs("both", 1) == [True, False] and draft_batch_runs("both", 2) == [False, True]
    rows = [{"draft_batch": True, "final": 10.0}, {"draft_batch": False, "final": 20.0},
            {"draft_batch": False, "final": 30.0}, {"draft_batch": True, "final": 15.0},
            {"draft_batch": True, "final": None}, {"draft_batch": False, "final": 9.0}]
    assert draft_batch_ratio(rows) == 0.5
    questions = [{"id": "a", "question": "x", "kind": "word"}, {"id": "b", "question": "y", "kind": "numeric"}]
    assert [q["id"] for q in select(questions, kind="word")] == ["a"]
