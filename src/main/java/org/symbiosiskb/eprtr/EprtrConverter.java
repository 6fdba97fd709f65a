package org.symbiosiskb.eprtr;

import static org.symbiosiskb.eprtr.EprtrFiles.FACILITIES;
import static org.symbiosiskb.eprtr.EprtrFiles.INSPIRE_ID;
import static org.symbiosiskb.eprtr.EprtrFiles.RELEASES;
import static org.symbiosiskb.eprtr.EprtrFiles.WASTE_TRANSFERS;
import static org.symbiosiskb.eprtr.EprtrFiles.YEAR;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the three files of an E-PRTR extract into one {@code symbiosis-kb/1} document of the
 * partner's records, which the ordinary import then checks and writes (issue 12). No Spring, no
 * database: what it decides is all here.
 *
 * <ul>
 * <li>a facility becomes the process {@code <partner>:eprtr-<facilityId>} (lower-cased, every character
 * outside [a-z0-9-] a '-'), keeping its INSPIRE id, Annex I activity, location, city, country and status;
 * its operator is an organization per parentCompanyName ({@code <partner>:eprtr-operator-<name>}),
 * shared by the company's facilities;</li>
 * <li>greenhouse gases to air become one scope-1 emission record of the site per year, REPORTED
 * ("E-PRTR <year>"): CO2 excluding biomass (or CO2 where only that is reported) + CH4 and N2O times
 * their GWP ({@link Gwp}); biogenic CO2 = CO2 − CO2 excluding biomass beside it; gases without a GWP
 * we can support are skipped and said so;</li>
 * <li>every release row is kept as a release (pollutant, medium, kg, method);</li>
 * <li>waste transfers become the site's side streams per year, one per hazardous/non-hazardous and
 * recovery/disposal; a named receiver (transboundary hazardous waste) becomes a receiving organization
 * and its receiving site (a process, with city and country) and a flow to it. Rows of the same
 * facility, year, class, treatment and receiver are separate transfers and add up.</li>
 * </ul>
 * All records are the partner's own and PUBLIC, as the register publishes them.
 */
final class EprtrConverter {

