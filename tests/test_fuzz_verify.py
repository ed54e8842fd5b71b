"""A bounded fuzz run of the math parsers and the answer checker (bench/fuzz.py), as CI runs it.

The run happens in a child process under resource limits, so a parser that
allocates without bound dies there (and fails this test) instead of taking the
test run down; bench/fuzz.py itself checks each call's time bound.
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
CPU_LIMIT_S = 240


def limited():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT_S, CPU_LIMIT_S))


@pytest.mark.slow
def test_bounded_fuzz_of_parsers_and_answer_checker_finds_no_crash_hang_or_blow_up():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fuzz.py"), "--examples", "60", "--seed", "8"],
        capture_output=True, text=True, timeout=600, preexec_fn=limited, cwd=ROOT,
    )
    assert proc.returncode in (0, 1), f"the fuzz process died ({proc.returncode}): {proc.stderr[-2000:]}"
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["failures"] == [], json.dumps(report["failures"], indent=1)
    assert report["examples"] >= 60 + 2 * 50  # the random examples and the fixed nasty corpus
    assert all(n == report["examples"] for n in report["calls"].values())
    assert report["peak_rss_mb"] < 1500
