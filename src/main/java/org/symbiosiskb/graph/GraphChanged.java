package org.symbiosiskb.graph;

/**
 * Published (as a Spring application event) by every write of records inside its transaction: the
 * import, the mutations and harvesting all write through one writer. Listeners that derive something
 * from the graph (the PACT host's footprint versions) listen with
 * {@code @TransactionalEventListener}, so they hear of committed writes only: a dry run or a scenario,
 * whose transaction is rolled back, changes nothing they see.
 *
 * @param partner the partner whose document or record was written
 */
public record GraphChanged(String partner) {
}
