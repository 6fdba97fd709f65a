package org.symbiosiskb.analytics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.TerminationGuard;

/**
 * The analytics as Cypher procedures: the same code and numbers for GraphQL (which calls these
 * through the driver) and for researchers in cypher-shell. Signatures and a runnable example on
 * the example data are in cypher/analytics.cypher. Arguments that make no sense are refused with
 * a message starting {@code [BAD_REQUEST]}, unknown ids with {@code [NOT_FOUND]}.
 */
public class AnalyticsProcedures {

    @Context
    public Transaction tx;

    @Context
    public GraphDatabaseService db;

    /** Lets the loops over the in-memory projection stop when the transaction is terminated (its timeout passed). */
    @Context
    public TerminationGuard guard;

    @Procedure(name = "kb.trace", mode = Mode.READ)
    @Description("Value-chain emissions of a process in a year (docs/spec/analytics.md §1): direct, transport, inherited, total, "
            + "reportedShare, intensity, passedOn (DOWNSTREAM), coverage, truncated and the chains that explain them.")
    public Stream<TraceRow> trace(@Name("processId") String processId, @Name("year") long year,
                                  @Name(value = "direction", defaultValue = "UPSTREAM") String direction,
                                  @Name(value = "allocation", defaultValue = "MASS") String allocation,
                                  @Name(value = "maxDepth", defaultValue = "10") long maxDepth,
                                  @Name(value = "cutoff", defaultValue = "0.001") double cutoff,
                                  @Name(value = "first", defaultValue = "50") long first) {
        return Stream.of(Trace.run(FlowProjections.forTrace(tx, db), processId, year(year), direction, allocation,
                maxDepth, cutoff, first, Guard.of(guard)));
    }

    @Procedure(name = "kb.productFootprint", mode = Mode.READ)
    @Description("A process's product footprint in a year (PACT): its MASS trace total per tonne of output, the shares of it "
            + "from REPORTED and from primary (REPORTED or CALCULATED) records, and the biogenic CO2 beside it, traced alike.")
    public Stream<ProductFootprintRow> productFootprint(@Name("processId") String processId, @Name("year") long year) {
        return Stream.of(ProductFootprints.run(FlowProjections.forTrace(tx, db), processId, year(year), Guard.of(guard)));
    }

    @Procedure(name = "kb.carbonBalance", mode = Mode.READ)
    @Description("Carbon balance of a park in a year (docs/spec/analytics.md §2): gross, sequestration, soldOutside, retained, "
            + "purchasedOffsets, avoided, net, reportedShare, climatePositive, carbonNeutral, byProcess, bySource.")
    public Stream<BalanceRow> carbonBalance(@Name("parkId") String parkId, @Name("year") long year,
                                            @Name(value = "includeScope3", defaultValue = "false") boolean includeScope3,
                                            @Name(value = "includeAvoided", defaultValue = "false") boolean includeAvoided) {
        return Stream.of(Balance.run(FlowProjections.forAnalytics(tx, db), parkId, year(year), includeScope3, includeAvoided));
    }

    @Procedure(name = "kb.projection", mode = Mode.READ)
    @Description("The in-memory flow projection traces read: whether this database keeps one (the plugin's extension runs), "
            + "whether it is built, its processes and flows, the years and allocations solved, the bytes of their vectors.")
    public Stream<ProjectionRow> projection() {
        var status = FlowProjections.status(db);
        var row = new ProjectionRow();
        row.kept = (Boolean) status.get("kept");
        row.built = (Boolean) status.get("built");
        row.processes = (Long) status.get("processes");
        row.flows = (Long) status.get("flows");
        @SuppressWarnings("unchecked")
        var solved = (List<String>) status.get("solved");
        row.solved = solved;
        row.vectorBytes = (Long) status.get("vectorBytes");
        row.modelBytes = (Long) status.get("modelBytes");
        row.solvedNodes = (Long) status.get("solvedNodes");
        row.lastSolveNodes = (Long) status.get("lastSolveNodes");
        row.lastSolveMillis = (Double) status.get("lastSolveMillis");
        row.lastBuildMillis = (Double) status.get("lastBuildMillis");
        row.upkeepMillis = (Long) status.get("upkeepMillis");
        row.builds = (Long) status.get("builds");
        row.updates = (Long) status.get("updates");
        return Stream.of(row);
    }

