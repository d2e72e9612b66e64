#!/usr/bin/env bash
# Builds the WebAssembly module into web/gen, with the relaxed-SIMD kernels' own
# modules, the page's vendored libraries, its bundles and the in-page compiler
# (gzipped beside, for the server).
set -euo pipefail
cd "$(dirname "$0")/../.."
# Debian's emcc runs under the machine's node, which does not look in Debian's module folder.
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release
cmake --build build/wasm --parallel "$(nproc)"
node web/tools/build-relaxed.mjs
node web/tools/copy-vendor.mjs
node web/tools/bundle.mjs
node web/tools/precompress.mjs
