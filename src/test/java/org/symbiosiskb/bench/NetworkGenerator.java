package org.symbiosiskb.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic networks shaped like real parks, as {@code symbiosis-kb/1} documents:
 * clusters per park (most flows stay inside a park), chains deeper than 12 (each park has a spine
 * of processes feeding the next), loops (every spine closes back on itself through a small
 * return flow), hub processes feeding hundreds of consumers, three years of emissions, sinks and
 * agreements. All figures are synthetic.
 *
 * <p>The network comes as two kinds of documents: one per park with its records, then one per
 * park with its flows, so that flows across parks always find their side streams already imported
 * (what a partner importing park by park would do).
 */
final class NetworkGenerator {

    enum Size {
        S(1_000, 5), M(10_000, 20), L(100_000, 100);

        final int processes;
        final int parks;

        Size(int processes, int parks) {
            this.processes = processes;
            this.parks = parks;
        }
    }

    static final String PARTNER = "bench";
    static final int[] YEARS = {2022, 2023, 2024};

    /** What the benchmark needs besides the documents: ids to pick roots from. */
    record Network(Size size, List<Map<String, Object>> recordDocuments, List<Map<String, Object>> flowDocuments,
                   List<String> processes, List<String> organizations, List<String> parks, List<String> sideStreams,
                   String largestPark, long records) {
    }

