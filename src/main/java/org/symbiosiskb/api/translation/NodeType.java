package org.symbiosiskb.api.translation;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.symbiosiskb.api.RecordMeta;

/**
 * A GraphQL type the translator reads in Cypher: how its records are found, how each of its fields is read,
 * which filters its lists take, and how to make the feature's own record of it for fields the translator
 * leaves to the feature (its controller's {@code @BatchMapping}s: analytics, consents).
 */
public final class NodeType {

    /** How the visibility rule applies to records of the type. */
    enum Kind {
        /** A record with its own id, visibility and parties: seen, seen by name, or not at all. */
        RECORD,
        /** A record that belongs to another and carries its figures (an emission record): seen in full or not at all. */
        OWNED,
        /** Reference data everyone sees (the List of Waste). */
        REFERENCE
    }

    final String name;
    final String label;
    final Kind kind;
    final String key;
    final Template lookup;
    final Template scan;
    final Template owner;
    final Template order;
    final Map<String, Field> fields;
    final Map<String, Template> filters;
    /** Patterns a root list starts from instead of its label when the filter of that name is given. */
    final Map<String, Template> seeds;
    /** Filters no placeholder passes ({@link Builder#propertyFilter}). */
    final Set<String> propertyFilters;
    final Map<String, Template> recordColumns;
    final Function<Record, Object> recordMapper;
    final Function<Object, String> keyOf;

