package org.symbiosiskb.calculator;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.symbiosiskb.analytics.Ghg;
import org.symbiosiskb.analytics.Units;
import org.symbiosiskb.exchange.Derivation;
import org.symbiosiskb.exchange.EmissionKeys;
import org.symbiosiskb.api.Ids;
import org.symbiosiskb.api.Problem;
import org.symbiosiskb.exchange.Provenance;
import org.symbiosiskb.graph.Cypher;

/**
 * The calculation in the write path (docs/calculator.md): after activities, emission factors or factor sets change,
 * the calculated emission records of every (process, year) they touch are replaced, in the same transaction, so a
 * reader never sees activities without their records. A factor is any partner's to use: when its owner changes it,
 * the records of every partner whose activities use it follow (derived data: the user of a factor chose to follow
 * it by naming it; docs/partners.md, "Consent"). Reported records have keys of their own and are never touched.
 *
 * <p>The checks run while the import is planned: units of one dimension, market factors on scope 2 only, factors
 * that are here and that the activity's owner may see, and no CALCULATED record stated by hand where the
 * calculator derives them.
 */
@Component
class Recalculation implements Derivation {

    static final String FACTORS = """
            UNWIND $ids AS id
            MATCH (f:EmissionFactor {id: id}) WHERE f.placeholder IS NULL
            RETURN f.id AS id, f.unit AS unit, f.scope AS scope, f.visibility AS visibility""";
    /** The activities not in the document that use these factors, and how. */
    static final String ACTIVITIES_USING = """
            UNWIND $ids AS id
            MATCH (a:Activity)-[r:USES_FACTOR|MARKET_FACTOR]->(:EmissionFactor {id: id})
            RETURN id AS factor, a.id AS activity, a.unit AS unit, type(r) AS role, EXISTS { (a)-[:MARKET_FACTOR]->() } AS hasMarket
            ORDER BY a.id""";
    static final String ACTIVITIES_OF_PROCESS_YEARS = """
            UNWIND $pairs AS pair
            MATCH (:Process {id: pair.process})-[:HAS_ACTIVITY]->(a:Activity) WHERE a.year = pair.year
            RETURN pair.process AS process, pair.year AS year, a.id AS activity""";
    /** CALCULATED records a document stated (not derived here) of these processes and years. */
    static final String STATED_CALCULATED = """
            UNWIND $pairs AS pair
            MATCH (:Process {id: pair.process})-[:REPORTED]->(e:Emission)
            WHERE e.year = pair.year AND e.provenance = 'CALCULATED' AND e.derived IS NULL
            RETURN pair.process AS process, pair.year AS year, e.id AS record ORDER BY e.id""";
    static final String DERIVED_RECORDS = """
            UNWIND $ids AS id
            MATCH (e:Emission {id: id}) WHERE e.derived
            RETURN e.id AS id""";
    /** The (process, year) of these activities, and of the activities that use these factors or the factors of these sets. */
    static final String TOUCHED = """
            CALL () {
              UNWIND $activities AS id
              MATCH (p:Process)-[:HAS_ACTIVITY]->(a:Activity {id: id}) RETURN p.id AS process, a.year AS year
              UNION
              UNWIND $factors AS id
              MATCH (p:Process)-[:HAS_ACTIVITY]->(a:Activity)-[:USES_FACTOR|MARKET_FACTOR]->(:EmissionFactor {id: id})
              RETURN p.id AS process, a.year AS year
              UNION
              UNWIND $sets AS id
              MATCH (p:Process)-[:HAS_ACTIVITY]->(a:Activity)-[:USES_FACTOR|MARKET_FACTOR]->(:EmissionFactor)<-[:HAS_FACTOR]-(:FactorSet {id: id})
              RETURN p.id AS process, a.year AS year
            }
            RETURN process, year""";
    static final String DELETE_CALCULATED = """
            UNWIND $pairs AS pair
            MATCH (:Process {id: pair.process})-[:REPORTED]->(e:Emission) WHERE e.year = pair.year AND e.derived
            DETACH DELETE e""";
    static final String CREATE_CALCULATED = """
            UNWIND $rows AS row
            MATCH (p:Process {id: row.process})
            CREATE (p)-[:REPORTED]->(e:Record:Emission)
            SET e = row.props
            WITH e, row
            UNWIND row.activities AS activity
            MATCH (a:Activity {id: activity})
            CREATE (e)-[:DERIVED_FROM]->(a)""";

    private final Cypher cypher;
    private final ActivityLines lines;

