package org.symbiosiskb.analytics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;

/**
 * The solved model of the flow graph (docs/architecture.md, "speed at network scale"): an in-memory copy
 * of every process (its outputTonnes, the emission figures that count per year, the flows into and
 * out of it) and, per year and allocation asked for, the footprint F of every process, its reported
 * part and its local term, solved once for the whole network by {@link Solver}.
 *
 * <p>It is kept current in place ({@link #update}): the processes a commit touched are read again
 * from the store, and each solved year and allocation remembers them as seeds. The next trace of
 * that year and allocation solves again only what lies downstream of the seeds (the components a
 * change touches and everything they feed); everything else keeps its figures. Reads and updates
 * are guarded by one read–write lock, so a trace always sees whole updates.
 */
final class FlowProjection implements FlowGraph {

    /**
     * A flow and the years it runs (null: open); what precedents match its side stream on: the waste codes it is
     * CLASSIFIED_AS, and its material when it has no waste code (CoreFlowGraph.codesOf, materialOf).
     */
    private static final class Dated implements Solver.Input {
        private final Flow flow;
        private final long fromYear;
        private final long toYear;
        private final List<String> codes;
        private final String material;
        /*
         * What every equation reads of the flow, worked out once here by Flow's own rules: a whole solve then reads this
         * object alone for each flow, not the flow and its boxed fields, scattered over the heap by the store's build.
         */
        private final double massShare;
        private final double transport;
        private final boolean published;
        /** The producer's place in the table once it has one (places are never given up), or -1; read and set under the write lock. */
        private int producer = -1;
        /** The consumer's place: the flow is read with its consumer, which has one. */
        private final int consumer;

        /**
         * @param fromYear null: open; likewise toYear
         * @param consumer the place of the flow's consumer
         */
        Dated(Flow flow, int consumer, Long fromYear, Long toYear, List<String> codes, String material) {
            this.flow = flow;
            this.consumer = consumer;
            this.fromYear = fromYear == null ? Long.MIN_VALUE : fromYear;
            this.toYear = toYear == null ? Long.MAX_VALUE : toYear;
            this.codes = codes;
            this.material = material;
            this.massShare = flow.share(Allocation.MASS);
            this.transport = flow.transport();
            this.published = !flow.publishedFootprints().isEmpty();
        }

        private Dated(Dated d) {
            this.flow = d.flow;
            this.consumer = d.consumer;
            this.fromYear = d.fromYear;
            this.toYear = d.toYear;
            this.codes = d.codes;
            this.material = d.material;
            this.massShare = d.massShare;
            this.transport = d.transport;
            this.published = d.published;
            this.producer = d.producer;
        }

        Flow flow() {
            return flow;
        }

        List<String> codes() {
            return codes;
        }

        String material() {
            return material;
        }

        boolean activeIn(int year) {
            return fromYear <= year && year <= toYear;
        }

        @Override
        public double shareIn(Allocation allocation, int year) {
            return published ? flow.shareIn(allocation, year) : share(allocation);
        }

        /** c(f). */
        double share(Allocation allocation) {
            return allocation == Allocation.MASS ? massShare : flow.share(allocation);
        }

        @Override
        public double publishedBurden(Allocation allocation, int year) {
            return published ? flow.publishedBurden(allocation, year) : 0;
        }

        @Override
        public double transport() {
            return transport;
        }
    }

    /** A side stream as its flows need it: the stream and producer, its waste codes and material; read once per build or update. */
    private record StreamRead(CoreFlowGraph.Source source, List<String> codes, String material) {
        static StreamRead of(Node stream) {
            var codes = CoreFlowGraph.codesOf(stream);
            return new StreamRead(CoreFlowGraph.source(stream), codes.isEmpty() ? List.of() : List.copyOf(codes), CoreFlowGraph.materialOf(stream));
        }
    }

    private static final Comparator<Dated> BY_ID = Comparator.comparing(d -> d.flow().id());

