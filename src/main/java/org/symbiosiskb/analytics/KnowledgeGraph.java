package org.symbiosiskb.analytics;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.symbiosiskb.analytics.Records.Agreement;
import org.symbiosiskb.analytics.Records.EmissionRecord;
import org.symbiosiskb.analytics.Records.Location;
import org.symbiosiskb.analytics.Records.Need;
import org.symbiosiskb.analytics.Records.Sink;
import org.symbiosiskb.analytics.Records.SinkPlace;
import org.symbiosiskb.analytics.Records.Stream;

/** Everything else the balance, compensation and matching read: parks, sinks, agreements, locations, needs. */
public interface KnowledgeGraph extends FlowGraph {

    /** The emission records of the year that count (Counting), all scopes. */
    List<EmissionRecord> emissions(String process, int year);

    boolean exists(String label, String id);

    /** Processes IN_PARK, or without IN_PARK operated by an organization LOCATED_IN the park. */
    List<String> processesInPark(String park);

    /** Sinks IN_PARK. */
    List<Sink> sinksInPark(String park);

    List<Sink> allSinks();

    /**
     * Where the sinks near a point are, without the rest of each: at least every sink {@link Location#kmTo} puts within
     * {@code km} of {@code here}, perhaps a few just beyond, so a caller measures each again; in id order. By default
     * every sink's. Compensation reads a whole sink ({@link #sink}) only when it comes among the nearest.
     */
    default List<SinkPlace> sinkPlacesNear(Location here, double km) {
        return allSinks().stream().map(s -> new SinkPlace(s.id(), s.location())).toList();
    }

    /** The sink with this id, or null when there is none (or only a placeholder). */
    Sink sink(String id);

    List<Agreement> agreementsOnSink(String sink);

    List<Agreement> agreementsOfBuyer(String organization);

    /** Organizations LOCATED_IN the park. */
    List<String> organizationsInPark(String park);

    /** The park an organization is LOCATED_IN, or null. */
    String parkOfOrganization(String organization);

    /** Own location, else its park's. */
    Location locationOfOrganization(String organization);

    /** Own, else the operator's, else the park's (docs/spec/analytics.md). */
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
