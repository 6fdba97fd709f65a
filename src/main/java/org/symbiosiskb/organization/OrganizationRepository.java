package org.symbiosiskb.organization;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.symbiosiskb.graph.Cypher;

/** Cypher for organizations and processes. Relationship reads take many parents at once ({@code $ids}). */
@Component
class OrganizationRepository {

    private static final String ORGANIZATION = " n";
    private static final String PROCESS = " n";


    static final String ORGANIZATION_BY_ID = "MATCH (n:Organization {id: $id}) RETURN " + ORGANIZATION;
    static final String ORGANIZATIONS_BY_IDS = "UNWIND $ids AS key MATCH (n:Organization {id: key}) RETURN key," + ORGANIZATION;

    static final String PROCESS_BY_ID = "MATCH (n:Process {id: $id}) RETURN " + PROCESS;
    static final String PROCESSES_BY_IDS = "UNWIND $ids AS key MATCH (n:Process {id: key}) RETURN key," + PROCESS;

    private final Cypher cypher;

    OrganizationRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    Optional<Organization> organization(String id) {
        return cypher.one(ORGANIZATION_BY_ID, Map.of("id", id), Organization::from);
    }

    Optional<Process> process(String id) {
        return cypher.one(PROCESS_BY_ID, Map.of("id", id), Process::from);
    }

    Map<String, List<Organization>> organizations(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, Organization::from);
    }

    Map<String, List<Process>> processes(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, Process::from);
    }

}
