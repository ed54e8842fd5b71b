"""The set-up's CUDA decision (tutor/llm/cuda.py, scripts/setup.sh --print-build), on fake nvcc and nvidia-smi."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tutor.llm.cuda import cuda_build_wanted

ROOT = Path(__file__).resolve().parents[1]
GPU_LINE = "GPU 0: NVIDIA H200 (UUID: GPU-12345678-1234-1234-1234-123456789abc)"


def fake_tool(folder: Path, name: str, script: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(0o755)
    return path


@pytest.fixture
def fake_bin(tmp_path) -> Path:
    """A folder with an ``nvcc`` and an ``nvidia-smi`` that lists one H200 (compute capability 9.0)."""
    folder = tmp_path / "bin"
    fake_tool(folder, "nvcc", 'echo "Cuda compilation tools, release 12.4"\n')
    fake_tool(folder, "nvidia-smi", f"""case "$1" in
  -L) echo "{GPU_LINE}" ;;
  --query-gpu=compute_cap) echo "9.0" ;;
  *) exit 9 ;;
esac
""")
    return folder


def machine(tmp_path: Path, *folders: Path, **extra: str) -> dict[str, str]:
    """An environment whose PATH holds only ``folders`` and whose CUDA home is an empty folder."""
    empty = tmp_path / "no-cuda"
    empty.mkdir(exist_ok=True)
    return {"PATH": ":".join(str(f) for f in folders), "CUDA_HOME": str(empty), **extra}


def test_gpu_and_toolkit_mean_a_cuda_build_for_this_gpu(tmp_path, fake_bin):
    plan = cuda_build_wanted(machine(tmp_path, fake_bin))
    assert plan.cuda is True
    assert plan.gpus == (GPU_LINE,)
    assert "NVIDIA H200" in plan.reason
    args = shlex.split(plan.cmake_args)
    assert "-DGGML_CUDA=on" in args
    assert f"-DCMAKE_CUDA_COMPILER={fake_bin / 'nvcc'}" in args
    assert "-DCMAKE_CUDA_ARCHITECTURES=90" in args  # only the GPU that is here: a build several times shorter


def test_no_gpu_tools_mean_the_cpu_build(tmp_path):
    plan = cuda_build_wanted(machine(tmp_path, tmp_path / "empty"))
    assert plan.cuda is False and plan.cmake_args == "" and plan.gpu_unused is False
    assert "no NVIDIA GPU" in plan.reason


def test_a_gpu_without_the_toolkit_builds_for_the_cpu_and_says_so(tmp_path, fake_bin):
    (fake_bin / "nvcc").unlink()
    plan = cuda_build_wanted(machine(tmp_path, fake_bin))
    assert plan.cuda is False and plan.gpu_unused is True
    assert "CUDA toolkit" in plan.reason and "NVIDIA H200" in plan.reason


def test_the_toolkit_without_a_gpu_builds_for_the_cpu(tmp_path, fake_bin):
    (fake_bin / "nvidia-smi").unlink()
    assert cuda_build_wanted(machine(tmp_path, fake_bin)).cuda is False


def test_nvidia_smi_that_lists_no_gpu_means_the_cpu_build(tmp_path, fake_bin):
    fake_tool(fake_bin, "nvidia-smi", 'echo "No devices were found"; exit 6\n')
    assert cuda_build_wanted(machine(tmp_path, fake_bin)).cuda is False


def test_nvcc_in_cuda_home_is_found_when_not_on_path(tmp_path, fake_bin):
    home = tmp_path / "cuda-12"
    nvcc = fake_tool(home / "bin", "nvcc", "exit 0\n")
    (fake_bin / "nvcc").unlink()
    plan = cuda_build_wanted(machine(tmp_path, fake_bin, CUDA_HOME=str(home)))
    assert plan.cuda is True and plan.nvcc == str(nvcc)


def test_an_old_driver_without_compute_cap_lets_ggml_choose_the_architectures(tmp_path, fake_bin):
    fake_tool(fake_bin, "nvidia-smi", f"""case "$1" in
  -L) echo "{GPU_LINE}" ;;
  *) echo "Field \\"compute_cap\\" is not a valid field to query."; exit 2 ;;
