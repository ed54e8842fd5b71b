"""Generation speed through the tutor's llama.cpp backend vs a bare ``llama_cpp.Llama``.

Both load the same GGUF with the same context and threads; runs alternate
(ours, bare, ours, …) so machine load hits both alike. Each run starts with an
empty KV cache so prompt processing is measured every time. Prints prompt
tokens/s, generation tokens/s and time to first token, and ours/bare.

    python bench/llm_speed.py                 # the installed default model
    python bench/llm_speed.py --model small --runs 5
    python bench/llm_speed.py --path some.gguf
    python bench/llm_speed.py --threads 0      # each side's default threads, side by side
    python bench/llm_speed.py --batch 2        # 2 re-solve requests one after another vs one complete_many
    python bench/llm_speed.py --prefix         # prompt tokens decoded in a reply sequence, reuse on vs off
    python bench/llm_speed.py --callers        # generation speed when several threads call the model

``--batch N`` measures the tutor's backend alone: N program-of-thought requests
as ``agents.resolve`` makes them (prompt families alternating, the first of
each family greedy, later ones sampled, stopping at the program's closing
fence), run in turn through ``complete`` and as one ``complete_many`` batch,
alternating, each run from an empty cache. Prints wall seconds, generated
tokens/s (all sequences together) and sequential/batch time.

``--prefix`` runs the model calls of two tutor replies as the tutor makes them
(a draft with the tutor's system prompt, a round of 2 re-solve programs on the
batch context, a repair draft; then a second question's draft and programs),
once with the caches kept between calls (reuse on, from empty caches at the
start) and once with both contexts emptied before every call (reuse off), and
prints per call the prompt tokens, the tokens actually decoded on each side and
the wall seconds, then the totals.

``--callers`` measures what ``tutor.llm.model_thread`` is for. A web app calls the model from many threads
(event-loop workers, a page's thread, the priming thread). It measures generation tokens/s of the same
greedy reply from a fresh thread each time, before and after a batch from another thread. It does so
twice: through the backend, where every call is made on the model's own thread, and with each call made
on the thread that asks (the design before it), in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tutor.llm.base import ChatMessage, GenerationParams, as_messages  # noqa: E402
from tutor.llm.catalog import model_path  # noqa: E402
from tutor.settings import Settings  # noqa: E402

SYSTEM = "You are a patient math tutor for a sixth-grade student. Explain each step briefly and check your arithmetic."
QUESTION = (
    "A class of 28 students is going on a trip. Each bus holds 12 students and costs $150. "
    "How many buses are needed, what is the total cost, and how much is that per student? "
    "Show your work step by step."
)


def measure(stream, count_prompt_tokens: int) -> dict:
    start = time.perf_counter()
    first = None
    pieces = 0
    for _ in stream:
        if first is None:
            first = time.perf_counter()
        pieces += 1
    end = time.perf_counter()
    ttft = first - start
    return {
        "ttft": ttft,
        "prompt_tps": count_prompt_tokens / ttft,
        "gen_tps": (pieces - 1) / (end - first) if pieces > 1 else 0.0,
        "tokens": pieces,
    }


def batch_requests(n: int, max_tokens: int, question: str | None = None) -> list:
    """``n`` requests as ``agents.resolve`` makes them for one question."""
    from agents.resolve import program_request

    question = question or (
        "Mia buys 3 packs of 12 pencils and gives 7 pencils to each of her 4 friends. How many pencils are left?")
    return [(as_messages(messages), params)
            for messages, params in (program_request(question, i, max_tokens=max_tokens) for i in range(n))]


def measure_batch(ours, n: int, runs: int, max_tokens: int, path: Path) -> int:
    requests = batch_requests(n, max_tokens)

    def tokens(replies: list[str]) -> int:
        return sum(ours.count_tokens(r) for r in replies)

    def sequential() -> dict:
        ours.forget_prompts()
        start = time.perf_counter()
        replies = [ours.complete(m, p) for m, p in requests]
        return {"wall": time.perf_counter() - start, "tokens": tokens(replies), "replies": replies}

    def batched() -> dict:
        ours.forget_prompts()  # the batch context keeps its prompts between batches: start from nothing
        start = time.perf_counter()
        replies = ours.complete_many(requests)
        return {"wall": time.perf_counter() - start, "tokens": tokens(replies), "replies": replies}

    load_start = os.getloadavg()
    batched()  # warm-up: creates the batch context
    results = {"sequential": [], "batch": []}
    for i in range(runs):
        order = (("sequential", sequential), ("batch", batched))
        for side, fn in order if i % 2 == 0 else order[::-1]:
            r = fn()
            r["tps"] = r["tokens"] / r["wall"]
            results[side].append(r)
            print(f"run {i + 1} {side:10s}  {r['wall']:7.2f} s  {r['tokens']:4d} tokens  {r['tps']:6.2f} tok/s",
                  flush=True)
    same = sum(a == b for a, b in zip(results["sequential"][-1]["replies"][:2], results["batch"][-1]["replies"][:2]))
    med = {side: {k: statistics.median(r[k] for r in rs) for k in ("wall", "tokens", "tps")}
           for side, rs in results.items()}
    print(f"\nmodel {path.name}, {n} requests (re-solve prompts, up to {max_tokens} tokens each), "
          f"threads {ours.llama.n_threads}, {runs} runs per side (median)")
    for side in ("sequential", "batch"):
        m = med[side]
        print(f"{side:10s}  {m['wall']:7.2f} s  {m['tokens']:6.0f} tokens  {m['tps']:6.2f} tok/s")
    pairs = sorted(s["wall"] / b["wall"] for s, b in zip(results["sequential"], results["batch"]))
    print(f"sequential/batch wall time: {med['sequential']['wall'] / med['batch']['wall']:.2f}x; per pair: median "
          f"{statistics.median(pairs):.2f}x, range {pairs[0]:.2f}-{pairs[-1]:.2f}x; "
          f"greedy replies identical in the last pair: {same} of {min(n, 2)}")
    print("load average (1/5/15 min) at start: {:.2f} {:.2f} {:.2f}, at end: {:.2f} {:.2f} {:.2f}".format(
        *load_start, *os.getloadavg()))
    return 0


PREFIX_QUESTIONS = (
    "Mia buys 3 packs of 12 pencils and gives 7 pencils to each of her 4 friends. How many pencils are left?",
    "A class of 28 students goes on a trip. Each bus holds 12 students. How many buses are needed?",
)


def reply_calls(max_tokens: int) -> list[tuple[str, str, list]]:
    """(name, kind, requests) for the model calls of two tutor replies, as ``agents.tutor`` makes them."""
    from agents.prompts import REPAIR_NOTE, SOLVE_RULE, TUTOR_SYSTEM

    system = ChatMessage("system", TUTOR_SYSTEM + "\n" + SOLVE_RULE)  # draft_reply for a computational question
    calls = []
    for n, question in enumerate(PREFIX_QUESTIONS, 1):
        calls.append((f"q{n} draft", "main",
                      [([system, ChatMessage("user", question)], GenerationParams(max_tokens=max_tokens, temperature=0))]))
        programs = batch_requests(2, max_tokens, question)
        calls.append((f"q{n} programs x2", "batch", programs))
        if n == 1:
            note = REPAIR_NOTE.format(findings="- 3 x 12 = 36 pencils in all.\n- 7 x 4 = 28 pencils given away.")
            calls.append((f"q{n} repair draft", "main",
                          [([system, ChatMessage("user", question + "\n\n" + note)],
                            GenerationParams(max_tokens=max_tokens, temperature=0.5, seed=1))]))
    return calls


def measure_prefix(ours, max_tokens: int, path: Path) -> int:
    calls = reply_calls(max_tokens)

    def sequence(reuse: bool) -> list[dict]:
        ours.forget_prompts()
        rows = []
        for name, kind, requests in calls:
            if not reuse:
                ours.forget_prompts()
            before = len(ours.calls)
            start = time.perf_counter()
            if kind == "batch":
                ours.complete_many(requests)
            else:
                ours.complete(*requests[0])
            wall = time.perf_counter() - start
            new = ours.calls[before:]
            rows.append({"name": name, "prompt": sum(c["prompt"] for c in new),
                         "evaluated": sum(c["evaluated"] for c in new), "wall": wall})
        return rows

    load_start = os.getloadavg()
    ours.complete_many(calls[1][2])  # warm-up: pages the weights in, creates the batch context
    off = sequence(reuse=False)
    on = sequence(reuse=True)
    print(f"\nmodel {path.name}, threads {ours.llama.n_threads}, up to {max_tokens} new tokens per call")
    print(f"{'call':18s} {'prompt':>7s} {'decoded on':>11s} {'decoded off':>12s} {'wall on':>8s} {'wall off':>9s}")
    for a, b in zip(on, off):
        print(f"{a['name']:18s} {a['prompt']:7d} {a['evaluated']:11d} {b['evaluated']:12d} "
              f"{a['wall']:7.2f}s {b['wall']:8.2f}s")
    tot = {side: {k: sum(r[k] for r in rows) for k in ("prompt", "evaluated", "wall")}
           for side, rows in (("on", on), ("off", off))}
    print(f"{'total':18s} {tot['on']['prompt']:7d} {tot['on']['evaluated']:11d} {tot['off']['evaluated']:12d} "
          f"{tot['on']['wall']:7.2f}s {tot['off']['wall']:8.2f}s")
    for n in (1, 2):
        rows = [(a, b) for a, b in zip(on, off) if a["name"].startswith(f"q{n} ")]
        print(f"reply {n}: prompt tokens {sum(a['prompt'] for a, _ in rows)}, decoded with reuse "
              f"{sum(a['evaluated'] for a, _ in rows)}, without {sum(b['evaluated'] for _, b in rows)}")
    print(f"prompt tokens decoded, reuse on/off: {tot['on']['evaluated'] / tot['off']['evaluated']:.2f}; "
          f"wall on/off: {tot['on']['wall'] / tot['off']['wall']:.2f}")
    print("load average (1/5/15 min) at start: {:.2f} {:.2f} {:.2f}, at end: {:.2f} {:.2f} {:.2f}".format(
        *load_start, *os.getloadavg()))
    return 0


def measure_callers(ours, runs: int, max_tokens: int, path: Path) -> int:
    import threading

    messages = [ChatMessage("system", SYSTEM), ChatMessage("user", QUESTION)]
    params = GenerationParams(max_tokens=max_tokens, temperature=0, seed=1)
    batch = batch_requests(2, 64, PREFIX_QUESTIONS[0])

    def in_new_thread(fn):
        out: list = []
        t = threading.Thread(target=lambda: out.append(fn()))
        t.start()
        t.join()
        return out[0]

    def timed(stream) -> tuple[float, int]:
        pieces, first = 0, None
        for _ in stream:
            pieces += 1
            if first is None:
                first = time.perf_counter()
        return time.perf_counter() - first, pieces

    def generation(direct: bool) -> float:
        """tokens/s of the reply's generation (after its first piece), asked from a new thread."""
        def once():
            ours.forget_prompts()
            seconds, pieces = timed(ours._stream(messages, params) if direct else ours.stream(messages, params))
            return (pieces - 1) / seconds
        return in_new_thread(once)

    load_start = os.getloadavg()
    rows = {}
    for name, direct in (("one model thread", False), ("each caller's thread", True)):
        before = [generation(direct) for _ in range(runs)]
        in_new_thread(lambda: ours._complete_many(batch) if direct else ours.complete_many(batch))  # priming-like
        after = [generation(direct) for _ in range(runs)]
        rows[name] = (statistics.median(before), statistics.median(after))
        print(f"{name:22s} generation {rows[name][0]:6.2f} tok/s before a batch from another thread, "
              f"{rows[name][1]:6.2f} after", flush=True)
    print(f"\nmodel {path.name}, threads {ours.llama.n_threads}, {max_tokens} new tokens, {runs} runs (median)")
    ratio = rows["one model thread"][1] / rows["each caller's thread"][1]
    print(f"after a batch from another thread, one model thread / each caller's thread: {ratio:.2f}x")
    print("load average (1/5/15 min) at start: {:.2f} {:.2f} {:.2f}, at end: {:.2f} {:.2f} {:.2f}".format(
        *load_start, *os.getloadavg()))
    return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="default", choices=["default", "small"])
    ap.add_argument("--path", type=Path, help="any GGUF file (overrides --model)")
    ap.add_argument("--runs", type=int, default=4, help="runs per side")
    ap.add_argument("--max-tokens", type=int, default=128)
    ap.add_argument("--threads", type=int, default=2,
                    help="threads for both sides; 0 = each side's own default (ours: one per physical core, "
                         "bare llama-cpp-python: cpu_count() // 2), to measure the defaults side by side")
    ap.add_argument("--ctx", type=int, default=2048)
    ap.add_argument("--batch", type=int, default=0, metavar="N",
                    help="measure N requests in turn vs one complete_many batch instead (ours only)")
    ap.add_argument("--callers", action="store_true",
                    help="generation speed from several calling threads, one model thread vs each caller's own")
    ap.add_argument("--prefix", action="store_true",
                    help="prompt tokens decoded over two tutor replies, prefix reuse on vs off (ours only)")
    args = ap.parse_args()

    import llama_cpp

    from tutor.llm.llama_cpp import load

    env = dict(os.environ, TUTOR_MODEL=args.model, TUTOR_CONTEXT_WINDOW=str(args.ctx))
    env.pop("TUTOR_THREADS", None)
    if args.threads:
        env["TUTOR_THREADS"] = str(args.threads)
    settings = Settings.from_env(env)
    if args.path:
        settings = settings.replace(model_path=args.path)
    path = model_path(settings)
    if not args.path and not path.is_file() and args.model == "small":
        # Not installed under $TUTOR_HOME/models: read the single file straight from its PyPI package.
        from tutor.llm.catalog import catalog_model
        from tutor.llm.install import package_sources

        path = package_sources(catalog_model("small"), install=False)[0]
        settings = settings.replace(model_path=path)

    ours = load(settings, path)
    if args.batch:
        sys.exit(measure_batch(ours, args.batch, args.runs, args.max_tokens, path))
    if args.prefix:
        sys.exit(measure_prefix(ours, args.max_tokens, path))
    if args.callers:
        sys.exit(measure_callers(ours, args.runs, args.max_tokens, path))
    bare_threads = {"n_threads": args.threads} if args.threads else {}  # 0: llama-cpp-python's own default
    bare = ours.thread.run(
        llama_cpp.Llama, model_path=str(path), n_ctx=ours.context_window, n_gpu_layers=0, chat_format=None,
        verbose=False, **bare_threads,
    )
    messages = [ChatMessage("system", SYSTEM), ChatMessage("user", QUESTION)]
    dicts = [{"role": m.role, "content": m.content} for m in messages]
    # Greedy and a fixed length: both sides generate the same tokens.
    params = GenerationParams(max_tokens=args.max_tokens, temperature=0, seed=1)
    # The prompt as the chat template renders it (the template comes from the GGUF metadata).
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    eos = bare.detokenize([bare.token_eos()]).decode(errors="ignore")
    bos = bare.detokenize([bare.token_bos()]).decode(errors="ignore")
    formatter = Jinja2ChatFormatter(bare.metadata["tokenizer.chat_template"], eos_token=eos, bos_token=bos)
    text = formatter(messages=dicts).prompt
    prompt_tokens = len(bare.tokenize(text.encode(), add_bos=False, special=True))

    def run_ours():
        ours.thread.run(ours.llama.reset)
        return measure(ours.stream(messages, params), prompt_tokens)

    def run_bare():
        bare.reset()

        def chunks():
            return bare.create_chat_completion(
                messages=dicts, max_tokens=params.max_tokens, temperature=0, top_p=params.top_p, seed=1, stream=True
            )

        # on the thread ours decodes on: one OpenMP team for both sides (tutor.llm.model_thread)
        return measure((c for c in ours.thread.iterate(chunks) if c["choices"][0]["delta"].get("content")),
                       prompt_tokens)

    load_start = os.getloadavg()
    run_ours(), run_bare()  # warm-up (page cache, allocations)
    results = {"ours": [], "bare": []}
    for i in range(args.runs):
        for side, fn in (("ours", run_ours), ("bare", run_bare)) if i % 2 == 0 else (("bare", run_bare), ("ours", run_ours)):
            r = fn()
            results[side].append(r)
            print(f"run {i + 1} {side:4s}  ttft {r['ttft']:.3f} s  prompt {r['prompt_tps']:7.1f} tok/s  "
                  f"gen {r['gen_tps']:6.2f} tok/s  ({r['tokens']} tokens)", flush=True)

    print(f"\nmodel {path.name}, prompt {prompt_tokens} tokens, {args.max_tokens} new tokens, "
          f"threads ours {ours.llama.n_threads} / bare "
          f"{bare.n_threads}, {args.runs} runs per side (median)")
    med = {s: {k: statistics.median(r[k] for r in rs) for k in ("ttft", "prompt_tps", "gen_tps")} for s, rs in results.items()}
    for side in ("ours", "bare"):
        m = med[side]
        print(f"{side:4s}  prompt {m['prompt_tps']:7.1f} tok/s  gen {m['gen_tps']:6.2f} tok/s  ttft {m['ttft']:.3f} s")
    ratio = med["ours"]["gen_tps"] / med["bare"]["gen_tps"]
    # Each pair ran back to back, so its ratio sees nearly the same machine load.
    pairs = sorted(o["gen_tps"] / b["gen_tps"] for o, b in zip(results["ours"], results["bare"]))
    print(f"ours/bare generation speed: {ratio:.1%} (target >= 95%); per pair: median {statistics.median(pairs):.1%}, "
          f"range {pairs[0]:.1%}-{pairs[-1]:.1%}")
    print("load average (1/5/15 min) at start: {:.2f} {:.2f} {:.2f}, at end: {:.2f} {:.2f} {:.2f}".format(
        *load_start, *os.getloadavg()))
    sys.exit(0 if ratio >= 0.95 else 1)


if __name__ == "__main__":
    main()
