package org.symbiosiskb.emissions;

import java.util.List;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** The answer of traceEmissions, as kb.trace computed it. */
public record EmissionTrace(String processId, int year, String direction, String allocation, double direct, double transport,
                     double inherited, double total, Double reportedShare, Double intensity, Double passedOn, double coverage, boolean truncated,
                     List<EmissionPath> paths) {

    /** @param contribution null when a hop of the chain is another partner's PRIVATE record */
    public record EmissionPath(Double contribution, List<EmissionHop> hops) {
    }

    /**
     * One flow of a chain: ids here, the records are batch-loaded when asked for.
     * Quantity and share are null when the flow, its stream or its processes are another partner's PRIVATE records.
     */
    public record EmissionHop(String flowId, String fromId, String sideStreamId, String toId, Double quantity, Double share) {

        List<String> ids() {
            return List.of(flowId, fromId, sideStreamId, toId);
        }

        EmissionHop withoutFigures() {
            return new EmissionHop(flowId, fromId, sideStreamId, toId, null, null);
        }
    }

    EmissionTrace withPaths(List<EmissionPath> shown) {
        return new EmissionTrace(processId, year, direction, allocation, direct, transport, inherited, total, reportedShare, intensity,
                passedOn, coverage, truncated, shown);
    }

    static EmissionTrace from(Record r) {
        var paths = r.get("paths").asList(p -> new EmissionPath(p.get("contribution").asDouble(),
                p.get("hops").asList(h -> new EmissionHop(h.get("flow").asString(), h.get("from").asString(),
                        h.get("sideStream").asString(), h.get("to").asString(), h.get("quantity").asDouble(), h.get("share").asDouble()))));
        return new EmissionTrace(r.get("process").asString(), r.get("year").asInt(), r.get("direction").asString(),
                r.get("allocation").asString(), r.get("direct").asDouble(), r.get("transport").asDouble(),
                r.get("inherited").asDouble(), r.get("total").asDouble(), nullable(r.get("reportedShare")), nullable(r.get("intensity")),
                nullable(r.get("passedOn")), r.get("coverage").asDouble(), r.get("truncated").asBoolean(), paths);
    }

    static Double nullable(Value v) {
        return v.isNull() ? null : v.asDouble();
    }
}
