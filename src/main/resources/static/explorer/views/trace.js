// Trace: the upstream or downstream chains of a process as a Sankey, with the totals, coverage and truncation.
import { gql, all } from '../gql.js';
import { t } from '../i18n.js';
import { el, figure, table, chart, num, control, select, sankeyHeight, sankeyLabels } from '../ui.js';
import { yearControl, yearOf, toolbar } from './common.js';
import { reportedShareNote, provenanceMark, provenanceLegend } from '../provenance.js';
import { go } from '../app.js';

const TRACE = `query($id: ID!, $year: Int!, $direction: Direction!, $allocation: Allocation!) {
  traceEmissions(processId: $id, year: $year, direction: $direction, allocation: $allocation) {
    process { id name emissions { year scope source tCO2e counted provenance { kind source } } }
    direct transport inherited total reportedShare intensity passedOn coverage truncated
    paths { contribution hops { from { id name } to { id name } sideStream { name } quantity share } } } }`;

export const DEFAULT_PROCESS = 'fi:outokumpu-tornio-ferrochrome';

export async function traceView(route, content) {
  const processes = await all('processes', 'id name operator { name }');
  const id = route.args[0] ?? (processes.some((p) => p.id === DEFAULT_PROCESS) ? DEFAULT_PROCESS : processes[0]?.id);
  const year = yearOf(route.args[1]);
  const direction = route.query.get('direction') === 'DOWNSTREAM' ? 'DOWNSTREAM' : 'UPSTREAM';
  const allocation = route.query.get('allocation') === 'CUT_OFF' ? 'CUT_OFF' : 'MASS';
  const tr = (await gql(TRACE, { id, year, direction, allocation })).traceEmissions;
  const params = (changes) => ({ direction, allocation, ...changes });

  content.append(el('h1', {}, `${t('trace.title')}: ${tr.process.name}`),
    toolbar(
      control(t('process'), select('process', processes.map((p) => ({ value: p.id, label: `${p.name}${p.operator ? ` (${p.operator.name})` : ''}` })), id,
        (v) => go('trace', [v, String(year)], params({})))),
      yearControl(year, (y) => go('trace', [id, String(y)], params({}))),
      control(t('direction'), select('direction', [{ value: 'UPSTREAM', label: t('upstream') }, { value: 'DOWNSTREAM', label: t('downstream') }],
        direction, (v) => go('trace', [id, String(year)], params({ direction: v })))),
      control(t('allocation'), select('allocation', [{ value: 'MASS', label: t('mass') }, { value: 'CUT_OFF', label: t('cutOff') }],
        allocation, (v) => go('trace', [id, String(year)], params({ allocation: v }))))));

  const summary = table('trace-summary', t('trace.summary'), [
    { key: 'label', label: t('component') }, { key: 'value', label: 't CO2e', num: true },
  ], [
    { label: t('direct'), value: tr.direct }, { label: t('transport'), value: tr.transport },
    { label: t('inherited'), value: tr.inherited }, { label: t('total'), value: tr.total },
    { label: t('intensity'), value: tr.intensity },
    ...(direction === 'DOWNSTREAM' ? [{ label: t('passedOn'), value: tr.passedOn }] : []),
  ]);
  content.append(el('section', { class: 'figure summary' }, el('h2', {}, t('trace.summary')),
    el('p', { class: 'status', id: 'trace-status' },
      el('span', { 'data-value': tr.coverage, id: 'coverage' }, `${t('coverage')}: ${num(tr.coverage * 100)} %`), ' · ',
      el('span', { id: 'truncated', 'data-value': String(tr.truncated), class: tr.truncated ? 'warn' : null },
        tr.truncated ? t('truncated') : t('complete'))), summary, reportedShareNote(tr)));

  // the process's own records of the year: reported, calculated and illustrative figures side by side, and which count
  const own = (tr.process.emissions ?? []).filter((e) => e.year === year && e.scope <= 2)
    .sort((a, b) => a.scope - b.scope || Number(b.counted) - Number(a.counted));
  if (own.length) {
    content.append(el('section', { class: 'figure summary' }, el('h2', {}, `${t('trace.records')} ${year}`),
      table('records-table', t('trace.records'), [
        { key: 'scope', label: t('calc.scope') },
        { key: (e) => e.source, id: 'source', label: t('trace.source') },
        { key: 'tCO2e', label: 't CO2e', num: true },
        { key: (e) => e.provenance.kind, id: 'provenance', label: t('trace.provenance'),
          render: (e) => [provenanceMark(e), ` ${t(`prov.${e.provenance.kind}`)}${e.provenance.source ? ` (${e.provenance.source})` : ''}`] },
        { key: (e) => (e.counted ? t('trace.counted') : t('trace.beside')), id: 'counted', label: t('trace.counts') },
      ], own), provenanceLegend(own)));
  }

  // each hop names the side stream it carries: two chains between the same processes differ by their stream
  const chain = (path) => [path.hops[0]?.from.name, ...path.hops.flatMap((h) => [` → `, el('span', { class: 'via' }, h.sideStream.name),
    ' → ', h.to.name])];
  const paths = tr.paths.map((p, i) => ({ rank: i + 1, chain: chain(p), hops: p.hops.length, contribution: p.contribution,
    share: p.contribution == null || !tr.total ? null : (100 * p.contribution) / tr.total, path: p }));
  const pathTable = table('paths-table', t('trace.paths'), [
    { key: 'rank', label: '#', num: true }, { key: 'chain', label: t('chain'), render: (p) => p.chain }, { key: 'hops', label: t('hops'), num: true },
    { key: 'contribution', label: 't CO2e', num: true }, { key: 'share', label: t('shareOfTotal'), num: true },
  ], paths);
  const fig = figure('trace', `${t('trace.paths')} (${direction === 'UPSTREAM' ? t('upstream') : t('downstream')}, ${allocation === 'MASS' ? t('mass') : t('cutOff')})`,
    pathTable, { height: sankeyHeight(fullestColumn(tr.paths, direction)), layout: 'stacked' });
  content.append(fig.node);

  return () => {
    // a node per process and hops from the traced process keeps the Sankey acyclic where flows loop; the label shows
    // the name. Columns are those hops: upstream the traced process is on the right, downstream on the left.
    const links = new Map();
    const nodes = new Map();
    for (const [from, to, h, value] of sankeyHops(tr.paths, direction)) {
      nodes.set(from, h.from.name);
      nodes.set(to, h.to.name);
      const key = `${from}\u0000${to}`;
      links.set(key, { source: from, target: to, value: (links.get(key)?.value ?? 0) + value });
    }
    const columns = 1 + Math.max(0, ...tr.paths.filter((x) => x.contribution).map((p) => p.hops.length));
    const name = (key) => nodes.get(key) ?? key;
    chart(fig.chartBox, {
      tooltip: { trigger: 'item', formatter: (p) => (p.dataType === 'edge'
        ? `${name(p.data.source)} → ${name(p.data.target)}: ${num(p.data.value)} t CO2e` : name(p.name)) },
      series: [{ type: 'sankey', emphasis: { focus: 'adjacency' }, nodeAlign: direction === 'UPSTREAM' ? 'right' : 'left',
        ...sankeyLabels(fig.chartBox.clientWidth, columns), data: [...nodes.keys()].map((key) => ({ name: key })),
        links: [...links.values()], label: { formatter: (p) => name(p.name), overflow: 'truncate', lineHeight: 15 },
        lineStyle: { color: 'gradient', opacity: 0.45 } }],
    });
  };
}

/** Each hop of the chains with a contribution as [from, to, hop, contribution], a node being a process at its distance. */
function sankeyHops(paths, direction) {
  return paths.filter((x) => x.contribution).flatMap((p) => {
    const k = p.hops.length;
    return p.hops.map((h, i) => (direction === 'UPSTREAM'
      ? [`${h.from.name} [${k - i}]`, `${h.to.name} [${k - i - 1}]`, h, Math.abs(p.contribution)]
      : [`${h.from.name} [${i}]`, `${h.to.name} [${i + 1}]`, h, Math.abs(p.contribution)]));
  });
}

/** The most nodes at one distance from the traced process. */
function fullestColumn(paths, direction) {
  const columns = new Map();
  for (const [from, to] of sankeyHops(paths, direction)) {
    for (const node of [from, to]) {
      const column = node.slice(node.lastIndexOf('['));
      columns.set(column, (columns.get(column) ?? new Set()).add(node));
    }
  }
  return Math.max(1, ...[...columns.values()].map((c) => c.size));
}
