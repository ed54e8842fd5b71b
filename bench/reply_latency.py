"""Reply latency: how long a student waits for visible progress, a checked statement and the checked reply.

Issue 14's benchmark. Each question of the everyday set (``bench/data/everyday.jsonl``, see
``bench/everyday.py``) is sent through ``agents.service.TutorChat.send``: the service and the streamed
events the Learn page uses (``webapp/student.py``), on a throwaway TUTOR_HOME with the usual model
file, no student and a fresh thread per question (as ``bench/everyday.py`` does). The model is loaded
and the graph built before the clock starts (the page loads the model once, before the first question).

Per reply, seconds from sending the message to:

- **first visible progress**: the first ``status`` event (the page shows every status line), or the
  first ``token`` event whose text is not blank (draft tokens are shown as they stream), whichever
  comes first. A blank token (spaces, a newline) does not count: nothing readable changes.
- **first token**: the first non-blank draft token (the model's own first visible output).
- **first checking status**: the first status that says checking is under way ("checking",
  "Writing a checking program …", "Checking program 1 got …", "正在检查", "检查程序 …"); a checked
  result (below) is not counted here.
- **first checked statement**: the first status that shows a checked result, i.e. one carrying the
  check mark ✓ or starting with "Worked out" / "Checked:" (Chinese: "已用 SymPy 算出" / "已检查"):
  SymPy's worked-out answer ("Worked out with SymPy: x = 4 ✓") or the draft's verified claims
  ("Checked: 3 x 12 = 36 ✓"). When no such status comes but the final reply is ``verified``, the
  final reply is the first checked statement the student sees (``checked_from`` says which). A
  ``checked`` event (a line of the draft whose calculation the verifier found true while the draft
  streams, marked on the page at once) is a checked statement too (``checked_from``: ``line``). A
  status that only says checking has started ("checking") is not a checked statement.
- **final**: the ``final`` event (the checked reply replaces the draft); its ``status`` is recorded.
- **max gap**: the longest stretch without visible progress (start to first progress, between
  visible events, last one to the final reply); the issue asks for no more than about 2 s.

Breakdown per reply, measured from outside without changing the tutor: the graph's model, sandbox and
verifier are wrapped (``AgentContext.from_tutor`` with overrides) and timed:

- ``prompt_s``: streamed calls (drafts, classification, programs made in turn), from the call to its
  first generated piece: prompt processing plus the first token (and any wait for the shared model's lock).
- ``generation_s``: streamed calls, from the first piece to the end (or to the early stop).
- ``batch_prompt_s`` / ``batch_generation_s``: ``complete_many`` (the batched re-solve programs), split
  where llama.cpp's batch decoder reports that the prompts are decoded (``LlamaCppModel._count_batch``);
  when a call holds more than one batch (> 4 requests), later batches' prompts count as generation.
- ``sandbox_s``: ``run_code`` (the re-solve programs in the sandbox).
- ``verification_s``: ``check_text``, ``check_steps``, ``compare_answers`` and the SymPy recogniser
  (``solve_question``). ``verification_overlap_s`` is the part that started while the model was
  generating (the draft watch checks finished lines during the draft, in another thread): not additive.
- ``other_s``: the final reply time less the parts above (less the overlap): the graph, routing,
  the checkpointer, language detection, waiting between nodes.
- ``prompt_tokens`` / ``prompt_evaluated``: prompt tokens the calls asked for and those llama.cpp
  actually decoded (the rest was reused from the KV cache), from ``LlamaCppModel.calls``;
  ``generated_tokens``: the replies' tokens; ``llm_calls``: model calls (a batch counts once).

Not broken down: the time inside one verifier call (SymPy vs parsing vs the bounded worker's
process hop), the re-solve's vote, and prompt vs generation inside a batch call beyond the first batch.

The same run times a **bare generation** of the same model with the settings' threads (one per
physical core by default; ``TUTOR_THREADS`` overrides): the loaded ``llama_cpp.Llama`` with its cache
emptied, ``Llama.generate`` on the chat-formatted prompt of ``bench/llm_speed.py``, greedy, stopped after
exactly 100 tokens (no stop strings, no detokenising): prompt processing plus 100 tokens, ``--bare-runs``
times after one short warm-up, median. Reported: p50 / p90 / max of each latency (percentiles by linear
interpolation between order statistics), and the ratio median final reply / median bare generation (also
over verified replies only), which stays comparable on a noisy machine.

    python bench/reply_latency.py -n 2 --model small
    python bench/reply_latency.py --json bench/results/reply_latency.jsonl   # rows + .summary.json beside
    python bench/reply_latency.py --lang zh --data bench/data/everyday_heldout.jsonl

A question's language is its ``lang`` or ``language`` field, else ``zh`` when it has Chinese characters,
else ``en``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.everyday import DATA, cut
from bench.everyday import load as load_questions

BARE_TOKENS = 100
LATENCIES = ("first_progress", "first_token", "first_checking", "first_checked", "final", "max_gap")
BREAKDOWN = ("prompt_s", "generation_s", "batch_prompt_s", "batch_generation_s", "sandbox_s", "verification_s",
             "verification_overlap_s", "other_s", "prompt_tokens", "prompt_evaluated", "generated_tokens",
             "llm_calls")
CHECKED_PREFIXES = ("Worked out", "Checked:", "已用 SymPy 算出", "已检查")
CHECK_MARK = "✓"
CHECKING = re.compile(r"check|检查|核对", re.IGNORECASE)
HAN = re.compile(r"[\u3400-\u9fff]")
# The issue's targets (two cores, default model).
GOALS = {"final_p50_max": 12.0, "final_p90_max": 25.0, "first_progress_max": 2.0, "ratio_max": 1.2}


# ---------------------------------------------------------------- pure helpers

def percentile(values: Iterable[float], q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation between order statistics; None for no values."""
    data = sorted(values)
    if not data:
        return None
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is not between 0 and 100")
    pos = (len(data) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)


