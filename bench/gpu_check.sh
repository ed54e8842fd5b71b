#!/usr/bin/env bash
# The GPU check (issue 14 item 6): one command on a Linux machine with an NVIDIA GPU, its driver and the CUDA
# toolkit, Python 3.11+, within 10 minutes:
#   1. builds llama-cpp-python (the version pyproject.toml pins) from its sdist with -DGGML_CUDA=on, for this
#      machine's GPU architecture only, on every core, into a throwaway venv;
#   2. writes a GGUF with the default model's architecture, size and tensor types and random weights
#      (bench/gguf_random.py; the real Qwen2 vocabulary comes from the sdist's vendor/llama.cpp/models);
#   3. prompt and generation tokens/s, every layer on the GPU vs the CPU alone (bench/gpu_speed.py);
#   4. the time of full tutor replies on the GPU with that file (bench/reply_latency.py, the everyday questions,
#      as many as the time left allows): random weights write garbage, but the graph's draft, checks and
#      programs are all timed.
# Prints a summary and writes ${OUT:-bench/results}/gpu_check.json.
#
#   bash bench/gpu_check.sh
#
# The throwaway venv reuses .venv's packages when .venv exists (a .pth file chains them in behind the CUDA
# build), so only the CUDA build is new; without .venv it installs the project's dependencies from the package
# index. Offline: LLAMA_CPP_SDIST=path/to/llama_cpp_python-X.tar.gz, and pip's own PIP_FIND_LINKS=wheels-dir
# PIP_NO_INDEX=1 for the build tools (scikit-build-core, cmake, ninja) and anything else missing. The sdist is
# 77 MB; repacked without its .git, vendor/llama.cpp/docs and the vocabularies other than ggml-vocab-qwen2.gguf,
# 15 MB (the build needs none of those).
# Settings: GPU_CHECK_WORK (work dir, default $TMPDIR/tutor-gpu-check; kept, so a rerun skips the build and the
# file), GPU_CHECK_BUDGET_S (default 570), GPU_CHECK_QUESTIONS (at most this many replies, default 12), PYTHON.
# GPU_CHECK_REHEARSAL=1: a dry run of the plumbing on any machine: no GPU needed, no build (whatever
# llama-cpp-python is importable), a tiny model (2 blocks) and one question; its figures mean nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
START=$SECONDS
BUDGET="${GPU_CHECK_BUDGET_S:-570}"
OUT_DIR="${OUT:-bench/results}"
WORK="${GPU_CHECK_WORK:-${TMPDIR:-/tmp}/tutor-gpu-check}"
QUESTIONS="${GPU_CHECK_QUESTIONS:-12}"
REHEARSAL="${GPU_CHECK_REHEARSAL:-0}"
PIN="$(sed -n 's/.*"llama-cpp-python\[server\]==\([0-9.]*\)".*/\1/p' pyproject.toml)"
mkdir -p "$WORK" "$OUT_DIR"
OUT_DIR="$(cd "$OUT_DIR" && pwd)"
log() { printf '[gpu_check %3ds] %s\n' $((SECONDS - START)) "$*"; }
left() { echo $((BUDGET - (SECONDS - START))); }
fail() { log "FAILED: $*"; exit 1; }

# --- 0. the machine -------------------------------------------------------------------------------------------
if [ -x .venv/bin/python ]; then BASE_PY="${PYTHON:-.venv/bin/python}"; else BASE_PY="${PYTHON:-python3}"; fi
"$BASE_PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || fail "Python 3.11+ is needed ($BASE_PY)"
plan="$(TUTOR_CUDA="${TUTOR_CUDA:-auto}" "$BASE_PY" tutor/llm/cuda.py --shell)" || fail "TUTOR_CUDA is invalid"
eval "$plan"
if [ "$REHEARSAL" = 1 ]; then
  log "REHEARSAL: no build, a tiny model, one question; the figures mean nothing ($reason)"
