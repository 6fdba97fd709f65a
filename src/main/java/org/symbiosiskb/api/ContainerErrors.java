package org.symbiosiskb.api;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before Spring sees them (an encoded {@code /} or NUL in the path, a URL
 * or headers over the size limit) were answered with Tomcat's HTML error page. Its error report is
 * replaced by one in the service's error shape ({@link ErrorBodies}), so no request to the API is
 * answered in a framework's words.
 */
@Component
class ContainerErrors implements ApplicationListener<WebServerInitializedEvent> {

    private final JsonMapper json;

    ContainerErrors(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (!(event.getWebServer() instanceof TomcatWebServer server)) {
            return;
        }
        var pipeline = server.getTomcat().getHost().getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof Report)) {
                pipeline.removeValve(valve);
                pipeline.addValve(new Report(json));
            }
        }
    }

    /** Tomcat's error report, written as the service's error. */
    static final class Report extends ErrorReportValve {
        private final JsonMapper json;

        Report(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String path = request.getRequestURI() == null ? "/" : request.getRequestURI();
            String message = switch (status) {
                case 400 -> "the request could not be read: a malformed URL (an encoded / or NUL in the path, a bad %-escape) "
                        + "or request line and headers over their size limit";
                case 413 -> "the request is too large";
                case 414 -> "the URL is too long";
                default -> "the request was refused (HTTP " + status + ")";
            };
            try {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                var writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(ErrorBodies.body(path, status, message, Map.of())));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response was taken over: nothing more to say
            }
        }
    }
}