    @Procedure(name = "kb.countedEmissions", mode = Mode.READ)
    @Description("The emission records of a process in a year that the analytics count (of each scope, those of the best "
            + "provenance present: REPORTED, else CALCULATED, else ILLUSTRATIVE), one row each: scope, source, tCO2e, provenance.")
    public Stream<EmissionRow> countedEmissions(@Name("processId") String processId, @Name("year") long year) {
        return new CoreFlowGraph(tx).emissions(processId, year(year)).stream().map(e -> {
            var row = new EmissionRow();
            row.scope = e.scope();
            row.source = e.source();
            row.tCO2e = e.tCO2e();
            row.provenance = Counting.kind(e.provenance());
            return row;
        });
    }

    @Procedure(name = "kb.compensationPartners", mode = Mode.READ)
    @Description("Local compensation partners of an organization (docs/spec/analytics.md §3): residual emissions and the nearest "
            + "sinks with free capacity, greedy suggestions and the network path to each owner.")
    public Stream<PlanRow> compensationPartners(@Name("organizationId") String organizationId, @Name("year") long year,
                                                @Name(value = "maxDistanceKm", defaultValue = "100.0") double maxDistanceKm,
                                                @Name(value = "first", defaultValue = "10") long first,
                                                @Name(value = "excludeSinks", defaultValue = "[]") List<String> excludeSinks) {
        // excludeSinks: sinks the asker may not see (the service passes another partner's PRIVATE sinks)
        return Stream.of(Compensation.run(FlowProjections.forAnalytics(tx, db), organizationId, year(year), maxDistanceKm, first,
                excludeSinks == null ? Set.of() : Set.copyOf(excludeSinks)));
    }

    @Procedure(name = "kb.sideStreamMatches", mode = Mode.READ)
    @Description("Needs and precedents a side stream could serve (docs/spec/analytics.md §4), one row per match, best first.")
    public Stream<MatchRow> sideStreamMatches(@Name("sideStreamId") String sideStreamId, @Name("year") long year,
                                              @Name(value = "maxDistanceKm", defaultValue = "200.0") double maxDistanceKm,
                                              @Name(value = "first", defaultValue = "20") long first) {
        return Matching.run(FlowProjections.forAnalytics(tx, db), sideStreamId, year(year), maxDistanceKm, first, Guard.of(guard)).stream();
    }

    @Procedure(name = "kb.roadmap", mode = Mode.READ)
    @Description("A carbon roadmap (docs/spec/analytics.md §6): the trajectory from the base year to the last target (baseline, planned, "
            + "avoided per year) and each target's threshold, planned net, gap and whether it is met.")
    public Stream<RoadmapRows.RoadmapRow> roadmap(@Name("roadmapId") String roadmapId) {
        return Stream.of(Roadmaps.run(new CoreFlowGraph(tx), new CoreRoadmapGraph(tx), roadmapId));
    }

    @Procedure(name = "kb.abatementCurve", mode = Mode.READ)
    @Description("The abatement cost curve of a roadmap in a year (docs/spec/analytics.md §6): the measures in effect with positive abatement, "
            + "cheapest per tonne first, with annualised cost, cost per tonne and cumulative abatement.")
    public Stream<RoadmapRows.CurveRow> abatementCurve(@Name("roadmapId") String roadmapId, @Name("year") long year) {
        return Roadmaps.curve(new CoreFlowGraph(tx), new CoreRoadmapGraph(tx), roadmapId, year(year)).stream();
    }

    @Procedure(name = "kb.ghgInventory", mode = Mode.READ)
    @Description("An organization's GHG inventory of a year (docs/calculator.md) from the activity lines of the processes it "
            + "operates: scope1, scope2LocationBased, scope2MarketBased, marketBasedComplete, scope3, byCategory, the two totals, "
            + "biogenicCO2, reportedScope1 (its REPORTED scope-1 records) and the lines.")
    public Stream<Inventories.InventoryRow> ghgInventory(@Name("organizationId") String organizationId, @Name("year") long year) {
        return Stream.of(Inventories.inventory(new CoreCalculatorGraph(tx), organizationId, year(year)));
    }

    @Procedure(name = "kb.climatePartnerIndicator", mode = Mode.READ)
    @Description("A network's climate-partner indicator of a year (docs/calculator.md): its member organizations with "
            + "climatePartnerSince <= year (partners), those with activity lines in the year (reporting) and the sum of their "
            + "location-based totals.")
    public Stream<Inventories.IndicatorRow> climatePartnerIndicator(@Name("networkId") String networkId, @Name("year") long year) {
        return Stream.of(Inventories.indicator(new CoreCalculatorGraph(tx), networkId, year(year)));
    }