else
  [ "$cuda" = 1 ] || fail "no CUDA build possible here: $reason"
  log "machine: $reason"
fi
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | sed 's/^/    /' || true

# --- 1. the throwaway venv with llama-cpp-python built with CUDA ---------------------------------------------------
VENV="$WORK/venv"
VPY="$VENV/bin/python"
if [ ! -x "$VPY" ]; then
  log "creating $VENV"
  "$BASE_PY" -m venv "$VENV"
fi
SITE="$("$VPY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
if [ -x .venv/bin/python ] && [ -z "${PYTHON:-}" ]; then
  # .venv's packages (the project, its dependencies) behind the venv's own (the CUDA llama-cpp-python).
  DOT_SITE="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  echo "import site; site.addsitedir('$DOT_SITE')" > "$SITE/tutor-dot-venv.pth"
fi
# The project installed (its entry points register the subjects), and its dependencies importable.
if ! "$VPY" -c 'import importlib.metadata as m; m.distribution("tutor"); import agents.service, gguf, numpy' \
    2>/dev/null; then
  log "installing the project's dependencies into $VENV"
  "$VPY" -m pip install -q --progress-bar off -e . typing-extensions diskcache jinja2 >"$WORK/deps.log" 2>&1 \
    || { tail -20 "$WORK/deps.log"; fail "could not install the project's dependencies (see $WORK/deps.log)"; }
fi

gpu_build_ok() {
  "$VPY" - "$PIN" "$SITE" <<'EOF'
import sys, llama_cpp
ok = (llama_cpp.__version__ == sys.argv[1] and llama_cpp.__file__.startswith(sys.argv[2])
      and llama_cpp.llama_supports_gpu_offload())
sys.exit(0 if ok else 1)
EOF
}
BUILD_S=0
BUILD_STATE="reused"
SDIST="${LLAMA_CPP_SDIST:-}"
if [ -z "$SDIST" ]; then
  SDIST="$(ls "$WORK"/sdist/llama_cpp_python-"$PIN".tar.gz 2>/dev/null || true)"
  if [ -z "$SDIST" ]; then
    log "downloading the llama-cpp-python $PIN sdist"
    "$VPY" -m pip download -q --no-deps --no-binary :all: "llama-cpp-python==$PIN" -d "$WORK/sdist" \
      || fail "could not download the llama-cpp-python $PIN sdist; set LLAMA_CPP_SDIST to a copy"
    SDIST="$WORK/sdist/llama_cpp_python-$PIN.tar.gz"
  fi
fi
if [ "$REHEARSAL" = 1 ]; then
  BUILD_STATE="skipped (rehearsal)"
elif ! gpu_build_ok 2>/dev/null; then
  BUILD_STATE="built"
  CMAKE_ARGS_USED="$cmake_args -DLLAVA_BUILD=OFF"
  log "building llama-cpp-python $PIN with CUDA on $(nproc) cores: CMAKE_ARGS=\"$CMAKE_ARGS_USED\" (log: $WORK/build.log)"
  b0=$SECONDS
  CMAKE_ARGS="$CMAKE_ARGS_USED" FORCE_CMAKE=1 CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
    timeout "$(left)" "$VPY" -m pip install --progress-bar off --ignore-installed --no-deps --no-cache-dir \
    --no-binary llama-cpp-python "$SDIST" >"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log"; fail "the CUDA build failed or ran out of time (see $WORK/build.log)"; }
  BUILD_S=$((SECONDS - b0))
  gpu_build_ok || fail "llama-cpp-python was built but reports no GPU offload (see $WORK/build.log)"
  log "built in ${BUILD_S} s"
else
  log "llama-cpp-python $PIN with CUDA is already in $VENV"
fi

