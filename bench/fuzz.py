"""Fuzz the math parsers and the answer checker with hostile input.

Every target must return (or, for ``safe_parse``, raise ``VerificationError``)
within its CPU bound (its own CPU plus the bounded workers'), never crash with
another exception, and never grow the process by more than 200 MB in one call.
Inputs come from hypothesis: random text over a math alphabet; generated
expressions with huge numbers, factorials (big, non-integer, nested), huge
exponents, power towers, overflowing floats (``1e308*10``) and chained relations
(``a >= b >= c``); a fixed list of known-nasty strings; and the corpus of every
failure found so far (tests/data/fuzz_corpus.jsonl), which is replayed first.

    .venv/bin/python bench/fuzz.py --minutes 10              # a benchmark run, fresh seed
    .venv/bin/python bench/fuzz.py --minutes 1.5 --no-record  # what CI runs (tests/test_fuzz_verify.py)
    FUZZ_SEED=123 .venv/bin/python bench/fuzz.py             # replay a run (also --seed 123)

Prints one JSON object: the seed, examples and calls per target, the slowest
call per target, failures (crashes and bound overruns, with the input), peak
memory. New failures are appended to the corpus unless ``--no-record``.
Exit status 1 if anything failed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import resource
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tutor.errors import TutorError  # noqa: E402
from tutor.verify import bounded  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "fuzz_corpus.jsonl"
MEMORY_BOUND_MB = 200
"""Growth of the process's peak memory (VmHWM) one call may cause."""

# Seconds each call may take. compare_answers has Math-Verify's own 2 s timeout
# plus parsing; the others are pure parsing and bounded-size SymPy work.
BOUNDS = {"safe_parse": 2.0, "check_text": 5.0, "check_step_pair": 8.0, "compare_answers": 8.0}