    /**
     * A process's figures per year, the records that count (Counting): years ascending. {@code counted}: the records
     * that count of every scope per year, as {@link CoreFlowGraph#emissions} lists them (balance and compensation
     * read them); null where the store holds a record the analytics cannot read, so that the store answers (and fails).
     */
    private record Figures(int[] years, double[] direct, Parts[] parts, Map<Integer, List<Records.EmissionRecord>> counted) {

        static final Figures NONE = new Figures(new int[0], new double[0], new Parts[0], Map.of());

        double direct(int year) {
            int i = Arrays.binarySearch(years, year);
            return i < 0 ? 0 : direct[i];
        }

        Parts parts(int year) {
            int i = Arrays.binarySearch(years, year);
            return i < 0 ? Parts.NONE : parts[i];
        }
    }

    /** The solved system of one year and allocation; the processes a change touched are its seeds until the next solve. */
    private static final class Solution {
        final int year;
        final Allocation allocation;
        final Solver.System system;
        volatile long lastUsed;
        /**
         * Each node's flows out as a trace's search reads them ({@link Solved#outputs(int)}), made the first time a trace
         * reads them and forgotten when they change; null until then. Traces fill it under the read lock, each a slot
         * at a time with immutable links: two that make the same node's at once make equal ones.
         */
        private Solved.Links[] outputs;

        Solution(int year, Allocation allocation, Solver.System system, int capacity) {
            this.year = year;
            this.allocation = allocation;
            this.system = system;
            this.outputs = new Solved.Links[capacity];
        }

        boolean current() {
            return system.current();
        }

        /** Room for every place; the links of {@code changed} nodes are made again when next read. Under the write lock. */
        void forgetOutputs(BitSet changed, int capacity) {
            if (outputs.length < capacity) {
                outputs = Arrays.copyOf(outputs, capacity);
            }
            changed.stream().forEach(node -> outputs[node] = null);
        }

        long outputBytes() {
            long bytes = 16 + 4L * outputs.length;
            for (Solved.Links links : outputs) {
                bytes += links == null ? 0 : links.bytes();
            }
            return bytes;
        }
    }

    /** Solutions kept at once: years and allocations asked for (three years, both allocations), least recently used dropped first. */
    static final int MAX_SOLUTIONS = 8;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> index = new HashMap<>();
    private String[] ids = new String[0];
    private boolean[] present = new boolean[0];
    private double[] output = new double[0];
    private Figures[] figures = new Figures[0];
    /** Per process: the parks it counts in (CoreFlowGraph.parksOf) and its location (own, operator's, park's). */
    private List<String>[] parks = newLists(0);
    private Records.Location[] location = new Records.Location[0];
    private List<Dated>[] into = newLists(0);
    private List<Dated>[] outOf = newLists(0);
    private int size;
    private int flows;
    /** Flows whose producer is not a process here (yet): attached to it when it arrives. */
    private final Map<String, List<Dated>> outOfUnknown = new HashMap<>();
    /** Places whose flows out changed in the update under way: their links for traces are made again (Solution.outputs). */
    private final BitSet outOfChanged = new BitSet();
    private final Map<Integer, Solution> solutions = new HashMap<>();
    private final AtomicLong clock = new AtomicLong();
    /** Nodes solved so far, over all solves (tests check that an update solves a region, not the network). */
    private long solvedNodes;
    /** The last solve: how many nodes, and how long it took (the benchmark compares a whole solve with its floor). */
    private int lastSolveNodes;
    private double lastSolveMillis;

