#!/usr/bin/env python3
"""Puts the register's figures into the example data (issue 12): run once from the project root.

    python3 tools/example-eprtr/reported_figures.py

Reads Finland's E-PRTR extract (datasets/eprtr-fi) and src/main/resources/example/fi.json and
joensuu.json (the climate-partner network of issue 13), and rewrites them so that
  - the example processes that are E-PRTR facilities (or parts of one) carry the facility's eprtrId;
  - for every year the register has greenhouse-gas rows for such a facility, the site's scope-1
    total is REPORTED: CO2 excluding biomass (or CO2) + CH4 × 28 + N2O × 265 (IPCC AR5, the
    importer's default), source "E-PRTR <year>", method of the gas that makes most of it;
    biogenic CO2 beside it for one-process sites. Where the example splits a site into several
    processes, the split follows the example's own (assumed) 2023 shares, the parts add up to the
    reported total to 0.1 t, and the notes say so. The illustrative scope-1 records of those
    processes in those years are removed (the reported ones replace them);
  - illustrative figures of facilities that report no such gas are kept under the register's
    reporting thresholds (100,000 t CO2, 100 t CH4 = 2,800 t CO2e), since a facility above one
    would have reported it.
Running it again changes nothing. The choices are written in SOURCES.md, section 9.
"""
import csv
import json
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

EXTRACT = Path('datasets/eprtr-fi')
EXAMPLE = Path('src/main/resources/example/fi.json')
JOENSUU = Path('src/main/resources/example/joensuu.json')
GWP = {'CH4': Decimal(28), 'N2O': Decimal(265)}
METHODS = {'M': 'MEASURED', 'C': 'CALCULATED', 'E': 'ESTIMATED'}

# facilityId -> the example processes that make the site, with the source their reported record gets
REPORTING = {
    '0000001866': [('fi:neste-porvoo-refinery', 'PROCESS'), ('fi:neste-porvoo-renewables', 'PROCESS')],
    '0000002110': [('fi:outokumpu-tornio-ferrochrome', 'PROCESS'), ('fi:outokumpu-tornio-melt-shop', 'PROCESS'),
                   ('fi:outokumpu-tornio-rolling', 'ENERGY')],
    '0100334781': [('fi:metsa-fibre-kemi-bpm', 'ENERGY')],
    '0100184511': [('fi:tornion-voima-chp', 'ENERGY')],
    '0000003500': [('fi:borealis-porvoo-cracker', 'PROCESS')],
    '0000004197': [('fi:lsjh-topinoja-waste-centre', 'LANDFILL')],
    '0100192986': [('fi:turku-kakolanmaki-wwtp', 'PROCESS')],
    '0000001931': [('fi:fortum-riihimaki-wte', 'ENERGY'), ('fi:fortum-riihimaki-eco-refinery', 'ENERGY'),
                   ('fi:fortum-riihimaki-plastic-refinery', 'ENERGY'), ('fi:fortum-riihimaki-ash-treatment', 'ENERGY')],
    '0000013349': [('fi:lsjh-korvenmaki-waste-centre', 'LANDFILL')],
    '0000027909': [('fi:lhj-kiimassuo-waste-centre', 'LANDFILL')],
    '0100252736': [('fi:metsa-fibre-aanekoski-bpm', 'ENERGY')],
}
# the example's own split of a site into processes: their 2023 illustrative scope-1 figures, t (assumed)
SPLIT = {
    'fi:neste-porvoo-refinery': 2550000, 'fi:neste-porvoo-renewables': 90000,
    'fi:outokumpu-tornio-ferrochrome': 420000, 'fi:outokumpu-tornio-melt-shop': 250000 + 55000, 'fi:outokumpu-tornio-rolling': 170000,
    'fi:fortum-riihimaki-wte': 135000, 'fi:fortum-riihimaki-eco-refinery': 300, 'fi:fortum-riihimaki-plastic-refinery': 200,
    'fi:fortum-riihimaki-ash-treatment': 600,
}
# facilities whose processes get the eprtrId only (the register has no CO2, CH4 or N2O row for them)
LINKED = {
    '0000001931': ['fi:fortum-riihimaki-co2-pilot'],
    '0000001350': ['fi:outokumpu-kemi-mine'],
    '0000001376': ['fi:boliden-kokkola-zinc'],
    '0000001384': ['fi:umicore-kokkola-cobalt'],
    '0100303088': ['fi:jervois-kokkola'],
    '0000054039': ['fi:cabb-kokkola-chemicals'],
    '0000001152': ['fi:boliden-harjavalta-copper', 'fi:boliden-harjavalta-nickel'],
    '0000013754': ['fi:nornickel-harjavalta-refinery'],
    '0100335192': ['fi:fortum-harjavalta-battery-recycling'],
    'FI_EEA_100003197': ['fi:stena-tahkoluoto-shredder'],
    '0000014211': ['fi:stena-peittoo-treatment'],
    '0000002797': ['fi:componenta-pori-foundry'],
    '0000002346': ['fi:nokianvirran-energia-chp'],
    '0000002685': ['fi:kemin-energia-dh'],
    '0100251401': ['fi:metsa-fibre-aanekoski-biogas'],
    'FI_EEA_100163955': ['fi:gasum-turku-biogas'],
}
# illustrative scope-1 figures kept under a reporting threshold: (process, year, source) -> t CO2e
UNDER_THRESHOLD = {
    ('fi:boliden-harjavalta-copper', 2022, 'PROCESS'): 62000, ('fi:boliden-harjavalta-copper', 2023, 'PROCESS'): 60000,
    ('fi:boliden-harjavalta-copper', 2024, 'PROCESS'): 58000,
    ('fi:boliden-harjavalta-nickel', 2022, 'PROCESS'): 30000, ('fi:boliden-harjavalta-nickel', 2023, 'PROCESS'): 30000,
    ('fi:boliden-harjavalta-nickel', 2024, 'PROCESS'): 30000,
    ('fi:nokianvirran-energia-chp', 2022, 'ENERGY'): 95000, ('fi:nokianvirran-energia-chp', 2023, 'ENERGY'): 90000,
    ('fi:nokianvirran-energia-chp', 2024, 'ENERGY'): 85000,
    ('fi:lhj-kiimassuo-waste-centre', 2022, 'LANDFILL'): 2600, ('fi:lhj-kiimassuo-waste-centre', 2023, 'LANDFILL'): 2500,
    ('fi:lhj-kiimassuo-waste-centre', 2024, 'LANDFILL'): 2400,
}
THRESHOLD_NOTE = {
    'fi:boliden-harjavalta-copper': 'the Harjavalta works (E-PRTR 0000001152) report no CO2, so the site emits under the register\'s 100,000 t threshold: copper and nickel smelter together are kept under it',
    'fi:boliden-harjavalta-nickel': 'the Harjavalta works (E-PRTR 0000001152) report no CO2, so the site emits under the register\'s 100,000 t threshold: copper and nickel smelter together are kept under it',
    'fi:nokianvirran-energia-chp': 'the Nokia power plant (E-PRTR 0000002346) reports no CO2, so it is kept under the register\'s 100,000 t threshold',
    'fi:lhj-kiimassuo-waste-centre': 'Kiimassuo (E-PRTR 0000027909) reports CH4 for 2017-2019 only, so later years are kept under the 100 t CH4 threshold (2,800 t CO2e)',
}


