package org.symbiosiskb.calculator;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import org.symbiosiskb.analytics.Ghg;
import org.symbiosiskb.graph.Cypher;

/**
 * Activity lines as the calculation needs them (analytics.Ghg.Activity), read with Cypher for the write path and
 * for the derivation of a calculated record. Unguarded: what a caller may see of them is Disclosure's to decide.
 */
@Component
class ActivityLines {

    private static final String LINE = """
            OPTIONAL MATCH (a)-[:USES_FACTOR]->(f:EmissionFactor)
            OPTIONAL MATCH (fs:FactorSet)-[:HAS_FACTOR]->(f)
            OPTIONAL MATCH (a)-[:MARKET_FACTOR]->(m:EmissionFactor)
            OPTIONAL MATCH (ms:FactorSet)-[:HAS_FACTOR]->(m)
            RETURN p.id AS process, a, f, fs.name AS setName, fs.year AS setYear, m, ms.name AS marketSetName, ms.year AS marketSetYear
            ORDER BY p.id, a.id""";
    /** Every activity line of these processes in these years ({@code $pairs}: [{process, year}]). */
    static final String OF_PROCESS_YEARS = """
            UNWIND $pairs AS pair
            MATCH (p:Process {id: pair.process})-[:HAS_ACTIVITY]->(a:Activity) WHERE a.year = pair.year
            """ + LINE;
    static final String BY_IDS = """
            UNWIND $ids AS id
            MATCH (p:Process)-[:HAS_ACTIVITY]->(a:Activity {id: id})
            """ + LINE;

    private final Cypher cypher;

    ActivityLines(Cypher cypher) {
        this.cypher = cypher.unguarded();
    }

    /** @param pairs {process, year} maps */
    List<Ghg.Activity> ofProcessYears(List<Map<String, Object>> pairs) {
        return pairs.isEmpty() ? List.of() : cypher.list(OF_PROCESS_YEARS, Map.of("pairs", pairs), ActivityLines::activity);
    }

    List<Ghg.Activity> byIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : cypher.list(BY_IDS, Map.of("ids", List.copyOf(ids)), ActivityLines::activity);
    }

    private static Ghg.Activity activity(Record row) {
        Value a = row.get("a");
        return Ghg.Activity.read(a.get("id").asString(), row.get("process").asString(), a.get("year").asInt(),
                a.get("quantity").asDouble(), a.get("unit").asString(),
                factor(row.get("f"), row.get("setName"), row.get("setYear")),
                factor(row.get("m"), row.get("marketSetName"), row.get("marketSetYear")), a.get("visibility").asString(null));
    }

    /** Null for no factor, and for a placeholder (another partner's factor whose data is not here). */
    static Ghg.Factor factor(Value f, Value setName, Value setYear) {
        if (f == null || f.isNull() || f.get("tCO2ePerUnit").isNull()) {
            return null;
        }
        return new Ghg.Factor(f.get("id").asString(), f.get("activity").asString(null), f.get("unit").asString(),
                f.get("tCO2ePerUnit").asDouble(), f.get("scope").asInt(),
                f.get("category").isNull() ? null : f.get("category").asInt(),
                f.get("biogenicCO2PerUnit").isNull() ? null : f.get("biogenicCO2PerUnit").asDouble(),
                setName.asString(null), setYear.isNull() ? null : setYear.asLong(), f.get("visibility").asString(null));
    }
}
