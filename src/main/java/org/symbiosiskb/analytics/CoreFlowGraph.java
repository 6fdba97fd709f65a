package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.spatial.Point;
import org.symbiosiskb.analytics.Records.Agreement;
import org.symbiosiskb.analytics.Records.EmissionRecord;
import org.symbiosiskb.analytics.Records.Location;
import org.symbiosiskb.analytics.Records.Need;
import org.symbiosiskb.analytics.Records.Sink;
import org.symbiosiskb.analytics.Records.SinkPlace;
import org.symbiosiskb.analytics.Records.Stream;

/**
 * {@link KnowledgeGraph} on Neo4j's core API, inside a procedure's transaction. Nodes are found through the id indexes.
 * {@link ProjectedKnowledgeGraph} answers the per-process part from the flow projection instead.
 */
sealed class CoreFlowGraph implements KnowledgeGraph permits ProjectedKnowledgeGraph {

    static final Label RECORD = Label.label("Record");
    static final Label PROCESS = Label.label("Process");
    static final Label SIDE_STREAM = Label.label("SideStream");
    static final Label CARBON_SINK = Label.label("CarbonSink");
    static final Label NEED = Label.label("Need");
    static final Label WASTE_CODE = Label.label("WasteCode");
    static final RelationshipType SUPPLIES = RelationshipType.withName("SUPPLIES");
    static final RelationshipType PRODUCES = RelationshipType.withName("PRODUCES");
    static final RelationshipType REPORTED = RelationshipType.withName("REPORTED");
    static final RelationshipType OPERATES = RelationshipType.withName("OPERATES");
    static final RelationshipType IN_PARK = RelationshipType.withName("IN_PARK");
    static final RelationshipType LOCATED_IN = RelationshipType.withName("LOCATED_IN");
    static final RelationshipType OWNS = RelationshipType.withName("OWNS");
    static final RelationshipType BUYER = RelationshipType.withName("BUYER");
    static final RelationshipType FROM_SINK = RelationshipType.withName("FROM_SINK");
    static final RelationshipType NEEDS = RelationshipType.withName("NEEDS");
    static final RelationshipType CLASSIFIED_AS = RelationshipType.withName("CLASSIFIED_AS");
    static final RelationshipType PUBLISHED = RelationshipType.withName("PUBLISHED");
    /**
     * networkHops never passes through these (docs/spec/analytics.md §3); roadmaps are plans, not links between partners;
     * the calculator's activity data and factors are not either (every partner using a shipped factor would be two hops
     * from every other).
     */
    static final Set<String> NOT_THROUGH = Set.of("WasteCode", "Need", "Emission", "Roadmap", "Target", "Measure", "Consent",
            "Activity", "EmissionFactor", "FactorSet");
    /** The type prefix of links that do not count (the import's consent rule; the store's schema says so too). */
    static final String PROPOSED = "PROPOSED_";
    /**
     * Set only inside a scenario (a transaction that is always rolled back) on a hypothetical flow from another
     * partner's stream whose footprint the asker may not see: the flow carries the stream's published footprint.
     */
    public static final String USE_PUBLISHED = "kbUsePublished";

    private final Transaction tx;
    private final Map<String, Node> nodes = new HashMap<>();

    CoreFlowGraph(Transaction tx) {
        this.tx = tx;
    }

    private Node node(String id) {
        return nodes.computeIfAbsent(id, key -> tx.findNode(RECORD, "id", key));
    }

    /** A node reached by a relationship, remembered by its id (given) so that asking for that id again needs no index lookup. */
    private String known(String id, Node n) {
        nodes.putIfAbsent(id, n);
        return id;
    }

    static String id(Node n) {
        return (String) n.getProperty("id");
    }

    private static Double dbl(org.neo4j.graphdb.Entity e, String key) {
        return dbl(e.getProperty(key, null));
    }

    private static Long lng(org.neo4j.graphdb.Entity e, String key) {
        return lng(e.getProperty(key, null));
    }

