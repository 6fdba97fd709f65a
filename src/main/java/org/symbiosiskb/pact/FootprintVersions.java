package org.symbiosiskb.pact;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.symbiosiskb.graph.Cypher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where footprint versions live: {@code :PactFootprint} nodes in the database (not records: never exported
 * or harvested, and each instance keeps its own history). A version's content never changes; only its status
 * becomes Deprecated, once, when a newer computation of the same subject replaces it or the subject is gone.
 * Kept in the database rather than recomputed on demand because a footprint's id and creation time must
 * survive restarts, and a Deprecated version must still be answered after its figures changed.
 */
@Component
class FootprintVersions {

    static final String ALL = "MATCH (f:PactFootprint) RETURN f";
    static final String CREATE = """
            UNWIND $rows AS row
            CREATE (f:PactFootprint)
            SET f = row""";
    static final String DEPRECATE = """
            UNWIND $ids AS id
            MATCH (f:PactFootprint {id: id}) WHERE f.status = 'Active'
            SET f.status = 'Deprecated', f.deprecatedAt = $now, f.deprecatedIn = $generation""";

    /**
     * One version.
     *
     * @param subject      what it is of: {@code process:<id>@<year>} (computed) or {@code stream:<id>@<year>} (published)
     * @param record       the process or side stream
     * @param digest       SHA-256 of the content: a new computation with another digest is a new version
     * @param generation   the refresh that made it: refreshes are numbered 1, 2, … in the store, so a page link can list
     *                     the versions as they were (those of its generation and before) whatever the clock says
     * @param deprecatedIn the refresh that made it Deprecated, or null
     */
    record Version(String id, String subject, String kind, String record, int year, int version, String status, Instant created,
                   long generation, Long deprecatedIn, String digest, ProductFootprint footprint) {

        boolean active() {
            return ProductFootprint.ACTIVE.equals(status);
        }

        /**
         * The last refresh that changed it: the one that deprecated it, or made it. A refresh that only deprecates
         * (a subject withdrawn) makes no version, yet is a generation of its own: listings from then on show the
         * version Deprecated, and those from before still Active.
         */
        long latestGeneration() {
            return deprecatedIn == null ? generation : Math.max(generation, deprecatedIn);
        }

        /** Its status as of a generation (a page link lists versions as they were when the first page was asked for). */
        String statusIn(long asOf) {
            return deprecatedIn != null && deprecatedIn <= asOf ? ProductFootprint.DEPRECATED : ProductFootprint.ACTIVE;
        }

        /** As GetFootprint shows it: with its status now. */
        ProductFootprint shown() {
            return footprint.withStatus(status);
        }

        /**
         * As a listing of a generation shows it: with the status it had then, the status its filter matched, so that
         * a page link gives the same page however long after it is followed.
         */
        ProductFootprint shownIn(long asOf) {
            return footprint.withStatus(statusIn(asOf));
        }
    }

    private final Cypher cypher;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    FootprintVersions(Cypher cypher, PlatformTransactionManager transactions, JsonMapper json) {
        this.cypher = cypher.unguarded();
        this.transactions = new TransactionTemplate(transactions);
        this.json = json;
    }

    List<Version> all() {
        return cypher.list(ALL, Map.of(), row -> version(row.get("f")));
    }

    /** New versions and the ids that become Deprecated, in one transaction. */
    void write(List<Version> created, List<String> deprecated, long generation, Instant now) {
        var rows = created.stream().map(this::row).toList();
        transactions.executeWithoutResult(status -> {
            if (!deprecated.isEmpty()) {
                cypher.run(DEPRECATE, Map.of("ids", deprecated, "now", now.toString(), "generation", generation));
            }
            for (int i = 0; i < rows.size(); i += 1000) {
                cypher.run(CREATE, Map.of("rows", rows.subList(i, Math.min(rows.size(), i + 1000))));
            }
        });
    }

    private Map<String, Object> row(Version v) {
        var row = new HashMap<String, Object>();
        row.put("id", v.id());
        row.put("subject", v.subject());
        row.put("kind", v.kind());
        row.put("record", v.record());
        row.put("year", v.year());
        row.put("version", v.version());
        row.put("status", v.status());
        row.put("created", v.created().toString());
        row.put("generation", v.generation());
        row.put("digest", v.digest());
        row.put("body", json.writeValueAsString(v.footprint().withStatus(null)));
        return row;
    }

    private Version version(Value f) {
        return new Version(f.get("id").asString(), f.get("subject").asString(), f.get("kind").asString(), f.get("record").asString(),
                f.get("year").asInt(), f.get("version").asInt(), f.get("status").asString(), Instant.parse(f.get("created").asString()),
                f.get("generation").asLong(), f.get("deprecatedIn").isNull() ? null : f.get("deprecatedIn").asLong(), f.get("digest").asString(),
                json.readValue(f.get("body").asString(), ProductFootprint.class));
    }
}
