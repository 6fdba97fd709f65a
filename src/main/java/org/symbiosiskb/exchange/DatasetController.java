package org.symbiosiskb.exchange;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.symbiosiskb.api.ErrorBodies;
import org.symbiosiskb.api.ForbiddenException;
import org.symbiosiskb.api.InvalidDocumentException;
import org.symbiosiskb.api.Problem;
import org.symbiosiskb.api.QueryLimits;
import org.symbiosiskb.api.RequestBodies;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The bulk exchange endpoint (docs/spec/api.md): import with {@code dryRun}, export per partner. */
@RestController
@RequestMapping("/api/v1/datasets")
class DatasetController {

    private final ExchangeService exchange;
    private final JsonMapper json;
    private final long maxBodyBytes;

    DatasetController(ExchangeService exchange, JsonMapper json,
                      QueryLimits limits) {
        this.exchange = exchange;
        this.json = json;
        this.maxBodyBytes = limits.maxBodySize().toBytes();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ImportResult importDocument(HttpServletRequest request,
                                @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw new RequestBodies.TooLarge();
        }
        return exchange.importDocument(read(request), dryRun);
    }

    private Object read(HttpServletRequest request) throws IOException {
        try (var body = new RequestBodies.LimitedInputStream(request.getInputStream(), maxBodyBytes)) {
            try {
                return json.readValue(body, Object.class);
            } catch (JacksonException e) {
                if (e.getCause() instanceof RequestBodies.TooLarge tooLarge) {
                    throw tooLarge;
                }
                throw new MalformedJson(body.count() == 0 ? "the body is empty; send a symbiosis-kb/1 document" : RequestBodies.notJson(e));
            }
        }
    }

    /** Header naming the instant to pass as {@code since} in the next incremental request. */
    static final String HARVEST_UNTIL = "KB-Harvest-Until";

    /**
     * A partner's records; with {@code since} only what changed after it, deletions included. The ETag is
     * a hash of the body, so a client that sends it back in {@code If-None-Match} gets 304 when nothing changed.
     */
    @GetMapping(path = "/{partner}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> export(@PathVariable String partner, @RequestParam(required = false) String since,
                                  @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        var export = exchange.export(partner, since == null ? null : instant(since));
        byte[] body = json.writeValueAsBytes(export.document());
        String etag = "\"" + sha256(body) + "\"";
        var response = (etag.equals(ifNoneMatch) ? ResponseEntity.status(HttpStatus.NOT_MODIFIED) : ResponseEntity.ok())
                .eTag(etag).header(HARVEST_UNTIL, export.until().toInstant().toString());
        return etag.equals(ifNoneMatch) ? response.build() : response.contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ZonedDateTime instant(String since) {
        try {
            return Instant.parse(since).atZone(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be an ISO-8601 instant such as 2026-11-23T12:00:00Z, found \"" + since + "\"");
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Errors(List<Problem> errors) {
    }

    @ExceptionHandler
    ResponseEntity<Errors> invalid(InvalidDocumentException e) {
        return ResponseEntity.unprocessableContent().body(new Errors(e.problems()));
    }

    @ExceptionHandler
    ResponseEntity<Errors> forbidden(ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new Errors(List.of(new Problem("", e.getMessage()))));
    }

    @ExceptionHandler
    ResponseEntity<Errors> malformed(MalformedJson e) {
        return ResponseEntity.badRequest().body(new Errors(List.of(new Problem("", e.getMessage()))));
    }

    @ExceptionHandler
    ResponseEntity<Errors> tooLarge(RequestBodies.TooLarge e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(new Errors(List.of(new Problem("",
                "document size exceeds " + QueryLimits.MAX_BODY_SIZE + " " + RequestBodies.readable(maxBodyBytes)
                        + "; split it into several documents"))));
    }

    /** {@code ?dryRun=maybe}: said in the API's words (the local IllegalArgumentException handler would give Spring's). */
    @ExceptionHandler
    ResponseEntity<Errors> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new Errors(List.of(new Problem("", ErrorBodies.parameter(e)))));
    }

    @ExceptionHandler
    ResponseEntity<Errors> badPartner(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(new Errors(List.of(new Problem("", e.getMessage()))));
    }

    static final class MalformedJson extends RuntimeException {
        MalformedJson(String message) {
            super(message);
        }
    }
}
