package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * kb.ghgInventory and kb.climatePartnerIndicator (docs/calculator.md): an organization's yearly GHG inventory from
 * the activity lines of the processes it operates, and a network's climate partners. Each answer carries the ids of
 * the records its figures are computed from, so the service can ask the disclosure rule once.
 */
public final class Inventories {

    private Inventories() {
    }

    static InventoryRow inventory(CalculatorGraph graph, String organization, int year) {
        if (!graph.exists("Organization", organization)) {
            throw AnalyticsException.notFound("no organization " + organization);
        }
        var processes = graph.processesOperatedBy(organization);
        var activities = graph.activities(processes, year);
        var inventory = Ghg.inventory(activities);
        var row = new InventoryRow();
        row.organization = organization;
        row.year = year;
        row.scope1 = inventory.scope1();
        row.scope2LocationBased = inventory.scope2LocationBased();
        row.scope2MarketBased = inventory.scope2MarketBased();
        row.marketBasedComplete = inventory.marketBasedComplete();
        row.scope3 = inventory.scope3();
        row.byCategory = inventory.byCategory().stream().map(c -> Map.<String, Object>of("category", (long) c.category(), "tCO2e", c.tCO2e())).toList();
        row.totalLocationBased = inventory.totalLocationBased();
        row.totalMarketBased = inventory.totalMarketBased();
        row.biogenicCO2 = inventory.biogenicCO2();
        row.lines = inventory.lines().stream().map(Inventories::line).toList();
        row.uncalculated = inventory.uncalculated().stream().map(Ghg.Activity::id).toList();
        var from = new LinkedHashSet<>(Ghg.ids(activities));
        var reported = new ArrayList<String>();
        double reportedScope1 = 0;
        for (String process : processes) {
            for (var e : graph.reportedScope1(process, year)) {
                reportedScope1 += e.tCO2e();
                reported.add(e.id());
            }
        }
        row.reportedScope1 = reported.isEmpty() ? null : reportedScope1;
        from.addAll(reported);
        row.from = List.copyOf(from);
        return row;
    }

    private static Map<String, Object> line(Ghg.Line l) {
        var m = new LinkedHashMap<String, Object>();
        var a = l.activity();
        m.put("activity", a.id());
        m.put("process", a.process());
        m.put("factor", a.factor().id());
        m.put("marketFactor", a.marketFactor() == null ? null : a.marketFactor().id());
        m.put("quantity", a.quantity());
        m.put("unit", a.unit());
        m.put("quantityInFactorUnit", l.quantityInFactorUnit());
        m.put("tCO2e", l.tCO2e());
        m.put("marketBasedTCO2e", l.marketBasedTCO2e());
        m.put("scope", (long) l.scope());
        m.put("category", l.category() == null ? null : (long) l.category());
        m.put("biogenicCO2", l.biogenicCO2());
        m.put("source", l.source());
        return m;
    }

    /**
     * A network's climate partners in a year: its member organizations with climatePartnerSince ≤ year; reporting
     * are those with at least one activity line in the year; totalTCO2e sums their location-based totals.
     */
    static IndicatorRow indicator(CalculatorGraph graph, String network, int year) {
        if (!graph.exists("Network", network)) {
            throw AnalyticsException.notFound("no network " + network);
        }
        var row = new IndicatorRow();
        row.network = network;
        row.year = year;
        row.partners = new ArrayList<>();
        row.reporting = new ArrayList<>();
        var from = new LinkedHashSet<String>();
        double total = 0;
        for (var member : graph.members(network)) {
            if (member.climatePartnerSince() == null || member.climatePartnerSince() > year) {
                continue;
            }
            row.partners.add(member.organization());
            from.add(member.organization());
            var activities = graph.activities(graph.processesOperatedBy(member.organization()), year);
            if (!activities.isEmpty()) {
                row.reporting.add(Map.of("organization", member.organization(), "activities", activities.stream().map(Ghg.Activity::id).toList()));
                total += Ghg.inventory(activities).totalLocationBased();
                from.addAll(Ghg.ids(activities));
            }
        }
        row.totalTCO2e = total;
        row.from = List.copyOf(from);
        return row;
    }

    public static class InventoryRow {
        public String organization;
        public long year;
        public double scope1;
        public double scope2LocationBased;
        public double scope2MarketBased;
        public boolean marketBasedComplete;
        public double scope3;
        /** [{category, tCO2e}] in category order */
        public List<Map<String, Object>> byCategory;
        public double totalLocationBased;
        public double totalMarketBased;
        public double biogenicCO2;
        /** the REPORTED scope-1 records of its processes in the year, summed; null when there are none */
        public Double reportedScope1;
        /** [{activity, process, factor, marketFactor, quantity, unit, quantityInFactorUnit, tCO2e, marketBasedTCO2e, scope, category, biogenicCO2, source}] */
        public List<Map<String, Object>> lines;
        /** activities whose factor is not here (another partner's, not harvested): not in the figures */
        public List<String> uncalculated;
        /** the ids every figure is computed from: activities, their factors and market factors, the reported records */
        public List<String> from;
    }

    public static class IndicatorRow {
        public String network;
        public long year;
        /** the climate partners' ids */
        public List<String> partners;
        /** [{organization, activities}]: the partners with activity lines in the year, and those lines' ids */
        public List<Map<String, Object>> reporting;
        public double totalTCO2e;
        /** the partners, their activities and factors: what totalTCO2e is computed from */
        public List<String> from;
    }
}
