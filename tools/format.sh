#!/usr/bin/env bash
# Applies .clang-format (clang-format 16) to every C++ file of the tree:
#   tools/format.sh           rewrite the files in place
#   tools/format.sh --check   change nothing; list the files that differ and exit 1 if any do
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# Tracked and new files alike, never what git ignores (build folders).
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.hpp' '*.h' | sort -u)
if [ "${1:-}" = "--check" ]; then
  differ=0
  for f in "${files[@]}"; do
    [ -f "$f" ] || continue
    if ! clang-format-16 --style=file --dry-run -Werror "$f" >/dev/null 2>&1; then
      echo "format: $f differs from .clang-format"
      differ=$((differ + 1))
    fi
  done
  echo "format: ${#files[@]} files, $differ differ"
  [ "$differ" -eq 0 ]
else
  for f in "${files[@]}"; do [ -f "$f" ] && clang-format-16 --style=file -i "$f"; done
  echo "format: ${#files[@]} files formatted"
fi
