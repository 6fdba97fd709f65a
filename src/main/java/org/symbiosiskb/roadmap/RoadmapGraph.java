package org.symbiosiskb.roadmap;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.translation.Fanout;
import org.symbiosiskb.api.translation.GraphTypeContributor;
import org.symbiosiskb.api.translation.GraphTypes;

/**
 * roadmap.graphqls in Cypher: roadmaps, their targets and measures with the defaults of docs/spec/model.md.
 * Their trajectory, target status and curves come from the kb.roadmap procedures (RoadmapController).
 */
@Component
class RoadmapGraph implements GraphTypeContributor {

    @Override
    public void contribute(GraphTypes.Builder types) {
        types.type("Roadmap").label("Roadmap")
                .records(Map.of("n", "{n}", "park", "[({n})-[:FOR_PARK]->(x:Park) | x.id][0]"), Roadmap::from)
                .properties("id")
                .property("baseYear", "baseYear", y -> y == null ? 0L : y)
                .property("discountRate", "discountRate", r -> r == null ? Roadmap.DEFAULT_DISCOUNT_RATE : r)
                .recordMeta()
                .one("park", "Park", "MATCH ({p})-[:FOR_PARK]->({c}:Park)")
                .ordered("targets", "Target", "MATCH ({p})-[:HAS_TARGET]->({c}:Target)", "{c}.year", Fanout.of("Roadmap-HAS_TARGET->"))
                .many("measures", "Measure", "MATCH ({p})-[:HAS_MEASURE]->({c}:Measure)", Fanout.of("Roadmap-HAS_MEASURE->"));

        types.type("Target").label("Target")
                .records(Map.of("n", "{n}", "key", "[({n})<-[:HAS_TARGET]-(x:Roadmap) | x.id][0]"), Target::from)
                .properties("year", "maxNet", "reductionPercent", "notes", "updatedAt")
                .expression("visibility", "coalesce({n}.visibility, 'NETWORK')", false, null)
                .one("roadmap", "Roadmap", "MATCH ({p})<-[:HAS_TARGET]-({c}:Roadmap)");

        var measureColumns = new LinkedHashMap<String, String>();
        measureColumns.put("n", "{n}");
        measureColumns.put("roadmap", "[(x:Roadmap)-[:HAS_MEASURE]->({n}) | x.id][0]");
        measureColumns.put("process", "[({n})-[:CUTS]->(x) | x.id][0]");
        measureColumns.put("sideStream", "[({n})-[:FLOW_FROM]->(x) | x.id][0]");
        measureColumns.put("consumer", "[({n})-[:FLOW_TO]->(x) | x.id][0]");
        types.type("Measure").label("Measure")
                .records(measureColumns, Measure::from)
                .properties("id", "kind", "tCO2ePerYear", "quantity", "substitutesFactor", "transportMode", "distanceKm", "transportFactor")
                // the defaults of docs/spec/model.md, as Measure.from applies them
                .property("startYear", "startYear", y -> y == null ? 0L : y)
                .property("lifetimeYears", "lifetimeYears", y -> y == null ? 20L : y)
                .property("capexEUR", "capexEUR", x -> x == null ? 0.0 : x)
                .property("opexEURPerYear", "opexEURPerYear", x -> x == null ? 0.0 : x)
                .property("status", "status", s -> s == null ? "PLANNED" : s)
                .recordMeta()
                .one("roadmap", "Roadmap", "MATCH ({p})<-[:HAS_MEASURE]-({c}:Roadmap)")
                .one("process", "Process", "MATCH ({p})-[:CUTS]->({c}:Process)")
                .one("sideStream", "SideStream", "MATCH ({p})-[:FLOW_FROM]->({c}:SideStream)")
                .one("consumer", "Process", "MATCH ({p})-[:FLOW_TO]->({c}:Process)");

        types.type("Park").many("roadmaps", "Roadmap", "MATCH ({p})<-[:FOR_PARK]-({c}:Roadmap)", Fanout.of("Park<-FOR_PARK"));

        types.lookup("roadmap", "Roadmap", "id", GraphTypes.NOT_PLACEHOLDER)
                .list("roadmaps", "Roadmap", GraphTypes.NOT_PLACEHOLDER, Map.of("parkId", "EXISTS { ({n})-[:FOR_PARK]->(:Park {id: {v}}) }"));
    }
}
