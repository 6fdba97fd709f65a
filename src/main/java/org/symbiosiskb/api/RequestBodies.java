package org.symbiosiskb.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Reading request bodies within a size limit, and saying what is wrong with one in words of the
 * service (never the JSON library's): shared by /graphql and the exchange endpoint.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body was larger than the limit; thrown while reading, so nothing past the limit is kept. */
    public static final class TooLarge extends IOException {
    }

    /**
     * Counts what is read and fails with {@link TooLarge} once more than {@code limit} bytes came,
     * for bodies sent without a Content-Length (chunked) or with a false one.
     */
    public static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long read;

        public LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > limit) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0 && (read += n) > limit) {
                throw new TooLarge();
            }
            return n;
        }

        /** Bytes read so far. */
        public long count() {
            return read;
        }
    }

    /** 200MB, 64KB, 1000B: as the property would be written. */
    public static String readable(long bytes) {
        if (bytes > 0 && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return DataSize.ofBytes(bytes).toMegabytes() + "MB";
        }
        return bytes > 0 && bytes % 1024 == 0 ? DataSize.ofBytes(bytes).toKilobytes() + "KB" : bytes + "B";
    }

    /** "the body is not valid JSON (line 3, column 14)": where, without the parser's own wording. */
    public static String notJson(JacksonException e) {
        return "the body is not valid JSON" + where(e);
    }

    /** " (line 3, column 14)", or nothing when the parser does not know. */
    public static String where(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        return at != null && at.getLineNr() > 0 ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "";
    }

    /** "an array", "a string", "null"…: what a JSON value is, for messages. */
    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return node.isBoolean() ? "a boolean" : "a value";
    }
}
