package org.symbiosiskb.api;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error page every failure no controller answered ends on (Spring's refusals of a method,
 * content type or parameter, unknown paths, exceptions thrown in filters): answered in the shape of
 * the endpoint asked ({@link ErrorBodies}) with a message of the service's own, instead of Spring
 * Boot's default body. An unexpected failure is logged with a reference and answered with only that.
 */
@Controller
@RequestMapping("${spring.web.error.path:${error.path:/error}}")
class ServiceErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ServiceErrorController.class);
    private final ErrorAttributes errors;
    private final JsonMapper json;

    ServiceErrorController(ErrorAttributes errors, JsonMapper json) {
        this.errors = errors;
        this.json = json;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer s ? s : 500;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : request.getRequestURI();
        path = path.substring(Math.min(path.length(), request.getContextPath().length()));
        Throwable failure = errors.getError(new ServletWebRequest(request));
        String message;
        if (status >= 500) {
            String reference = UUID.randomUUID().toString();
            log.error("Unexpected error answering {} (reference {})", path, reference, failure);
            message = "Internal error; the service log has the details under reference " + reference;
        } else {
            message = message(status, failure, path);
        }
        ErrorBodies.write(response, json, path, status, message, Map.of());
    }

    /** What the client should change, from what Spring refused; never the exception's own text. */
    static String message(int status, Throwable failure, String path) {
        return switch (failure) {
            case HttpRequestMethodNotSupportedException e -> e.getMethod() + " is not supported on " + ErrorBodies.quote(path)
                    + (e.getSupportedMethods() == null ? "" : "; use " + String.join(" or ", e.getSupportedMethods()));
            case HttpMediaTypeNotSupportedException e -> "Content-Type must be "
                    + String.join(" or ", e.getSupportedMediaTypes().stream().map(MediaType::toString).toList())
                    + ", found " + (e.getContentType() == null ? "none" : ErrorBodies.quote(e.getContentType().toString()));
            case HttpMediaTypeNotAcceptableException e -> "the answer is JSON: send Accept: application/json, or no Accept header";
            case MethodArgumentTypeMismatchException e -> ErrorBodies.parameter(e);
            case MissingServletRequestParameterException e -> e.getParameterName() + " is required";
            case null, default -> switch (status) {
                case 404 -> ErrorBodies.pact(path)
                        ? "nothing at " + ErrorBodies.quote(path) + "; the PACT host answers POST /pact/auth/token, GET /pact/3/footprints, "
                        + "GET /pact/3/footprints/{id} and POST /pact/3/events"
                        : "nothing at " + ErrorBodies.quote(path) + "; the API is POST /graphql and /api/v1/datasets, /api/v1/peers";
                case 405 -> "this method is not supported on " + ErrorBodies.quote(path);
                case 413 -> "the request is too large";
                default -> HttpStatus.resolve(status) == null ? "the request was refused (" + status + ")"
                        : "the request was refused: " + HttpStatus.resolve(status).getReasonPhrase();
            };
        };
    }
}
