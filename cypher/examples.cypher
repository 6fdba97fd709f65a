// symbiosis-kb: example Cypher queries for researchers.
//
// Every query runs as-is in cypher-shell or Neo4j Browser on the example data (fi.json and
// nordic.json, loaded by the service at its first start): the values a query is about (a park,
// an organization, a year) are literals, mostly in a `WITH ... AS` line at the top, so change
// them there. Run them all: cypher-shell -f cypher/examples.cypher
//
// Two idioms recur (docs/spec/analytics.md, "Conventions"):
// - A process's park is its own (:Process)-[:IN_PARK]->(:Park) or else its operator's
//   (:Organization)-[:OPERATES]->(:Process) with (:Organization)-[:LOCATED_IN]->(:Park):
//     head(COLLECT { MATCH (p)-[:IN_PARK]->(k:Park) RETURN k }
//        + COLLECT { MATCH (p)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(k:Park) RETURN k })
// - A flow (:SideStream)-[f:SUPPLIES]->(:Process) is active in a year when
//   coalesce(f.fromYear, year) <= year <= coalesce(f.toYear, year) (no years: every year).
//
// tonnes: side streams and flows in unit 't' (surplus heat and steam are in MWh and are left out
// of tonnage sums, or reported with their unit).

// ---------------------------------------------------------------------------------------------
// 1. The exchanges (flows) of one park, with tonnage and transport distance.
// Answers: which side streams go from which producer to which consumer in Kemi-Tornio, how much
// a year, over what distance and by which mode. Interesting because it is the park's symbiosis
// map in one table: the tonne-kilometres show where logistics dominate the climate benefit.
// A flow belongs to the park when its producer or its consumer is in the park.
WITH 'fi:kemi-tornio' AS parkId
MATCH (park:Park {id: parkId})
MATCH (prod:Process)-[:PRODUCES]->(s:SideStream)-[f:SUPPLIES]->(cons:Process)
WITH park, prod, s, f, cons,
     head(COLLECT { MATCH (prod)-[:IN_PARK]->(k:Park) RETURN k }
        + COLLECT { MATCH (prod)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(k:Park) RETURN k }) AS prodPark,
     head(COLLECT { MATCH (cons)-[:IN_PARK]->(k:Park) RETURN k }
        + COLLECT { MATCH (cons)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(k:Park) RETURN k }) AS consPark
WHERE prodPark = park OR consPark = park
RETURN f.id AS flow, prod.name AS producer, s.name AS sideStream, s.ewc AS ewc,
       cons.name AS consumer, f.quantity AS quantity, s.unit AS unit,
       f.transportMode AS mode, f.distanceKm AS distanceKm,
       CASE WHEN s.unit = 't' THEN f.quantity * coalesce(f.distanceKm, 0) END AS tonneKm,
       f.fromYear AS fromYear, f.toYear AS toYear
ORDER BY unit DESC, quantity DESC;

// ---------------------------------------------------------------------------------------------
// 2. Unused side-stream tonnage by park and EWC chapter in one year.
// Answers: how many tonnes of each park's side streams found no taker in 2024 (quantity minus
// the flows active in 2024), per List of Waste chapter. Interesting because this is the
// side-stream table's offer: where the untapped material is, and of what kind (slags, ashes,
// wood residues...).
WITH 2024 AS year
MATCH (prod:Process)-[:PRODUCES]->(s:SideStream {unit: 't'})
CALL (s, year) {
  OPTIONAL MATCH (s)-[f:SUPPLIES]->(:Process)
  WHERE coalesce(f.fromYear, year) <= year <= coalesce(f.toYear, year)
  RETURN coalesce(sum(f.quantity), 0) AS used
}
WITH s, used,
     head(COLLECT { MATCH (prod)-[:IN_PARK]->(k:Park) RETURN k }
        + COLLECT { MATCH (prod)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(k:Park) RETURN k }) AS park
WHERE park IS NOT NULL AND s.quantity - used > 0
OPTIONAL MATCH (chapter:WasteCode {code: left(s.ewc, 2)})
RETURN park.name AS park, coalesce(chapter.code, '(no EWC code)') AS ewcChapter, chapter.title AS chapterTitle,
       sum(s.quantity - used) AS unusedTonnes, count(s) AS sideStreams,
       collect(s.name)[..5] AS examples
ORDER BY park, unusedTonnes DESC;

