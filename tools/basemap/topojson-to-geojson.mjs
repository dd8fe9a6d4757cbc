// Convert world-atlas TopoJSON to the GeoJSON files that tools/convert-basemap.sh
// hands to ogr2ogr, and print ring statistics for GeoJSON files.
//
//   node topojson-to-geojson.mjs convert TOPOJSON_CLIENT_DIR WORLD_ATLAS_DIR OUT_DIR
//       For each resolution 110m, 50m, 10m writes OUT_DIR/{land,countries,borders,coast}-RES.geojson
//   node topojson-to-geojson.mjs stats FILE.geojson [...]
//       Prints one JSON line per file: features, lines/rings, vertices, degenerate
//       rings, rings or lines crossing the antimeridian, latitude range.
//
// topojson-client is loaded from an unpacked `npm pack` tarball (its CommonJS
// dist build needs no dependencies), so no node_modules tree is required.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const RESOLUTIONS = ["110m", "50m", "10m"];

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

function writeJson(path, value) {
  writeFileSync(path, JSON.stringify(value));
}

function convert(topojsonClientDir, worldAtlasDir, outDir) {
  const require = createRequire(import.meta.url);
  const topojson = require(resolve(topojsonClientDir, "dist/topojson-client.js"));

  for (const res of RESOLUTIONS) {
    const land = readJson(join(worldAtlasDir, `land-${res}.json`));
    const countries = readJson(join(worldAtlasDir, `countries-${res}.json`));

    // Land: the single merged MultiPolygon of land-RES.json.
    const landFc = topojson.feature(land, land.objects.land);
    for (const f of landFc.features) f.properties = {};
    writeJson(join(outDir, `land-${res}.geojson`), landFc);

    // Countries: name and the ISO 3166-1 numeric id as world-atlas gives it
    // (a three-digit string such as "036"; absent for a few entities such as
    // Kosovo, N. Cyprus and Somaliland, which are written as null).
    const countriesFc = topojson.feature(countries, countries.objects.countries);
    countriesFc.features = countriesFc.features.map((f) => ({
      type: "Feature",
      properties: {
        name: f.properties?.name ?? null,
        id: f.id === undefined ? null : String(f.id),
      },
      geometry: f.geometry,
    }));
    writeJson(join(outDir, `countries-${res}.geojson`), countriesFc);

    // Borders: arcs shared by two different countries.
    const borders = topojson.mesh(countries, countries.objects.countries, (a, b) => a !== b);
    writeJson(join(outDir, `borders-${res}.geojson`), {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: {}, geometry: borders }],
    });

    // Coast: arcs of the land polygons that no other land geometry shares,
    // i.e. where land meets sea.
    const coast = topojson.mesh(land, land.objects.land, (a, b) => a === b);
    writeJson(join(outDir, `coast-${res}.geojson`), {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: {}, geometry: coast }],
    });
  }
}

// Signed shoelace area in square degrees (positive = counter-clockwise).
function ringArea(ring) {
  let a = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % n];
    a += x0 * y1 - x1 * y0;
  }
  return a / 2;
}

function crossings(line) {
  let n = 0;
  for (let i = 1; i < line.length; i++) {
    if (Math.abs(line[i][0] - line[i - 1][0]) > 180) n++;
  }
  return n;
}

function stats(path) {
  const fc = readJson(path);
  const s = {
    file: path, features: fc.features.length, parts: 0, rings: 0, lines: 0, vertices: 0,
    degenerateRings: [], antimeridianCrossings: [], minLat: Infinity, maxLat: -Infinity,
    pointsAtLon180: 0, pointsBeyond180: 0,
  };
  const label = (f) => f.properties?.name ?? `feature ${fc.features.indexOf(f)}`;
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    const visit = (line, kind, where) => {
      s.vertices += line.length;
      for (const [x, y] of line) {
        if (y < s.minLat) s.minLat = y;
        if (y > s.maxLat) s.maxLat = y;
        if (Math.abs(x) === 180) s.pointsAtLon180++;
        if (Math.abs(x) > 180) s.pointsBeyond180++;
      }
      const c = crossings(line);
      const lats = line.map((p) => p[1]);
      const bbox = [Math.min(...line.map((p) => p[0])), Math.min(...lats),
                    Math.max(...line.map((p) => p[0])), Math.max(...lats)];
      if (c) s.antimeridianCrossings.push({ where, kind, points: line.length, crossings: c, bbox });
      if (kind === "ring") {
        const area = ringArea(line);
        if (line.length < 4 || area === 0) {
          s.degenerateRings.push({ where, points: line.length, area, bbox });
        }
      }
    };
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    const lines = g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates : [];
    polys.forEach((poly, pi) => {
      s.parts++;
      poly.forEach((ring, ri) => { s.rings++; visit(ring, "ring", `${label(f)} polygon ${pi} ring ${ri}`); });
    });
    lines.forEach((line, li) => { s.parts++; s.lines++; visit(line, "line", `${label(f)} line ${li}`); });
  }
  return s;
}

const [mode, ...args] = process.argv.slice(2);
if (mode === "convert" && args.length === 3) {
  convert(...args);
} else if (mode === "stats" && args.length > 0) {
  for (const path of args) console.log(JSON.stringify(stats(path)));
} else {
  console.error("usage: topojson-to-geojson.mjs convert TOPOJSON_CLIENT_DIR WORLD_ATLAS_DIR OUT_DIR\n" +
                "       topojson-to-geojson.mjs stats FILE.geojson...");
  process.exit(2);
}
