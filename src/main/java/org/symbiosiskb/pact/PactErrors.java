package org.symbiosiskb.pact;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** PACT's error body: {@code {"code": …, "message": …}} with one of the v3 codes (summary in ErrorBodies.pactCode). */
final class PactErrors {

    private PactErrors() {
    }

    /** A PACT error as an exception, thrown by the actions and answered by {@link PactExceptionHandler}. */
    static final class PactException extends RuntimeException {
        final HttpStatus status;
        final String code;

        PactException(HttpStatus status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    static PactException badRequest(String message) {
        return new PactException(HttpStatus.BAD_REQUEST, "BadRequest", message);
    }

    static PactException notFound(String message) {
        return new PactException(HttpStatus.NOT_FOUND, "NotFound", message);
    }

    static PactException accessDenied(String message) {
        return new PactException(HttpStatus.FORBIDDEN, "AccessDenied", message);
    }

    static ResponseEntity<Map<String, String>> body(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("code", code, "message", message));
    }
}
