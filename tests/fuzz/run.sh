#!/usr/bin/env bash
# Runs the differential fuzz target for a bounded time, starting from the
# shipped corpus. New inputs go to build/fuzz/corpus, never into tests/, and a
# failing input is written to build/fuzz/ (its path is printed), so the run
# changes nothing under version control. Arguments pass on to libFuzzer and
# override the defaults: `npm run fuzz -- -max_total_time=600`.
set -euo pipefail
cd "$(dirname "$0")/../.."
fuzzer=build/fuzz/tests/fuzz/fuzz_kernels
if [[ ! -x $fuzzer ]]; then
  echo "fuzz: $fuzzer is missing; run npm run build:fuzz first." >&2
  exit 1
fi
mkdir -p build/fuzz/corpus
exec "$fuzzer" -max_total_time=60 -timeout=20 -print_final_stats=1 \
  -artifact_prefix=build/fuzz/ "$@" build/fuzz/corpus tests/fuzz/corpus
