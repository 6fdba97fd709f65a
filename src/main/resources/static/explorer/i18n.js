// Finnish and English labels. The default follows the browser's language; a choice made with the
// switch is kept for the session.
const LABELS = {
  en: {
    title: 'Industrial symbiosis explorer', skip: 'Skip to content', language: 'Language',
    key: 'API key (optional)', 'key.use': 'Use', 'key.set': 'key in use for this session', 'key.none': 'no key (local mode)',
    footer: 'Data through the public GraphQL API; the example data’s emission figures are illustrative. Map outlines: Natural Earth (public domain).',
    'nav.map': 'Map', 'nav.park': 'Park', 'nav.trace': 'Trace', 'nav.compensation': 'Compensation', 'nav.roadmap': 'Roadmap',
    loading: 'Loading…', error: 'Could not load', notFound: 'Not found', none: 'Nothing to show', controls: 'View settings',
    year: 'Year', all: 'All', yes: 'yes', no: 'no', network: 'Network', networks: 'Networks', park: 'Park', municipality: 'Municipality',
    'map.title': 'Parks on the map', 'map.chart': 'Parks: gross emissions and net balance,', 'map.table': 'Parks and their carbon balance',
    'map.positive': 'climate positive (net below zero)', 'map.notPositive': 'net emitter', 'map.size': 'marker area grows with gross emissions; labels name the municipality',
    gross: 'Gross emissions', sequestration: 'Sequestration in the park', soldOutside: 'Sold to buyers outside', retained: 'Retained sequestration',
    purchasedOffsets: 'Purchased offsets', net: 'Net', avoidedBeside: 'Avoided by side-stream reuse (not deducted)',
    'avoided.note': 'Avoided emissions: what the park’s side-stream exchanges save elsewhere by replacing virgin raw materials and fuels (each flow’s quantity × its substitution factor). The GHG Protocol keeps them out of the inventory, so they are reported beside the net and never deducted from it.',
    climatePositive: 'Climate positive', component: 'Component',
    'short.gross': 'Gross', 'short.retained': 'Retained sequestration', 'short.purchasedOffsets': 'Offsets bought', 'short.net': 'Net',
    'short.avoided': 'Avoided by reuse (not in net)', 'short.climatePositive': 'Climate positive',
    'wf.retained': 'Retained sequestration', 'wf.avoided': 'Avoided by reuse (not deducted)',
    'park.balance': 'Carbon balance', 'park.streams': 'Side streams: produced, used, still available', 'park.network': 'Exchange network',
    'park.flows': 'Flows of the park’s side streams', 'park.idle': 'Also in the park, giving or taking no side stream in',
    'park.networkHow': 'Green lines are the flows of the year (hover for the quantity); a hollow dot is a side stream nobody takes; click a process to trace its emissions.', 'park.ewc': 'Material flows by List of Waste chapter',
    sideStream: 'Side stream', sideStreams: 'Side streams', producer: 'Producer', consumer: 'Consumer', produced: 'Produced',
    used: 'Used', available: 'Available', unit: 'Unit', quantity: 'Quantity / year', mode: 'Transport',
    organizations: 'Organizations', processes: 'Processes', chapter: 'EWC chapter', from: 'From', to: 'To', noCode: 'no waste code',
    'trace.title': 'Value-chain emissions', 'trace.summary': 'Footprint', 'trace.paths': 'Chains that explain it',
    process: 'Process', direction: 'Direction', upstream: 'Upstream', downstream: 'Downstream', allocation: 'Allocation',
    mass: 'By mass', cutOff: 'Cut-off', direct: 'Direct (scopes 1 and 2)', transport: 'Transport', inherited: 'Inherited',
    total: 'Total footprint', intensity: 'Intensity (t CO2e per t output)', passedOn: 'Passed on', coverage: 'Coverage of the listed chains',
    truncated: 'truncated: some chains were cut by depth or cutoff', complete: 'not truncated', chain: 'Chain', hops: 'Hops', shareOfTotal: '% of total',
    'comp.title': 'Local compensation', 'comp.summary': 'Residual emissions', 'comp.candidates': 'Candidate sinks',
    organization: 'Organization', maxDistance: 'Within', emissions: 'Emissions (scopes 1 and 2)', contracted: 'Contracted',
    residual: 'Residual', uncovered: 'Still uncovered', sink: 'Sink', owner: 'Owner', free: 'Free capacity',
    suggested: 'Suggested tonnes', networkPath: 'Path in the network',
    'road.trajectory': 'Trajectory against targets', 'road.curve': 'Abatement cost curve', curveYear: 'Cost curve year',
    baseline: 'Without measures', planned: 'With measures', target: 'Target (max net)', gap: 'Gap', status: 'Status',
    met: 'met', missed: 'missed', measure: 'Measure', kind: 'Kind', abatement: 'Abatement', costPerTonne: 'Cost per tonne (€)',
    annualisedCost: 'Annualised cost (€)', cumulative: 'Cumulative abatement',
    'kind.EMISSION_CUT': 'emission cut', 'kind.NEW_SINK': 'new sink', 'kind.OFFSET': 'offset', 'kind.NEW_FLOW': 'new flow',
    'mode.ROAD': 'road', 'mode.RAIL': 'rail', 'mode.SEA': 'sea', 'mode.PIPELINE': 'pipeline',
    'prov.REPORTED': 'reported to a register', 'prov.CALCULATED': 'calculated from activity data', 'prov.ILLUSTRATIVE': 'illustrative (assumed)',
    'prov.legend': 'Figures:', 'prov.reportedShare': 'Reported to a register', 'prov.reportedPercent': 'Reported (%)',
  },
  fi: {
    title: 'Teollisten symbioosien tutkija', skip: 'Siirry sisältöön', language: 'Kieli',
    key: 'API-avain (valinnainen)', 'key.use': 'Käytä', 'key.set': 'avain käytössä tämän istunnon ajan', 'key.none': 'ei avainta (paikallinen tila)',
    footer: 'Tiedot julkisen GraphQL-rajapinnan kautta; esimerkkiaineiston päästöluvut ovat havainnollisia. Kartta: Natural Earth (vapaa käyttö).',
    'nav.map': 'Kartta', 'nav.park': 'Puisto', 'nav.trace': 'Jäljitys', 'nav.compensation': 'Kompensointi', 'nav.roadmap': 'Tiekartta',
    loading: 'Ladataan…', error: 'Lataus epäonnistui', notFound: 'Ei löytynyt', none: 'Ei näytettävää', controls: 'Näkymän asetukset',
    year: 'Vuosi', all: 'Kaikki', yes: 'kyllä', no: 'ei', network: 'Verkosto', networks: 'Verkostot', park: 'Puisto', municipality: 'Kunta',
    'map.title': 'Puistot kartalla', 'map.chart': 'Puistot: bruttopäästöt ja nettotase,', 'map.table': 'Puistot ja niiden hiilitase',
    'map.positive': 'ilmastopositiivinen (netto alle nollan)', 'map.notPositive': 'nettopäästäjä', 'map.size': 'merkin ala kasvaa bruttopäästöjen mukaan; nimenä kunta',
    gross: 'Bruttopäästöt', sequestration: 'Sidonta puistossa', soldOutside: 'Myyty ulkopuolisille', retained: 'Puistoon jäävä sidonta',
    purchasedOffsets: 'Ostetut kompensaatiot', net: 'Netto', avoidedBeside: 'Sivuvirtojen hyötykäytöllä vältetyt (ei vähennetä)',
    'avoided.note': 'Vältetyt päästöt: mitä puiston sivuvirtojen vaihdot säästävät muualla korvaamalla neitseellisiä raaka-aineita ja polttoaineita (kunkin virran määrä × korvauskerroin). GHG-protokolla pitää ne päästöinventaarion ulkopuolella, joten ne raportoidaan nettoluvun rinnalla eikä niitä koskaan vähennetä siitä.',
    climatePositive: 'Ilmastopositiivinen', component: 'Erä',
    'short.gross': 'Brutto', 'short.retained': 'Puistoon jäävä sidonta', 'short.purchasedOffsets': 'Ostetut kompen\u00adsaatiot', 'short.net': 'Netto',
    'short.avoided': 'Hyötykäytöllä vältetyt (ei netossa)', 'short.climatePositive': 'Ilmasto\u00adpositiivinen',
    'wf.retained': 'Puistoon jäävä sidonta', 'wf.avoided': 'Hyötykäytöllä vältetyt (ei vähennetä)',
    'park.balance': 'Hiilitase', 'park.streams': 'Sivuvirrat: tuotettu, käytetty, vielä saatavilla', 'park.network': 'Vaihtoverkosto',
    'park.flows': 'Puiston sivuvirtojen virrat', 'park.idle': 'Puistossa myös, ilman annettuja tai saatuja sivuvirtoja vuonna',
    'park.networkHow': 'Vihreät viivat ovat vuoden virrat (määrä näkyy osoittimen alla); ontto piste on sivuvirta, jota kukaan ei ota vastaan; prosessia napsauttamalla näet sen päästöjen jäljityksen.', 'park.ewc': 'Materiaalivirrat jäteluettelon luvuittain',
    sideStream: 'Sivuvirta', sideStreams: 'Sivuvirrat', producer: 'Tuottaja', consumer: 'Vastaanottaja', produced: 'Tuotettu',
    used: 'Käytetty', available: 'Saatavilla', unit: 'Yksikkö', quantity: 'Määrä / vuosi', mode: 'Kuljetus',
    organizations: 'Organisaatiot', processes: 'Prosessit', chapter: 'Jäteluettelon luku', from: 'Mistä', to: 'Mihin', noCode: 'ei jätekoodia',
    'trace.title': 'Arvoketjun päästöt', 'trace.summary': 'Hiilijalanjälki', 'trace.paths': 'Sen selittävät ketjut',
    process: 'Prosessi', direction: 'Suunta', upstream: 'Ylävirtaan', downstream: 'Alavirtaan', allocation: 'Allokointi',
    mass: 'Massan mukaan', cutOff: 'Katkaisu (cut-off)', direct: 'Suorat (scope 1 ja 2)', transport: 'Kuljetus', inherited: 'Peritty',
    total: 'Kokonaisjalanjälki', intensity: 'Intensiteetti (t CO2e / t tuotosta)', passedOn: 'Siirtyy eteenpäin', coverage: 'Listattujen ketjujen kattavuus',
    truncated: 'katkaistu: osa ketjuista jäi syvyys- tai raja-arvon vuoksi pois', complete: 'ei katkaistu', chain: 'Ketju', hops: 'Askeleet', shareOfTotal: '% kokonaisuudesta',
    'comp.title': 'Paikallinen kompensointi', 'comp.summary': 'Jäännöspäästöt', 'comp.candidates': 'Ehdokasnielut',
    organization: 'Organisaatio', maxDistance: 'Enintään', emissions: 'Päästöt (scope 1 ja 2)', contracted: 'Sovittu',
    residual: 'Jäännös', uncovered: 'Vielä kattamatta', sink: 'Nielu', owner: 'Omistaja', free: 'Vapaa kapasiteetti',
    suggested: 'Ehdotetut tonnit', networkPath: 'Polku verkostossa',
    'road.trajectory': 'Kehityspolku tavoitteisiin nähden', 'road.curve': 'Päästövähennysten kustannuskäyrä', curveYear: 'Kustannuskäyrän vuosi',
    baseline: 'Ilman toimia', planned: 'Toimien kanssa', target: 'Tavoite (enintään netto)', gap: 'Ero', status: 'Tila',
    met: 'saavutettu', missed: 'ei saavutettu', measure: 'Toimenpide', kind: 'Laji', abatement: 'Vähennys', costPerTonne: 'Hinta per tonni (€)',
    annualisedCost: 'Vuosikustannus (€)', cumulative: 'Kertynyt vähennys',
    'kind.EMISSION_CUT': 'päästövähennys', 'kind.NEW_SINK': 'uusi nielu', 'kind.OFFSET': 'kompensaatio', 'kind.NEW_FLOW': 'uusi virta',
    'mode.ROAD': 'maantie', 'mode.RAIL': 'rautatie', 'mode.SEA': 'meri', 'mode.PIPELINE': 'putki',
    'prov.REPORTED': 'raportoitu rekisteriin', 'prov.CALCULATED': 'laskettu toimintotiedoista', 'prov.ILLUSTRATIVE': 'havainnollinen (oletettu)',
    'prov.legend': 'Luvut:', 'prov.reportedShare': 'Rekisteriin raportoitu osuus', 'prov.reportedPercent': 'Raportoitu (%)',
  },
};

const STORE = 'kb.lang';
let current = sessionStorage.getItem(STORE) ?? ((navigator.language || 'en').toLowerCase().startsWith('fi') ? 'fi' : 'en');

export function lang() { return current; }
export function setLang(value) {
  current = LABELS[value] ? value : 'en';
  sessionStorage.setItem(STORE, current);
  document.dispatchEvent(new Event('kb:lang'));
}
export function t(key) { return LABELS[current][key] ?? LABELS.en[key] ?? key; }

/** Labels of the static page (elements with data-i18n) and the document language. */
export function applyLabels() {
  document.documentElement.lang = current;
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
}

export const LANGUAGES = Object.keys(LABELS);
