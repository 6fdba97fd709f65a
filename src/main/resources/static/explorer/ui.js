// Small DOM helpers shared by the views: elements, number formatting, tables beside charts.
import { t, lang } from './i18n.js';

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Numbers as shown everywhere: at most two decimals, grouped the user's language's way. */
export function num(value) {
  if (value === null || value === undefined) return '–';
  if (Object.is(value, -0) || Math.abs(value) < 0.005) value = 0; // never show "-0"
  return new Intl.NumberFormat(lang() === 'fi' ? 'fi-FI' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

export function link(href, text) { return el('a', { href }, text); }

/**
 * A table. columns: [{key, label, num?, render?}]; a numeric cell carries its exact value in
 * data-value and shows it with num(), so tests and screen readers see the same figure. rowKey(row), when given, names
 * each row in data-key.
 */
export function table(id, caption, columns, rows, { rowKey } = {}) {
  const head = el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.num ? 'n' : null }, c.label)));
  const body = rows.map((row) => el('tr', { 'data-key': rowKey?.(row) }, columns.map((c) => {
    const value = typeof c.key === 'function' ? c.key(row) : row[c.key];
    if (c.render) return el('td', { 'data-col': c.id ?? c.key }, c.render(row, value));
    if (c.num) {
      return el('td', { class: 'n', 'data-col': c.id ?? c.key, 'data-value': value ?? '' }, num(value));
    }
    return el('td', { 'data-col': c.id ?? c.key }, value ?? '–');
  })));
  const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    el('table', { id, 'data-testid': id }, el('caption', {}, caption), el('thead', {}, head),
      el('tbody', {}, rows.length ? body : el('tr', {}, el('td', { colspan: columns.length }, t('none'))))));
  return wrap;
}

/**
 * A figure: the chart with its table (the table is the accessible version). layout: 'side' puts them side by side,
 * 'map' gives the table the wider column, 'stacked' gives the chart the whole width and puts the table under it
 * (for wide diagrams, and tables too wide to sit beside a chart).
 */
export function figure(id, title, tableNode, { height = 360, layout = 'side' } = {}) {
  const chartBox = el('div', { class: 'chart', id: `${id}-chart`, role: 'img', 'aria-label': title, style: `height:${height}px` });
  const node = el('section', { class: 'figure', 'aria-labelledby': `${id}-h` },
    el('h2', { id: `${id}-h` }, title),
    el('div', { class: `figure-body ${layout}` }, chartBox, tableNode));
  return { node, chartBox };
}

/** A short explanation under a figure (what a figure means, where its numbers come from). */
export function note(text) { return el('p', { class: 'note' }, text); }

const charts = new Set();
/** Renders an ECharts option into a box that is already in the document. */
export function chart(box, option) {
  const instance = echarts.init(box, null, { renderer: 'canvas' });
  instance.setOption({ animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...option });
  charts.add(instance);
  return instance;
}
const SANKEY_NODE = 20;
const SANKEY_GAP = 18;
/** The height a Sankey needs for `rows` nodes in its fullest column, so that their labels never touch. */
export function sankeyHeight(rows) { return Math.max(300, rows * (SANKEY_GAP + 14) + 16); }

/**
 * Where a Sankey's labels go so that none is cut or runs into the next column: right of their nodes and no wider
 * than the gap to the next column; the last column's in the right margin; with firstLeft, the first column's in a
 * left margin as wide. Options for a sankey series in a chart `width` pixels wide with `columns` columns.
 */
export function sankeyLabels(width, columns, { firstLeft = false, margin = Math.round(width * 0.22) } = {}) {
  const pad = 14;
  const left = firstLeft ? margin : 8;
  const step = columns > 1 ? (width - left - margin - SANKEY_NODE) / (columns - 1) : 0;
  const levels = Array.from({ length: columns }, (_, depth) => {
    const outer = (depth === 0 && firstLeft) || depth === columns - 1;
    return { depth, label: { position: depth === 0 && firstLeft ? 'left' : 'right', width: outer ? margin - pad : step - SANKEY_NODE - pad } };
  });
  return { left, right: margin, top: 8, bottom: 8, nodeWidth: SANKEY_NODE, nodeGap: SANKEY_GAP, levels,
    label: { overflow: 'truncate', lineHeight: 15 } };
}

/** A value axis whose numbers are written the way the tables write them (the language's grouping and decimals). */
export function valueAxis(options = {}) {
  return { type: 'value', ...options, axisLabel: { formatter: (v) => num(v), ...options.axisLabel } };
}
export function disposeCharts() { charts.forEach((c) => c.dispose()); charts.clear(); }
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

/** A labelled control in the view's toolbar. */
export function control(label, input) { return el('label', { class: 'control' }, el('span', {}, label), input); }

export function select(id, options, value, onchange) {
  return el('select', { id, onchange: (e) => onchange(e.target.value) },
    options.map((o) => el('option', { value: o.value, selected: String(o.value) === String(value) }, o.label)));
}

export function shortName(name, max = 28) { return name.length > max ? `${name.slice(0, max - 1)}…` : name; }

export const COLOURS = { positive: '#1a9850', negative: '#d73027', neutral: '#4575b4', avoided: '#8c6bb1', muted: '#999' };