def spread(values: Iterable[float | None]) -> dict[str, Any]:
    """n, p50, p90 and max of the values that are not None (rounded to 0.01)."""
    data = [v for v in values if v is not None]

    def r(v: float | None) -> float | None:
        return None if v is None else round(v, 2)

    return {"n": len(data), "p50": r(percentile(data, 50)), "p90": r(percentile(data, 90)),
            "max": r(max(data) if data else None)}


TEXT_KEPT = 8000
"""Characters of each reply kept in the rows: whole, so ``bench/everyday.py --rescore`` reads its final answer (a
600-character cut made four long right replies read as wrong)."""


def is_visible(kind: str, text: str) -> bool:
    """Would the Learn page show something new for this event? Every status line; a token with readable text."""
    if kind in ("status", "checked"):
        return True
    if kind == "token":
        return bool(text.strip())
    return kind == "final"


def is_checked_status(text: str) -> bool:
    """A status showing a checked result: SymPy's worked-out answer or the draft's verified claims."""
    text = text.strip()
    return CHECK_MARK in text or text.startswith(CHECKED_PREFIXES)


def is_checking_status(text: str) -> bool:
    """A status that says checking is under way ("checking", a checking program), not a checked result."""
    return bool(CHECKING.search(text)) and not is_checked_status(text)


