package org.symbiosiskb.api.translation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.symbiosiskb.api.BadRequestException;
import org.symbiosiskb.api.Cursors;
import org.symbiosiskb.api.PageRequest;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.graph.VisibilityRule;

/**
 * Turns a GraphQL selection into one Cypher statement, the way {@code @neo4j/graphql} does: every record is
 * projected as a map of the fields asked, every relationship field as a {@code COLLECT} subquery inside its
 * parent's projection, with its filters, order, page and count. The visibility rule is part of every
 * subquery ({@link VisibilityRule}): a record the caller may not see is not matched, so pages and counts
 * agree, and a record seen by name projects its figures as null.
 *
 * <p>Variables ({@code n0, n1, …}) and parameters ({@code $p0, $p1, …}) are numbered in the order of the
 * selection, so the same selection gives the same text and Neo4j plans it once; whatever a client sends
 * (ids, filter values, page sizes, cursors) is a parameter, and aliases never reach the Cypher text.
 */
final class Translator {

    private final GraphTypes types;
    private final Paging paging;

    Translator(GraphTypes types, Paging paging) {
        this.types = types;
        this.paging = paging;
    }

    /** What a subquery gives its parent: an expression and how to read its value. */
    private record Built(String expr, Shape.Slot slot, boolean needsFull) {
    }

    /** One statement's variables and parameters. */
    private static final class Build {
        final VisibilityRule rule;
        final Map<String, Object> params = new HashMap<>();
        int vars;

        Build(VisibilityRule rule) {
            this.rule = rule;
        }

        String var() {
            return "n" + vars++;
        }

        String param(Object value) {
            String name = "p" + params.size();
            params.put(name, value);
            return "$" + name;
        }
    }

    // ---- statements ----

    /** The statement answering a {@code Query} field the registry starts. */
    Statement root(GraphTypes.Root root, Map<String, Object> arguments, DataFetchingFieldSelectionSet selection, VisibilityRule rule) {
        var b = new Build(rule);
        NodeType t = types.type(root.type());
        return switch (root) {
            case GraphTypes.Lookup lookup -> {
                String n = b.var();
                String o = t.kind == NodeType.Kind.OWNED ? n + "o" : null;
                Object key = arguments.get(lookup.argument());
                String clause = "WITH " + b.param(key) + " AS k0 " + t.lookup.about(n, null, "k0", null);
                var where = new ArrayList<String>(List.of(lookup.where().about(n, null, null, rule.full(n))));
                var built = records(b, t, clause, n, o, false, where, null, null, selection, false);
                yield new Statement(built.expr() + " AS value", b.params, ((Shape.Many) built.slot()).level());
            }
            case GraphTypes.ListRoot list -> {
                String n = b.var();
                var where = new ArrayList<String>(List.of(list.where().about(n, null, null, rule.full(n))));
                var start = start(b, t, n, arguments);
                arguments(b, t, list.arguments(), start.arguments(), n, null, where);
                var built = records(b, t, start.clause(), n, null, false, where, t.order, null, selection, true);
                yield new Statement("RETURN " + built.expr() + " AS value", b.params, built.slot());
            }
            case GraphTypes.ConnectionRoot connection -> {
                String n = b.var();
                var start = start(b, t, n, arguments);
                var where = new ArrayList<String>();
                if (connection.referenced() && !t.filterLeavesOutPlaceholders(start.arguments())) {
                    where.add(NOT_PLACEHOLDER.about(n, null, null, null));
                }
                var built = connection(b, t, start.clause(), n, null, false, where, start.arguments(), selection, probes(t, start));
                yield new Statement("RETURN " + built.expr() + " AS value", b.params, built.slot());
            }
        };
    }

    /**
     * The statement answering one field of records the feature gave (a mutation's answer, an analytics answer's
     * process, a federation lookup): {@code $keys} in, one row per key with {@code key} and {@code value}.
     */
    Statement ofRecords(NodeType t, String field, Map<String, Object> arguments, DataFetchingFieldSelectionSet selection, VisibilityRule rule) {
        var b = new Build(rule);
        String n = b.var();
        String o = t.kind == NodeType.Kind.OWNED ? n + "o" : null;
        Field f = t.fields.get(field);
        var built = field(b, t, n, o, field, f, arguments, selection);
        var q = new StringBuilder("UNWIND $keys AS k0 ").append(t.lookup.about(n, null, "k0", null));
        if (o != null) {
            q.append(' ').append(t.owner.about(n, o, null, null));
        }
        q.append(" WITH k0, ").append(n).append(o == null ? "" : ", " + o);
        if (built.needsFull()) {
            q.append(", ").append(fullOf(b, t, n, o)).append(" AS ").append(n).append("_f");
        }
        q.append(" RETURN k0 AS key, ").append(built.expr()).append(" AS value");
        return new Statement(q.toString(), b.params, built.slot());
    }

