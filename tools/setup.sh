#!/usr/bin/env bash
# One-step set-up on Debian bookworm (as root, or with sudo available):
#   tools/setup.sh run  [diplomap arguments...]   install what is missing, build, open the viewer
#   tools/setup.sh test                           install what is missing, build, run every test headless
# Both build into ./build; running them again only rebuilds what changed.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$repo/build"
mode=${1:-}
[ $# -gt 0 ] && shift

packages=(
  build-essential cmake ninja-build pkg-config
  libsdl2-dev libimgui-dev libepoxy-dev libfontconfig-dev fonts-dejavu-core
  libproj-dev proj-data proj-bin libgdal-dev gdal-bin
  nlohmann-json3-dev libcli11-dev catch2
  libgl1-mesa-dri libegl-mesa0 libegl1 xvfb xauth
  geographiclib-tools
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
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

case "$mode" in
  run)
    install_missing
    build_all
    exec "$build/app/diplomap" "$@"
    ;;
  test)
    install_missing
    build_all
    # Render and window tests need an X server for the window cases; exports use EGL and need none.
    cd "$build"
    xvfb-run -a -s "-screen 0 1920x1080x24" ctest --output-on-failure -j "$(nproc)" "$@"
    ;;
  *)
    echo "usage: tools/setup.sh run [diplomap arguments...] | tools/setup.sh test" >&2
    exit 2
    ;;
esac
