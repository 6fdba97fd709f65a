package org.symbiosiskb.compensation;

import java.util.List;

import org.neo4j.driver.Record;

/** The answer of compensationPartners, as kb.compensationPartners computed it. */
record CompensationPlan(String organizationId, int year, double emissions, double contracted, double residual,
                        double uncovered, List<Candidate> candidates, List<String> dependsOn) {

    record Candidate(String sinkId, String ownerId, double distanceKm, double free, double suggestedTonnes,
                     Integer networkHops, List<String> networkPath) {

        Candidate withoutPath() {
            return new Candidate(sinkId, ownerId, distanceKm, free, suggestedTonnes, null, null);
        }
    }

    CompensationPlan withCandidates(List<Candidate> shown) {
        return new CompensationPlan(organizationId, year, emissions, contracted, residual, uncovered, shown, dependsOn);
    }

    static CompensationPlan from(Record r) {
        return new CompensationPlan(r.get("organization").asString(), r.get("year").asInt(), r.get("emissions").asDouble(),
                r.get("contracted").asDouble(), r.get("residual").asDouble(), r.get("uncovered").asDouble(),
                r.get("candidates").asList(c -> new Candidate(c.get("sink").asString(), c.get("owner").asString(null),
                        c.get("distanceKm").asDouble(), c.get("free").asDouble(), c.get("suggestedTonnes").asDouble(),
                        c.get("networkHops").isNull() ? null : c.get("networkHops").asInt(),
                        c.get("networkPath").isNull() ? null : c.get("networkPath").asList(v -> v.asString()))),
                java.util.stream.Stream.concat(r.get("emissionsFrom").asList(v -> v.asString()).stream(),
                        r.get("contractedFrom").asList(v -> v.asString()).stream()).toList());
    }
}
