package org.symbiosiskb.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors answered outside a controller (filters, the error page) in the shape of the endpoint
 * asked: on /graphql a GraphQL response with {@code extensions.classification} (docs/spec/api.md), elsewhere
 * the REST API's {@code {"errors": [{"pointer": "", "message": …}]}}. So a client of either never
 * sees a framework's default error body.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /** Whether a request path belongs to the GraphQL endpoint (/graphql, /graphql/schema). */
    public static boolean graphql(String path) {
        return path.equals("/graphql") || path.startsWith("/graphql/");
    }

    /** BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND or INTERNAL_ERROR, as docs/spec/api.md promises. */
    public static String classification(int status) {
        return switch (status) {
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    /**
     * Writes the error and its status.
     *
     * @param extensions more GraphQL {@code extensions} (e.g. the limit run into); ignored on the REST API
     */
    public static void write(HttpServletResponse response, JsonMapper json, String path, int status, String message,
                             Map<String, Object> extensions) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(path, status, message, extensions));
    }

    /** {@code {"errors": [one error]}} in the shape of the endpoint at {@code path}. */
    static Map<String, Object> body(String path, int status, String message, Map<String, Object> extensions) {
        Map<String, Object> error;
        if (graphql(path)) {
            var ext = new LinkedHashMap<String, Object>();
            ext.put("classification", classification(status));
            ext.putAll(extensions);
            error = Map.of("message", message, "extensions", ext);
        } else {
            var rest = new LinkedHashMap<String, Object>();
            rest.put("pointer", "");
            rest.put("message", message);
            error = rest;
        }
        return Map.of("errors", List.of(error));
    }

    /** Text from a request (a path, a header) made safe to quote: no control or bidi characters, at most 100 characters. */
    public static String quote(String text) {
        if (text == null) {
            return "nothing";
        }
        var out = new StringBuilder("\"");
        text.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("U+%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(text.codePointCount(0, text.length()) > 100 ? "…\"" : "\"").toString();
    }

    /** A request parameter of the wrong form: "dryRun must be true or false, found "maybe"". */
    public static String parameter(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == Boolean.class || type == boolean.class ? "true or false"
                : type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive()) ? "a number" : "of another form";
        return e.getName() + " must be " + expected + ", found " + quote(String.valueOf(e.getValue()));
    }
}
