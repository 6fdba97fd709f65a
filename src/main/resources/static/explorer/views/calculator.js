// Calculator: an organization's activity lines of a year, entered and saved through the GraphQL mutations (with the
// key of the session), and the GHG Protocol inventory calculated from them (docs/calculator.md): scope 1, scope 2 both
// ways, scope 3 by category and biogenic CO2, each line with its factor and where the factor comes from; beside it the
// climate-partner indicator of the organization's networks.
import { gql, all } from '../gql.js';
import { t } from '../i18n.js';
import { el, figure, table, chart, num, control, select, note, valueAxis, shortName, COLOURS } from '../ui.js';
import { provenanceMark, provenanceLegend } from '../provenance.js';
import { toolbar } from './common.js';
import { go, refresh } from '../app.js';

export const CALCULATOR_YEARS = [2021, 2022, 2023, 2024, 2025];
export const DEFAULT_ORGANIZATION = 'fi:savon-voima';
export const DEFAULT_CALCULATOR_YEAR = 2023;

const ORGANIZATION = `query($id: ID!) { organization(id: $id) { id name networks { id name }
  processes { id name activities { id year quantity unit notes visibility factor { id } marketFactor { id } } } } }`;
const INVENTORY = `query($id: ID!, $year: Int!) { ghgInventory(organizationId: $id, year: $year) {
  scope1 scope2LocationBased scope2MarketBased marketBasedComplete scope3 byCategory { category tCO2e }
  totalLocationBased totalMarketBased biogenicCO2 reportedScope1 withheld
  lines { activity { id } process { name } factor { id name activity unit factorSet { name year source } }
          marketFactor { id name activity } quantity unit tCO2e marketBasedTCO2e scope category biogenicCO2 } } }`;
const FACTOR_SETS = 'id name source year factors { id name activity unit units scope category tCO2ePerUnit }';
const INDICATOR = 'partners reporting reportingShare totalTCO2e withheld';

/** The climate-partner indicator of some networks in a year, in one request: [{network, partners, …}]. */
export async function indicators(networks, year) {
  if (!networks.length) return [];
  const data = await gql(`query($year: Int!) { ${networks.map((n, i) =>
    `n${i}: climatePartnerIndicator(networkId: ${JSON.stringify(n.id)}, year: $year) { ${INDICATOR} }`).join(' ')} }`, { year });
  return networks.map((n, i) => ({ network: n, ...data[`n${i}`] }));
}

/** The indicator's table: partners, reporting, their share and total, one row per network. */
export function indicatorTable(id, caption, rows) {
  return table(id, caption, [
    { key: (r) => r.network.name, id: 'network', label: t('network') },
    { key: 'partners', label: t('calc.partners'), num: true },
    { key: 'reporting', label: t('calc.reporting'), num: true },
    { key: (r) => r.reportingShare * 100, id: 'reportingShare', label: t('calc.reportingShare'), num: true },
    { key: 'totalTCO2e', label: t('calc.partnersTotal'), num: true },
  ], rows, { rowKey: (r) => r.network.id });
}

/** What a person calls a factor: the publisher's row name, else its activity code in words. */
export function factorLabel(f) {
  if (!f) return '–';
  if (f.name) return f.name;
  const code = f.activity ?? f.id;
  return code.charAt(0) + code.slice(1).toLowerCase().replaceAll('_', ' ');
}

const scopeGroup = (f) => (f.scope === 3 ? `3.${String(f.category ?? 0).padStart(2, '0')}` : String(f.scope));
const groupLabel = (g) => (g.startsWith('3.') ? `${t('calc.scope3')} · ${Number(g.slice(2))} ${t(`cat.${Number(g.slice(2))}`)}`
  : t(`calc.scope${g}`));

/** A select of factors grouped by scope (scope 3 by category), each option naming its set. */
function factorSelect(name, factors, value, { none = false } = {}) {
  const groups = new Map();
  for (const f of factors) {
    const g = scopeGroup(f);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push(f);
  }
  const options = [...groups.keys()].sort().map((g) => el('optgroup', { label: groupLabel(g) },
    groups.get(g).map((f) => el('option', { value: f.id, selected: f.id === value, title: `${factorLabel(f)} — ${f.set.name}` },
      `${shortName(factorLabel(f), 58)} (${f.unit}) — ${shortName(f.set.name, 40)}`))));
  return el('select', { name, 'aria-label': name === 'factor' ? t('calc.factor') : t('calc.marketFactor') },
    none ? el('option', { value: '', selected: !value }, t('calc.noInstrument')) : null, options);
}