def timeline(events: Sequence[tuple[float, Any]], reply_status: str | None = None) -> dict[str, Any]:
    """Latencies of one reply from ``(seconds since sending, event)`` pairs in arrival order.

    An event has ``type`` (token / checked / status / final) and ``text``. ``reply_status`` is the final reply's
    status: a ``verified`` reply counts as the first checked statement when no status showed one.
    """
    out: dict[str, Any] = {key: None for key in LATENCIES}
    out |= {"first_progress_kind": None, "checked_from": None, "statuses": [], "tokens": 0}
    visible: list[float] = []
    for t, event in events:
        kind, text = event.type, event.text or ""
        if kind == "final":
            if out["final"] is None:
                out["final"] = t
            if out["first_progress"] is None:
                # a reply that comes before any status (a greeting, a "no math" answer) is itself the progress seen
                out["first_progress"], out["first_progress_kind"] = t, kind
            continue
        if kind == "token":
            out["tokens"] += 1
        elif kind == "status":
            out["statuses"].append([round(t, 2), text])
        if not is_visible(kind, text):
            continue
        visible.append(t)
        if out["first_progress"] is None:
            out["first_progress"], out["first_progress_kind"] = t, kind
        if kind == "token" and out["first_token"] is None:
            out["first_token"] = t
        if kind == "checked" and out["first_checked"] is None:
            out["first_checked"], out["checked_from"] = t, "line"
        if kind == "status":
            if out["first_checking"] is None and is_checking_status(text):
                out["first_checking"] = t
            if out["first_checked"] is None and is_checked_status(text):
                out["first_checked"], out["checked_from"] = t, "status"
    if out["first_checked"] is None and reply_status == "verified" and out["final"] is not None:
        out["first_checked"], out["checked_from"] = out["final"], "final"
    if out["final"] is not None:
        marks = [0.0] + [t for t in visible if t <= out["final"]] + [out["final"]]
        out["max_gap"] = max(b - a for a, b in pairwise(marks))
    for key in LATENCIES:
        if out[key] is not None:
            out[key] = round(out[key], 3)
    return out


def breakdown(parts: dict[str, float], final: float | None) -> dict[str, Any]:
    """The breakdown row fields from a recorder's totals; ``other_s`` is what the timed parts do not cover."""
    out: dict[str, Any] = {}
    for key in BREAKDOWN:
        if key == "other_s":
            continue
        value = parts.get(key, 0)
        out[key] = round(value, 3) if key.endswith("_s") else int(value)
    if final is not None:
        covered = sum(out[k] for k in ("prompt_s", "generation_s", "batch_prompt_s", "batch_generation_s",
                                        "sandbox_s", "verification_s")) - out["verification_overlap_s"]
        out["other_s"] = round(final - covered, 3)
    else:
        out["other_s"] = None
    return out


def language_of(q: dict) -> str:
    """A question's language: its ``lang`` / ``language`` field, else zh for Chinese characters, else en."""
    lang = q.get("lang") or q.get("language")
    if lang:
        return str(lang).lower().split("-")[0].split("_")[0]
    return "zh" if HAN.search(q.get("question", "")) else "en"


def select(questions: list[dict], n: int | None = None, lang: str | None = None,
           kind: str | None = None) -> list[dict]:
    """The questions in ``lang`` (all for None) of ``kind`` (word, numeric, ...; all for None), then the first
    ``n``."""
    chosen = [q for q in questions if (lang is None or language_of(q) == lang)
              and (kind is None or q.get("kind") == kind)]
    return chosen[:n] if n else chosen


def draft_batch_ratio(rows: list[dict]) -> float | None:
    """Median over questions of final seconds batched / alone, from ``--draft-batch both`` rows (in pairs)."""
    ratios = []
    for a, b in zip(rows[0::2], rows[1::2]):
        on, off = (a, b) if a.get("draft_batch") else (b, a)
        if on.get("final") and off.get("final"):
            ratios.append(on["final"] / off["final"])
    return round(statistics.median(ratios), 2) if ratios else None


def draft_batch_runs(setting: str, index: int) -> list[bool]:
    """For ``--draft-batch``: whether each run of question ``index`` batches the first draft with the first
    round of programs. ``both`` runs each question twice, alternating which goes first, so neither setting
    always finds the caches the other warmed."""
    if setting == "on":
        return [True]
    if setting == "off":
        return [False]
    return [True, False] if index % 2 else [False, True]


