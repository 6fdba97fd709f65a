// symbiosis-kb analytics procedures (docs/spec/analytics.md). The service calls exactly these; so can you,
// from cypher-shell (./kb cypher-shell) or Neo4j Browser on the embedded database, or on a server
// with target/plugins/symbiosis-kb-*-plugin.jar in its plugins folder. Arguments after the first
// two are optional (defaults as shown). A refusal starts with [BAD_REQUEST] or [NOT_FOUND].
// Every statement below runs on the example data (a test checks that each returns rows).

// kb.trace(processId, year, direction = 'UPSTREAM', allocation = 'MASS', maxDepth = 10, cutoff = 0.001, first = 50)
//   YIELD process, year, direction, allocation, direct, transport, inherited, total, reportedShare, intensity,
//         passedOn, coverage, truncated, paths
// The value-chain footprint of Neste's Porvoo refinery in 2024: the Kilpilahti steam / fuel-gas
// loop is solved exactly; the chains show where the upstream burden arises.
CALL kb.trace('fi:neste-porvoo-refinery', 2024)
YIELD direct, transport, inherited, total, intensity, coverage, truncated, paths
RETURN direct, transport, inherited, total, intensity, coverage, truncated, size(paths) AS chains;

// The same, downstream: where the Tornio ferrochrome smelter's footprint goes with its side streams.
CALL kb.trace('fi:outokumpu-tornio-ferrochrome', 2024, 'DOWNSTREAM')
YIELD total, passedOn, paths
UNWIND paths AS path
RETURN total, passedOn, path.contribution AS contribution, [hop IN path.hops | hop.to] AS via
ORDER BY contribution DESC LIMIT 5;

// Cut-off allocation against mass allocation for every process of Kemi-Tornio that receives flows.
MATCH (p:Process)
WHERE (EXISTS { (p)-[:IN_PARK]->(:Park {id: 'fi:kemi-tornio'}) }
       OR EXISTS { (p)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(:Park {id: 'fi:kemi-tornio'}) })
  AND EXISTS { (p)<-[:SUPPLIES]-() }
CALL kb.trace(p.id, 2024, 'UPSTREAM', 'MASS') YIELD total AS mass
CALL kb.trace(p.id, 2024, 'UPSTREAM', 'CUT_OFF') YIELD total AS cutOff
RETURN p.name AS process, round(mass, 1) AS mass, round(cutOff, 1) AS cutOff
ORDER BY mass - cutOff DESC;

// kb.productFootprint(processId, year)
//   YIELD process, year, total, outputTonnes, perTonne, reportedShare, primaryShare, biogenicCO2, biogenicCO2PerTonne,
//         primaryShareWithBiogenic
// What the PACT host serves for a process's main product (docs/partners.md, PACT): the MASS trace total per tonne of
// output (t CO2e per t = kg CO2e per kg), the share of it from primary data (REPORTED or CALCULATED records,
// followed through the value chain with the same shares) and the biogenic CO2 beside it. Per tonne, 2023:
MATCH (p:Process) WHERE p.outputTonnes > 0 AND EXISTS { (p)-[:REPORTED]->(e:Emission {year: 2023}) WHERE e.scope <= 2 }
CALL kb.productFootprint(p.id, 2023) YIELD perTonne, primaryShare, biogenicCO2PerTonne
RETURN p.name AS process, round(perTonne, 4) AS tCO2ePerTonne, round(100 * primaryShare, 1) AS primaryPercent,
       round(biogenicCO2PerTonne, 4) AS biogenicCO2PerTonne
ORDER BY tCO2ePerTonne DESC LIMIT 10;

// kb.carbonBalance(parkId, year, includeScope3 = false, includeAvoided = false)
//   YIELD park, year, gross, sequestration, soldOutside, retained, purchasedOffsets, avoided, net,
//         reportedShare, climatePositive, carbonNeutral, byProcess, bySource
// Every park of the national network in 2024: which ones are climate positive (net < 0)?
MATCH (park:Park)-[:MEMBER_OF]->(:Network {id: 'fi:eip-network'})
CALL kb.carbonBalance(park.id, 2024) YIELD gross, retained, purchasedOffsets, avoided, net, climatePositive
RETURN park.name AS park, gross, retained, purchasedOffsets, avoided, net, climatePositive
ORDER BY net;

