// Park: carbon-balance waterfall, side-stream table, exchange network graph, Sankey by EWC chapter.
import { gql } from '../gql.js';
import { t } from '../i18n.js';
import { el, figure, table, chart, num, control, select, link, note, valueAxis, sankeyHeight, sankeyLabels, COLOURS } from '../ui.js';
import { yearControl, yearOf, toolbar, parksList } from './common.js';
import { networkLayout, networkOption } from './network.js';
import { reportedShareNote, provenanceMark, provenanceLegend } from '../provenance.js';
import { go } from '../app.js';

const PARK = `query($id: ID!, $year: Int!) {
  park(id: $id) { id name municipality country roadmaps { id name }
    organizations { id name }
    processes { id name operator { id name }
      emissions { year scope tCO2e counted provenance { kind } }
      sideStreams { id name ewc material unit
        flows { id quantity fromYear toYear distanceKm transportMode consumer { id name operator { id name } } } } } }
  carbonBalance(parkId: $id, year: $year) { gross sequestration soldOutside retained purchasedOffsets avoided net climatePositive carbonNeutral reportedShare }
  sideStreamTable(parkId: $id, year: $year) { sideStream { id name ewc producer { id name } } unit produced used available }
  wasteChapters { code title }
}`;

const active = (f, year) => (f.fromYear == null || f.fromYear <= year) && (f.toYear == null || year <= f.toYear);