def summarise(rows: list[dict], bare_seconds: Sequence[float], meta: dict | None = None) -> dict[str, Any]:
    """The summary of the rows and the bare-generation runs: spreads, statuses, ratio, the issue's goals."""
    ok = [r for r in rows if r.get("status") != "error"]
    summary: dict[str, Any] = dict(meta or {})
    summary["questions"] = len(rows)
    summary["errors"] = len(rows) - len(ok)
    summary["statuses"] = dict(Counter(r.get("status") for r in rows))
    summary["latency"] = {key: spread(r.get(key) for r in ok) for key in LATENCIES}
    summary["latency"]["final_verified"] = spread(r.get("final") for r in ok if r.get("status") == "verified")
    summary["checked_from"] = dict(Counter(r.get("checked_from") or "none" for r in ok))
    summary["first_progress_kind"] = dict(Counter(r.get("first_progress_kind") or "none" for r in ok))
    summary["breakdown"] = {key: spread(r.get(key) for r in ok) for key in BREAKDOWN}
    summary["breakdown_mean"] = {
        key: round(statistics.fmean(vals), 3) if (vals := [r[key] for r in ok if r.get(key) is not None]) else None
        for key in BREAKDOWN}
    bare = sorted(bare_seconds)
    bare_median = statistics.median(bare) if bare else None
    finals = [r["final"] for r in ok if r.get("final") is not None]
    verified = [r["final"] for r in ok if r.get("final") is not None and r.get("status") == "verified"]
    summary["bare_generation"] = {"tokens": BARE_TOKENS, "runs": [round(b, 3) for b in bare_seconds],
                                  "median": round(bare_median, 3) if bare_median is not None else None}
    summary["ratio_final_to_bare"] = (round(statistics.median(finals) / bare_median, 2)
                                      if finals and bare_median else None)
    summary["ratio_verified_to_bare"] = (round(statistics.median(verified) / bare_median, 2)
                                         if verified and bare_median else None)
    lat = summary["latency"]
    progress_all = [r.get("first_progress") for r in ok]
    summary["goals"] = {
        "final_p50_le_12s": lat["final"]["p50"] is not None and lat["final"]["p50"] <= GOALS["final_p50_max"],
        "final_p90_le_25s": lat["final"]["p90"] is not None and lat["final"]["p90"] <= GOALS["final_p90_max"],
        "first_progress_le_2s_every_question": bool(progress_all) and all(
            p is not None and p <= GOALS["first_progress_max"] for p in progress_all),
        "ratio_le_1_2": summary["ratio_final_to_bare"] is not None
                        and summary["ratio_final_to_bare"] <= GOALS["ratio_max"],
    }
    return summary


def fmt(v: Any, width: int = 6) -> str:
    if v is None:
        return f"{'-':>{width}}"
    if isinstance(v, float):
        return f"{v:{width}.1f}"
    return f"{v!s:>{width}}"


def table(rows: list[dict], summary: dict) -> str:
    """The rows and the summary as text."""
    lines = [(f"{'id':6} {'status':12} {'prog':>6} {'token':>6} {'check':>6} {'✓':>6} {'final':>6} {'gap':>6} "
              f"{'prompt':>6} {'gen':>6} {'batch':>6} {'sbox':>6} {'verif':>6} {'other':>6} {'p.tok':>6} "
              f"{'p.dec':>6} {'g.tok':>6}  question")]
    for r in rows:
        batch = None if r.get("batch_prompt_s") is None else r["batch_prompt_s"] + r["batch_generation_s"]
        lines.append(
            f"{r['id']:6} {r.get('status', ''):12} " + " ".join(fmt(r.get(k)) for k in (
                "first_progress", "first_token", "first_checking", "first_checked", "final", "max_gap", "prompt_s",
                "generation_s")) + f" {fmt(batch)} " + " ".join(fmt(r.get(k)) for k in (
                    "sandbox_s", "verification_s", "other_s", "prompt_tokens", "prompt_evaluated",
                    "generated_tokens")) + f"  {cut(r.get('question', ''), 40)}")
    lines.append("")
    lines.append(f"{'seconds':22} {'n':>4} {'p50':>7} {'p90':>7} {'max':>7}")
    names = {"first_progress": "first visible progress", "first_token": "first draft token",
             "first_checking": "first checking status", "first_checked": "first checked statement",
             "final": "final reply", "final_verified": "final reply (verified)", "max_gap": "longest gap"}
    for key, name in names.items():
        s = summary["latency"][key]
        lines.append(f"{name:22} {s['n']:4d} {fmt(s['p50'], 7)} {fmt(s['p90'], 7)} {fmt(s['max'], 7)}")
    lines.append("")
    lines.append("breakdown per reply      n     p50     p90     max    mean")
    for key in BREAKDOWN:
        s = summary["breakdown"][key]
        lines.append(f"{key:22} {s['n']:4d} {fmt(s['p50'], 7)} {fmt(s['p90'], 7)} {fmt(s['max'], 7)} "
                     f"{fmt(summary['breakdown_mean'][key], 7)}")
    bare = summary["bare_generation"]
    lines.append("")
    lines.append(f"statuses: {summary['statuses']}; first checked statement from: {summary['checked_from']}")
    lines.append(f"bare {bare['tokens']}-token generation: runs {bare['runs']} s, median {bare['median']} s")
    lines.append(f"median final reply / bare generation: {summary['ratio_final_to_bare']} "
                 f"(verified replies only: {summary['ratio_verified_to_bare']})")
    lines.append(f"goals: {summary['goals']}")
    return "\n".join(lines)


