package org.symbiosiskb.eprtr;

import java.util.List;

import org.symbiosiskb.sidestream.SideStream;

/**
 * A reporting facility near a park, with its reported figures of one year. The figures are null when
 * the facility or the record is another partner's PRIVATE one (security.Disclosure).
 *
 * @param year           the year asked for, else the latest with a reported scope-1 record, else the latest
 *                       with waste transfers; null when the register has neither
 * @param reportedTCO2e  its REPORTED scope-1 records of the year, t CO2e
 * @param wasteTransfers its side streams of the year (waste transfers)
 */
public record NearbyFacility(String processId, double distanceKm, Integer year, Double reportedTCO2e, Double biogenicCO2,
                             List<SideStream> wasteTransfers, Double wasteTonnes, Double hazardousWasteTonnes) {
}
