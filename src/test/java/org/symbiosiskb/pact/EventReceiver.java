package org.symbiosiskb.pact;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * A data recipient's PACT host, as small as the conformance tool's receiver: {@code POST /auth/token} (HTTP Basic
 * {@code kb:receiver-secret}; answers only {@code access_token}, as that receiver does) and {@code POST /3/events},
 * which takes events (each checked against the v3 events schema) into a queue the test waits on. It can refuse the
 * next events with 500, to see them retried. Plain HTTP on loopback, which a recipient on this machine may use.
 */
final class EventReceiver implements AutoCloseable {

    static final String CLIENT = "kb";
    static final String SECRET = "receiver-secret";

    private final HttpServer server;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    final AtomicInteger failNext = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger invalid = new AtomicInteger();

    EventReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/auth/token", this::token);
        server.createContext("/3/events", this::event);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
        } else {
            answer(exchange, 200, "{\"access_token\":\"receiver-token\"}");
        }
    }

    private void event(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        attempts.incrementAndGet();
        if (!"Bearer receiver-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"code\":\"BadRequest\",\"message\":\"no token\"}");
            return;
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 500, "{\"code\":\"InternalError\",\"message\":\"down for a moment\"}");
            return;
        }
        if (!PactSchemas.valid("events-request", body)) {
            invalid.incrementAndGet();
        }
        events.add(PactHttp.JSON.readTree(body));
        answer(exchange, 200, "");
    }

    /** The next event that matches, waiting for it at most {@code timeout}; events before it that do not match are dropped. */
    JsonNode await(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no matching event within " + timeout);
            }
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
