"""How many CPU threads the model runs on: one per physical core this process may use.

llama-cpp-python defaults to ``cpu_count() // 2`` generation threads, meant to
skip hyper-threads; on a two-core machine without them that is one thread, and
generation runs at 9.4 tokens/s instead of 15.9 (docs/benchmarks.md). Decoding
is memory-bound, so hyper-threads add little: count physical cores, limited to
the CPUs this process is allowed to run on.
"""

from __future__ import annotations

import os
from pathlib import Path


def allowed_cpus() -> int:
    """CPUs this process may run on (its affinity mask), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def physical_cores(cpuinfo: str | None = None) -> int | None:
    """Distinct (physical id, core id) pairs in /proc/cpuinfo; None when it does not say."""
    if cpuinfo is None:
        try:
            cpuinfo = Path("/proc/cpuinfo").read_text()
        except OSError:
            return None
    cores: set[tuple[str, str]] = set()
    physical = core = None
    for line in cpuinfo.splitlines() + [""]:
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "physical id":
            physical = value
        elif key == "core id":
            core = value
        elif not key:
            if core is not None:
                cores.add((physical or "0", core))
            physical = core = None
    return len(cores) or None


def default_threads() -> int:
    """Threads for generation and prompt processing: physical cores, no more than the CPUs allowed."""
    allowed = allowed_cpus()
    cores = physical_cores()
    return max(1, min(cores, allowed) if cores else allowed)
