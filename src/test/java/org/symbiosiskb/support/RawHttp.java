package org.symbiosiskb.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * HTTP/1.1 written by hand on a socket, for what {@link Http} cannot send: any {@code Host}
 * header, chunked bodies of any size, bodies the server answers before it has read them. The
 * body is written by a thread of its own while the answer is read, as a browser or curl would:
 * a server may answer (413) and close before the client has finished sending.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            return Http.json().readTree(body);
        }
    }

    /**
     * @param head    request line and headers, e.g. {@code "POST /graphql HTTP/1.1\r\nHost: localhost\r\n"};
     *                the blank line ending the head is added here
     * @param body    null for none
     * @param chunked send the body with {@code Transfer-Encoding: chunked} (no Content-Length); else the
     *                head must carry its Content-Length
     */
    public static Response exchange(int port, String head, InputStream body, boolean chunked) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.setSoTimeout(120_000); // a bound on a broken server, not a synchronisation
            OutputStream out = socket.getOutputStream();
            out.write((head + (chunked ? "Transfer-Encoding: chunked\r\n" : "") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread writer = body == null ? null : Thread.ofPlatform().daemon().start(() -> send(out, body, chunked));
            Response response = read(socket.getInputStream());
            socket.close(); // stops the writer if the server answered before reading everything
            if (writer != null) {
                writer.join();
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("no HTTP answer from port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET with the given Host header. */
    public static Response get(int port, String path, String host) {
        return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n", null, false);
    }

    /** A JSON POST with the given Host header. */
    public static Response post(int port, String path, String host, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return exchange(port, "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n", new java.io.ByteArrayInputStream(bytes), false);
    }

    private static void send(OutputStream out, InputStream body, boolean chunked) {
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(buffer, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException refusedOrClosed) {
            // the server answered and closed the connection before taking the whole body: expected
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the server closed the connection without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        var body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if (status != 204 && status != 304) {
            in.transferTo(body);
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
