package org.symbiosiskb.eprtr;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One semicolon-separated file of an E-PRTR extract, header-checked: UTF-8 (a byte-order mark is
 * accepted), one header line naming the columns, then one record per line. Fields may be quoted
 * with {@code "} (a quote inside doubled), as spreadsheet programs write them; a quoted field
 * cannot span lines. Columns are found by name, so their order is free and extra columns are
 * ignored; every column the importer reads must be there. Every problem is reported with its line
 * and column, not just the first.
 */
final class CsvTable {

    static final char DELIMITER = ';';
    /** Beyond this many problems in one file, the rest are summed up in one. */
    static final int MAX_PROBLEMS = 50;

    /** One record: its line in the file (the header is line 1) and its fields by column name. */
    record Row(int line, Map<String, String> fields) {

        String get(String column) {
            String v = fields.get(column);
            return v == null ? "" : v.strip();
        }
    }

    private final String part;
    private final String file;
    private final List<Row> rows;
    private boolean usable;

    private CsvTable(String part, String file, List<Row> rows) {
        this.part = part;
        this.file = file;
        this.rows = rows;
    }

    /** False when the file could not be read as a table at all (encoding, header): its rows are not checked further. */
    boolean usable() {
        return usable;
    }

    String part() {
        return part;
    }

    String file() {
        return file;
    }

    List<Row> rows() {
        return rows;
    }

    CsvProblem problem(int line, String column, String message) {
        return CsvProblem.of(part, file, line, column, message);
    }

    /**
     * @param part     the multipart part (facilities, releases, wasteTransfers)
     * @param file     the name the file was uploaded with, for messages
     * @param required the columns the importer reads
     * @param optional the columns it reads when they are there
     * @param problems where problems go; the table is empty when the header is unusable
     */
    static CsvTable read(String part, String file, byte[] bytes, List<String> required, List<String> optional,
                         List<CsvProblem> problems) {
        var table = new CsvTable(part, file, new ArrayList<>());
        int before = problems.size();
        String text;
        try {
            int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            problems.add(table.problem(0, null, "is not UTF-8 text; E-PRTR extracts are UTF-8 (save the file as UTF-8 and upload it again)"));
            return table;
        }
        String[] lines = text.split("\n", -1);
        if (text.isBlank()) {
            problems.add(table.problem(0, null, "is empty; expected a header line and one line per record"));
            return table;
        }
        var fieldsOfHeader = split(stripCr(lines[0]), 1, table, problems);
        var header = fieldsOfHeader == null ? null : fieldsOfHeader.stream().map(String::strip).toList();
        if (header == null || !headerUsable(header, required, optional, table, problems)) {
            return table;
        }
        table.usable = true;
        var firstSeen = new HashMap<String, Integer>();
        for (int i = 1; i < lines.length; i++) {
            int line = i + 1;
            String raw = stripCr(lines[i]);
            if (raw.isBlank()) {
                continue;
            }
            if (problems.size() - before >= MAX_PROBLEMS) {
                problems.add(table.problem(0, null, "more problems after line " + line + " were not listed; mend these first"));
                return table;
            }
            Integer earlier = firstSeen.putIfAbsent(raw, line);
            if (earlier != null) {
                problems.add(table.problem(line, null, "is the same as line " + earlier
                        + " (a row appears twice: a copy-and-paste slip, since two real transfers differ in some column)"));
                continue;
            }
            var values = split(raw, line, table, problems);
            if (values == null) {
                continue;
            }
            if (values.size() != header.size()) {
                problems.add(table.problem(line, null, "has " + values.size() + " fields separated by '" + DELIMITER + "', the header has "
                        + header.size() + " (a stray '" + DELIMITER + "' or a missing field?)"));
                continue;
            }
            var fields = new LinkedHashMap<String, String>();
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), values.get(c));
            }
            table.rows.add(new Row(line, fields));
        }
        return table;
    }

    private static boolean headerUsable(List<String> header, List<String> required, List<String> optional, CsvTable table,
                                        List<CsvProblem> problems) {
        if (header.size() == 1 && required.size() > 1) {
            String only = header.getFirst();
            String delimiter = only.contains(",") ? "','" : only.contains("\t") ? "tabs" : null;
            problems.add(table.problem(1, null, delimiter != null
                    ? "the columns are separated by " + delimiter + "; E-PRTR extracts separate them by '" + DELIMITER + "'"
                    : "has one column; expected the columns " + required + " separated by '" + DELIMITER + "'"));
            return false;
        }
        var seen = new HashMap<String, Integer>();
        boolean usable = true;
        for (int c = 0; c < header.size(); c++) {
            Integer earlier = seen.putIfAbsent(header.get(c), c);
            if (earlier != null) {
                problems.add(table.problem(1, header.get(c), "the column appears twice (fields " + (earlier + 1) + " and " + (c + 1) + ")"));
                usable = false;
            }
        }
        var unknown = header.stream().filter(h -> !required.contains(h) && !optional.contains(h)).toList();
        for (String column : required) {
            if (!seen.containsKey(column)) {
                problems.add(table.problem(1, column, "the column is missing" + (unknown.isEmpty() ? ""
                        : "; columns the importer does not read: " + unknown.stream().limit(12).toList()
                        + " (was one renamed?)")));
                usable = false;
            }
        }
        return usable;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The fields of one line; null (and a problem) when a quote is not closed. */
    private static List<String> split(String line, int lineNumber, CsvTable table, List<CsvProblem> problems) {
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (ch == DELIMITER) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            problems.add(table.problem(lineNumber, null, "a quoted field is not closed (a field with '\"' must end with '\"' on the same line)"));
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