// ---------------------------------------------------------------------------------------------
// 3. The parks of a network.
// Answers: which eco-industrial parks belong to the Finnish national network, where they are,
// how they came about and how big they are in organizations, processes and side streams.
// Interesting to compare spontaneous and planned parks side by side. (Processes and side streams
// are counted through the organizations located in the park.)
WITH 'fi:eip-network' AS networkId
MATCH (n:Network {id: networkId})<-[:MEMBER_OF]-(p:Park)
RETURN n.name AS network, p.id AS park, p.name AS name, p.municipality AS municipality,
       p.origin AS origin, p.location.latitude AS lat, p.location.longitude AS lon,
       COUNT { (p)<-[:LOCATED_IN]-(:Organization) } AS organizations,
       COUNT { (p)<-[:LOCATED_IN]-(:Organization)-[:OPERATES]->(:Process) } AS processes,
       COUNT { (p)<-[:LOCATED_IN]-(:Organization)-[:OPERATES]->(:Process)-[:PRODUCES]->(:SideStream) } AS sideStreams,
       [(p)-[:MEMBER_OF]->(other:Network) WHERE other <> n | other.name] AS alsoIn
ORDER BY organizations DESC, name;

// ---------------------------------------------------------------------------------------------
// 4. The five nearest carbon sinks to a company.
// Answers: where could Outokumpu compensate locally: the closest sinks, their kind, capacity and
// distance in km (point.distance on WGS-84 points gives metres). An organization without a
// location of its own is where its park is. Interesting because local compensation is the
// point of the sink register: a forest 20 km away beats a certificate from far away.
WITH 'fi:outokumpu' AS orgId
MATCH (o:Organization {id: orgId})
OPTIONAL MATCH (o)-[:LOCATED_IN]->(park:Park)
WITH o, coalesce(o.location, park.location) AS here
WHERE here IS NOT NULL
MATCH (k:CarbonSink)
WHERE k.location IS NOT NULL
RETURN o.name AS company, k.name AS sink, k.kind AS kind, k.tCO2ePerYear AS tCO2ePerYear,
       round(point.distance(here, k.location) / 1000.0, 1) AS km,
       [(k)<-[:OWNS]-(owner:Organization) | owner.name][0] AS owner
ORDER BY km
LIMIT 5;

// ---------------------------------------------------------------------------------------------
// 5. Companies two exchanges away from an anchor company.
// Answers: whose processes receive, two exchanges downstream, material or energy that started
// at Neste's Porvoo refinery (Neste's side stream feeds process X, whose side stream feeds
// them), via which intermediate processes, and whether they also take from Neste directly.
// A quantified path pattern over PRODUCES/SUPPLIES (change {2} to {1,3} for a wider reach).
// Interesting because it shows the anchor's indirect reach: e.g. Borealis depends on Neste's
// fuel gas through the Kilpilahti power plant's steam without any contract with Neste.
WITH 'fi:neste-porvoo' AS anchorId
MATCH (anchor:Organization {id: anchorId})-[:OPERATES]->(start:Process)
      ((a:Process)-[:PRODUCES]->(:SideStream)-[:SUPPLIES]->(b:Process)){2}
      (target:Process)<-[:OPERATES]-(o:Organization)
WHERE o <> anchor
RETURN o.name AS organization, o.kind AS kind,
       collect(DISTINCT b[0].name) AS via, collect(DISTINCT target.name) AS receivingProcesses,
       EXISTS { (anchor)-[:OPERATES]->(:Process)-[:PRODUCES]->(:SideStream)-[:SUPPLIES]->(:Process)<-[:OPERATES]-(o) } AS alsoDirectPartner
ORDER BY alsoDirectPartner, organization;

// ---------------------------------------------------------------------------------------------
// 6. Scope 1 and 2 emissions by park, 2024.
// Answers: each park's direct (scope 1) and purchased-energy (scope 2) emissions in 2024, summed
// over the processes in the park. Interesting as the baseline against which a park's exchanges
// and local compensation are measured. kb.countedEmissions gives the records that count: where a
// process has a reported and an assumed figure for the same scope, only the reported one.
WITH 2024 AS year
MATCH (pr:Process)
WITH pr, year, head(COLLECT { MATCH (pr)-[:IN_PARK]->(k:Park) RETURN k }
                    + COLLECT { MATCH (pr)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(k:Park) RETURN k }) AS park
