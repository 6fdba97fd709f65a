package org.symbiosiskb.graph;

/**
 * The visibility rule as Cypher predicates, for statements that must apply it in the database: paged lists
 * and their counts (a page cut before the rule would be short), and answers whose records come back as
 * nested maps rather than nodes (the row guard sees nodes; a map projection of a node is already past it).
 * Implemented by the security feature beside its Java form (security.Caller#access), so the rule has one
 * home in each language. Predicates use the row guard's parameters ({@link RowGuard#parameters()}).
 */
public interface VisibilityRule {

    /** True when the caller may see the record bound to {@code record} at all; otherwise it is left out. */
    String seen(String record);

    /** True when the caller may see the record's figures (else it is shown by name: {@link #shownByName}). */
    String full(String record);

    /**
     * For a record that belongs to another and carries its figures (an emission record, a release of a process):
     * true when the caller may see it in full, which is no better than it may see its {@code owner}. Such records
     * are shown in full or not at all.
     */
    String fullWithOwner(String record, String owner);

    /** Whether a property stays when the record is seen only by name: its identity and descriptive fields. */
    boolean shownByName(String property);

    /** Statements run without a caller's rules (the service's own work) see everything. */
    VisibilityRule EVERYTHING = new VisibilityRule() {
        @Override
        public String seen(String record) {
            return "true";
        }

        @Override
        public String full(String record) {
            return "true";
        }

        @Override
        public String fullWithOwner(String record, String owner) {
            return "true";
        }

        @Override
        public boolean shownByName(String property) {
            return true;
        }
    };
}