# ---------------------------------------------------------------- timing the tutor's parts from outside

class Recorder:
    """Seconds and counts per part, summed over one reply; thread-safe (the graph uses worker threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.parts: dict[str, float] = {}
        self.generating = 0

    def reset(self) -> None:
        with self.lock:
            self.parts = {}

    def add(self, part: str, value: float) -> None:
        with self.lock:
            self.parts[part] = self.parts.get(part, 0) + value

    def snapshot(self) -> dict[str, float]:
        with self.lock:
            return dict(self.parts)

    def timed(self, part: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """``fn`` with its wall time added to ``part`` (and, for verification, to its overlap with generation)."""

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            busy = self.generating > 0
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                seconds = time.perf_counter() - start
                self.add(part, seconds)
                if part == "verification_s" and busy:
                    self.add("verification_overlap_s", seconds)

        wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
        return wrapper


class TimedLLM:
    """The graph's chat model with each call timed into a Recorder (everything else passes through)."""

    def __init__(self, inner: Any, recorder: Recorder):
        self.inner = inner
        self.recorder = recorder
        self._batch_marks: list[float] = []
        base = getattr(inner, "inner", inner)  # SerializedChatModel wraps the backend
        self.base = base
        self._count_tokens = getattr(base, "count_tokens", None)
        count_batch = getattr(base, "_count_batch", None)
        if callable(count_batch):
            # llama.cpp's batch decoder calls this once the prompts are decoded, before generating.
            def hooked(total: int, evaluated: int) -> None:
                self._batch_marks.append(time.perf_counter())
                count_batch(total, evaluated)

            base._count_batch = hooked
            if getattr(base, "_batch", None) is not None:
                base._batch.on_prompt = hooked

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def _tokens(self, text: str, pieces: int) -> int:
        if self._count_tokens is not None and text:
            try:
                return int(self._count_tokens(text))
            except Exception:  # noqa: BLE001 - a count is only a figure: the pieces will do
                return pieces
        return pieces

    def stream(self, messages: Any, params: Any = None) -> Iterator[str]:
        rec = self.recorder
        with rec.lock:
            rec.generating += 1
        start = time.perf_counter()
        first: float | None = None
        parts: list[str] = []
        try:
            for piece in self.inner.stream(messages, params):
                if first is None:
                    first = time.perf_counter()
                parts.append(piece)
                yield piece
        finally:
            end = time.perf_counter()
            with rec.lock:
                rec.generating -= 1
            rec.add("prompt_s", (first or end) - start)
            rec.add("generation_s", end - (first or end))
            rec.add("generated_tokens", self._tokens("".join(parts), len(parts)))
            rec.add("llm_calls", 1)

    def complete(self, messages: Any, params: Any = None) -> str:
        return "".join(self.stream(messages, params))

    def complete_many(self, requests: Sequence[Any], on_token: Any = None, on_end: Any = None) -> list[str]:
        rec = self.recorder
        with rec.lock:
            rec.generating += 1
        self._batch_marks = []
        start = time.perf_counter()
        replies: list[str] = []
        try:
            many = getattr(self.inner, "complete_many", None)
            if many is None:
                replies = [self.inner.complete(m, p) for m, p in requests]
            else:
                listeners = {k: v for k, v in (("on_token", on_token), ("on_end", on_end)) if v is not None}
                replies = many(requests, **listeners)
            return replies
        finally:
            end = time.perf_counter()
            with rec.lock:
                rec.generating -= 1
            split = self._batch_marks[0] if self._batch_marks else start
            rec.add("batch_prompt_s", split - start)
            rec.add("batch_generation_s", end - split)
            rec.add("generated_tokens", sum(self._tokens(r, 0) for r in replies))
            rec.add("llm_calls", 1)


