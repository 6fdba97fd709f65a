// Compensation: an organization's residual emissions, the local sinks that could take them, the path to each owner.
import { gql, all } from '../gql.js';
import { t } from '../i18n.js';
import { el, figure, table, chart, num, control, select, shortName, COLOURS } from '../ui.js';
import { geoLabels } from '../labels.js';
import { yearControl, yearOf, toolbar, nordicMap, geo, zoomFor, aspectOf } from './common.js';
import { go } from '../app.js';

const PLAN = `query($id: ID!, $year: Int!, $km: Float!) {
  compensationPartners(organizationId: $id, year: $year, maxDistanceKm: $km) {
    organization { id name location { lat lon } } emissions contracted residual uncovered
    candidates { sink { id name kind tCO2ePerYear location { lat lon } } owner { id name } distanceKm free suggestedTonnes networkHops networkPath } } }`;

export const DEFAULT_ORGANIZATION = 'fi:outokumpu';
const DISTANCES = [50, 100, 200, 500, 1000];

export async function compensationView(route, content) {
  const [organizations, parks, networks, sinks] = await Promise.all([all('organizations', 'id name'), all('parks', 'id name'),
    all('networks', 'id name'), all('carbonSinks', 'id name')]);
  const id = route.args[0] ?? (organizations.some((o) => o.id === DEFAULT_ORGANIZATION) ? DEFAULT_ORGANIZATION : organizations[0]?.id);
  const year = yearOf(route.args[1]);
  const km = Number(route.query.get('maxDistanceKm')) || 100;
  const plan = (await gql(PLAN, { id, year, km })).compensationPartners;
  // the path's ids, named: organizations, parks, networks and sinks are what it passes through
  const names = new Map([...organizations, ...parks, ...networks, ...sinks].map((n) => [n.id, n.name]));
  await nordicMap();

  content.append(el('h1', {}, `${t('comp.title')}: ${plan.organization.name}`),
    toolbar(
      control(t('organization'), select('organization', organizations.map((o) => ({ value: o.id, label: o.name })), id,
        (v) => go('compensation', [v, String(year)], { maxDistanceKm: km }))),
      yearControl(year, (y) => go('compensation', [id, String(y)], { maxDistanceKm: km })),
      control(t('maxDistance'), select('distance', DISTANCES.map((d) => ({ value: d, label: `${d} km` })), km,
        (v) => go('compensation', [id, String(year)], { maxDistanceKm: v })))));

  const summary = table('comp-summary', t('comp.summary'), [
    { key: 'label', label: t('component') }, { key: 'value', label: 't CO2e', num: true },
  ], [
    { label: t('emissions'), value: plan.emissions }, { label: t('contracted'), value: plan.contracted },
    { label: t('residual'), value: plan.residual }, { label: t('uncovered'), value: plan.uncovered },
  ]);
  content.append(el('section', { class: 'figure summary' }, el('h2', {}, `${t('comp.summary')} ${year}`), summary));

  const candidates = plan.candidates.map((c, i) => ({ ...c, rank: i + 1,
    path: (c.networkPath ?? []).map((p) => names.get(p) ?? p).join(' → ') }));
  const candidateTable = table('candidates-table', t('comp.candidates'), [
    { key: 'rank', label: '#', num: true },
    { key: (c) => c.sink.name, id: 'sink', label: t('sink') },
    { key: (c) => c.owner.name, id: 'owner', label: t('owner') },
    { key: 'distanceKm', label: 'km', num: true },
    { key: 'free', label: t('free'), num: true },
    { key: 'suggestedTonnes', label: t('suggested'), num: true },
    { key: 'networkHops', label: t('hops'), num: true },
    { key: 'path', label: t('networkPath') },
  ], candidates);
  const fig = figure('comp', `${t('comp.candidates')} ≤ ${km} km`, candidateTable, { height: 440, layout: 'stacked' });
  content.append(fig.node);

  return () => {
    const home = plan.organization.location;
    const sinks = candidates.filter((c) => c.sink.location);
    const { clientWidth: width, clientHeight: height } = fig.chartBox;
    const sinkSize = (c) => 10 + Math.min(30, Math.sqrt(c.free) / 3);
    const labels = [...sinks.map((c) => ({ lon: c.sink.location.lon, lat: c.sink.location.lat, text: shortName(c.sink.name, 32), r: sinkSize(c) / 2 })),
      ...(home ? [{ lon: home.lon, lat: home.lat, text: shortName(plan.organization.name, 32), r: 8 }] : [])];
    chart(fig.chartBox, {
      tooltip: { formatter: (p) => p.data?.tip ?? p.name },
      geo: home ? geo(width, height, { center: [home.lon, home.lat], zoom: zoomFor(km, width, height, aspectOf(home.lat)) }, aspectOf(home.lat))
        : geo(width, height),
      series: [
        { type: 'lines', coordinateSystem: 'geo', polyline: true, silent: true, lineStyle: { color: COLOURS.muted, type: 'dashed', width: 1 },
          data: home ? [{ coords: circle(home, km) }] : [] },
        { type: 'lines', coordinateSystem: 'geo', lineStyle: { color: COLOURS.positive, width: 2, opacity: 0.7 },
          data: home ? sinks.map((c) => ({ coords: [[home.lon, home.lat], [c.sink.location.lon, c.sink.location.lat]] })) : [] },
        { type: 'scatter', coordinateSystem: 'geo', symbol: 'triangle',
          data: sinks.map((c) => ({ name: c.sink.name, value: [c.sink.location.lon, c.sink.location.lat],
            tip: `${c.sink.name}<br>${t('free')}: ${num(c.free)}<br>${t('suggested')}: ${num(c.suggestedTonnes)}`,
            symbolSize: sinkSize(c), itemStyle: { color: c.suggestedTonnes > 0 ? COLOURS.positive : COLOURS.muted } })) },
        { type: 'scatter', coordinateSystem: 'geo', symbolSize: 16, itemStyle: { color: COLOURS.negative },
          data: home ? [{ name: plan.organization.name, value: [home.lon, home.lat],
            tip: `${plan.organization.name}<br>${t('residual')}: ${num(plan.residual)}` }] : [] },
        geoLabels(labels),
      ],
    });
  };
}

/** The search radius drawn around the organization (a small circle on the sphere, 72 points). */
function circle(centre, km) {
  const r = km / 6371.0088;
  const lat0 = (centre.lat * Math.PI) / 180;
  const lon0 = (centre.lon * Math.PI) / 180;
  return Array.from({ length: 73 }, (_, i) => {
    const bearing = (i / 72) * 2 * Math.PI;
    const lat = Math.asin(Math.sin(lat0) * Math.cos(r) + Math.cos(lat0) * Math.sin(r) * Math.cos(bearing));
    const lon = lon0 + Math.atan2(Math.sin(bearing) * Math.sin(r) * Math.cos(lat0), Math.cos(r) - Math.sin(lat0) * Math.sin(lat));
    return [(lon * 180) / Math.PI, (lat * 180) / Math.PI];
  });
}
