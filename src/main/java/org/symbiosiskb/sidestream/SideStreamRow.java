package org.symbiosiskb.sidestream;

/** A row of a park's side-stream table: produced, used by active flows, still available. */
record SideStreamRow(SideStream sideStream, Double produced, Double used, Double available, String unit) {
}