    private FlowProjection() {
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T>[] newLists(int n) {
        return new List[n];
    }

    // ---- building and keeping current ----

    /** Reads every process of the store, inside the given transaction. */
    static FlowProjection build(Transaction tx) {
        var projection = new FlowProjection();
        var nodes = new LinkedHashMap<Integer, Node>();
        try (var processes = tx.findNodes(CoreFlowGraph.PROCESS)) {
            processes.forEachRemaining(n -> nodes.put(projection.loadOwn(n), n));
        }
        var streams = new HashMap<Node, StreamRead>();
        nodes.forEach((i, n) -> projection.loadInputs(i, n, false, streams));
        for (int i = 0; i < projection.size; i++) {
            projection.into[i].sort(BY_ID);
            projection.outOf[i].sort(BY_ID);
        }
        projection.gatherFlows();
        return projection;
    }

    /**
     * Copies what a whole solve reads of each node (its flows in, its figures) again, node by node in one go, in place
     * of what the build read, and looks up each flow's producer once. The build reads them one at a time between the
     * store's own short-lived objects, so they lie scattered over the heap; a whole solve reads every one of them, and
     * took twice as long as the same solve of the benchmark's in-memory copy (docs/benchmarks.md, measured at M: 35–48
     * ms against 21–22). Copied in one go they lie side by side in the order the solve reads them; with the producers
     * looked up here, the first solve after a build took 25 ms against the copy's 22.
     */
    private void gatherFlows() {
        var copies = new IdentityHashMap<Dated, Dated>(2 * flows);
        for (int i = 0; i < size; i++) {
            var list = into[i];
            var gathered = new ArrayList<Dated>(list.size());
            for (Dated d : list) {
                var copy = new Dated(d);
                producerOf(copy); // looked up here rather than by the first solve
                copies.put(d, copy);
                gathered.add(copy);
            }
            into[i] = gathered;
            var f = figures[i];
            if (f != Figures.NONE) {
                var parts = new Parts[f.parts.length];
                for (int y = 0; y < parts.length; y++) {
                    parts[y] = new Parts(f.parts[y].reported(), f.parts[y].primary(), f.parts[y].biogenicCO2(), f.parts[y].primaryBiogenicCO2());
                }
                figures[i] = new Figures(f.years.clone(), f.direct.clone(), parts, f.counted);
            }
        }
        for (int i = 0; i < size; i++) {
            outOf[i].replaceAll(copies::get);
        }
        outOfUnknown.values().forEach(list -> list.replaceAll(copies::get));
    }

    /**
     * The projection of one year of any {@link FlowGraph} (the benchmark's in-memory floor): the same
     * structure and solver as the store's, without Neo4j.
     */
    static FlowProjection of(FlowGraph graph, Collection<String> processes, int year) {
        var projection = new FlowProjection();
        for (String p : processes) {
            int i = projection.indexOf(p);
            projection.present[i] = true;
            Double out = graph.outputTonnes(p);
            projection.output[i] = out == null ? Double.NaN : out;
            projection.figures[i] = new Figures(new int[] {year}, new double[] {graph.directEmissions(p, year)},
                    new Parts[] {graph.parts(p, year)}, null);
        }
        for (String p : processes) {
            int i = projection.index.get(p);
            for (Flow f : graph.flowsInto(p, year)) {
                var dated = new Dated(f, i, null, null, List.of(), null);
                projection.into[i].add(dated);
                projection.flows++;
                Integer producer = projection.index.get(f.producer());
                (producer != null ? projection.outOf[producer] : projection.outOfUnknown.computeIfAbsent(f.producer(), k -> new ArrayList<>()))
                        .add(dated);
            }
        }
        for (int i = 0; i < projection.size; i++) {
            projection.into[i].sort(BY_ID);
            projection.outOf[i].sort(BY_ID);
        }
        projection.gatherFlows(); // as the store's build does, so that the benchmark compares like with like
        return projection;
    }

    /** Forgets every solution: the next read solves the whole network again (the benchmark times that). */
    void forgetSolutions() {
        lock.writeLock().lock();
        try {
            solutions.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Reads the named processes again from the store (they, their emission records or the flows into them
     * changed in a commit; one that is gone is removed), and the consumers of their flows, whose flows carry
     * their outputTonnes. Every solved year and allocation gets them as seeds.
     */
    void update(Transaction tx, Collection<String> changed) {
        lock.writeLock().lock();
        try {
            indexes = null;
            var all = new LinkedHashSet<String>(changed);
            for (String id : changed) {
                Integer i = index.get(id);
                if (i != null) {
                    outOf[i].forEach(d -> all.add(d.flow().consumer()));
                }
            }
            var live = new LinkedHashMap<Integer, Node>();
            for (String id : all) {
                Node n = tx.findNode(CoreFlowGraph.RECORD, "id", id);
                if (n != null && n.hasLabel(CoreFlowGraph.PROCESS)) {
                    live.put(loadOwn(n), n);
                } else {
                    remove(id);
                }
            }
            var streams = new HashMap<Node, StreamRead>();
            live.forEach((i, n) -> loadInputs(i, n, true, streams));
            for (String id : all) {
                Integer i = index.get(id);
                if (i != null) {
                    solutions.values().forEach(s -> s.system.changed(i));
                }
            }
            solutions.values().forEach(s -> s.forgetOutputs(outOfChanged, size));
            outOfChanged.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int indexOf(String id) {
        Integer i = index.get(id);
        if (i != null) {
            return i;
        }
        if (size == ids.length) {
            int capacity = Math.max(16, size * 2);
            ids = Arrays.copyOf(ids, capacity);
            present = Arrays.copyOf(present, capacity);
            output = Arrays.copyOf(output, capacity);
            figures = Arrays.copyOf(figures, capacity);
            parks = Arrays.copyOf(parks, capacity);
            location = Arrays.copyOf(location, capacity);
            into = Arrays.copyOf(into, capacity);
            outOf = Arrays.copyOf(outOf, capacity);
        }
        int n = size++;
        ids[n] = id;
        into[n] = new ArrayList<>(2);
        outOf[n] = new ArrayList<>(2);
        figures[n] = Figures.NONE;
        parks[n] = List.of();
        output[n] = Double.NaN;
        index.put(id, n);
        return n;
    }

    /** The process's own figures: outputTonnes and the emission records that count, per year. */
    private int loadOwn(Node process) {
        Map<String, Object> own = process.getProperties("id", "outputTonnes");
        int i = indexOf((String) own.get("id"));
        if (!present[i]) {
            present[i] = true;
            var waiting = outOfUnknown.remove(ids[i]);
            if (waiting != null) {
                outOf[i].addAll(waiting);
                outOf[i].sort(BY_ID);
                outOfChanged.set(i);
            }
        }
        output[i] = own.get("outputTonnes") instanceof Number n ? n.doubleValue() : Double.NaN;
        parks[i] = List.copyOf(CoreFlowGraph.parksOf(process));
        location[i] = CoreFlowGraph.locationOfProcess(process);
        var records = new HashMap<Integer, List<Records.EmissionRecord>>();
        Map<Integer, List<Records.EmissionRecord>> all = new HashMap<>(); // every scope, in the store's order
        for (Relationship r : process.getRelationships(Direction.OUTGOING, CoreFlowGraph.REPORTED)) {
            Map<String, Object> e = CoreFlowGraph.emissionProperties(r.getEndNode());
            if (e.get("scope") instanceof Number scope && scope.intValue() <= 2 && e.get("year") instanceof Number year && e.get("tCO2e") instanceof Number) {
                records.computeIfAbsent(year.intValue(), k -> new ArrayList<>()).add(CoreFlowGraph.emissionRecord(e));
            }
            if (all != null && e.get("year") instanceof Number year) {
                if (e.get("scope") instanceof Number && e.get("tCO2e") instanceof Number) {
                    all.computeIfAbsent(year.intValue(), k -> new ArrayList<>()).add(CoreFlowGraph.emissionRecord(e));
                } else {
                    all = null; // the store cannot read it either: it answers for this process
                }
            }
        }
        Map<Integer, List<Records.EmissionRecord>> countedByYear = all == null ? null : new HashMap<>();
        if (all != null) {
            all.forEach((year, list) -> countedByYear.put(year, List.copyOf(Counting.counted(list, Records.EmissionRecord::scope,
                    Records.EmissionRecord::provenance))));
        }
        int[] years = records.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] direct = new double[years.length];
        Parts[] parts = new Parts[years.length];
        for (int y = 0; y < years.length; y++) {
            // summed as CoreFlowGraph sums them (same records, same order, same stream sum), so both give the same figure
            var counted = Counting.counted(records.get(years[y]), Records.EmissionRecord::scope, Records.EmissionRecord::provenance);
            direct[y] = counted.stream().mapToDouble(Records.EmissionRecord::tCO2e).sum();
            parts[y] = Parts.of(counted);
        }
        figures[i] = years.length == 0 && countedByYear != null && countedByYear.isEmpty() ? Figures.NONE
                : new Figures(years, direct, parts, countedByYear);
        return i;
    }

    /**
     * The flows into the process, replacing those it had; each is listed at its producer too.
     *
     * @param streams side streams read so far in this build or update, each read once however many flows it feeds
     */
    private void loadInputs(int i, Node process, boolean sorted, Map<Node, StreamRead> streams) {
        detachInputs(i);
        for (Relationship r : process.getRelationships(Direction.INCOMING, CoreFlowGraph.SUPPLIES)) {
            Map<String, Object> properties = CoreFlowGraph.flowProperties(r);
            var stream = streams.computeIfAbsent(r.getStartNode(), StreamRead::of);
            Flow f = CoreFlowGraph.flow(properties, stream.source(), ids[i], this::canonical);
            var dated = new Dated(f, i, CoreFlowGraph.lng(properties.get("fromYear")), CoreFlowGraph.lng(properties.get("toYear")),
                    stream.codes(), stream.material());
            into[i].add(dated);
            flows++;
            Integer producer = index.get(f.producer());
            boolean here = producer != null && present[producer];
            var list = here ? outOf[producer] : outOfUnknown.computeIfAbsent(f.producer(), k -> new ArrayList<>());
            if (here) {
                outOfChanged.set(producer);
            }
            if (sorted) {
                int at = Collections.binarySearch(list, dated, BY_ID);
                list.add(at < 0 ? -at - 1 : at, dated);
            } else {
                list.add(dated);
            }
        }
        if (sorted) {
            into[i].sort(BY_ID);
        }
    }

    /** The flows into the process leave its producers' lists too. */
    private void detachInputs(int i) {
        for (Dated d : into[i]) {
            Integer producer = index.get(d.flow().producer());
            if (producer != null && present[producer]) {
                outOf[producer].remove(d);
                outOfChanged.set(producer);
            } else {
                var list = outOfUnknown.get(d.flow().producer());
                if (list != null) {
                    list.remove(d);
                    if (list.isEmpty()) {
                        outOfUnknown.remove(d.flow().producer());
                    }
                }
            }
            flows--;
        }
        into[i].clear();
    }

    /** A process that is gone: its flows in go; flows out of its streams (re-read with their consumers) wait for a producer. */
    private void remove(String id) {
        Integer i = index.get(id);
        if (i == null || !present[i]) {
            return;
        }
        detachInputs(i);
        if (!outOf[i].isEmpty()) {
            outOfUnknown.computeIfAbsent(id, k -> new ArrayList<>()).addAll(outOf[i]);
            outOf[i].clear();
            outOfChanged.set(i);
        }
        present[i] = false;
        figures[i] = Figures.NONE;
        parks[i] = List.of();
        location[i] = null;
        output[i] = Double.NaN;
    }

    /** Ids shared with the process table, so that half a million flows do not each hold copies. */
    private String canonical(String id) {
        Integer i = index.get(id);
        return i == null ? id : ids[i];
    }

    private static List<Flow> active(List<Dated> flows, int year) {
        if (flows == null || flows.isEmpty()) {
            return List.of();
        }
        var result = new ArrayList<Flow>(flows.size());
        for (Dated d : flows) {
            if (d.activeIn(year)) {
                result.add(d.flow());
            }
        }
        return result;
    }

    /** The flows of the year, the list itself when all of them run that year (most do): a whole solve allocates no copies. */
    private static List<Dated> activeInputs(List<Dated> flows, int year) {
        for (int k = 0; k < flows.size(); k++) {
            if (!flows.get(k).activeIn(year)) {
                var result = new ArrayList<Dated>(flows.subList(0, k));
                for (int j = k + 1; j < flows.size(); j++) {
                    if (flows.get(j).activeIn(year)) {
                        result.add(flows.get(j));
                    }
                }
                return result;
            }
        }
        return flows;
    }

    /** {@link #present(String)} of the flow's producer, its place looked up once (a place, once given, stays the id's). */
    private int producerOf(Dated d) {
        if (d.producer < 0) {
            Integer i = index.get(d.flow.producer());
            if (i == null) {
                return -1;
            }
            d.producer = i;
        }
        return present[d.producer] ? d.producer : -1;
    }

    private int present(String process) {
        Integer i = index.get(process);
        return i != null && present[i] ? i : -1;
    }

    // ---- solving ----

    /** The solver's view of one year and allocation: present processes only. */
    private Solver.Nodes nodes(int year, Allocation allocation) {
        return new Solver.Nodes() {
            @Override public int capacity() { return size; }
            @Override public String id(int node) { return ids[node]; }
            @Override public Solver.Equation equation(int node) {
                return !present[node] ? Solver.Equation.EMPTY : Solver.Equation.of(figures[node].direct(year), figures[node].parts(year),
                        activeInputs(into[node], year), FlowProjection.this::producerOf, allocation, year);
            }
        };
    }

    /** Solves what the year and allocation still need (everything the first time, else the region downstream of the seeds). */
    private Solution current(int year, Allocation allocation, Guard guard) {
        int key = year * 2 + allocation.ordinal();
        Solution s = solutions.get(key);
        if (s == null) {
            if (solutions.size() >= MAX_SOLUTIONS) {
                solutions.values().stream().min(Comparator.comparingLong(x -> x.lastUsed))
                        .ifPresent(oldest -> solutions.remove(oldest.year * 2 + oldest.allocation.ordinal()));
            }
            s = new Solution(year, allocation, new Solver.System(nodes(year, allocation)), size);
            solutions.put(key, s);
        }
        if (!s.current()) {
            long started = System.nanoTime();
            int region = s.system.solve(year, allocation, guard);
            lastSolveMillis = (System.nanoTime() - started) / 1e6;
            lastSolveNodes = region;
            solvedNodes += region;
        }
        s.lastUsed = clock.incrementAndGet();
        return s;
    }

    /**
     * Runs {@code body} on the solved footprints of the year and allocation, solving first what a
     * change left to solve. Updates wait until it is done; other reads run beside it.
     */
    <T> T read(int year, Allocation allocation, Guard guard, Function<Solved, T> body) {
        lock.readLock().lock();
        try {
            Solution s = solutions.get(year * 2 + allocation.ordinal());
            if (s != null && s.current()) {
                s.lastUsed = clock.incrementAndGet();
                return body.apply(view(s));
            }
        } finally {
            lock.readLock().unlock();
        }
        Solution s;
        lock.writeLock().lock();
        try {
            s = current(year, allocation, guard);
            lock.readLock().lock(); // held on while the write lock is let go: nothing changes in between
        } finally {
            lock.writeLock().unlock();
        }
        try {
            return body.apply(view(s));
        } finally {
            lock.readLock().unlock();
        }
    }

    private Solved view(Solution s) {
        int year = s.year;
        double[] local = s.system.local;
        return new Solved() {
            @Override public int year() { return year; }
            @Override public Allocation allocation() { return s.allocation; }
            @Override public List<Flow> inputs(String process) { int i = present(process); return i < 0 ? List.of() : active(into[i], year); }
            @Override public List<Flow> outputs(String process) { int i = present(process); return i < 0 ? List.of() : active(outOf[i], year); }
            @Override public double footprint(String process) { int i = present(process); return i < 0 ? 0.0 : s.system.footprint(i); }
            @Override public Parts parts(String process) { int i = present(process); return i < 0 ? Parts.NONE : s.system.parts(i); }
            @Override public double direct(String process) { int i = present(process); return i < 0 ? 0.0 : figures[i].direct(year); }
            @Override public double local(String process) { int i = present(process); return i < 0 ? 0.0 : local[i]; }
            @Override public Double outputTonnes(String process) { return FlowProjection.this.output(process); }
            @Override public AnalyticsException error(String process) { int i = present(process); return i < 0 ? null : s.system.errors.get(i); }
            @Override public int node(String process) { return present(process); }
            @Override public Solved.Links inputs(int node) { return Solved.Links.of(s.system.equation(node)); }
            @Override public Solved.Links outputs(int node) { return outputLinks(s, node); }
            @Override public Flow input(int node, int edge) { return activeInputs(into[node], year).get(edge).flow(); }
            @Override public Flow output(int node, int edge) { return activeInputs(outOf[node], year).get(edge).flow(); }
            @Override public double footprint(int node) { return s.system.footprint(node); }
            @Override public double local(int node) { return local[node]; }
        };
    }

    /** {@link Solved#outputs(int)}: the links the solution holds, made now if it holds none yet. Under the read lock. */
    private Solved.Links outputLinks(Solution s, int node) {
        Solved.Links links = s.outputs[node];
        if (links == null) {
            List<Dated> flows = activeInputs(outOf[node], s.year);
            int[] consumer = new int[flows.size()];
            double[] share = new double[flows.size()];
            for (int e = 0; e < consumer.length; e++) {
                Dated d = flows.get(e);
                consumer[e] = present[d.consumer] ? d.consumer : -1;
                share[e] = d.share(s.allocation);
            }
            links = Solved.Links.downstream(consumer, share);
            s.outputs[node] = links;
        }
        return links;
    }

    private Double output(String process) {
        int i = present(process);
        return i < 0 || Double.isNaN(output[i]) ? null : output[i];
    }

    // ---- what it holds ----

    /** Processes, flows, the years and allocations solved, and the bytes of their vectors. */
    record Status(int processes, int flows, List<String> solved, long vectorBytes, long modelBytes, long solvedNodes, int lastSolveNodes,
                  double lastSolveMillis) {
    }

    Status status() {
        lock.readLock().lock();
        try {
            int processes = 0;
            for (int i = 0; i < size; i++) {
                processes += present[i] ? 1 : 0;
            }
            var solved = solutions.values().stream().sorted(Comparator.comparingInt((Solution s) -> s.year).thenComparing(s -> s.allocation))
                    .map(s -> s.year + " " + s.allocation + (s.current() ? "" : " (" + s.system.pending() + " to solve again)")).toList();
            long vectors = solutions.values().stream().mapToLong(s -> s.system.vectorBytes()).sum();
            long model = solutions.values().stream().mapToLong(s -> s.system.bytes() + s.outputBytes()).sum();
            return new Status(processes, flows, solved, vectors, model, solvedNodes, lastSolveNodes, lastSolveMillis);
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- what balance, compensation and matching read (ProjectedKnowledgeGraph) ----

    /** The records of the process and year that count, every scope; null when the process is not here or the store must answer. */
    List<Records.EmissionRecord> emissions(String process, int year) {
        lock.readLock().lock();
        try {
            int i = present(process);
            if (i < 0 || figures[i].counted() == null) {
                return null;
            }
            return figures[i].counted().getOrDefault(year, List.of());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The processes that count in the park, in id order (CoreFlowGraph.processesInPark). */
    List<String> processesInPark(String park) {
        lock.readLock().lock();
        try {
            return indexes().byPark.getOrDefault(park, List.of());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The process's location (own, operator's, park's), or null; ask {@link #processExists} first. */
    Records.Location location(String process) {
        lock.readLock().lock();
        try {
            int i = present(process);
            return i < 0 ? null : location[i];
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Active flows of the year from side streams CLASSIFIED_AS the entry, with or without the hazard mark (as the store lists them). */
    List<Flow> flowsOfStreamsWithCode(String entry, int year) {
        lock.readLock().lock();
        try {
            var byCode = indexes().byCode;
            var result = new ArrayList<Flow>();
            for (String code : List.of(entry, entry + "*")) {
                for (Dated d : byCode.getOrDefault(code, List.of())) {
                    if (d.activeIn(year)) {
                        result.add(d.flow());
                    }
                }
            }
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Active flows of the year from side streams with this material (trimmed, case-insensitive) and no waste code. */
    List<Flow> flowsOfStreamsWithMaterial(String material, int year) {
        String wanted = Matching.normal(material);
        return flowsWhere(d -> wanted.equals(d.material()), year);
    }

    private List<Flow> flowsWhere(java.util.function.Predicate<Dated> which, int year) {
        lock.readLock().lock();
        try {
            var result = new ArrayList<Flow>();
            for (int i = 0; i < size; i++) {
                if (present[i]) {
                    for (Dated d : into[i]) {
                        if (d.activeIn(year) && which.test(d)) {
                            result.add(d.flow());
                        }
                    }
                }
            }
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Processes by park (id order) and flows by waste code: made by the first read after a change, dropped by the next change. */
    private record Indexes(Map<String, List<String>> byPark, Map<String, List<Dated>> byCode) {
    }

    private volatile Indexes indexes;

    /** The indexes of the current state; called under the read lock, so no update runs meanwhile (they take the write lock). */
    private Indexes indexes() {
        Indexes built = indexes;
        if (built != null) {
            return built;
        }
        synchronized (this) {
            if (indexes == null) {
                var byPark = new HashMap<String, List<String>>();
                var byCode = new HashMap<String, List<Dated>>();
                for (int i = 0; i < size; i++) {
                    if (present[i]) {
                        for (String park : new java.util.HashSet<>(parks[i])) {
                            byPark.computeIfAbsent(park, k -> new ArrayList<>()).add(ids[i]);
                        }
                        for (Dated d : into[i]) {
                            d.codes().forEach(code -> byCode.computeIfAbsent(code, k -> new ArrayList<>()).add(d));
                        }
                    }
                }
                byPark.replaceAll((park, list) -> {
                    list.sort(null);
                    return List.copyOf(list);
                });
                indexes = new Indexes(byPark, byCode);
            }
            return indexes;
        }
    }

    // ---- FlowGraph ----

    @Override
    public boolean processExists(String process) {
        lock.readLock().lock();
        try {
            return present(process) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Flow> flowsInto(String process, int year) {
        lock.readLock().lock();
        try {
            int i = present(process);
            return i < 0 ? List.of() : active(into[i], year);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Flow> flowsOutOf(String process, int year) {
        lock.readLock().lock();
        try {
            int i = present(process);
            return i < 0 ? List.of() : active(outOf[i], year);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public double directEmissions(String process, int year) {
        lock.readLock().lock();
        try {
            int i = present(process);
            return i < 0 ? 0 : figures[i].direct(year);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Parts parts(String process, int year) {
        lock.readLock().lock();
        try {
            int i = present(process);
            return i < 0 ? Parts.NONE : figures[i].parts(year);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Double outputTonnes(String process) {
        lock.readLock().lock();
        try {
            return output(process);
        } finally {
            lock.readLock().unlock();
        }
    }
}
