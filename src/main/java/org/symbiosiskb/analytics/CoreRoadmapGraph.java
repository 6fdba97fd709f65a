package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/** {@link RoadmapGraph} on Neo4j's core API, inside a procedure's transaction. */
final class CoreRoadmapGraph implements RoadmapGraph {

    static final Label ROADMAP = Label.label("Roadmap");
    static final RelationshipType FOR_PARK = RelationshipType.withName("FOR_PARK");
    static final RelationshipType HAS_TARGET = RelationshipType.withName("HAS_TARGET");
    static final RelationshipType HAS_MEASURE = RelationshipType.withName("HAS_MEASURE");
    static final RelationshipType CUTS = RelationshipType.withName("CUTS");
    static final RelationshipType FLOW_FROM = RelationshipType.withName("FLOW_FROM");
    static final RelationshipType FLOW_TO = RelationshipType.withName("FLOW_TO");

    private final Transaction tx;

    CoreRoadmapGraph(Transaction tx) {
        this.tx = tx;
    }

    @Override
    public Plan roadmap(String id) {
        Node r = tx.findNode(CoreFlowGraph.RECORD, "id", id);
        if (r == null || !r.hasLabel(ROADMAP) || r.hasProperty("placeholder")) {
            return null;
        }
        var targets = new ArrayList<Goal>();
        for (Relationship rel : r.getRelationships(Direction.OUTGOING, HAS_TARGET)) {
            Node t = rel.getEndNode();
            targets.add(new Goal(number(t, "year", 0).intValue(), nullable(t, "maxNet"), nullable(t, "reductionPercent")));
        }
        targets.sort(Comparator.comparingInt(Goal::year));
        var measures = new ArrayList<Step>();
        for (Relationship rel : r.getRelationships(Direction.OUTGOING, HAS_MEASURE)) {
            measures.add(step(rel.getEndNode()));
        }
        measures.sort(Comparator.comparing(Step::id));
        return new Plan(id, end(r, FOR_PARK), number(r, "baseYear", 0).intValue(), number(r, "discountRate", 0.05).doubleValue(),
                targets, measures);
    }

    private static Step step(Node m) {
        String kind = (String) m.getProperty("kind", "");
        Flow flow = null;
        if ("NEW_FLOW".equals(kind)) {
            flow = newFlow(m);
        }
        return new Step(CoreFlowGraph.id(m), kind, number(m, "startYear", 0).intValue(), number(m, "lifetimeYears", 20).intValue(),
                number(m, "capexEUR", 0).doubleValue(), number(m, "opexEURPerYear", 0).doubleValue(),
                (String) m.getProperty("status", "PLANNED"), end(m, CUTS), number(m, "tCO2ePerYear", 0).doubleValue(), flow);
    }

    /** The flow a NEW_FLOW measure would add, as a flow of its side stream would be read (CoreFlowGraph.flow). */
    private static Flow newFlow(Node m) {
        Node stream = endNode(m, FLOW_FROM);
        Node producer = stream == null ? null : endNode(stream, CoreFlowGraph.PRODUCES, Direction.INCOMING);
        return new Flow(CoreFlowGraph.id(m), stream == null ? null : CoreFlowGraph.id(stream),
                producer == null ? null : CoreFlowGraph.id(producer), end(m, FLOW_TO), number(m, "quantity", 0).doubleValue(),
                stream == null ? null : (String) stream.getProperty("unit", null),
                stream == null ? 0 : number(stream, "quantity", 0).doubleValue(), stream == null ? null : nullable(stream, "allocationShare"),
                producer == null ? null : nullable(producer, "outputTonnes"), nullable(m, "distanceKm"), nullable(m, "transportFactor"),
                (String) m.getProperty("transportMode", null), nullable(m, "substitutesFactor"), null);
    }

    @Override
    public NavigableSet<Integer> emissionYears(Collection<String> processes) {
        var years = new TreeSet<Integer>();
        for (String id : processes) {
            Node p = tx.findNode(CoreFlowGraph.RECORD, "id", id);
            if (p != null) {
                for (Relationship r : p.getRelationships(Direction.OUTGOING, CoreFlowGraph.REPORTED)) {
                    Number year = number(r.getEndNode(), "year", null);
                    if (year != null) {
                        years.add(year.intValue());
                    }
                }
            }
        }
        return years;
    }

    private static Node endNode(Node n, RelationshipType type) {
        return endNode(n, type, Direction.OUTGOING);
    }

    private static Node endNode(Node n, RelationshipType type, Direction direction) {
        for (Relationship r : n.getRelationships(direction, type)) {
            return r.getOtherNode(n);
        }
        return null;
    }

    private static String end(Node n, RelationshipType type) {
        Node other = endNode(n, type);
        return other == null ? null : CoreFlowGraph.id(other);
    }

    private static Number number(Node n, String key, Number absent) {
        return n.getProperty(key, null) instanceof Number v ? v : absent;
    }

    private static Double nullable(Node n, String key) {
        return n.getProperty(key, null) instanceof Number v ? v.doubleValue() : null;
    }
}
