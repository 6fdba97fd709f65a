package org.symbiosiskb.analytics;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.symbiosiskb.analytics.Records.Agreement;
import org.symbiosiskb.analytics.Records.EmissionRecord;
import org.symbiosiskb.analytics.Records.Location;
import org.symbiosiskb.analytics.Records.Need;
import org.symbiosiskb.analytics.Records.Sink;
import org.symbiosiskb.analytics.Records.Stream;

/**
 * What balance, compensation and matching read, with the per-process part from the flow projection: the processes of
 * a park, their emission records, flows and locations, and the flows precedents are found in (the parts that grow with
 * a park or a network: a dense park's 500 processes, 6 records each, the 20,000 flows of one waste code). Sinks,
 * agreements, organizations, needs and network paths are read from the store, in the same transaction; so is any
 * process the projection does not hold. The projection is kept current by every commit before the commit returns
 * (FlowProjections), so the answers are the store's.
 */
final class ProjectedKnowledgeGraph implements KnowledgeGraph {

    private final FlowProjection projection;
    private final CoreFlowGraph store;

    ProjectedKnowledgeGraph(FlowProjection projection, CoreFlowGraph store) {
        this.projection = projection;
        this.store = store;
    }

    // ---- from the projection ----

    @Override
    public boolean processExists(String process) {
        return projection.processExists(process);
    }

    @Override
    public List<Flow> flowsInto(String process, int year) {
        return projection.flowsInto(process, year);
    }

    @Override
    public List<Flow> flowsOutOf(String process, int year) {
        return projection.flowsOutOf(process, year);
    }

    @Override
    public double directEmissions(String process, int year) {
        return projection.directEmissions(process, year);
    }

    @Override
    public Parts parts(String process, int year) {
        return projection.parts(process, year);
    }

    @Override
    public Double outputTonnes(String process) {
        return projection.outputTonnes(process);
    }

    @Override
    public List<EmissionRecord> emissions(String process, int year) {
        List<EmissionRecord> projected = projection.emissions(process, year);
        return projected != null ? projected : store.emissions(process, year);
    }

    @Override
    public List<String> processesInPark(String park) {
        return projection.processesInPark(park);
    }

    @Override
    public Location locationOfProcess(String process) {
        return projection.processExists(process) ? projection.location(process) : store.locationOfProcess(process);
    }

    @Override
    public List<Flow> flowsOfStreamsWithCode(String entry, int year) {
        return projection.flowsOfStreamsWithCode(entry, year);
    }

    @Override
    public List<Flow> flowsOfStreamsWithMaterial(String material, int year) {
        return projection.flowsOfStreamsWithMaterial(material, year);
    }

    // ---- from the store ----

    @Override
    public boolean exists(String label, String id) {
        return store.exists(label, id);
    }

    @Override
    public List<Sink> sinksInPark(String park) {
        return store.sinksInPark(park);
    }

    @Override
    public List<Sink> allSinks() {
        return store.allSinks();
    }

    @Override
    public List<Agreement> agreementsOnSink(String sink) {
        return store.agreementsOnSink(sink);
    }

    @Override
    public List<Agreement> agreementsOfBuyer(String organization) {
        return store.agreementsOfBuyer(organization);
    }

    @Override
    public List<String> organizationsInPark(String park) {
        return store.organizationsInPark(park);
    }

    @Override
    public String parkOfOrganization(String organization) {
        return store.parkOfOrganization(organization);
    }

    @Override
    public Location locationOfOrganization(String organization) {
        return store.locationOfOrganization(organization);
    }

    @Override
    public List<String> processesOperatedBy(String organization) {
        return store.processesOperatedBy(organization);
    }

    @Override
    public String operatorOf(String process) {
        return store.operatorOf(process);
    }

    @Override
    public Stream sideStream(String id) {
        return store.sideStream(id);
    }

    @Override
    public List<Need> allNeeds() {
        return store.allNeeds();
    }

    @Override
    public Map<String, List<String>> shortestPaths(String from, Set<String> targets, int maxHops) {
        return store.shortestPaths(from, targets, maxHops);
    }
}
