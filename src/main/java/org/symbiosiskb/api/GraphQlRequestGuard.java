package org.symbiosiskb.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of /graphql, checked before Spring for GraphQL reads anything: the method, the
 * content types asked and sent, the size ({@code kb.limits.max-graphql-body-size}, counted while reading, so a
 * chunked body is cut off at the limit and never held whole) and the shape of a GraphQL-over-HTTP
 * request ({@code {"query": "…", "variables": {…}, "operationName": "…", "extensions": {…}}}).
 * Each refusal is a GraphQL error response (400, 405, 406, 413, 414 or 415) with a message of the service's
 * own; the request that passes goes on with the body already read.
 *
 * <p>A GET carries the same request in its URL ({@code ?query=…&variables=<JSON>&operationName=…&extensions=<JSON>},
 * as the GraphQL-over-HTTP specification has it) and may only run a query: a mutation or subscription
 * is refused with 405 and {@code Allow: POST}, since a GET must change nothing (a link, a prefetch or a
 * crawler would otherwise write). A GET that passes goes on as the POST it stands for, so keys, limits and
 * the request time limit, which all come after this filter, treat both alike.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class GraphQlRequestGuard extends OncePerRequestFilter {

    private static final MediaType LEGACY_GRAPHQL = MediaType.parseMediaType("application/graphql");
    private final JsonMapper json;
    private final String graphqlPath;
    private final long maxBytes;
    private final String limit;

    GraphQlRequestGuard(JsonMapper json, QueryLimits limits, @Value("${spring.graphql.http.path:/graphql}") String graphqlPath) {
        this.json = json;
        this.graphqlPath = graphqlPath;
        this.maxBytes = limits.maxGraphqlBodySize().toBytes();
        this.limit = RequestBodies.readable(maxBytes);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !graphqlPath.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("OPTIONS".equals(request.getMethod())) {
            chain.doFilter(request, response); // CORS preflight, if CORS is configured
            return;
        }
        boolean get = "GET".equals(request.getMethod());
        if (!get && !"POST".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "GET, POST");
            refuse(response, 405, request.getMethod() + " is not supported on " + graphqlPath
                    + "; send a POST with a JSON body {\"query\": \"…\"}, or a GET with ?query=… for a query", Map.of());
            return;
        }
        if (!acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
            refuse(response, 406, "the answer is JSON: send Accept: application/json or application/graphql-response+json, "
                    + "or no Accept header; found " + ErrorBodies.quote(request.getHeader(HttpHeaders.ACCEPT)), Map.of());
            return;
        }
        if (get) {
            getRequest(request, response, chain);
            return;
        }
        if (!json(request.getContentType())) {
            refuse(response, 415, "Content-Type must be application/json, found " + ErrorBodies.quote(request.getContentType()), Map.of());
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, 413, tooLarge(), Map.of("limit", QueryLimits.MAX_GRAPHQL_BODY_SIZE, "value", limit, "found", declared));
            return;
        }
        byte[] body;
        try (var in = new RequestBodies.LimitedInputStream(request.getInputStream(), maxBytes)) {
            body = in.readAllBytes();
        } catch (RequestBodies.TooLarge e) {
            refuse(response, 413, tooLarge(), Map.of("limit", QueryLimits.MAX_GRAPHQL_BODY_SIZE, "value", limit));
            return;
        }
        String problem = problem(body);
        if (problem != null) {
            refuse(response, 400, problem, Map.of());
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    /** A GET: its URL parameters checked as a POST body would be, then handed on as that POST. */
    private void getRequest(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String queryString = request.getQueryString();
        long size = queryString == null ? 0 : queryString.length();
        if (size > maxBytes) {
            refuse(response, 414, "the URL's query string size exceeds " + QueryLimits.MAX_GRAPHQL_BODY_SIZE + " " + limit
                    + "; send the request as a POST", Map.of("limit", QueryLimits.MAX_GRAPHQL_BODY_SIZE, "value", limit, "found", size));
            return;
        }
        JsonNode parsed;
        try {
            parsed = GraphQlGet.request(request.getParameterMap(), json);
        } catch (GraphQlGet.Malformed e) {
            refuse(response, 400, e.getMessage(), Map.of());
            return;
        }
        String problem = problem(parsed);
        if (problem != null) {
            refuse(response, 400, problem, Map.of());
            return;
        }
        String notAQuery = GraphQlGet.notAQuery(parsed);
        if (notAQuery != null) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            refuse(response, 405, "a GET runs queries only, so that following a link never changes anything; send "
                    + notAQuery + " as a POST", Map.of());
            return;
        }
        chain.doFilter(ReadBody.asPost(request, json.writeValueAsBytes(parsed)), response);
    }

    private String tooLarge() {
        return "request body size exceeds " + QueryLimits.MAX_GRAPHQL_BODY_SIZE + " " + limit
                + "; bulk data goes to POST /api/v1/datasets (kb.limits.max-body-size)";
    }

    /** application/json with any parameters; also the legacy application/graphql, which Spring for GraphQL reads as JSON. */
    private static boolean json(String contentType) {
        try {
            var type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(LEGACY_GRAPHQL);
        } catch (RuntimeException noneOrInvalid) {
            return false;
        }
    }

    /** No Accept header, or one that takes application/json or application/graphql-response+json (or a wildcard of them). */
    private static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.includes(MediaType.APPLICATION_JSON)
                    || type.includes(MediaType.APPLICATION_GRAPHQL_RESPONSE));
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    /** What is wrong with the body as a GraphQL-over-HTTP request, or null. */
    private String problem(byte[] body) {
        if (blank(body)) {
            return "the body is empty; send a JSON object {\"query\": \"…\", \"variables\": {…}}";
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException e) {
            return RequestBodies.notJson(e);
        }
        return problem(request);
    }

    /** What is wrong with a GraphQL-over-HTTP request, read from a POST body or a GET's URL, or null. */
    private static String problem(JsonNode request) {
        if (request.isArray()) {
            return "batched requests (a JSON array of operations) are not supported; send each operation as its own "
                    + "JSON object {\"query\": \"…\"}";
        }
        if (!request.isObject()) {
            return "the body must be a JSON object {\"query\": \"…\", \"variables\": {…}, \"operationName\": \"…\"}, found "
                    + RequestBodies.kind(request);
        }
        JsonNode query = request.get("query");
        if (query == null || query.isNull()) {
            return "query is required: the GraphQL document, as a string (in a GET, ?query=… in the URL)";
        }
        if (!query.isString()) {
            return "query must be a string, found " + RequestBodies.kind(query);
        }
        for (String field : new String[] {"variables", "extensions"}) {
            JsonNode value = request.get(field);
            if (value != null && !value.isNull() && !value.isObject()) {
                return field + " must be a JSON object (or null), found " + RequestBodies.kind(value);
            }
        }
        JsonNode operation = request.get("operationName");
        if (operation != null && !operation.isNull() && !operation.isString()) {
            return "operationName must be a string (or null), found " + RequestBodies.kind(operation);
        }
        return null;
    }

    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private void refuse(HttpServletResponse response, int status, String message, Map<String, Object> extensions) throws IOException {
        ErrorBodies.write(response, json, graphqlPath, status, message, extensions);
    }

    /** The request with its body already read (within the limit), for Spring for GraphQL to read again. */
    private static class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        /** A checked GET as the POST of a JSON body it stands for; nothing after this filter tells them apart. */
        static ReadBody asPost(HttpServletRequest get, byte[] body) {
            return new ReadBody(get, body) {
                @Override
                public String getMethod() {
                    return "POST";
                }

                @Override
                public String getContentType() {
                    return MediaType.APPLICATION_JSON_VALUE;
                }

                @Override
                public String getHeader(String name) {
                    return switch (name.toLowerCase(Locale.ROOT)) {
                        case "content-type" -> getContentType();
                        case "content-length" -> String.valueOf(body.length);
                        default -> super.getHeader(name);
                    };
                }

                @Override
                public Enumeration<String> getHeaders(String name) {
                    String own = switch (name.toLowerCase(Locale.ROOT)) {
                        case "content-type", "content-length" -> getHeader(name);
                        default -> null;
                    };
                    return own != null ? Collections.enumeration(List.of(own)) : super.getHeaders(name);
                }

                @Override
                public Enumeration<String> getHeaderNames() {
                    var names = new LinkedHashSet<String>();
                    for (var e = super.getHeaderNames(); e.hasMoreElements(); ) {
                        String name = e.nextElement();
                        if (!name.equalsIgnoreCase("content-type") && !name.equalsIgnoreCase("content-length")) {
                            names.add(name);
                        }
                    }
                    names.add("Content-Type");
                    names.add("Content-Length");
                    return Collections.enumeration(names);
                }
            };
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
