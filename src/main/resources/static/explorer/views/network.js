// The park's exchange network, laid out in three columns so that every label can be read and the picture is
// the same on every load: the processes that produce side streams (under their organization) on the left, the
// side streams in the middle, the processes that take them (under their organization) on the right. Positions are
// computed here, not by a force simulation; rows are ordered so that flows cross as little as a simple
// barycentre ordering manages.
import { t } from '../i18n.js';
import { num, shortName, COLOURS } from '../ui.js';
import { textWidth } from '../labels.js';

const ROW = 22;
const TOP = 10;
const LEGEND = 34;
const FONT = '12px system-ui, sans-serif';
const BOLD = 'bold 12px system-ui, sans-serif';

/**
 * The network's rows from the park's processes and the flows active in the year. Returns {left, streams, right,
 * idle, height}: rows with y positions (x follows from the chart's width, networkOption), and the names of the
 * park's members with no side stream given or taken.
 */
export function networkLayout(park, flows) {
  const operatorOf = (p) => p.operator ?? { id: `none:${p.id}`, name: '–' };
  const streamFlows = new Map();
  for (const f of flows) streamFlows.set(f.stream.id, [...(streamFlows.get(f.stream.id) ?? []), f]);

  // left: the park's processes that produce side streams, under their operators (in the park's order of organizations)
  const orgOrder = new Map(park.organizations.map((o, i) => [o.id, i]));
  const groups = new Map();
  for (const p of park.processes.filter((x) => x.sideStreams.length)) {
    const o = operatorOf(p);
    if (!groups.has(o.id)) groups.set(o.id, { org: o, items: [] });
    groups.get(o.id).items.push(p);
  }
  const leftGroups = [...groups.values()].sort((a, b) => (orgOrder.get(a.org.id) ?? 1e9) - (orgOrder.get(b.org.id) ?? 1e9)
    || a.org.name.localeCompare(b.org.name));

  // middle: the side streams, in the order of their producers
  const streams = [];
  for (const g of leftGroups) for (const p of g.items) for (const s of p.sideStreams) streams.push({ stream: s, producer: p, flows: streamFlows.get(s.id) ?? [] });
  streams.forEach((s, i) => { s.y = TOP + i * ROW; });

  // left column: a header row per organization, then its processes; each process as near its streams as the
  // rows allow
  const left = [];
  for (const g of leftGroups) {
    left.push({ header: true, org: g.org });
    for (const p of g.items) {
      const own = streams.filter((s) => s.producer.id === p.id);
      left.push({ process: p, ideal: own.length ? own.reduce((sum, s) => sum + s.y, 0) / own.length : null });
    }
  }
  spread(left, streams.length);

  // right: the receiving processes under their operators, ordered by where their flows come from
  const receivers = new Map();
  for (const s of streams) {
    for (const f of s.flows) {
      const r = receivers.get(f.consumer.id) ?? { process: f.consumer, ys: [] };
      r.ys.push(s.y);
      receivers.set(f.consumer.id, r);
    }
  }
  const rightGroups = new Map();
  for (const r of receivers.values()) {
    r.ideal = r.ys.reduce((a, b) => a + b, 0) / r.ys.length;
    const o = operatorOf(r.process);
    if (!rightGroups.has(o.id)) rightGroups.set(o.id, { org: o, items: [] });
    rightGroups.get(o.id).items.push(r);
  }
  // an organization's receivers stay together, the group centred on where its flows come from
  const right = [];
  const mean = (g) => g.items.reduce((a, r) => a + r.ideal, 0) / g.items.length;
  for (const g of [...rightGroups.values()].sort((a, b) => mean(a) - mean(b) || a.org.name.localeCompare(b.org.name))) {
    right.push({ header: true, org: g.org, ideal: mean(g) - (ROW * (g.items.length + 1)) / 2 });
    for (const r of g.items.sort((a, b) => a.ideal - b.ideal || a.process.name.localeCompare(b.process.name))) right.push({ ...r, ideal: null });
  }
  spread(right, streams.length);

  const rows = Math.max(streams.length, left.length, right.length);
  // the park's members that neither give nor take a side stream this year are named under the diagram
  const shown = new Set([...park.processes.filter((p) => p.sideStreams.length).map((p) => p.id), ...receivers.keys()]);
  const busy = new Set(park.processes.filter((p) => shown.has(p.id)).map((p) => operatorOf(p).id));
  const idle = [
    ...park.organizations.filter((o) => !busy.has(o.id) && !park.processes.some((p) => operatorOf(p).id === o.id)).map((o) => o.name),
    ...park.processes.filter((p) => !shown.has(p.id)).map((p) => (p.operator ? `${p.name} (${p.operator.name})` : p.name)),
  ];
  return { left, streams, right, idle, height: TOP + rows * ROW + LEGEND };
}

/**
 * Gives each row a y: as near its ideal as possible (a header without one sits on the row above its first item,
 * a row without one on the next row), in order,
 * at least one row apart, and no lower than the longer of the column and the streams column.
 */