# --- 2. the random-weight GGUF ---------------------------------------------------------------------------------
MODEL="$WORK/qwen2.5-coder-1.5b-random-q4_k_m.gguf"
model_args=()
if [ "$REHEARSAL" = 1 ]; then MODEL="$WORK/tiny-random.gguf"; model_args=(--tiny); fi
VOCAB="$WORK/ggml-vocab-qwen2.gguf"
if [ ! -s "$VOCAB" ] && [ -f "$SDIST" ]; then
  tar -xzf "$SDIST" -O "llama_cpp_python-$PIN/vendor/llama.cpp/models/ggml-vocab-qwen2.gguf" >"$VOCAB" 2>/dev/null \
    || rm -f "$VOCAB"
fi
if [ ! -s "$MODEL" ]; then
  vocab_args=()
  if [ -s "$VOCAB" ]; then vocab_args=(--vocab "$VOCAB"); else log "no Qwen2 vocabulary in the sdist: a synthetic one"; fi
  "$VPY" bench/gguf_random.py "$MODEL.partial" ${model_args[@]+"${model_args[@]}"} \
    ${vocab_args[@]+"${vocab_args[@]}"} && mv "$MODEL.partial" "$MODEL"
fi
log "model file: $MODEL ($(stat -c %s "$MODEL") bytes)"

# --- 3. tokens/s, GPU vs CPU -----------------------------------------------------------------------------------
SPEED_JSON="$WORK/speed.json"
rm -f "$SPEED_JSON"
if [ "$(left)" -gt 60 ]; then
  log "tokens/s, every layer on the GPU vs the CPU alone"
  speed_args=(--runs 3)
  if [ "$REHEARSAL" = 1 ]; then speed_args=(--runs 1 --prompt-tokens 64 --gen-tokens 8); fi
  timeout "$(( $(left) - 30 ))" "$VPY" bench/gpu_speed.py "$MODEL" "${speed_args[@]}" --json "$SPEED_JSON" --timeout 200 \
    || log "the speed measurement did not finish cleanly"
else
  log "skipping the speed measurement: $(left) s left"
fi

# --- 4. full tutor replies on the GPU ---------------------------------------------------------------------------
REPLY_JSON="$WORK/reply_latency.jsonl"
rm -f "$REPLY_JSON" "${REPLY_JSON%.jsonl}.summary.json"
if [ "$(left)" -gt 60 ]; then
  # reply_latency writes its rows and summary only at the end: ask for as many questions as the time left
  # allows at a pessimistic 15 s each (random weights never stop early), at most GPU_CHECK_QUESTIONS.
  n=$(( ($(left) - 60) / 15 )); [ "$n" -le "$QUESTIONS" ] || n="$QUESTIONS"; [ "$n" -ge 1 ] || n=1
  if [ "$REHEARSAL" = 1 ]; then n=1; fi
  log "full tutor replies on the GPU ($n questions, at most $(( $(left) - 20 )) s)"
  TUTOR_MODEL_PATH="$MODEL" TUTOR_HOME="$WORK/home" TUTOR_LOG_LEVEL=WARNING \
    timeout "$(( $(left) - 20 ))" "$VPY" bench/reply_latency.py -n "$n" --bare-runs 3 --json "$REPLY_JSON" \
    || log "the reply measurement did not finish within the time left (fewer: GPU_CHECK_QUESTIONS)"
else
  log "skipping the reply measurement: $(left) s left"
fi

# --- summary ------------------------------------------------------------------------------------------------------
GC_GPU="$(nvidia-smi --query-gpu=name,memory.total,driver_version,compute_cap --format=csv,noheader 2>/dev/null || true)" \
GC_CMAKE_ARGS="${CMAKE_ARGS_USED:-}" GC_PIN="$PIN" GC_BUILD="$BUILD_STATE" GC_BUILD_S="$BUILD_S" \
GC_TOTAL_S="$((SECONDS - START))" \
  "$VPY" bench/gpu_speed.py --summary "$OUT_DIR/gpu_check.json" "$SPEED_JSON" "${REPLY_JSON%.jsonl}.summary.json" \
  "$MODEL" "$VOCAB"
log "done"
