package org.symbiosiskb.pact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.symbiosiskb.graph.Cypher;
import tools.jackson.databind.JsonNode;

/**
 * A PACT supplier's footprints as published footprints of its side streams in this graph (docs/partners.md, PACT;
 * docs/pact.md): a symbiosis-kb/1 document of the supplier's partner with only a {@code footprints} array, which
 * the ordinary import takes in as the supplier's harvester, all or nothing. So a supplier outside the network
 * feeds the traces of the flows that name its streams, where they are placeholders.
 *
 * <p>A footprint belongs to a stream of the supplier's partner when one of its {@code productIds} is the
 * stream's product id: {@code urn:pact:symbiosis-kb:product-id:<stream id>} (what this knowledge base calls the
 * stream; a supplier lists it among its product ids as a buyer's id), or an id the peer's configuration maps to the
 * stream ({@code kb.federation.peers[i].products[j].product-id} and {@code .stream}). Only Active footprints are
 * used (a Deprecated one was replaced or withdrawn). Its year is the calendar year in the middle of its reference
 * period; of several for one stream and year, the newest. Its figure per unit is pcfExcludingBiogenicUptake per declared unit, as t CO2e per t
 * (kg CO2e per kg: per kilogram, or per the product's mass for other units) or per MWh (per kWh, or per 3.6 MJ),
 * as the stream's unit needs; a placeholder stream, which has no unit, takes mass footprints per t and energy
 * footprints per MWh. What cannot be used is skipped with its reason.
 *
 * <p>A supplier outside the network cannot accept the flows that take its streams (docs/partners.md, Consent), so its
 * sharing a product's footprint with this knowledge base over PACT counts as its consent to them: the document
 * holds, as the supplier's records, a consent to every flow from a stream it has a footprint for, and, with a
 * whole listing, withdraws the consents to flows from streams it no longer has one for.
 */
@Component
public class SupplierFootprints {

    static final String STREAMS = """
            MATCH (s:SideStream) WHERE s.id STARTS WITH $prefix
            RETURN s.id AS id, s.unit AS unit, [(s)-[:PUBLISHED]->(fp:Footprint) | fp.year] AS years
            ORDER BY id""";

    static final String FLOWS_FROM = """
            MATCH (s:SideStream)-[f:SUPPLIES|PROPOSED_SUPPLIES]->() WHERE s.id STARTS WITH $prefix
            RETURN s.id AS stream, f.id AS flow ORDER BY flow""";
    static final String CONSENTED = """
            MATCH (c:Consent) WHERE c.partner = $partner AND c.placeholder IS NULL
            RETURN c.record AS record""";

    /** A document to import and what it says, for the peer's status. */
    public record Conversion(Map<String, Object> document, int published, int withdrawn, List<String> skipped) {

        public String summary() {
            return "footprints: " + published + " published, " + withdrawn + " withdrawn"
                    + (skipped.isEmpty() ? "" : ", " + skipped.size() + " not used (" + String.join("; ", skipped.stream().limit(5).toList())
                    + (skipped.size() > 5 ? "; …" : "") + ")");
        }
    }

    private record Stream(String id, String unit, Set<Integer> years) {
    }

    record Candidate(int year, double perUnit, Instant created) {
    }

    private final Cypher cypher;

    SupplierFootprints(Cypher cypher) {
        this.cypher = cypher.unguarded(); // the import checks the document as the supplier's harvester
    }

