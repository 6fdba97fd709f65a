package org.symbiosiskb.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Deterministic synthetic networks as {@code symbiosis-kb/1} documents, in two shapes. All figures
 * are synthetic.
 *
 * <p><b>Dense</b> (partner {@code bench}, issue 4): parks of equal size, each a spine of 20
 * processes closed into a loop, a hub stream feeding up to 300 consumers and about four random
 * local flows per process, plus a few flows to any process anywhere: every park is one strongly
 * connected component and the parks join into one, so a process's upstream closure is most of the
 * network. A stress test, not a picture of real parks.
 *
 * <p><b>Realistic</b> (partner {@code real}, issue 15): shaped like the example data (12 Finnish
 * parks, 72 processes, 83 flows, closures of 1 to 19 processes) and the E-PRTR sites: parks of 5 to
 * 80 processes (log-uniform), a fifth of them anchors (a smelter, a pulp mill) whose slag, ash and
 * heat many flows take; each process takes from 0 to 3 earlier processes of its park (an anchor's
 * slag or ash, the one just before it in a chain of treatments, or any earlier one, so a park's
 * flows mostly run one way), a tenth of the parks have a small heat loop, and one process in eight
 * takes a stream from an earlier park of its cluster of four. Upstream closures: a handful of
 * processes for most, a few tens for the deepest (at size M: median 6, 90th percentile 17, largest 50). About a third of the processes are register sites with a REPORTED scope-1
 * record beside their assumed one.
 *
 * <p>Each park is generated from its own seed, so the documents are made when they are read (two
 * networks of 100,000 processes need not sit in memory): one document per park with its records,
 * then one per park with its flows (flows across parks find their streams already imported).
 */
final class NetworkGenerator {

    enum Size {
        S(1_000, 5), M(10_000, 20), L(100_000, 100);

        final int processes;
        /** Parks of the dense network; the realistic one has as many processes in parks of 5–80. */
        final int parks;

        Size(int processes, int parks) {
            this.processes = processes;
            this.parks = parks;
        }
    }

    enum Shape { DENSE, REALISTIC }

    static final int[] YEARS = {2022, 2023, 2024};
    private static final String[] EWC = {"10 02 02", "10 01 01", "19 12 12", "03 03 02", "10 01 05", "03 03 11"};

    /**
     * A generated network: ids to pick from, the counts, and the documents, made anew on each pass.
     *
     * @param parkSizes processes per park; a park's processes are {@code partner:p-k-i}
     */
    record Network(Shape shape, Size size, String partner, long seed, int[] parkSizes, List<String> processes,
                   List<String> organizations, List<String> parks, List<String> sideStreams, String largestPark, String network,
                   long records, long flows) {

        Iterable<Map<String, Object>> recordDocuments() {
            return () -> documents(k -> generator().park(k).records);
        }

        Iterable<Map<String, Object>> flowDocuments() {
            return () -> documents(k -> generator().park(k).flows);
        }

        private NetworkGenerator generator() {
            return new NetworkGenerator(this);
        }

        private Iterator<Map<String, Object>> documents(IntFunction<Map<String, Object>> park) {
            return new Iterator<>() {
                int k;

                @Override
                public boolean hasNext() {
                    return k < parkSizes.length;
                }

                @Override
                public Map<String, Object> next() {
                    return park.apply(k++);
                }
            };
        }
    }

    private record Park(Map<String, Object> records, Map<String, Object> flows, int recordCount, int flowCount) {
    }

    private final Network network;

    private NetworkGenerator(Network network) {
        this.network = network;
    }

    static Network generate(Size size, long seed) {
        return generate(Shape.DENSE, size, seed);
    }

