package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The counting rule, the one place it lives (issue 12): for a process, year and scope, the records
 * of the best provenance present count: REPORTED, else CALCULATED, else ILLUSTRATIVE (a record
 * without provenance is ILLUSTRATIVE). The others are kept and shown beside, never added, so a
 * reported figure and the assumed one it replaces are not counted twice. Traces, balances,
 * compensation, roadmaps and the GraphQL {@code Emission.counted} all ask here.
 */
public final class Counting {

    /** Best first. */
    public static final List<String> ORDER = List.of("REPORTED", "CALCULATED", "ILLUSTRATIVE");

    private Counting() {
    }

    /** The kind a stored provenance property stands for: absent is ILLUSTRATIVE. */
    public static String kind(String stored) {
        return stored == null || !ORDER.contains(stored) ? "ILLUSTRATIVE" : stored;
    }

    private static int rank(String stored) {
        return ORDER.indexOf(kind(stored));
    }

    /** The best kind among these (the kinds of one process's records of one year and scope). */
    public static String best(Collection<String> kinds) {
        String best = "ILLUSTRATIVE";
        for (String k : kinds) {
            if (rank(k) < rank(best)) {
                best = kind(k);
            }
        }
        return best;
    }

    /** Whether a record of this kind counts beside records of these kinds (its own included) of the same process, year and scope. */
    public static boolean counts(String kind, Collection<String> kindsOfItsScope) {
        return kind(kind).equals(best(kindsOfItsScope));
    }

    /** The records that count, out of one process's records of one year (any scopes), in their order. */
    public static <T> List<T> counted(List<T> records, ToIntFunction<T> scope, Function<T, String> kind) {
        var best = new HashMap<Integer, Integer>();
        for (T r : records) {
            best.merge(scope.applyAsInt(r), rank(kind.apply(r)), Math::min);
        }
        var result = new ArrayList<T>(records.size());
        for (T r : records) {
            if (rank(kind.apply(r)) == best.get(scope.applyAsInt(r))) {
                result.add(r);
            }
        }
        return result;
    }
}