def prompt_counts(model: Any, since: int) -> tuple[dict[str, int], int]:
    """Prompt tokens asked for and decoded in ``model.calls[since:]`` (llama.cpp backend), and the new length."""
    calls = getattr(getattr(model, "inner", model), "calls", None)
    if calls is None:
        return {}, since
    new = calls[since:]
    return ({"prompt_tokens": sum(int(c["prompt"]) for c in new),
             "prompt_evaluated": sum(int(c["evaluated"]) for c in new)}, len(calls))


# ---------------------------------------------------------------- the run

def machine() -> dict[str, Any]:
    from tutor.llm.threads import allowed_cpus, physical_cores

    model_name = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                model_name = line.partition(":")[2].strip()
                break
    except OSError:
        pass
    return {"cpu_model": model_name or platform.processor() or platform.machine(), "cpus": os.cpu_count(),
            "cpus_allowed": allowed_cpus(), "physical_cores": physical_cores(), "platform": platform.platform(),
            "python": platform.python_version()}


def build(model: str | None, home: Path) -> tuple[Any, Any, TimedLLM, Recorder, float]:
    """TutorContext, TutorChat (with timed model, sandbox and verifier), the timed model, its recorder and the
    seconds the model took to load; built as ``bench.everyday.build_chat`` builds it."""
    if model:
        os.environ["TUTOR_MODEL"] = model
    from bench.everyday import build_chat

    ctx, plain = build_chat(home)
    plain.close()
    import functools

    from agents.context import AgentContext, _remembered_solve
    from agents.service import TutorChat
    from tutor import verify
    from tutor.sandbox import run_code

    started = time.perf_counter()
    loaded = ctx.llm  # loads the shared model (the Learn page loads it before the first question)
    load_s = time.perf_counter() - started
    rec = Recorder()
    llm = TimedLLM(loaded, rec)
    agent_context = AgentContext.from_tutor(
        ctx, llm=llm,
        run_code=rec.timed("sandbox_s", functools.partial(run_code, settings=ctx.settings)),
        check_text=rec.timed("verification_s", verify.check_text),
        check_steps=rec.timed("verification_s", verify.check_steps),
        compare_answers=rec.timed("verification_s", verify.compare_answers),
        solve_question=rec.timed("verification_s", _remembered_solve),
    )
    chat = TutorChat(ctx, agent_context=agent_context)
    chat.history("reply-latency-warm-up")  # builds the graph and opens the checkpointer off the clock
    return ctx, chat, llm, rec, load_s


def bare_generation(loaded: Any, runs: int, tokens: int = BARE_TOKENS) -> tuple[list[float], dict[str, Any]]:
    """Seconds for prompt processing plus ``tokens`` greedy tokens on the loaded llama.cpp model, per run."""
    from bench.llm_speed import QUESTION, SYSTEM

    llama = getattr(getattr(loaded, "inner", loaded), "llama", None)
    if llama is None:
        return [], {"skipped": "the model is not a llama.cpp model"}
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": QUESTION}]
    template = llama.metadata.get("tokenizer.chat_template")
    if template:
        eos = llama.detokenize([llama.token_eos()]).decode(errors="ignore")
        bos = llama.detokenize([llama.token_bos()]).decode(errors="ignore")
        text = Jinja2ChatFormatter(template, eos_token=eos, bos_token=bos)(messages=messages).prompt
    else:
        text = SYSTEM + "\n\n" + QUESTION + "\n\n"
    prompt = llama.tokenize(text.encode(), add_bos=False, special=True)

    def once(n: int) -> tuple[float, float]:
        llama.reset()  # the whole prompt is decoded again: no prefix from the last call
        start = time.perf_counter()
        first = None
        for i, _token in enumerate(llama.generate(prompt, temp=0.0, top_k=1, reset=True), 1):
            if first is None:
                first = time.perf_counter()
            if i >= n:
                break
        end = time.perf_counter()
        return end - start, (first or end) - start

    # on the model's own thread, where the tutor's calls are made (tutor.llm.model_thread)
    thread = getattr(getattr(loaded, "inner", loaded), "thread", None)
    on_thread = thread.run if thread is not None else (lambda fn, *a: fn(*a))
    on_thread(once, 8)  # warm-up: pages the weights in
    results = [on_thread(once, tokens) for _ in range(runs)]
    on_thread(llama.reset)
    info = {"prompt_tokens": len(prompt), "threads": getattr(llama, "n_threads", None),
            "threads_batch": getattr(llama, "n_threads_batch", None),
            "prompt_s": [round(p, 3) for _, p in results]}
    return [total for total, _ in results], info


