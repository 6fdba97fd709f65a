// Writes the explorer's map outline: the Nordic countries (and the Baltic neighbours that frame
// the Gulf of Finland) from Natural Earth 1:50m via world-atlas, as GeoJSON with 0.01° precision.
// Run with `npm ci && npm run build`; the output is committed so the service needs no Node.
import { readFileSync, writeFileSync } from 'node:fs';
import { feature } from 'topojson-client';

// ISO 3166 numeric codes, as world-atlas keys its countries
const KEEP = new Set(['246', '752', '578', '208', '352', '233', '428', '440']);
const topology = JSON.parse(readFileSync(new URL('./node_modules/world-atlas/countries-50m.json', import.meta.url)));
const world = feature(topology, topology.objects.countries);
const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100];
const features = world.features
  .filter((f) => KEEP.has(f.id))
  .map((f) => ({ type: 'Feature', id: f.id, properties: { name: f.properties.name },
                 geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) } }));
const out = new URL('../../src/main/resources/static/explorer/nordic.geo.json', import.meta.url);
writeFileSync(out, JSON.stringify({
  type: 'FeatureCollection',
  licence: 'Made with Natural Earth (public domain) via world-atlas 2.0.2 (ISC, Michael Bostock); see static/explorer/NOTICE.md',
  features }));
console.log(`wrote ${features.length} countries`);
