package org.symbiosiskb.roadmap;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/**
 * A measure of a roadmap (docs/spec/model.md) with its defaults applied: lifetimeYears 20, capexEUR and
 * opexEURPerYear 0, status PLANNED. Which of the kind-specific fields are set depends on the kind.
 */
record Measure(String id, String roadmapId, String name, String kind, int startYear, int lifetimeYears, double capexEUR,
               double opexEURPerYear, String status, String processId, Double tCO2ePerYear, String sideStreamId,
               String consumerId, Double quantity, Double substitutesFactor, String transportMode, Double distanceKm,
               Double transportFactor, RecordMeta meta) implements RecordMeta.Carrier {

    static final String COLUMNS = """
            n, [(r:Roadmap)-[:HAS_MEASURE]->(n) | r.id][0] AS roadmap, [(n)-[:CUTS]->(p) | p.id][0] AS process,
            [(n)-[:FLOW_FROM]->(s) | s.id][0] AS sideStream, [(n)-[:FLOW_TO]->(c) | c.id][0] AS consumer""";

    /** From a row with the {@link #COLUMNS}. */
    static Measure from(Record row) {
        Value n = row.get("n");
        Integer lifetime = Values.integer(n, "lifetimeYears");
        Double capex = Values.number(n, "capexEUR");
        Double opex = Values.number(n, "opexEURPerYear");
        return new Measure(n.get("id").asString(), row.get("roadmap").asString(null), Values.name(n), Values.str(n, "kind"),
                n.get("startYear").asInt(0), lifetime == null ? 20 : lifetime, capex == null ? 0 : capex, opex == null ? 0 : opex,
                n.get("status").asString("PLANNED"), row.get("process").asString(null), Values.number(n, "tCO2ePerYear"),
                row.get("sideStream").asString(null), row.get("consumer").asString(null), Values.number(n, "quantity"),
                Values.number(n, "substitutesFactor"), Values.str(n, "transportMode"), Values.number(n, "distanceKm"),
                Values.number(n, "transportFactor"), RecordMeta.of(n));
    }
}