export async function calculatorView(route, content) {
  const organizations = await all('organizations', 'id name');
  const id = route.args[0] ?? (organizations.some((o) => o.id === DEFAULT_ORGANIZATION) ? DEFAULT_ORGANIZATION : organizations[0]?.id);
  const year = Number.parseInt(route.args[1], 10) || DEFAULT_CALCULATOR_YEAR;
  const [{ organization }, { ghgInventory: inventory }, sets] = await Promise.all([gql(ORGANIZATION, { id }), gql(INVENTORY, { id, year }),
    all('factorSets', FACTOR_SETS)]);
  if (!organization) throw new Error(`${t('notFound')}: ${id}`);
  const networkIndicators = await indicators(organization.networks, year);
  const factors = sets.flatMap((s) => s.factors.map((f) => ({ ...f, set: s })));
  const byId = new Map(factors.map((f) => [f.id, f]));
  const years = CALCULATOR_YEARS.includes(year) ? CALCULATOR_YEARS : [...CALCULATOR_YEARS, year].sort();

  content.append(el('h1', {}, `${t('calc.title')}: ${organization.name}`),
    toolbar(
      control(t('organization'), select('organization', organizations.map((o) => ({ value: o.id, label: o.name })), id,
        (v) => go('calculator', [v, String(year)]))),
      control(t('year'), select('year', years.map((y) => ({ value: y, label: y })), year, (v) => go('calculator', [id, String(v)])))));

  content.append(editor(organization, year, factors, byId));
  if (inventory) content.append(...results(inventory, year));
  if (networkIndicators.length) {
    content.append(el('section', { class: 'figure' }, el('h2', {}, `${t('calc.indicator')} ${year}`),
      indicatorTable('indicator-table', t('calc.indicator'), networkIndicators), note(t('calc.indicatorNote'))));
  }
  return inventory ? () => drawChart(inventory) : null;
}

// ---- the activity lines of the year, as a form ----