    private static int year(long year) {
        if (year < 1000 || year > 9999) {
            throw AnalyticsException.badRequest("year must be a four-digit year, found " + year);
        }
        return (int) year;
    }

    public static class TraceRow {
        public String process;
        public long year;
        public String direction;
        public String allocation;
        public double direct;
        public double transport;
        public double inherited;
        public double total;
        /** the part of total that arises in REPORTED emission records (analytics.Counting), as a share; null when total is 0 */
        public Double reportedShare;
        public Double intensity;
        public Double passedOn;
        public double coverage;
        public boolean truncated;
        /** [{contribution, hops: [{flow, from, sideStream, to, quantity, share}]}], hops upstream first */
        public List<Map<String, Object>> paths;
    }

    public static class ProductFootprintRow {
        public String process;
        public long year;
        /** F(p), t CO2e: the MASS trace's total */
        public double total;
        public Double outputTonnes;
        /** F(p) / outputTonnes, t CO2e per t (= kg CO2e per kg); null without output */
        public Double perTonne;
        /** the part of total from REPORTED records, as a share; null when total is 0 */
        public Double reportedShare;
        /** the part of total from REPORTED or CALCULATED records (primary data), as a share; null when total is 0 */
        public Double primaryShare;
        /** t CO2 from biomass over the value chain, allocated like the footprint, outside the scopes (not in total) */
        public double biogenicCO2;
        public Double biogenicCO2PerTonne;
        /** the primary share of total and biogenic CO2 together (PACT's pcfExcludingBiogenicUptake includes biogenic CO2) */
        public Double primaryShareWithBiogenic;
    }

    public static class BalanceRow {
        public String park;
        public long year;
        public double gross;
        public double sequestration;
        public double soldOutside;
        public double retained;
        public double purchasedOffsets;
        public double avoided;
        public double net;
        /** the part of gross from REPORTED records that count, as a share; null when gross is 0 */
        public Double reportedShare;
        public boolean climatePositive;
        public boolean carbonNeutral;
        /** [{process, tCO2e, from}], largest first; {@code from}: the emission records summed */
        public List<Map<String, Object>> byProcess;
        /** [{source, tCO2e, from}], largest first */
        public List<Map<String, Object>> bySource;
        /** The ids of the records each figure is computed from (emission records, sinks, agreements, flows). */
        public List<String> grossFrom;
        public List<String> sequestrationFrom;
        public List<String> soldOutsideFrom;
        public List<String> purchasedOffsetsFrom;
        public List<String> avoidedFrom;
    }

    public static class ProjectionRow {
        public boolean kept;
        public boolean built;
        public Long processes;
        public Long flows;
        /** "2024 MASS", with " (n to solve again)" while a change waits for the next trace */
        public List<String> solved;
        public Long vectorBytes;
        /** the solved model: the vectors, every process's equation of each year and allocation solved, who depends on whom, the loops, and the flows out that traces have read as links (Solved.Links) */
        public Long modelBytes;
        /** nodes solved over all solves since the projection was built (a whole solve counts them all) */
        public Long solvedNodes;
        /** the last solve: nodes solved and the time it took */
        public Long lastSolveNodes;
        public Double lastSolveMillis;
        /** the last whole build from the store (the first trace after a start, or after commits the listener did not see) */
        public Double lastBuildMillis;
        /** whole builds and in-place updates in this JVM, and the time updates took after commits */
        public long builds;
        public long updates;
        public long upkeepMillis;
    }

    public static class EmissionRow {
        public long scope;
        public String source;
        public double tCO2e;
        public String provenance;
    }

    public static class PlanRow {
        public String organization;
        public long year;
        public double emissions;
        public double contracted;
        public double residual;
        public double uncovered;
        /** [{sink, owner, distanceKm, free, suggestedTonnes, networkHops, networkPath}], nearest first */
        public List<Map<String, Object>> candidates;
        /** The ids of the records emissions and contracted are computed from (its processes and their records; agreements). */
        public List<String> emissionsFrom;
        public List<String> contractedFrom;
    }

    public static class MatchRow {
        public String level;
        public String need;
        public String process;
        public double distanceKm;
        public Double wanted;
        public double supplyable;
        public double available;
    }
}