    static final Set<String> KNOWN_POLLUTANTS = pollutants();
    static final Set<String> MEDIA = Set.of("AIR", "WATER", "LAND");
    static final Map<String, String> METHODS = Map.of("M", "MEASURED", "C", "CALCULATED", "E", "ESTIMATED");
    /** Reported, but not converted: why. */
    static final Map<String, String> NOT_CONVERTED = Map.of(
            "HFCS", "hydrofluorocarbons are reported as one mixture of gases whose GWPs differ by a factor of over 100; no single GWP applies",
            "PFCS", "perfluorocarbons are reported as one mixture of gases with different GWPs; no single GWP applies",
            "SF6", "not converted by this importer (only CO2, CH4 and N2O have GWPs written and checked in its code)",
            "CFCS", "an ozone-depleting substance of the Montreal Protocol, kept outside the GHG Protocol scopes",
            "HCFCS", "an ozone-depleting substance of the Montreal Protocol, kept outside the GHG Protocol scopes",
            "HALONS", "an ozone-depleting substance of the Montreal Protocol, kept outside the GHG Protocol scopes");

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern YEAR_PATTERN = Pattern.compile("\\d{4}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern ID_LOCAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final String partner;
    private final Gwp gwp;
    private final List<CsvProblem> problems = new ArrayList<>();
    private String facilitiesFile = FACILITIES;

    EprtrConverter(String partner, Gwp gwp) {
        this.partner = partner;
        this.gwp = gwp;
    }

    /** The rows of one file were read. */
    record FileRead(String part, String file, int rows) {
    }

    /**
     * @param uploads the three parts, any order
     * @param read    told after each file is read
     * @throws InvalidExtractException with every problem found; nothing is converted then
     */
    Conversion convert(List<EprtrFiles.Upload> uploads, Consumer<FileRead> read) {
        var tables = new LinkedHashMap<String, CsvTable>();
        for (String part : EprtrFiles.PARTS) {
            var upload = uploads.stream().filter(u -> u.part().equals(part)).findFirst().orElse(null);
            if (upload == null) {
                problems.add(CsvProblem.of(part, part, 0, null, "the part is missing; an upload has the parts " + EprtrFiles.PARTS));
                continue;
            }
            var table = CsvTable.read(part, upload.filename() == null || upload.filename().isBlank() ? part : upload.filename(),
                    upload.bytes(), EprtrFiles.required(part), EprtrFiles.optional(part), problems);
            tables.put(part, table);
            read.accept(new FileRead(part, table.file(), table.rows().size()));
        }
        if (tables.size() < EprtrFiles.PARTS.size() || tables.values().stream().anyMatch(t -> !t.usable())) {
            throw new InvalidExtractException(problems);
        }
        // rows that could not be split are reported already; the others are checked all the same, so every problem is listed
        facilitiesFile = tables.get(FACILITIES).file();
        var facilities = facilities(tables.get(FACILITIES));
        var releases = releases(tables.get(RELEASES), facilities);
        var transfers = transfers(tables.get(WASTE_TRANSFERS), facilities);
        if (!problems.isEmpty()) {
            throw new InvalidExtractException(problems);
        }
        var rows = new LinkedHashMap<String, Integer>();
        tables.forEach((part, table) -> rows.put(part, table.rows().size()));
        return new Builder(facilities, releases, transfers, rows).build();
    }

    // ---- reading and checking the rows ----

    record Facility(int line, String inspireId, String processId, String name, String operatorName, String activityCode,
                    String activityName, Double lat, Double lon, boolean fromGrid, String city, String country, String status,
                    Integer latestYear) {
    }

    record Release(int line, String file, String processId, int year, String pollutant, String pollutantName, String medium,
                   double kg, Double accidentalKg, String method) {
    }

    record Transfer(int line, String file, String processId, int year, boolean hazardous, boolean recovery, double tonnes,
                    String method, String receiver, String city, String countryName, String postalCode) {
    }

    private Map<String, Facility> facilities(CsvTable table) {
        var byInspire = new LinkedHashMap<String, Facility>();
        var byProcess = new HashMap<String, Integer>();
        for (var row : table.rows()) {
            int before = problems.size();
            String inspire = required(table, row, INSPIRE_ID);
            String facilityId = required(table, row, "facilityId");
            String name = row.get("nameOfFeature");
            String operator = row.get("parentCompanyName");
            if (name.isEmpty() && operator.isEmpty()) {
                problems.add(table.problem(row.line(), "nameOfFeature", "is empty, and so is parentCompanyName: a facility needs a name"));
            }
            Double lat = optionalNumber(table, row, "pointGeometryLat", -90, 90);
            Double lon = optionalNumber(table, row, "pointGeometryLon", -180, 180);
            if ((lat == null) != (lon == null)) {
                problems.add(table.problem(row.line(), lat == null ? "pointGeometryLat" : "pointGeometryLon",
                        "is empty while " + (lat == null ? "pointGeometryLon" : "pointGeometryLat") + " is given"));
            }
            String country = row.get("countryCode");
            if (!country.isEmpty() && !COUNTRY.matcher(country).matches()) {
                problems.add(table.problem(row.line(), "countryCode", "must be an ISO 3166 alpha-2 code like \"FI\", found \"" + country + "\""));
            }
            Integer latest = optionalYear(table, row);
            boolean fromGrid = false;
            if (lat == null && lon == null && "FI".equals(country) && !row.get("x").isEmpty() && !row.get("y").isEmpty()) {
                Double x = optionalNumber(table, row, "x", 0, 2_000_000);
                Double y = optionalNumber(table, row, "y", 6_000_000, 8_000_000);
                if (x != null && y != null) {
                    double[] wgs = Tm35fin.toWgs84(x, y);
                    lat = wgs[0];
                    lon = wgs[1];
                    fromGrid = true;
                }
            }
            if (problems.size() > before) {
                continue;
            }
            String processId = partner + ":eprtr-" + Slugs.facility(facilityId);
            if (!ID_LOCAL.matcher(processId.substring(partner.length() + 1)).matches()) {
                problems.add(table.problem(row.line(), "facilityId", "\"" + facilityId + "\" makes the id " + processId
                        + ", which is not a valid id (at most 128 characters, starting with a letter or digit)"));
                continue;
            }
            Facility earlier = byInspire.get(inspire);
            if (earlier != null) {
                problems.add(table.problem(row.line(), INSPIRE_ID, "facility " + inspire + " appears twice; first at line " + earlier.line()));
                continue;
            }
            Integer clash = byProcess.putIfAbsent(processId, row.line());
            if (clash != null) {
                problems.add(table.problem(row.line(), "facilityId", "\"" + facilityId + "\" makes the same id " + processId
                        + " as the facility at line " + clash));
                continue;
            }
            byInspire.put(inspire, new Facility(row.line(), inspire, processId, name.isEmpty() ? operator : name,
                    operator.isEmpty() ? name : operator, blankToNull(row.get("mainActivityCode")), blankToNull(row.get("mainActivityName")),
                    lat, lon, fromGrid, blankToNull(row.get("city")), blankToNull(country), blankToNull(row.get("status")), latest));
        }
        return byInspire;
    }

    private List<Release> releases(CsvTable table, Map<String, Facility> facilities) {
        var result = new ArrayList<Release>();
        var firstSeen = new HashMap<String, Integer>();
        for (var row : table.rows()) {
            int before = problems.size();
            Facility facility = facility(table, row, facilities);
            Integer year = requiredYear(table, row);
            String pollutant = row.get("pollutantCode");
            if (!KNOWN_POLLUTANTS.contains(pollutant)) {
                problems.add(table.problem(row.line(), "pollutantCode", "unknown pollutant \"" + pollutant
                        + "\"; E-PRTR pollutant codes are like CO2, CO2EXCLBIOMASS, CH4, NOX, ZNANDCOMPOUNDS (the list: src/main/resources/eprtr/pollutants.txt)"));
            }
            String medium = row.get("medium");
            if (!MEDIA.contains(medium)) {
                problems.add(table.problem(row.line(), "medium", "unknown medium \"" + medium + "\"; one of AIR, WATER, LAND"));
            }
            Double kg = requiredNumber(table, row, "totalPollutantQuantityKg");
            Double accidental = optionalNumber(table, row, "AccidentalPollutantQuantityKG", 0, Double.MAX_VALUE);
            String method = method(table, row);
            if (problems.size() > before) {
                continue;
            }
            Integer earlier = firstSeen.putIfAbsent(facility.processId() + "|" + year + "|" + pollutant + "|" + medium, row.line());
            if (earlier != null) {
                problems.add(table.problem(row.line(), "pollutantCode", "a second release of " + pollutant + " to " + medium + " by "
                        + facility.inspireId() + " in " + year + "; the first is at line " + earlier));
                continue;
            }
            result.add(new Release(row.line(), table.file(), facility.processId(), year, pollutant, blankToNull(row.get("pollutantName")),
                    medium, kg, accidental == null || accidental == 0 ? null : accidental, method));
        }
        return result;
    }

    private List<Transfer> transfers(CsvTable table, Map<String, Facility> facilities) {
        var result = new ArrayList<Transfer>();
        for (var row : table.rows()) {
            int before = problems.size();
            Facility facility = facility(table, row, facilities);
            Integer year = requiredYear(table, row);
            String classification = row.get("wasteClassificationCode");
            if (!classification.equals("HW") && !classification.equals("NONHW")) {
                problems.add(table.problem(row.line(), "wasteClassificationCode", "must be HW (hazardous) or NONHW, found \"" + classification + "\""));
            }
            String treatment = row.get("wasteTreatmentCode");
            if (!treatment.equals("R") && !treatment.equals("D")) {
                problems.add(table.problem(row.line(), "wasteTreatmentCode", "must be R (recovery) or D (disposal), found \"" + treatment + "\""));
            }
            Double tonnes = requiredNumber(table, row, "totalWasteQuantityTNE");
            if (tonnes != null && tonnes == 0) {
                problems.add(table.problem(row.line(), "totalWasteQuantityTNE", "is 0; a waste transfer has a quantity"));
            }
            String method = method(table, row);
            if (problems.size() > before) {
                continue;
            }
            result.add(new Transfer(row.line(), table.file(), facility.processId(), year, classification.equals("HW"), treatment.equals("R"),
                    tonnes, method, notAvailable(row.get("nameOfReceiver")), notAvailable(row.get("ReceivingSite_city")),
                    notAvailable(row.get("ReceivingSite_countryName")), notAvailable(row.get("ReceivingSite_postalCode"))));
        }
        return result;
    }

    private Facility facility(CsvTable table, CsvTable.Row row, Map<String, Facility> facilities) {
        String id = row.get(INSPIRE_ID);
        Facility f = facilities.get(id);
        if (f == null) {
            problems.add(table.problem(row.line(), INSPIRE_ID, id.isEmpty() ? "is empty"
                    : "no facility " + id + " in the facilities file"));
        }
        return f;
    }

    private String required(CsvTable table, CsvTable.Row row, String column) {
        String v = row.get(column);
        if (v.isEmpty()) {
            problems.add(table.problem(row.line(), column, "is empty"));
        }
        return v;
    }

    private Integer requiredYear(CsvTable table, CsvTable.Row row) {
        String v = row.get(YEAR);
        if (!YEAR_PATTERN.matcher(v).matches()) {
            problems.add(table.problem(row.line(), YEAR, "must be a year like 2023, found \"" + v + "\""));
            return null;
        }
        return Integer.valueOf(v);
    }

    private Integer optionalYear(CsvTable table, CsvTable.Row row) {
        return row.get(YEAR).isEmpty() ? null : requiredYear(table, row);
    }

    private Double requiredNumber(CsvTable table, CsvTable.Row row, String column) {
        String v = row.get(column);
        if (v.isEmpty()) {
            problems.add(table.problem(row.line(), column, "is empty; a quantity is required"));
            return null;
        }
        return number(table, row, column, 0, Double.MAX_VALUE);
    }

    private Double optionalNumber(CsvTable table, CsvTable.Row row, String column, double min, double max) {
        return row.get(column).isEmpty() ? null : number(table, row, column, min, max);
    }

    private Double number(CsvTable table, CsvTable.Row row, String column, double min, double max) {
        String v = row.get(column);
        if (!NUMBER.matcher(v).matches()) {
            problems.add(table.problem(row.line(), column, "must be a number like 625000000.0, found \"" + v + "\""
                    + (v.matches("-?\\d+,\\d+") ? " (the decimal separator is '.')" : "")));
            return null;
        }
        double d = Double.parseDouble(v);
        if (d < min || d > max) {
            problems.add(table.problem(row.line(), column, "must be " + (max == Double.MAX_VALUE ? "at least " + plain(min)
                    : "from " + plain(min) + " to " + plain(max)) + ", found " + v));
            return null;
        }
        return d;
    }

    private String method(CsvTable table, CsvTable.Row row) {
        String code = row.get("methodCode");
        if (code.isEmpty()) {
            return null;
        }
        String method = METHODS.get(code);
        if (method == null) {
            problems.add(table.problem(row.line(), "methodCode", "must be M (measured), C (calculated) or E (estimated), found \"" + code + "\""));
        }
        return method;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The register writes "N/A" (any case) where it has nothing. */
    private static String notAvailable(String v) {
        return v == null || v.isBlank() || v.strip().equalsIgnoreCase("N/A") ? null : v.strip();
    }

    // ---- building the document ----

    /** Builds the document from rows that passed every check. */
    private final class Builder {

        private final Map<String, Facility> facilities;
        private final List<Release> releases;
        private final List<Transfer> transfers;
        private final Map<String, Integer> rows;
        private final Map<String, Conversion.Origin> origins = new HashMap<>();
        private final Map<String, List<Object>> arrays = new LinkedHashMap<>();

        Builder(Map<String, Facility> facilities, List<Release> releases, List<Transfer> transfers, Map<String, Integer> rows) {
            this.facilities = facilities;
            this.releases = releases;
            this.transfers = transfers;
            this.rows = rows;
            for (String array : List.of("organizations", "processes", "emissions", "releases", "sideStreams", "flows")) {
                arrays.put(array, new ArrayList<>());
            }
        }

        private void add(String array, Map<String, Object> record, Conversion.Origin origin) {
            var list = arrays.get(array);
            origins.put("/" + array + "/" + list.size(), origin);
            list.add(record);
        }

        Conversion build() {
            int operators = operatorsAndSites();
            var skipped = new TreeMap<String, List<Release>>();
            int emissions = emissions(skipped);
            for (Release r : releases) {
                add("releases", release(r), new Conversion.Origin(RELEASES, r.file(), r.line(), RELEASE_COLUMNS));
            }
            int[] streamsReceiversFlows = wasteTransfers();
            var document = new LinkedHashMap<String, Object>();
            document.put("format", "symbiosis-kb/1");
            document.put("partner", partner);
            document.put("description", "E-PRTR extract converted by symbiosis-kb (" + gwp.source() + ")");
            arrays.forEach((array, records) -> {
                if (!records.isEmpty()) {
                    document.put(array, records);
                }
            });
            var skippedGases = skipped.entrySet().stream().map(e -> new Conversion.SkippedGas(e.getKey(), e.getValue().size(),
                    NOT_CONVERTED.get(e.getKey()), e.getValue().stream().map(Release::processId).distinct().sorted().toList())).toList();
            var summary = new Conversion.Summary(gwp.name(), gwp.source(), rows, facilities.size(), operators, emissions, releases.size(),
                    streamsReceiversFlows[0], streamsReceiversFlows[1], streamsReceiversFlows[2],
                    (int) facilities.values().stream().filter(Facility::fromGrid).count(), skippedGases);
            return new Conversion(document, summary, origins);
        }

        private static final Map<String, String> FACILITY_COLUMNS = Map.of("id", "facilityId", "name", "nameOfFeature",
                "operator", "parentCompanyName", "location", "pointGeometryLat", "eprtrId", INSPIRE_ID, "activityCode", "mainActivityCode",
                "activityName", "mainActivityName", "city", "city", "country", "countryCode", "status", "status");
        private static final Map<String, String> RELEASE_COLUMNS = Map.of("process", INSPIRE_ID, "year", YEAR, "pollutant", "pollutantCode",
                "pollutantName", "pollutantName", "medium", "medium", "kg", "totalPollutantQuantityKg",
                "accidentalKg", "AccidentalPollutantQuantityKG", "method", "methodCode");
        private static final Map<String, String> TRANSFER_COLUMNS = Map.of("producer", INSPIRE_ID, "year", YEAR,
                "quantity", "totalWasteQuantityTNE", "hazardous", "wasteClassificationCode", "treatment", "wasteTreatmentCode",
                "name", "nameOfReceiver", "city", "ReceivingSite_city", "country", "ReceivingSite_countryName");

        /** Operators (one per company name) and the facilities' processes. */
        private int operatorsAndSites() {
            // one organization per company name; its spelling: the most frequent, ties alphabetically
            var spellings = new TreeMap<String, Map<String, Integer>>();
            var firstLine = new HashMap<String, Facility>();
            for (Facility f : facilities.values()) {
                String id = operatorId(f);
                spellings.computeIfAbsent(id, k -> new TreeMap<>()).merge(f.operatorName(), 1, Integer::sum);
                firstLine.putIfAbsent(id, f);
            }
            spellings.forEach((id, names) -> {
                String name = names.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
                int count = names.values().stream().mapToInt(Integer::intValue).sum();
                var org = record("id", id, "name", name, "kind", "COMPANY");
                org.put("visibility", "PUBLIC");
                org.put("notes", "Operator (parentCompanyName) of " + count + (count == 1 ? " facility" : " facilities")
                        + " in the E-PRTR extract");
                add("organizations", org, origin(FACILITIES, firstLine.get(id), Map.of("name", "parentCompanyName", "id", "parentCompanyName")));
            });
            for (Facility f : facilities.values().stream().sorted(Comparator.comparing(Facility::processId)).toList()) {
                var p = record("id", f.processId(), "name", f.name(), "operator", operatorId(f));
                if (f.lat() != null) {
                    p.put("location", Map.of("lat", f.lat(), "lon", f.lon()));
                }
                p.put("eprtrId", f.inspireId());
                putIfNotNull(p, "activityCode", f.activityCode());
                putIfNotNull(p, "activityName", f.activityName());
                putIfNotNull(p, "city", f.city());
                putIfNotNull(p, "country", f.country());
                putIfNotNull(p, "status", f.status());
                p.put("visibility", "PUBLIC");
                p.put("notes", "E-PRTR facility " + f.inspireId() + (f.latestYear() == null ? "" : ", last reported for " + f.latestYear())
                        + (f.fromGrid() ? "; location converted from the extract's ETRS-TM35FIN x/y (EPSG:3067)" : ""));
                add("processes", p, origin(FACILITIES, f, FACILITY_COLUMNS));
            }
            return spellings.size();
        }

        private String operatorId(Facility f) {
            return partner + ":" + Slugs.of("eprtr-operator-", f.operatorName());
        }

        /** One scope-1 record per facility and year with CO2, CH4 or N2O to air; other gases skipped. */
        private int emissions(Map<String, List<Release>> skipped) {
            var byFacilityYear = new TreeMap<String, Map<String, Release>>();
            for (Release r : releases) {
                if (!r.medium().equals("AIR")) {
                    continue;
                }
                if (NOT_CONVERTED.containsKey(r.pollutant())) {
                    skipped.computeIfAbsent(r.pollutant(), k -> new ArrayList<>()).add(r);
                } else if (Set.of("CO2", "CO2EXCLBIOMASS", "CH4", "N2O").contains(r.pollutant())) {
                    byFacilityYear.computeIfAbsent(r.processId() + "@" + r.year(), k -> new TreeMap<>()).put(r.pollutant(), r);
                }
            }
            int count = 0;
            for (var gases : byFacilityYear.values()) {
                add("emissions", emission(gases), new Conversion.Origin(RELEASES, gases.values().iterator().next().file(),
                        gases.values().stream().mapToInt(Release::line).min().orElseThrow(), RELEASE_COLUMNS));
                count++;
            }
            return count;
        }

        private Map<String, Object> emission(Map<String, Release> gases) {
            Release any = gases.values().iterator().next();
            Release fossil = gases.containsKey("CO2EXCLBIOMASS") ? gases.get("CO2EXCLBIOMASS") : gases.get("CO2");
            var notes = new ArrayList<String>();
            // the components in t CO2e, with the rows they come from
            var parts = new LinkedHashMap<Release, Double>();
            if (fossil != null) {
                parts.put(fossil, fossil.kg() / 1000);
                notes.add((fossil.pollutant().equals("CO2") ? "CO2 (no CO2 excluding biomass reported) " : "CO2 excluding biomass ")
                        + plain(fossil.kg()) + " kg = " + plain(fossil.kg() / 1000) + " t" + method(fossil));
            }
            Release ch4 = gases.get("CH4");
            if (ch4 != null) {
                parts.put(ch4, ch4.kg() * gwp.ch4() / 1000);
                notes.add("CH4 " + plain(ch4.kg()) + " kg × " + plain(gwp.ch4()) + " = " + plain(ch4.kg() * gwp.ch4() / 1000) + " t CO2e" + method(ch4));
            }
            Release n2o = gases.get("N2O");
            if (n2o != null) {
                parts.put(n2o, n2o.kg() * gwp.n2o() / 1000);
                notes.add("N2O " + plain(n2o.kg()) + " kg × " + plain(gwp.n2o()) + " = " + plain(n2o.kg() * gwp.n2o() / 1000) + " t CO2e" + method(n2o));
            }
            double total = parts.values().stream().mapToDouble(Double::doubleValue).sum();
            // the method of the component that makes most of the figure stands for the record
            Release main = parts.entrySet().stream().max(Map.Entry.<Release, Double>comparingByValue()
                    .thenComparing(e -> e.getKey().pollutant(), Comparator.reverseOrder())).orElseThrow().getKey();
            var e = record("process", any.processId(), "year", any.year(), "scope", 1, "tCO2e", total);
            var provenance = new LinkedHashMap<String, Object>();
            provenance.put("kind", "REPORTED");
            provenance.put("source", "E-PRTR " + any.year());
            putIfNotNull(provenance, "method", main.method());
            e.put("provenance", provenance);
            Release co2 = gases.get("CO2");
            Release excl = gases.get("CO2EXCLBIOMASS");
            if (co2 != null && excl != null) {
                double biogenic = Math.max(0, co2.kg() - excl.kg()) / 1000;
                e.put("biogenicCO2", biogenic);
                notes.add("biogenic CO2 = CO2 " + plain(co2.kg()) + " kg − CO2 excluding biomass " + plain(excl.kg()) + " kg = "
                        + plain(biogenic) + " t, outside the scopes");
            }
            e.put("visibility", "PUBLIC");
            e.put("notes", "E-PRTR " + any.year() + ", releases to air: " + String.join("; ", notes) + ". Scope 1 = "
                    + plain(total) + " t CO2e (" + gwp.source() + "). Gases below the register's reporting thresholds are not in it.");
            return e;
        }

        private static String method(Release r) {
            return r.method() == null ? "" : " (" + r.method().toLowerCase(Locale.ROOT) + ")";
        }

        private Map<String, Object> release(Release r) {
            var m = record("process", r.processId(), "year", r.year(), "pollutant", r.pollutant());
            putIfNotNull(m, "pollutantName", r.pollutantName());
            m.put("medium", r.medium());
            m.put("kg", r.kg());
            putIfNotNull(m, "accidentalKg", r.accidentalKg());
            putIfNotNull(m, "method", r.method());
            m.put("visibility", "PUBLIC");
            return m;
        }

        /** Side streams per facility, year, class and treatment; receiving organizations, sites and flows. @return {streams, receivers, flows} */
        private int[] wasteTransfers() {
            // stream key → its rows, in file order
            var streams = new TreeMap<String, List<Transfer>>();
            for (Transfer t : transfers) {
                streams.computeIfAbsent(streamId(t), k -> new ArrayList<>()).add(t);
            }
            var receivers = new TreeMap<String, List<Transfer>>(); // organization id → rows naming it
            var sites = new TreeMap<String, List<Transfer>>();     // receiving process id → rows naming it
            var flows = new TreeMap<String, List<Transfer>>();     // flow id → rows
            for (Transfer t : transfers) {
                if (t.receiver() != null) {
                    receivers.computeIfAbsent(receiverId(t), k -> new ArrayList<>()).add(t);
                    sites.computeIfAbsent(siteId(t), k -> new ArrayList<>()).add(t);
                    flows.computeIfAbsent(flowId(t), k -> new ArrayList<>()).add(t);
                }
            }
            receivers.forEach((id, rowsOfIt) -> {
                Transfer latest = latest(rowsOfIt);
                var org = record("id", id, "name", latest.receiver(), "kind", "COMPANY");
                // a company named with sites in several places keeps no single city or country
                var places = rowsOfIt.stream().map(t -> t.city() + "|" + t.countryName()).map(s -> s.toLowerCase(Locale.ROOT)).distinct().count();
                if (places == 1) {
                    putIfNotNull(org, "city", latest.city());
                    putIfNotNull(org, "country", Countries.code(latest.countryName()));
                }
                org.put("visibility", "PUBLIC");
                org.put("notes", "Receiver of waste transfers named in the E-PRTR extract" + unknownCountry(latest));
                add("organizations", org, transferOrigin(rowsOfIt.getFirst()));
            });
            sites.forEach((id, rowsOfIt) -> {
                Transfer latest = latest(rowsOfIt);
                var p = record("id", id, "name", latest.receiver() + (latest.city() == null ? "" : " (" + latest.city() + ")"),
                        "operator", receiverId(latest));
                putIfNotNull(p, "city", latest.city());
                putIfNotNull(p, "country", Countries.code(latest.countryName()));
                p.put("visibility", "PUBLIC");
                p.put("notes", "Receiving site of waste transfers named in the E-PRTR extract"
                        + (latest.postalCode() == null ? "" : ", postal code " + latest.postalCode()) + unknownCountry(latest)
                        + "; the register gives no coordinates");
                add("processes", p, transferOrigin(rowsOfIt.getFirst()));
            });
            streams.forEach((id, rowsOfIt) -> {
                Transfer first = rowsOfIt.getFirst();
                double quantity = rowsOfIt.stream().mapToDouble(Transfer::tonnes).sum();
                var s = record("id", id, "name", (first.hazardous() ? "Hazardous waste" : "Non-hazardous waste")
                        + (first.recovery() ? " to recovery" : " to disposal") + ", " + first.year(), "producer", first.processId());
                s.put("quantity", quantity);
                s.put("unit", "t");
                s.put("year", first.year());
                s.put("hazardous", first.hazardous());
                s.put("treatment", first.recovery() ? "RECOVERY" : "DISPOSAL");
                s.put("visibility", "PUBLIC");
                s.put("notes", "E-PRTR " + first.year() + " waste transfers (" + (first.hazardous() ? "HW" : "NONHW") + ", "
                        + (first.recovery() ? "R" : "D") + ")" + (rowsOfIt.size() == 1 ? "" : ": " + rowsOfIt.size() + " rows, "
                        + rowsOfIt.stream().map(t -> plain(t.tonnes()) + " t").collect(Collectors.joining(" + ")) + " = " + plain(quantity) + " t")
                        + "; the register gives no List of Waste code");
                add("sideStreams", s, transferOrigin(first));
            });
            flows.forEach((id, rowsOfIt) -> {
                Transfer first = rowsOfIt.getFirst();
                double quantity = rowsOfIt.stream().mapToDouble(Transfer::tonnes).sum();
                var f = record("id", id, "sideStream", streamId(first), "consumer", siteId(first));
                f.put("quantity", quantity);
                f.put("fromYear", first.year());
                f.put("toYear", first.year());
                f.put("visibility", "PUBLIC");
                f.put("notes", "E-PRTR " + first.year() + ": transboundary transfer to " + first.receiver()
                        + (rowsOfIt.size() == 1 ? "" : ", " + rowsOfIt.size() + " separate transfers added up: "
                        + rowsOfIt.stream().map(t -> plain(t.tonnes()) + " t").collect(Collectors.joining(" + ")) + " = " + plain(quantity) + " t"));
                add("flows", f, transferOrigin(first));
            });
            return new int[] {streams.size(), receivers.size(), flows.size()};
        }

        private static Transfer latest(List<Transfer> rowsOfIt) {
            return rowsOfIt.stream().max(Comparator.comparingInt(Transfer::year).thenComparing(Transfer::line, Comparator.reverseOrder())).orElseThrow();
        }

        private static String unknownCountry(Transfer t) {
            return t.countryName() != null && Countries.code(t.countryName()) == null ? "; country as the register names it: " + t.countryName() : "";
        }

        private String streamId(Transfer t) {
            return partner + ":" + Slugs.of(t.processId().substring(partner.length() + 1) + "-" + t.year() + "-", (t.hazardous() ? "hw" : "nonhw")
                    + "-" + (t.recovery() ? "r" : "d"));
        }

        private String receiverId(Transfer t) {
            return partner + ":" + Slugs.of("eprtr-receiver-", t.receiver());
        }

        /** The receiver in one city of one country, e.g. "Befesa ScanDust AB Landskrona SE". */
        private static String place(Transfer t) {
            String country = Countries.code(t.countryName()) != null ? Countries.code(t.countryName()) : t.countryName();
            return t.receiver() + " " + (t.city() == null ? "" : t.city()) + " " + (country == null ? "" : country);
        }

        /** A receiving site: {@code <partner>:eprtr-receiver-befesa-scandust-ab-landskrona-se-site}. */
        private String siteId(Transfer t) {
            return partner + ":" + Slugs.of("eprtr-receiver-", place(t) + " site");
        }

        /** {@code <partner>:eprtr-0000002110-2023-hw-r-to-befesa-scandust-ab-landskrona-se} */
        private String flowId(Transfer t) {
            return partner + ":" + Slugs.of(streamId(t).substring(partner.length() + 1) + "-to-", place(t));
        }

        private Conversion.Origin origin(String part, Facility f, Map<String, String> columns) {
            return new Conversion.Origin(part, facilitiesFile, f.line(), columns);
        }

        private static Conversion.Origin transferOrigin(Transfer t) {
            return new Conversion.Origin(WASTE_TRANSFERS, t.file(), t.line(), TRANSFER_COLUMNS);
        }
    }

    private static LinkedHashMap<String, Object> record(Object... keysAndValues) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static void putIfNotNull(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** 2520000, 3360.5, 0.001: as a person writes a figure. */
    static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static Set<String> pollutants() {
        try (var in = EprtrConverter.class.getResourceAsStream("/eprtr/pollutants.txt")) {
            if (in == null) {
                throw new IllegalStateException("eprtr/pollutants.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
