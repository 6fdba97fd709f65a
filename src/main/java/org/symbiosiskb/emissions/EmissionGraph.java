package org.symbiosiskb.emissions;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.symbiosiskb.analytics.Counting;
import org.symbiosiskb.api.translation.Fanout;
import org.symbiosiskb.api.translation.GraphTypeContributor;
import org.symbiosiskb.api.translation.GraphTypes;

/**
 * emissions.graphqls in Cypher: a process's emission records, seen no better than their process. Whether a
 * record counts is decided by analytics.Counting from the provenance kinds of its process's records of the
 * same year and scope (kinds only, no figures), read in the same statement.
 */
@Component
class EmissionGraph implements GraphTypeContributor {

    private static final String KINDS = "[({o})-[:REPORTED]->(m:Emission) WHERE m.year = {n}.year AND m.scope = {n}.scope | m.provenance]";

    @Override
    public void contribute(GraphTypes.Builder types) {
        types.type("Emission").label("Emission").owned("MATCH ({o}:Process)-[:REPORTED]->({n})")
                .keyOf(e -> ((Emission) e).id())
                .records(Map.of("n", "{n}", "process", "{o}.id", "kinds", KINDS), Emission::from)
                .properties("year", "scope", "tCO2e", "category", "source", "biogenicCO2", "notes", "updatedAt")
                .expression("visibility", "coalesce({n}.visibility, 'NETWORK')", false, null)
                .expression("provenance", "{kind: {n}.provenance, source: {n}.provenanceSource, method: {n}.provenanceMethod}", false,
                        p -> {
                            var m = (Map<?, ?>) p;
                            return new Emission.Provenance(Counting.kind((String) m.get("kind")), (String) m.get("source"), (String) m.get("method"));
                        })
                .expression("counted", "[{n}.provenance, " + KINDS + "]", false, k -> {
                    var kinds = (List<?>) k;
                    @SuppressWarnings("unchecked")
                    var ofItsScope = (List<String>) kinds.get(1);
                    return Counting.counts((String) kinds.get(0), ofItsScope);
                })
                .one("process", "Process", "MATCH ({c}:Process)-[:REPORTED]->({p})");

        types.type("Process").children("emissions", "Emission", "MATCH ({p})-[:REPORTED]->({c}:Emission)",
                "{c}.year, {c}.scope, {c}.category, {c}.source, {c}.provenance", Map.of(), Fanout.of("Process-REPORTED->"));
    }
}