function editor(organization, year, factors, byId) {
  const partner = organization.id.split(':')[0];
  const processes = organization.processes;
  const existing = processes.flatMap((p) => p.activities.filter((a) => a.year === year).map((a) => ({
    id: a.id, process: p.id, factor: a.factor?.id ?? '', quantity: a.quantity, unit: a.unit, marketFactor: a.marketFactor?.id ?? '',
    notes: a.notes, visibility: a.visibility, saved: true })));
  const rows = existing.map((r) => ({ ...r, original: { ...r } }));
  const removed = [];
  const taken = new Set(processes.flatMap((p) => p.activities.map((a) => a.id)));
  const tbody = el('tbody');
  const status = el('p', { id: 'save-status', class: 'status', role: 'status', 'aria-live': 'polite' });

  const renderRows = () => {
    tbody.replaceChildren(...(rows.length ? rows.map((r, i) => lineRow(r, i)) : [el('tr', {}, el('td', { colspan: 6 }, t('calc.noLines')))]));
  };
  const lineRow = (r, i) => {
    const f = byId.get(r.factor);
    const units = f?.units?.length ? f.units : [r.unit].filter(Boolean);
    if (f && !units.includes(r.unit)) r.unit = f.unit;
    const processSelect = el('select', { name: 'process', 'aria-label': t('process') },
      processes.map((p) => el('option', { value: p.id, selected: p.id === r.process }, p.name)));
    processSelect.addEventListener('change', () => { r.process = processSelect.value; });
    const factor = factorSelect('factor', factors, r.factor);
    factor.addEventListener('change', () => { r.factor = factor.value; renderRows(); });
    const quantity = el('input', { name: 'quantity', type: 'number', min: '0', step: 'any', inputmode: 'decimal',
      value: r.quantity ?? '', 'aria-label': t('quantity') });
    quantity.addEventListener('input', () => { r.quantity = quantity.value === '' ? null : Number(quantity.value); });
    const unit = el('select', { name: 'unit', 'aria-label': t('unit') }, units.map((u) => el('option', { value: u, selected: u === r.unit }, u)));
    unit.addEventListener('change', () => { r.unit = unit.value; });
    const scope2 = factors.filter((x) => x.scope === 2);
    const market = factorSelect('marketFactor', scope2, r.marketFactor, { none: true });
    if (f?.scope !== 2) {
      market.disabled = true;
      r.marketFactor = '';
      market.value = '';
    }
    market.addEventListener('change', () => { r.marketFactor = market.value; });
    const remove = el('button', { type: 'button', name: 'remove', 'aria-label': `${t('calc.remove')} ${i + 1}` }, t('calc.remove'));
    remove.addEventListener('click', () => {
      if (r.saved) removed.push(r.id);
      rows.splice(i, 1);
      renderRows();
    });
    return el('tr', { 'data-line': r.id }, el('td', {}, processSelect), el('td', { class: 'wide' }, factor), el('td', {}, quantity),
      el('td', {}, unit), el('td', { class: 'wide' }, market), el('td', {}, remove));
  };
  const nextId = (process) => {
    const base = `${partner}:act-${process.split(':')[1]}-${year}`;
    let n = 1;
    while (taken.has(`${base}-${n}`)) n++;
    taken.add(`${base}-${n}`);
    return `${base}-${n}`;
  };
  const add = el('button', { type: 'button', id: 'add-line', disabled: !processes.length }, t('calc.addLine'));
  add.addEventListener('click', () => {
    const first = factors[0];
    rows.push({ id: null, process: processes[0].id, factor: first?.id ?? '', quantity: null, unit: first?.unit ?? '', marketFactor: '', saved: false });
    renderRows();
  });
  const save = el('button', { type: 'button', id: 'save-lines', disabled: !processes.length }, t('calc.save'));
  save.addEventListener('click', async () => {
    const bad = rows.findIndex((r) => !r.factor || r.quantity === null || Number.isNaN(r.quantity) || r.quantity < 0);
    if (bad >= 0) {
      status.textContent = `${t('calc.invalid')} ${bad + 1}`;
      status.className = 'status error';
      return;
    }
    const changed = rows.filter((r) => !r.saved || ['process', 'factor', 'quantity', 'unit', 'marketFactor'].some((k) => r[k] !== r.original[k]));
    const variables = {};
    const fields = changed.map((r, i) => {
      r.id ??= nextId(r.process);
      variables[`a${i}`] = { id: r.id, process: r.process, year, factor: r.factor, quantity: r.quantity, unit: r.unit,
        marketFactor: r.marketFactor || null, notes: r.notes ?? null, visibility: r.visibility ?? null };
      return `a${i}: setActivity(input: $a${i}) { id }`;
    });
    removed.forEach((lineId, i) => fields.push(`d${i}: deleteActivity(id: ${JSON.stringify(lineId)}) { deleted }`));
    if (!fields.length) {
      status.textContent = t('calc.nothingToSave');
      status.className = 'status';
      return;
    }
    const declared = Object.keys(variables).map((v) => `$${v}: ActivityInput!`).join(', ');
    save.disabled = true;
    status.textContent = t('calc.saving');
    status.className = 'status';
    try {
      await gql(`mutation${declared ? `(${declared})` : ''} { ${fields.join(' ')} }`, variables);
      await refresh();
    } catch (error) {
      status.textContent = `${t('calc.notSaved')}: ${error.message}`;
      status.className = 'status error';
      save.disabled = false;
    }
  });
  renderRows();
  const head = el('tr', {}, [t('process'), t('calc.factor'), t('quantity'), t('unit'), t('calc.marketFactor'), ''].map((h) => el('th', { scope: 'col' }, h)));
  return el('section', { class: 'figure', 'aria-labelledby': 'lines-h' },
    el('h2', { id: 'lines-h' }, `${t('calc.lines')} ${year}`),
    processes.length ? null : el('p', { class: 'note' }, t('calc.noProcesses')),
    el('div', { class: 'table-wrap', role: 'region', 'aria-label': t('calc.lines'), tabindex: '0' },
      el('table', { id: 'activities-table', class: 'form' }, el('caption', {}, t('calc.linesCaption')), el('thead', {}, head), tbody)),
    el('p', { class: 'actions' }, add, ' ', save), status, note(t('calc.keyNote')));
}

// ---- the inventory ----

function summaryRows(inventory) {
  const rows = [{ key: 'scope1', label: t('calc.scope1'), value: inventory.scope1, kind: 'CALCULATED' }];
  if (inventory.reportedScope1 !== null && inventory.reportedScope1 !== undefined) {
    rows.push({ key: 'reportedScope1', label: t('calc.reportedScope1'), value: inventory.reportedScope1, kind: 'REPORTED' });
  }
  rows.push({ key: 'scope2LocationBased', label: t('calc.scope2Location'), value: inventory.scope2LocationBased, kind: 'CALCULATED' },
    { key: 'scope2MarketBased', label: `${t('calc.scope2Market')}${inventory.marketBasedComplete ? '' : ` (${t('calc.incomplete')})`}`,
      value: inventory.scope2MarketBased, kind: 'CALCULATED' },
    { key: 'scope3', label: t('calc.scope3'), value: inventory.scope3, kind: 'CALCULATED' },
    ...inventory.byCategory.map((c) => ({ key: `category${c.category}`, label: `– ${c.category} ${t(`cat.${c.category}`)}`, value: c.tCO2e })),
    { key: 'totalLocationBased', label: t('calc.totalLocation'), value: inventory.totalLocationBased },
    { key: 'totalMarketBased', label: t('calc.totalMarket'), value: inventory.totalMarketBased },
    { key: 'biogenicCO2', label: t('calc.biogenic'), value: inventory.biogenicCO2 });
  return rows;
}