    private NodeType(Builder b) {
        this.name = b.name;
        this.label = b.label;
        this.kind = b.kind;
        this.key = b.key;
        this.lookup = Objects.requireNonNull(b.lookup, () -> b.name + ": no label or lookup");
        this.scan = b.scan;
        this.owner = b.owner;
        this.order = b.order;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
        this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(b.filters));
        this.seeds = Collections.unmodifiableMap(new LinkedHashMap<>(b.seeds));
        this.propertyFilters = Set.copyOf(b.propertyFilters);
        this.recordColumns = Collections.unmodifiableMap(new LinkedHashMap<>(b.recordColumns));
        this.recordMapper = Objects.requireNonNull(b.recordMapper, () -> b.name + ": no record mapper");
        this.keyOf = b.keyOf;
    }

    /** Whether a list given these arguments leaves out every placeholder by its filter alone. */
    boolean filterLeavesOutPlaceholders(Map<String, Object> arguments) {
        return givenFilters(arguments).stream().anyMatch(propertyFilters::contains);
    }

    /** The filters a list's arguments give a value (a filter given as null is not given). */
    static Set<String> givenFilters(Map<String, Object> arguments) {
        if (!(arguments.get("filter") instanceof Map<?, ?> filter)) {
            return Set.of();
        }
        var given = new HashSet<String>();
        filter.forEach((k, v) -> {
            if (v != null) {
                given.add((String) k);
            }
        });
        return given;
    }

    public String name() {
        return name;
    }

    /** What a feature states about one of its types. */
    public static final class Builder {
        private final String name;
        private String label;
        private Kind kind = Kind.RECORD;
        private String key = "id";
        private Template lookup;
        private Template scan;
        private Template owner;
        private Template order = Template.of("{n}.id");
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private final Map<String, Template> filters = new LinkedHashMap<>();
        private final Map<String, Template> seeds = new LinkedHashMap<>();
        private final Set<String> propertyFilters = new HashSet<>();
        private final Map<String, Template> recordColumns = new LinkedHashMap<>(Map.of("n", Template.of("{n}")));
        private Function<Record, Object> recordMapper;
        private Function<Object, String> keyOf = r -> ((RecordMeta.Carrier) r).id();

        Builder(String name) {
            this.name = name;
        }

        /** Records are nodes with this label, found by their id. */
        public Builder label(String label) {
            this.label = label;
            this.lookup = Template.of("MATCH ({n}:" + label + " {" + key + ": {v}})");
            this.scan = Template.of("MATCH ({c}:" + label + ")");
            return this;
        }

        /** Records found otherwise than by a label and key (a flow is a relationship): {@code {n}} by the key {@code {v}}. */
        public Builder lookup(String clause) {
            this.lookup = Template.of(clause);
            return this;
        }

        /** The key property, if not {@code id}, and how to read it from the feature's record. */
        public Builder key(String property, Function<Object, String> keyOf, String label) {
            this.key = property;
            this.keyOf = keyOf;
            return label(label);
        }

        /** How to read the key from the feature's record, for records that are not a {@link RecordMeta.Carrier}. */
        public Builder keyOf(Function<Object, String> keyOf) {
            this.keyOf = keyOf;
            return this;
        }

        /** Records that belong to the one {@code clause} binds as {@code {o}} from {@code {n}}, and are seen through it. */
        public Builder owned(String clause) {
            this.kind = Kind.OWNED;
            this.owner = Template.of(clause);
            return this;
        }

        /** Reference data: no visibility. */
        public Builder reference() {
            this.kind = Kind.REFERENCE;
            return this;
        }

        /** The order of lists of this type that take no cursor (else by id). */
        public Builder order(String expression) {
            this.order = Template.of(expression);
            return this;
        }

        /**
         * How the feature's record of the type is made, for the fields it resolves itself: columns (Cypher over
         * {@code {n}} and its owner {@code {o}}) handed to the mapper as a row. By default the one column {@code n}.
         */
        public Builder records(Function<Record, Object> mapper) {
            this.recordMapper = mapper;
            return this;
        }

        public Builder records(Map<String, String> columns, Function<Record, Object> mapper) {
            recordColumns.clear();
            columns.forEach((k, v) -> recordColumns.put(k, Template.of(v)));
            return records(mapper);
        }

        /** Fields read as the property of the same name. */
        public Builder properties(String... names) {
            for (String n : names) {
                fields.put(n, new Field.Property(n, null));
            }
            return this;
        }

        public Builder property(String field, String property, Function<Object, Object> java) {
            fields.put(field, new Field.Property(property, java));
            return this;
        }

        /**
         * The fields every record has (docs/spec/model.md): name (the id for a placeholder), source, visibility
         * (NETWORK when not set), notes, updatedAt, placeholder.
         */
        public Builder recordMeta() {
            expression("name", "coalesce({n}.name, {n}.id)", false, null);
            properties("source", "notes", "updatedAt");
            expression("visibility", "coalesce({n}.visibility, 'NETWORK')", false, null);
            expression("placeholder", "coalesce({n}.placeholder, false)", false, null);
            return this;
        }

        /** A field computed in Cypher from {@code {n}} (and its owner {@code {o}}). */
        public Builder expression(String field, String cypher, boolean figure, Function<Object, Object> java) {
            fields.put(field, new Field.Expression(Template.of(cypher), figure, java));
            return this;
        }

        /** A relationship to at most one record (the first by id). */
        public Builder one(String field, String target, String clause) {
            fields.put(field, new Field.Relation(target, Template.of(clause), false, Template.of("{c}.id"), Map.of(), Fanout.ONE, false));
            return this;
        }

        /** A relationship to a list of records, by id; it takes {@code filter}, {@code first} and {@code after} where the schema gives them. */
        public Builder many(String field, String target, String clause, Fanout fanout) {
            fields.put(field, new Field.Relation(target, Template.of(clause), true, Template.of("{c}.id"), Map.of(), fanout, false));
            return this;
        }

        /**
         * Child records seen through this record (its emissions): in the order given, with the field's own
         * arguments as predicates on {@code {n}} with the value {@code {v}}.
         */
        public Builder children(String field, String target, String clause, String order, Map<String, String> arguments, Fanout fanout) {
            var args = new LinkedHashMap<String, Template>();
            arguments.forEach((k, v) -> args.put(k, Template.of(v)));
            fields.put(field, new Field.Relation(target, Template.of(clause), true, Template.of(order), args, fanout, true));
            return this;
        }

        /** A list of records of another type in the order given (not by id), without paging. */
        public Builder ordered(String field, String target, String clause, String order, Fanout fanout) {
            fields.put(field, new Field.Relation(target, Template.of(clause), true, Template.of(order), Map.of(), fanout, false));
            return this;
        }

        /** A connection over the records of the list field {@code relation}. */
        public Builder connection(String field, String relation) {
            fields.put(field, new Field.Connection(relation));
            return this;
        }

        /** A field of the type's filter input: a predicate on {@code {n}} with the value {@code {v}} (and {@code {full}}). */
        public Builder filter(String field, String predicate) {
            filters.put(field, Template.of(predicate));
            return this;
        }

        /**
         * A filter on the record's own properties that no placeholder passes: {@code predicate} is null or false where
         * the property is missing, and a placeholder carries only its id, source and placeholder mark (GraphWriter). A
         * root list given such a filter does not also ask each record whether it is a placeholder: that question reads a
         * property the record does not have, the costliest read there is (the whole property chain), on every candidate.
         */
        public Builder propertyFilter(String field, String predicate) {
            propertyFilters.add(field);
            return filter(field, predicate);
        }

        /**
         * A filter whose records are found from the value's side: a root list given this filter starts from
         * {@code pattern} (binding {@code {n}}, the value as {@code {v}}) instead of every record of its label. The pattern
         * must bind exactly the records the predicate holds for, each once: the list does not ask the predicate again. A
         * network's parks are found from the network, not by reading every park. Nested lists use the predicate.
         */
        public Builder filter(String field, String predicate, String pattern) {
            seeds.put(field, Template.of(pattern));
            return filter(field, predicate);
        }

        NodeType build() {
            return new NodeType(this);
        }
    }
}
