package org.symbiosiskb.security;

/** What a key may do (docs/spec/federation-security.md). Anonymous callers have no key and read PUBLIC records only. */
public enum Role {
    ANONYMOUS, READER, EDITOR, ADMIN,
    /** The service importing a peer's records (never a key's role): the only writer of harvested partners. */
    HARVESTER;

    boolean writes() {
        return this == EDITOR || this == ADMIN || this == HARVESTER;
    }
}
