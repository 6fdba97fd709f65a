package org.symbiosiskb.compensation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.symbiosiskb.graph.Cypher;

/** Cypher for carbon sinks and offset agreements. Relationship reads take many parents at once ({@code $ids}). */
@Component
class CompensationRepository {

    static final String SINK_BY_ID = "MATCH (n:CarbonSink {id: $id}) RETURN n";
    static final String SINKS_BY_IDS = "UNWIND $ids AS key MATCH (n:CarbonSink {id: key}) RETURN key, n";
    static final String SINKS_OF_AGREEMENTS = """
            UNWIND $ids AS key MATCH (:OffsetAgreement {id: key})-[:FROM_SINK]->(n:CarbonSink) RETURN key, n""";

    static final String AGREEMENT_BY_ID = "MATCH (n:OffsetAgreement {id: $id}) RETURN n";
    static final String AGREEMENTS_ON_SINKS = """
            UNWIND $ids AS key MATCH (:CarbonSink {id: key})<-[:FROM_SINK]-(n:OffsetAgreement) RETURN key, n ORDER BY n.id""";

    static final String PARTNERS = "CALL kb.compensationPartners($organizationId, $year, $maxDistanceKm, $first, $excludeSinks)";
    static final String SINK_IDS_OF_AGREEMENTS = """
            UNWIND $ids AS id MATCH (:OffsetAgreement {id: id})-[:FROM_SINK|PROPOSED_FROM_SINK]->(k:CarbonSink) RETURN DISTINCT k.id AS id""";

    private final Cypher cypher;

    CompensationRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    Optional<CarbonSink> sink(String id) {
        return cypher.one(SINK_BY_ID, Map.of("id", id), r -> CarbonSink.from(r.get("n")));
    }

    Optional<OffsetAgreement> agreement(String id) {
        return cypher.one(AGREEMENT_BY_ID, Map.of("id", id), r -> OffsetAgreement.from(r.get("n")));
    }

    Map<String, List<CarbonSink>> sinks(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, r -> CarbonSink.from(r.get("n")));
    }

    CompensationPlan partners(String organizationId, int year, double maxDistanceKm, int first, List<String> excludeSinks) {
        return cypher.one(PARTNERS, Map.of("organizationId", organizationId, "year", year, "maxDistanceKm", maxDistanceKm,
                "first", first, "excludeSinks", excludeSinks), CompensationPlan::from).orElseThrow();
    }

    List<String> sinksOfAgreements(Collection<String> agreementIds) {
        return agreementIds.isEmpty() ? List.of()
                : cypher.unguarded().list(SINK_IDS_OF_AGREEMENTS, Map.of("ids", List.copyOf(agreementIds)), r -> r.get("id").asString());
    }

    Map<String, List<OffsetAgreement>> agreements(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, r -> OffsetAgreement.from(r.get("n")));
    }
}