WHERE park IS NOT NULL
CALL kb.countedEmissions(pr.id, year) YIELD scope, tCO2e
WITH park, scope, tCO2e WHERE scope IN [1, 2]
RETURN park.name AS park,
       sum(CASE WHEN scope = 1 THEN tCO2e ELSE 0 END) AS scope1,
       sum(CASE WHEN scope = 2 THEN tCO2e ELSE 0 END) AS scope2,
       sum(tCO2e) AS scope1and2
ORDER BY scope1and2 DESC;

// ---------------------------------------------------------------------------------------------
// 7. The biggest emitters in a network.
// Answers: the ten organizations of the Finnish network's parks with the largest scope 1+2
// emissions in 2024, and their share of the network total. Interesting because a handful of
// anchors usually dominate: they are where side-stream reuse and compensation matter most.
WITH 'fi:eip-network' AS networkId, 2024 AS year
MATCH (:Network {id: networkId})<-[:MEMBER_OF]-(park:Park)<-[:LOCATED_IN]-(o:Organization)-[:OPERATES]->(pr:Process)
CALL kb.countedEmissions(pr.id, year) YIELD scope, tCO2e
WITH o, park, scope, tCO2e WHERE scope IN [1, 2]
WITH o, park, sum(tCO2e) AS tCO2e
WITH collect({o: o, park: park, t: tCO2e}) AS rows, sum(tCO2e) AS total
UNWIND rows AS r
RETURN r.o.name AS organization, r.park.name AS park, r.t AS scope1and2,
       round(100.0 * r.t / total, 1) AS percentOfNetwork
ORDER BY scope1and2 DESC
LIMIT 10;

// ---------------------------------------------------------------------------------------------
// 8. Hazardous side streams and who takes them.
// Answers: every side stream with a hazardous List of Waste entry (code ending in '*'), its
// producer, and the consumers (if any) with quantity and distance. Interesting because
// hazardous streams need permits and careful logistics: the ones without a taker are landfill
// or treatment costs, the ones with a taker are proof that reuse is possible.
// Note: written `right(s.ewc, 1) = '*'`, not `s.ewc ENDS WITH '*'`: on Neo4j 2026.08 the planner
// may plan ENDS WITH as a seek on the RANGE index side_stream_ewc, which then fails with
// "A STRING_SUFFIX predicate is not allowed for a RANGE index" (Neo.ClientError.Schema.IndexNotApplicable).
MATCH (prod:Process)-[:PRODUCES]->(s:SideStream)
WHERE right(s.ewc, 1) = '*'
OPTIONAL MATCH (s)-[:CLASSIFIED_AS]->(w:WasteCode)
OPTIONAL MATCH (s)-[f:SUPPLIES]->(cons:Process)
OPTIONAL MATCH (cons)<-[:OPERATES]-(taker:Organization)
RETURN s.name AS sideStream, s.ewc AS ewc, w.title AS wasteTitle, prod.name AS producer,
       s.quantity AS quantity, s.unit AS unit,
       cons.name AS consumer, taker.name AS takenBy, f.quantity AS taken, f.distanceKm AS distanceKm
ORDER BY consumer IS NULL, sideStream;

// ---------------------------------------------------------------------------------------------
// 9. Side streams with no consumer yet that match a declared need by EWC sub-chapter.
// Answers: which side streams nobody takes could meet a need another process has declared,
// when the need's code is in the same List of Waste sub-chapter (e.g. a need for '10 01 03' fly
// ash and an unused '10 01 01' bottom ash, or a need declared at sub-chapter level '11 02').
// The distance between the two processes (or their operators' / parks' locations) is given next
// to the need's maxDistanceKm. Interesting because these are the new exchanges to propose.
MATCH (prod:Process)-[:PRODUCES]->(s:SideStream)-[:CLASSIFIED_AS]->(:WasteCode)-[:IN]->(sub:WasteCode)
WHERE NOT EXISTS { (s)-[:SUPPLIES]->(:Process) }
MATCH (needer:Process)-[:NEEDS]->(n:Need)-[:CLASSIFIED_AS]->(:WasteCode)-[:IN*0..1]->(sub)
WHERE needer <> prod AND n.unit = s.unit
WITH s, prod, n, needer, sub,
     head([l IN COLLECT { MATCH (prod)<-[:OPERATES]-(o:Organization) OPTIONAL MATCH (o)-[:LOCATED_IN]->(k:Park)
                          RETURN coalesce(prod.location, o.location, k.location) AS l } WHERE l IS NOT NULL]) AS fromLoc,
     head([l IN COLLECT { MATCH (needer)<-[:OPERATES]-(o:Organization) OPTIONAL MATCH (o)-[:LOCATED_IN]->(k:Park)
                          RETURN coalesce(needer.location, o.location, k.location) AS l } WHERE l IS NOT NULL]) AS toLoc
