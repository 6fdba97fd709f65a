package org.symbiosiskb.analytics;

import java.util.List;

import org.neo4j.graphdb.Transaction;
import org.symbiosiskb.analytics.Records.EmissionRecord;
import org.symbiosiskb.analytics.Records.Location;

/**
 * What balance, compensation and matching read, with the per-process part from the flow projection: the processes of
 * a park, their emission records, flows and locations, and the flows precedents are found in (the parts that grow with
 * a park or a network: a dense park's 500 processes, 6 records each, the 20,000 flows of one waste code). Sinks,
 * agreements, organizations, needs and network paths are read from the store as {@link CoreFlowGraph} reads them, in
 * the same transaction; so are the records of a process the projection does not hold. The projection is kept current
 * by every commit before the commit returns (FlowProjections), so the answers are the store's.
 */
final class ProjectedKnowledgeGraph extends CoreFlowGraph {

    private final FlowProjection projection;

    ProjectedKnowledgeGraph(FlowProjection projection, Transaction tx) {
        super(tx);
        this.projection = projection;
    }

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
        return projected != null ? projected : super.emissions(process, year);
    }

    @Override
    public List<String> processesInPark(String park) {
        return projection.processesInPark(park);
    }

    @Override
    public Location locationOfProcess(String process) {
        return projection.processExists(process) ? projection.location(process) : super.locationOfProcess(process);
    }

    @Override
    public List<Flow> flowsOfStreamsWithCode(String entry, int year) {
        return projection.flowsOfStreamsWithCode(entry, year);
    }

    @Override
    public List<Flow> flowsOfStreamsWithMaterial(String material, int year) {
        return projection.flowsOfStreamsWithMaterial(material, year);
    }
}
