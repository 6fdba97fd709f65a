package org.symbiosiskb.graph;

import org.springframework.core.Ordered;

/** Data loaded at every start once the schema is in place; must be idempotent. Runs in {@link #getOrder()} order. */
public interface StartupData extends Ordered {

    void load();
}
