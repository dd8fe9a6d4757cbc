#!/usr/bin/env bash
# Regenerate the basemap in assets/basemap/ from Natural Earth data as
# packaged by world-atlas (TopoJSON), converted to FlatGeobuf.
#
#   tools/convert-basemap.sh [OUTPUT_DIR]     (default: <repo>/assets/basemap)
#
# Needs: node, npm (registry access), ogr2ogr/ogrinfo (GDAL), tar.
#
# Writes {land,countries,borders,coast}-{110m,50m,10m}.fgb, EPSG:4326, one
# layer per file named after the kind (land, countries, borders, coast),
# geometry type MultiPolygon (land, countries) or MultiLineString.
#  - FlatGeobuf without spatial index: the program reads whole layers, so an
#    index only adds bytes; without one, features also keep the source order.
#  - borders and coast hold ONE MultiLineString feature each (not one feature
#    per line): a whole-layer reader decodes a single geometry, and the file
#    is smaller than with thousands of per-line feature headers.
# Everything is built in a staging directory next to the output and moved into
# place only after all twelve files converted and passed a read-back check;
# a failed run leaves the previous files untouched.
set -euo pipefail

readonly WORLD_ATLAS=world-atlas@2.0.2
readonly WORLD_ATLAS_INTEGRITY='sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=='
readonly TOPOJSON_CLIENT=topojson-client@3.1.0
readonly TOPOJSON_CLIENT_INTEGRITY='sha512-605uxS6bcYxGXw9qi62XyrV6Q3xwbndjachmNxu8HWTtVPxZfEJN9fd/SZS1Q54Sn2y0TMyMxFj/cJINqGHrKw=='
readonly KINDS=(land countries borders coast)
readonly RESOLUTIONS=(110m 50m 10m)

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)
converter="$script_dir/basemap/topojson-to-geojson.mjs"
out_dir=${1:-"$repo_root/assets/basemap"}

for tool in node npm ogr2ogr ogrinfo tar; do
  command -v "$tool" >/dev/null || { echo "convert-basemap: '$tool' not found" >&2; exit 1; }
done

mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)

work=$(mktemp -d)
staging=""
cleanup() {
  rm -rf "$work"
  if [[ -n $staging ]]; then rm -rf "$staging"; fi
}
trap cleanup EXIT
moving=0
on_error() {
  if ((moving)); then
    echo "convert-basemap: failed at line $1 while moving files into $out_dir" >&2
  else
    echo "convert-basemap: failed at line $1; nothing in $out_dir was changed" >&2
  fi
}
trap 'on_error $LINENO' ERR

# --- fetch the two packages as tarballs (no node_modules, no dependencies) ---
fetch() { # SPEC INTEGRITY DIR
  local spec=$1 integrity=$2 dir=$3 tgz actual
  tgz=$(cd "$work" && npm pack --silent --cache "$work/npm-cache" "$spec" | tail -n 1)
  actual=$(node -e '
    const fs = require("fs"), crypto = require("crypto");
    const h = crypto.createHash("sha512").update(fs.readFileSync(process.argv[1]));
    console.log("sha512-" + h.digest("base64"));' "$work/$tgz")
  if [[ $actual != "$integrity" ]]; then
    echo "convert-basemap: $spec integrity mismatch: $actual" >&2
    exit 1
  fi
  mkdir -p "$dir"
  tar -xzf "$work/$tgz" -C "$dir" --strip-components=1
}
echo "Fetching $WORLD_ATLAS and $TOPOJSON_CLIENT from the npm registry..."
fetch "$WORLD_ATLAS" "$WORLD_ATLAS_INTEGRITY" "$work/world-atlas"
fetch "$TOPOJSON_CLIENT" "$TOPOJSON_CLIENT_INTEGRITY" "$work/topojson-client"

# --- TopoJSON -> GeoJSON ---
mkdir -p "$work/geojson"
node "$converter" convert "$work/topojson-client" "$work/world-atlas" "$work/geojson"

# --- GeoJSON -> FlatGeobuf, in a staging dir on the output's file system ---
staging=$(mktemp -d "$out_dir/.convert-basemap.XXXXXX")
declare -A features vertices
for res in "${RESOLUTIONS[@]}"; do
  for kind in "${KINDS[@]}"; do
    name="$kind-$res"
    # An explicit multi type (rather than PROMOTE_TO_MULTI) also promotes
    # Polygon to MultiPolygon, and it records the layer's geometry type in the
    # header: with PROMOTE_TO_MULTI, countries (mixed input) came out "Unknown".
    case $kind in
      land|countries) nlt=MULTIPOLYGON ;;
      *) nlt=MULTILINESTRING ;;
    esac
    ogr2ogr -f FlatGeobuf -nlt "$nlt" -a_srs EPSG:4326 \
      -lco SPATIAL_INDEX=NO -nln "$kind" \
      "$staging/$name.fgb" "$work/geojson/$name.geojson"

    # Read back: the layer must open and hold as many features and vertices
    # as the GeoJSON that went in.
    ogrinfo -ro -so "$staging/$name.fgb" "$kind" >/dev/null
    ogr2ogr -f GeoJSON "$work/readback.geojson" "$staging/$name.fgb" "$kind"
    read -r f_in v_in < <(node "$converter" stats "$work/geojson/$name.geojson" |
      node -e 'const s = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(s.features, s.vertices)')
    read -r f_out v_out < <(node "$converter" stats "$work/readback.geojson" |
      node -e 'const s = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(s.features, s.vertices)')
    rm -f "$work/readback.geojson"
    if [[ $f_in != "$f_out" || $v_in != "$v_out" ]]; then
      echo "convert-basemap: $name.fgb read back $f_out features/$v_out vertices, expected $f_in/$v_in" >&2
      exit 1
    fi
    features[$name]=$f_out
    vertices[$name]=$v_out
  done
done

# --- all conversions succeeded: move into place (renames on one file system) ---
moving=1
for res in "${RESOLUTIONS[@]}"; do
  for kind in "${KINDS[@]}"; do
    mv -f "$staging/$kind-$res.fgb" "$out_dir/$kind-$res.fgb"
  done
done

printf '%-22s %9s %9s %12s\n' file features vertices bytes
total=0
for res in "${RESOLUTIONS[@]}"; do
  for kind in "${KINDS[@]}"; do
    name="$kind-$res"
    size=$(stat -c %s "$out_dir/$name.fgb")
    total=$((total + size))
    printf '%-22s %9d %9d %12d\n' "$name.fgb" "${features[$name]}" "${vertices[$name]}" "$size"
  done
done
printf '%-22s %9s %9s %12d\n' total '' '' "$total"
echo "Wrote 12 files to $out_dir"