export async function parkView(route, content) {
  const parks = await parksList();
  const id = route.args[0] ?? parks.find((p) => p.id === 'fi:kemi-tornio')?.id ?? parks[0]?.id;
  const year = yearOf(route.query.get('year'));
  const data = await gql(PARK, { id, year });
  if (!data.park) throw new Error(`${t('notFound')}: ${id}`);
  const { park, carbonBalance: b, sideStreamTable: streams } = data;

  content.append(el('h1', {}, park.name),
    toolbar(
      control(t('park'), select('park', parks.map((p) => ({ value: p.id, label: p.name })), id, (v) => go('park', [v], { year }))),
      yearControl(year, (y) => go('park', [id], { year: y }))),
    el('p', { class: 'links' }, park.roadmaps.map((r) => [link(`#/roadmap/${encodeURIComponent(r.id)}`, `${t('nav.roadmap')}: ${r.name}`), ' '])));

  // waterfall: gross, minus retained sequestration, minus purchased offsets, = net; avoided beside
  const steps = [
    { id: 'gross', label: t('gross'), value: b.gross },
    { id: 'retained', label: t('wf.retained'), value: -b.retained },
    { id: 'purchasedOffsets', label: t('purchasedOffsets'), value: -b.purchasedOffsets },
    { id: 'net', label: t('net'), value: b.net },
    { id: 'avoided', label: t('wf.avoided'), value: b.avoided },
  ];
  const balanceTable = table('balance-table', t('park.balance'), [
    { key: 'label', label: t('component') },
    { key: 'value', label: 't CO2e', num: true },
  ], [
    { label: t('gross'), value: b.gross }, { label: t('sequestration'), value: b.sequestration },
    { label: t('soldOutside'), value: b.soldOutside }, { label: t('retained'), value: b.retained },
    { label: t('purchasedOffsets'), value: b.purchasedOffsets }, { label: t('net'), value: b.net },
    { label: t('avoidedBeside'), value: b.avoided },
  ]);
  const balance = figure('balance', `${t('park.balance')} ${year}${b.climatePositive ? ` — ${t('climatePositive')}` : ''}`, balanceTable);
  balance.node.append(...[reportedShareNote(b), note(t('avoided.note'))].filter(Boolean));

  // each process's counted records of the year by scope, marked reported, calculated or illustrative
  const emissionRows = park.processes.map((p) => {
    const counted = p.emissions.filter((e) => e.year === year && e.counted);
    const byScope = (scope) => counted.filter((e) => e.scope === scope);
    return { process: p, scope1: byScope(1), scope2: byScope(2), records: counted };
  }).filter((r) => r.records.length)
    .sort((a, b) => sum(b.scope1) + sum(b.scope2) - sum(a.scope1) - sum(a.scope2) || a.process.name.localeCompare(b.process.name));
  const scopeCell = (records) => (records.length ? [el('span', { 'data-value': sum(records) }, num(sum(records))), ' ',
    ...[...new Set(records.map((e) => e.provenance.kind))].map((kind) => provenanceMark({ provenance: { kind } }))] : '–');
  const emissionsTable = table('emissions-table', t('park.emissions'), [
    { key: (r) => r.process.name, id: 'process', label: t('process') },
    { key: 'scope1', label: t('calc.scope1'), render: (r) => scopeCell(r.scope1) },
    { key: 'scope2', label: t('calc.scope2'), render: (r) => scopeCell(r.scope2) },
  ], emissionRows, { rowKey: (r) => r.process.id });
  const emissionsSection = el('section', { class: 'figure' }, el('h2', {}, `${t('park.emissions')} ${year}`), emissionsTable,
    provenanceLegend(emissionRows.flatMap((r) => r.records)), note(t('park.emissionsNote')));

  const streamTable = table('sidestreams-table', t('park.streams'), [
    { key: (r) => r.sideStream.name, id: 'name', label: t('sideStream') },
    { key: (r) => r.sideStream.ewc, id: 'ewc', label: 'EWC' },
    { key: (r) => r.sideStream.producer?.name, id: 'producer', label: t('producer') },
    { key: 'produced', label: t('produced'), num: true },
    { key: 'used', label: t('used'), num: true },
    { key: 'available', label: t('available'), num: true },
    { key: 'unit', label: t('unit') },
  ], streams);
  const streamsSection = el('section', { class: 'figure' }, el('h2', {}, `${t('park.streams')} ${year}`), streamTable);

  // the exchange network: organizations operate processes, processes produce streams, flows feed consumers
  const flows = park.processes.flatMap((p) => p.sideStreams.flatMap((s) =>
    s.flows.filter((f) => active(f, year)).map((f) => ({ ...f, stream: s, producer: p }))));
  const layout = networkLayout(park, flows);
  const flowTable = table('flows-table', t('park.flows'), [
    { key: (f) => f.producer.name, id: 'producer', label: t('producer'),
      render: (f) => link(`#/trace/${encodeURIComponent(f.producer.id)}/${year}`, f.producer.name) },
    { key: (f) => f.stream.name, id: 'sideStream', label: t('sideStream') },
    { key: (f) => f.stream.ewc, id: 'ewc', label: 'EWC' },
    { key: (f) => f.consumer.name, id: 'consumer', label: t('consumer'),
      render: (f) => link(`#/trace/${encodeURIComponent(f.consumer.id)}/${year}`, f.consumer.name) },
    { key: 'quantity', label: t('quantity'), num: true },
    { key: (f) => f.stream.unit, id: 'unit', label: t('unit') },
    { key: 'distanceKm', label: 'km', num: true },
    { key: (f) => (f.transportMode ? t(`mode.${f.transportMode}`) : null), id: 'transportMode', label: t('mode') },
  ], flows);
  const network = figure('network', `${t('park.network')} ${year}`, flowTable, { height: layout.height, layout: 'stacked' });
  network.chartBox.after(note(`${t('park.networkHow')}${layout.idle.length ? ` ${t('park.idle')} ${year}: ${layout.idle.join('; ')}.` : ''}`));

  // material flows in tonnes by List of Waste chapter: producer → chapter → consumer; a stream without a waste
  // code (scrap sold as a product, CO2) is named by its material instead
  const chapters = new Map(data.wasteChapters.map((c) => [c.code, c.title]));
  const sankeyRows = new Map();
  for (const f of flows.filter((x) => x.stream.unit === 't' && x.quantity)) {
    const chapter = f.stream.ewc ? f.stream.ewc.slice(0, 2) : null;
    const chapterLabel = chapter ? `${chapter} ${capitalise((chapters.get(chapter) ?? '').toLowerCase())}`
      : `${capitalise(f.stream.material ?? f.stream.name)} (${t('noCode')})`;
    const key = `${f.producer.operator?.name ?? f.producer.name}|${chapterLabel}|${f.consumer.operator?.name ?? f.consumer.name}`;
    const row = sankeyRows.get(key) ?? { from: f.producer.operator?.name ?? f.producer.name, chapter, chapterLabel,
      to: f.consumer.operator?.name ?? f.consumer.name, tonnes: 0 };
    row.tonnes += f.quantity;
    sankeyRows.set(key, row);
  }
  const ewcRows = [...sankeyRows.values()].sort((a, b2) => b2.tonnes - a.tonnes);
  const ewcTable = table('ewc-table', t('park.ewc'), [
    { key: 'chapterLabel', label: t('chapter') },
    { key: 'from', label: t('from') },
    { key: 'to', label: t('to') },
    { key: 'tonnes', label: 't', num: true },
  ], ewcRows);
  const sankey = figure('ewc', `${t('park.ewc')} ${year}`, ewcTable, { height: sankeyHeight(fullestColumn(ewcRows)), layout: 'stacked' });

  content.append(balance.node, emissionsSection, network.node, sankey.node, streamsSection);

  return () => {
    let running = 0;
    const base = steps.map((s) => {
      if (s.id === 'gross') { running = s.value; return 0; }
      if (s.id === 'net' || s.id === 'avoided') return 0;
      running += s.value;
      return running;
    });
    const grid = { left: 80, right: 20, top: 40, bottom: 64 };
    const slot = (balance.chartBox.clientWidth - grid.left - grid.right) / steps.length;
    chart(balance.chartBox, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (p) => `${steps[p[0].dataIndex].label}: ${num(steps[p[0].dataIndex].value)} t CO2e` },
      grid,
      // wrapped axis labels get an explicit line height: ECharts derives one from a CJK glyph, too low without a CJK font
      xAxis: { type: 'category', data: steps.map((s) => s.label), axisLabel: { interval: 0, width: slot - 8, overflow: 'break', lineHeight: 15 } },
      yAxis: valueAxis({ name: 't CO2e' }),
      series: [
        { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: base, tooltip: { show: false } },
        { type: 'bar', stack: 'w', name: 't CO2e', label: { show: true, position: 'top', formatter: (p) => num(steps[p.dataIndex].value) },
          // the avoided bar is hatched: it stands beside the balance, not in it
          data: steps.map((s) => ({ value: Math.abs(s.value), itemStyle: { color:
            s.id === 'avoided' ? COLOURS.avoided : s.id === 'net' ? (s.value < 0 ? COLOURS.positive : COLOURS.negative)
              : s.id === 'gross' ? COLOURS.negative : COLOURS.positive, decal: s.id === 'avoided' ? { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [4, 3], rotation: -0.785 } : null } })) },
      ],
    });
    const graph = chart(network.chartBox, networkOption(layout, network.chartBox.clientWidth));
    graph.on('click', (p) => { if (p.dataType === 'node' && p.data.process) go('trace', [p.data.process, String(year)]); });
    const names = new Set();
    const sankeyLinks = [];
    for (const r of ewcRows) {
      const from = `${r.from} ▸`;
      const to = `▸ ${r.to}`;
      names.add(from); names.add(r.chapterLabel); names.add(to);
      sankeyLinks.push({ source: from, target: r.chapterLabel, value: r.tonnes }, { source: r.chapterLabel, target: to, value: r.tonnes });
    }
    // the giving organizations' names left of the diagram, the chapters' right of theirs, the receivers' right of the diagram
    chart(sankey.chartBox, {
      tooltip: { trigger: 'item', formatter: (p) => (p.dataType === 'edge' ? `${p.data.source} → ${p.data.target}: ${num(p.data.value)} t` : p.name) },
      series: [{ type: 'sankey', nodeAlign: 'justify', emphasis: { focus: 'adjacency' },
        ...sankeyLabels(sankey.chartBox.clientWidth, 3, { firstLeft: true }),
        data: [...names].map((name) => ({ name })), links: mergeLinks(sankeyLinks), lineStyle: { color: 'gradient', opacity: 0.4 } }],
    });
  };
}

function sum(records) { return records.reduce((total, e) => total + e.tCO2e, 0); }

/** The nodes in the Sankey's fullest column (producers, chapters or receivers). */
function fullestColumn(rows) {
  const count = (key) => new Set(rows.map((r) => r[key])).size;
  return Math.max(count('from'), count('chapterLabel'), count('to'));
}

/** The List of Waste writes its chapter titles in capitals; they read better in sentence case. */
function capitalise(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

function mergeLinks(links) {
  const merged = new Map();
  for (const l of links) {
    const key = `${l.source}\u0000${l.target}`;
    merged.set(key, { ...l, value: (merged.get(key)?.value ?? 0) + l.value });
  }
  return [...merged.values()];
}
