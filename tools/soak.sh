#!/usr/bin/env bash
# The soak by hand, for longer than CI's three minutes (docs/trust.md):
#   tools/soak.sh [SECONDS] [LOG]     defaults: 3600 s, build/soak-<seconds>s.log
# Runs the built program headless (no display needed), prints the memory curve's summary and fails like the CTest
# soak does: memory growth of 5 MB or more after warm-up, more open files at the end, a GL error.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-3600}
build=${DIPLOMAP_BUILD:-$repo/build}
log=${2:-$build/soak-${seconds}s.log}
[ -x "$build/app/diplomap" ] || { echo "soak: build first (tools/setup.sh test, or cmake --build $build)" >&2; exit 2; }
DIPLOMAP_ASSETS="$repo/assets" "$build/app/diplomap" soak --seconds "$seconds" --log "$log"
echo "soak: memory curve in $log"
