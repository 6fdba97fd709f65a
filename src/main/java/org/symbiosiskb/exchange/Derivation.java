package org.symbiosiskb.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.symbiosiskb.api.Problem;

/**
 * Records the service derives from what an import writes, in the import's own transaction, so that no reader
 * ever sees the records without what is derived from them (the calculator's emission records, derived from
 * activities and emission factors). Every write path (the exchange import, the mutations, harvesting,
 * scenarios) runs through the planner and the writer, which call each implementation; exchange depends on
 * none of them (as security.Writes.HarvestedPartners). A derived node carries {@link #DERIVED}{@code : true}:
 * it is not exchanged (each instance derives it from the records it holds) and no document may state it.
 */
public interface Derivation {

    /** The property that marks a derived node. */
    String DERIVED = "derived";

    /**
     * One record a document writes or deletes, as the pipeline sees it: its array, key, canonical fields (strings,
     * Double, Long, sorted id lists), whether it is a deletion, and its JSON pointer for problems.
     */
    record Item(String array, String key, Map<String, Object> fields, boolean deleted, String pointer) {

        public String string(String field) {
            return fields.get(field) instanceof String s ? s : null;
        }
    }

    /**
     * The checks of the document that need the graph, while the import is planned (so a dry run refuses what the
     * write refuses). Problems are added, nothing is written.
     *
     * @param harvesting a peer's records pulled by federation: their references may name records not here yet
     */
    void check(List<Item> items, boolean harvesting, List<Problem> problems);

    /**
     * What derived data these records touch, as opaque keys, as the graph holds them now: the writer asks before
     * and after it writes, so that what a record touched before a change is derived again too.
     */
    Set<String> touched(List<Item> items);

    /** Derives the touched data again, after the write, in its transaction. */
    void derive(Set<String> touched);
}
