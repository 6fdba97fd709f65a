package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * {@link CalculatorGraph} on Neo4j's core API, inside a procedure's transaction. The graph it reads is the exchange
 * catalogue's: {@code (:Process)-[:HAS_ACTIVITY]->(:Activity)-[:USES_FACTOR|MARKET_FACTOR]->(:EmissionFactor)
 * <-[:HAS_FACTOR]-(:FactorSet)}, and {@code (:Organization)-[:MEMBER_OF]->(:Network)} for memberships that count.
 */
final class CoreCalculatorGraph implements CalculatorGraph {

    static final RelationshipType HAS_ACTIVITY = RelationshipType.withName("HAS_ACTIVITY");
    static final RelationshipType USES_FACTOR = RelationshipType.withName("USES_FACTOR");
    static final RelationshipType MARKET_FACTOR = RelationshipType.withName("MARKET_FACTOR");
    static final RelationshipType HAS_FACTOR = RelationshipType.withName("HAS_FACTOR");
    static final RelationshipType MEMBER_OF = RelationshipType.withName("MEMBER_OF");
    static final RelationshipType OPERATES = RelationshipType.withName("OPERATES");
    static final RelationshipType REPORTED = RelationshipType.withName("REPORTED");
    static final Label RECORD = Label.label("Record");
    static final Label ORGANIZATION = Label.label("Organization");

    private final Transaction tx;

    CoreCalculatorGraph(Transaction tx) {
        this.tx = tx;
    }

    private Node node(String id) {
        return tx.findNode(RECORD, "id", id);
    }

    @Override
    public boolean exists(String label, String id) {
        Node n = node(id);
        return n != null && n.hasLabel(Label.label(label)) && !n.hasProperty("placeholder");
    }

    @Override
    public List<String> processesOperatedBy(String organization) {
        var ids = new ArrayList<String>();
        Node o = node(organization);
        if (o != null) {
            for (Relationship r : o.getRelationships(Direction.OUTGOING, OPERATES)) {
                ids.add((String) r.getEndNode().getProperty("id"));
            }
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    @Override
    public List<Ghg.Activity> activities(List<String> processes, int year) {
        var result = new ArrayList<Ghg.Activity>();
        for (String process : processes) {
            Node p = node(process);
            if (p == null) {
                continue;
            }
            var ofProcess = new ArrayList<Ghg.Activity>();
            for (Relationship r : p.getRelationships(Direction.OUTGOING, HAS_ACTIVITY)) {
                Node a = r.getEndNode();
                if (a.getProperty("year", null) instanceof Number y && y.intValue() == year) {
                    ofProcess.add(Ghg.Activity.read((String) a.getProperty("id"), process, year,
                            ((Number) a.getProperty("quantity")).doubleValue(), (String) a.getProperty("unit"),
                            factor(a, USES_FACTOR), factor(a, MARKET_FACTOR), (String) a.getProperty("visibility", null)));
                }
            }
            ofProcess.sort(Comparator.comparing(Ghg.Activity::id));
            result.addAll(ofProcess);
        }
        return result;
    }

    /** The activity's factor of this link, or null when there is none or it is a placeholder (not here yet). */
    private static Ghg.Factor factor(Node activity, RelationshipType link) {
        for (Relationship r : activity.getRelationships(Direction.OUTGOING, link)) {
            Node f = r.getEndNode();
            if (!(f.getProperty("tCO2ePerUnit", null) instanceof Number perUnit)) {
                return null;
            }
            String setName = null;
            Long setYear = null;
            for (Relationship s : f.getRelationships(Direction.INCOMING, HAS_FACTOR)) {
                setName = (String) s.getStartNode().getProperty("name", null);
                setYear = s.getStartNode().getProperty("year", null) instanceof Number y ? y.longValue() : null;
            }
            return new Ghg.Factor((String) f.getProperty("id"), (String) f.getProperty("activity", null), (String) f.getProperty("unit"),
                    perUnit.doubleValue(), ((Number) f.getProperty("scope")).intValue(),
                    f.getProperty("category", null) instanceof Number c ? c.intValue() : null,
                    f.getProperty("biogenicCO2PerUnit", null) instanceof Number b ? b.doubleValue() : null, setName, setYear,
                    (String) f.getProperty("visibility", null));
        }
        return null;
    }

    @Override
    public List<Records.EmissionRecord> reportedScope1(String process, int year) {
        var result = new ArrayList<Records.EmissionRecord>();
        Node p = node(process);
        if (p == null) {
            return result;
        }
        for (Relationship r : p.getRelationships(Direction.OUTGOING, REPORTED)) {
            Node e = r.getEndNode();
            if (e.getProperty("year", null) instanceof Number y && y.intValue() == year
                    && e.getProperty("scope", null) instanceof Number s && s.intValue() == 1
                    && "REPORTED".equals(e.getProperty("provenance", null))) {
                result.add(CoreFlowGraph.emissionRecord(e));
            }
        }
        result.sort(Comparator.comparing(Records.EmissionRecord::id));
        return result;
    }

    @Override
    public List<Member> members(String network) {
        var result = new ArrayList<Member>();
        Node n = node(network);
        if (n == null) {
            return result;
        }
        for (Relationship r : n.getRelationships(Direction.INCOMING, MEMBER_OF)) {
            Node o = r.getStartNode();
            if (o.hasLabel(ORGANIZATION)) {
                result.add(new Member((String) o.getProperty("id"),
                        o.getProperty("climatePartnerSince", null) instanceof Number y ? y.longValue() : null));
            }
        }
        result.sort(Comparator.comparing(Member::organization));
        return result;
    }
}
