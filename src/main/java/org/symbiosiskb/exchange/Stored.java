package org.symbiosiskb.exchange;

import java.util.Map;
import java.util.Set;

/**
 * What an import's lookup of every id its document names found in the store, and what follows from it: which of the
 * document's records the store may hold. Change detection and the capacity rules read back only those, so a
 * document of new records is checked against the store with the lookup alone (ImportPlanner).
 *
 * @param named        the ids the lookup asked for
 * @param labels       those the store holds, placeholders too, with their labels
 * @param placeholders those the store holds as placeholders only
 * @param namedFlows   the flow ids the lookup asked for
 * @param flows        those the store holds (a flow is found by its id, whatever its ends)
 * @param tombstones   whether the document's partner has any tombstone, so that a record it writes may have one to clear
 */
record Stored(Set<String> named, Map<String, String> labels, Set<String> placeholders, Set<String> namedFlows, Set<String> flows,
              boolean tombstones) {

    /** In the store, if only as a placeholder; an id the lookup did not ask for may be. */
    boolean mayHold(String id) {
        return !named.contains(id) || labels.containsKey(id);
    }

    /**
     * A record with an id: if that id is a record in the store, not a placeholder (which is no record yet). An
     * emission, a release or a target: if its owner is there, since its key names the owner and deleting the owner
     * deletes it ({@link GraphWriter#DELETE_NODES}). A flow: if the lookup found its id, or did not ask for it (a flow
     * keeps its id when it moves to other ends, so its ends say nothing). A consent: always.
     */
    boolean mayHold(ExchangeRecord r) {
        RecordType type = r.type();
        if (type.isFlow()) {
            return !namedFlows.contains(r.key()) || flows.contains(r.key());
        }
        if (type == RecordTypes.CONSENTS) {
            return true;
        }
        if (type.keyedById()) {
            return mayHold(r.key()) && !placeholders.contains(r.key());
        }
        return mayHold(r.string(type.ownerField()));
    }
}