    private static String str(org.neo4j.graphdb.Entity e, String key) {
        return str(e.getProperty(key, null));
    }

    static Double dbl(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }

    static Long lng(Object v) {
        return v instanceof Number n ? n.longValue() : null;
    }

    private static String str(Object v) {
        return v instanceof String s ? s : null;
    }

    static boolean active(Relationship flow, int year) {
        Long from = lng(flow, "fromYear");
        Long to = lng(flow, "toYear");
        return (from == null || from <= year) && (to == null || year <= to);
    }

    @Override
    public boolean processExists(String process) {
        Node n = node(process);
        return n != null && n.hasLabel(PROCESS);
    }

    @Override
    public boolean exists(String label, String id) {
        Node n = node(id);
        return n != null && n.hasLabel(Label.label(label));
    }

    static Flow flow(Relationship r) {
        return flow(flowProperties(r), source(r.getStartNode()), id(r.getEndNode()), id -> id);
    }

    /**
     * What a flow reads of a side stream and its producer. Entities are read one property at a time by name
     * otherwise, each read walking the entity's properties again; here each is read once, in one pass, and a stream
     * feeding many flows once for all of them (the projection's build reads every flow of the store).
     */
    static final class Source {
        final String id;
        final String unit;
        final double quantity;
        final Double allocationShare;
        /** null: the stream has no producer */
        final String producer;
        final Double producerOutput;
        /** whether flows from the stream carry its published footprints whatever their own properties (no producer data here) */
        final boolean published;
        private final java.util.function.Supplier<Map<Integer, Double>> readPublished;
        private Map<Integer, Double> publishedFootprints;

        /** @param readPublished reads the footprints the stream's owner published, the first time a flow needs them */
        Source(String id, String unit, double quantity, Double allocationShare, String producer, Double producerOutput, boolean published,
               java.util.function.Supplier<Map<Integer, Double>> readPublished) {
            this.id = id;
            this.unit = unit;
            this.quantity = quantity;
            this.allocationShare = allocationShare;
            this.producer = producer;
            this.producerOutput = producerOutput;
            this.published = published;
            this.readPublished = readPublished;
        }

        Map<Integer, Double> publishedFootprints() {
            if (publishedFootprints == null) {
                publishedFootprints = readPublished.get();
            }
            return publishedFootprints;
        }
    }

    /** The side stream and its producer, each read in one pass. */
    static Source source(Node stream) {
        Map<String, Object> s = stream.getProperties("id", "unit", "quantity", "allocationShare");
        Node producer = null;
        for (Relationship p : stream.getRelationships(Direction.INCOMING, PRODUCES)) {
            producer = p.getStartNode();
        }
        Map<String, Object> q = producer == null ? Map.of() : producer.getProperties("id", "outputTonnes", "placeholder");
        return new Source((String) s.get("id"), str(s.get("unit")), s.containsKey("quantity") ? dbl(s.get("quantity")) : 0,
                dbl(s.get("allocationShare")), producer == null ? null : (String) q.get("id"), producer == null ? null : dbl(q.get("outputTonnes")),
                producer == null || q.containsKey("placeholder"), () -> published(stream));
    }

    /** The flow's own properties, read in one pass. */
    static Map<String, Object> flowProperties(Relationship r) {
        return r.getProperties("id", "quantity", "distanceKm", "transportFactor", "transportMode", "substitutesFactor", "fromYear", "toYear",
                USE_PUBLISHED);
    }

    /**
     * @param f         the flow's properties ({@link #flowProperties})
     * @param consumer  the id of the process it supplies
     * @param canonical the instance to keep of a process id (the projection shares its own)
     */
    static Flow flow(Map<String, Object> f, Source stream, String consumer, java.util.function.UnaryOperator<String> canonical) {
        return new Flow(str(f.get("id")), stream.id, stream.producer == null ? stream.id : canonical.apply(stream.producer), canonical.apply(consumer),
                dbl(f.get("quantity")), stream.unit, stream.quantity, stream.allocationShare, stream.producerOutput,
                dbl(f.get("distanceKm")), dbl(f.get("transportFactor")), str(f.get("transportMode")), dbl(f.get("substitutesFactor")),
                stream.published || f.containsKey(USE_PUBLISHED) ? stream.publishedFootprints() : Map.of());
    }

