package org.symbiosiskb.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 3 of an import: what the document will do. Records already in the graph exactly as the
 * document states them are {@code unchanged} and not written at all. Deleted records that another
 * partner's records still refer to are {@code demoted} to placeholders instead of removed. {@code consents}
 * says which links count: those of the records written, and those of the records the document's consents are about.
 * {@code narrowed}: updated records whose visibility narrowed, with the visibility they had (a harvester that could
 * see them then must drop its copy). {@code tombstones}: whether the partner had any tombstone before this document, so that
 * a record it writes may have one to clear.
 */
record ImportPlan(String partner, List<ExchangeRecord> created, List<ExchangeRecord> updated,
                  List<ExchangeRecord> unchanged, List<ExchangeRecord> deleted,
                  Map<String, Set<String>> placeholders, Set<String> placeholdersInGraph,
                  Set<String> demoted, List<PublishedFootprint> footprints, ConsentPlanner.Plan consents,
                  Map<String, String> narrowed, boolean tombstones) {

    /** Created records whose node does not exist at all yet (not even as a placeholder): nothing to merge or detach. */
    List<ExchangeRecord> fresh() {
        return created.stream().filter(r -> !placeholdersInGraph.contains(r.key())).toList();
    }

    /** Records whose node exists already: updated ones, and placeholders that become whole. */
    List<ExchangeRecord> existing() {
        var all = new ArrayList<>(updated);
        created.stream().filter(r -> placeholdersInGraph.contains(r.key())).forEach(all::add);
        return all;
    }

    List<ExchangeRecord> written() {
        var all = new ArrayList<>(created);
        all.addAll(updated);
        return all;
    }

    ImportResult result() {
        return ImportResult.of(created, updated, unchanged, deleted);
    }
}
