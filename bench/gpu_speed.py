"""Prompt and generation tokens/s of one GGUF file with every layer on the GPU vs on the CPU alone.

Part of ``bench/gpu_check.sh``. Each side runs in its own process, loaded the way the tutor
loads a model (``tutor.llm.llama_cpp.load``, threads one per physical core):

- ``gpu``: ``TUTOR_GPU_LAYERS`` as the settings have it (default auto: every layer on a GPU
  build; the report says what llama.cpp actually offloaded);
- ``cpu``: ``TUTOR_GPU_LAYERS=0`` and ``CUDA_VISIBLE_DEVICES=`` (no GPU at all, so llama.cpp
  cannot hand large prompt batches to the GPU either).

Per run, from an empty KV cache: a prompt of ``--prompt-tokens`` tokens (the tutor's system
prompt and a question, repeated to length), then ``--gen-tokens`` greedy tokens with
``Llama.generate`` (no stop). Prompt tokens/s = prompt tokens / time to the first token;
generation tokens/s = the tokens after the first / the time after it. One warm-up run, then
``--runs`` runs, median.

    python bench/gpu_speed.py model.gguf                       # gpu, then cpu
    python bench/gpu_speed.py model.gguf --sides cpu --runs 1 --json speed.json
    python bench/gpu_speed.py --summary OUT.json SPEED.json REPLY.summary.json MODEL VOCAB   # gpu_check.sh's summary
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PROMPT_TEXT = (
    "You are a patient math tutor for a sixth-grade student. Explain each step briefly and check your arithmetic.\n"
    "A class of 28 students is going on a trip. Each bus holds 12 students and costs $150. How many buses are "
    "needed, what is the total cost, and how much is that per student? Show your work step by step.\n"
)


def measure(path: Path, side: str, prompt_tokens: int, gen_tokens: int, runs: int, ctx: int) -> dict:
    """Load ``path`` as the tutor does (this process's environment decides the offload) and time it."""
    from tutor.llm.llama_cpp import load
    from tutor.settings import Settings

    settings = Settings.from_env(dict(os.environ, TUTOR_CONTEXT_WINDOW=str(ctx))).replace(model_path=path)
    started = time.perf_counter()
    model = load(settings, path)
    load_s = time.perf_counter() - started
    llama = model.llama
    unit = llama.tokenize(PROMPT_TEXT.encode(), add_bos=False, special=False)
    prompt = (unit * (prompt_tokens // len(unit) + 1))[:prompt_tokens]

    def once(n: int) -> tuple[float, float]:
        llama.reset()
        start = time.perf_counter()
        first = None
        for i, _token in enumerate(llama.generate(prompt, temp=0.0, top_k=1, reset=True), 1):
            if first is None:
                first = time.perf_counter()
            if i >= n:
                break
        end = time.perf_counter()
        return first - start, end - first

    # on the model's own thread, where the tutor's calls are made (tutor.llm.model_thread)
    model.thread.run(once, 4)  # warm-up: pages the weights in, allocates the compute buffers
    timings = [model.thread.run(once, gen_tokens) for _ in range(runs)]
    model.close()
    prompt_tps = [prompt_tokens / p for p, _ in timings]
    gen_tps = [(gen_tokens - 1) / g for _, g in timings]
    offload = model.offload
    return {
        "side": side,
        "gpu_build": offload.gpu_build if offload else None,
        "n_gpu_layers": offload.layers if offload else None,
        "layers": offload.total if offload else None,
        "offloaded": list(model.offloaded) if model.offloaded else None,
        "threads": llama.n_threads,
        "load_s": round(load_s, 2),
        "prompt_tokens": prompt_tokens,
        "gen_tokens": gen_tokens,
        "runs": runs,
        "prompt_tps": round(statistics.median(prompt_tps), 1),
        "gen_tps": round(statistics.median(gen_tps), 1),
        "prompt_tps_runs": [round(x, 1) for x in prompt_tps],
        "gen_tps_runs": [round(x, 1) for x in gen_tps],
    }


def run_side(path: Path, side: str, args: argparse.Namespace) -> dict:
    """One side in a fresh process (its own CUDA context, and for ``cpu`` no visible GPU)."""
    env = dict(os.environ)
    if side == "cpu":
        env["TUTOR_GPU_LAYERS"] = "0"
        env["CUDA_VISIBLE_DEVICES"] = ""
    cmd = [sys.executable, str(Path(__file__).resolve()), str(path), "--child", side,
           "--prompt-tokens", str(args.prompt_tokens), "--gen-tokens", str(args.gen_tokens),
           "--runs", str(args.runs), "--ctx", str(args.ctx)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=args.timeout)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        return {"side": side, "error": (out.stderr or out.stdout)[-2000:], "returncode": out.returncode}
    return json.loads(lines[-1])


def describe(r: dict) -> str:
    if "error" in r:
        return f"{r['side']:3s}  failed: {r['error'].strip().splitlines()[-1] if r['error'].strip() else r['returncode']}"
    where = (f"llama.cpp offloaded {r['offloaded'][0]}/{r['offloaded'][1]} layers" if r["offloaded"]
             else "no layers offloaded" if not r["gpu_build"] or r["n_gpu_layers"] == 0 else "offload not reported")
    return (f"{r['side']:3s}  prompt {r['prompt_tps']:8.1f} tok/s  generation {r['gen_tps']:7.1f} tok/s  "
            f"({where}; {r['threads']} threads; median of {r['runs']})")


def check_summary(out: Path, speed_path: Path, reply_path: Path, model: Path, vocab: Path,
                  env: dict | None = None) -> dict:
    """``bench/gpu_check.sh``'s summary: print it and write it to ``out`` as JSON.

    ``speed_path``: this script's ``--json``; ``reply_path``: ``bench/reply_latency.py``'s ``.summary.json``
    (either may be missing: that part did not run or finish); the build facts come in ``GC_*`` variables.
    """
    env = os.environ if env is None else env
    speed = json.loads(speed_path.read_text()) if speed_path.is_file() else None
    reply = json.loads(reply_path.read_text()) if reply_path.is_file() else None
    summary = {
        "gpu": env.get("GC_GPU") or None, "llama_cpp_python": env.get("GC_PIN"), "build": env.get("GC_BUILD"),
        "build_s": int(env.get("GC_BUILD_S") or 0), "cmake_args": env.get("GC_CMAKE_ARGS") or None,
        "total_s": int(env.get("GC_TOTAL_S") or 0),
        "model_file": {"name": model.name, "bytes": model.stat().st_size if model.is_file() else None,
                       "vocabulary": "Qwen2 (llama.cpp's models/ggml-vocab-qwen2.gguf)" if vocab.is_file()
                       else "synthetic",
                       "weights": "random, in Qwen2.5-Coder-1.5B-Instruct's Q4_K_M layout (bench/gguf_random.py)"},
        "speed": speed,
        "reply": reply,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=2, default=str, ensure_ascii=False) + "\n")

    print("\n=== GPU check ===")
    built = f" in {summary['build_s']} s" if summary["build"] == "built" else ""
    print(f"GPU: {summary['gpu']}; llama-cpp-python {summary['llama_cpp_python']} with CUDA {summary['build']}{built}")
    for side in ("gpu", "cpu"):
        r = (speed or {}).get(side)
        if r:
            print(describe(r))
    if speed and "gpu_over_cpu" in speed:
        print(f"gpu/cpu: prompt {speed['gpu_over_cpu']['prompt']}x, generation {speed['gpu_over_cpu']['generation']}x")
    if reply:
        final, progress = reply["latency"]["final"], reply["latency"]["first_progress"]
        met = final["p50"] is not None and final["p50"] <= 2
        print(f"tutor replies on the GPU: {reply['questions']} questions, {reply['errors']} errors; final reply "
              f"p50 {final['p50']} s, p90 {final['p90']} s, max {final['max']} s; first visible progress at most "
              f"{progress['max']} s; bare 100-token generation {reply['bare_generation']['median']} s; "
              f"goal checked reply p50 <= 2 s: {'met' if met else 'not met'}")
    else:
        print("tutor replies on the GPU: not measured (see the log above)")
    print(f"written: {out}")
    return summary


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--summary"]:
        check_summary(*map(Path, argv[1:6]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", type=Path)
    ap.add_argument("--sides", nargs="+", choices=("gpu", "cpu"), default=["gpu", "cpu"])
    ap.add_argument("--prompt-tokens", type=int, default=512)
    ap.add_argument("--gen-tokens", type=int, default=128)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--ctx", type=int, default=4096)
    ap.add_argument("--timeout", type=float, default=300, help="seconds per side")
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--child", choices=("gpu", "cpu"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.model, args.child, args.prompt_tokens, args.gen_tokens, args.runs, args.ctx)))
        return 0
    results = {}
    for side in args.sides:
        results[side] = run_side(args.model, side, args)
        print(describe(results[side]), flush=True)
    gpu, cpu = results.get("gpu", {}), results.get("cpu", {})
    if "prompt_tps" in gpu and "prompt_tps" in cpu:
        results["gpu_over_cpu"] = {"prompt": round(gpu["prompt_tps"] / cpu["prompt_tps"], 1),
                                   "generation": round(gpu["gen_tps"] / cpu["gen_tps"], 1)}
        print(f"gpu/cpu: prompt {results['gpu_over_cpu']['prompt']}x, "
              f"generation {results['gpu_over_cpu']['generation']}x")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0 if all("error" not in r for side, r in results.items() if side in args.sides) else 1


if __name__ == "__main__":
    sys.exit(main())
