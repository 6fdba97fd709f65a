package org.symbiosiskb.calculator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.Connection;
import org.symbiosiskb.api.Lists;
import org.symbiosiskb.api.PageRequest;
import org.symbiosiskb.graph.Cypher;

/** Cypher for factor sets, emission factors and activity lines. Relationship reads take many parents at once ({@code $ids}). */
@Component
class CalculatorRepository {

    static final String FACTOR_SET_BY_ID = "MATCH (n:FactorSet {id: $id}) RETURN n";
    private static final String FACTOR_SET_FILTER = """
            MATCH (n:FactorSet) WHERE n.placeholder IS NULL
              AND ($year IS NULL OR n.year = $year)
              AND ($partner IS NULL OR n.id STARTS WITH ($partner + ':'))
              AND ($nameContains IS NULL OR toLower(n.name) CONTAINS toLower($nameContains))
            """;
    static final String FACTOR_SET_PAGE = Lists.pageQuery(FACTOR_SET_FILTER);
    static final String FACTOR_SET_COUNT = Lists.countQuery(FACTOR_SET_FILTER);
    static final String FACTORS_OF_SETS = """
            UNWIND $ids AS key MATCH (:FactorSet {id: key})-[:HAS_FACTOR]->(n:EmissionFactor)
            RETURN key, n ORDER BY n.scope, n.category, n.activity, n.id""";
    static final String FACTORS_BY_IDS = "UNWIND $ids AS key MATCH (n:EmissionFactor {id: key}) RETURN key, n";
    static final String SETS_OF_FACTORS = "UNWIND $ids AS key MATCH (n:FactorSet)-[:HAS_FACTOR]->(:EmissionFactor {id: key}) RETURN key, n";

    private static final String ACTIVITY = """
            RETURN key, n, p.id AS process, [(n)-[:USES_FACTOR]->(f) | f.id][0] AS factor,
                   [(n)-[:MARKET_FACTOR]->(m) | m.id][0] AS marketFactor""";
    static final String ACTIVITIES_OF_PROCESSES = """
            UNWIND $ids AS key MATCH (p:Process {id: key})-[:HAS_ACTIVITY]->(n:Activity)
            WITH key, p, n ORDER BY n.year, n.id
            """ + ACTIVITY;
    static final String ACTIVITIES_BY_IDS = """
            UNWIND $ids AS key MATCH (p:Process)-[:HAS_ACTIVITY]->(n:Activity {id: key})
            """ + ACTIVITY;
    /** The activity lines a calculated record is derived from, by the record's key. */
    static final String ACTIVITIES_OF_RECORDS = """
            UNWIND $ids AS key MATCH (:Emission {id: key})-[:DERIVED_FROM]->(a:Activity)
            RETURN key, a.id AS activity ORDER BY a.id""";

    private final Cypher cypher;

    CalculatorRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    Optional<FactorSet> factorSet(String id) {
        return cypher.one(FACTOR_SET_BY_ID, Map.of("id", id), r -> FactorSet.from(r.get("n")));
    }

    Connection<FactorSet> factorSets(Map<String, Object> filter, PageRequest page) {
        return Lists.page(cypher, FACTOR_SET_PAGE, FACTOR_SET_COUNT, Lists.filter(filter, "year", "partner", "nameContains"), page,
                r -> FactorSet.from(r.get("n")), FactorSet::id);
    }

    Map<String, List<FactorSet>> factorSets(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, r -> FactorSet.from(r.get("n")));
    }

    Map<String, List<EmissionFactor>> factors(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, r -> EmissionFactor.from(r.get("n")));
    }

    Map<String, List<Activity>> activities(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, Activity::from);
    }

    /** Record key → the ids of the activities it is calculated from; unguarded: which of them the caller sees is Disclosure's. */
    Map<String, List<String>> activitiesOfRecords(Collection<String> keys) {
        return cypher.unguarded().grouped(ACTIVITIES_OF_RECORDS, keys, r -> r.get("activity").asString());
    }
}
