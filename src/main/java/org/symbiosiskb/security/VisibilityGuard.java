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
import org.springframework.stereotype.Component;
import org.symbiosiskb.api.Ids;
import org.symbiosiskb.graph.RowGuard;

/**
 * Visibility (docs/spec/federation-security.md) applied to every row a feature reads for a caller: a record the caller may
 * not see at all leaves the row out (a lookup answers null, a list shortens); a PRIVATE record of
 * another partner is reduced to its identity and descriptive fields, without quantities, prices,
 * emission figures or notes. Doing it on the rows, below every feature, means a new query or field
 * cannot forget it; paged lists add {@link org.symbiosiskb.graph.Cypher#SEEN_BY_CALLER} so their
 * counts agree.
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
    public Record apply(Record row) {
        Caller caller = Callers.current();
        if (caller.local()) {
            return row;
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

    private static Value seen(Value value, Caller caller) {
        return switch (value.type().name()) {
            case "NODE", "RELATIONSHIP" -> seen(value.type().name().equals("NODE") ? value.asNode() : value.asRelationship(), value, caller);
            case "LIST" -> {
                var items = new ArrayList<Value>();
                boolean changed = false;
                for (Value item : value.values()) {
                    Value seen = seen(item, caller);
                    changed |= seen != item;
                    if (seen != null) {
                        items.add(seen);
                    }
                }
                yield changed ? Values.value(items) : value;
            }
            default -> value;
        };
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
