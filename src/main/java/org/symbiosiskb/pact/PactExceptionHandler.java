package org.symbiosiskb.pact;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.ErrorResponse;
import org.symbiosiskb.api.BadRequestException;
import org.symbiosiskb.api.ErrorBodies;
import org.symbiosiskb.api.ForbiddenException;
import org.symbiosiskb.api.NotFoundException;

/** The PACT actions' failures in PACT's error shape; what no action answered reaches ServiceErrorController, which uses it too. */
@RestControllerAdvice(assignableTypes = {FootprintsController.class, EventsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PactExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PactExceptionHandler.class);

    @ExceptionHandler
    ResponseEntity<Map<String, String>> pact(PactErrors.PactException e) {
        return PactErrors.body(e.status, e.code, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> badRequest(BadRequestException e) {
        return PactErrors.body(HttpStatus.BAD_REQUEST, "BadRequest", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> forbidden(ForbiddenException e) {
        return PactErrors.body(HttpStatus.FORBIDDEN, "AccessDenied", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
        return PactErrors.body(HttpStatus.NOT_FOUND, "NotFound", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Map<String, String>> unexpected(Exception e) {
        if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            // Spring's own refusals (a method, a content type): PACT's code for the status, the service's words
            int status = refused.getStatusCode().value();
            return PactErrors.body(HttpStatus.valueOf(status), ErrorBodies.pactCode(status), "the request was refused: "
                    + HttpStatus.valueOf(status).getReasonPhrase());
        }
        String reference = UUID.randomUUID().toString();
        log.error("PACT host: unexpected error (reference {})", reference, e);
        return PactErrors.body(HttpStatus.INTERNAL_SERVER_ERROR, "InternalError",
                "An internal error occurred; the service log has the details under reference " + reference);
    }
}
