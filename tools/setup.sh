#!/usr/bin/env bash
# One-step set-up on Debian bookworm (as root, or with sudo available):
#   tools/setup.sh run  [diplomap arguments...]   install what is missing, build, open the viewer
#   tools/setup.sh test [ctest arguments...]      what CI runs (.ci/run): every stage of docs/trust.md, timed
#   tools/setup.sh check [ctest arguments...]     the normal build and test suite only (quick, for development)
# The stages of `test`: build + every test headless (the soak included); the same suite built with AddressSanitizer
# and UndefinedBehaviorSanitizer, LeakSanitizer on; the libFuzzer targets for DIPLOMAP_FUZZ_SECONDS each (60);
# clang-tidy with no warning allowed. Builds go to ./build, ./build-asan and ./build-fuzz; running again only
# rebuilds what changed.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$repo/build"
mode=${1:-}
[ $# -gt 0 ] && shift

packages=(
  build-essential cmake ninja-build pkg-config
  libsdl2-dev libimgui-dev libepoxy-dev libfontconfig-dev fonts-dejavu-core
  libproj-dev proj-data proj-bin libgdal-dev gdal-bin libpng-dev
  nlohmann-json3-dev libcli11-dev catch2
  libgl1-mesa-dri libegl-mesa0 libegl1 xvfb xauth
  geographiclib-tools libgeonames-dev
  libavcodec-dev libavformat-dev libavfilter-dev libswscale-dev libavutil-dev ffmpeg
)
# The trust stages: clang 16 for libFuzzer (clang 14 cannot compile some of libstdc++ 12), its tidy and format.
test_packages=(clang-16 libclang-rt-16-dev clang-tidy-16 clang-format-16 util-linux)

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build_all() {
  cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIPLOMAP_WERROR=ON >/dev/null
  cmake --build "$build" -j "$(nproc)"
}

# Render and window tests need an X server for the window cases; exports use EGL and need none.
run_tests() {
  local dir=$1
  shift
  (cd "$dir" && xvfb-run -a -s "-screen 0 1920x1080x24" ctest --output-on-failure -j "$(nproc)" "$@")
}

# Runs one stage, printing how long it took; the summary at the end lists them all.
timings=()
stage() {
  local name=$1
  shift
  echo "=== setup: $name"
  local start=$SECONDS
  "$@"
  local took=$((SECONDS - start))
  timings+=("$(printf '%-28s %4d min %02d s' "$name" $((took / 60)) $((took % 60)))")
  echo "=== setup: $name took ${took} s"
}

sanitizer_build() {
  cmake -S "$repo" -B "$repo/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIPLOMAP_WERROR=ON \
    -DDIPLOMAP_SANITIZE=ON >/dev/null
  cmake --build "$repo/build-asan" -j "$(nproc)"
}

sanitizer_tests() {
  # LeakSanitizer is on (ASan's default on Linux); tools/lsan.supp names the third-party leaks it may ignore.
  # The soak is left out: ASan's quarantine holds freed memory on purpose, so its memory curve means nothing here.
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1" \
  LSAN_OPTIONS="suppressions=$repo/tools/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    run_tests "$repo/build-asan" -LE soak "$@"
}

print_timings() {
  echo "=== setup: stage timings"
  printf '  %s\n' "${timings[@]}"
}

case "$mode" in
  run)
    install_missing "${packages[@]}"
    build_all
    exec "$build/app/diplomap" "$@"
    ;;
  check)
    install_missing "${packages[@]}"
    build_all
    run_tests "$build" "$@"
    ;;
  test)
    trap print_timings EXIT
    stage "install" install_missing "${packages[@]}" "${test_packages[@]}"
    stage "build" build_all
    stage "tests (soak included)" run_tests "$build" "$@"
    stage "sanitizer build" sanitizer_build
    stage "sanitizer tests" sanitizer_tests "$@"
    stage "fuzz (build and run)" "$repo/tools/fuzz.sh" "${DIPLOMAP_FUZZ_SECONDS:-60}"
    stage "clang-tidy" "$repo/tools/tidy.sh" "$build"
    ;;
  *)
    echo "usage: tools/setup.sh run [diplomap arguments...] | tools/setup.sh test | tools/setup.sh check" >&2
    exit 2
    ;;
esac
