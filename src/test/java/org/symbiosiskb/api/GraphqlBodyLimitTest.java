package org.symbiosiskb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import org.symbiosiskb.support.RawHttp;
import tools.jackson.databind.JsonNode;

/**
 * {@code kb.limits.max-graphql-body-size} (default 1MB) on POST /graphql, enforced while the body
 * is read, so that bodies without a Content-Length cannot fill the heap either: ten anonymous
 * 210 MB bodies at once (the reproduction of issue 11, which ended in OutOfMemoryError and 500s)
 * each get 413 in the GraphQL error shape, and the service answers normally afterwards.
 */
@KbTest
class GraphqlBodyLimitTest {

    static final long MB = 1024 * 1024;

    @LocalServerPort
    int port;

    /** {@code {"query": "{ formatVersion }", "variables": {"pad": "aaa…"}}}, exactly {@code size} bytes, made as it is read. */
    static InputStream paddedRequest(long size) {
        byte[] head = "{\"query\": \"{ formatVersion }\", \"variables\": {\"pad\": \"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}}".getBytes(StandardCharsets.US_ASCII);
        long padding = size - head.length - tail.length;
        return new InputStream() {
            long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int n = 0;
                while (n < length && position < size) {
                    long p = position++;
                    buffer[offset + n++] = p < head.length ? head[(int) p]
                            : p < head.length + padding ? (byte) 'a' : tail[(int) (p - head.length - padding)];
                }
                return n;
            }
        };
    }

    static RawHttp.Response post(int port, long size, boolean chunked) {
        String head = "POST /graphql HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
                + (chunked ? "" : "Content-Length: " + size + "\r\n") + "Connection: close\r\n";
        return RawHttp.exchange(port, head, paddedRequest(size), chunked);
    }

    static void assertRefusedForSize(RawHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("extensions").get("limit").asString()).isEqualTo("kb.limits.max-graphql-body-size");
        assertThat(error.get("message").asString()).contains("kb.limits.max-graphql-body-size 1MB");
    }

    @Test
    void ten_concurrent_210_mb_bodies_are_refused_with_413_and_the_service_still_answers() throws Exception {
        long size = 210 * MB;
        var requests = new ArrayList<Callable<RawHttp.Response>>();
        for (int i = 0; i < 10; i++) {
            boolean chunked = i % 2 == 0; // half without a Content-Length: only counting while reading stops those
            requests.add(() -> post(port, size, chunked));
        }
        try (var pool = Executors.newFixedThreadPool(10)) {
            for (Future<RawHttp.Response> answer : pool.invokeAll(requests)) {
                assertRefusedForSize(answer.get());
            }
        }
        var after = new Http(port).graphql("{ formatVersion }");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().get("data").get("formatVersion").asString()).isEqualTo("symbiosis-kb/1");
    }

    @Test
    void a_body_of_exactly_the_limit_is_answered_and_one_byte_more_is_refused() {
        for (boolean chunked : new boolean[] {false, true}) {
            var atLimit = post(port, MB, chunked);
            assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(200);
            assertThat(atLimit.json().get("data").get("formatVersion").asString()).isEqualTo("symbiosis-kb/1");

            assertRefusedForSize(post(port, MB + 1, chunked));
        }
        // with a Content-Length the refusal names the size found
        var declared = post(port, MB + 1, false);
        assertThat(declared.json().get("errors").get(0).get("extensions").get("found").asLong()).isEqualTo(MB + 1);
    }
}
