#!/usr/bin/env bash
# Runs clang-tidy 16 with the checks of .clang-tidy over every source file of ours in a build's compile database:
#   tools/tidy.sh [BUILD_DIR] [FILE_REGEX]    defaults: ./build, every file under app/, geo/ and tests/
# Prints each warning and a count per check; exits 1 on any warning (CI: no new ones), 0 when clean.
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
if [ "$count" -gt 0 ]; then
  cat "$log.warnings"
  echo "tidy: $count warnings; by check:"
  sed -E 's/.*\[([a-z0-9.,-]+)\]$/\1/' "$log.warnings" | tr ',' '\n' | grep -v '^-warnings-as-errors$' | sort | uniq -c | sort -rn
  rm -f "$log.warnings"
  exit 1
fi
rm -f "$log.warnings"
if grep -q 'error: ' "$log"; then
  grep 'error: ' "$log" | head -n 20
  echo "tidy: clang-tidy could not check every file" >&2
  exit 1
fi
echo "tidy: no warnings"
