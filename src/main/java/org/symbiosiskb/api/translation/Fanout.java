package org.symbiosiskb.api.translation;

import java.util.ArrayList;
import java.util.List;

/**
 * How many records a relationship reaches from one parent, as the query limits estimate it
 * (api.QueryCost): from Neo4j's count store, which answers the number of nodes with a label and of
 * relationships of a type from a label in constant time. A path of several hops multiplies the hops'
 * averages; alternatives (a process is in a park through IN_PARK or through its operator) add up.
 *
 * @param paths alternatives, each a list of hops
 */
public record Fanout(List<List<Hop>> paths) {

    /**
     * One hop: relationships of {@code type} leaving ({@code outgoing}) or entering nodes labelled
     * {@code from}, divided by the number of such nodes. Where several kinds of records share a relationship
     * type (parks and sinks are both IN_PARK), {@code to} counts only those ending at that label.
     */
    public record Hop(String from, String type, boolean outgoing, String to) {
    }

    /** A relationship that reaches at most one record: the estimate is 1. */
    public static final Fanout ONE = new Fanout(List.of());

    /**
     * {@code "Park<-LOCATED_IN"} (entering a Park), {@code "Organization-OPERATES->"} (leaving an Organization),
     * {@code "Park<-IN_PARK-CarbonSink"} (entering a Park from a CarbonSink).
     */
    public static Fanout of(String... hops) {
        var path = new ArrayList<Hop>();
        for (String hop : hops) {
            path.add(hop(hop));
        }
        return new Fanout(List.of(List.copyOf(path)));
    }

    public Fanout or(String... hops) {
        var all = new ArrayList<>(paths);
        all.addAll(of(hops).paths());
        return new Fanout(List.copyOf(all));
    }

    private static Hop hop(String text) {
        var in = java.util.regex.Pattern.compile("(\\w+)<-(\\w+)(?:-(\\w+))?").matcher(text);
        if (in.matches()) {
            return new Hop(in.group(1), in.group(2), false, in.group(3));
        }
        var out = java.util.regex.Pattern.compile("(\\w+)-(\\w+)->(\\w+)?").matcher(text);
        if (out.matches()) {
            return new Hop(out.group(1), out.group(2), true, out.group(3));
        }
        throw new IllegalArgumentException("a hop is Label<-TYPE[-Label] or Label-TYPE->[Label], not " + text);
    }
}
