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

    /** Whether a request path belongs to the PACT host (/pact/**), which answers errors in PACT's shapes. */
    public static boolean pact(String path) {
        return path.equals("/pact") || path.startsWith("/pact/");
    }

    /** PACT's token endpoint answers errors as OAuth 2 does (RFC 6749 §5.2). */
    static boolean pactAuth(String path) {
        return path.startsWith("/pact/auth/");
    }

    /**
     * The PACT v3 error code for a status: TokenExpired is chosen by the token check itself, and 401 for an
     * unknown token is BadRequest, as PACT has it ("all other cases").
     */
    public static String pactCode(int status) {
        return switch (status) {
            case 403 -> "AccessDenied";
            case 404 -> "NotFound";
            case 501 -> "NotImplemented";
            default -> status >= 500 ? "InternalError" : "BadRequest";
        };
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

    /**
     * {@code {"errors": [one error]}} in the shape of the endpoint at {@code path}; on the PACT host PACT's
     * {@code {"code", "message"}}, and on its token endpoint OAuth's {@code {"error", "error_description"}}.
     */
    static Map<String, Object> body(String path, int status, String message, Map<String, Object> extensions) {
        if (pact(path)) {
            var error = new LinkedHashMap<String, Object>();
            if (pactAuth(path) && status < 500) {
                error.put("error", status == 401 ? "invalid_client" : "invalid_request");
                error.put("error_description", message);
            } else {
                error.put("code", pactCode(status));
                error.put("message", message);
            }
            return error;
        }
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