    /**
     * @param products         product ids the peer's configuration maps to streams, in addition to our own URNs
     * @param withdrawMissing  a whole listing: a stream's published footprint of a year the supplier no longer lists is
     *                         withdrawn; false for the answer to a request, which lists only what was asked for
     */
    public Conversion convert(String partner, Collection<JsonNode> footprints, Map<String, String> products, boolean withdrawMissing) {
        var streams = new LinkedHashMap<String, Stream>();
        cypher.list(STREAMS, Map.of("prefix", partner + ":"), r -> streams.put(r.get("id").asString(),
                new Stream(r.get("id").asString(), r.get("unit").asString(null), new TreeSet<>(r.get("years").asList(v -> v.asInt())))));
        var byProduct = new HashMap<String, String>();
        streams.keySet().forEach(id -> byProduct.put(PactIds.product(id).toLowerCase(Locale.ROOT), id));
        products.forEach((product, stream) -> byProduct.put(product.toLowerCase(Locale.ROOT), stream));

        var chosen = new TreeMap<String, Candidate>(); // stream@year
        var skipped = new ArrayList<String>();
        for (JsonNode pf : footprints) {
            if ("Deprecated".equalsIgnoreCase(pf.path("status").asString(""))) {
                continue;
            }
            String id = pf.path("id").asString("?");
            var matched = new TreeSet<String>();
            pf.path("productIds").forEach(p -> {
                String stream = byProduct.get(p.asString("").toLowerCase(Locale.ROOT));
                if (stream != null && streams.containsKey(stream)) {
                    matched.add(stream);
                }
            });
            if (matched.isEmpty()) {
                continue; // a product no flow here takes: nothing to say about it
            }
            for (String stream : matched) {
                try {
                    var candidate = candidate(pf, streams.get(stream).unit());
                    chosen.merge(stream + "@" + candidate.year(), candidate, SupplierFootprints::better);
                } catch (IllegalArgumentException e) {
                    skipped.add(id + " for " + stream + ": " + e.getMessage());
                }
            }
        }
        var entries = new ArrayList<Map<String, Object>>();
        chosen.forEach((key, c) -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("sideStream", key.substring(0, key.lastIndexOf('@')));
            entry.put("year", c.year());
            entry.put("tCO2ePerUnit", c.perUnit());
            entry.put("allocation", "MASS");
            entries.add(entry);
        });
        int withdrawn = 0;
        if (withdrawMissing) {
            for (var s : streams.values()) {
                for (int year : s.years()) {
                    if (!chosen.containsKey(s.id() + "@" + year)) {
                        entries.add(Map.of("sideStream", s.id(), "year", year, "deleted", true));
                        withdrawn++;
                    }
                }
            }
        }
        var document = new LinkedHashMap<String, Object>();
        document.put("format", "symbiosis-kb/1");
        document.put("partner", partner);
        document.put("description", "PACT footprints of supplier " + partner + ", pulled by symbiosis-kb");
        document.put("footprints", entries);
        var consents = consents(partner, chosen.keySet().stream().map(k -> k.substring(0, k.lastIndexOf('@'))).collect(
                java.util.stream.Collectors.toSet()), withdrawMissing);
        if (!consents.isEmpty()) {
            document.put("consents", consents);
        }
        return new Conversion(document, chosen.size(), withdrawn, skipped);
    }

    /** Consents to the flows from the streams with a footprint; with a whole listing, withdrawn from the others. */
    private List<Map<String, Object>> consents(String partner, Set<String> shared, boolean withdrawMissing) {
        var consents = new ArrayList<Map<String, Object>>();
        var consented = new TreeSet<String>();
        cypher.list(CONSENTED, Map.of("partner", partner), r -> consented.add(r.get("record").asString()));
        cypher.list(FLOWS_FROM, Map.of("prefix", partner + ":"), r -> {
            String flow = r.get("flow").asString();
            if (shared.contains(r.get("stream").asString())) {
                // without terms: it accepts the flow as it stands now (Consents); each pull accepts it again as it then stands
                consents.add(Map.of("partner", partner, "record", flow, "decision", "ACCEPTED"));
            } else if (withdrawMissing && consented.contains(flow)) {
                consents.add(Map.of("partner", partner, "record", flow, "deleted", true));
            }
            return flow;
        });
        return consents;
    }

    private static Candidate better(Candidate a, Candidate b) {
        return a.created().isAfter(b.created()) ? a : b;
    }

    /** The footprint's year and t CO2e per unit of the stream; IllegalArgumentException says why it cannot be used. */
    static Candidate candidate(JsonNode pf, String streamUnit) {
        JsonNode pcf = pf.path("pcf");
        Instant start = instant(pcf.path("referencePeriodStart"), "referencePeriodStart");
        Instant end = instant(pcf.path("referencePeriodEnd"), "referencePeriodEnd");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("its reference period ends before it starts");
        }
        int year = start.plusMillis((end.toEpochMilli() - start.toEpochMilli()) / 2).atZone(ZoneOffset.UTC).getYear();
        double pcfValue = decimal(pcf.path("pcfExcludingBiogenicUptake"), "pcfExcludingBiogenicUptake");
        double amount = decimal(pcf.path("declaredUnitAmount"), "declaredUnitAmount");
        if (amount <= 0) {
            throw new IllegalArgumentException("declaredUnitAmount must be more than 0");
        }
        double perDeclared = pcfValue / amount;
        String unit = pcf.path("declaredUnitOfMeasurement").asString("");
        double mass = pcf.path("productMassPerDeclaredUnit").isString() ? decimal(pcf.path("productMassPerDeclaredUnit"), "productMassPerDeclaredUnit") : 0;
        boolean energy = unit.equals("kilowatt hour") || unit.equals("megajoule");
        String wanted = streamUnit == null ? (energy ? "MWh" : "t") : streamUnit;
        double perUnit;
        if (wanted.equals("MWh")) {
            perUnit = switch (unit) {
                case "kilowatt hour" -> perDeclared;          // kg CO2e per kWh = t CO2e per MWh
                case "megajoule" -> perDeclared * 3.6;        // 1 MWh = 3600 MJ: kg per MJ × 3600 / 1000
                default -> throw new IllegalArgumentException("its declared unit " + unit + " is not energy, and the stream is in MWh");
            };
        } else {
            if (unit.equals("kilogram")) {
                perUnit = perDeclared;                        // kg CO2e per kg = t CO2e per t
            } else if (mass > 0) {
                perUnit = pcfValue / mass;                    // per declared unit ÷ its mass in kg
            } else {
                throw new IllegalArgumentException("its declared unit " + unit + " has no productMassPerDeclaredUnit, and the stream is in t");
            }
        }
        if (!(perUnit >= 0) || !Double.isFinite(perUnit)) {
            throw new IllegalArgumentException("pcfExcludingBiogenicUptake is negative (net removals), which a published footprint cannot carry");
        }
        Instant created = pf.path("created").isString() ? instant(pf.path("created"), "created") : Instant.EPOCH;
        return new Candidate(year, perUnit, created);
    }

    private static Instant instant(JsonNode value, String name) {
        try {
            return OffsetDateTime.parse(value.asString("")).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not a date-time");
        }
    }

    private static double decimal(JsonNode value, String name) {
        try {
            return value.isNumber() ? value.asDouble() : Decimals.parse(value.asString(""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a decimal");
        }
    }
}
