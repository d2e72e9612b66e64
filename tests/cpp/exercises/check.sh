#!/usr/bin/env bash
# npm run check [-- <exercise>]: tests your exercise kernels natively against
# the exact reference. With a name (the file's, f32_relu_student_wasmsimd, or
# its lesson's, vectorization) it runs that exercise alone and says which.
set -euo pipefail
cd "$(dirname "$0")/../../.."
tests=./build/native/tests/exercise_tests
if [ $# -eq 0 ]; then
  echo "Checking every exercise:"
  "$tests" --list-test-names-only | sed -n 's/^\(Exercise .*\)/  \1/p'
  exec "$tests"
fi
name="${1%.cpp}"
name="${name##*/}"
matched="$("$tests" --list-test-names-only "[$name]" | grep '^Exercise' || true)"
if [ -z "$matched" ]; then
  echo "There is no exercise called \"$1\". Name one by its file or its lesson:" >&2
  "$tests" --list-tags | sed -n 's/^ *[0-9]* *\[\(.*\)\]$/  \1/p' >&2
  exit 1
fi
echo "Checking ${matched}"
exec "$tests" "[$name]"
