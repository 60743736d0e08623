#!/usr/bin/env bash
# Vendors the dashboard's third-party files from the npm registry into enrich-service's resources, with their
# licences: Chart.js (the pair timeline), d3-force and its three dependencies (the relations graph's layout), and
# the country centroids and names of world-countries (the world-map layout and the country search; the same source
# and the same name rules as scripts/kb/generate-geo.js, so the search knows the names the engine reads), and the
# land outlines of world-atlas (Natural Earth 1:110m) with topojson-client to read them, drawn under the map layout.
# Run it after changing a version below and commit what it writes; the build itself never reaches npm.
set -euo pipefail
cd "$(dirname "$0")/../.."

CHART_JS=4.6.2
D3_FORCE=3.0.1
D3_DISPATCH=3.0.1
D3_QUADTREE=3.0.1
D3_TIMER=3.0.1
WORLD_COUNTRIES=5.1.0
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0

out=enrich-service/src/main/resources/dashboard/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

unpack() { # name version -> $work/name
  (cd "$work" && npm pack --silent "$1@$2" >/dev/null && mkdir "$1" && tar xzf "$1-$2.tgz" -C "$1" --strip-components=1)
}
for p in "chart.js $CHART_JS" "d3-force $D3_FORCE" "d3-dispatch $D3_DISPATCH" "d3-quadtree $D3_QUADTREE" \
  "d3-timer $D3_TIMER" "world-countries $WORLD_COUNTRIES" "world-atlas $WORLD_ATLAS" \
  "topojson-client $TOPOJSON_CLIENT"; do
  # shellcheck disable=SC2086
  unpack $p
done

rm -rf "$out" && mkdir -p "$out"
cp "$work/chart.js/dist/chart.umd.min.js" "$out/chart.umd.min.js"
cp "$work/chart.js/LICENSE.md" "$out/LICENSE-chart.js.md"
for d in d3-dispatch d3-quadtree d3-timer d3-force; do # the order d3-force's UMD build needs them in
  cp "$work/$d/dist/$d.min.js" "$out/$d.min.js"
  cp "$work/$d/LICENSE" "$out/LICENSE-$d.txt"
done
cp "$work/world-countries/LICENSE" "$out/LICENSE-world-countries.txt"
cp "$work/world-atlas/land-110m.json" "$out/land-110m.json"
cp "$work/world-atlas/LICENSE" "$out/LICENSE-world-atlas.txt"
cp "$work/topojson-client/dist/topojson-client.min.js" "$out/topojson-client.min.js"
cp "$work/topojson-client/LICENSE" "$out/LICENSE-topojson-client.txt"

node - "$work/world-countries/countries.json" "$out/countries.json" <<'JS'
const fs = require('fs');
const [src, dst] = process.argv.slice(2);
const latin = (s) => /^[A-Za-z\u00C0-\u024F .'\u2019()-]+$/.test(s);
const rows = {};
for (const c of JSON.parse(fs.readFileSync(src, 'utf8'))) {
  const names = new Set();
  const add = (s) => { if (s && latin(s) && s.length > 2 && !s.includes(',')) names.add(s.trim()); };
  add(c.name.official);
  for (const a of c.altSpellings || []) add(a);
  const d = (c.demonyms || {}).eng;
  if (d) { add(d.m); add(d.f); }
  names.delete(c.name.common);
  rows[c.cca3] = { name: c.name.common, aliases: [...names], lat: c.latlng[0], lon: c.latlng[1] };
}
fs.writeFileSync(dst, JSON.stringify(rows) + '\n');
JS
ls -l "$out"