WITH s, prod, n, needer, sub, round(point.distance(fromLoc, toLoc) / 1000.0, 1) AS km
RETURN sub.code AS subChapter, sub.title AS subChapterTitle,
       s.name AS sideStream, s.ewc AS ewc, prod.name AS producer, s.quantity AS available, s.unit AS unit,
       needer.name AS needingProcess, n.ewc AS needEwc, n.quantity AS needed,
       km, n.maxDistanceKm AS maxDistanceKm, (km IS NULL OR n.maxDistanceKm IS NULL OR km <= n.maxDistanceKm) AS withinReach
ORDER BY withinReach DESC, subChapter, km;

// ---------------------------------------------------------------------------------------------
// 10. The organizations that coordinate parks (and networks).
// Answers: who runs each park's symbiosis work (development companies, municipalities,
// associations) and which networks they coordinate too. Interesting because the literature sees
// the coordinator ("facilitator") as what separates planned from spontaneous symbiosis.
MATCH (o:Organization)-[:COORDINATES]->(p:Park)
RETURN o.name AS coordinator, o.kind AS kind,
       collect(p.name) AS parks,
       [(o)-[:COORDINATES]->(n:Network) | n.name] AS networks,
       [(o)-[:LOCATED_IN]->(home:Park) | home.name][0] AS basedIn
ORDER BY size(parks) DESC, coordinator;

// ---------------------------------------------------------------------------------------------
// 11. The free capacity of each carbon sink in 2024.
// Answers: for every sink active in 2024, its yearly capacity minus what ACTIVE offset
// agreements covering 2024 already take (PROPOSED and ENDED agreements do not count).
// Interesting because a sink can be sold only once: this is what is left to offer buyers nearby.
WITH 2024 AS year
MATCH (k:CarbonSink)
WHERE coalesce(k.activeFrom, year) <= year <= coalesce(k.activeTo, year)
CALL (k, year) {
  OPTIONAL MATCH (a:OffsetAgreement {status: 'ACTIVE'})-[:FROM_SINK]->(k)
  WHERE a.fromYear <= year <= a.toYear
  RETURN coalesce(sum(a.tCO2ePerYear), 0) AS committed, count(a) AS agreements
}
RETURN k.name AS sink, k.kind AS kind, [(k)-[:IN_PARK]->(p:Park) | p.name][0] AS park,
       k.tCO2ePerYear AS capacity, committed, agreements,
       k.tCO2ePerYear - committed AS free,
       round(100.0 * committed / CASE WHEN k.tCO2ePerYear = 0 THEN null ELSE k.tCO2ePerYear END, 1) AS percentSold
ORDER BY free DESC;

// ---------------------------------------------------------------------------------------------
// 12. Cross-park flows: producer and consumer in different parks.
// Answers: which exchanges connect parks (or leave a park for a consumer outside any park), with
// their distance and mode. Interesting because they show the network working as a network, e.g.
// ferrous metal from bottom ash in Riihimäki going to the Tornio melt shop by rail.
MATCH (prod:Process)-[:PRODUCES]->(s:SideStream)-[f:SUPPLIES]->(cons:Process)
WITH prod, s, f, cons,
     head(COLLECT { MATCH (prod)-[:IN_PARK]->(k:Park) RETURN k }
        + COLLECT { MATCH (prod)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(k:Park) RETURN k }) AS fromPark,
     head(COLLECT { MATCH (cons)-[:IN_PARK]->(k:Park) RETURN k }
        + COLLECT { MATCH (cons)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(k:Park) RETURN k }) AS toPark
WHERE fromPark IS NOT NULL AND toPark IS NOT NULL AND fromPark <> toPark
RETURN fromPark.name AS fromPark, toPark.name AS toPark, s.name AS sideStream, s.ewc AS ewc,
       f.quantity AS quantity, s.unit AS unit, f.transportMode AS mode, f.distanceKm AS distanceKm,
       round(point.distance(fromPark.location, toPark.location) / 1000.0) AS parksApartKm
