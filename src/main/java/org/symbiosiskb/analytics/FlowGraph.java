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
 * What the algorithms read: flows and emissions of processes, by process id. Every method answers
 * for one year; "active" as analytics.md defines it.
 */
public interface FlowGraph {

    boolean processExists(String process);

    /** Active flows into the process in the year. */
    List<Flow> flowsInto(String process, int year);

    /** Active flows out of the process's side streams in the year. */
    List<Flow> flowsOutOf(String process, int year);

    /** E(p): scope 1 + scope 2 emissions of the year. */
    double directEmissions(String process, int year);

    /** The process's outputTonnes, or null. */
    Double outputTonnes(String process);

    /** Every emission record of the year, all scopes. */
    List<EmissionRecord> emissions(String process, int year);

    boolean exists(String label, String id);

    /** Processes IN_PARK, or without IN_PARK operated by an organization LOCATED_IN the park. */
    List<String> processesInPark(String park);

    /** Sinks IN_PARK. */
    List<Sink> sinksInPark(String park);

    List<Sink> allSinks();

    List<Agreement> agreementsOnSink(String sink);

    List<Agreement> agreementsOfBuyer(String organization);

    /** Organizations LOCATED_IN the park. */
    List<String> organizationsInPark(String park);

    /** The park an organization is LOCATED_IN, or null. */
    String parkOfOrganization(String organization);

    /** Own location, else its park's. */
    Location locationOfOrganization(String organization);

    /** Own, else the operator's, else the park's (analytics.md). */
    Location locationOfProcess(String process);

    List<String> processesOperatedBy(String organization);

    String operatorOf(String process);

    Stream sideStream(String id);

    List<Need> allNeeds();

    /** Active flows (in the year) of side streams whose code is {@code entry}, with or without the hazard mark. */
    List<Flow> flowsOfStreamsWithCode(String entry, int year);

    /** Active flows of side streams with this material (trimmed, case-insensitive) and no waste code. */
    List<Flow> flowsOfStreamsWithMaterial(String material, int year);

    /**
     * For each target reachable within maxHops (relationships in either direction, through
     * networks, parks, organizations, processes, side streams, sinks and agreements), the ids
     * along one shortest path, {@code from} first.
     */
    Map<String, List<String>> shortestPaths(String from, Set<String> targets, int maxHops);
}
