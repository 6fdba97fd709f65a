package org.symbiosiskb.organization;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.translation.Fanout;
import org.symbiosiskb.api.translation.GraphTypeContributor;
import org.symbiosiskb.api.translation.GraphTypes;

/** organization.graphqls in Cypher: organizations and their processes, and their Query entry points. */
@Component
class OrganizationGraph implements GraphTypeContributor {

    /** A process's park: IN_PARK, else its operator's park (docs/spec/analytics.md). */
    static final String PARK_OF_PROCESS = """
            coalesce(head([({n})-[:IN_PARK]->(k:Park) | k.id]), head([({n})<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(k:Park) | k.id]))""";

    @Override
    public void contribute(GraphTypes.Builder types) {
        types.type("Organization").label("Organization")
                .records(Organization::from)
                .properties("id", "kind", "role", "businessId", "nace", "city", "country", "climatePartnerSince")
                .recordMeta()
                // its own location, else its park's
                .expression("location", "coalesce({n}.location, head([({n})-[:LOCATED_IN]->(k:Park) | k.location]))", false, null)
                .one("park", "Park", "MATCH ({p})-[:LOCATED_IN]->({c}:Park)")
                // its memberships (a city's climate-partner network), agreed ones only: MEMBER_OF, not PROPOSED_MEMBER_OF
                .many("networks", "Network", "MATCH ({p})-[:MEMBER_OF]->({c}:Network)", Fanout.of("Organization-MEMBER_OF->"))
                .connection("networksConnection", "networks")
                .many("processes", "Process", "MATCH ({p})-[:OPERATES]->({c}:Process)", Fanout.of("Organization-OPERATES->"))
                .connection("processesConnection", "processes")
                .many("carbonSinks", "CarbonSink", "MATCH ({p})-[:OWNS]->({c}:CarbonSink)", Fanout.of("Organization-OWNS->"))
                .connection("carbonSinksConnection", "carbonSinks")
                .many("offsetAgreements", "OffsetAgreement", "MATCH ({p})<-[:BUYER]-({c}:OffsetAgreement)", Fanout.of("Organization<-BUYER"))
                .connection("offsetAgreementsConnection", "offsetAgreements")
                .many("coordinatedParks", "Park", "MATCH ({p})-[:COORDINATES]->({c}:Park)", Fanout.of("Organization-COORDINATES->Park"))
                .many("coordinatedNetworks", "Network", "MATCH ({p})-[:COORDINATES]->({c}:Network)", Fanout.of("Organization-COORDINATES->Network"))
                .filter("park", "EXISTS { ({n})-[:LOCATED_IN]->(:Park {id: {v}}) }")
                // located in a park of the network, or a member of it
                .filter("network", """
                        (EXISTS { ({n})-[:LOCATED_IN]->(:Park)-[:MEMBER_OF]->(:Network {id: {v}}) }
                         OR EXISTS { ({n})-[:MEMBER_OF]->(:Network {id: {v}}) })""")
                .propertyFilter("kind", "{n}.kind = {v}")
                .propertyFilter("role", "{n}.role = {v}")
                .propertyFilter("nameContains", "toLower({n}.name) CONTAINS toLower({v})");

        types.type("Process").label("Process")
                .records(Process::from)
                .properties("id", "outputTonnes", "mainProduct", "eprtrId", "activityCode", "activityName", "city", "country", "status")
                .recordMeta()
                // its own location, else its operator's (own, else the operator's park), else its park's
                .expression("location", """
                        coalesce({n}.location,
                                 head([({n})<-[:OPERATES]-(o:Organization) | coalesce(o.location, head([(o)-[:LOCATED_IN]->(k:Park) | k.location]))]),
                                 head([({n})-[:IN_PARK]->(k:Park) | k.location]))""", false, null)
                .one("operator", "Organization", "MATCH ({p})<-[:OPERATES]-({c}:Organization)")
                .one("park", "Park", """
                        CALL ({p}) {
                          OPTIONAL MATCH ({p})-[:IN_PARK]->(own:Park)
                          OPTIONAL MATCH ({p})<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(viaOperator:Park)
                          RETURN coalesce(own, viaOperator) AS {c} LIMIT 1
                        }
                        WITH {c} WHERE {c} IS NOT NULL""")
                .many("sideStreams", "SideStream", "MATCH ({p})-[:PRODUCES]->({c}:SideStream)", Fanout.of("Process-PRODUCES->"))
                .connection("sideStreamsConnection", "sideStreams")
                .many("inputs", "Flow", "MATCH (:SideStream)-[{c}:SUPPLIES]->({p})", Fanout.of("Process<-SUPPLIES"))
                .many("needs", "Need", "MATCH ({p})-[:NEEDS]->({c}:Need)", Fanout.of("Process-NEEDS->"))
                .connection("needsConnection", "needs")
                .filter("park", PARK_OF_PROCESS + " = {v}")
                .filter("operator", "EXISTS { ({n})<-[:OPERATES]-(:Organization {id: {v}}) }")
                .filter("network", """
                        (EXISTS { ({n})-[:IN_PARK]->(:Park)-[:MEMBER_OF]->(:Network {id: {v}}) }
                         OR EXISTS { ({n})<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(:Park)-[:MEMBER_OF]->(:Network {id: {v}}) })""")
                .propertyFilter("nameContains", "toLower({n}.name) CONTAINS toLower({v})");

        types.lookup("organization", "Organization", "id")
                .connection("organizations", "Organization")
                .lookup("process", "Process", "id")
                .connection("processes", "Process");
    }
}
