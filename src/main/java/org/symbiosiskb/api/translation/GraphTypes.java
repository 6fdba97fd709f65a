package org.symbiosiskb.api.translation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry the translator reads: GraphQL types mapped to how their records are found, scalar fields to
 * properties or expressions, relationship fields to patterns, and the {@code Query} fields that start a
 * read. Each feature contributes the types of its schema file ({@link GraphTypeContributor}), so features keep
 * owning their Cypher; labels, relationship types and properties come from here, never from a request.
 */
public final class GraphTypes {

    /** A {@code Query} field the translator answers in one statement. */
    sealed interface Root {
        String type();
    }

    /** {@code park(id: …)}: the record with this key where {@code where} holds for it, or null. */
    record Lookup(String type, String argument, Template where) implements Root {
    }

    /** {@code wasteChapters}, {@code roadmaps(parkId:)}: every record matching, in the type's order. */
    record ListRoot(String type, Template where, Map<String, Template> arguments) implements Root {
    }

    /**
     * {@code parks(filter:, first:, after:)}: a page of a connection ordered by id, placeholders left out.
     *
     * @param referenced whether other records refer to this type, so that some of its records may be placeholders
     */
    record ConnectionRoot(String type, boolean referenced) implements Root {
    }

    /** A record that is not a placeholder (a reference to another partner's record that is not here yet). */
    public static final String NOT_PLACEHOLDER = "{n}.placeholder IS NULL";

    private final Map<String, NodeType> types;
    private final Map<String, Root> roots;

    private GraphTypes(Map<String, NodeType> types, Map<String, Root> roots) {
        this.types = Collections.unmodifiableMap(types);
        this.roots = Collections.unmodifiableMap(roots);
    }

    public static GraphTypes of(List<? extends GraphTypeContributor> contributors) {
        var builder = new Builder();
        contributors.forEach(c -> c.contribute(builder));
        return builder.build();
    }

    public Optional<NodeType> find(String type) {
        return Optional.ofNullable(types.get(type));
    }

    NodeType type(String type) {
        NodeType t = types.get(type);
        if (t == null) {
            throw new IllegalStateException("no translated type " + type);
        }
        return t;
    }

    Map<String, NodeType> types() {
        return types;
    }

    Map<String, Root> roots() {
        return roots;
    }

    /** The relationship field {@code field} of {@code type}, if the translator reads it (for the query limits' estimate). */
    public Optional<Fanout> fanout(String type, String field) {
        NodeType t = types.get(type);
        Field f = t == null ? null : t.fields.get(field);
        if (f instanceof Field.Connection c) {
            f = t.fields.get(c.relation());
        }
        return f instanceof Field.Relation r ? Optional.of(r.fanout()) : Optional.empty();
    }

    /** The label a root {@code Query} field lists, if it is a list or connection over labelled records. */
    public Optional<String> rootLabel(String queryField) {
        Root root = roots.get(queryField);
        if (root == null || root instanceof Lookup) {
            return Optional.empty();
        }
        return Optional.ofNullable(types.get(root.type())).map(t -> t.label);
    }

    /** What the features contribute. */
    public static final class Builder {
        private final Map<String, NodeType.Builder> types = new LinkedHashMap<>();
        private final Map<String, Root> roots = new LinkedHashMap<>();

        /** The type, to describe or to extend (a feature adds its fields to another's type, as its schema file extends it). */
        public NodeType.Builder type(String name) {
            return types.computeIfAbsent(name, NodeType.Builder::new);
        }

        /** {@code Query.<field>(<argument>: …)}: the record of {@code type} with that key. */
        public Builder lookup(String field, String type, String argument) {
            return lookup(field, type, argument, "true");
        }

        public Builder lookup(String field, String type, String argument, String where) {
            return root(field, new Lookup(type, argument, Template.of(where)));
        }

        /** {@code Query.<field>}: every record of {@code type} where {@code where} holds for {@code {n}}, with argument predicates. */
        public Builder list(String field, String type, String where, Map<String, String> arguments) {
            var args = new LinkedHashMap<String, Template>();
            arguments.forEach((k, v) -> args.put(k, Template.of(v)));
            return root(field, new ListRoot(type, Template.of(where), args));
        }

        /** {@code Query.<field>(filter:, first:, after:)}: a connection over the records of {@code type}, placeholders left out. */
        public Builder connection(String field, String type) {
            return root(field, new ConnectionRoot(type, true));
        }

        /** A connection over a type no record refers to (needs): none of its records is a placeholder, none is asked. */
        public Builder connectionOfUnreferenced(String field, String type) {
            return root(field, new ConnectionRoot(type, false));
        }

        private Builder root(String field, Root root) {
            if (roots.putIfAbsent(field, root) != null) {
                throw new IllegalStateException("Query." + field + " is contributed twice");
            }
            return this;
        }

        GraphTypes build() {
            var built = new LinkedHashMap<String, NodeType>();
            types.forEach((name, b) -> built.put(name, b.build()));
            return new GraphTypes(built, new LinkedHashMap<>(roots));
        }
    }
}
