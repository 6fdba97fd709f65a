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

export const geo = (extra = {}) => ({
  map: 'nordic', roam: true, center: [25, 64.2], zoom: 3.4, aspectScale: 0.55,
  itemStyle: { areaColor: '#eef1ea', borderColor: '#9aa39a' },
  emphasis: { disabled: true }, label: { show: false }, ...extra,
});

export async function parksList() {
  return all('parks', 'id name municipality country location { lat lon } networks { id name }');
}
