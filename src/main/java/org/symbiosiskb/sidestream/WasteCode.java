package org.symbiosiskb.sidestream;

import org.neo4j.driver.Value;
import org.symbiosiskb.exchange.WasteCodes;

/** A chapter, sub-chapter or entry of the European List of Waste. */
public record WasteCode(String code, String title) {

    public static WasteCode from(Value n) {
        return new WasteCode(n.get("code").asString(), n.get("title").asString(null));
    }

    public String level() {
        return WasteCodes.level(code).name();
    }

    public boolean hazardous() {
        return code.endsWith("*");
    }
}