    // ---- records and fields ----

    /** Where a root list starts (every record of its label, or a filter's pattern), and the arguments left to filter what it reaches. */
    private record Start(String clause, Map<String, Object> arguments, boolean byLabel) {
    }

    /**
     * Where a root list starts: from the pattern of the first filter given that has one ({@link NodeType.Builder#filter(String,
     * String, String)}), else from every record of its label. A filter the list starts from is not asked again of each
     * record: its pattern binds only the records its predicate holds for.
     */
    private static Start start(Build b, NodeType t, String n, Map<String, Object> arguments) {
        if (arguments.get("filter") instanceof Map<?, ?> filter) {
            for (var seed : t.seeds.entrySet()) {
                Object v = filter.get(seed.getKey());
                if (v != null) {
                    var rest = new HashMap<Object, Object>(filter);
                    rest.remove(seed.getKey());
                    var left = new HashMap<>(arguments);
                    left.put("filter", rest);
                    return new Start(seed.getValue().about(n, null, b.param(v), null), left, false);
                }
            }
        }
        return new Start(scan(t, n), arguments, true);
    }

    private static String scan(NodeType t, String n) {
        if (t.scan == null) {
            throw new IllegalStateException(t.name + " has no label to list");
        }
        return t.scan.between(null, n);
    }

    /**
     * The records {@code clause} binds to {@code c}, seen by the caller, filtered by {@code where}, in
     * {@code order}, at most {@code limit}, each projected as {@code selection} asks: a {@code COLLECT}
     * subquery (a list), or for a root lookup the query itself.
     */
    private Built records(Build b, NodeType t, String clause, String c, String o, boolean ownerBound, List<String> where, Template order,
                          String limit, DataFetchingFieldSelectionSet selection, boolean subquery) {
        var projected = project(b, t, c, o, selection);
        String body = body(b, t, clause, c, o, ownerBound, where, order, limit, projected.expr(), projected.needsFull());
        Shape.Level level = (Shape.Level) projected.slot();
        return new Built(subquery ? "COLLECT { " + body + " }" : body, new Shape.Many(level), false);
    }

    private String body(Build b, NodeType t, String clause, String c, String o, boolean ownerBound, List<String> where, Template order,
                        String limit, String projection, boolean needsFull) {
        var q = new StringBuilder(clause);
        String carried = c;
        if (o != null && !ownerBound) {
            q.append(' ').append(t.owner.about(c, o, null, null));
        }
        if (o != null) {
            carried = c + ", " + o;
        }
        var all = new ArrayList<String>();
        String seen = seen(b, t, c, o);
        if (seen != null) {
            all.add(seen);
        }
        all.addAll(where);
        if (!all.isEmpty()) {
            q.append(" WITH ").append(carried).append(" WHERE ").append(String.join(" AND ", all));
        }
        q.append(" WITH ").append(carried);
        if (order != null) {
            q.append(" ORDER BY ").append(order.fill(null, c, c, o, null, null));
        }
        if (limit != null) {
            q.append(" LIMIT ").append(limit);
        }
        if (needsFull) {
            // after the page is cut: whether the caller sees a record's figures is asked of the records shown only
            q.append(" WITH ").append(carried).append(", ").append(fullOf(b, t, c, o)).append(" AS ").append(c).append("_f");
        }
        return q.append(" RETURN ").append(projection).toString();
    }

    /** The predicate leaving out what the caller may not see at all (null: reference data). */
    private static String seen(Build b, NodeType t, String c, String o) {
        return switch (t.kind) {
            case RECORD -> b.rule.seen(c);
            case OWNED -> b.rule.fullWithOwner(c, o);
            case REFERENCE -> null;
        };
    }