    static Network generate(Shape shape, Size size, long seed) {
        String partner = shape == Shape.DENSE ? "bench" : "real";
        int[] sizes;
        if (shape == Shape.DENSE) {
            sizes = new int[size.parks];
            java.util.Arrays.fill(sizes, size.processes / size.parks);
        } else {
            var random = new SplittableRandom(seed);
            var list = new ArrayList<Integer>();
            int left = size.processes;
            while (left > 0) {
                int n = (int) Math.round(Math.exp(random.nextDouble(Math.log(5), Math.log(80))));
                n = Math.min(left, Math.max(5, n));
                list.add(n);
                left -= n;
            }
            sizes = list.stream().mapToInt(Integer::intValue).toArray();
        }
        var shell = new Network(shape, size, partner, seed, sizes, List.of(), List.of(), List.of(), List.of(), null, partner + ":network", 0, 0);
        var generator = new NetworkGenerator(shell);
        // one pass for the ids and counts; the documents themselves are made again when read
        var processes = new ArrayList<String>();
        var organizations = new ArrayList<String>();
        var parks = new ArrayList<String>();
        var streams = new ArrayList<String>();
        long records = 0;
        long flows = 0;
        int largest = 0;
        for (int k = 0; k < sizes.length; k++) {
            var park = generator.park(k);
            records += park.recordCount() + park.flowCount();
            flows += park.flowCount();
            parks.add(id(partner, "park-" + k));
            collect(park.records(), "processes", processes);
            collect(park.records(), "organizations", organizations);
            collect(park.records(), "sideStreams", streams);
            largest = sizes[k] > sizes[largest] ? k : largest;
        }
        return new Network(shape, size, partner, seed, sizes, processes, organizations, parks, streams, parks.get(largest),
                partner + ":network", records, flows);
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> doc, String array, List<String> into) {
        for (var r : (List<Map<String, Object>>) doc.get(array)) {
            into.add((String) r.get("id"));
        }
    }

    private String id(String local) {
        return id(network.partner(), local);
    }

    private static String id(String partner, String local) {
        return partner + ":" + local;
    }

    private String process(int park, int i) {
        return id("p-" + park + "-" + i);
    }

    private Park park(int k) {
        return network.shape() == Shape.DENSE ? densePark(k) : realisticPark(k);
    }

    /** The park's forests, each owned by one organization and bought from by the next, round the organizations. */
    private void sinksAndAgreements(int k, int count, String park, double lat, double lon, double capacity, double bought,
                                    List<Map<String, Object>> orgs, List<Map<String, Object>> sinks, List<Map<String, Object>> agreements) {
        int orgCount = orgs.size();
        for (int s = 0; s < count; s++) {
            String sink = id("sink-" + k + "-" + s);
            sinks.add(Map.of("id", sink, "name", "Forest " + k + "/" + s, "kind", "FOREST", "owner", orgs.get(s % orgCount).get("id"),
                    "park", park, "location", Map.of("lat", lat, "lon", lon), "tCO2ePerYear", capacity));
            agreements.add(Map.of("id", id("oa-" + k + "-" + s), "buyer", orgs.get((s + 1) % orgCount).get("id"), "sink", sink,
                    "tCO2ePerYear", bought, "fromYear", 2022, "toYear", 2030, "status", "ACTIVE"));
        }
    }

    /** Puts the park's records into its document; the number of records (the network itself with park 0). */
    @SafeVarargs
    private static int put(Map<String, Object> doc, int k, List<Map<String, Object>>... arrays) {
        String[] names = {"parks", "organizations", "processes", "emissions", "sideStreams", "carbonSinks", "offsetAgreements"};
        int count = k == 0 ? 1 : 0;
        for (int a = 0; a < names.length; a++) {
            doc.put(names[a], arrays[a]);
            count += arrays[a].size();
        }
        return count;
    }

    // ---- the dense network (issue 4) ----

