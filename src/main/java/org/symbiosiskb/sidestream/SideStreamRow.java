package org.symbiosiskb.sidestream;

/** A row of a park's side-stream table: produced, used by active flows, still available. */
record SideStreamRow(SideStream sideStream, double produced, double used, double available, String unit) {
}