def measure_reply(chat: Any, llm: TimedLLM, rec: Recorder, q: dict, calls_seen: int,
                  mode: str | None) -> tuple[dict, int]:
    rec.reset()
    kwargs = {"mode": mode} if mode else {}
    events: list[tuple[float, Any]] = []
    reply = None
    start = time.perf_counter()
    for event in chat.send(None, q["question"], thread_id=f"latency-{q['id']}-{time.time_ns()}", **kwargs):
        events.append((time.perf_counter() - start, event))
        if event.type == "final":
            reply = event.reply
    status = getattr(reply, "status", None)
    times = timeline(events, status)
    counts, calls_seen = prompt_counts(llm.inner, calls_seen)
    parts = rec.snapshot() | counts
    row = {"id": q["id"], "kind": q.get("kind"), "lang": language_of(q), "question": q["question"],
           "status": status, "tries": getattr(reply, "tries", None), "repaired": getattr(reply, "repaired", None),
           **{k: v for k, v in times.items() if k != "statuses"}, **breakdown(parts, times["final"]),
           "statuses": times["statuses"], "text": (getattr(reply, "text", "") or "")[:TEXT_KEPT]}
    return row, calls_seen


def error_row(q: dict, exc: BaseException) -> dict:
    return {"id": q["id"], "kind": q.get("kind"), "lang": language_of(q), "question": q["question"],
            "status": "error", "error": repr(exc), **{k: None for k in LATENCIES}}