esac
""")
    plan = cuda_build_wanted(machine(tmp_path, fake_bin))
    assert plan.cuda is True and plan.architectures is None
    assert "CMAKE_CUDA_ARCHITECTURES" not in plan.cmake_args


def test_tutor_cuda_0_forces_the_cpu_build(tmp_path, fake_bin):
    plan = cuda_build_wanted(machine(tmp_path, fake_bin, TUTOR_CUDA="0"))
    assert plan.cuda is False and plan.cmake_args == "" and "TUTOR_CUDA=0" in plan.reason


def test_tutor_cuda_1_forces_cuda_even_where_nothing_is_found(tmp_path):
    plan = cuda_build_wanted(machine(tmp_path, tmp_path / "empty", TUTOR_CUDA="1"))
    assert plan.cuda is True and "-DGGML_CUDA=on" in plan.cmake_args
    assert "no nvcc" in plan.reason  # the build will fail, and the person is told why beforehand


@pytest.mark.parametrize("value", ["", "auto", "AUTO"])
def test_tutor_cuda_auto_is_the_default(tmp_path, fake_bin, value):
    assert cuda_build_wanted(machine(tmp_path, fake_bin, TUTOR_CUDA=value)).cuda is True


def test_an_invalid_tutor_cuda_names_what_it_accepts(tmp_path):
    with pytest.raises(ValueError, match=r"TUTOR_CUDA='yes'.*auto, 0, 1"):
        cuda_build_wanted(machine(tmp_path, tmp_path, TUTOR_CUDA="yes"))


# scripts/setup.sh --print-build: the same decision, as the set-up makes it (nothing is installed)


def print_build(tmp_path: Path, *folders: Path, **extra: str) -> subprocess.CompletedProcess:
    system = "/usr/bin:/bin"  # bash, sed and the rest; never a real nvcc or nvidia-smi in CI
    env = machine(tmp_path, *folders, **extra)
    env["PATH"] = env["PATH"] + ":" + system if env["PATH"] else system
    env["PYTHON"] = sys.executable
    return subprocess.run(["bash", "scripts/setup.sh", "--print-build"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)


def test_setup_print_build_with_cuda(tmp_path, fake_bin):
    out = print_build(tmp_path, fake_bin)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("llama-cpp-python build: CUDA (NVIDIA H200")
    assert 'CMAKE_ARGS="-DGGML_CUDA=on' in out.stdout and "FORCE_CMAKE=1" in out.stdout


def test_setup_print_build_without_cuda(tmp_path):
    out = print_build(tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("llama-cpp-python build: CPU") and "GGML_CUDA" not in out.stdout


def test_setup_print_build_tutor_cuda_0_overrides(tmp_path, fake_bin):
    out = print_build(tmp_path, fake_bin, TUTOR_CUDA="0")
    assert out.stdout.startswith("llama-cpp-python build: CPU (TUTOR_CUDA=0") and "GGML_CUDA" not in out.stdout


def test_setup_stops_on_an_invalid_tutor_cuda(tmp_path):
    out = print_build(tmp_path, TUTOR_CUDA="maybe")
    assert out.returncode == 2 and "TUTOR_CUDA='maybe'" in out.stderr


def test_the_setup_plan_reads_as_shell_assignments(tmp_path, fake_bin):
    """setup.sh evals ``cuda.py --shell``: the values survive quoting (a path with a space)."""
    spaced = tmp_path / "my tools"
    fake_bin.rename(spaced)
    env = machine(tmp_path, spaced)
    env["PATH"] += ":/usr/bin:/bin"
    script = f'eval "$({sys.executable} tutor/llm/cuda.py --shell)"; printf "%s|%s|%s" "$cuda" "$gpu_unused" "$cmake_args"'
    out = subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    cuda, unused, args = out.stdout.split("|")
    assert (cuda, unused) == ("1", "0")
    assert f"-DCMAKE_CUDA_COMPILER={spaced / 'nvcc'}" in shlex.split(args)  # one argument for CMake
