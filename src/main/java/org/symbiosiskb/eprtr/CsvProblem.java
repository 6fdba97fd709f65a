package org.symbiosiskb.eprtr;

/**
 * What is wrong with an uploaded file, where: the file (its name as uploaded, else the part's),
 * the line (1 is the header; 0 for the file as a whole) and the column (null when the whole line
 * or file is meant). {@code pointer} follows the service's error shape: {@code /releases/17/medium}.
 */
public record CsvProblem(String pointer, String file, int line, String column, String message) {

    static CsvProblem of(String part, String file, int line, String column, String message) {
        String pointer = "/" + part + (line > 0 ? "/" + line : "") + (column != null ? "/" + column : "");
        String where = file + (line > 0 ? ", line " + line : "") + (column != null ? ", column " + column : "");
        return new CsvProblem(pointer, file, line, column, where + ": " + message);
    }
}
