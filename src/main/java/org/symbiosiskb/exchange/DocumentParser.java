package org.symbiosiskb.exchange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.symbiosiskb.api.Ids;
import org.symbiosiskb.api.Problem;

/**
 * Step 1 of an import: turns a document (plain JSON values: maps, lists, numbers, strings,
 * booleans) into {@link ExchangeRecord}s, checking everything that needs no database: the
 * format, the partner namespace, required fields, kinds, ranges, enum values, id and EWC syntax,
 * coordinates, years in order, duplicate ids. Every problem is collected, not just the first.
 */
final class DocumentParser {

    static final Pattern EWC = Pattern.compile("\\d{2}( \\d{2}( \\d{2})?)?\\*?");
    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** An emission factor's activity: FUEL_NATURAL_GAS, ELECTRICITY_GRID, FREIGHT_ROAD… (docs/calculator.md) */
    static final Pattern ACTIVITY_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final List<String> TOP_LEVEL = List.of("format", "partner", "description", "footprints");

    record Parsed(String partner, List<ExchangeRecord> records, List<PublishedFootprint> footprints, List<Problem> problems) {

        Parsed(String partner, List<ExchangeRecord> records, List<Problem> problems) {
            this(partner, records, List.of(), problems);
        }
    }

    Parsed parse(Object document) {
        var problems = new ArrayList<Problem>();
        var records = new ArrayList<ExchangeRecord>();
        if (!(document instanceof Map<?, ?> doc)) {
            problems.add(new Problem("", "the document must be a JSON object"));
            return new Parsed(null, records, problems);
        }
        if (!RecordTypes.FORMAT.equals(doc.get("format"))) {
            problems.add(new Problem("/format", "must be \"" + RecordTypes.FORMAT + "\", found " + describe(doc.get("format"))));
        }
        String partner = doc.get("partner") instanceof String p ? p : null;
        if (!Ids.isValidPartner(partner)) {
            problems.add(new Problem("/partner", "a partner prefix matching " + Ids.PARTNER_FORM + " is required, found " + describe(doc.get("partner"))));
            partner = null;
        }
        if (doc.get("description") instanceof String description) {
            InputLimits.text("description", description, "/description", problems);
        } else if (doc.get("description") != null) {
            problems.add(new Problem("/description", "must be a string, found " + describe(doc.get("description"))));
        }
        for (var entry : doc.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (TOP_LEVEL.contains(key)) {
                continue;
            }
            var type = RecordTypes.byArray(key);
            if (type.isEmpty()) {
                problems.add(new Problem("/" + escape(key), "unknown key; a document holds format, partner, description and the arrays "
                        + RecordTypes.ALL.stream().map(RecordType::array).toList()));
            } else if (!(entry.getValue() instanceof List<?> list)) {
                problems.add(new Problem("/" + key, "must be an array"));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    parseRecord(type.get(), list.get(i), "/" + key + "/" + i, partner, problems).ifPresent(records::add);
                }
            }
        }
        checkDuplicates(records, problems);
        var footprints = footprints(doc.get("footprints"), partner, problems);
        return new Parsed(partner, records, footprints, problems);
    }

    /** {@code "footprints": [{"sideStream": id, "year": Y, "tCO2ePerUnit": x, "allocation": "MASS"}]}, or {@code "deleted": true}. */
    private static List<PublishedFootprint> footprints(Object value, String partner, List<Problem> problems) {
        var footprints = new ArrayList<PublishedFootprint>();
        if (value == null) {
            return footprints;
        }
        if (!(value instanceof List<?> list)) {
            problems.add(new Problem("/footprints", "must be an array"));
            return footprints;
        }
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/footprints/" + i;
            if (!(list.get(i) instanceof Map<?, ?> f)) {
                problems.add(new Problem(pointer, "must be an object"));
                continue;
            }
            for (var key : f.keySet()) {
                if (!List.of("sideStream", "year", "tCO2ePerUnit", "allocation", "deleted").contains(String.valueOf(key))) {
                    problems.add(new Problem(pointer + "/" + escape(String.valueOf(key)), "unknown field; a footprint has sideStream, year, tCO2ePerUnit, allocation and deleted"));
                }
            }
            boolean deleted = Boolean.TRUE.equals(f.get("deleted"));
            String stream = f.get("sideStream") instanceof String id && Ids.isValid(id) ? id : null;
            if (stream == null) {
                problems.add(new Problem(pointer + "/sideStream", "must be a side stream id of the form <partner>:<local>, found " + describe(f.get("sideStream"))));
            } else if (partner != null && !Ids.partnerOf(stream).equals(partner)) {
                problems.add(new Problem(pointer + "/sideStream", stream + " is outside this document's partner namespace \"" + partner
                        + ":\"; a partner publishes footprints of its own side streams only"));
            }
            Integer year = f.get("year") instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && n.intValue() >= 1000 && n.intValue() <= 9999 ? n.intValue() : null;
            if (year == null) {
                problems.add(new Problem(pointer + "/year", "must be a four-digit year, found " + describe(f.get("year"))));
            }
            Double perUnit = f.get("tCO2ePerUnit") instanceof Number n ? n.doubleValue() : null;
            if (!deleted && (perUnit == null || perUnit < 0 || !Double.isFinite(perUnit))) {
                problems.add(new Problem(pointer + "/tCO2ePerUnit", "must be a number of 0 or more, found " + describe(f.get("tCO2ePerUnit"))));
            } else if (!deleted) {
                InputLimits.number("tCO2ePerUnit", perUnit, pointer + "/tCO2ePerUnit", problems);
            }
            if (!deleted && f.get("allocation") != null && !"MASS".equals(f.get("allocation"))) {
                problems.add(new Problem(pointer + "/allocation", "only MASS footprints are published (under CUT_OFF a side stream carries no upstream burden), found "
                        + describe(f.get("allocation"))));
            }
            if (stream != null && year != null) {
                if (!seen.add(stream + "@" + year)) {
                    problems.add(new Problem(pointer, "a second footprint of " + stream + " for " + year));
                }
                footprints.add(new PublishedFootprint(stream, year, perUnit == null ? 0 : perUnit, deleted, pointer));
            }
        }
        return footprints;
    }

    private java.util.Optional<ExchangeRecord> parseRecord(RecordType type, Object value, String pointer,
                                                           String partner, List<Problem> problems) {
        if (!(value instanceof Map<?, ?> raw)) {
            problems.add(new Problem(pointer, "a record must be a JSON object"));
            return java.util.Optional.empty();
        }
        int before = problems.size();
        boolean deleted = Boolean.TRUE.equals(raw.get("deleted"));
        if (raw.containsKey("deleted") && !(raw.get("deleted") instanceof Boolean)) {
            problems.add(new Problem(pointer + "/deleted", "must be true or false"));
        }
        for (Object name : raw.keySet()) {
            if (!"deleted".equals(name) && type.field(String.valueOf(name)).isEmpty()) {
                problems.add(new Problem(pointer + "/" + escape(String.valueOf(name)), "unknown field for " + type.array()
                        + "; allowed: " + type.fields().stream().map(FieldSpec::name).toList()));
            }
        }
        var fields = new LinkedHashMap<String, Object>();
        for (FieldSpec spec : type.fields()) {
            Object v = raw.get(spec.name());
            // A deletion names only the record's key: the id, or an emission's (a target's) identifying fields.
            boolean keyField = type.keyFields().contains(spec.name());
            if (v == null) {
                if (spec.required() && (!deleted || keyField)) {
                    problems.add(new Problem(pointer + "/" + spec.name(), "is required"));
                }
                continue;
            }
            if (deleted && !keyField) {
                continue;
            }
            Object canonical = convert(spec, v, pointer + "/" + spec.name(), problems);
            if (canonical != null) {
                fields.put(spec.name(), canonical);
            }
        }
        checkRecordRules(type, fields, pointer, partner, deleted, problems);
        if (problems.size() > before) {
            return java.util.Optional.empty();
        }
        String key = type.keyOf(fields);
        return java.util.Optional.of(new ExchangeRecord(type, key, fields, deleted, pointer));
    }

    private Object convert(FieldSpec spec, Object v, String pointer, List<Problem> problems) {
        switch (spec.kind()) {
            case ID, REF -> {
                if (!(v instanceof String s) || !Ids.isValid(s)) {
                    problems.add(new Problem(pointer, "must be an id of the form <partner>:<local> (partner " + Ids.PARTNER_FORM + ", local " + Ids.LOCAL_FORM + "), found " + describe(v)));
                    return null;
                }
                return s;
            }
            case PARTNER -> {
                if (!(v instanceof String s) || !Ids.isValidPartner(s)) {
                    problems.add(new Problem(pointer, "must be a partner prefix matching " + Ids.PARTNER_FORM + ", found " + describe(v)));
                    return null;
                }
                return s;
            }
            case RECORD_ID -> {
                if (!(v instanceof String s) || !Ids.isValid(s)) {
                    problems.add(new Problem(pointer, "must be the id of a record or flow, of the form <partner>:<local>, found " + describe(v)));
                    return null;
                }
                return s;
            }
            case REFS -> {
                if (!(v instanceof List<?> list)) {
                    problems.add(new Problem(pointer, "must be an array of ids"));
                    return null;
                }
                var ids = new TreeSet<String>();
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof String s && Ids.isValid(s)) {
                        ids.add(s);
                    } else {
                        problems.add(new Problem(pointer + "/" + i, "must be an id of the form <partner>:<local>, found " + describe(list.get(i))));
                    }
                }
                return List.copyOf(ids);
            }
            case STRING -> {
                if (!(v instanceof String s) || s.isBlank()) {
                    problems.add(new Problem(pointer, "must be a non-empty string, found " + describe(v)));
                    return null;
                }
                return InputLimits.text(spec.name(), s, pointer, problems) ? s : null;
            }
            case ENUM -> {
                if (!(v instanceof String s) || !spec.values().contains(s)) {
                    problems.add(new Problem(pointer, "must be one of " + spec.values() + ", found " + describe(v)));
                    return null;
                }
                return s;
            }
            case EWC -> {
                if (!(v instanceof String s) || !EWC.matcher(s).matches()) {
                    problems.add(new Problem(pointer, "must be a List of Waste code like \"10 02 02\" (two-digit groups separated by single spaces, optionally ending in * for hazardous), found " + describe(v)));
                    return null;
                }
                return s;
            }
            case COUNTRY -> {
                if (!(v instanceof String s) || !COUNTRY.matcher(s).matches()) {
                    problems.add(new Problem(pointer, "must be an ISO 3166 alpha-2 country code like \"FI\", found " + describe(v)));
                    return null;
                }
                return s;
            }
            case BOOLEAN -> {
                if (!(v instanceof Boolean b)) {
                    problems.add(new Problem(pointer, "must be true or false"));
                    return null;
                }
                return b;
            }
            case NUMBER -> {
                Double d = toDouble(v);
                if (d == null || !Double.isFinite(d)) {
                    problems.add(new Problem(pointer, "must be a number, found " + describe(v)));
                    return null;
                }
                return inRange(spec, d, pointer, problems) && InputLimits.number(spec.name(), d, pointer, problems) ? d : null;
            }
            case INTEGER, YEAR -> {
                Long l = toLong(v);
                if (l == null) {
                    problems.add(new Problem(pointer, "must be " + (spec.kind() == FieldKind.YEAR ? "a year (an integer like 2024)" : "an integer") + ", found " + describe(v)));
                    return null;
                }
                if (spec.kind() == FieldKind.YEAR && (l < 1000 || l > 9999)) {
                    problems.add(new Problem(pointer, "must be a four-digit year, found " + l));
                    return null;
                }
                return inRange(spec, l, pointer, problems) && InputLimits.number(spec.name(), l, pointer, problems) ? l : null;
            }
            case POINT -> {
                return toPoint(v, pointer, problems);
            }
            case PROVENANCE -> {
                return toProvenance(v, pointer, problems);
            }
        }
        throw new IllegalStateException("unhandled kind " + spec.kind());
    }

    private static GeoPoint toPoint(Object v, String pointer, List<Problem> problems) {
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(new Problem(pointer, "must be an object {\"lat\": .., \"lon\": ..} in WGS-84 degrees"));
            return null;
        }
        Double lat = toDouble(m.get("lat"));
        Double lon = toDouble(m.get("lon"));
        boolean ok = true;
        if (lat == null || lat < -90 || lat > 90) {
            problems.add(new Problem(pointer + "/lat", "latitude must be a number from -90 to 90, found " + describe(m.get("lat"))));
            ok = false;
        }
        if (lon == null || lon < -180 || lon > 180) {
            problems.add(new Problem(pointer + "/lon", "longitude must be a number from -180 to 180, found " + describe(m.get("lon"))));
            ok = false;
        }
        for (Object k : m.keySet()) {
            if (!"lat".equals(k) && !"lon".equals(k)) {
                problems.add(new Problem(pointer + "/" + k, "unknown field; a location has lat and lon"));
                ok = false;
            }
        }
        return ok ? new GeoPoint(lat, lon) : null;
    }

    /** {@code {"kind": .., "source": .., "method": ..}}: kind required, the others optional; canonical as an ordered map. */
    private static Map<String, Object> toProvenance(Object v, String pointer, List<Problem> problems) {
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(new Problem(pointer, "must be an object {\"kind\": .., \"source\": .., \"method\": ..}, found " + describe(v)));
            return null;
        }
        int before = problems.size();
        for (Object k : m.keySet()) {
            if (!Provenance.FIELDS.contains(String.valueOf(k))) {
                problems.add(new Problem(pointer + "/" + escape(String.valueOf(k)), "unknown field; a provenance has " + Provenance.FIELDS));
            }
        }
        if (!(m.get("kind") instanceof String kind) || !Provenance.KINDS.contains(kind)) {
            problems.add(new Problem(pointer + "/kind", "must be one of " + Provenance.KINDS + ", found " + describe(m.get("kind"))));
        }
        if (m.get("source") != null && (!(m.get("source") instanceof String s) || s.isBlank())) {
            problems.add(new Problem(pointer + "/source", "must be a non-empty string such as \"E-PRTR 2023\", found " + describe(m.get("source"))));
        }
        if (m.get("method") != null && !Provenance.METHODS.contains(m.get("method"))) {
            problems.add(new Problem(pointer + "/method", "must be one of " + Provenance.METHODS + ", found " + describe(m.get("method"))));
        }
        if (problems.size() > before) {
            return null;
        }
        var canonical = new LinkedHashMap<String, Object>();
        for (String field : Provenance.FIELDS) {
            if (m.get(field) != null) {
                canonical.put(field, m.get(field));
            }
        }
        return canonical;
    }

    private static boolean inRange(FieldSpec spec, double value, String pointer, List<Problem> problems) {
        if (spec.min() != null && (spec.minExclusive() ? value <= spec.min() : value < spec.min())) {
            String bound = spec.minExclusive() ? "greater than " : "at least ";
            problems.add(new Problem(pointer, "must be " + bound + format(spec.min())
                    + (spec.max() != null ? " and at most " + format(spec.max()) : "") + ", found " + format(value)));
            return false;
        }
        if (spec.max() != null && value > spec.max()) {
            problems.add(new Problem(pointer, "must be at most " + format(spec.max()) + ", found " + format(value)));
            return false;
        }
        return true;
    }

    /** Rules between the fields of one record. */
    private static void checkRecordRules(RecordType type, Map<String, Object> f, String pointer, String partner,
                                         boolean deleted, List<Problem> problems) {
        // Ownership: a partner writes only its own namespace. An emission belongs to its process's owner, a target to its roadmap's.
        String ownKeyField = type.ownerField();
        if (partner != null && f.get(ownKeyField) instanceof String id && !Ids.partnerOf(id).equals(partner)) {
            problems.add(new Problem(pointer + "/" + ownKeyField, id + " is outside this document's partner namespace \""
                    + partner + ":\"; a partner may create, change and delete only its own records"));
        }
        if (deleted) {
            return;
        }
        checkOwnership(type, f, pointer, problems);
        yearsInOrder(f, "fromYear", "toYear", pointer, problems);
        yearsInOrder(f, "activeFrom", "activeTo", pointer, problems);
        if ((type == RecordTypes.EMISSIONS || type == RecordTypes.EMISSION_FACTORS) && f.get("category") != null
                && !Long.valueOf(3).equals(f.get("scope"))) {
            problems.add(new Problem(pointer + "/category", "a GHG Protocol category is given only for scope 3 records"));
        }
        if (type == RecordTypes.EMISSION_FACTORS) {
            if (f.get("category") == null && Long.valueOf(3).equals(f.get("scope"))) {
                problems.add(new Problem(pointer + "/category", "a scope 3 factor names its GHG Protocol category (1-15)"));
            }
            if (f.get("activity") instanceof String code && !ACTIVITY_CODE.matcher(code).matches()) {
                problems.add(new Problem(pointer + "/activity", "must be an activity code of capitals, digits and underscores "
                        + "like \"FUEL_NATURAL_GAS\" or \"ELECTRICITY_GRID\", found " + describe(code)));
            }
        }
        if (type == RecordTypes.SIDE_STREAMS && f.get("ewc") instanceof String ewc && WasteCodes.level(ewc) != WasteCodes.Level.ENTRY) {
            problems.add(new Problem(pointer + "/ewc", "a side stream is classified by a List of Waste entry (six digits, \"NN NN NN\"), found \"" + ewc + "\""));
        }
        RoadmapRules.check(type, f, pointer, problems);
        if (type == RecordTypes.NEEDS) {
            if (f.get("ewc") == null && f.get("material") == null) {
                problems.add(new Problem(pointer, "a need names an ewc code, a material, or both"));
            }
            if (f.get("ewc") instanceof String ewc && WasteCodes.level(ewc) == WasteCodes.Level.CHAPTER) {
                problems.add(new Problem(pointer + "/ewc", "a need names a List of Waste entry or sub-chapter (\"NN NN NN\" or \"NN NN\"), found \"" + ewc + "\""));
            }
        }
    }

    /**
     * The consent rule's fixed part (docs/partners.md, "Consent"): a record belongs to the owner of what it is part of
     * (a side stream to its producer's, a need to its process's, a measure to its roadmap's…), a flow to one of
     * its two ends' owners, and a consent is given to another partner's record.
     */
    private static void checkOwnership(RecordType type, Map<String, Object> f, String pointer, List<Problem> problems) {
        String owner = Ids.partnerOf(String.valueOf(f.get(type.ownerField())));
        for (FieldSpec spec : type.references()) {
            if (spec.ref().gate() != Ref.Gate.OWN || spec.name().equals(type.ownerField()) || !(f.get(spec.name()) instanceof String target)) {
                continue;
            }
            if (!Ids.partnerOf(target).equals(owner)) {
                problems.add(new Problem(pointer + "/" + spec.name(), target + " is partner " + Ids.partnerOf(target) + "'s; "
                        + article(type) + " belongs to the owner of its " + spec.name() + ", so it must be one of partner "
                        + owner + "'s records"));
            }
        }
        if (type == RecordTypes.FLOWS && f.get("sideStream") instanceof String stream && f.get("consumer") instanceof String consumer
                && !owner.equals(Ids.partnerOf(stream)) && !owner.equals(Ids.partnerOf(consumer))) {
            problems.add(new Problem(pointer + "/id", "a flow belongs to its side stream's owner or its consumer's owner ("
                    + Ids.partnerOf(stream) + " or " + Ids.partnerOf(consumer) + "), not to partner " + owner));
        }
        if (type == RecordTypes.CONSENTS && f.get("record") instanceof String record && Ids.partnerOf(record).equals(owner)) {
            problems.add(new Problem(pointer + "/record", record + " is partner " + owner + "'s own record; a consent is given "
                    + "to another partner's record"));
        }
    }

    private static String article(RecordType type) {
        String noun = switch (type.array()) {
            case "sideStreams" -> "side stream";
            case "carbonSinks" -> "carbon sink";
            case "offsetAgreements" -> "offset agreement";
            case "emissionFactors" -> "emission factor";
            case "factorSets" -> "factor set";
            default -> type.label().toLowerCase(java.util.Locale.ROOT);
        };
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static void yearsInOrder(Map<String, Object> f, String from, String to, String pointer, List<Problem> problems) {
        if (f.get(from) instanceof Long a && f.get(to) instanceof Long b && a > b) {
            problems.add(new Problem(pointer + "/" + from, from + " " + a + " is after " + to + " " + b));
        }
    }

    private static void checkDuplicates(List<ExchangeRecord> records, List<Problem> problems) {
        var firstSeen = new HashMap<String, String>();
        for (ExchangeRecord r : records) {
            // ids are global across record types; emission and target keys live in spaces of their own
            String space = r.type().keyedById() ? "id:" : r.type().array() + ":";
            String earlier = firstSeen.putIfAbsent(space + r.key(), r.pointer());
            if (earlier != null) {
                problems.add(new Problem(r.pointer() + (r.type().keyedById() ? "/id" : ""),
                        (r.type().keyedById() ? r.key() : "this " + r.type().label().toLowerCase(java.util.Locale.ROOT)
                                + " record (same " + String.join(", ", r.type().keyFields()) + ")")
                                + " appears twice in the document; first at " + earlier));
            }
        }
    }

    static Double toDouble(Object v) {
        return v instanceof Number n && !(v instanceof Byte) ? n.doubleValue() : null;
    }

    static Long toLong(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d : null;
        }
        return null;
    }

    static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String s) {
            return "\"" + InputLimits.printable(s.length() > 60 ? s.substring(0, 60) + "…" : s) + "\"";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        if (v instanceof List<?>) {
            return "an array";
        }
        return String.valueOf(v);
    }

    static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** JSON pointer escaping (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