    static Network generate(Size size, long seed) {
        var random = new SplittableRandom(seed);
        int perPark = size.processes / size.parks;
        var recordDocs = new ArrayList<Map<String, Object>>();
        var flowDocs = new ArrayList<Map<String, Object>>();
        var allProcesses = new ArrayList<String>();
        var allOrgs = new ArrayList<String>();
        var allParks = new ArrayList<String>();
        var allStreams = new ArrayList<String>();
        // stream id → [quantity, still free] for flows
        var streamFree = new LinkedHashMap<String, double[]>();
        var streamOfProcess = new ArrayList<List<String>>();
        long records = 0;
        for (int k = 0; k < size.parks; k++) {
            String park = id("park-" + k);
            allParks.add(park);
            double lat = 60 + (k % 10) * 0.6;
            double lon = 21 + (k / 10) * 0.8;
            var parks = List.of(Map.<String, Object>of("id", park, "name", "Synthetic park " + k,
                    "location", Map.of("lat", lat, "lon", lon), "country", "FI"));
            var orgs = new ArrayList<Map<String, Object>>();
            var processes = new ArrayList<Map<String, Object>>();
            var emissions = new ArrayList<Map<String, Object>>();
            var streams = new ArrayList<Map<String, Object>>();
            var sinks = new ArrayList<Map<String, Object>>();
            var agreements = new ArrayList<Map<String, Object>>();
            int orgCount = Math.max(1, perPark / 5);
            for (int o = 0; o < orgCount; o++) {
                String org = id("org-" + k + "-" + o);
                allOrgs.add(org);
                orgs.add(Map.of("id", org, "name", "Company " + k + "/" + o, "park", park,
                        "location", Map.of("lat", lat + random.nextDouble(-0.05, 0.05), "lon", lon + random.nextDouble(-0.05, 0.05))));
            }
            for (int i = 0; i < perPark; i++) {
                String process = id("p-" + k + "-" + i);
                allProcesses.add(process);
                double output = 10_000 + random.nextInt(90_000);
                processes.add(Map.of("id", process, "name", "Process " + k + "/" + i,
                        "operator", orgs.get(i % orgCount).get("id"), "outputTonnes", output));
                for (int year : YEARS) {
                    emissions.add(Map.of("process", process, "year", year, "scope", 1, "tCO2e", (double) random.nextInt(5_000), "source", "PROCESS"));
                    emissions.add(Map.of("process", process, "year", year, "scope", 2, "tCO2e", (double) random.nextInt(1_000), "source", "ENERGY"));
                }
                var own = new ArrayList<String>();
                for (int s = 0; s < 3; s++) {
                    String stream = id("s-" + k + "-" + i + "-" + s);
                    double quantity = Math.floor(output * (0.05 + random.nextDouble(0.25)));
                    var record = new LinkedHashMap<String, Object>(Map.of("id", stream, "name", "Stream " + k + "/" + i + "/" + s,
                            "producer", process, "quantity", quantity, "unit", "t", "ewc", List.of("10 02 02", "10 01 01", "19 12 12", "03 03 02").get(s % 4 + (i % 2))));
                    streams.add(record);
                    streamFree.put(stream, new double[] {quantity, quantity});
                    allStreams.add(stream);
                    own.add(stream);
                }
                streamOfProcess.add(own);
            }
            int sinkCount = Math.max(1, perPark / 50);
            for (int s = 0; s < sinkCount; s++) {
                String sink = id("sink-" + k + "-" + s);
                sinks.add(Map.of("id", sink, "name", "Forest " + k + "/" + s, "kind", "FOREST", "owner", orgs.get(s % orgCount).get("id"),
                        "park", park, "location", Map.of("lat", lat + 0.1, "lon", lon + 0.1), "tCO2ePerYear", 2000.0));
                agreements.add(Map.of("id", id("oa-" + k + "-" + s), "buyer", orgs.get((s + 1) % orgCount).get("id"), "sink", sink,
                        "tCO2ePerYear", 500.0, "fromYear", 2022, "toYear", 2030, "status", "ACTIVE"));
            }
            var doc = document();
            doc.put("parks", parks);
            doc.put("organizations", orgs);
            doc.put("processes", processes);
            doc.put("emissions", emissions);
            doc.put("sideStreams", streams);
            doc.put("carbonSinks", sinks);
            doc.put("offsetAgreements", agreements);
            records += parks.size() + orgs.size() + processes.size() + emissions.size() + streams.size() + sinks.size() + agreements.size();
            recordDocs.add(doc);
        }
        // flows: a spine per park (chain deeper than 12, closed into a loop), random local flows,
        // one hub per park feeding hundreds, and a few flows across parks
        int flowNo = 0;
        for (int k = 0; k < size.parks; k++) {
            var flows = new ArrayList<Map<String, Object>>();
            int base = k * perPark;
            int spine = Math.min(perPark, 20);
            for (int i = 1; i < spine; i++) {
                flowNo = addFlow(flows, streamFree, streamOfProcess.get(base + i - 1).get(0), allProcesses.get(base + i), 0.5, random, flowNo);
            }
            // the loop: the last spine process sends a little back to the first
            flowNo = addFlow(flows, streamFree, streamOfProcess.get(base + spine - 1).get(1), allProcesses.get(base), 0.02, random, flowNo);
            // a hub feeding up to 300 consumers of its park
            String hub = streamOfProcess.get(base + spine % perPark).get(2);
            for (int c = 0; c < Math.min(300, perPark - 1); c++) {
                flowNo = addFlow(flows, streamFree, hub, allProcesses.get(base + 1 + (c % (perPark - 1))), 0.003, random, flowNo);
            }
            // local flows: about five flows per process in all
            for (int n = 0; n < perPark * 4; n++) {
                int from = base + random.nextInt(perPark);
                int to = base + random.nextInt(perPark);
                if (from != to) {
                    flowNo = addFlow(flows, streamFree, streamOfProcess.get(from).get(random.nextInt(3)), allProcesses.get(to), 0.1, random, flowNo);
                }
            }
            // across parks
            for (int n = 0; n < perPark / 20; n++) {
                int from = base + random.nextInt(perPark);
                int to = random.nextInt(size.processes);
                flowNo = addFlow(flows, streamFree, streamOfProcess.get(from).get(random.nextInt(3)), allProcesses.get(to), 0.05, random, flowNo);
            }
            var doc = document();
            doc.put("flows", flows);
            records += flows.size();
            flowDocs.add(doc);
        }
        return new Network(size, recordDocs, flowDocs, allProcesses, allOrgs, allParks, allStreams, allParks.getFirst(), records);
    }

    private static int addFlow(List<Map<String, Object>> flows, Map<String, double[]> streamFree, String stream, String consumer,
                               double shareOfFree, SplittableRandom random, int flowNo) {
        if (stream.contains("-" + consumer.substring(consumer.indexOf(":p-") + 3) + "-")) {
            return flowNo; // not into its own producer
        }
        double[] q = streamFree.get(stream);
        double quantity = Math.floor(q[1] * shareOfFree);
        if (quantity < 1) {
            return flowNo;
        }
        q[1] -= quantity;
        var flow = new LinkedHashMap<String, Object>(Map.of("id", id("f-" + flowNo), "sideStream", stream, "consumer", consumer,
                "quantity", quantity, "transportMode", "ROAD", "distanceKm", (double) random.nextInt(1, 100)));
        if (random.nextInt(10) == 0) {
            flow.put("fromYear", 2023);
        }
        flows.add(flow);
        return flowNo + 1;
    }

    private static Map<String, Object> document() {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", "symbiosis-kb/1");
        doc.put("partner", PARTNER);
        return doc;
    }

    private static String id(String local) {
        return PARTNER + ":" + local;
    }
}
