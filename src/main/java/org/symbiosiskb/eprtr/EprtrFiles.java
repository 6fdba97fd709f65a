package org.symbiosiskb.eprtr;

import java.util.List;

/**
 * The three files of an E-PRTR extract as the European Environment Agency's Industrial Reporting
 * database names their columns (SYKE's Finnish extract uses the same), and the columns the importer
 * reads. Each file is one part of the upload.
 */
final class EprtrFiles {

    static final String FACILITIES = "facilities";
    static final String RELEASES = "releases";
    static final String WASTE_TRANSFERS = "wasteTransfers";
    /** The parts in the order they are read; the file names the command line looks for in a directory. */
    static final List<String> PARTS = List.of(FACILITIES, RELEASES, WASTE_TRANSFERS);

    static final String INSPIRE_ID = "Facility_INSPIRE_ID";
    static final String YEAR = "reportingYear";

    static final List<String> FACILITY_COLUMNS = List.of(INSPIRE_ID, "facilityId", "parentCompanyName", "nameOfFeature",
            "mainActivityCode", "mainActivityName", "pointGeometryLon", "pointGeometryLat", "city", "countryCode", YEAR, "status");
    /** SYKE's ETRS-TM35FIN coordinates, used where pointGeometryLat/Lon are empty. */
    static final List<String> FACILITY_OPTIONAL = List.of("x", "y");

    static final List<String> RELEASE_COLUMNS = List.of(INSPIRE_ID, YEAR, "pollutantCode", "pollutantName", "medium",
            "totalPollutantQuantityKg", "methodCode");
    static final List<String> RELEASE_OPTIONAL = List.of("AccidentalPollutantQuantityKG");

    static final List<String> WASTE_COLUMNS = List.of(INSPIRE_ID, YEAR, "wasteClassificationCode", "wasteTreatmentCode",
            "totalWasteQuantityTNE", "methodCode", "nameOfReceiver", "ReceivingSite_city", "ReceivingSite_countryName");
    static final List<String> WASTE_OPTIONAL = List.of("ReceivingSite_postalCode");

    private EprtrFiles() {
    }

    static List<String> required(String part) {
        return switch (part) {
            case FACILITIES -> FACILITY_COLUMNS;
            case RELEASES -> RELEASE_COLUMNS;
            case WASTE_TRANSFERS -> WASTE_COLUMNS;
            default -> throw new IllegalArgumentException(part);
        };
    }

    static List<String> optional(String part) {
        return switch (part) {
            case FACILITIES -> FACILITY_OPTIONAL;
            case RELEASES -> RELEASE_OPTIONAL;
            case WASTE_TRANSFERS -> WASTE_OPTIONAL;
            default -> throw new IllegalArgumentException(part);
        };
    }

    /** One uploaded file: the part it came in, the name it was uploaded with, its bytes. */
    record Upload(String part, String filename, byte[] bytes) {
    }
}
