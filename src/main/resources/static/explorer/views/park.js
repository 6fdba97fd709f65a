// Park: carbon-balance waterfall, side-stream table, exchange network graph, Sankey by EWC chapter.
import { gql } from '../gql.js';
import { t } from '../i18n.js';
import { el, figure, table, chart, num, control, select, link, shortName, COLOURS } from '../ui.js';
import { yearControl, yearOf, toolbar, parksList } from './common.js';
import { go } from '../app.js';

const PARK = `query($id: ID!, $year: Int!) {
  park(id: $id) { id name municipality country roadmaps { id name }
    organizations { id name }
    processes { id name operator { id name }
      sideStreams { id name ewc unit
        flows { id quantity fromYear toYear distanceKm transportMode consumer { id name operator { id name } } } } } }
  carbonBalance(parkId: $id, year: $year) { gross sequestration soldOutside retained purchasedOffsets avoided net climatePositive carbonNeutral }
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
    { id: 'retained', label: t('retained'), value: -b.retained },
    { id: 'purchasedOffsets', label: t('purchasedOffsets'), value: -b.purchasedOffsets },
    { id: 'net', label: t('net'), value: b.net },
    { id: 'avoided', label: t('avoidedBeside'), value: b.avoided },
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
  const nodes = new Map();
  const links = [];
  const flows = [];
  const addNode = (key, name, category, extra = {}) => {
    if (!nodes.has(key)) nodes.set(key, { id: key, name, category, ...extra });
  };
  for (const o of park.organizations) addNode(o.id, o.name, 0);
  for (const p of park.processes) {
    addNode(p.id, p.name, 1);
    if (p.operator) { addNode(p.operator.id, p.operator.name, 0); links.push({ source: p.operator.id, target: p.id }); }
    for (const s of p.sideStreams) {
      addNode(s.id, s.name, 2);
      links.push({ source: p.id, target: s.id });
      for (const f of s.flows.filter((x) => active(x, year))) {
        addNode(f.consumer.id, f.consumer.name, 1);
        links.push({ source: s.id, target: f.consumer.id, flow: true, value: f.quantity });
        flows.push({ ...f, stream: s, producer: p });
      }
    }
  }
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
  const network = figure('network', `${t('park.network')} ${year}`, flowTable, 520);

  // material flows in tonnes by List of Waste chapter: producer → chapter → consumer
  const chapters = new Map(data.wasteChapters.map((c) => [c.code, c.title]));
  const sankeyRows = new Map();
  for (const f of flows.filter((x) => x.stream.unit === 't' && x.quantity)) {
    const chapter = f.stream.ewc ? f.stream.ewc.slice(0, 2) : null;
    const key = `${f.producer.operator?.name ?? f.producer.name}|${chapter}|${f.consumer.operator?.name ?? f.consumer.name}`;
    const row = sankeyRows.get(key) ?? { from: f.producer.operator?.name ?? f.producer.name, chapter,
      chapterLabel: chapter ? `${chapter} ${chapters.get(chapter) ?? ''}` : t('noCode'),
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
  const sankey = figure('ewc', `${t('park.ewc')} ${year}`, ewcTable, 480);

  content.append(balance.node, network.node, sankey.node, streamsSection);

  return () => {
    let running = 0;
    const base = steps.map((s) => {
      if (s.id === 'gross') { running = s.value; return 0; }
      if (s.id === 'net' || s.id === 'avoided') return 0;
      running += s.value;
      return running;
    });
    chart(balance.chartBox, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 80, right: 20, bottom: 60 },
      xAxis: { type: 'category', data: steps.map((s) => s.label), axisLabel: { interval: 0, width: 110, overflow: 'break' } },
      yAxis: { type: 'value', name: 't CO2e' },
      series: [
        { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: base, tooltip: { show: false } },
        { type: 'bar', stack: 'w', name: 't CO2e', label: { show: true, position: 'top', formatter: (p) => num(steps[p.dataIndex].value) },
          data: steps.map((s) => ({ value: Math.abs(s.value), itemStyle: { color:
            s.id === 'avoided' ? COLOURS.avoided : s.id === 'net' ? (s.value < 0 ? COLOURS.positive : COLOURS.negative)
              : s.id === 'gross' ? COLOURS.negative : COLOURS.positive, decal: s.id === 'avoided' ? { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [4, 3], rotation: -0.785 } : null } })) },
      ],
    });
    const graph = chart(network.chartBox, {
      tooltip: { formatter: (p) => (p.dataType === 'edge' && p.data.value != null ? `${num(p.data.value)}` : p.name) },
      legend: { data: [t('organizations'), t('processes'), t('sideStreams')], bottom: 0 },
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true, force: { repulsion: 120, edgeLength: 60 },
        categories: [{ name: t('organizations') }, { name: t('processes') }, { name: t('sideStreams') }],
        data: [...nodes.values()].map((n) => ({ ...n, symbolSize: [18, 12, 9][n.category], label: { show: n.category === 0, formatter: shortName(n.name, 22), color: '#1d2420', textBorderWidth: 0 } })),
        links: links.map((l) => ({ ...l, lineStyle: l.flow ? { width: 2, type: 'solid', color: '#3a7' } : { type: 'dashed', opacity: 0.5 } })),
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 6, emphasis: { focus: 'adjacency' },
      }],
    });
    graph.on('click', (p) => { if (p.dataType === 'node' && p.data.category === 1) go('trace', [p.data.id, String(year)]); });
    const names = new Set();
    const sankeyLinks = [];
    for (const r of ewcRows) {
      const from = `${r.from} ▸`;
      const to = `▸ ${r.to}`;
      names.add(from); names.add(r.chapterLabel); names.add(to);
      sankeyLinks.push({ source: from, target: r.chapterLabel, value: r.tonnes }, { source: r.chapterLabel, target: to, value: r.tonnes });
    }
    chart(sankey.chartBox, {
      tooltip: { trigger: 'item', formatter: (p) => (p.dataType === 'edge' ? `${p.data.source} → ${p.data.target}: ${num(p.data.value)} t` : p.name) },
      series: [{ type: 'sankey', nodeAlign: 'justify', emphasis: { focus: 'adjacency' },
        data: [...names].map((name) => ({ name })), links: mergeLinks(sankeyLinks),
        label: { formatter: (p) => shortName(p.name, 34) }, lineStyle: { color: 'gradient', opacity: 0.4 } }],
    });
  };
}

function mergeLinks(links) {
  const merged = new Map();
  for (const l of links) {
    const key = `${l.source}\u0000${l.target}`;
    merged.set(key, { ...l, value: (merged.get(key)?.value ?? 0) + l.value });
  }
  return [...merged.values()];
}
