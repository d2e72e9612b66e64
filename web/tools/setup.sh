#!/usr/bin/env bash
# Installs what Kernel Lab needs on Debian bookworm, and only what is missing:
# the toolchains from apt, the page's and tests' JavaScript packages from npm.
# clang-14 (Emscripten pulls it in too) builds the fuzz target; libclang-rt-14-dev,
# only recommended by clang, holds libFuzzer and clang's sanitizer runtimes;
# clang-format-14 checks the C++ style (npm run lint). chromium and
# firefox-esr are the two engines the browser tests drive.
set -euo pipefail
cd "$(dirname "$0")/../.."

# node --test --test-concurrency needs Node 20.10 or newer.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 10) ? 0 : 1)'; then
  echo "setup: Node.js 20.10 or newer is needed (found $(node --version))." >&2
  exit 1
fi

packages=(cmake make g++ pkg-config emscripten catch2 libsimde-dev libbenchmark-dev
          libopenblas-dev chromium firefox-esr wabt
          clang-14 libclang-rt-14-dev clang-format-14)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  if [[ $EUID -ne 0 ]]; then
    if command -v sudo >/dev/null; then SUDO=sudo; else
      echo "setup: run as root, or install these with apt: ${missing[*]}" >&2
      exit 1
    fi
  fi
  ${SUDO:-} apt-get update -q
  DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -q "${missing[@]}"
fi

# npm ci only when node_modules is absent or older than the lock file.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
