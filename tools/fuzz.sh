#!/usr/bin/env bash
# Builds the libFuzzer targets with clang 16 (ASan + UBSan) and runs each for a while on the seed corpus:
#   tools/fuzz.sh [SECONDS_PER_TARGET]     default 60 (CI); by hand, e.g. tools/fuzz.sh 3600
# Seeds: the bundled story, the good fixture, every bad story and bad article of tests/data (assembled here, so
# the catalogue is the one source), the committed command lines in tests/fuzz/corpus/cli, and every saved finding.
# New corpus entries go to build-fuzz/corpus (not committed). A finding is written to build-fuzz/findings and the
# script fails; copy it into tests/fuzz/regressions/<target>/ with the fix so that the normal suite replays it.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
build=${DIPLOMAP_FUZZ_BUILD:-$repo/build-fuzz}
cxx=${DIPLOMAP_FUZZ_CXX:-clang++-16}
cc=${DIPLOMAP_FUZZ_CC:-clang-16}

cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER="$cc" \
  -DCMAKE_CXX_COMPILER="$cxx" -DDIPLOMAP_FUZZ=ON -DDIPLOMAP_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target fuzz_story fuzz_cli -j "$(nproc)"

seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/story" "$seeds/cli" "$build/corpus/story" "$build/corpus/cli" "$build/findings"
data="$repo/tests/data"
n=0
add_story_seed() {  # story.json, NUL, article
  { cat "$1"; printf '\0'; cat "$2"; } >"$seeds/story/seed-$n"
  n=$((n + 1))
}
bundled="$repo/assets/stories/kim-train-2023"
add_story_seed "$bundled/story.json" "$(ls "$bundled"/*.txt | head -n 1)"
add_story_seed "$data/stories/good-minimal/story.json" "$data/stories/good-minimal/article.txt"
for story in "$data"/stories/bad/*/story.json; do
  article="$data/stories/bad/article.txt"
  [ -f "$(dirname "$story")/article.txt" ] && article="$(dirname "$story")/article.txt"
  add_story_seed "$story" "$article"
done
for story in "$data"/stories/bad-slides/*/story.json; do
  add_story_seed "$story" "$data/stories/bad-slides/article.txt"
done
for article in "$data"/articles/bad/*.txt; do
  add_story_seed "$data/stories/good-minimal/story.json" "$article"
done
cp "$repo"/tests/fuzz/corpus/cli/* "$seeds/cli/"
for target in story cli; do
  find "$repo/tests/fuzz/regressions/$target" -type f ! -name README.md -exec cp {} "$seeds/$target/" \;
done

# LeakSanitizer stays on; -rss_limit_mb bounds what one input may cost; the story loader refuses over 32 MB.
status=0
for target in story cli; do
  echo "fuzz: $target for ${seconds}s"
  log="$build/fuzz-$target.log"
  if ! "$build/tests/fuzz/fuzz_$target" "$build/corpus/$target" "$seeds/$target" -max_total_time="$seconds" \
      -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$build/findings/$target-" >"$log" 2>&1; then
    echo "fuzz: $target stopped on a finding; see $log and $build/findings" >&2
    tail -n 40 "$log" >&2
    status=1
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | sed "s/^/fuzz: $target /"
  grep -E '^#[0-9]+ +DONE' "$log" | tail -n 1 | sed "s/^/fuzz: $target /" || true
done
exit $status