    private static String fullOf(Build b, NodeType t, String c, String o) {
        return t.kind == NodeType.Kind.RECORD ? b.rule.full(c) : "true";
    }

    /**
     * A record as a list of the fields asked, in the order of its level's entries (its key first, for cursors and the
     * feature's record; the feature's columns last, as a map, when it needs its record). A list, not a map
     * projection: the embedded API turns a projected map into a Java map by walking it twice (its size, then its
     * entries), and a list into an ArrayList. At L (GraphQlBench, realistic network) the 100-park page went from
     * 1.29–1.40× the hand-written Cypher to 1.19–1.22×.
     */
    private Built project(Build b, NodeType t, String n, String o, DataFetchingFieldSelectionSet selection) {
        var byName = new LinkedHashMap<String, List<SelectedField>>();
        for (SelectedField f : selection.getImmediateFields()) {
            if (!f.getName().startsWith("__")) {
                byName.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f);
            }
        }
        var parts = new ArrayList<String>();
        var entries = new ArrayList<Shape.Entry>();
        boolean needsFull = false;
        boolean record = false;
        parts.add(n + "." + t.key);
        entries.add(new Shape.Entry(null, t.key, null, new Shape.Scalar(null)));
        for (var e : byName.entrySet()) {
            String name = e.getKey();
            Field f = t.fields.get(name);
            if (f == null) {
                record = true; // the feature resolves it from its own record
                continue;
            }
            if (name.equals(t.key)) {
                continue;
            }
            var selected = e.getValue();
            for (int i = 0; i < selected.size(); i++) {
                SelectedField sf = selected.get(i);
                var built = field(b, t, n, o, name, f, sf.getArguments(), sf.getSelectionSet());
                needsFull |= built.needsFull();
                parts.add(built.expr());
                entries.add(new Shape.Entry(null, name, selected.size() == 1 ? null : sf.getResultKey(), built.slot()));
                if (f instanceof Field.Property || f instanceof Field.Expression) {
                    break; // a scalar is the same under every alias
                }
            }
        }
        if (record) {
            var columns = new ArrayList<String>();
            t.recordColumns.forEach((k, v) -> columns.add(k + ": " + v.about(n, o, null, null)));
            parts.add("{" + String.join(", ", columns) + "}");
        }
        return new Built("[" + String.join(", ", parts) + "]", new Shape.Level(t, List.copyOf(entries), record), needsFull);
    }

    /** One field of the record {@code n} (owner {@code o}). */
    private Built field(Build b, NodeType t, String n, String o, String name, Field f, Map<String, Object> arguments,
                        DataFetchingFieldSelectionSet selection) {
        return switch (f) {
            case Field.Property p -> {
                boolean figure = t.kind == NodeType.Kind.RECORD && !b.rule.shownByName(p.property());
                String read = n + "." + p.property();
                yield new Built(figure ? "CASE WHEN " + n + "_f THEN " + read + " END" : read, new Shape.Scalar(p.java()), figure);
            }
            case Field.Expression x -> {
                boolean figure = x.figure() && t.kind == NodeType.Kind.RECORD;
                String read = x.cypher().about(n, o, null, null);
                yield new Built(figure ? "CASE WHEN " + n + "_f THEN " + read + " END" : read, new Shape.Scalar(x.java()), figure);
            }
            case Field.Relation r -> relation(b, n, r, arguments, selection);
            case Field.Connection c -> {
                var r = (Field.Relation) t.fields.get(c.relation());
                NodeType target = types.type(r.target());
                String child = b.var();
                String owner = target.kind == NodeType.Kind.OWNED ? (r.ownerIsParent() ? n : child + "o") : null;
                yield connection(b, target, r.clause().between(n, child), child, owner, r.ownerIsParent(), new ArrayList<>(), arguments, selection,
                        false);
            }
        };
    }

    /** A relationship field: its records, filtered and paged as its arguments say. */
    private Built relation(Build b, String p, Field.Relation r, Map<String, Object> arguments, DataFetchingFieldSelectionSet selection) {
        NodeType t = types.type(r.target());
        String c = b.var();
        String o = t.kind == NodeType.Kind.OWNED ? (r.ownerIsParent() ? p : c + "o") : null;
        var where = new ArrayList<String>();
        PageRequest page = arguments(b, t, r.arguments(), arguments, c, o, where);
        String limit = !r.many() ? "1" : page.first() < 0 ? null : b.param(page.first());
        if (page.after() != null) {
            where.add(c + ".id > " + b.param(page.after()));
        }
        var built = records(b, t, r.clause().between(p, c), c, o, r.ownerIsParent(), where, r.order(), limit, selection, true);
        var level = ((Shape.Many) built.slot()).level();
        return new Built(built.expr(), r.many() ? built.slot() : new Shape.One(level), false);
    }

    /**
     * A connection over the records {@code clause} binds to {@code c}: one list per node selection (under
     * {@code nodes} or {@code edges { node }}), read one beyond the page, and {@code totalCount} when asked.
     */
    private Built connection(Build b, NodeType t, String clause, String c, String o, boolean ownerBound, List<String> where,
                             Map<String, Object> arguments, DataFetchingFieldSelectionSet selection, boolean probe) {
        var page = paging.page((Integer) arguments.get("first"), (String) arguments.get("after"));
        arguments(b, t, Map.of(), withoutPaging(arguments), c, o, where);
        var pageWhere = new ArrayList<>(where);
        String after = page.after() == null ? null : b.param(page.after());
        if (after != null) {
            pageWhere.add(c + ".id > " + after);
        }
        String limit = b.param(page.limit());
        var parts = new ArrayList<String>();
        var lists = new ArrayList<Shape.Entry>();
        var fields = new ArrayList<Shape.Entry>();
        boolean pageInfo = false;
        var selected = selection.getImmediateFields().stream().filter(f -> !f.getName().startsWith("__")).toList();
        for (SelectedField f : selected) {
            String alias = selected.stream().filter(g -> g.getName().equals(f.getName())).count() > 1 ? f.getResultKey() : null;
            String key = "k" + (lists.size() + fields.size());
            switch (f.getName()) {
                case "nodes", "edges" -> {
                    var nodes = f.getName().equals("nodes") ? f.getSelectionSet() : nodeOf(f);
                    var projected = project(b, t, c, o, nodes);
                    parts.add(key + ": COLLECT { " + (probe
                            ? probed(b, t, clause, c, pageWhere, after, limit, projected.expr(), projected.needsFull())
                            : body(b, t, clause, c, o, ownerBound, pageWhere, BY_ID, limit, projected.expr(), projected.needsFull())) + " }");
                    lists.add(new Shape.Entry(key, f.getName(), alias, new Shape.Many((Shape.Level) projected.slot())));
                }
                case "totalCount" -> {
                    parts.add(key + ": COUNT { " + body(b, t, clause, c, o, ownerBound, where, null, null, c, false) + " }");
                    fields.add(new Shape.Entry(key, "totalCount", alias, null));
                }
                case "pageInfo" -> {
                    pageInfo = true;
                    fields.add(new Shape.Entry(key, "pageInfo", alias, null));
                }
                default -> throw new IllegalStateException("a connection has no field " + f.getName());
            }
        }
        if (pageInfo && lists.isEmpty()) { // the page's ids alone, for its cursors
            String key = "k" + (lists.size() + fields.size());
            var level = new Shape.Level(t, List.of(new Shape.Entry(null, t.key, null, new Shape.Scalar(null))), false);
            parts.add(key + ": COLLECT { " + body(b, t, clause, c, o, ownerBound, pageWhere, BY_ID, limit, "[" + c + "." + t.key + "]", false) + " }");
            lists.add(new Shape.Entry(key, "pageInfoOnly", null, new Shape.Many(level)));
        }
        return new Built("{" + String.join(", ", parts) + "}", new Shape.Page(page.first(), page.after(), lists, fields), false);
    }

    /**
     * A root page under a filter, read first from the front of the id index: when at least {@code limit} of the first
     * {@link #PROBE} records by id (after the cursor) pass the filter, they are the page, for every record before them was
     * looked at; otherwise the page is read as {@link #body} reads it. Neo4j cannot tell what share of records a
     * {@code STARTS WITH} or a range passes, so for a filter most records pass it plans a seek of every match and a sort
     * of them all: the side streams of a common waste code, 100,000 at size L, where reading the id index in order stops
     * after a few hundred. A filter few records pass costs the probe more: at most {@link #PROBE} index entries read.
     */
    private String probed(Build b, NodeType t, String clause, String c, List<String> where, String after, String limit, String projection,
                          boolean needsFull) {
        String front = "MATCH (" + c + ":" + t.label + ") USING INDEX " + c + ":" + t.label + "(id) WHERE "
                + (after == null ? c + ".id IS NOT NULL" : c + ".id > " + after)
                + " WITH " + c + " ORDER BY " + c + ".id LIMIT " + b.param(PROBE);
        String probed = c + "_p";
        String rest = c + "_r";
        String collected = "collect(" + c + ") AS ";
        String pages = "CALL () { " + body(b, t, front, c, null, false, where, BY_ID, limit, collected + probed, false) + " }"
                + " CALL (" + probed + ") { WITH " + probed + " WHERE size(" + probed + ") < " + limit + " "
                + body(b, t, clause, c, null, false, where, BY_ID, limit, collected + rest, false) + " }"
                + " UNWIND CASE WHEN size(" + probed + ") < " + limit + " THEN " + rest + " ELSE " + probed + " END AS " + c;
        return body(b, t, pages, c, null, false, List.of(), BY_ID, null, projection, needsFull);
    }

    /** Whether a root page is {@link #probed}: a filter is given, and the page starts from every record of its label, keyed by id. */
    private static boolean probes(NodeType t, Start start) {
        return start.byLabel() && t.kind == NodeType.Kind.RECORD && t.key.equals("id") && !NodeType.givenFilters(start.arguments()).isEmpty();
    }

    /** How many records by id a filtered root page reads before it falls back to the filter's own plan ({@link #probed}). */
    static final int PROBE = 1000;

    /** The selection of {@code node} under {@code edges}: one per edges field (a second, differently selected node would need its own list). */
    private static DataFetchingFieldSelectionSet nodeOf(SelectedField edges) {
        var nodes = edges.getSelectionSet().getImmediateFields().stream().filter(f -> f.getName().equals("node")).toList();
        if (nodes.size() > 1) {
            throw new BadRequestException("edges: ask for node once per edges field (alias edges instead)");
        }
        return nodes.isEmpty() ? EMPTY : nodes.getFirst().getSelectionSet();
    }

    private static Map<String, Object> withoutPaging(Map<String, Object> arguments) {
        var rest = new HashMap<>(arguments);
        rest.remove("first");
        rest.remove("after");
        return rest;
    }

    /**
     * The arguments of a list as predicates: {@code filter} through the target type's filters, the field's own
     * arguments through its templates; {@code first} and {@code after} as a page (first -1: not given).
     */
    private PageRequest arguments(Build b, NodeType t, Map<String, Template> own, Map<String, Object> arguments, String n, String o,
                                  List<String> where) {
        Integer first = null;
        String after = null;
        for (var a : arguments.entrySet()) {
            Object value = a.getValue();
            if (value == null) {
                continue;
            }
            switch (a.getKey()) {
                case "first" -> first = (Integer) value;
                case "after" -> after = (String) value;
                case "filter" -> {
                    @SuppressWarnings("unchecked")
                    var filter = (Map<String, Object>) value;
                    filter.forEach((k, v) -> {
                        if (v != null) {
                            Template predicate = t.filters.get(k);
                            if (predicate == null) {
                                throw new IllegalStateException(t.name + " has no filter " + k);
                            }
                            where.add(predicate.about(n, o, b.param(v), b.rule.full(n)));
                        }
                    });
                }
                default -> {
                    Template predicate = own.get(a.getKey());
                    if (predicate == null) {
                        throw new IllegalStateException("no predicate for the argument " + a.getKey() + " of a list of " + t.name);
                    }
                    where.add(predicate.about(n, o, b.param(value), b.rule.full(n)));
                }
            }
        }
        if (first == null) {
            return new PageRequest(-1, after == null ? null : Cursors.decode(after));
        }
        return paging.page(first, after);
    }

    private static final Template BY_ID = Template.of("{c}.id");
    private static final Template NOT_PLACEHOLDER = Template.of(GraphTypes.NOT_PLACEHOLDER);

    /** An empty selection (graphql-java's own for a leaf type). */
    private static final DataFetchingFieldSelectionSet EMPTY = graphql.schema.DataFetchingFieldSelectionSetImpl.newCollector(
            null, graphql.Scalars.GraphQLString, () -> null);
}