NASTY = [
    "9**9**9**9", "9^9^9^9", "10^10^10^10", "2^(2^(2^(2^(2^10))))", "(x+1)^100000", "(x+y+z)^64 = 1",
    "1000000!", "(10^100)!", "99999999999999999999999999999999999999999999999999999999999999999^9",
    "(" * 5000 + "1" + ")" * 5000, "-" * 10000 + "1", "\\frac{" * 400 + "1" + "}{2}" * 400,
    "\\sqrt{" * 300 + "2" + "}" * 300, "1e999999999", "0." + "9" * 100000, "1/0", "0/0", "0^0", "x/0 = 1",
    "sqrt(-1)", "ln(0)", "log(-5)", "tan(pi/2)", "oo - oo", "\\infty/\\infty", "x = x + 1", "0 = 1",
    "x^x^x^x^x^x", "sin(sin(sin(sin(sin(sin(sin(sin(sin(sin(x))))))))))", "1" * 20000, "x" * 20000,
    "\x00\x01\x02", "\u202e1+1=2", "１＋１＝２", "²³¹⁴⁰", "√√√√√√√√√√√√√√2", "1,000,000,000,000,000,000 * 10^300",
    "{1,2,3} = [0, 1)", "x = 4 or x = -4", "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "$$$$", "\\", "{", "}{",
    "%" * 1000, "x==y==z==1", "a<b<c<d<e<f", "1/3 ≈ 0.333333333333333333333333333333333333333",
    "2^1000000 = 2^1000000", "(-8)^(1/3)", "e^(i*pi) + 1 = 0", "\\frac{d}{dx} x^2 = 2x", "∫ x dx",
]

MATH_ALPHABET = st.sampled_from(
    list("0123456789") * 3 + list("+-*/^()=<>!.,%|{}[] xyzabne") + ["**", "\\frac", "\\sqrt", "\\cdot", "sqrt",
                                                                    "sin", "ln", "pi", "²", "√", "−", "≤", "≈", "\n"]
)


def numbers():
    return st.one_of(
        st.integers(-(10**6), 10**6).map(str),
        st.integers(0, 10**80).map(str),
        st.integers(10**6, 10**12).map(str),
        st.decimals(allow_nan=False, allow_infinity=False, places=8).map(str),
        st.sampled_from(["0", "1", "-1", "0.5", "1e308", "1e-308", "-1e308", "1.7976931348623157e308", "5e-324",
                         "pi", "e", "\\pi", "300", "301", "170", "171"]),
    )


def hostile():
    """The shapes that have broken the verifier: factorials, huge powers, overflowing floats, chains."""
    big = st.integers(0, 10**10).map(str)
    signs = st.sampled_from(["", "-", "--", "+-", "-+"])
    small = st.integers(-5000, 5000).map(str)
    return st.one_of(
        st.tuples(signs, big).map(lambda t: f"{t[0]}{t[1]}!"),
        st.tuples(signs, big).map(lambda t: f"{t[0]}(({t[1]})!)!"),
        st.tuples(big, st.integers(1, 4)).map(lambda t: t[0] + "!" * t[1]),
        st.sampled_from(["0.5", "1e-308", "-3", "pi", "2.5", "\\frac{1}{2}"]).map(lambda n: f"({n})!"),
        st.tuples(signs, st.sampled_from(["pi", "2", "10", "e", "9", "1.5"]), small, small).map(
            lambda t: f"{t[0]}{t[1]}^({t[2]}+{t[3]})"),
        st.tuples(st.sampled_from(["2", "9", "10", "x"]), st.integers(2, 6)).map(
            lambda t: "^".join([t[0]] * t[1])),
        st.tuples(st.sampled_from(["1e308", "1.7e308", "-1e308"]), st.sampled_from(["*10", "^2", "*1e308", "+1e308"])).map(
            "".join),
        st.tuples(st.integers(2, 9), st.integers(4, 10)).map(lambda t: f"{t[0]}^{{{10**t[1]}}}"),
    )


def expressions():
    leaves = st.one_of(numbers(), st.sampled_from(["x", "y", "z", "n"]), hostile())

    def extend(children):
        return st.one_of(
            st.tuples(children, st.sampled_from(["+", "-", "*", "/", "^", "**"]), children).map(
                lambda t: f"{t[0]}{t[1]}{t[2]}"),
            children.map(lambda c: f"({c})"),
            children.map(lambda c: f"{c}!"),
            children.map(lambda c: f"-{c}"),
            st.tuples(st.sampled_from(["sqrt", "sin", "ln", "abs", "exp"]), children).map(lambda t: f"{t[0]}({t[1]})"),
            st.tuples(children, children).map(lambda t: f"\\frac{{{t[0]}}}{{{t[1]}}}"),
        )

    return st.recursive(leaves, extend, max_leaves=25)


def inputs():
    return st.one_of(
        st.lists(MATH_ALPHABET, max_size=120).map("".join),
        expressions(),
        st.tuples(expressions(), st.sampled_from(["=", "<", ">=", "≈"]), expressions()).map(" ".join),
        st.lists(expressions(), min_size=3, max_size=5).flatmap(  # a >= b >= c
            lambda xs: st.lists(st.sampled_from(["=", "<", ">=", "<=", "!="]), min_size=len(xs) - 1,
                                max_size=len(xs) - 1).map(lambda ops: xs[0] + "".join(f" {o} {x}" for o, x in zip(ops, xs[1:])))),
        hostile(),
        st.sampled_from(NASTY),
        st.text(max_size=200),  # any unicode at all
    )


class Run:
    def __init__(self):
        from tutor.verify import check_step_pair, check_text, compare_answers, safe_parse

        self.targets = {
            "safe_parse": lambda a, b: safe_parse(a),
            "check_text": lambda a, b: check_text(f"So {a} and then {b}."),
            "check_step_pair": check_step_pair,
            "compare_answers": compare_answers,
        }
        self.calls = dict.fromkeys(self.targets, 0)
        self.slowest = {k: (0.0, "") for k in self.targets}
        self.failures: list[dict] = []
        self.examples = 0
        self.peak_growth_mb = 0.0

    def one(self, a: str, b: str) -> None:
        self.examples += 1
        for name, fn in self.targets.items():
            hwm = _peak_mb()
            started, cpu_started = time.perf_counter(), _cpu()
            try:
                fn(a, b)
            except TutorError:
                pass  # a refusal with a clear message (VerificationError) is the right answer to junk
            except Exception as exc:  # a crash: record it with the input
                self.failures.append({"target": name, "input": [a[:300], b[:300]], "error": repr(exc)[:300],
                                      "where": traceback.format_exc().splitlines()[-3:]})
            took, cpu = time.perf_counter() - started, _cpu() - cpu_started
            grew = _peak_mb() - hwm
            self.peak_growth_mb = max(self.peak_growth_mb, grew)
            if grew > MEMORY_BOUND_MB:
                self.failures.append({"target": name, "input": [a[:300], b[:300]], "error": f"grew the process by {grew:.0f} MB"})
            self.calls[name] += 1
            if cpu > self.slowest[name][0]:
                self.slowest[name] = (cpu, a[:120] + " | " + b[:120])
            # CPU time is the bound (a busy shared machine stretches wall time); a wait that
            # burns no CPU (a hang on a lock or a child) is caught by the looser wall bound.
            if cpu > BOUNDS[name] or took > 4 * BOUNDS[name]:
                self.failures.append({"target": name, "input": [a[:300], b[:300]],
                                      "error": f"took {cpu:.1f} s CPU, {took:.1f} s wall"})

    def report(self, wall: float, seed: int) -> dict:
        return {
            "seed": seed,
            "date": datetime.date.today().isoformat(),
            "cpus": os.cpu_count(),
            "examples": self.examples,
            "calls": self.calls,
            "slowest_cpu_s": {k: round(v[0], 3) for k, v in self.slowest.items()},
            "slowest_input": {k: v[1] for k, v in self.slowest.items()},
            "failures": self.failures[:20],
            "failure_count": len(self.failures),
            "wall_s": round(wall, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "largest_one_call_growth_mb": round(self.peak_growth_mb, 1),
            "workers_cpu_s": round(bounded.workers_cpu_seconds(), 1),
        }


def _cpu() -> float:
    """This process's CPU time plus its bounded workers' (children of the fork server, not ours)."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime + bounded.workers_cpu_seconds()


def _peak_mb() -> float:
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus() -> list[tuple[str, str]]:
    """Every failure found so far, as (a, b) pairs."""
    if not CORPUS.exists():
        return []
    return [tuple(json.loads(line)["input"]) for line in CORPUS.read_text().splitlines() if line.strip()]


def record(failures: list[dict], seed: int) -> int:
    """Append failures whose input is not in the corpus yet; how many were new."""
    known = set(corpus())
    new = []
    for f in failures:
        pair = tuple(f["input"])
        if pair not in known:
            known.add(pair)
            new.append({"input": list(pair), "target": f["target"], "error": f["error"][:200], "seed": seed,
                        "found": datetime.date.today().isoformat()})
    with CORPUS.open("a") as out:
        for row in new:
            out.write(json.dumps(row, ensure_ascii=True) + "\n")
    return len(new)


def fuzz(run: Run, examples: int, seed: int) -> None:
    from hypothesis import seed as hseed

    @hseed(seed)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(a=inputs(), b=inputs())
    def case(a, b):
        run.one(a, b)

    case()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=50, help="hypothesis examples per round")
    ap.add_argument("--minutes", type=float, default=0, help="keep running new rounds (seed + 1) for this long")
    ap.add_argument("--seed", type=int, help="replay a run (default: FUZZ_SEED, else a fresh one)")
    ap.add_argument("--no-record", action="store_true", help="do not append new failures to the corpus")
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else int(os.environ.get("FUZZ_SEED") or random.SystemRandom().randrange(2**32))
    print(f"fuzz seed {seed} (replay: FUZZ_SEED={seed})", file=sys.stderr, flush=True)

    run = Run()
    started = time.perf_counter()
    for a, b in corpus():  # every failure found so far, as found
        run.one(a, b)
    for text in NASTY:  # the fixed list, each against a plain answer and itself
        run.one(text, "5/6")
        run.one("x = 2", text)
    first = seed
    while True:
        fuzz(run, args.examples, seed)
        if time.perf_counter() - started >= args.minutes * 60:
            break
        seed += 1
    report = run.report(time.perf_counter() - started, first)
    report["rounds"] = seed - first + 1
    if run.failures and not args.no_record:
        report["recorded"] = record(run.failures, first)
    print(json.dumps(report, ensure_ascii=True))
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main())
