// Map: every park on the Nordic outline, sized by gross emissions, coloured by net balance.
import { gql } from '../gql.js';
import { t } from '../i18n.js';
import { el, figure, table, chart, num, control, select, link, COLOURS } from '../ui.js';
import { yearControl, yearOf, toolbar, nordicMap, geo, parksList, DEFAULT_YEAR } from './common.js';
import { go } from '../app.js';

const BALANCE = 'gross retained purchasedOffsets avoided net climatePositive';

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
    { key: 'name', label: t('park'), render: (p) => link(`#/park/${encodeURIComponent(p.id)}?year=${year}`, p.name) },
    { key: 'municipality', label: t('municipality') },
    { key: 'gross', label: t('short.gross'), num: true },
    { key: 'retained', label: t('short.retained'), num: true },
    { key: 'purchasedOffsets', label: t('short.purchasedOffsets'), num: true },
    { key: 'net', label: t('short.net'), num: true },
    { key: 'avoided', label: t('short.avoided'), num: true },
    { key: (p) => (p.climatePositive ? t('yes') : t('no')), id: 'climatePositive', label: t('short.climatePositive') },
  ], rows);
  const fig = figure('parks', `${t('map.chart')} ${year}`, parksTable, 560, true);
  content.append(fig.node);

  const maxGross = Math.max(1, ...rows.map((r) => r.gross));
  return () => {
    const map = chart(fig.chartBox, {
      tooltip: { formatter: (p) => `${p.data.park.name}<br>${t('gross')}: ${num(p.data.park.gross)}<br>${t('net')}: ${num(p.data.park.net)}` },
      geo: geo(),
      series: [{
        type: 'scatter', coordinateSystem: 'geo',
        data: rows.filter((r) => r.location).map((r) => ({
          name: r.name, park: r, value: [r.location.lon, r.location.lat, r.gross],
          symbolSize: 8 + 42 * Math.sqrt(Math.max(0, r.gross) / maxGross),
          // a climate-positive park gets a larger ring and a star so it stands out at any size
          symbol: r.climatePositive ? 'path://M50 0 L61 35 L98 35 L68 57 L79 91 L50 70 L21 91 L32 57 L2 35 L39 35 Z' : 'circle',
          itemStyle: { color: r.climatePositive ? COLOURS.positive : COLOURS.negative, opacity: 0.8,
            borderColor: r.climatePositive ? '#003d1a' : '#fff', borderWidth: r.climatePositive ? 2 : 1 },
          ...(r.climatePositive ? { symbolSize: Math.max(22, 8 + 42 * Math.sqrt(Math.max(0, r.gross) / maxGross)) } : {}),
        })),
      }],
    });
    map.on('click', (p) => p.data?.park && go('park', [p.data.park.id], { year }));
  };
}