    /** Footprints the stream's owner published, by year: what the trace uses when the producer's data is not here. */
    private static Map<Integer, Double> published(Node stream) {
        var byYear = new HashMap<Integer, Double>();
        for (Relationship r : stream.getRelationships(Direction.OUTGOING, PUBLISHED)) {
            Node footprint = r.getEndNode();
            Long year = lng(footprint, "year");
            Double perUnit = dbl(footprint, "tCO2ePerUnit");
            if (year != null && perUnit != null) {
                byYear.put(year.intValue(), perUnit);
            }
        }
        return byYear;
    }

    @Override
    public List<Flow> flowsInto(String process, int year) {
        var result = new ArrayList<Flow>();
        Node p = node(process);
        if (p == null) {
            return result;
        }
        for (Relationship r : p.getRelationships(Direction.INCOMING, SUPPLIES)) {
            if (active(r, year)) {
                result.add(flow(r));
            }
        }
        result.sort(Comparator.comparing(Flow::id));
        return result;
    }

    @Override
    public List<Flow> flowsOutOf(String process, int year) {
        var result = new ArrayList<Flow>();
        Node p = node(process);
        if (p == null) {
            return result;
        }
        for (Relationship produces : p.getRelationships(Direction.OUTGOING, PRODUCES)) {
            for (Relationship r : produces.getEndNode().getRelationships(Direction.OUTGOING, SUPPLIES)) {
                if (active(r, year)) {
                    result.add(flow(r));
                }
            }
        }
        result.sort(Comparator.comparing(Flow::id));
        return result;
    }

    @Override
    public double directEmissions(String process, int year) {
        return emissions(process, year).stream().filter(e -> e.scope() <= 2).mapToDouble(EmissionRecord::tCO2e).sum();
    }

    @Override
    public Parts parts(String process, int year) {
        return Parts.of(emissions(process, year));
    }

    @Override
    public List<EmissionRecord> emissions(String process, int year) {
        var result = new ArrayList<EmissionRecord>();
        Node p = node(process);
        if (p == null) {
            return result;
        }
        for (Relationship r : p.getRelationships(Direction.OUTGOING, REPORTED)) {
            Map<String, Object> e = emissionProperties(r.getEndNode());
            Long y = lng(e.get("year"));
            if (y != null && y == year) {
                result.add(emissionRecord(e));
            }
        }
        return Counting.counted(result, EmissionRecord::scope, EmissionRecord::provenance);
    }

    /** An emission record node's properties that the analytics read, in one pass. */
    static Map<String, Object> emissionProperties(Node e) {
        return e.getProperties("id", "scope", "source", "tCO2e", "provenance", "biogenicCO2", "year");
    }

    /**
     * An emission record node as the analytics read it (the store, the projection and the calculator alike): its
     * biogenic CO2 is 0 when the record states none.
     */
    static EmissionRecord emissionRecord(Node e) {
        return emissionRecord(emissionProperties(e));
    }

    /** The same from its properties ({@link #emissionProperties}). */
    static EmissionRecord emissionRecord(Map<String, Object> e) {
        return new EmissionRecord(str(e.get("id")), lng(e.get("scope")).intValue(), str(e.get("source")), dbl(e.get("tCO2e")),
                str(e.get("provenance")), e.get("biogenicCO2") instanceof Number b ? b.doubleValue() : 0);
    }

    @Override
    public Double outputTonnes(String process) {
        Node p = node(process);
        return p == null ? null : dbl(p, "outputTonnes");
    }