function results(inventory, year) {
  const rows = summaryRows(inventory);
  const summary = table('inventory-table', `${t('calc.inventory')} ${year}`, [
    { key: 'label', label: t('component'), render: (r) => [provenanceMark(r.kind ? { provenance: { kind: r.kind } } : null), ' ', r.label] },
    { key: 'value', label: 't CO2e', num: true },
  ], rows, { rowKey: (r) => r.key });
  const fig = figure('ghg', `${t('calc.inventory')} ${year}`, summary, { height: chartHeight(inventory) });
  fig.node.append(...[provenanceLegend(rows.filter((r) => r.kind).map((r) => ({ provenance: { kind: r.kind } }))),
    inventory.withheld ? el('p', { class: 'note warn' }, t('calc.withheld')) : null,
    inventory.marketBasedComplete ? null : note(t('calc.incompleteNote')),
    note(t('calc.scopesNote'))].filter(Boolean));

  const lines = table('lines-table', t('calc.linesTable'), [
    { key: (l) => l.process.name, id: 'process', label: t('process') },
    { key: (l) => factorLabel(l.factor), id: 'factor', label: t('calc.factor') },
    { key: (l) => l.factor?.factorSet?.name, id: 'source', label: t('calc.source'),
      render: (l) => (l.factor?.factorSet ? [`${l.factor.factorSet.name}`, el('span', { class: 'sub' }, l.factor.factorSet.source)] : '–') },
    { key: 'quantity', label: t('quantity'), num: true },
    { key: 'unit', label: t('unit') },
    { key: (l) => (l.scope === 3 ? `3 · ${l.category}` : String(l.scope)), id: 'scope', label: t('calc.scope') },
    { key: 'tCO2e', label: 't CO2e', num: true },
    { key: 'marketBasedTCO2e', label: t('calc.marketBasedShort'), num: true },
    { key: (l) => (l.marketFactor ? factorLabel(l.marketFactor) : null), id: 'marketFactor', label: t('calc.marketFactor') },
    { key: 'biogenicCO2', label: t('calc.biogenicShort'), num: true },
  ], inventory.lines, { rowKey: (l) => l.activity.id });
  const linesSection = el('section', { class: 'figure' }, el('h2', {}, `${t('calc.linesTable')} ${year}`), lines);
  return [fig.node, linesSection];
}

/** The bars: scope 1 (and the register's figure beside it), scope 2 both ways, scope 3 by category, biogenic CO2. */
function bars(inventory) {
  const bar = (key, label, value, colour, extra = {}) => ({ key, label, value, colour, ...extra });
  return [
    bar('scope1', t('calc.scope1'), inventory.scope1, COLOURS.negative),
    ...(inventory.reportedScope1 == null ? [] : [bar('reportedScope1', t('calc.reportedScope1'), inventory.reportedScope1, '#7a1f1a',
      { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: 0.785 } })]),
    bar('scope2LocationBased', t('calc.scope2Location'), inventory.scope2LocationBased, COLOURS.neutral),
    bar('scope2MarketBased', t('calc.scope2Market'), inventory.scope2MarketBased, '#74add1'),
    ...inventory.byCategory.map((c) => bar(`category${c.category}`, `${t('calc.scope3')} · ${c.category} ${t(`cat.${c.category}`)}`, c.tCO2e, '#e0a526')),
    bar('biogenicCO2', t('calc.biogenic'), inventory.biogenicCO2, COLOURS.positive,
      { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [4, 3], rotation: -0.785 } }),
  ];
}

function chartHeight(inventory) { return Math.max(300, 70 + bars(inventory).length * 36); }

function drawChart(inventory) {
  const box = document.getElementById('ghg-chart');
  const data = bars(inventory).reverse(); // the first bar on top
  const labelWidth = Math.min(260, Math.round(box.clientWidth * 0.42));
  chart(box, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (p) => `${data[p[0].dataIndex].label}: ${num(data[p[0].dataIndex].value)} t` },
    grid: { left: labelWidth + 16, right: 96, top: 16, bottom: 40 },
    xAxis: valueAxis({ name: 't', nameGap: 8, splitNumber: 3 }),
    yAxis: { type: 'category', data: data.map((b) => b.label), axisLabel: { width: labelWidth, overflow: 'truncate' } },
    series: [{ type: 'bar', barMaxWidth: 22,
      label: { show: true, position: 'right', formatter: (p) => num(data[p.dataIndex].value) },
      data: data.map((b) => ({ value: b.value ?? 0, itemStyle: { color: b.colour, decal: b.decal ?? null } })) }],
  });
}
