"""Fuzz the math parsers and the answer checker with hostile input.

Every target must return (or, for ``safe_parse``, raise ``VerificationError``)
within its time bound, never crash with another exception, and never grow
memory without bound. Inputs come from hypothesis: random text over a math
alphabet, generated expressions with huge numbers, power towers, factorials
and deep nesting, and a fixed corpus of known-nasty strings.

    .venv/bin/python bench/fuzz.py --minutes 5              # the benchmark run
    .venv/bin/python bench/fuzz.py --examples 200 --seed 1  # what CI runs (tests/test_fuzz_verify.py)

Prints one JSON object: examples and calls per target, the slowest call per
target, failures (crashes and bound overruns, with the input), peak memory.
Exit status 1 if anything failed.
"""

from __future__ import annotations

import argparse
import json
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
        st.decimals(allow_nan=False, allow_infinity=False, places=8).map(str),
        st.sampled_from(["0", "1", "-1", "0.5", "1e308", "1e-308", "pi", "e"]),
    )


def expressions():
    leaves = st.one_of(numbers(), st.sampled_from(["x", "y", "z", "n"]))

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

    def one(self, a: str, b: str) -> None:
        self.examples += 1
        for name, fn in self.targets.items():
            started, cpu_started = time.perf_counter(), time.process_time()
            try:
                fn(a, b)
            except TutorError:
                pass  # a refusal with a clear message (VerificationError) is the right answer to junk
            except Exception as exc:  # a crash: record it with the input
                self.failures.append({"target": name, "input": [a[:300], b[:300]], "error": repr(exc)[:300],
                                      "where": traceback.format_exc().splitlines()[-3:]})
            took, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            self.calls[name] += 1
            if cpu > self.slowest[name][0]:
                self.slowest[name] = (cpu, a[:120] + " | " + b[:120])
            # CPU time is the bound (a busy shared machine stretches wall time); a wait that
            # burns no CPU (a hang on a lock or a child) is caught by the looser wall bound.
            if cpu > BOUNDS[name] or took > 4 * BOUNDS[name]:
                self.failures.append({"target": name, "input": [a[:300], b[:300]],
                                      "error": f"took {cpu:.1f} s CPU, {took:.1f} s wall"})

    def report(self, wall: float) -> dict:
        return {
            "examples": self.examples,
            "calls": self.calls,
            "slowest_cpu_s": {k: round(v[0], 3) for k, v in self.slowest.items()},
            "slowest_input": {k: v[1] for k, v in self.slowest.items()},
            "failures": self.failures[:20],
            "failure_count": len(self.failures),
            "wall_s": round(wall, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        }


def fuzz(run: Run, examples: int, seed: int | None) -> None:
    @settings(max_examples=examples, deadline=None, database=None, derandomize=seed is not None,
              suppress_health_check=list(HealthCheck))
    @given(a=inputs(), b=inputs())
    def case(a, b):
        run.one(a, b)

    if seed is not None:
        from hypothesis import seed as hseed

        case = hseed(seed)(case)
    case()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=200, help="hypothesis examples per round")
    ap.add_argument("--minutes", type=float, default=0, help="keep running new rounds for this long")
    ap.add_argument("--seed", type=int, help="make the run reproducible")
    args = ap.parse_args(argv)

    run = Run()
    started = time.perf_counter()
    for text in NASTY:  # the fixed corpus first, each against a plain answer and itself
        run.one(text, "5/6")
        run.one("x = 2", text)
    seed = args.seed
    while True:
        fuzz(run, args.examples, seed)
        if time.perf_counter() - started >= args.minutes * 60:
            break
        seed = None if seed is None else seed + 1
    print(json.dumps(run.report(time.perf_counter() - started), ensure_ascii=True))
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main())
