"""A bounded fuzz run of the math parsers and the answer checker (bench/fuzz.py), as CI runs it.

Each run replays the corpus of every failure found so far, then fuzzes with a
fresh seed for about 90 seconds; the seed is printed (and in the failure
message) so ``FUZZ_SEED=<seed>`` replays it. The run happens in a child process
under resource limits, so a parser that allocates without bound dies there (and
fails this test) instead of taking the test run down; bench/fuzz.py itself
checks each call's CPU and memory bound.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MEMORY_LIMIT = 3 * 1024**3  # address space, bytes: far above a healthy run (~300 MB peak)
CPU_LIMIT_S = 400
FUZZ_MINUTES = 1.5


def limited():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT_S, CPU_LIMIT_S))


@pytest.mark.slow
def test_bounded_fuzz_of_parsers_and_answer_checker_finds_no_crash_hang_or_blow_up():
    proc = subprocess.run(  # FUZZ_SEED in the environment replays a run
        [sys.executable, str(ROOT / "bench" / "fuzz.py"), "--examples", "20", "--minutes", str(FUZZ_MINUTES),
         "--no-record"],
        capture_output=True, text=True, timeout=600, preexec_fn=limited, cwd=ROOT,
    )
    print(proc.stderr.splitlines()[0] if proc.stderr else "no seed printed")
    assert proc.returncode in (0, 1), f"the fuzz process died ({proc.returncode}): {proc.stderr[-2000:]}"
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    replay = f"replay with FUZZ_SEED={report['seed']} .venv/bin/python bench/fuzz.py (it records new failures)"
    assert report["failures"] == [], replay + "\n" + json.dumps(report["failures"], indent=1)
    corpus = len((ROOT / "tests" / "data" / "fuzz_corpus.jsonl").read_text().splitlines())
    assert report["examples"] >= corpus + 2 * 50 + 20  # the corpus, the nasty list and at least one round
    assert all(n == report["examples"] for n in report["calls"].values())
    assert report["peak_rss_mb"] < 1500