    @Override
    public List<String> processesInPark(String park) {
        var result = new HashSet<String>();
        Node k = node(park);
        if (k == null) {
            return List.of();
        }
        for (Relationship r : k.getRelationships(Direction.INCOMING, IN_PARK)) {
            if (r.getStartNode().hasLabel(PROCESS)) {
                result.add(id(r.getStartNode()));
            }
        }
        for (Relationship located : k.getRelationships(Direction.INCOMING, LOCATED_IN)) {
            for (Relationship operates : located.getStartNode().getRelationships(Direction.OUTGOING, OPERATES)) {
                Node p = operates.getEndNode();
                if (!p.hasRelationship(Direction.OUTGOING, IN_PARK)) {
                    result.add(id(p));
                }
            }
        }
        return result.stream().sorted().toList();
    }

    /**
     * The parks a process counts in ({@link #processesInPark}, read from the process's side): those it is IN_PARK,
     * or without IN_PARK, those its operators are LOCATED_IN. The projection keeps them per process.
     */
    static List<String> parksOf(Node process) {
        var parks = new ArrayList<String>();
        for (Relationship r : process.getRelationships(Direction.OUTGOING, IN_PARK)) {
            parks.add(idOrNull(r.getEndNode()));
        }
        if (parks.isEmpty()) {
            for (Relationship operates : process.getRelationships(Direction.INCOMING, OPERATES)) {
                for (Relationship located : operates.getStartNode().getRelationships(Direction.OUTGOING, LOCATED_IN)) {
                    parks.add(idOrNull(located.getEndNode()));
                }
            }
        }
        return parks;
    }

    static String idOrNull(Node n) {
        return n.getProperty("id", null) instanceof String s ? s : null;
    }

    private Sink sink(Node s) {
        // in one pass over its properties: compensation reads every sink within the distance (hundreds at size L)
        Map<String, Object> p = s.getProperties("id", "location", "tCO2ePerYear", "activeFrom", "activeTo");
        String id = known(p.get("id") instanceof String x ? x : id(s), s); // its agreements are asked for next, by id
        Node owner = null;
        for (Relationship r : s.getRelationships(Direction.INCOMING, OWNS)) {
            owner = r.getStartNode();
        }
        Double capacity = dbl(p.get("tCO2ePerYear"));
        return new Sink(id, owner == null ? null : id(owner), location(p.get("location")), capacity == null ? 0 : capacity,
                lng(p.get("activeFrom")), lng(p.get("activeTo")));
    }

    @Override
    public List<Sink> sinksInPark(String park) {
        var result = new ArrayList<Sink>();
        Node k = node(park);
        if (k != null) {
            for (Relationship r : k.getRelationships(Direction.INCOMING, IN_PARK)) {
                if (r.getStartNode().hasLabel(CARBON_SINK)) {
                    result.add(sink(r.getStartNode()));
                }
            }
        }
        result.sort(Comparator.comparing(Sink::id));
        return result;
    }

    @Override
    public List<Sink> allSinks() {
        try (var all = tx.findNodes(CARBON_SINK)) {
            return sinks(all);
        }
    }

    /** The sinks among these nodes, in id order; a placeholder (a sink referred to, not yet imported) is none. */
    private List<Sink> sinks(java.util.Iterator<Node> nodes) {
        var result = new ArrayList<Sink>();
        nodes.forEachRemaining(s -> {
            if (!s.hasProperty("placeholder")) {
                result.add(sink(s));
            }
        });
        result.sort(Comparator.comparing(Sink::id));
        return result;
    }

    /** The sinks a distance seek of the point index carbon_sink_location finds (cypher/schema.cypher). */
    static final String SINKS_NEAR = """
            MATCH (s:CarbonSink)
            WHERE point.distance(s.location, point({latitude: $lat, longitude: $lon})) <= $metres
            RETURN s""";

    /**
     * Neo4j measures WGS-84 distances on a sphere of 6,378.14 km, {@link Location#kmTo} on one of 6,371.0088 km (0.11 %
     * less): the seek asks 1 % and 1 km more, so it finds every sink kmTo puts within the distance.
     */
    static double seekMetres(double km) {
        return km * 1000 * 1.01 + 1000;
    }

