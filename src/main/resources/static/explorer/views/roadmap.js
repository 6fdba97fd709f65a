// Roadmap: the park's net without and with the measures against the targets; the abatement cost curve.
import { gql } from '../gql.js';
import { t } from '../i18n.js';
import { el, figure, table, chart, num, control, select, link, note, valueAxis, COLOURS } from '../ui.js';
import { textWidth } from '../labels.js';
import { toolbar } from './common.js';
import { go } from '../app.js';

const ROADMAP = `query($id: ID!) {
  roadmap(id: $id) { id name baseYear park { id name }
    trajectory { year baseline planned avoided } targetStatus { year threshold planned gap met } } }`;
const CURVE = `query($id: ID!, $year: Int!) {
  abatementCurve(roadmapId: $id, year: $year) { measure { id name kind } abatement annualisedCost costPerTonne cumulativeAbatement } }`;

export async function roadmapView(route, content) {
  const roadmaps = (await gql('{ roadmaps { id name baseYear park { name } } }')).roadmaps;
  if (!roadmaps.length && !route.args[0]) {
    content.append(el('h1', {}, t('nav.roadmap')), el('p', {}, t('none')));
    return null;
  }
  const id = route.args[0] ?? roadmaps[0].id;
  const { roadmap } = await gql(ROADMAP, { id });
  if (!roadmap) throw new Error(`${t('notFound')}: ${id}`);
  const years = roadmap.trajectory.map((y) => y.year);
  // the cost curve of the asked year, else of a middle target year (where most measures are in effect)
  const middle = roadmap.targetStatus[Math.floor((roadmap.targetStatus.length - 1) / 2)]?.year ?? years.at(-1) ?? roadmap.baseYear;
  const year = Number(route.query.get('year')) || middle;
  const curve = (await gql(CURVE, { id, year })).abatementCurve;

  content.append(el('h1', {}, roadmap.name),
    toolbar(
      control(t('nav.roadmap'), select('roadmap', roadmaps.map((r) => ({ value: r.id, label: `${r.name} (${r.park.name})` })), id, (v) => go('roadmap', [v]))),
      control(t('curveYear'), select('year', years.map((y) => ({ value: y, label: y })), year, (v) => go('roadmap', [id], { year: v })))),
    el('p', { class: 'links' }, link(`#/park/${encodeURIComponent(roadmap.park.id)}`, roadmap.park.name)));

  const targets = new Map(roadmap.targetStatus.map((s) => [s.year, s]));
  const trajectoryTable = table('trajectory-table', t('road.trajectory'), [
    { key: 'year', label: t('year') },
    { key: 'baseline', label: t('baseline'), num: true },
    { key: 'planned', label: t('planned'), num: true },
    { key: 'avoided', label: t('short.avoided'), num: true },
    { key: (y) => targets.get(y.year)?.threshold, id: 'threshold', label: t('target'), num: true },
    { key: (y) => targets.get(y.year)?.gap, id: 'gap', label: t('gap'), num: true },
    { key: (y) => (targets.has(y.year) ? (targets.get(y.year).met ? t('met') : t('missed')) : ''), id: 'met', label: t('status') },
  ], roadmap.trajectory);
  const trajectory = figure('trajectory', t('road.trajectory'), trajectoryTable, { height: 400 });
  trajectory.node.append(note(t('avoided.note')));

  const curveTable = table('curve-table', `${t('road.curve')} ${year}`, [
    { key: (c) => c.measure.name, id: 'measure', label: t('measure') },
    { key: (c) => t(`kind.${c.measure.kind}`), id: 'kind', label: t('kind') },
    { key: 'abatement', label: t('abatement'), num: true },
    { key: 'costPerTonne', label: t('costPerTonne'), num: true },
    { key: 'annualisedCost', label: t('annualisedCost'), num: true },
    { key: 'cumulativeAbatement', label: t('cumulative'), num: true },
  ], curve);
  const costCurve = figure('curve', `${t('road.curve')} ${year}`, curveTable, { height: 400 });
  content.append(trajectory.node, costCurve.node);

  return () => {
    chart(trajectory.chartBox, {
      tooltip: { trigger: 'axis' },
      // the legend above the plot, where it may take two lines without running into the years
      legend: { top: 0, left: 0, right: 0 },
      grid: { left: 70, right: 20, top: 76, bottom: 30 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: valueAxis({ name: 't CO2e' }),
      series: [
        { type: 'line', name: t('baseline'), data: roadmap.trajectory.map((y) => y.baseline), itemStyle: { color: COLOURS.muted }, lineStyle: { type: 'dashed' } },
        { type: 'line', name: t('planned'), data: roadmap.trajectory.map((y) => y.planned), itemStyle: { color: COLOURS.neutral } },
        { type: 'line', name: t('wf.avoided'), data: roadmap.trajectory.map((y) => y.avoided), itemStyle: { color: COLOURS.avoided }, lineStyle: { type: 'dotted' } },
        { type: 'scatter', name: t('target'), symbol: 'diamond', symbolSize: 14,
          data: roadmap.trajectory.map((y) => targets.get(y.year)?.threshold ?? null),
          itemStyle: { color: (p) => (targets.get(years[p.dataIndex])?.met ? COLOURS.positive : COLOURS.negative) } },
      ],
    });
    // width = abatement, height = cost per tonne, cheapest first (the order the API gives)
    const total = curve.length ? curve[curve.length - 1].cumulativeAbatement : 0;
    chart(costCurve.chartBox, {
      tooltip: { formatter: (p) => `${p.data.name}<br>${t('abatement')}: ${num(p.data.value[2])} t<br>${t('costPerTonne')}: ${num(p.data.value[1])} €/t` },
      grid: { left: 70, right: 20, bottom: 50 },
      xAxis: valueAxis({ name: `${t('abatement')} (t CO2e)`, nameLocation: 'middle', nameGap: 30, min: 0, max: total || 1 }),
      yAxis: valueAxis({ name: '€/t' }),
      series: [{
        type: 'custom',
        renderItem: (params, api) => {
          const start = api.coord([api.value(0), 0]);
          const end = api.coord([api.value(0) + api.value(2), api.value(1)]);
          const width = end[0] - start[0];
          const height = Math.abs(start[1] - end[1]);
          // the measure's name inside its bar when the bar is high enough, else above it; never wider than the bar
          const name = curve[params.dataIndex].measure.name;
          const inside = height >= 18;
          const label = width >= 28 ? { style: { text: name, width: Math.min(width - 6, textWidth(name, '10px system-ui, sans-serif')),
            overflow: 'truncate', fontSize: 10, fill: inside ? '#fff' : '#1d2420' } } : null;
          return { type: 'rect', shape: { x: start[0], y: Math.min(start[1], end[1]), width, height },
            style: { fill: api.value(1) < 0 ? COLOURS.positive : COLOURS.neutral, stroke: '#fff' },
            textContent: label, textConfig: { position: inside ? 'insideTop' : 'top' } };
        },
        encode: { x: [0], y: 1 },
        data: curve.map((c) => ({ name: c.measure.name, value: [c.cumulativeAbatement - c.abatement, c.costPerTonne, c.abatement] })),
      }],
    });
  };
}
