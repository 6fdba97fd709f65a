package org.symbiosiskb.compensation;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.translation.Fanout;
import org.symbiosiskb.api.translation.GraphTypeContributor;
import org.symbiosiskb.api.translation.GraphTypes;

/** compensation.graphqls in Cypher: carbon sinks, offset agreements, and their Query entry points. */
@Component
class CompensationGraph implements GraphTypeContributor {

    @Override
    public void contribute(GraphTypes.Builder types) {
        types.type("CarbonSink").label("CarbonSink")
                .records(r -> CarbonSink.from(r.get("n")))
                .properties("id", "kind", "location", "tCO2ePerYear", "permanenceYears", "verification", "activeFrom", "activeTo")
                .recordMeta()
                .one("owner", "Organization", "MATCH ({p})<-[:OWNS]-({c}:Organization)")
                .one("park", "Park", "MATCH ({p})-[:IN_PARK]->({c}:Park)")
                .many("agreements", "OffsetAgreement", "MATCH ({p})<-[:FROM_SINK]-({c}:OffsetAgreement)", Fanout.of("CarbonSink<-FROM_SINK"))
                .connection("agreementsConnection", "agreements")
                .filter("park", "EXISTS { ({n})-[:IN_PARK]->(:Park {id: {v}}) }")
                .filter("owner", "EXISTS { ({n})<-[:OWNS]-(:Organization {id: {v}}) }")
                .propertyFilter("kind", "{n}.kind = {v}")
                .propertyFilter("nameContains", "toLower({n}.name) CONTAINS toLower({v})");

        types.type("OffsetAgreement").label("OffsetAgreement")
                .records(r -> OffsetAgreement.from(r.get("n")))
                .properties("id", "tCO2ePerYear", "fromYear", "toYear", "pricePerTonne")
                .recordMeta()
                // what it counts as once its parties have spoken, and what its owner wrote
                .expression("status", "coalesce({n}.effectiveStatus, {n}.status)", false, null)
                .property("ownStatus", "status", null)
                .one("buyer", "Organization", "MATCH ({p})-[:BUYER]->({c}:Organization)")
                .one("sink", "CarbonSink", "MATCH ({p})-[:FROM_SINK]->({c}:CarbonSink)")
                .filter("buyer", "EXISTS { ({n})-[:BUYER]->(:Organization {id: {v}}) }")
                .filter("sink", "EXISTS { ({n})-[:FROM_SINK]->(:CarbonSink {id: {v}}) }")
                .propertyFilter("status", "coalesce({n}.effectiveStatus, {n}.status) = {v}");

        types.lookup("carbonSink", "CarbonSink", "id")
                .connection("carbonSinks", "CarbonSink")
                .lookup("offsetAgreement", "OffsetAgreement", "id")
                .connection("offsetAgreements", "OffsetAgreement");
    }
}