def run(args: argparse.Namespace) -> tuple[list[dict], dict]:
    questions = select(load_questions(None, args.data), args.n, args.lang, getattr(args, "kind", None))
    if not questions:
        raise SystemExit(f"no questions in {args.data} for --lang {args.lang}")
    rows: list[dict] = []
    load_start = os.getloadavg()
    date = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    with tempfile.TemporaryDirectory(prefix="reply-latency-home-") as home:
        ctx, chat, llm, rec, load_s = build(args.model, Path(home))
        loaded = llm.inner
        try:
            model_file = str(ctx.settings.model_path)
            print(f"model {Path(model_file).name} loaded in {load_s:.1f} s", flush=True)
            # the verifier's worker process starts in the background (importing SymPy takes seconds of CPU):
            # wait for it, so the bare generation is timed on a machine doing nothing else
            from tutor import verify

            verify.check_text("2 + 2 = 4")
            bare, bare_info = bare_generation(loaded, args.bare_runs)
            print(f"bare {BARE_TOKENS}-token generation: {[round(b, 2) for b in bare]} s "
                  f"({bare_info})", flush=True)
            primed_s = None
            if not getattr(args, "cold", False):
                # as the Learn page does once the model is loaded: the fixed prompts decoded before the first question
                started = time.perf_counter()
                chat.prime()
                primed_s = round(time.perf_counter() - started, 2)
                print(f"prompts primed in {primed_s} s", flush=True)
            _, calls_seen = prompt_counts(loaded, 0)
            import agents.tutor as tutor_graph

            batches_draft = tutor_graph._programs_with_draft
            setting = getattr(args, "draft_batch", "on")
            for i, q in enumerate(questions, 1):
                for together in draft_batch_runs(setting, i):
                    # off: the first draft alone, then the programs (as before the draft was batched)
                    tutor_graph._programs_with_draft = batches_draft if together else (lambda *_a: False)
                    try:
                        row, calls_seen = measure_reply(chat, llm, rec, q, calls_seen, args.mode)
                    except Exception as exc:  # noqa: BLE001 - one failing question must not lose a long run
                        row = error_row(q, exc)
                    finally:
                        tutor_graph._programs_with_draft = batches_draft
                    row["draft_batch"] = together
                    rows.append(row)
                    print(f"[{i}/{len(questions)}] {row['id']} {row['status']!s:12} "
                          f"{'' if setting != 'both' else ('batched ' if together else 'alone   ')}"
                          f"progress {fmt(row['first_progress'])} checked {fmt(row['first_checked'])} "
                          f"final {fmt(row['final'])} s{'  ' + row['error'] if row.get('error') else ''}", flush=True)
        finally:
            chat.close()
    import llama_cpp  # noqa: F401 - its version goes into the summary

    meta = {
        "date": date,
        "model": Path(model_file).name, "model_setting": args.model or "(settings)",
        "model_load_s": round(load_s, 2), "threads": ctx.settings.threads or bare_info.get("threads"),
        "llama_cpp_python": getattr(sys.modules.get("llama_cpp"), "__version__", None),
        "data": _shown_path(args.data), "lang": args.lang, "mode": args.mode or "(service default)",
        "machine": machine() | {"load_average_start": [round(x, 2) for x in load_start],
                                "load_average_end": [round(x, 2) for x in os.getloadavg()]},
        "bare_generation_info": bare_info,
        "primed_s": primed_s,
    }
    summary = summarise([r for r in rows if r.get("draft_batch", True)], bare, meta)
    if getattr(args, "draft_batch", "on") == "both":
        summary["draft_alone"] = summarise([r for r in rows if not r.get("draft_batch", True)], bare, meta)
        summary["draft_batch_ratio_median"] = draft_batch_ratio(rows)
    return rows, summary


def _shown_path(path: Path) -> str:
    """A path as the summary records it: relative to the repository when inside it (no machine's own paths)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return Path(path).name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=None, help="only the first N questions (after --lang)")
    parser.add_argument("--data", type=Path, default=DATA, help="question file (default bench/data/everyday.jsonl)")
    parser.add_argument("--lang", choices=("en", "zh"), default=None, help="only questions in this language")
    parser.add_argument("--model", default=None,
                        help="catalogue model name (default, small; sets TUTOR_MODEL); default: the settings' model")
    parser.add_argument("--mode", default=None, help="tutoring mode sent with each question (default: none, as "
                                                     "the Learn page sends)")
    parser.add_argument("--cold", action="store_true",
                        help="do not prime the fixed prompts before the first question (the page primes them)")
    parser.add_argument("--bare-runs", type=int, default=3, help="repetitions of the bare generation (median)")
    parser.add_argument("--kind", default=None, help="only questions of this kind (word, numeric, symbolic, concept)")
    parser.add_argument("--draft-batch", choices=("on", "off", "both"), default="on",
                        help="batch a word problem's first draft with the first round of checking programs (on, "
                             "the tutor's way), not (off), or each question both ways in one run (both: the "
                             "summary's draft_alone part and draft_batch_ratio_median, batched / alone)")
    parser.add_argument("--json", type=Path, default=None, help="save the rows (JSONL) and a .summary.json beside")
    args = parser.parse_args()
    if args.model:
        from tutor.llm.catalog import catalog_model

        catalog_model(args.model)  # an unknown name fails here, before anything loads
    rows, summary = run(args)
    print()
    print(table(rows, summary))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text("".join(json.dumps(r, default=str, ensure_ascii=False) + "\n" for r in rows),
                             encoding="utf-8")
        args.json.with_suffix(".summary.json").write_text(
            json.dumps(summary, indent=2, default=str, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nrows: {args.json}\nsummary: {args.json.with_suffix('.summary.json')}")


if __name__ == "__main__":  # Math-Verify may start worker processes that import this file
    main()
