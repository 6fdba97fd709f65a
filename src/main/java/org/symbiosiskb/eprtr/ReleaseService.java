package org.symbiosiskb.eprtr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.symbiosiskb.exchange.RecordService;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.security.CypherVisibility;

/** Releases: read per process with filters, written through the exchange rules. */
@Service
public class ReleaseService {

    /** What one {@code Process.releases(year, pollutant, medium)} field asks. */
    record Query(String process, Integer year, String pollutant, String medium) {

        Map<String, Object> parameters(int index) {
            var m = new HashMap<String, Object>();
            m.put("index", index);
            m.put("process", process);
            m.put("year", year);
            m.put("pollutant", pollutant);
            m.put("medium", medium);
            return m;
        }
    }

    /** Every field of one level in one statement, whatever their filters. */
    static final String RELEASES = """
            UNWIND $queries AS q
            MATCH (p:Process {id: q.process})-[:RELEASED]->(n:Release)
            WHERE (q.year IS NULL OR n.year = q.year) AND (q.pollutant IS NULL OR n.pollutant = q.pollutant)
              AND (q.medium IS NULL OR n.medium = q.medium)
            WITH q, p, n""" + CypherVisibility.OWNED_SHOWN + """
            RETURN q.index AS index, n, p.id AS process ORDER BY n.year, n.medium, n.pollutant""";
    static final String RELEASE_BY_KEY = """
            MATCH (p:Process)-[:RELEASED]->(n:Release {id: $key})""" + CypherVisibility.OWNED_SHOWN + " RETURN n, p.id AS process";

    private final Cypher cypher;
    private final RecordService records;

    ReleaseService(Cypher cypher, RecordService records) {
        this.cypher = cypher;
        this.records = records;
    }

    Map<Query, List<Release>> releases(Collection<Query> queries) {
        var list = List.copyOf(queries);
        var params = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < list.size(); i++) {
            params.add(list.get(i).parameters(i));
        }
        var result = new HashMap<Query, List<Release>>();
        list.forEach(q -> result.put(q, new ArrayList<>()));
        cypher.list(RELEASES, Map.of("queries", params), row -> {
            result.get(list.get(row.get("index").asInt())).add(Release.from(row));
            return Boolean.TRUE;
        });
        return result;
    }

    Release set(Map<String, Object> input) {
        String key = records.put("releases", input);
        return cypher.one(RELEASE_BY_KEY, Map.of("key", key), Release::from).orElseThrow();
    }

    boolean delete(Map<String, Object> key) {
        return records.delete("releases", key);
    }
}