def plain(d):
    d = Decimal(d).normalize()
    return format(d, 'f') if d == d.to_integral() or d.as_tuple().exponent < 0 else str(d)


def grouped(d):
    """2 520 000 written as 2,520,000 (notes are read by people)."""
    d = Decimal(d)
    whole = int(d)
    frac = d - whole
    s = f'{whole:,}'
    if frac:
        s += str(frac.normalize())[1:]
    return s


def number(d):
    d = Decimal(d)
    return int(d) if d == d.to_integral() else float(d)


# the Joensuu example (joensuu.json): the climate-partner network's members that are register facilities
JOENSUU_REPORTING = {
    '0000001262': [('fi:savon-voima-joensuu-power-plant', 'ENERGY')],
    '0000001111': [('fi:stora-enso-enocell-mill', 'ENERGY')],
    '0000003770': [('fi:puhas-kontiosuo-waste-centre', 'LANDFILL')],
}
JOENSUU_LINKED = {
    '0000003024': ['fi:valio-joensuu-dairy'],
    '0000003029': ['fi:upm-joensuu-plywood-mill'],
    '0000003034': ['fi:abloy-joensuu-works'],
}


def main():
    facilities = {f['facilityId']: f for f in csv.DictReader(open(EXTRACT / 'facilities.csv', encoding='utf-8-sig'), delimiter=';')}
    gases = defaultdict(lambda: defaultdict(dict))  # facilityId -> year -> gas -> (kg, method)
    for r in csv.DictReader(open(EXTRACT / 'releases.csv', encoding='utf-8-sig'), delimiter=';'):
        if r['pollutantCode'] in ('CO2', 'CO2EXCLBIOMASS', 'CH4', 'N2O') and r['medium'] == 'AIR':
            gases[r['facilityId']][int(r['reportingYear'])][r['pollutantCode']] = (Decimal(r['totalPollutantQuantityKg']), r['methodCode'])
    apply(EXAMPLE, facilities, gases, REPORTING, LINKED, UNDER_THRESHOLD)
    apply(JOENSUU, facilities, gases, JOENSUU_REPORTING, JOENSUU_LINKED, {})


