package org.symbiosiskb.park;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.symbiosiskb.exchange.RecordService;

/** Parks and networks: reads for GraphQL and other features, writes through the exchange rules. */
@Service
public class ParkService {

    private final ParkRepository parks;
    private final RecordService records;

    ParkService(ParkRepository parks, RecordService records) {
        this.parks = parks;
        this.records = records;
    }

    public Optional<Park> park(String id) {
        return parks.park(id);
    }

    public Optional<Network> network(String id) {
        return parks.network(id);
    }

    public Map<String, List<Park>> parksByIds(Collection<String> ids) {
        return parks.parks(ParkRepository.PARKS_BY_IDS, ids);
    }

    public Map<String, List<Network>> networksByIds(Collection<String> ids) {
        return parks.networks(ParkRepository.NETWORKS_BY_IDS, ids);
    }

    /** The park of each process: IN_PARK, else its operator's park. */
    public Map<String, List<Park>> parksOfProcesses(Collection<String> processIds) {
        return parks.parksOfProcesses(processIds);
    }

    /** The park an organization is LOCATED_IN, or a sink is IN_PARK. */
    public Map<String, List<Park>> parksOf(Collection<String> ids) {
        return parks.parksOf(ids);
    }

    public Map<String, List<Park>> parksCoordinatedBy(Collection<String> organizationIds) {
        return parks.parksCoordinatedBy(organizationIds);
    }

    public Map<String, List<Network>> networksCoordinatedBy(Collection<String> organizationIds) {
        return parks.networksCoordinatedBy(organizationIds);
    }

    Park create(Map<String, Object> input) {
        return parks.park(records.create("parks", input)).orElseThrow();
    }

    Park update(Map<String, Object> input) {
        return parks.park(records.update("parks", input)).orElseThrow();
    }

    Network createNetwork(Map<String, Object> input) {
        return parks.network(records.create("networks", input)).orElseThrow();
    }

    Network updateNetwork(Map<String, Object> input) {
        return parks.network(records.update("networks", input)).orElseThrow();
    }

    boolean delete(String array, String id) {
        return records.delete(array, Map.of("id", id));
    }
}