    private Park densePark(int k) {
        var random = new SplittableRandom(network.seed() * 1_000_003L + k);
        int perPark = network.parkSizes()[k];
        double lat = 60 + (k % 10) * 0.6;
        double lon = 21 + (k / 10) * 0.8;
        var doc = document();
        String park = id("park-" + k);
        var parks = new ArrayList<Map<String, Object>>();
        if (k == 0) {
            doc.put("networks", List.of(Map.of("id", network.network(), "name", "Synthetic network " + network.partner())));
        }
        parks.add(Map.of("id", park, "name", "Synthetic park " + k, "location", Map.of("lat", lat, "lon", lon), "country", "FI",
                "networks", List.of(network.network())));
        var orgs = new ArrayList<Map<String, Object>>();
        var processes = new ArrayList<Map<String, Object>>();
        var emissions = new ArrayList<Map<String, Object>>();
        var streams = new ArrayList<Map<String, Object>>();
        var sinks = new ArrayList<Map<String, Object>>();
        var agreements = new ArrayList<Map<String, Object>>();
        int orgCount = Math.max(1, perPark / 5);
        for (int o = 0; o < orgCount; o++) {
            orgs.add(Map.of("id", id("org-" + k + "-" + o), "name", "Company " + k + "/" + o, "park", park,
                    "location", Map.of("lat", lat + random.nextDouble(-0.05, 0.05), "lon", lon + random.nextDouble(-0.05, 0.05))));
        }
        // stream id → [quantity, still free] for flows
        var free = new LinkedHashMap<String, double[]>();
        for (int i = 0; i < perPark; i++) {
            String process = process(k, i);
            double output = 10_000 + random.nextInt(90_000);
            processes.add(Map.of("id", process, "name", "Process " + k + "/" + i, "operator", orgs.get(i % orgCount).get("id"), "outputTonnes", output));
            for (int year : YEARS) {
                emissions.add(Map.of("process", process, "year", year, "scope", 1, "tCO2e", (double) random.nextInt(5_000), "source", "PROCESS"));
                emissions.add(Map.of("process", process, "year", year, "scope", 2, "tCO2e", (double) random.nextInt(1_000), "source", "ENERGY"));
            }
            for (int s = 0; s < 3; s++) {
                String stream = id("s-" + k + "-" + i + "-" + s);
                double quantity = Math.floor(output * (0.05 + random.nextDouble(0.25)));
                streams.add(Map.of("id", stream, "name", "Stream " + k + "/" + i + "/" + s, "producer", process, "quantity", quantity,
                        "unit", "t", "ewc", EWC[s % 4 + (i % 2)]));
                free.put(stream, new double[] {quantity, quantity});
            }
        }
        sinksAndAgreements(k, Math.max(1, perPark / 50), park, lat + 0.1, lon + 0.1, 2000.0, 500.0, orgs, sinks, agreements);
        int recordCount = put(doc, k, parks, orgs, processes, emissions, streams, sinks, agreements);
        // flows: a spine (chain deeper than 12, closed into a loop), one hub feeding hundreds, random local flows, a few across parks
        var flows = new ArrayList<Map<String, Object>>();
        var flowRandom = new SplittableRandom(network.seed() * 2_000_003L + k);
        int spine = Math.min(perPark, 20);
        for (int i = 1; i < spine; i++) {
            addFlow(flows, free, stream(k, i - 1, 0), process(k, i), 0.5, flowRandom, k);
        }
        addFlow(flows, free, stream(k, spine - 1, 1), process(k, 0), 0.02, flowRandom, k);
        String hub = stream(k, spine % perPark, 2);
        for (int c = 0; c < Math.min(300, perPark - 1); c++) {
            addFlow(flows, free, hub, process(k, 1 + (c % (perPark - 1))), 0.003, flowRandom, k);
        }
        for (int n = 0; n < perPark * 4; n++) {
            int from = flowRandom.nextInt(perPark);
            int to = flowRandom.nextInt(perPark);
            if (from != to) {
                addFlow(flows, free, stream(k, from, flowRandom.nextInt(3)), process(k, to), 0.1, flowRandom, k);
            }
        }
        int total = network.size().processes;
        for (int n = 0; n < perPark / 20; n++) {
            int from = flowRandom.nextInt(perPark);
            int to = flowRandom.nextInt(total);
            addFlow(flows, free, stream(k, from, flowRandom.nextInt(3)), process(to / perPark, to % perPark), 0.05, flowRandom, k);
        }
        var flowDoc = document();
        flowDoc.put("flows", flows);
        return new Park(doc, flowDoc, recordCount, flows.size());
    }

    private String stream(int park, int process, int s) {
        return id("s-" + park + "-" + process + "-" + s);
    }

