package org.symbiosiskb.roadmap;

/**
 * The small park the roadmap and scenario tests work out by hand.
 *
 * <pre>
 * park R: organization o1 operates p1 (outputTonnes 1000) and p2, both IN_PARK R
 * emissions: p1 2020 scope 1 1000; p1 2022 scope 1 600 + scope 2 100 (= 700); p2 2020 scope 1 500;
 *            no records in 2021, 2023 or 2024 (carried forward from the latest year with records)
 * side stream st of p1: 100 t; flow f1 st → p2 50 t, substitutesFactor 2 (avoided 100 every year)
 * sink s1 in R, 100 t/y from 2021; sink s9 in park L (owned by o9 in L), 100 t/y
 *
 * roadmap rm (base year 2020, discount rate 0.05):
 *   targets 2022 reductionPercent 50; 2024 maxNet 0
 *   m1 EMISSION_CUT p1 300 t/y from 2021 for 2 years (2021, 2022), capex 1000
 *   m2 EMISSION_CUT p2 900 t/y from 2020, opex 1000/y
 *   m3 NEW_SINK 200 t/y from 2023, opex −2000/y (a saving)
 *   m4 OFFSET 50 t/y from 2022, DROPPED
 *   m5 NEW_FLOW st → p1 20 t, substitutesFactor 1, ROAD 100 km, from 2024, opex 100/y
 * roadmap rm0 (base year 2024, discount rate 0): target 2024 maxNet 0
 *   t-c OFFSET 10 t/y opex 10; t-a OFFSET 40 t/y opex 100; t-b NEW_SINK 100 t/y capex 1000 for 4 years
 * </pre>
 */
final class RoadmapGraphs {

    private RoadmapGraphs() {
    }

    static final String PARK = """
            {"format": "symbiosis-kb/1", "partner": "fi",
             "parks": [{"id": "fi:r", "name": "R", "location": {"lat": 60.0, "lon": 25.0}},
                       {"id": "fi:l", "name": "L", "location": {"lat": 61.0, "lon": 25.0}}],
             "organizations": [{"id": "fi:o1", "name": "O1", "park": "fi:r"}, {"id": "fi:o9", "name": "O9", "park": "fi:l"}],
             "processes": [{"id": "fi:p1", "name": "P1", "operator": "fi:o1", "park": "fi:r", "outputTonnes": 1000},
                           {"id": "fi:p2", "name": "P2", "operator": "fi:o1", "park": "fi:r"}],
             "emissions": [{"process": "fi:p1", "year": 2020, "scope": 1, "tCO2e": 1000},
                           {"process": "fi:p1", "year": 2022, "scope": 1, "tCO2e": 600},
                           {"process": "fi:p1", "year": 2022, "scope": 2, "tCO2e": 100},
                           {"process": "fi:p2", "year": 2020, "scope": 1, "tCO2e": 500}],
             "sideStreams": [{"id": "fi:st", "name": "St", "producer": "fi:p1", "quantity": 100, "unit": "t"}],
             "flows": [{"id": "fi:f1", "sideStream": "fi:st", "consumer": "fi:p2", "quantity": 50, "substitutesFactor": 2}],
             "carbonSinks": [{"id": "fi:s1", "name": "S1", "kind": "FOREST", "owner": "fi:o1", "location": {"lat": 60.0, "lon": 25.0},
                              "tCO2ePerYear": 100, "park": "fi:r", "activeFrom": 2021},
                             {"id": "fi:s9", "name": "S9", "kind": "FOREST", "owner": "fi:o9", "location": {"lat": 61.0, "lon": 25.0},
                              "tCO2ePerYear": 100, "park": "fi:l"}],
             "roadmaps": [{"id": "fi:rm", "name": "R roadmap", "park": "fi:r", "baseYear": 2020, "discountRate": 0.05},
                          {"id": "fi:rm0", "name": "R roadmap at r = 0", "park": "fi:r", "baseYear": 2024, "discountRate": 0}],
             "targets": [{"roadmap": "fi:rm", "year": 2022, "reductionPercent": 50},
                         {"roadmap": "fi:rm", "year": 2024, "maxNet": 0},
                         {"roadmap": "fi:rm0", "year": 2024, "maxNet": 0}],
             "measures": [
               {"id": "fi:m1", "roadmap": "fi:rm", "name": "Cut p1", "kind": "EMISSION_CUT", "process": "fi:p1", "tCO2ePerYear": 300,
                "startYear": 2021, "lifetimeYears": 2, "capexEUR": 1000},
               {"id": "fi:m2", "roadmap": "fi:rm", "name": "Cut p2", "kind": "EMISSION_CUT", "process": "fi:p2", "tCO2ePerYear": 900,
                "startYear": 2020, "opexEURPerYear": 1000},
               {"id": "fi:m3", "roadmap": "fi:rm", "name": "New sink", "kind": "NEW_SINK", "tCO2ePerYear": 200, "startYear": 2023,
                "opexEURPerYear": -2000},
               {"id": "fi:m4", "roadmap": "fi:rm", "name": "Offset", "kind": "OFFSET", "tCO2ePerYear": 50, "startYear": 2022,
                "status": "DROPPED"},
               {"id": "fi:m5", "roadmap": "fi:rm", "name": "New flow", "kind": "NEW_FLOW", "sideStream": "fi:st", "consumer": "fi:p1",
                "quantity": 20, "substitutesFactor": 1, "transportMode": "ROAD", "distanceKm": 100, "startYear": 2024,
                "opexEURPerYear": 100},
               {"id": "fi:t-c", "roadmap": "fi:rm0", "name": "C", "kind": "OFFSET", "tCO2ePerYear": 10, "startYear": 2024, "opexEURPerYear": 10},
               {"id": "fi:t-a", "roadmap": "fi:rm0", "name": "A", "kind": "OFFSET", "tCO2ePerYear": 40, "startYear": 2024, "opexEURPerYear": 100},
               {"id": "fi:t-b", "roadmap": "fi:rm0", "name": "B", "kind": "NEW_SINK", "tCO2ePerYear": 100, "startYear": 2024,
                "lifetimeYears": 4, "capexEUR": 1000}]
            }
            """;
}
