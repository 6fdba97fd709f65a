package org.symbiosiskb.exchange;

/**
 * What a long import tells its caller while it runs (the E-PRTR upload streams it to the command
 * line): real counts from the pipeline, not estimates. Called on the importing thread, inside the
 * import's transaction; nothing is committed before the import returns.
 */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
    };

    /** The document was checked against the graph: what the import will create, update, leave unchanged and delete. */
    default void planned(ImportResult plan) {
    }

    /** Records whose properties have been written in the transaction so far, of all that are created or updated. */
    default void written(int records, int total) {
    }
}