    private void addFlow(List<Map<String, Object>> flows, Map<String, double[]> free, String stream, String consumer,
                         double shareOfFree, SplittableRandom random, int park) {
        if (stream.startsWith(consumer.replace(":p-", ":s-") + "-")) {
            return; // not into its own producer
        }
        double[] q = free.get(stream);
        double quantity = Math.floor(q[1] * shareOfFree);
        if (quantity < 1) {
            return;
        }
        q[1] -= quantity;
        var flow = new LinkedHashMap<String, Object>(Map.of("id", id("f-" + park + "-" + flows.size()), "sideStream", stream,
                "consumer", consumer, "quantity", quantity, "transportMode", "ROAD", "distanceKm", (double) random.nextInt(1, 100)));
        if (random.nextInt(10) == 0) {
            flow.put("fromYear", 2023);
        }
        flows.add(flow);
    }

    // ---- the realistic network (issue 15) ----

    private Park realisticPark(int k) {
        var random = new SplittableRandom(network.seed() * 3_000_017L + k);
        int n = network.parkSizes()[k];
        double lat = 60 + (k % 40) * 0.15;
        double lon = 21 + (k / 40) * 0.12;
        var doc = document();
        String park = id("park-" + k);
        if (k == 0) {
            doc.put("networks", List.of(Map.of("id", network.network(), "name", "Synthetic network " + network.partner())));
        }
        var parks = List.<Map<String, Object>>of(Map.of("id", park, "name", "Synthetic area " + k, "location", Map.of("lat", lat, "lon", lon),
                "country", "FI", "networks", List.of(network.network())));
        var orgs = new ArrayList<Map<String, Object>>();
        var processes = new ArrayList<Map<String, Object>>();
        var emissions = new ArrayList<Map<String, Object>>();
        var streams = new ArrayList<Map<String, Object>>();
        var sinks = new ArrayList<Map<String, Object>>();
        var agreements = new ArrayList<Map<String, Object>>();
        int orgCount = Math.max(1, n * 2 / 3);
        for (int o = 0; o < orgCount; o++) {
            orgs.add(Map.of("id", id("org-" + k + "-" + o), "name", "Company " + k + "/" + o, "park", park,
                    "location", Map.of("lat", lat + random.nextDouble(-0.03, 0.03), "lon", lon + random.nextDouble(-0.03, 0.03))));
        }
        int anchors = Math.max(1, n / 5);
        var free = new LinkedHashMap<String, double[]>();
        var streamsOf = new ArrayList<List<String>>();
        for (int i = 0; i < n; i++) {
            String process = process(k, i);
            boolean anchor = i < anchors;
            double output = anchor ? 100_000 + random.nextInt(900_000) : 2_000 + random.nextInt(48_000);
            processes.add(Map.of("id", process, "name", "Site " + k + "/" + i, "operator", orgs.get(i % orgCount).get("id"), "outputTonnes", output));
            boolean reporting = anchor || random.nextInt(4) == 0;
            for (int year : YEARS) {
                double scope1 = (anchor ? 50_000 + random.nextInt(450_000) : random.nextInt(20_000));
                emissions.add(Map.of("process", process, "year", year, "scope", 1, "tCO2e", scope1, "source", "PROCESS"));
                emissions.add(Map.of("process", process, "year", year, "scope", 2, "tCO2e", (double) random.nextInt(anchor ? 40_000 : 3_000),
                        "source", "ENERGY"));
                if (reporting) {
                    emissions.add(Map.of("process", process, "year", year, "scope", 1, "tCO2e", Math.floor(scope1 * random.nextDouble(0.8, 1.2)),
                            "source", "PROCESS", "provenance", Map.of("kind", "REPORTED", "source", "synthetic register " + year)));
                }
            }
            var own = new ArrayList<String>();
            int count = 1 + (random.nextInt(2) == 0 ? 1 : 0) + (anchor ? 1 : 0);
            for (int s = 0; s < count; s++) {
                String stream = id("s-" + k + "-" + i + "-" + s);
                boolean heat = s == 2 || (s == 1 && random.nextInt(5) == 0);
                var record = new LinkedHashMap<String, Object>();
                record.put("id", stream);
                record.put("name", (heat ? "Surplus heat " : "Side stream ") + k + "/" + i + "/" + s);
                record.put("producer", process);
                double quantity = heat ? Math.floor(output * random.nextDouble(0.2, 1.0)) : Math.floor(output * random.nextDouble(0.02, 0.15));
                record.put("quantity", quantity);
                record.put("unit", heat ? "MWh" : "t");
                if (heat) {
                    record.put("allocationShare", Math.floor(random.nextDouble(0.05, 0.3) * 100) / 100);
                } else {
                    record.put("ewc", EWC[random.nextInt(EWC.length)]);
                }
                streams.add(record);
                // an anchor's first stream keeps a fifth for the flows later parks of its cluster take (at most 5 t each)
                free.put(stream, new double[] {quantity, i == 0 && s == 0 ? quantity * 0.8 : quantity});
                own.add(stream);
            }
            streamsOf.add(own);
        }
        sinksAndAgreements(k, Math.max(1, n / 20), park, lat + 0.02, lon + 0.02, 3000.0, 800.0, orgs, sinks, agreements);
        int recordCount = put(doc, k, parks, orgs, processes, emissions, streams, sinks, agreements);
        // flows: from anchors and earlier processes of the park, a small heat loop in a tenth of the parks, a few from an
        // earlier park of the cluster of four
        var flows = new ArrayList<Map<String, Object>>();
        var flowRandom = new SplittableRandom(network.seed() * 4_000_037L + k);
        for (int i = 1; i < n; i++) {
            int dice = flowRandom.nextInt(20);
            int takes = dice < 2 ? 0 : dice < 9 ? 1 : dice < 17 ? 2 : 3;
            for (int t = 0; t < takes; t++) {
                int pick = flowRandom.nextInt(10);
                // an anchor's slag or ash, the process just before it in a chain of treatments, or any earlier one
                int from = pick < 3 ? flowRandom.nextInt(Math.min(anchors, i)) : pick < 7 ? Math.max(0, i - 1 - flowRandom.nextInt(3))
                        : flowRandom.nextInt(i);
                var own = streamsOf.get(from);
                realisticFlow(flows, free, own.get(flowRandom.nextInt(own.size())), process(k, i), flowRandom, k);
            }
        }
        if (n >= 3 && flowRandom.nextInt(10) == 0) {
            // a heat loop: the last process returns heat to the first anchor
            var own = streamsOf.get(n - 1);
            realisticFlow(flows, free, own.getLast(), process(k, 0), flowRandom, k);
        }
        int cluster = k - k % 4;
        if (k > cluster) {
            for (int i = 0; i < n; i++) {
                if (flowRandom.nextInt(8) == 0) {
                    int from = cluster + flowRandom.nextInt(k - cluster);
                    realisticFlow(flows, null, id("s-" + from + "-0-0"), process(k, i), flowRandom, k);
                }
            }
        }
        var flowDoc = document();
        flowDoc.put("flows", flows);
        return new Park(doc, flowDoc, recordCount, flows.size());
    }

    private void realisticFlow(List<Map<String, Object>> flows, Map<String, double[]> free, String stream, String consumer,
                               SplittableRandom random, int park) {
        double quantity;
        if (free == null) {
            // from another park's first anchor's first stream: at least 2,000 t, a fifth of it kept for these (at most 3 × 80 / 8 × 5 t)
            quantity = 1 + random.nextInt(5);
        } else {
            double[] q = free.get(stream);
            quantity = Math.floor(q[1] * random.nextDouble(0.1, 0.6));
            if (quantity < 1) {
                return;
            }
            q[1] -= quantity;
        }
        var flow = new LinkedHashMap<String, Object>();
        flow.put("id", id("f-" + park + "-" + flows.size()));
        flow.put("sideStream", stream);
        flow.put("consumer", consumer);
        flow.put("quantity", quantity);
        flow.put("transportMode", random.nextInt(4) == 0 ? "PIPELINE" : "ROAD");
        flow.put("distanceKm", (double) random.nextInt(1, 40));
        flows.add(flow);
    }

    private Map<String, Object> document() {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", "symbiosis-kb/1");
        doc.put("partner", network.partner());
        return doc;
    }
}
