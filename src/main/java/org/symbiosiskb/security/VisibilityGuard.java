package org.symbiosiskb.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.types.Entity;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.TypeSystem;
import org.springframework.stereotype.Component;
import org.symbiosiskb.api.Ids;
import org.symbiosiskb.graph.RowGuard;
import org.symbiosiskb.graph.VisibilityRule;

/**
 * Visibility (docs/spec/federation-security.md) applied to every row a feature reads for a caller: a record the caller may
 * not see at all leaves the row out (a lookup answers null, a list shortens); a PRIVATE record of
 * another partner is reduced to its identity and descriptive fields, without quantities, prices,
 * emission figures or notes. Doing it on the rows, below every feature, means a new query or field
 * cannot forget it. Statements that must apply the rule themselves (paged lists and their counts, answers
 * built as nested maps by api.translation) use its Cypher form, {@link CypherVisibility}, through
 * {@link #rule()}. Nodes inside maps and lists are guarded like columns.
 *
 * <p>Emission nodes are left to the emissions feature: their {@code source} is the emission source,
 * and they inherit their process's visibility, which only that feature's query sees.
 */
@Component
class VisibilityGuard implements RowGuard {

    /** What a PRIVATE record of another partner still shows: who and what it is, never how much. */
    static final Set<String> SHOWN_WHEN_PRIVATE = Set.of("id", "name", "source", "visibility", "updatedAt", "placeholder",
            "kind", "role", "scope", "unit", "ewc", "material", "location", "municipality", "country", "origin",
            "nace", "businessId", "founded", "climatePartnerSince", "transportMode", "fromYear", "toYear", "status",
            "effectiveStatus", "activeFrom", "activeTo", "verification", "parties", "consent", "party",
            // descriptive fields of register facilities and their yearly waste transfers (issue 12)
            "eprtrId", "activityCode", "activityName", "city", "year", "hazardous", "treatment",
            // an emission factor's activity code and category, a factor set's publisher (issue 13)
            "activity", "category");

    @Override
    public boolean showsAsItIs() {
        return Callers.current().local();
    }

    @Override
    public Record apply(Record row) {
        Caller caller = Callers.current();
        if (caller.local()) {
            return row; // showsAsItIs
        }
        List<Value> values = null;
        for (int i = 0; i < row.size(); i++) {
            Value value = row.get(i);
            Value seen = seen(value, caller);
            if (seen == null) {
                return null;
            }
            if (seen != value) {
                if (values == null) {
                    values = new ArrayList<>(row.values());
                }
                values.set(i, seen);
            }
        }
        return values == null ? row : new InternalRecord(row.keys(), values);
    }

    @Override
    public Map<String, Object> parameters() {
        Caller caller = Callers.current();
        var parameters = new HashMap<String, Object>();
        parameters.put("kbAuth", caller.authenticated());
        parameters.put("kbLocal", caller.local());
        parameters.put("kbPartner", caller.partner());
        return parameters;
    }

    @Override
    public VisibilityRule rule() {
        return CypherVisibility.RULE;
    }

    private static final TypeSystem TYPES = TypeSystem.getDefault();

    /**
     * The value as the caller may see it. Lists and maps are walked (a list of nodes, a map projection carrying a
     * record column): a node not seen at all leaves a list and is null in a map.
     */
    private static Value seen(Value value, Caller caller) {
        if (value.hasType(TYPES.NODE())) {
            return seen(value.asNode(), value, caller);
        }
        if (value.hasType(TYPES.RELATIONSHIP())) {
            return seen(value.asRelationship(), value, caller);
        }
        if (value.hasType(TYPES.LIST())) {
            List<Value> items = null;
            int i = 0;
            for (Value item : value.values()) {
                Value seen = seen(item, caller);
                if (seen != item && items == null) {
                    items = new ArrayList<>(value.asList(v -> v).subList(0, i));
                }
                if (items != null && seen != null) {
                    items.add(seen);
                }
                i++;
            }
            return items == null ? value : Values.value(items);
        }
        if (value.hasType(TYPES.MAP())) {
            LinkedHashMap<String, Value> entries = null;
            for (String key : value.keys()) {
                Value item = value.get(key);
                Value seen = seen(item, caller);
                if (seen != item) {
                    if (entries == null) {
                        entries = new LinkedHashMap<>();
                        for (String k : value.keys()) {
                            entries.put(k, value.get(k));
                        }
                    }
                    entries.put(key, seen == null ? Values.NULL : seen);
                }
            }
            return entries == null ? value : Values.value(entries);
        }
        return value;
    }

    private static Value seen(Entity entity, Value value, Caller caller) {
        if (!entity.containsKey("id") || (entity instanceof Node node && node.hasLabel("Emission"))) {
            return value;
        }
        var parties = entity.get("parties").isNull() ? java.util.List.<String>of() : entity.get("parties").asList(Value::asString);
        return switch (caller.access(Ids.partnerOf(entity.get("id").asString()), entity.get("visibility").asString(null), parties)) {
            case FULL -> value;
            case NONE -> null;
            case NAME -> {
                var shown = new LinkedHashMap<String, Object>();
                entity.asMap().forEach((k, v) -> {
                    if (SHOWN_WHEN_PRIVATE.contains(k)) {
                        shown.put(k, v);
                    }
                });
                yield Values.value(shown);
            }
        };
    }
}
