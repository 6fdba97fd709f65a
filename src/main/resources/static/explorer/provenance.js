// Reported, calculated and illustrative figures told apart (issue 12). The service's answers do not carry
// provenance yet, and the views do not ask for it (a query naming a field the schema lacks fails): these helpers
// read an optional `provenance { kind }` of a record and an optional `reportedShare` of a carbon balance or trace,
// and give nothing when the answer has neither. Once the schema has the fields, a view adds them to its query and
// the markers, the legend and the share appear.
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
