package org.symbiosiskb.api.translation;

/**
 * A piece of Cypher with named holes, written by a feature as a constant: {@code {p}} the parent record,
 * {@code {c}} the related record a relationship binds, {@code {n}} the record a filter or an expression is
 * about, {@code {o}} the owner a child record is seen through, {@code {v}} the parameter holding a value the
 * client gave, {@code {full}} whether the caller may see {@code {n}}'s figures. The holes are filled with
 * variable and parameter names the translator makes up, never with anything a client sent: what a client
 * sends is always a parameter.
 */
public record Template(String text) {

    private static final String[] HOLES = {"{p}", "{c}", "{n}", "{o}", "{v}", "{full}"};

    public static Template of(String text) {
        return new Template(text);
    }

    String fill(String p, String c, String n, String o, String v, String full) {
        String s = text;
        s = p == null ? s : s.replace("{p}", p);
        s = c == null ? s : s.replace("{c}", c);
        s = n == null ? s : s.replace("{n}", n);
        s = o == null ? s : s.replace("{o}", o);
        s = v == null ? s : s.replace("{v}", v);
        s = full == null ? s : s.replace("{full}", full);
        for (String hole : HOLES) {
            if (s.contains(hole)) {
                throw new IllegalStateException("hole " + hole + " left unfilled in " + text);
            }
        }
        return s;
    }

    /** A relationship's pattern from {@code {p}} to {@code {c}}. */
    String between(String parent, String child) {
        return fill(parent, child, null, null, null, null);
    }

    /** A predicate or expression about the record {@code n}, with its value parameter and owner if any. */
    String about(String n, String owner, String value, String full) {
        return fill(null, null, n, owner, value, full);
    }
}