ORDER BY distanceKm DESC;

// ---------------------------------------------------------------------------------------------
// 13. The List of Waste chapter tree for the codes in use.
// Answers: which chapters ('10' wastes from thermal processes...), sub-chapters ('10 02' iron and
// steel industry) and entries ('10 02 02') the side streams and needs actually use, and how many
// records each. Interesting as a profile of the network's material base, and to check that
// every code sits in the hierarchy with its title.
MATCH (rec)-[:CLASSIFIED_AS]->(w:WasteCode)
MATCH path = (w)-[:IN*0..2]->(chapter:WasteCode)
WHERE NOT EXISTS { (chapter)-[:IN]->(:WasteCode) }
WITH chapter, [c IN nodes(path) WHERE size(c.code) = 5][0] AS sub, w,
     count(CASE WHEN rec:SideStream THEN 1 END) AS sideStreams, count(CASE WHEN rec:Need THEN 1 END) AS needs
WITH chapter, sub, collect({code: w.code, title: w.title, sideStreams: sideStreams, needs: needs}) AS entries
RETURN chapter.code AS chapter, chapter.title AS chapterTitle,
       sub.code AS subChapter, sub.title AS subChapterTitle, entries
ORDER BY chapter, subChapter;

// ---------------------------------------------------------------------------------------------
// 14. Loops in the exchange network.
// Answers: processes whose side streams come back to them within 4 exchanges (e.g. Tornio melt
// shop dust to the ferrochrome smelter, whose CO gas fires the melt shop). A quantified path
// pattern that starts and ends at the same process. Interesting because loops are the closed
// material and energy cycles circular economy aims for; they are also where an allocation of
// emissions between products has to be made with care. Each loop is listed once for every
// process on it.
MATCH path = (p:Process)((a:Process)-[:PRODUCES]->(s:SideStream)-[:SUPPLIES]->(b:Process)){1,4}(p)
WITH p, path, size(s) AS exchanges
RETURN p.name AS process, exchanges,
       [n IN nodes(path) WHERE n:SideStream | n.name] AS sideStreams,
       [n IN nodes(path) WHERE n:Process | n.name] AS processes
ORDER BY exchanges, process
LIMIT 50;

// ---------------------------------------------------------------------------------------------
// 15. Avoided emissions and transport emissions of a park's active flows in 2024.
// Answers: for each active flow in Porvoo-Kilpilahti in 2024, the t CO2e avoided by substituting
// a virgin input (quantity x substitutesFactor) next to its tonne-kilometres. Interesting as
// the first step of the climate balance of symbiosis: benefits versus logistics.
WITH 'fi:porvoo-kilpilahti' AS parkId, 2024 AS year
MATCH (park:Park {id: parkId})<-[:LOCATED_IN]-(:Organization)-[:OPERATES]->(prod:Process)
      -[:PRODUCES]->(s:SideStream)-[f:SUPPLIES]->(cons:Process)
WHERE coalesce(f.fromYear, year) <= year <= coalesce(f.toYear, year)
RETURN s.name AS sideStream, cons.name AS consumer, f.quantity AS quantity, s.unit AS unit,
       f.transportMode AS mode,
       CASE WHEN s.unit = 't' THEN f.quantity * coalesce(f.distanceKm, 0) END AS tonneKm,
       f.quantity * coalesce(f.substitutesFactor, 0) AS avoidedTCO2e
ORDER BY avoidedTCO2e DESC, quantity DESC;

// ---------------------------------------------------------------------------------------------
// 16. Reporting facilities near a park that are not in it.
// Answers: the E-PRTR facilities (processes with an eprtrId) within 25 km of Turku's Smart
// Chemistry Park that are neither members of the park nor the same register site as a member,
// nearest first, with their latest reported scope-1 figure. Interesting because these are the
// neighbours a coordinator would call first (GraphQL: facilitiesNear, which also lists their
// waste transfers and keeps another partner's private figures to itself).
WITH 'fi:turku-smart-chemistry-park' AS parkId, 25.0 AS radiusKm
MATCH (park:Park {id: parkId})
WITH park, radiusKm, COLLECT { MATCH (park)<-[:IN_PARK]-(m:Process) RETURN m
                               UNION
                               MATCH (park)<-[:LOCATED_IN]-(:Organization)-[:OPERATES]->(m:Process)
                               WHERE NOT (m)-[:IN_PARK]->(:Park) RETURN m } AS members
