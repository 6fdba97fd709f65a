// Map: every park on the Nordic outline, sized by gross emissions, coloured by net balance, named by municipality.
import { gql } from '../gql.js';
import { t } from '../i18n.js';
import { el, figure, table, chart, num, control, select, link, note, COLOURS } from '../ui.js';
import { geoLabels } from '../labels.js';
import { reportedShareColumn } from '../provenance.js';
import { yearControl, yearOf, toolbar, nordicMap, geo, parksList, DEFAULT_YEAR } from './common.js';
import { indicators, indicatorTable } from './calculator.js';
import { go } from '../app.js';

const BALANCE = 'gross retained purchasedOffsets avoided net climatePositive reportedShare';
const STAR = 'path://M50 0 L61 35 L98 35 L68 57 L79 91 L50 70 L21 91 L32 57 L2 35 L39 35 Z';

export async function mapView(route, content) {
  const year = yearOf(route.query.get('year'));
  const network = route.query.get('network') ?? '';
  const [parks, networks] = await Promise.all([parksList(),
    gql('{ networks(first: 100) { nodes { id name } } }').then((d) => d.networks.nodes)]);
  const shown = parks.filter((p) => !network || p.networks.some((n) => n.id === network));
  // one request for all balances: an aliased carbonBalance per park
  const balances = shown.length ? await gql(`query($year: Int!) { ${shown.map((p, i) =>
    `b${i}: carbonBalance(parkId: ${JSON.stringify(p.id)}, year: $year) { ${BALANCE} }`).join(' ')} }`, { year }) : {};
  const rows = shown.map((p, i) => ({ ...p, ...balances[`b${i}`] }));
  // a city's climate-partner network has organizations as members: its indicator of the year
  const chosen = networks.find((n) => n.id === network);
  const indicator = chosen ? (await indicators([chosen], year)).filter((r) => r.partners > 0) : [];
  await nordicMap();

  const params = (changes) => ({ year: year === DEFAULT_YEAR ? undefined : year, network: network || undefined, ...changes });
  content.append(
    el('h1', {}, t('map.title')),
    toolbar(
      yearControl(year, (y) => go('map', [], params({ year: y }))),
      control(t('network'), select('network', [{ value: '', label: t('all') },
        ...networks.map((n) => ({ value: n.id, label: n.name }))], network, (v) => go('map', [], params({ network: v }))))),
    el('p', { class: 'legend' },
      el('span', { class: 'dot', style: `background:${COLOURS.positive}` }), t('map.positive'), ' ',
      el('span', { class: 'dot', style: `background:${COLOURS.negative}` }), t('map.notPositive'), ' · ', t('map.size')));
  const parksTable = table('parks-table', t('map.table'), [
    // the municipality under the name: it is the marker's label on the map
    { key: 'name', label: t('park'), render: (p) => [link(`#/park/${encodeURIComponent(p.id)}?year=${year}`, p.name),
      el('span', { class: 'sub' }, p.municipality)] },
    { key: 'gross', label: t('short.gross'), num: true },
    { key: 'retained', label: t('short.retained'), num: true },
    { key: 'purchasedOffsets', label: t('short.purchasedOffsets'), num: true },
    { key: 'net', label: t('short.net'), num: true },
    { key: 'avoided', label: t('short.avoided'), num: true },
    { key: (p) => (p.climatePositive ? t('yes') : t('no')), id: 'climatePositive', label: t('short.climatePositive') },
    ...reportedShareColumn(rows),
  ], rows);
  if (indicator.length) {
    content.append(el('section', { class: 'figure' }, el('h2', {}, `${t('calc.indicator')} ${year}`),
      indicatorTable('network-indicator', t('calc.indicator'), indicator), note(t('calc.indicatorNote'))));
  }
  const fig = figure('parks', `${t('map.chart')} ${year}`, parksTable, { height: 660, layout: 'map' });
  fig.node.append(note(t('avoided.note')));
  content.append(fig.node);

  const maxGross = Math.max(1, ...rows.map((r) => r.gross));
  // the largest markers first, so that a small one beside a large one is drawn on top of it
  const located = rows.filter((r) => r.location).sort((a, b) => b.gross - a.gross || a.name.localeCompare(b.name));
  // a climate-positive park gets a star with a dark rim, at least 22 px, so it stands out at any size
  const size = (r) => {
    const area = 8 + 42 * Math.sqrt(Math.max(0, r.gross) / maxGross);
    return r.climatePositive ? Math.max(22, area) : area;
  };
  return () => {
    const map = chart(fig.chartBox, {
      tooltip: { formatter: (p) => `${p.data.park.name}<br>${t('gross')}: ${num(p.data.park.gross)}<br>${t('net')}: ${num(p.data.park.net)}` },
      geo: geo(fig.chartBox.clientWidth, fig.chartBox.clientHeight),
      series: [{
        type: 'scatter', coordinateSystem: 'geo',
        data: located.map((r) => ({
          name: r.name, park: r, value: [r.location.lon, r.location.lat, r.gross], symbolSize: size(r),
          symbol: r.climatePositive ? STAR : 'circle',
          itemStyle: { color: r.climatePositive ? COLOURS.positive : COLOURS.negative, opacity: 0.8,
            borderColor: r.climatePositive ? '#003d1a' : '#fff', borderWidth: r.climatePositive ? 2 : 1 },
        })),
      }, geoLabels(located.map((r) => ({ lon: r.location.lon, lat: r.location.lat, text: r.municipality ?? r.name, r: size(r) / 2 })))],
    });
    map.on('click', (p) => p.data?.park && go('park', [p.data.park.id], { year }));
  };
}