function spread(column, streamRows) {
  let y = TOP - ROW;
  column.forEach((row, i) => {
    const next = column[i + 1];
    const wanted = row.ideal ?? (row.header && next && !next.header && next.ideal != null ? next.ideal - ROW : y + ROW);
    row.y = Math.max(y + ROW, wanted);
    y = row.y;
  });
  // pull back up whatever ran past the bottom of the streams column, keeping rows apart
  let limit = TOP + Math.max(streamRows, column.length) * ROW - ROW;
  for (let i = column.length - 1; i >= 0; i--) {
    column[i].y = Math.min(column[i].y, limit);
    limit = column[i].y - ROW;
  }
}

/** The ECharts option for the layout in a chart `width` pixels wide. */
export function networkOption(layout, width) {
  const xLeft = Math.round(width * 0.3);
  const xStream = xLeft + 90;
  const xRight = Math.round(width * 0.7);
  const leftRoom = xLeft - 16;
  const streamRoom = xRight - xStream - 80;
  const rightRoom = width - xRight - 16;
  const nodes = [];
  const links = [];
  const label = (text, room, position, font = FONT) => ({
    show: true, position, formatter: fit(text, room, font), color: '#1d2420', fontWeight: font === BOLD ? 'bold' : 'normal',
  });
  const headerNode = (id, org, x, y, position, room) => nodes.push({ id, name: org.name, x, y, symbolSize: 0.1, category: 0,
    label: label(org.name, room, position, BOLD) });
  for (const row of layout.left) {
    if (row.header) headerNode(`lo:${row.org.id}`, row.org, xLeft + 6, row.y, 'left', leftRoom);
    else nodes.push({ id: `p:${row.process.id}`, process: row.process.id, name: row.process.name, x: xLeft, y: row.y, symbolSize: 11,
      category: 1, label: label(row.process.name, leftRoom, 'left') });
  }
  for (const s of layout.streams) {
    const text = fit(s.stream.name, streamRoom, FONT);
    const used = s.flows.length > 0;
    nodes.push({ id: `s:${s.stream.id}`, name: s.stream.name, x: xStream, y: s.y, symbolSize: 8, category: 2,
      itemStyle: used ? null : { color: '#fff', borderColor: '#b58a17', borderWidth: 1.5 },
      tip: `${s.stream.name}${s.stream.ewc ? ` (${s.stream.ewc})` : ''}`,
      label: { show: true, position: 'right', formatter: text, color: used ? '#1d2420' : '#5d665f' } });
    links.push({ source: `p:${s.producer.id}`, target: `s:${s.stream.id}`, tip: `${s.producer.name} → ${s.stream.name}`,
      lineStyle: { color: '#9aa39a', width: 1, curveness: 0.15 } });
    if (used) {
      // the flows leave from the end of the label, so that no line crosses it
      const out = `so:${s.stream.id}`;
      nodes.push({ id: out, name: s.stream.name, x: xStream + 10 + textWidth(text), y: s.y, symbolSize: 4, category: 2,
        label: { show: false } });
      for (const f of s.flows) {
        links.push({ source: out, target: `c:${f.consumer.id}`,
          tip: `${s.stream.name} → ${f.consumer.name}: ${num(f.quantity)} ${s.stream.unit ?? ''}`,
          lineStyle: { color: COLOURS.positive, width: 1.6, opacity: 0.75, curveness: 0.12 } });
      }
    }
  }
  for (const row of layout.right) {
    if (row.header) headerNode(`ro:${row.org.id}`, row.org, xRight - 6, row.y, 'right', rightRoom);
    else nodes.push({ id: `c:${row.process.id}`, process: row.process.id, name: row.process.name, x: xRight, y: row.y, symbolSize: 11,
      category: 1, label: label(row.process.name, rightRoom, 'right') });
  }
  // two invisible corners make the nodes' bounding box the chart's, so positions are pixels
  const height = layout.height;
  nodes.push({ id: 'corner:0', name: '', x: 0, y: 0, symbolSize: 0, category: 0, label: { show: false }, tooltip: { show: false } },
    { id: 'corner:1', name: '', x: width, y: height - LEGEND, symbolSize: 0, category: 0, label: { show: false }, tooltip: { show: false } });
  return {
    tooltip: { formatter: (p) => p.data.tip ?? p.name },
    legend: { data: [t('processes'), t('sideStreams')], bottom: 4 },
    series: [{
      type: 'graph', layout: 'none', roam: false, left: 0, top: 0, right: 0, bottom: LEGEND,
      categories: [{ name: t('organizations') }, { name: t('processes'), itemStyle: { color: '#3b7d5a' } },
        { name: t('sideStreams'), itemStyle: { color: '#e0a526' } }],
      data: nodes, links, edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 5,
      emphasis: { focus: 'adjacency', label: { show: true } }, labelLayout: { hideOverlap: false },
    }],
  };
}

/** The text cut with an ellipsis to fit `room` pixels (the whole name is in the tooltip). */
function fit(text, room, font) {
  if (textWidth(text, font) <= room) return text;
  let n = text.length;
  while (n > 4 && textWidth(shortName(text, n), font) > room) n--;
  return shortName(text, n);
}