    /** Beyond this the seek would find most of the world's sinks anyway: they are read one by one as before. */
    static final double SEEK_LIMIT_KM = 5000;

    /**
     * Where the sinks near a point are, found by the point index instead of reading every sink: compensationPartners
     * asks for those within its distance, and in a large network most sinks are far (2,000 sinks read for each call at
     * benchmark size L, where the answer needed a few). Only the id, location and placeholder mark are read, in one
     * pass over each sink's properties: of the hundreds within 100 km at size L, compensation reads a dozen whole.
     */
    @Override
    public List<SinkPlace> sinkPlacesNear(Location here, double km) {
        if (!(km < SEEK_LIMIT_KM)) {
            return KnowledgeGraph.super.sinkPlacesNear(here, km);
        }
        var places = new ArrayList<SinkPlace>();
        try (var rows = tx.execute(SINKS_NEAR, Map.of("lat", here.lat(), "lon", here.lon(), "metres", seekMetres(km)))) {
            rows.<Node>columnAs("s").forEachRemaining(s -> {
                Map<String, Object> p = s.getProperties("id", "location", "placeholder");
                if (!p.containsKey("placeholder") && p.get("id") instanceof String id) {
                    places.add(new SinkPlace(known(id, s), location(p.get("location"))));
                }
            });
        }
        places.sort(Comparator.comparing(SinkPlace::id));
        return places;
    }

    @Override
    public Sink sink(String id) {
        Node s = node(id);
        return s == null || !s.hasLabel(CARBON_SINK) || s.hasProperty("placeholder") ? null : sink(s);
    }

    private Agreement agreement(Node a) {
        String buyer = null;
        String sink = null;
        for (Relationship r : a.getRelationships(Direction.OUTGOING, BUYER)) {
            buyer = known(id(r.getEndNode()), r.getEndNode()); // the balance asks for the buyer's park next
        }
        for (Relationship r : a.getRelationships(Direction.OUTGOING, FROM_SINK)) {
            sink = id(r.getEndNode());
        }
        Map<String, Object> p = a.getProperties("id", "tCO2ePerYear", "fromYear", "toYear", "effectiveStatus", "status"); // one pass
        Double q = dbl(p.get("tCO2ePerYear"));
        Long from = lng(p.get("fromYear"));
        Long to = lng(p.get("toYear"));
        return new Agreement(p.get("id") instanceof String id ? id : id(a), buyer, sink, q == null ? 0 : q, from == null ? Long.MIN_VALUE : from,
                to == null ? Long.MAX_VALUE : to, effectiveStatus(p));
    }

    /**
     * The status an agreement counts with once its parties have spoken (written by the import as
     * {@code effectiveStatus}: another partner's agreement on our sink stays PROPOSED until we accept it).
     * A store written before consents existed has only {@code status}.
     */
    static String effectiveStatus(Node a) {
        return effectiveStatus(a.getProperties("effectiveStatus", "status"));
    }

    /** {@link #effectiveStatus(Node)} of an agreement's properties read already (with these two keys among them). */
    private static String effectiveStatus(Map<String, Object> properties) {
        String effective = str(properties.get("effectiveStatus"));
        return effective != null ? effective : str(properties.get("status"));
    }

    @Override
    public List<Agreement> agreementsOnSink(String sink) {
        var result = new ArrayList<Agreement>();
        Node s = node(sink);
        if (s != null) {
            for (Relationship r : s.getRelationships(Direction.INCOMING, FROM_SINK)) {
                result.add(agreement(r.getStartNode()));
            }
        }
        return result;
    }

    @Override
    public List<Agreement> agreementsOfBuyer(String organization) {
        var result = new ArrayList<Agreement>();
        Node o = node(organization);
        if (o != null) {
            for (Relationship r : o.getRelationships(Direction.INCOMING, BUYER)) {
                result.add(agreement(r.getStartNode()));
            }
        }
        return result;
    }

