package org.symbiosiskb.analytics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;

/**
 * The processes a transaction touched as the projection sees them, noted before its commit (while
 * its changes can still be read): processes whose own figures (outputTonnes, emission records), park
 * (IN_PARK, operators' LOCATED_IN) or location (own, operator's, park's) or flows in (and their
 * streams' waste codes and material) changed. A flow is SUPPLIES only: a link waiting for consent (PROPOSED_SUPPLIES) counts
 * for no analysis, and a consent that retypes one is a delete and a create, seen here as both.
 * The values themselves are read again after the commit, so concurrent commits cannot interleave
 * stale figures.
 *
 * @param processes ids of processes to read again (and, through the projection, the consumers of their flows)
 * @param rebuild   a change this listener could not place: build the projection again
 */
record ProjectionChanges(Set<String> processes, boolean rebuild) {

    static final ProjectionChanges REBUILD = new ProjectionChanges(Set.of(), true);

    static ProjectionChanges of(TransactionData data) {
        try {
            return new Collector(data).collect();
        } catch (RuntimeException e) {
            return REBUILD; // must never fail a commit
        }
    }

    private static final class Collector {
        final TransactionData data;
        final Set<String> processes = new HashSet<>();
        /** The ids of nodes this transaction deletes, by element id (their properties are gone after the commit). */
        final Map<String, String> deletedIds = new HashMap<>();
        /** Nodes looked at once each (an import sets a dozen properties on each of thousands of nodes); entities compare by id. */
        final Set<Node> seenNodes = new HashSet<>();

        Collector(TransactionData data) {
            this.data = data;
        }

        ProjectionChanges collect() {
            for (PropertyEntry<Node> e : data.removedNodeProperties()) {
                if ("id".equals(e.key()) && data.isDeleted(e.entity()) && e.previouslyCommittedValue() instanceof String id) {
                    deletedIds.put(e.entity().getElementId(), id);
                }
            }
            for (LabelEntry e : data.removedLabels()) {
                if (e.label().equals(CoreFlowGraph.PROCESS)) {
                    String id = data.isDeleted(e.node()) ? deletedIds.get(e.node().getElementId()) : idOf(e.node());
                    add(id);
                }
            }
            for (LabelEntry e : data.assignedLabels()) {
                if (e.label().equals(CoreFlowGraph.PROCESS)) {
                    add(idOf(e.node()));
                }
            }
            for (Node n : data.createdNodes()) {
                node(n);
            }
            for (PropertyEntry<Node> e : data.assignedNodeProperties()) {
                node(e.entity());
            }
            for (PropertyEntry<Node> e : data.removedNodeProperties()) {
                if (!data.isDeleted(e.entity())) {
                    node(e.entity());
                }
            }
            for (Relationship r : data.createdRelationships()) {
                relationship(r);
            }
            for (Relationship r : data.deletedRelationships()) {
                relationship(r);
            }
            for (PropertyEntry<Relationship> e : data.assignedRelationshipProperties()) {
                relationship(e.entity());
            }
            for (PropertyEntry<Relationship> e : data.removedRelationshipProperties()) {
                if (!data.isDeleted(e.entity())) {
                    relationship(e.entity());
                }
            }
            return new ProjectionChanges(processes, false);
        }

        private void add(String id) {
            if (id != null) {
                processes.add(id);
            }
        }

        /** A node that is still there: a process, or what a process's figures or flows are read from. */
        private void node(Node n) {
            if (!seenNodes.add(n) || data.isDeleted(n)) {
                return;
            }
            if (n.hasLabel(CoreFlowGraph.PROCESS)) {
                add(idOf(n));
            } else if (n.hasLabel(CoreFlowGraph.SIDE_STREAM)) {
                consumersOf(n); // quantity, unit, allocationShare: the flows from it carry them
            } else if (n.hasLabel(EMISSION)) {
                for (Relationship r : n.getRelationships(Direction.INCOMING, CoreFlowGraph.REPORTED)) {
                    add(idOf(r.getStartNode()));
                }
            } else if (n.hasLabel(FOOTPRINT)) {
                for (Relationship r : n.getRelationships(Direction.INCOMING, CoreFlowGraph.PUBLISHED)) {
                    consumersOf(r.getStartNode());
                }
            } else if (n.hasLabel(ORGANIZATION)) {
                operatedBy(n); // its location is theirs when they have none
            } else if (n.hasLabel(PARK)) {
                for (Relationship r : n.getRelationships(Direction.INCOMING, CoreFlowGraph.IN_PARK)) {
                    add(idOf(r.getStartNode()));
                }
                for (Relationship r : n.getRelationships(Direction.INCOMING, CoreFlowGraph.LOCATED_IN)) {
                    operatedBy(r.getStartNode());
                }
            } else if (n.hasLabel(CoreFlowGraph.WASTE_CODE)) {
                for (Relationship r : n.getRelationships(Direction.INCOMING, CoreFlowGraph.CLASSIFIED_AS)) {
                    consumersOf(r.getStartNode());
                }
            }
        }

        private void relationship(Relationship r) {
            String type = r.getType().name();
            if (type.equals(CoreFlowGraph.SUPPLIES.name())) {
                add(idOf(r.getEndNode()));
            } else if (type.equals(CoreFlowGraph.REPORTED.name())) {
                add(idOf(r.getStartNode()));
            } else if (type.equals(CoreFlowGraph.PRODUCES.name())) {
                add(idOf(r.getStartNode()));
                consumersOf(r.getEndNode()); // the stream's flows now have another producer, or none
            } else if (type.equals(CoreFlowGraph.PUBLISHED.name()) || type.equals(CoreFlowGraph.CLASSIFIED_AS.name())) {
                consumersOf(r.getStartNode());
            } else if (type.equals(CoreFlowGraph.OPERATES.name())) {
                add(idOf(r.getEndNode()));
            } else if (type.equals(CoreFlowGraph.IN_PARK.name())) {
                add(idOf(r.getStartNode())); // a process's park; a sink's is not kept (no such process to read again)
            } else if (type.equals(CoreFlowGraph.LOCATED_IN.name())) {
                operatedBy(r.getStartNode());
            }
        }

        /** The processes an organization operates: their park and location may be its. A deleted one's OPERATES are seen themselves. */
        private void operatedBy(Node organization) {
            if (data.isDeleted(organization)) {
                return;
            }
            for (Relationship r : organization.getRelationships(Direction.OUTGOING, CoreFlowGraph.OPERATES)) {
                add(idOf(r.getEndNode()));
            }
        }

        private void consumersOf(Node stream) {
            if (data.isDeleted(stream)) {
                return; // its flows are deleted too, and seen as such
            }
            for (Relationship f : stream.getRelationships(Direction.OUTGOING, CoreFlowGraph.SUPPLIES)) {
                add(idOf(f.getEndNode()));
            }
        }

        private String idOf(Node n) {
            if (data.isDeleted(n)) {
                return deletedIds.get(n.getElementId());
            }
            return n.getProperty("id", null) instanceof String id ? id : null;
        }
    }

    private static final org.neo4j.graphdb.Label EMISSION = org.neo4j.graphdb.Label.label("Emission");
    private static final org.neo4j.graphdb.Label FOOTPRINT = org.neo4j.graphdb.Label.label("Footprint");
    private static final org.neo4j.graphdb.Label ORGANIZATION = org.neo4j.graphdb.Label.label("Organization");
    private static final org.neo4j.graphdb.Label PARK = org.neo4j.graphdb.Label.label("Park");
}
