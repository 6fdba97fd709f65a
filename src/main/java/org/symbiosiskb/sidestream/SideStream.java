package org.symbiosiskb.sidestream;

import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** A by-product, waste, surplus heat or steam, or CO2 stream of a process (docs/spec/model.md). */
public record SideStream(String id, String name, Double quantity, String unit, String ewc, String material,
                         Double allocationShare, Integer year, Boolean hazardous, String treatment, RecordMeta meta) implements RecordMeta.Carrier {

    /** As another partner's PRIVATE stream is shown: its figures left out. */
    SideStream withoutFigures() {
        return new SideStream(id, name, null, unit, ewc, material, null, year, hazardous, treatment, meta);
    }

    public static SideStream from(Value n) {
        return new SideStream(n.get("id").asString(), Values.name(n), Values.number(n, "quantity"), Values.str(n, "unit"),
                Values.str(n, "ewc"), Values.str(n, "material"), Values.number(n, "allocationShare"), Values.integer(n, "year"),
                n.get("hazardous").isNull() ? null : n.get("hazardous").asBoolean(), Values.str(n, "treatment"), RecordMeta.of(n));
    }
}
