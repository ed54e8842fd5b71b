"""Whether the set-up builds llama-cpp-python with CUDA, decided in one place.

``scripts/setup.sh`` runs this file with the system Python before ``.venv``
exists, so it uses the standard library only and imports nothing from
``tutor``. The rule: build with CUDA when an NVIDIA GPU is there
(``nvidia-smi -L`` lists one) and so is the CUDA toolkit (``nvcc`` on ``PATH``,
or in ``$CUDA_HOME/bin``, ``$CUDA_PATH/bin`` or ``/usr/local/cuda/bin``);
``TUTOR_CUDA=0`` forces the CPU build, ``TUTOR_CUDA=1`` forces CUDA.

    python3 tutor/llm/cuda.py           # what the set-up would build, and why
    python3 tutor/llm/cuda.py --shell   # the same as shell assignments, for scripts/setup.sh
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

CHOICES = ("auto", "0", "1")
"""Values TUTOR_CUDA accepts (empty means auto)."""


@dataclass(frozen=True)
class BuildPlan:
    """How llama-cpp-python is to be built here."""

    cuda: bool
    reason: str
    """One line a person reads: what was found, or which setting decided."""
    nvcc: str | None = None
    gpus: tuple[str, ...] = ()
    """``nvidia-smi -L`` lines, e.g. ``GPU 0: NVIDIA H200 (UUID: ...)``."""
    gpu_unused: bool = False
    """A GPU is here but the build is for the CPU because the toolkit is missing (worth telling the person)."""
    architectures: str | None = None
    """CUDA architectures of the GPUs here (``90``, ``86;89``): compiling for these alone is several times
    faster than ggml's default list; None lets ggml choose."""

    @property
    def cmake_args(self) -> str:
        """The ``CMAKE_ARGS`` for pip's source build (scikit-build-core splits it like a shell); empty for the CPU
        build."""
        if not self.cuda:
            return ""
        args = ["-DGGML_CUDA=on"]
        if self.nvcc:
            args.append(f"-DCMAKE_CUDA_COMPILER={self.nvcc}")
        if self.architectures:
            args.append(f"-DCMAKE_CUDA_ARCHITECTURES={self.architectures}")
        return shlex.join(args)


Run = Callable[..., subprocess.CompletedProcess]


def find_nvcc(env: Mapping[str, str], which: Callable[..., str | None] = shutil.which) -> str | None:
    """The CUDA compiler: on ``PATH``, else in the toolkit's usual home."""
    found = which("nvcc", path=env.get("PATH", ""))
    if found:
        return found
    homes = [env[name] for name in ("CUDA_HOME", "CUDA_PATH") if env.get(name)] or ["/usr/local/cuda"]
    for home in homes:
        candidate = Path(home) / "bin" / "nvcc"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def _smi(env: Mapping[str, str], which, run: Run, *args: str) -> list[str]:
    """Lines ``nvidia-smi args`` prints, or none when it is missing or fails."""
    smi = which("nvidia-smi", path=env.get("PATH", ""))
    if not smi:
        return []
    try:
        out = run([smi, *args], capture_output=True, text=True, timeout=30, env=dict(env))
    except (OSError, subprocess.SubprocessError):
        return []
    if out.returncode != 0:
        return []
    return [line.strip() for line in out.stdout.splitlines() if line.strip()]


def list_gpus(env: Mapping[str, str], which=shutil.which, run: Run = subprocess.run) -> tuple[str, ...]:
    """The NVIDIA GPUs ``nvidia-smi -L`` lists (none without a driver)."""
    return tuple(line for line in _smi(env, which, run, "-L") if line.startswith("GPU "))


def compute_architectures(env: Mapping[str, str], which=shutil.which, run: Run = subprocess.run) -> str | None:
    """The GPUs' compute capabilities as CMake CUDA architectures (``9.0`` -> ``90``), or None if unknown."""
    caps = []
    for line in _smi(env, which, run, "--query-gpu=compute_cap", "--format=csv,noheader"):
        major, dot, minor = line.partition(".")
        if not (dot and major.isdigit() and minor.isdigit()):
            return None  # an old driver answers "[N/A]" or an error text: let ggml choose
        if major + minor not in caps:
            caps.append(major + minor)
    return ";".join(caps) or None


def cuda_build_wanted(env: Mapping[str, str] | None = None, which=shutil.which,
                      run: Run = subprocess.run) -> BuildPlan:
    """Decide the build from ``TUTOR_CUDA`` and what this machine has; raise ValueError on a bad setting."""
    env = os.environ if env is None else env
    raw = env.get("TUTOR_CUDA", "")
    setting = raw.strip().lower() or "auto"
    if setting not in CHOICES:
        raise ValueError(f"TUTOR_CUDA={raw!r} is not valid; it accepts one of: {', '.join(CHOICES)}")
    if setting == "0":
        return BuildPlan(cuda=False, reason="TUTOR_CUDA=0 asks for the CPU build")
    nvcc = find_nvcc(env, which)
    gpus = list_gpus(env, which, run)
    if setting == "1":
        if nvcc is None:
            reason = "TUTOR_CUDA=1 asks for CUDA, but no nvcc was found: the build will fail without the CUDA toolkit"
        else:
            reason = f"TUTOR_CUDA=1 asks for CUDA (nvcc: {nvcc})"
        return BuildPlan(cuda=True, reason=reason, nvcc=nvcc, gpus=gpus,
                         architectures=compute_architectures(env, which, run) if gpus else None)
    if not gpus:
        return BuildPlan(cuda=False, reason="no NVIDIA GPU (nvidia-smi -L lists none)")
    if nvcc is None:
        return BuildPlan(
            cuda=False, gpus=gpus, gpu_unused=True,
            reason=f"{_gpu_name(gpus[0])} found, but not the CUDA toolkit (no nvcc on PATH or in "
                   "/usr/local/cuda/bin): building for the CPU; install the toolkit, or set CUDA_HOME, to use the GPU",
        )
    return BuildPlan(cuda=True, reason=f"{_gpu_name(gpus[0])} and the CUDA toolkit ({nvcc})", nvcc=nvcc, gpus=gpus,
                     architectures=compute_architectures(env, which, run))


def _gpu_name(line: str) -> str:
    """``GPU 0: NVIDIA H200 (UUID: GPU-...)`` -> ``NVIDIA H200``."""
    return line.partition(": ")[2].partition(" (UUID")[0] or line


def main(argv: list[str]) -> int:
    try:
        plan = cuda_build_wanted()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if "--shell" in argv:
        print(f"cuda={int(plan.cuda)}")
        print(f"cmake_args={shlex.quote(plan.cmake_args)}")
        print(f"reason={shlex.quote(plan.reason)}")
        print(f"gpu_unused={int(plan.gpu_unused)}")
        return 0
    print(f"llama-cpp-python build: {'CUDA' if plan.cuda else 'CPU'} ({plan.reason})")
    if plan.cuda:
        print(f'CMAKE_ARGS="{plan.cmake_args}" FORCE_CMAKE=1')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
