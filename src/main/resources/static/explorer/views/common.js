// What several views share: the year choice, the outline and the list of parks.
import { el, control, select } from '../ui.js';
import { t } from '../i18n.js';
import { all } from '../gql.js';

/** The example data has emission records for 2022–2024; later years show carried-forward data. */
export const YEARS = [2022, 2023, 2024, 2025];
export const DEFAULT_YEAR = 2024;

export function yearOf(value) {
  const year = Number.parseInt(value, 10);
  return Number.isInteger(year) ? year : DEFAULT_YEAR;
}

export function yearControl(year, onchange, years = YEARS) {
  return control(t('year'), select('year', years.map((y) => ({ value: y, label: y })), year, (v) => onchange(Number(v))));
}

export function toolbar(...controls) { return el('div', { class: 'toolbar', role: 'group', 'aria-label': t('controls') }, controls); }

let outline;
/** Registers the Nordic outline (Natural Earth, vendored) with ECharts once. */
export async function nordicMap() {
  if (!outline) {
    outline = await (await fetch('/explorer/nordic.geo.json')).json();
    echarts.registerMap('nordic', outline);
  }
  return 'nordic';
}

const NORDIC = { west: 4.4, north: 71.5, east: 32, south: 54.3 };
const ASPECT = 0.55; // a degree of longitude against one of latitude, about right at 57° N
const MARGIN = 6;

/** The size of the Nordic view fitted into a box (ECharts keeps the aspect only with layoutCenter and layoutSize). */
function fitted(width, height, aspectScale) {
  const aspect = ((NORDIC.east - NORDIC.west) * aspectScale) / (NORDIC.north - NORDIC.south);
  const w = width - 2 * MARGIN;
  const h = height - 2 * MARGIN;
  // layoutSize is the longer side of the view: its width when wider than high, else its height
  const size = aspect > 1 ? Math.min(w, h * aspect) : Math.min(h, w / aspect);
  return { size, pxPerDegree: aspect > 1 ? size / aspect / (NORDIC.north - NORDIC.south) : size / (NORDIC.north - NORDIC.south) };
}

/**
 * The Nordic outline as a geo component for a chart box of width × height pixels. Without a centre it shows the
 * whole Scandinavian peninsula, Finland and Denmark (Norway's west coast at 4.9° E to Finland's eastern border at
 * 31.6° E, Denmark's south at 54.6° N to the North Cape at 71.2° N) as large as the box allows. A map of a small
 * area (centre and zoom in extra) is truer with the aspect of its own latitude: aspectOf(lat).
 */
export const geo = (width, height, extra = {}, aspectScale = ASPECT) => ({
  map: 'nordic', roam: true, aspectScale, boundingCoords: [[NORDIC.west, NORDIC.north], [NORDIC.east, NORDIC.south]],
  layoutCenter: ['50%', '50%'], layoutSize: fitted(width, height, aspectScale).size,
  itemStyle: { areaColor: '#eef1ea', borderColor: '#9aa39a' },
  emphasis: { disabled: true }, label: { show: false }, ...extra,
});

/** A degree of longitude against one of latitude at a latitude: a circle drawn there stays round. */
export const aspectOf = (lat) => Math.cos((lat * Math.PI) / 180);

/** The geo zoom at which a circle of radius km fills about 85 % of the box's height. */
export function zoomFor(km, width, height, aspectScale = ASPECT) {
  const circleDegrees = (2 * km) / 111.2;
  return Math.max(1, Math.min(12, (0.85 * (height - 2 * MARGIN)) / (circleDegrees * fitted(width, height, aspectScale).pxPerDegree)));
}

export async function parksList() {
  return all('parks', 'id name municipality country location { lat lon } networks { id name }');
}