def apply(example, facilities, gases, REPORTING, LINKED, UNDER_THRESHOLD):
    doc = json.load(open(example, encoding='utf-8'))
    processes = {p['id']: p for p in doc['processes']}
    for fid, parts in list(REPORTING.items()) + [(k, [(p, None) for p in v]) for k, v in LINKED.items()]:
        for pid, _ in parts:
            processes[pid]['eprtrId'] = facilities[fid]['Facility_INSPIRE_ID']

    emissions = doc.setdefault('emissions', [])
    for e in emissions:
        key = (e['process'], e['year'], e.get('source'))
        if e['scope'] == 1 and key in UNDER_THRESHOLD and e['tCO2e'] != UNDER_THRESHOLD[key]:
            e['tCO2e'] = UNDER_THRESHOLD[key]
            e['notes'] = 'Illustrative emission figure (order of magnitude), see SOURCES.md; ' + THRESHOLD_NOTE[e['process']] + '.'

    reported = []
    replaced = set()
    for fid, parts in REPORTING.items():
        name = facilities[fid]['nameOfFeature']
        weights = {pid: Decimal(SPLIT.get(pid, 1)) for pid, _ in parts}
        total_weight = sum(weights.values())
        for year, g in sorted(gases[fid].items()):
            fossil = 'CO2EXCLBIOMASS' if 'CO2EXCLBIOMASS' in g else 'CO2' if 'CO2' in g else None
            terms, components = [], {}
            if fossil:
                components[fossil] = g[fossil][0] / 1000
                terms.append(('CO2 excluding biomass ' if fossil == 'CO2EXCLBIOMASS' else 'CO2 ') + grouped(g[fossil][0] / 1000) + ' t')
            for gas in ('CH4', 'N2O'):
                if gas in g:
                    components[gas] = g[gas][0] * GWP[gas] / 1000
                    terms.append(f'{gas} {grouped(g[gas][0] / 1000)} t × {GWP[gas]} = {grouped(components[gas])} t CO2e')
            total = sum(components.values())
            main_gas = max(components, key=lambda k: components[k])
            method = METHODS[g[main_gas][1]]
            biogenic = None
            if 'CO2' in g and 'CO2EXCLBIOMASS' in g:
                biogenic = max(Decimal(0), g['CO2'][0] - g['CO2EXCLBIOMASS'][0]) / 1000
            arithmetic = ' + '.join(terms) + ('' if len(terms) == 1 and terms[0].endswith('CO2e') else f' = {grouped(total)} t CO2e')
            # the parts: 0.1 t each, the largest takes what rounding leaves
            shares = {}
            if len(parts) == 1:
                shares[parts[0][0]] = total
            else:
                largest = max(weights, key=lambda k: weights[k])
                for pid, _ in parts:
                    if pid != largest:
                        shares[pid] = (total * weights[pid] / total_weight).quantize(Decimal('0.1'), ROUND_HALF_UP)
                shares[largest] = total - sum(shares.values())
            split = ' / '.join(f'{pid.split(":")[1]} {grouped(weights[pid])}' for pid, _ in parts)
            for pid, source in parts:
                e = {'process': pid, 'year': year, 'scope': 1, 'tCO2e': number(shares[pid]), 'source': source,
                     'provenance': {'kind': 'REPORTED', 'source': f'E-PRTR {year}', 'method': method}}
                if biogenic is not None and len(parts) == 1:
                    e['biogenicCO2'] = number(biogenic)
                note = (f'Reported: E-PRTR facility {fid} ({name}), {year}, releases to air: {arithmetic} (scope 1, IPCC AR5 GWPs'
                        + (f'; biogenic CO2 {grouped(biogenic)} t beside it' if biogenic else '') + ').')
                if len(parts) > 1:
                    note += (f' This process is one of the site\'s {len(parts)} processes; its share, {grouped(shares[pid])} t, is ASSUMED'
                             f' from the example\'s 2023 split ({split} t), and the {len(parts)} shares add up to the reported total.')
                note += ' Source: SYKE\'s E-PRTR extract, datasets/eprtr-fi (SOURCES.md, section 9).'
                e['notes'] = note
                reported.append(e)
                replaced.add((pid, year))
    kept = [e for e in emissions if not (e['scope'] == 1 and (e['process'], e['year']) in replaced)]
    # idempotent: what an earlier run reported is made again, identically
    kept = [e for e in kept if e.get('provenance', {}).get('kind') != 'REPORTED']
    order = {p['id']: i for i, p in enumerate(doc['processes'])}
    doc['emissions'] = sorted(kept + reported, key=lambda e: (order[e['process']], e['year'], e['scope'], e.get('category') or 0,
                                                             e.get('source') or '', e.get('provenance', {}).get('kind', '')))
    if 'activities' in doc:
        # the exchange document's order of arrays: emissions after processes (it makes no difference to the import)
        doc = {k: doc[k] for k in ['format', 'partner', 'description', 'networks', 'organizations', 'processes', 'emissions',
                                  'factorSets', 'emissionFactors', 'activities'] if k in doc}
    with open(example, 'w', encoding='utf-8') as out:
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write('\n')
    print(f'{example}: {len(reported)} reported records, {len(doc["emissions"])} emission records in all')


if __name__ == '__main__':
    main()
