package org.symbiosiskb.organization;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.Connection;
import org.symbiosiskb.api.Lists;
import org.symbiosiskb.api.PageRequest;
import org.symbiosiskb.graph.Cypher;

/** Cypher for organizations and processes. Relationship reads take many parents at once ({@code $ids}). */
@Component
class OrganizationRepository {

    private static final String ORGANIZATION = " n";
    private static final String PROCESS = " n";


    static final String ORGANIZATION_BY_ID = "MATCH (n:Organization {id: $id}) RETURN " + ORGANIZATION;
    private static final String ORGANIZATION_FILTER = """
            MATCH (n:Organization) WHERE n.placeholder IS NULL
              AND ($park IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Park {id: $park}) })
              AND ($network IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Park)-[:MEMBER_OF]->(:Network {id: $network}) }
                                    OR EXISTS { (n)-[:MEMBER_OF]->(:Network {id: $network}) })
              AND ($kind IS NULL OR n.kind = $kind)
              AND ($role IS NULL OR n.role = $role)
              AND ($nameContains IS NULL OR toLower(n.name) CONTAINS toLower($nameContains))
            """;
    static final String ORGANIZATION_PAGE = Lists.pageQuery(ORGANIZATION_FILTER);
    static final String ORGANIZATION_COUNT = Lists.countQuery(ORGANIZATION_FILTER);

    static final String ORGANIZATIONS_BY_IDS = "UNWIND $ids AS key MATCH (n:Organization {id: key}) RETURN key," + ORGANIZATION;

    static final String PROCESS_BY_ID = "MATCH (n:Process {id: $id}) RETURN " + PROCESS;
    private static final String PROCESS_FILTER = """
            MATCH (n:Process) WHERE n.placeholder IS NULL
              AND ($operator IS NULL OR EXISTS { (n)<-[:OPERATES]-(:Organization {id: $operator}) })
              AND ($park IS NULL OR coalesce(head([(n)-[:IN_PARK]->(p:Park) | p.id]),
                                             head([(n)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(p:Park) | p.id])) = $park)
              AND ($network IS NULL OR EXISTS { (n)-[:IN_PARK]->(:Park)-[:MEMBER_OF]->(:Network {id: $network}) }
                                    OR EXISTS { (n)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(:Park)-[:MEMBER_OF]->(:Network {id: $network}) })
              AND ($nameContains IS NULL OR toLower(n.name) CONTAINS toLower($nameContains))
            """;
    static final String PROCESS_PAGE = Lists.pageQuery(PROCESS_FILTER);
    static final String PROCESS_COUNT = Lists.countQuery(PROCESS_FILTER);

    static final String PROCESSES_BY_IDS = "UNWIND $ids AS key MATCH (n:Process {id: key}) RETURN key," + PROCESS;

    private final Cypher cypher;

    OrganizationRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    Optional<Organization> organization(String id) {
        return cypher.one(ORGANIZATION_BY_ID, Map.of("id", id), Organization::from);
    }

    Connection<Organization> organizations(Map<String, Object> filter, PageRequest page) {
        return Lists.page(cypher, ORGANIZATION_PAGE, ORGANIZATION_COUNT,
                Lists.filter(filter, "park", "network", "kind", "role", "nameContains"), page, Organization::from, Organization::id);
    }

    Optional<Process> process(String id) {
        return cypher.one(PROCESS_BY_ID, Map.of("id", id), Process::from);
    }

    Connection<Process> processes(Map<String, Object> filter, PageRequest page) {
        return Lists.page(cypher, PROCESS_PAGE, PROCESS_COUNT,
                Lists.filter(filter, "park", "operator", "network", "nameContains"), page, Process::from, Process::id);
    }

    Map<String, List<Organization>> organizations(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, Organization::from);
    }

    Map<String, List<Process>> processes(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, Process::from);
    }

}