    Recalculation(Cypher cypher, ActivityLines lines) {
        this.cypher = cypher.unguarded(); // the write path sees the graph as it is
        this.lines = lines;
    }

    // ---- checks, while planning ----

    /** What the checks need of a factor: from the document or the graph. */
    private record FactorInfo(String id, String unit, long scope, String visibility, String pointer) {

        static FactorInfo of(Item item) {
            return new FactorInfo(item.key(), item.string("unit"), (Long) item.fields().get("scope"), item.string("visibility"), item.pointer());
        }
    }

    @Override
    public void check(List<Item> items, boolean harvesting, List<Problem> problems) {
        var activities = of(items, "activities", false);
        var factors = new HashMap<String, FactorInfo>();
        of(items, "emissionFactors", false).forEach(f -> factors.put(f.key(), FactorInfo.of(f)));
        var deletedFactors = new HashSet<String>();
        of(items, "emissionFactors", true).forEach(f -> deletedFactors.add(f.key()));
        var wanted = new TreeSet<String>();
        for (Item a : activities) {
            for (String field : List.of("factor", "marketFactor")) {
                String id = a.string(field);
                if (id != null && !factors.containsKey(id) && !deletedFactors.contains(id)) {
                    wanted.add(id);
                }
            }
        }
        if (!wanted.isEmpty()) {
            cypher.list(FACTORS, Map.of("ids", List.copyOf(wanted)), row -> factors.put(row.get("id").asString(),
                    new FactorInfo(row.get("id").asString(), row.get("unit").asString(), row.get("scope").asLong(),
                            row.get("visibility").asString(null), null)));
        }
        for (Item a : activities) {
            checkActivity(a, factors, deletedFactors, harvesting, problems);
        }
        checkFactorChanges(items, factors, harvesting, problems);
        checkCalculatedRecords(items, problems);
    }

    private static List<Item> of(List<Item> items, String array, boolean deleted) {
        return items.stream().filter(i -> i.array().equals(array) && i.deleted() == deleted).toList();
    }

    private static void checkActivity(Item a, Map<String, FactorInfo> factors, Set<String> deletedFactors, boolean harvesting,
                                      List<Problem> problems) {
        String owner = Ids.partnerOf(a.key());
        String unit = a.string("unit");
        FactorInfo factor = factors.get(a.string("factor"));
        FactorInfo market = a.string("marketFactor") == null ? null : factors.get(a.string("marketFactor"));
        for (String field : List.of("factor", "marketFactor")) {
            String id = a.string(field);
            if (id == null || deletedFactors.contains(id)) {
                continue; // the planner reports a reference to a record the document deletes
            }
            FactorInfo f = factors.get(id);
            if (f == null && !harvesting && !Ids.partnerOf(id).equals(owner)) {
                // the planner reports a missing record of the writer's own; another partner's would be a placeholder,
                // whose figures the calculation does not have
                problems.add(new Problem(a.pointer() + "/" + field, "no emission factor " + id + " in the document or the database; "
                        + "an activity uses a factor that is here (another partner's arrives with its owner's data)"));
            } else if (f != null && !harvesting && !Ids.partnerOf(id).equals(owner) && "PRIVATE".equals(f.visibility())) {
                problems.add(new Problem(a.pointer() + "/" + field, id + " is PRIVATE to partner " + Ids.partnerOf(id)
                        + ": an activity uses only factors its owner may see (its calculated figures would tell the factor)"));
            } else if (f != null && unit != null && !Units.convertible(unit, f.unit())) {
                problems.add(new Problem(a.pointer() + "/unit", unit + " cannot be converted to " + f.unit() + ", the unit of "
                        + (field.equals("factor") ? "factor " : "market factor ") + id + ": " + Units.RULE));
            }
        }
        if (a.string("marketFactor") != null && factor != null && factor.scope() != 2) {
            problems.add(new Problem(a.pointer() + "/marketFactor", "a market-based factor is given only for scope 2 activities; "
                    + factor.id() + " is a scope " + factor.scope() + " factor"));
        }
        if (market != null && market.scope() != 2) {
            problems.add(new Problem(a.pointer() + "/marketFactor", market.id() + " is a scope " + market.scope()
                    + " factor; a market-based factor (a contractual instrument) is a scope 2 factor"));
        }
    }

