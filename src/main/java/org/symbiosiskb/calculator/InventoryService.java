package org.symbiosiskb.calculator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Disclosure;

/**
 * ghgInventory and climatePartnerIndicator: one procedure call each (kb.ghgInventory, kb.climatePartnerIndicator, so
 * Cypher gives the same numbers), then the disclosure rule once per answer with the ids the figures are computed from.
 */
@Service
public class InventoryService {

    static final String INVENTORY = "CALL kb.ghgInventory($organizationId, $year)";
    static final String INDICATOR = "CALL kb.climatePartnerIndicator($networkId, $year)";
    static final String EXISTS = "MATCH (n:Record {id: $id}) WHERE $label IN labels(n) AND n.placeholder IS NULL RETURN n.id AS id";

    private final Cypher cypher;
    private final Disclosure disclosure;

    InventoryService(Cypher cypher, Disclosure disclosure) {
        this.cypher = cypher;
        this.disclosure = disclosure;
    }

    private boolean exists(String label, String id) {
        return cypher.unguarded().one(EXISTS, Map.of("id", id, "label", label), r -> r.get("id").asString()).isPresent();
    }

    /** Null for an organization that is not here or that the caller may not see at all. */
    public Optional<GhgInventory> inventory(String organizationId, int year) {
        if (!exists("Organization", organizationId) || disclosure.access(organizationId) == Caller.Access.NONE) {
            return Optional.empty();
        }
        Record row = cypher.one(INVENTORY, Map.of("organizationId", organizationId, "year", year), r -> r).orElseThrow();
        var from = strings(row.get("from"));
        var ids = new ArrayList<String>(from);
        var view = disclosure.view(ids);
        boolean shown = view.showsAll(from);
        var lines = new ArrayList<GhgInventory.InventoryLine>();
        boolean lineWithheld = false;
        for (Value l : row.get("lines").values()) {
            String activity = l.get("activity").asString();
            if (view.of(activity) == Caller.Access.NONE) {
                lineWithheld = true;
                continue;
            }
            var lineIds = new ArrayList<String>(List.of(activity, l.get("factor").asString()));
            if (!l.get("marketFactor").isNull()) {
                lineIds.add(l.get("marketFactor").asString());
            }
            boolean quantity = view.shows(activity);
            boolean figures = view.showsAll(lineIds);
            lineWithheld |= !figures;
            lines.add(new GhgInventory.InventoryLine(activity, l.get("process").asString(), l.get("factor").asString(),
                    l.get("marketFactor").asString(null), quantity ? l.get("quantity").asDouble() : null, l.get("unit").asString(),
                    quantity ? l.get("quantityInFactorUnit").asDouble() : null, figures ? l.get("tCO2e").asDouble() : null,
                    figures && !l.get("marketBasedTCO2e").isNull() ? l.get("marketBasedTCO2e").asDouble() : null,
                    l.get("scope").asInt(), l.get("category").isNull() ? null : l.get("category").asInt(),
                    figures ? l.get("biogenicCO2").asDouble() : null, l.get("source").asString()));
        }
        var byCategory = row.get("byCategory").asList(c -> new GhgInventory.CategoryTotal(c.get("category").asInt(),
                shown ? c.get("tCO2e").asDouble() : null));
        var uncalculated = strings(row.get("uncalculated")).stream().filter(id -> view.of(id) != Caller.Access.NONE).toList();
        return Optional.of(new GhgInventory(organizationId, year, figure(row, "scope1", shown), figure(row, "scope2LocationBased", shown),
                figure(row, "scope2MarketBased", shown), row.get("marketBasedComplete").asBoolean(), figure(row, "scope3", shown),
                byCategory, figure(row, "totalLocationBased", shown), figure(row, "totalMarketBased", shown),
                figure(row, "biogenicCO2", shown), shown && !row.get("reportedScope1").isNull() ? row.get("reportedScope1").asDouble() : null,
                lines, uncalculated, !shown || lineWithheld));
    }

    public ClimatePartnerIndicator indicator(String networkId, int year) {
        if (!exists("Network", networkId) || disclosure.access(networkId) == Caller.Access.NONE) {
            throw new NotFoundException("no network " + networkId);
        }
        Record row = cypher.one(INDICATOR, Map.of("networkId", networkId, "year", year), r -> r).orElseThrow();
        var partners = strings(row.get("partners"));
        var from = strings(row.get("from"));
        var ids = new ArrayList<String>(from);
        ids.addAll(partners);
        var view = disclosure.view(ids);
        var seen = partners.stream().filter(p -> view.of(p) != Caller.Access.NONE).toList();
        int reporting = 0;
        for (Value r : row.get("reporting").values()) {
            String organization = r.get("organization").asString();
            if (seen.contains(organization) && strings(r.get("activities")).stream().anyMatch(a -> view.of(a) != Caller.Access.NONE)) {
                reporting++;
            }
        }
        boolean shown = view.showsAll(from);
        return new ClimatePartnerIndicator(networkId, year, seen.size(), reporting, seen.isEmpty() ? 0 : (double) reporting / seen.size(),
                shown ? row.get("totalTCO2e").asDouble() : null, !shown);
    }

    private static Double figure(Record row, String field, boolean shown) {
        return shown ? row.get(field).asDouble() : null;
    }

    private static List<String> strings(Value v) {
        return v.isNull() ? List.of() : v.asList(Value::asString);
    }
}
