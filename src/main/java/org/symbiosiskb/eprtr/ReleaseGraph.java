package org.symbiosiskb.eprtr;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.translation.Fanout;
import org.symbiosiskb.api.translation.GraphTypeContributor;
import org.symbiosiskb.api.translation.GraphTypes;

/** eprtr.graphqls in Cypher: the releases of a process, seen no better than their process, filtered by the field's arguments. */
@Component
class ReleaseGraph implements GraphTypeContributor {

    @Override
    public void contribute(GraphTypes.Builder types) {
        types.type("Release").label("Release").owned("MATCH ({o}:Process)-[:RELEASED]->({n})")
                .keyOf(r -> ((Release) r).id())
                .records(Map.of("n", "{n}", "process", "{o}.id"), Release::from)
                .properties("year", "pollutant", "pollutantName", "medium", "kg", "accidentalKg", "method", "notes", "updatedAt")
                .expression("visibility", "coalesce({n}.visibility, 'NETWORK')", false, null)
                .one("process", "Process", "MATCH ({c}:Process)-[:RELEASED]->({p})");

        types.type("Process").children("releases", "Release", "MATCH ({p})-[:RELEASED]->({c}:Release)", "{c}.year, {c}.medium, {c}.pollutant",
                Map.of("year", "{n}.year = {v}", "pollutant", "{n}.pollutant = {v}", "medium", "{n}.medium = {v}"),
                Fanout.of("Process-RELEASED->"));
    }
}