    @Override
    public List<String> organizationsInPark(String park) {
        var result = new ArrayList<String>();
        Node k = node(park);
        if (k != null) {
            for (Relationship r : k.getRelationships(Direction.INCOMING, LOCATED_IN)) {
                result.add(id(r.getStartNode()));
            }
        }
        result.sort(null);
        return result;
    }

    @Override
    public String parkOfOrganization(String organization) {
        Node o = node(organization);
        if (o == null) {
            return null;
        }
        for (Relationship r : o.getRelationships(Direction.OUTGOING, LOCATED_IN)) {
            return id(r.getEndNode());
        }
        return null;
    }

    private static Location location(Node n) {
        return location(n.getProperty("location", null));
    }

    private static Location location(Object v) {
        if (v instanceof Point p) {
            double[] c = p.getCoordinate().getCoordinate();
            return new Location(c[1], c[0]);
        }
        return null;
    }

    @Override
    public Location locationOfOrganization(String organization) {
        Node o = node(organization);
        return o == null ? null : locationOfOrganization(o);
    }

    private static Location locationOfOrganization(Node o) {
        Location own = location(o);
        if (own != null) {
            return own;
        }
        for (Relationship r : o.getRelationships(Direction.OUTGOING, LOCATED_IN)) {
            return location(r.getEndNode());
        }
        return null;
    }

    @Override
    public Location locationOfProcess(String process) {
        Node p = node(process);
        return p == null ? null : locationOfProcess(p);
    }

    /** Own, else the (first) operator's, else the (first) park's: the projection keeps it per process. */
    static Location locationOfProcess(Node p) {
        Location own = location(p);
        if (own != null) {
            return own;
        }
        Location operators = null;
        for (Relationship r : p.getRelationships(Direction.INCOMING, OPERATES)) {
            operators = locationOfOrganization(r.getStartNode());
            break;
        }
        if (operators != null) {
            return operators;
        }
        for (Relationship r : p.getRelationships(Direction.OUTGOING, IN_PARK)) {
            return location(r.getEndNode());
        }
        return null;
    }

    @Override
    public List<String> processesOperatedBy(String organization) {
        var result = new ArrayList<String>();
        Node o = node(organization);
        if (o != null) {
            for (Relationship r : o.getRelationships(Direction.OUTGOING, OPERATES)) {
                result.add(id(r.getEndNode()));
            }
        }
        result.sort(null);
        return result;
    }

    @Override
    public String operatorOf(String process) {
        Node p = node(process);
        if (p == null) {
            return null;
        }
        for (Relationship r : p.getRelationships(Direction.INCOMING, OPERATES)) {
            return id(r.getStartNode());
        }
        return null;
    }

    @Override
    public Stream sideStream(String id) {
        Node s = node(id);
        if (s == null || !s.hasLabel(SIDE_STREAM)) {
            return null;
        }
        String producer = null;
        for (Relationship r : s.getRelationships(Direction.INCOMING, PRODUCES)) {
            producer = id(r.getStartNode());
        }
        Double q = dbl(s, "quantity");
        return new Stream(id, producer, q == null ? 0 : q, str(s, "unit"), str(s, "ewc"), str(s, "material"));
    }

    @Override
    public List<Need> allNeeds() {
        var result = new ArrayList<Need>();
        try (var all = tx.findNodes(NEED)) {
            all.forEachRemaining(n -> {
                String process = null;
                for (Relationship r : n.getRelationships(Direction.INCOMING, NEEDS)) {
                    process = id(r.getStartNode());
                }
                Double q = dbl(n, "quantity");
                result.add(new Need(id(n), process, q == null ? 0 : q, str(n, "unit"), str(n, "ewc"), str(n, "material")));
            });
        }
        return result;
    }

