package org.symbiosiskb.sidestream;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.translation.Fanout;
import org.symbiosiskb.api.translation.GraphTypeContributor;
import org.symbiosiskb.api.translation.GraphTypes;
import org.symbiosiskb.exchange.WasteCodes;
import org.symbiosiskb.graph.FlowById;

/** sidestream.graphqls in Cypher: side streams, flows, needs, the List of Waste, and their Query entry points. */
@Component
class SideStreamGraph implements GraphTypeContributor {

    /**
     * {@code {v}} is a chapter, sub-chapter or entry, compared without the hazard mark: "10" matches "10 02 02" and "10 01 14*".
     * Only the asked code loses its mark: a stored code carries it only as its last character (the exchange's EWC
     * syntax), so it starts with the bare asked code exactly when it does without its own mark, and the comparison
     * stays a seek on the side_stream_ewc index (a tenth of the database hits of a label scan at the benchmark's size M).
     */
    private static final String EWC = "{n}.ewc STARTS WITH replace({v}, '*', '')";

    @Override
    public void contribute(GraphTypes.Builder types) {
        types.type("SideStream").label("SideStream")
                .records(r -> SideStream.from(r.get("n")))
                .properties("id", "quantity", "unit", "ewc", "material", "allocationShare", "year", "hazardous", "treatment")
                .recordMeta()
                .one("producer", "Process", "MATCH ({p})<-[:PRODUCES]-({c}:Process)")
                .one("wasteCode", "WasteCode", "MATCH ({p})-[:CLASSIFIED_AS]->({c}:WasteCode)")
                .many("flows", "Flow", "MATCH ({p})-[{c}:SUPPLIES]->(:Process)", Fanout.of("SideStream-SUPPLIES->"))
                .filter("producer", "EXISTS { ({n})<-[:PRODUCES]-(:Process {id: {v}}) }")
                .filter("park", """
                        (EXISTS { ({n})<-[:PRODUCES]-(:Process)-[:IN_PARK]->(:Park {id: {v}}) }
                         OR EXISTS { ({n})<-[:PRODUCES]-(x:Process)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(:Park {id: {v}})
                                     WHERE NOT (x)-[:IN_PARK]->(:Park) })""")
                .filter("network", """
                        (EXISTS { ({n})<-[:PRODUCES]-(:Process)-[:IN_PARK]->(:Park)-[:MEMBER_OF]->(:Network {id: {v}}) }
                         OR EXISTS { ({n})<-[:PRODUCES]-(:Process)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(:Park)-[:MEMBER_OF]->(:Network {id: {v}}) })""")
                .propertyFilter("ewc", EWC)
                .propertyFilter("unit", "{n}.unit = {v}")
                .propertyFilter("material", "toLower(trim({n}.material)) = toLower(trim({v}))")
                .propertyFilter("nameContains", "toLower({n}.name) CONTAINS toLower({v})")
                // a filter on a figure matches only records whose figures the caller may see: otherwise whether
                // another partner's PRIVATE stream is in the answer would tell its quantity
                .propertyFilter("minQuantity", "({n}.quantity >= {v} AND {full})");

        // a flow is a SUPPLIES relationship (PROPOSED_SUPPLIES while it waits for consent: found by id, listed nowhere)
        types.type("Flow")
                .lookup(FlowById.call("{v}", "{v}", "{n}"))
                .records(Map.of("f", "{n}", "from", "startNode({n}).id", "to", "endNode({n}).id"), Flow::from)
                .properties("id", "quantity", "transportMode", "distanceKm", "transportFactor", "substitutesFactor", "fromYear", "toYear")
                .recordMeta()
                .one("sideStream", "SideStream", "MATCH ({c}:SideStream)-[{p}]->()")
                .one("consumer", "Process", "MATCH ()-[{p}]->({c}:Process)");

        types.type("Need").label("Need")
                .records(r -> Need.from(r.get("n")))
                .properties("id", "quantity", "unit", "ewc", "material", "maxDistanceKm")
                .recordMeta()
                .one("process", "Process", "MATCH ({p})<-[:NEEDS]-({c}:Process)")
                .one("wasteCode", "WasteCode", "MATCH ({p})-[:CLASSIFIED_AS]->({c}:WasteCode)")
                .filter("process", "EXISTS { ({n})<-[:NEEDS]-(:Process {id: {v}}) }")
                .filter("park", """
                        (EXISTS { ({n})<-[:NEEDS]-(:Process)-[:IN_PARK]->(:Park {id: {v}}) }
                         OR EXISTS { ({n})<-[:NEEDS]-(x:Process)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(:Park {id: {v}})
                                     WHERE NOT (x)-[:IN_PARK]->(:Park) })""")
                .propertyFilter("ewc", EWC)
                .propertyFilter("material", "toLower(trim({n}.material)) = toLower(trim({v}))");

        types.type("WasteCode").key("code", w -> ((WasteCode) w).code(), "WasteCode").reference()
                .order("{n}.code")
                .records(r -> WasteCode.from(r.get("n")))
                .properties("code", "title")
                .expression("level", "{n}.code", false, code -> WasteCodes.level((String) code).name())
                .expression("hazardous", "{n}.code", false, code -> ((String) code).endsWith("*"))
                .one("parent", "WasteCode", "MATCH ({p})-[:IN]->({c}:WasteCode)")
                .ordered("children", "WasteCode", "MATCH ({p})<-[:IN]-({c}:WasteCode)", "{c}.code", Fanout.of("WasteCode<-IN"));

        types.lookup("sideStream", "SideStream", "id")
                .connection("sideStreams", "SideStream")
                .lookup("flow", "Flow", "id")
                .lookup("need", "Need", "id")
                .connectionOfUnreferenced("needs", "Need")
                .lookup("wasteCode", "WasteCode", "code")
                .list("wasteChapters", "WasteCode", "size({n}.code) = 2", Map.of());
    }
}
