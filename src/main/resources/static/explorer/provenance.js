// Reported, calculated and illustrative figures told apart (issues 12 and 13). The map, park, trace and calculator
// views ask for `provenance { kind }` of emission records and `reportedShare` of balances and traces; these helpers
// mark a record's provenance, give the legend of the kinds present and the reported share, and give nothing for an
// answer that has none (a record without provenance, a balance of nothing).
import { t } from './i18n.js';
import { el, num } from './ui.js';

// one mark per kind, told apart by shape as well as by name (the legend and each mark's title say which)
const MARKS = { REPORTED: '●', CALCULATED: '◐', ILLUSTRATIVE: '○' };

/** The mark of a record's provenance, or null when the record has none. */
export function provenanceMark(record) {
  const kind = record?.provenance?.kind;
  if (!MARKS[kind]) return null;
  return el('span', { class: `prov prov-${kind.toLowerCase()}`, title: t(`prov.${kind}`), 'data-provenance': kind },
    MARKS[kind], el('span', { class: 'visually-hidden' }, ` ${t(`prov.${kind}`)}`));
}

/** A legend of the kinds the records have, or null when none has a provenance. */
export function provenanceLegend(records) {
  const kinds = Object.keys(MARKS).filter((kind) => records.some((r) => r?.provenance?.kind === kind));
  if (!kinds.length) return null;
  return el('p', { class: 'legend', 'data-testid': 'provenance-legend' }, `${t('prov.legend')} `,
    kinds.flatMap((kind) => [el('span', { class: `prov prov-${kind.toLowerCase()}`, 'aria-hidden': 'true' }, MARKS[kind]), ` ${t(`prov.${kind}`)} `]));
}

/** "Reported in a register: 54 % of the total", or null when the answer has no reportedShare. */
export function reportedShareNote(answer) {
  if (typeof answer?.reportedShare !== 'number') return null;
  return el('p', { class: 'note', 'data-testid': 'reported-share', 'data-value': answer.reportedShare },
    `${t('prov.reportedShare')}: ${num(answer.reportedShare * 100)} %`);
}

/** The table column of the reported share in per cent, when any row has one (else no column). */
export function reportedShareColumn(rows) {
  return rows.some((r) => typeof r?.reportedShare === 'number')
    ? [{ key: (r) => (typeof r.reportedShare === 'number' ? r.reportedShare * 100 : null), id: 'reportedShare', label: t('prov.reportedPercent'), num: true }]
    : [];
}