    /** The waste codes a side stream is CLASSIFIED_AS (none for a node that is not a side stream): what precedents match on. */
    static List<String> codesOf(Node stream) {
        var codes = new ArrayList<String>(1);
        if (stream.hasLabel(SIDE_STREAM)) {
            for (Relationship c : stream.getRelationships(Direction.OUTGOING, CLASSIFIED_AS)) {
                if (c.getEndNode().hasLabel(WASTE_CODE) && c.getEndNode().getProperty("code", null) instanceof String code) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    /** A side stream's material as precedents match it (trimmed, lower case), only for a stream without a waste code; else null. */
    static String materialOf(Node stream) {
        return stream.hasLabel(SIDE_STREAM) && str(stream, "material") instanceof String m && stream.getProperty("ewc", null) == null
                ? Matching.normal(m) : null;
    }

    @Override
    public List<Flow> flowsOfStreamsWithCode(String entry, int year) {
        var result = new ArrayList<Flow>();
        for (String code : List.of(entry, entry + "*")) {
            Node w = tx.findNode(WASTE_CODE, "code", code);
            if (w == null) {
                continue;
            }
            for (Relationship c : w.getRelationships(Direction.INCOMING, CLASSIFIED_AS)) {
                Node s = c.getStartNode();
                if (s.hasLabel(SIDE_STREAM)) {
                    for (Relationship r : s.getRelationships(Direction.OUTGOING, SUPPLIES)) {
                        if (active(r, year)) {
                            result.add(flow(r));
                        }
                    }
                }
            }
        }
        return result;
    }

    @Override
    public List<Flow> flowsOfStreamsWithMaterial(String material, int year) {
        var result = new ArrayList<Flow>();
        String wanted = Matching.normal(material);
        try (var all = tx.findNodes(SIDE_STREAM)) {
            all.forEachRemaining(s -> {
                if (wanted.equals(materialOf(s))) {
                    for (Relationship r : s.getRelationships(Direction.OUTGOING, SUPPLIES)) {
                        if (active(r, year)) {
                            result.add(flow(r));
                        }
                    }
                }
            });
        }
        return result;
    }

    @Override
    public Map<String, List<String>> shortestPaths(String from, Set<String> targets, int maxHops) {
        Node start = node(from);
        if (start == null) {
            return new HashMap<>();
        }
        var ids = new HashMap<Node, String>();
        ids.put(start, from);
        var neighbours = new HashMap<Node, List<Node>>();
        NetworkPaths.Links<Node> links = new NetworkPaths.Links<>() {
            @Override
            public boolean enterable(Node n) {
                return passable(n);
            }

            @Override
            public List<Node> neighbours(Node n) {
                return neighbours.computeIfAbsent(n, key -> {
                    var reached = new ArrayList<Node>();
                    for (Relationship r : key.getRelationships()) {
                        if (r.getType().name().startsWith(PROPOSED)) {
                            continue; // a link waiting for the other partner's consent (or ended by it) connects nobody yet
                        }
                        Node m = r.getOtherNode(key);
                        if (m.equals(start) || passable(m)) {
                            reached.add(m);
                        }
                    }
                    return reached;
                });
            }

            @Override
            public String id(Node n) {
                return ids.computeIfAbsent(n, CoreFlowGraph::id);
            }
        };
        var targetNodes = new HashMap<Node, String>();
        for (String target : targets) {
            Node t = node(target);
            if (t != null) {
                targetNodes.put(t, target);
                ids.put(t, target);
            }
        }
        var found = new HashMap<String, List<String>>();
        NetworkPaths.shortest(links, start, targetNodes.keySet(), maxHops).forEach((target, path) -> {
            var pathIds = new ArrayList<String>(path.size());
            path.forEach(n -> pathIds.add(known(links.id(n), n)));
            found.put(targetNodes.get(target), pathIds);
        });
        return found;
    }

    /**
     * Whether a network path may pass through the node: a record (schema.cypher: every node with an id carries
     * :Record) of none of the kinds paths avoid. Labels only, no property: a search from an organization of a dense
     * park reaches every neighbour of its park (a thousand at size L) this way.
     */
    private static boolean passable(Node n) {
        boolean record = false;
        for (Label l : n.getLabels()) {
            if (NOT_THROUGH.contains(l.name())) {
                return false;
            }
            record |= l.name().equals(RECORD.name());
        }
        return record;
    }
}
