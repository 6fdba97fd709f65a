package org.symbiosiskb.park;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.translation.Fanout;
import org.symbiosiskb.api.translation.GraphTypeContributor;
import org.symbiosiskb.api.translation.GraphTypes;

/** park.graphqls in Cypher: parks and networks, their fields and relationships, and their Query entry points. */
@Component
class ParkGraph implements GraphTypeContributor {

    @Override
    public void contribute(GraphTypes.Builder types) {
        types.type("Park").label("Park")
                .records(r -> Park.from(r.get("n")))
                .properties("id", "location", "municipality", "country", "origin", "areaHa", "founded")
                .recordMeta()
                .one("coordinator", "Organization", "MATCH ({p})<-[:COORDINATES]-({c}:Organization)")
                .many("networks", "Network", "MATCH ({p})-[:MEMBER_OF]->({c}:Network)", Fanout.of("Park-MEMBER_OF->"))
                .connection("networksConnection", "networks")
                .many("organizations", "Organization", "MATCH ({p})<-[:LOCATED_IN]-({c}:Organization)", Fanout.of("Park<-LOCATED_IN"))
                .connection("organizationsConnection", "organizations")
                // IN_PARK, or, without one, through the operator's park (docs/spec/analytics.md)
                .many("processes", "Process", """
                        CALL ({p}) {
                          MATCH ({p})<-[:IN_PARK]-(x:Process) RETURN x AS {c}
                          UNION
                          MATCH ({p})<-[:LOCATED_IN]-(:Organization)-[:OPERATES]->(x:Process) WHERE NOT (x)-[:IN_PARK]->(:Park) RETURN x AS {c}
                        }""", Fanout.of("Park<-IN_PARK-Process").or("Park<-LOCATED_IN", "Organization-OPERATES->"))
                .connection("processesConnection", "processes")
                .many("carbonSinks", "CarbonSink", "MATCH ({p})<-[:IN_PARK]-({c}:CarbonSink)", Fanout.of("Park<-IN_PARK-CarbonSink"))
                .connection("carbonSinksConnection", "carbonSinks")
                .filter("network", "EXISTS { ({n})-[:MEMBER_OF]->(:Network {id: {v}}) }", "MATCH (:Network {id: {v}})<-[:MEMBER_OF]-({n}:Park)")
                .propertyFilter("country", "{n}.country = {v}")
                .propertyFilter("origin", "{n}.origin = {v}")
                .propertyFilter("nameContains", "toLower({n}.name) CONTAINS toLower({v})");

        types.type("Network").label("Network")
                .records(r -> Network.from(r.get("n")))
                .properties("id", "scope")
                .recordMeta()
                .one("coordinator", "Organization", "MATCH ({p})<-[:COORDINATES]-({c}:Organization)")
                .many("parks", "Park", "MATCH ({p})<-[:MEMBER_OF]-({c}:Park)", Fanout.of("Network<-MEMBER_OF-Park"))
                .connection("parksConnection", "parks")
                // member organizations (a climate-partner network's partners), agreed memberships only
                .many("organizations", "Organization", "MATCH ({p})<-[:MEMBER_OF]-({c}:Organization)",
                        Fanout.of("Network<-MEMBER_OF-Organization"))
                .connection("organizationsConnection", "organizations")
                .propertyFilter("scope", "{n}.scope = {v}")
                .propertyFilter("nameContains", "toLower({n}.name) CONTAINS toLower({v})");

        types.lookup("park", "Park", "id")
                .connection("parks", "Park")
                .lookup("network", "Network", "id")
                .connection("networks", "Network");
    }
}
