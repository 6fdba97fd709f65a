package org.symbiosiskb.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random exchange documents of three partners whose records are PUBLIC, NETWORK or PRIVATE at random and
 * whose figures are distinctive (four decimals drawn at random, no two alike), with links across partners
 * (processes and sinks in another partner's park, flows between partners, agreements on another partner's
 * sink) and consents to some of them. Valid by construction: flows within their stream, streams within their
 * process's output, agreements within their sink.
 *
 * <p>It also keeps, for the test's own oracle, who owns each record, its visibility, its parties and its
 * figures: the disclosure rule written a second time, independently of the service (docs/partners.md, "What an answer
 * shows").
 */
final class RandomPartnerData {

    static final List<String> PARTNERS = List.of("lka", "lkb", "lkc");
    static final int YEAR = 2024;

    /** What the oracle needs of a record. {@code process}: for an emission record, its process. */
    record Known(String id, String owner, String visibility, Set<String> parties, List<Double> figures, String process) {
    }

    final Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> consents = new LinkedHashMap<>();
    final Map<String, Known> records = new LinkedHashMap<>();
    final List<String> parks = new ArrayList<>();
    final List<String> organizations = new ArrayList<>();
    final List<String> processes = new ArrayList<>();
    final List<String> streams = new ArrayList<>();
    final List<String> sinks = new ArrayList<>();
    final List<String> roadmaps = new ArrayList<>();
    final List<String> needs = new ArrayList<>();
    final List<String> flows = new ArrayList<>();
    final List<String> agreements = new ArrayList<>();

    private final Random random;
    private final Set<Double> used = new HashSet<>();
    private final Map<String, Double> output = new HashMap<>();
    private final Map<String, Double> streamQuantity = new HashMap<>();
    private final Map<String, Double> streamLeft = new HashMap<>();
    private final Map<String, Double> sinkLeft = new HashMap<>();
    private final Map<String, String> parkOf = new HashMap<>();

    RandomPartnerData(long seed) {
        this.random = new Random(seed);
        PARTNERS.forEach(p -> {
            var doc = new LinkedHashMap<String, Object>();
            doc.put("format", "symbiosis-kb/1");
            doc.put("partner", p);
            documents.put(p, doc);
            var consent = new LinkedHashMap<String, Object>();
            consent.put("format", "symbiosis-kb/1");
            consent.put("partner", p);
            consent.put("consents", new ArrayList<>());
            consents.put(p, consent);
        });
        PARTNERS.forEach(this::ownRecords);
        PARTNERS.forEach(this::crossPartnerRecords);
    }

    /** A figure no other figure equals: a value in [low, high) with four random decimals. */
    double figure(double low, double high) {
        while (true) {
            double v = Math.round((low + random.nextDouble() * (high - low)) * 10_000) / 10_000.0;
            if (v > low && used.add(v)) {
                return v;
            }
        }
    }

    private String visibility() {
        return List.of("PUBLIC", "NETWORK", "PRIVATE").get(random.nextInt(3));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> add(String partner, String array, Map<String, Object> record) {
        ((List<Object>) documents.get(partner).computeIfAbsent(array, k -> new ArrayList<>())).add(record);
        return record;
    }

    private void know(String id, String owner, Map<String, Object> record, Set<String> parties, String process, Double... figures) {
        records.put(id, new Known(id, owner, (String) record.getOrDefault("visibility", "NETWORK"), parties, List.of(figures), process));
    }

    private static Map<String, Object> map(Object... keyValues) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private void ownRecords(String p) {
        String park = p + ":park";
        var parkRecord = add(p, "parks", map("id", park, "name", "Park " + p, "location",
                Map.of("lat", 60 + random.nextInt(5), "lon", 22 + random.nextInt(4)), "visibility", visibility()));
        know(park, p, parkRecord, Set.of(), null);
        parks.add(park);
        for (int o = 0; o < 2; o++) {
            String org = p + ":org" + o;
            var orgRecord = add(p, "organizations", map("id", org, "name", "Org " + org, "park", park, "visibility", visibility()));
            know(org, p, orgRecord, Set.of(), null);
            organizations.add(org);
        }
        for (int i = 0; i < 3; i++) {
            String process = p + ":process" + i;
            double out = figure(5000, 9000);
            var record = add(p, "processes", map("id", process, "name", "Process " + process, "operator", p + ":org" + (i % 2),
                    "outputTonnes", out, "visibility", visibility()));
            know(process, p, record, Set.of(), null, out);
            processes.add(process);
            output.put(process, out);
            parkOf.put(process, park);
            for (int scope = 1; scope <= 3; scope++) {
                double t = figure(100, 3000);
                var emission = add(p, "emissions", map("process", process, "year", YEAR, "scope", scope, "tCO2e", t,
                        "source", scope == 1 ? "PROCESS" : "ENERGY", "visibility", random.nextInt(4) == 0 ? "PRIVATE" : "NETWORK"));
                if (scope == 3) {
                    emission.put("category", 1);
                }
                String key = process + "@" + YEAR + "/" + scope + "/" + (scope == 3 ? "1" : "-") + "/" + (scope == 1 ? "PROCESS" : "ENERGY");
                know(key, p, emission, Set.of(), process, t);
            }
            String stream = p + ":stream" + i;
            double q = figure(1000, 2000);
            var s = add(p, "sideStreams", map("id", stream, "name", "Stream " + stream, "producer", process, "quantity", q, "unit", "t",
                    "ewc", "10 02 02", "visibility", visibility()));
            know(stream, p, s, Set.of(), null, q);
            streams.add(stream);
            streamQuantity.put(stream, q);
            streamLeft.put(stream, q);
        }
        String need = p + ":need";
        double wanted = figure(100, 900);
        var n = add(p, "needs", map("id", need, "process", p + ":process0", "quantity", wanted, "unit", "t", "ewc", "10 02",
                "visibility", visibility()));
        know(need, p, n, Set.of(), null, wanted);
        needs.add(need);
        String sink = p + ":sink";
        double capacity = figure(3000, 6000);
        var k = add(p, "carbonSinks", map("id", sink, "name", "Sink " + sink, "kind", "FOREST", "owner", p + ":org0", "park", park,
                "location", Map.of("lat", 60.5, "lon", 23.5), "tCO2ePerYear", capacity, "visibility", visibility()));
        know(sink, p, k, Set.of(), null, capacity);
        sinks.add(sink);
        sinkLeft.put(sink, capacity);
        String roadmap = p + ":roadmap";
        var r = add(p, "roadmaps", map("id", roadmap, "name", "Roadmap " + p, "park", park, "baseYear", YEAR, "visibility", visibility()));
        know(roadmap, p, r, Set.of(), null);
        roadmaps.add(roadmap);
        add(p, "targets", map("roadmap", roadmap, "year", YEAR + 6, "maxNet", 0));
        double cut = figure(50, 400);
        double capex = figure(10_000, 90_000);
        var cutMeasure = add(p, "measures", map("id", p + ":cut", "roadmap", roadmap, "name", "Cut", "kind", "EMISSION_CUT",
                "startYear", YEAR, "process", p + ":process1", "tCO2ePerYear", cut, "capexEUR", capex, "visibility", visibility()));
        know(p + ":cut", p, cutMeasure, Set.of(), null, cut, capex);
        double planted = figure(50, 400);
        var sinkMeasure = add(p, "measures", map("id", p + ":plant", "roadmap", roadmap, "name", "Plant", "kind", "NEW_SINK",
                "startYear", YEAR, "tCO2ePerYear", planted, "visibility", visibility()));
        know(p + ":plant", p, sinkMeasure, Set.of(), null, planted);
        // a flow within the partner
        flow(p, p + ":stream0", p + ":process1");
        agreement(p, p + ":org1", p + ":sink");
    }

    private void crossPartnerRecords(String p) {
        String other = PARTNERS.get((PARTNERS.indexOf(p) + 1) % PARTNERS.size());
        // our stream into their process, their stream into ours
        flow(p, p + ":stream1", other + ":process2");
        flow(p, other + ":stream2", p + ":process2");
        // an agreement on their sink
        agreement(p, p + ":org0", other + ":sink");
        // a process of ours in their park
        String guest = p + ":guest";
        var record = add(p, "processes", map("id", guest, "name", "Guest " + guest, "operator", p + ":org0", "park", other + ":park",
                "visibility", visibility()));
        double t = figure(100, 3000);
        var emission = add(p, "emissions", map("process", guest, "year", YEAR, "scope", 1, "tCO2e", t, "source", "PROCESS"));
        know(guest, p, record, Set.of(other), null);
        know(guest + "@" + YEAR + "/1/-/PROCESS", p, emission, Set.of(), guest, t);
        processes.add(guest);
        maybeAccept(other, guest);
    }

    private void flow(String owner, String stream, String consumer) {
        double quantity = figure(50, Math.min(400, streamLeft.get(stream) / 2));
        streamLeft.merge(stream, -quantity, Double::sum);
        String id = owner + ":flow" + flows.size();
        var record = add(owner, "flows", map("id", id, "sideStream", stream, "consumer", consumer, "quantity", quantity,
                "transportMode", "ROAD", "distanceKm", figure(5, 90), "substitutesFactor", figure(0.1, 0.9), "visibility", visibility()));
        var parties = new HashSet<String>();
        String other = partnerOf(stream).equals(owner) ? partnerOf(consumer) : partnerOf(stream);
        if (!other.equals(owner)) {
            parties.add(other);
            maybeAccept(other, id);
        }
        know(id, owner, record, parties, null, quantity, (Double) record.get("distanceKm"), (Double) record.get("substitutesFactor"));
        flows.add(id);
    }

    private void agreement(String owner, String buyer, String sink) {
        double t = figure(100, Math.min(900, sinkLeft.get(sink) / 3));
        sinkLeft.merge(sink, -t, Double::sum);
        String id = owner + ":agreement" + agreements.size();
        double price = figure(10, 60);
        var record = add(owner, "offsetAgreements", map("id", id, "buyer", buyer, "sink", sink, "tCO2ePerYear", t, "fromYear", YEAR,
                "toYear", YEAR + 5, "status", "ACTIVE", "pricePerTonne", price, "visibility", visibility()));
        var parties = new HashSet<String>();
        for (String end : List.of(buyer, sink)) {
            if (!partnerOf(end).equals(owner)) {
                parties.add(partnerOf(end));
            }
        }
        parties.forEach(party -> maybeAccept(party, id));
        know(id, owner, record, parties, null, t, price);
        agreements.add(id);
    }

    @SuppressWarnings("unchecked")
    private void maybeAccept(String partner, String record) {
        if (random.nextInt(3) > 0) {
            ((List<Object>) consents.get(partner).get("consents")).add(map("partner", partner, "record", record, "decision", "ACCEPTED"));
        }
    }

    static String partnerOf(String id) {
        return id.substring(0, id.indexOf(':'));
    }

    /** The rule, written again: whether {@code caller} (a partner, or null for anonymous) sees the record at all. */
    boolean knownTo(String caller, String id) {
        Known r = records.get(id);
        return r.owner().equals(caller) || r.visibility().equals("PUBLIC") || caller != null;
    }

    /** The rule, written again: may {@code caller} (a partner, or null for anonymous) see the record's figures? */
    boolean seenBy(String caller, String id) {
        Known r = records.get(id);
        if (r.process() != null) {
            Known process = records.get(r.process());
            return seenBy(caller, r.owner(), r.visibility(), process.parties()) && seenBy(caller, process.id());
        }
        return seenBy(caller, r.owner(), r.visibility(), r.parties());
    }

    private static boolean seenBy(String caller, String owner, String visibility, Set<String> parties) {
        if (owner.equals(caller) || visibility.equals("PUBLIC")) {
            return true;
        }
        if (caller == null) {
            return false;
        }
        return !visibility.equals("PRIVATE") || parties.contains(caller);
    }

    /** Every figure the caller may not see. */
    List<Double> hiddenFrom(String caller) {
        return records.values().stream().filter(r -> !seenBy(caller, r.id())).flatMap(r -> r.figures().stream()).toList();
    }
}
