#!/usr/bin/env bash
# Checks (--check) or applies (--write) the C++ style of .clang-format to every
# C++ file of the lab, its tests and its benchmark. Debian's clang-format-14 is
# the reference: other versions break a few lines differently.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:---check}
format=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z $format ]]; then
  echo "lint: clang-format is missing (npm run setup installs clang-format-14)." >&2
  exit 1
fi
mapfile -t files < <(find cpp tests bench -name '*.cpp' -o -name '*.h' | sort)
case $mode in
  --check) "$format" --dry-run --Werror "${files[@]}" && echo "clang-format: ${#files[@]} C++ files formatted" ;;
  --write) "$format" -i "${files[@]}" ;;
  *) echo "usage: $0 [--check|--write]" >&2; exit 2 ;;
esac
