package org.symbiosiskb.pact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PACT v3 ListFootprints ({@code GET /pact/3/footprints}) and GetFootprint ({@code GET /pact/3/footprints/{id}}),
 * as the token's partner may see them ({@link FootprintAccess}).
 *
 * <p>Paging: with {@code limit} (or more footprints than {@code kb.limits.max-page-size}) the answer carries
 * {@code Link: <https://{Host}/pact/3/footprints?…&cursor=…>; rel="next"}. The cursor names the refresh the first
 * page was listed at and the position, so a link lists the same footprints, with the statuses they had then, however
 * often it is followed and however long after (new versions come on a new first page, and a footprint deprecated since
 * is Deprecated there and in GetFootprint), and the filters stay in the link.
 */
@RestController
@RequestMapping("/pact/3/footprints")
class FootprintsController {

    private final FootprintCatalogue catalogue;
    private final FootprintAccess access;
    private final int maxPageSize;

    FootprintsController(FootprintCatalogue catalogue, FootprintAccess access, @Value("${kb.limits.max-page-size:500}") int maxPageSize) {
        this.catalogue = catalogue;
        this.access = access;
        this.maxPageSize = maxPageSize;
    }

    /** Where a page starts: the refresh the listing is of, and how many footprints came before. */
    record Cursor(long generation, int offset) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((generation + ":" + offset).getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
                var cursor = new Cursor(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
                if (parts.length != 2 || cursor.offset < 0 || cursor.generation < 0) {
                    throw new IllegalArgumentException();
                }
                return cursor;
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw PactErrors.badRequest("cursor is not one this host gave in a Link header; start again without it");
            }
        }
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> list(HttpServletRequest request) {
        var filter = FootprintFilter.of(request.getParameterMap());
        int limit = limit(request);
        String cursorText = parameter(request, "cursor");
        var cursor = cursorText == null ? new Cursor(catalogue.generation(), 0) : Cursor.decode(cursorText);
        var listed = catalogue.versions().stream().filter(v -> v.generation() <= cursor.generation()).toList();
        var visible = access.visible(listed);
        var matching = listed.stream().filter(v -> visible.contains(v.id()))
                .filter(v -> filter.matches(v.footprint(), v.statusIn(cursor.generation()))).toList();
        int from = Math.min(cursor.offset(), matching.size());
        int to = Math.min(matching.size(), from + limit);
        var data = new ArrayList<ProductFootprint>();
        matching.subList(from, to).forEach(v -> data.add(v.shownIn(cursor.generation())));
        var response = ResponseEntity.ok();
        if (to < matching.size()) {
            response.header(HttpHeaders.LINK, "<" + next(request, new Cursor(cursor.generation(), to)) + ">; rel=\"next\"");
        }
        return response.body(Map.of("data", data));
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw PactErrors.badRequest("a footprint id is a UUID, like 3a6c14a7-4deb-498a-b5ea-16ce2535b576");
        }
        var version = catalogue.version(uuid.toString()).orElseThrow(() -> PactErrors.notFound("The specified footprint does not exist."));
        if (!access.visible(List.of(version)).contains(version.id())) {
            throw PactErrors.accessDenied("Access denied: the footprint's figures are not shown to this client's partner");
        }
        return Map.of("data", version.shown());
    }

    private int limit(HttpServletRequest request) {
        String text = parameter(request, "limit");
        if (text == null) {
            return maxPageSize;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit < 1) {
                throw new NumberFormatException();
            }
            return Math.min(limit, maxPageSize);
        } catch (NumberFormatException e) {
            throw PactErrors.badRequest("limit must be a positive integer, found \"" + text.substring(0, Math.min(text.length(), 30)) + "\"");
        }
    }

    /** A parameter by its name in any case (PACT's examples write productid for productId); null when absent or empty. */
    static String parameter(HttpServletRequest request, String name) {
        for (var e : request.getParameterMap().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && e.getValue().length > 0 && !e.getValue()[0].isBlank()) {
                return e.getValue()[0];
            }
        }
        return null;
    }

    /** The next page: this request's URL, absolute, on the host the client named ({@code Host}), with the cursor replaced. */
    private static String next(HttpServletRequest request, Cursor cursor) {
        String host = request.getHeader(HttpHeaders.HOST);
        if (host == null || host.isBlank()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        var query = new StringBuilder();
        if (request.getQueryString() != null) {
            for (String part : request.getQueryString().split("&")) {
                String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                if (!part.isEmpty() && !name.equalsIgnoreCase("cursor")) {
                    query.append(part).append('&');
                }
            }
        }
        query.append("cursor=").append(cursor.encode());
        return "https://" + host + request.getRequestURI() + "?" + query;
    }
}
