package org.symbiosiskb.emissions;

import java.util.List;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** The answer of traceEmissions, as kb.trace computed it. */
public record EmissionTrace(String processId, int year, String direction, String allocation, Double direct, Double transport,
                     Double inherited, Double total, Double reportedShare, Double intensity, Double passedOn, Double coverage,
                     boolean truncated, List<EmissionPath> paths, boolean withheld) {

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

    /**
     * The figures the caller may see (security.Disclosure); the rest null.
     *
     * @param directShown   the process's emission records are seen
     * @param localShown    and the flows into it: its totals
     * @param passedOnShown and the flows out of it: what it passes on
     * @param pathsShown    every listed chain's contribution is seen: the coverage they give
     */
    EmissionTrace shownAs(boolean directShown, boolean localShown, boolean passedOnShown, boolean pathsShown, List<EmissionPath> shown) {
        boolean totals = directShown && localShown;
        return new EmissionTrace(processId, year, direction, allocation, directShown ? direct : null, totals ? transport : null,
                totals ? inherited : null, totals ? total : null, totals ? reportedShare : null, totals ? intensity : null,
                passedOnShown ? passedOn : null,
                totals && pathsShown ? coverage : null, truncated, shown,
                !totals || !pathsShown || (passedOn != null && !passedOnShown));
    }

    static EmissionTrace from(Record r) {
        var paths = r.get("paths").asList(p -> new EmissionPath(p.get("contribution").asDouble(),
                p.get("hops").asList(h -> new EmissionHop(h.get("flow").asString(), h.get("from").asString(),
                        h.get("sideStream").asString(), h.get("to").asString(), h.get("quantity").asDouble(), h.get("share").asDouble()))));
        return new EmissionTrace(r.get("process").asString(), r.get("year").asInt(), r.get("direction").asString(),
                r.get("allocation").asString(), r.get("direct").asDouble(), r.get("transport").asDouble(),
                r.get("inherited").asDouble(), r.get("total").asDouble(), nullable(r.get("reportedShare")), nullable(r.get("intensity")),
                nullable(r.get("passedOn")), r.get("coverage").asDouble(), r.get("truncated").asBoolean(), paths, false);
    }

    static Double nullable(Value v) {
        return v.isNull() ? null : v.asDouble();
    }
}
