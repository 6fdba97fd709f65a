package org.symbiosiskb.compensation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.Connection;
import org.symbiosiskb.api.Lists;
import org.symbiosiskb.api.PageRequest;
import org.symbiosiskb.graph.Cypher;

/** Cypher for carbon sinks and offset agreements. Relationship reads take many parents at once ({@code $ids}). */
@Component
class CompensationRepository {

    static final String SINK_BY_ID = "MATCH (n:CarbonSink {id: $id}) RETURN n";
    private static final String SINK_FILTER = """
            MATCH (n:CarbonSink) WHERE n.placeholder IS NULL
              AND ($park IS NULL OR EXISTS { (n)-[:IN_PARK]->(:Park {id: $park}) })
              AND ($owner IS NULL OR EXISTS { (n)<-[:OWNS]-(:Organization {id: $owner}) })
              AND ($kind IS NULL OR n.kind = $kind)
              AND ($nameContains IS NULL OR toLower(n.name) CONTAINS toLower($nameContains))
            """;
    static final String SINK_PAGE = Lists.pageQuery(SINK_FILTER);
    static final String SINK_COUNT = Lists.countQuery(SINK_FILTER);
    static final String SINKS_BY_IDS = "UNWIND $ids AS key MATCH (n:CarbonSink {id: key}) RETURN key, n";
    static final String SINKS_OF_AGREEMENTS = """
            UNWIND $ids AS key MATCH (:OffsetAgreement {id: key})-[:FROM_SINK]->(n:CarbonSink) RETURN key, n""";

    static final String AGREEMENT_BY_ID = "MATCH (n:OffsetAgreement {id: $id}) RETURN n";
    private static final String AGREEMENT_FILTER = """
            MATCH (n:OffsetAgreement) WHERE n.placeholder IS NULL
              AND ($buyer IS NULL OR EXISTS { (n)-[:BUYER]->(:Organization {id: $buyer}) })
              AND ($sink IS NULL OR EXISTS { (n)-[:FROM_SINK]->(:CarbonSink {id: $sink}) })
              AND ($status IS NULL OR coalesce(n.effectiveStatus, n.status) = $status)
            """;
    static final String AGREEMENT_PAGE = Lists.pageQuery(AGREEMENT_FILTER);
    static final String AGREEMENT_COUNT = Lists.countQuery(AGREEMENT_FILTER);
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

    Connection<CarbonSink> sinks(Map<String, Object> filter, PageRequest page) {
        return Lists.page(cypher, SINK_PAGE, SINK_COUNT, Lists.filter(filter, "park", "owner", "kind", "nameContains"),
                page, r -> CarbonSink.from(r.get("n")), CarbonSink::id);
    }

    Optional<OffsetAgreement> agreement(String id) {
        return cypher.one(AGREEMENT_BY_ID, Map.of("id", id), r -> OffsetAgreement.from(r.get("n")));
    }

    Connection<OffsetAgreement> agreements(Map<String, Object> filter, PageRequest page) {
        return Lists.page(cypher, AGREEMENT_PAGE, AGREEMENT_COUNT, Lists.filter(filter, "buyer", "sink", "status"),
                page, r -> OffsetAgreement.from(r.get("n")), OffsetAgreement::id);
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
