#!/usr/bin/env bash
# Runs clang-tidy 16 with the checks of .clang-tidy over every source file of ours in a build's compile database:
#   tools/tidy.sh [BUILD_DIR] [FILE_REGEX]    defaults: ./build, every file under app/, geo/ and tests/
# Prints each warning and a count per check; exits 1 when there are more than tools/tidy-baseline (CI: no new ones).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$repo/build}
filter=${2:-"^$repo/(app|geo|tests)/.*\\.cpp\$"}
[ -f "$build/compile_commands.json" ] || { echo "tidy: no $build/compile_commands.json; configure that build first" >&2; exit 2; }
# Generated headers (embedded shaders) must exist before clang-tidy reads the sources that include them.
cmake --build "$build" --target embedded_shaders_header >/dev/null

log=$(mktemp)
trap 'rm -f "$log"' EXIT
run-clang-tidy-16 -quiet -p "$build" -j "$(nproc)" "$filter" >"$log" 2>&1 || true
# One line per distinct warning (a header's warning shows once, not once per file that includes it).
grep -E '^/.*: (warning|error): .*\[[a-z0-9.,-]+\]$' "$log" | sort -u >"$log.warnings" || true
count=$(wc -l <"$log.warnings")
# The tree started with warnings that predate the configuration; tools/tidy-baseline holds how many are left, and
# CI fails when there are more (a new one) -- lower the number as they are fixed, until it is 0.
baseline=0
[ -f "$repo/tools/tidy-baseline" ] && baseline=$(tr -dc '0-9' <"$repo/tools/tidy-baseline")
if [ "$count" -gt 0 ]; then
  cat "$log.warnings"
  echo "tidy: $count warnings (baseline $baseline); by check:"
  sed -E 's/.*\[([a-z0-9.,-]+)\]$/\1/' "$log.warnings" | tr ',' '\n' | grep -v '^-warnings-as-errors$' | sort | uniq -c | sort -rn
  rm -f "$log.warnings"
  if [ "$count" -gt "$baseline" ]; then
    echo "tidy: $((count - baseline)) more than tools/tidy-baseline allows" >&2
    exit 1
  fi
  exit 0
fi
rm -f "$log.warnings"
if grep -q 'error: ' "$log"; then
  grep 'error: ' "$log" | head -n 20
  echo "tidy: clang-tidy could not check every file" >&2
  exit 1
fi
echo "tidy: no warnings"