    /**
     * A factor the document changes must still fit the activities that use it and are not in the document: their units
     * stay convertible, a market factor and a factor used with one stay scope 2, and a factor other partners use does
     * not become PRIVATE (their calculated figures would tell it). A harvested factor is the peer's to change: lines
     * it no longer fits are not calculated (uncalculated in the inventory) instead of stopping the pull.
     */
    private void checkFactorChanges(List<Item> items, Map<String, FactorInfo> factors, boolean harvesting, List<Problem> problems) {
        var changed = of(items, "emissionFactors", false);
        if (changed.isEmpty()) {
            return;
        }
        var inDocument = new HashSet<String>();
        items.stream().filter(i -> i.array().equals("activities")).forEach(i -> inDocument.add(i.key()));
        var byFactor = new LinkedHashMap<String, List<org.neo4j.driver.Record>>();
        cypher.list(ACTIVITIES_USING, Map.of("ids", changed.stream().map(Item::key).toList()), row -> {
            if (!inDocument.contains(row.get("activity").asString())) {
                byFactor.computeIfAbsent(row.get("factor").asString(), k -> new ArrayList<>()).add(row);
            }
            return row;
        });
        for (Item item : changed) {
            FactorInfo f = factors.get(item.key());
            var using = byFactor.getOrDefault(item.key(), List.of());
            var units = new TreeSet<String>();
            var scopeBound = new TreeSet<String>();
            var otherPartners = new TreeSet<String>();
            for (var row : using) {
                String activity = row.get("activity").asString();
                if (!Units.convertible(row.get("unit").asString(), f.unit())) {
                    units.add(activity + " (" + row.get("unit").asString() + ")");
                }
                boolean market = row.get("role").asString().equals("MARKET_FACTOR") || row.get("hasMarket").asBoolean();
                if (market && f.scope() != 2) {
                    scopeBound.add(activity);
                }
                if (!Ids.partnerOf(activity).equals(Ids.partnerOf(item.key()))) {
                    otherPartners.add(Ids.partnerOf(activity));
                }
            }
            if (!units.isEmpty() && !harvesting) {
                problems.add(new Problem(item.pointer() + "/unit", "activities use " + item.key() + " in units " + f.unit()
                        + " cannot be converted to: " + String.join(", ", units) + "; " + Units.RULE));
            }
            if (!scopeBound.isEmpty() && !harvesting) {
                problems.add(new Problem(item.pointer() + "/scope", item.key() + " is used with a market-based factor by "
                        + String.join(", ", scopeBound) + ", so it stays a scope 2 factor"));
            }
            if (!harvesting && "PRIVATE".equals(f.visibility()) && !otherPartners.isEmpty()) {
                problems.add(new Problem(item.pointer() + "/visibility", item.key() + " is used by activities of partner(s) "
                        + String.join(", ", otherPartners) + ": it cannot become PRIVATE, their calculated figures would tell it"));
            }
        }
    }

    /**
     * Where activities are, the calculator derives the CALCULATED records: a document may not state or delete one for
     * a process and year with activity data, nor add activities where CALCULATED records were stated by hand (it
     * deletes those in the same document instead).
     */
    private void checkCalculatedRecords(List<Item> items, List<Problem> problems) {
        var docActivities = new HashMap<String, Item>();
        items.stream().filter(i -> i.array().equals("activities")).forEach(i -> docActivities.put(i.key(), i));
        var stated = items.stream().filter(i -> i.array().equals("emissions") && !i.deleted()
                && Provenance.CALCULATED.equals(Provenance.kindOf(i.fields().get("provenance")))).toList();
        var deletedEmissions = items.stream().filter(i -> i.array().equals("emissions") && i.deleted()).toList();
        var liveActivities = docActivities.values().stream().filter(i -> !i.deleted()).toList();

        if (!stated.isEmpty()) {
            var withActivities = new HashSet<String>();
            liveActivities.forEach(a -> withActivities.add(pair(a.string("process"), (Long) a.fields().get("year"))));
            cypher.list(ACTIVITIES_OF_PROCESS_YEARS, Map.of("pairs", pairs(stated)), row -> {
                if (!docActivities.containsKey(row.get("activity").asString())) {
                    withActivities.add(pair(row.get("process").asString(), row.get("year").asLong()));
                }
                return row;
            });
            for (Item e : stated) {
                if (withActivities.contains(pair(e.string("process"), (Long) e.fields().get("year")))) {
                    problems.add(new Problem(e.pointer() + "/provenance", e.string("process") + " has activity data for "
                            + e.fields().get("year") + ": its CALCULATED records are calculated from it; change the activities instead"));
                }
            }
        }
        if (!deletedEmissions.isEmpty()) {
            var derived = new HashSet<String>(cypher.list(DERIVED_RECORDS, Map.of("ids", deletedEmissions.stream().map(Item::key).toList()),
                    row -> row.get("id").asString()));
            for (Item e : deletedEmissions) {
                if (derived.contains(e.key())) {
                    problems.add(new Problem(e.pointer(), e.key() + " is calculated from activity data; delete or change the activities instead"));
                }
            }
        }
        var added = liveActivities.stream().toList();
        if (!added.isEmpty()) {
            var deletedKeys = new HashSet<String>(deletedEmissions.stream().map(Item::key).toList());
            var statedHere = new HashMap<String, List<String>>();
            cypher.list(STATED_CALCULATED, Map.of("pairs", pairs(added)), row -> {
                if (!deletedKeys.contains(row.get("record").asString())) {
                    statedHere.computeIfAbsent(pair(row.get("process").asString(), row.get("year").asLong()), k -> new ArrayList<>())
                            .add(row.get("record").asString());
                }
                return row;
            });
            var reported = new HashSet<String>();
            for (Item a : added) {
                String pair = pair(a.string("process"), (Long) a.fields().get("year"));
                if (statedHere.containsKey(pair) && reported.add(pair)) {
                    problems.add(new Problem(a.pointer() + "/year", a.string("process") + " has CALCULATED emission records for "
                            + a.fields().get("year") + " stated directly (" + String.join(", ", statedHere.get(pair))
                            + "); delete them in the same document to calculate them from activity data"));
                }
            }
        }
    }