// kb.countedEmissions(processId, year)
//   YIELD scope, source, tCO2e, provenance
// The records the analytics count: of a process's records of one year and scope, those of the best
// provenance present (REPORTED, else CALCULATED, else ILLUSTRATIVE; no provenance is ILLUSTRATIVE).
// Summing Emission nodes yourself would add a reported figure to the assumed one it replaces.
// The Porvoo refinery in 2023, record by record, beside every record it has:
MATCH (p:Process {id: 'fi:neste-porvoo-refinery'})
CALL kb.countedEmissions(p.id, 2023) YIELD scope, source, tCO2e, provenance
RETURN scope, source, tCO2e, provenance,
       COLLECT { MATCH (p)-[:REPORTED]->(e:Emission {year: 2023, scope: scope})
                 RETURN coalesce(e.provenance, 'ILLUSTRATIVE') + ' ' + toString(e.tCO2e) } AS allRecordsOfTheScope
ORDER BY scope;

// kb.compensationPartners(organizationId, year, maxDistanceKm = 100.0, first = 10)
//   YIELD organization, year, emissions, contracted, residual, uncovered, candidates
// Local compensation partners of Outokumpu within 150 km, with the network path to each owner.
CALL kb.compensationPartners('fi:outokumpu', 2024, 150.0)
YIELD residual, uncovered, candidates
UNWIND candidates AS c
RETURN residual, uncovered, c.sink AS sink, round(c.distanceKm, 1) AS km, c.free AS free,
       c.suggestedTonnes AS suggested, c.networkHops AS hops, c.networkPath AS path;

// kb.sideStreamMatches(sideStreamId, year, maxDistanceKm = 200.0, first = 20)
//   YIELD level, need, process, distanceKm, wanted, supplyable, available
// Who could use Tornio's ferrochrome slag: declared needs by List of Waste level, and precedents.
CALL kb.sideStreamMatches('fi:fecr-slag', 2024, 1000.0)
YIELD level, need, process, distanceKm, wanted, supplyable
RETURN level, need, process, round(distanceKm, 1) AS km, wanted, supplyable;

// kb.roadmap(roadmapId)
//   YIELD roadmap, park, baseYear, discountRate, trajectory, targetStatus   (docs/spec/analytics.md §6)
// The Topinpuisto carbon roadmap: each year from the base year to the last target, the park's net
// without the measures (baseline, emissions carried forward from the latest year with records)
// and with them (planned); avoided emissions beside the net.
CALL kb.roadmap('fi:topinpuisto-carbon-roadmap') YIELD trajectory
UNWIND trajectory AS y
RETURN y.year AS year, round(y.baseline) AS baseline, round(y.planned) AS planned, round(y.avoided) AS avoided;

// Its targets: the threshold, the planned net, the gap (planned − threshold) and whether it is met.
CALL kb.roadmap('fi:topinpuisto-carbon-roadmap') YIELD targetStatus
UNWIND targetStatus AS t
RETURN t.year AS year, t.threshold AS threshold, round(t.planned) AS planned, round(t.gap) AS gap, t.met AS met;

// kb.abatementCurve(roadmapId, year)
//   YIELD measure, kind, abatement, annualisedCost, costPerTonne, cumulativeAbatement
// The abatement cost curve of 2035: capex annualised at the roadmap's discount rate over each
// measure's lifetime, plus opex, per tonne abated; cheapest tonne first.
CALL kb.abatementCurve('fi:topinpuisto-carbon-roadmap', 2035)
YIELD measure, kind, abatement, annualisedCost, costPerTonne, cumulativeAbatement
RETURN measure, kind, abatement, round(annualisedCost) AS annualisedCost, round(costPerTonne, 2) AS costPerTonne,
       cumulativeAbatement;

// kb.ghgInventory(organizationId, year)
//   YIELD organization, year, scope1, scope2LocationBased, scope2MarketBased, marketBasedComplete, scope3,
//         byCategory, totalLocationBased, totalMarketBased, biogenicCO2, reportedScope1, lines, uncalculated, from
// An organization's GHG Protocol inventory (docs/calculator.md) from the activity lines of the processes it
// operates: Savon Voima's Joensuu power plant in 2023, the calculated scope 1 beside the reported one.
CALL kb.ghgInventory('fi:savon-voima', 2023)
YIELD scope1, reportedScope1, scope2LocationBased, scope2MarketBased, marketBasedComplete, scope3, biogenicCO2, lines
RETURN scope1, reportedScope1, scope2LocationBased, scope2MarketBased, marketBasedComplete, scope3, biogenicCO2, size(lines) AS lines;

// kb.climatePartnerIndicator(networkId, year)
//   YIELD network, year, partners, reporting, totalTCO2e, from
// Joensuu's climate-partner network in 2023: its climate partners, those who entered activity data, their total.
CALL kb.climatePartnerIndicator('fi:joensuu-climate-partners', 2023) YIELD partners, reporting, totalTCO2e
RETURN size(partners) AS partners, size(reporting) AS reporting, totalTCO2e;