MATCH (f:Process)
WHERE f.eprtrId IS NOT NULL AND NOT f IN members
  // (members without an eprtrId left out of the list: `x IN [null]` is null, not false)
  AND NOT f.eprtrId IN [m IN members WHERE m.eprtrId IS NOT NULL | m.eprtrId]
WITH park, radiusKm, f,
     coalesce(f.location,
              head([(f)<-[:OPERATES]-(o:Organization) | coalesce(o.location, head([(o)-[:LOCATED_IN]->(k:Park) | k.location]))]),
              head([(f)-[:IN_PARK]->(k:Park) | k.location])) AS location
WITH f, point.distance(location, park.location) / 1000 AS km, radiusKm
WHERE km <= radiusKm
RETURN f.name AS facility, round(km, 1) AS km,
       head(COLLECT { MATCH (f)-[:REPORTED]->(e:Emission {scope: 1, provenance: 'REPORTED'})
                      RETURN toString(e.year) + ': ' + toString(e.tCO2e) + ' t CO2e' ORDER BY e.year DESC }) AS latestReported
ORDER BY km;

// ---------------------------------------------------------------------------------------------
// 17. GHG inventory of an organization from its calculated records.
// Answers: Savon Voima's 2023 scope 1, 2 (location-based) and 3 as the calculator wrote them into
// CALCULATED emission records from its activity lines (docs/calculator.md; `derived: true` marks
// what the calculator derives), beside what the same plant reported to E-PRTR for the year.
// Interesting because the two figures are side by side: the register measures the stack, the
// calculator multiplies the fuel bills by published factors. These are the figures of
// CALL kb.ghgInventory('fi:savon-voima', 2023), which computes them from the activity lines and
// factors themselves (a test checks that both agree); the market-based scope 2 is there only.
WITH 'fi:savon-voima' AS organizationId, 2023 AS year
MATCH (:Organization {id: organizationId})-[:OPERATES]->(p:Process)
OPTIONAL MATCH (p)-[:REPORTED]->(e:Emission) WHERE e.year = year
WITH year, collect(e) AS records
RETURN year,
       reduce(t = 0.0, e IN [r IN records WHERE r.derived AND r.scope = 1] | t + e.tCO2e) AS scope1,
       reduce(t = 0.0, e IN [r IN records WHERE r.derived AND r.scope = 2] | t + e.tCO2e) AS scope2LocationBased,
       reduce(t = 0.0, e IN [r IN records WHERE r.derived AND r.scope = 3] | t + e.tCO2e) AS scope3,
       reduce(t = 0.0, e IN [r IN records WHERE r.derived] | t + coalesce(e.biogenicCO2, 0.0)) AS biogenicCO2,
       reduce(t = 0.0, e IN [r IN records WHERE r.provenance = 'REPORTED' AND r.scope = 1] | t + e.tCO2e) AS reportedScope1;

// ---------------------------------------------------------------------------------------------
// 18. The climate partners of a city's network, and who entered activity data.
// Answers: the members of Joensuu's climate-partner network that were climate partners in 2023
// (climatePartnerSince <= 2023), how many activity lines each entered for the year and its
// calculated location-based total. Interesting because it is the network's indicator
// (GraphQL climatePartnerIndicator, CALL kb.climatePartnerIndicator) with its parts shown.
WITH 'fi:joensuu-climate-partners' AS networkId, 2023 AS year
MATCH (o:Organization)-[:MEMBER_OF]->(:Network {id: networkId})
WHERE o.climatePartnerSince <= year
OPTIONAL MATCH (o)-[:OPERATES]->(:Process)-[:HAS_ACTIVITY]->(a:Activity) WHERE a.year = year
WITH o, year, count(a) AS activityLines
OPTIONAL MATCH (o)-[:OPERATES]->(:Process)-[:REPORTED]->(e:Emission) WHERE e.year = year AND e.derived
RETURN o.name AS partner, o.climatePartnerSince AS since, activityLines, coalesce(sum(e.tCO2e), 0.0) AS calculatedTCO2e
ORDER BY calculatedTCO2e DESC, partner;