    private static String pair(String process, long year) {
        return process + "\t" + year;
    }

    private static List<Map<String, Object>> pairs(List<Item> items) {
        var pairs = new LinkedHashMap<String, Map<String, Object>>();
        for (Item i : items) {
            String process = i.string("process");
            Object year = i.fields().get("year");
            if (process != null && year != null) {
                pairs.putIfAbsent(pair(process, (Long) year), Map.of("process", process, "year", year));
            }
        }
        return List.copyOf(pairs.values());
    }

    private static List<Map<String, Object>> pairs(Set<String> touched) {
        return touched.stream().map(t -> {
            int tab = t.indexOf('\t');
            return Map.<String, Object>of("process", t.substring(0, tab), "year", Long.parseLong(t.substring(tab + 1)));
        }).toList();
    }

    // ---- the write ----

    @Override
    public Set<String> touched(List<Item> items) {
        var keys = new HashMap<String, List<String>>();
        for (String array : List.of("activities", "emissionFactors", "factorSets")) {
            keys.put(array, items.stream().filter(i -> i.array().equals(array)).map(Item::key).toList());
        }
        var touched = new HashSet<String>();
        if (keys.values().stream().allMatch(List::isEmpty)) {
            return touched;
        }
        cypher.list(TOUCHED, Map.of("activities", keys.get("activities"), "factors", keys.get("emissionFactors"),
                "sets", keys.get("factorSets")), row -> touched.add(pair(row.get("process").asString(), row.get("year").asLong())));
        return touched;
    }

    /** Replaces the calculated records of the touched (process, year)s with what their activities give now. */
    @Override
    public void derive(Set<String> touched) {
        if (touched.isEmpty()) {
            return;
        }
        var pairs = pairs(touched);
        var records = Ghg.records(lines.ofProcessYears(pairs));
        var now = ZonedDateTime.now(ZoneOffset.UTC);
        var rows = records.stream().map(r -> row(r, now)).toList();
        cypher.run(DELETE_CALCULATED, Map.of("pairs", pairs));
        if (!rows.isEmpty()) {
            cypher.run(CREATE_CALCULATED, Map.of("rows", rows));
        }
    }

    private static Map<String, Object> row(Ghg.CalculatedRecord r, ZonedDateTime now) {
        var props = new LinkedHashMap<String, Object>();
        props.put("id", EmissionKeys.of(r.process(), r.year(), r.scope(), r.category(), r.source(), Provenance.CALCULATED));
        props.put("year", (long) r.year());
        props.put("scope", (long) r.scope());
        props.put("tCO2e", r.tCO2e());
        if (r.category() != null) {
            props.put("category", (long) r.category());
        }
        props.put("source", r.source());
        props.put("provenance", Provenance.CALCULATED);
        props.put("provenanceSource", r.provenanceSource());
        if (r.biogenicCO2() != null) {
            props.put("biogenicCO2", r.biogenicCO2());
        }
        props.put("visibility", r.visibility());
        props.put("updatedAt", now);
        props.put(DERIVED, true);
        return Map.of("process", r.process(), "props", props, "activities", r.activities());
    }
}
