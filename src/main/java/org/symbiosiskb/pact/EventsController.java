package org.symbiosiskb.pact;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.symbiosiskb.api.RequestBodies;
import org.symbiosiskb.security.Callers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PACT v3 Action Events, {@code POST /pact/3/events}: a CloudEvent in structured mode
 * ({@code application/cloudevents+json}). Checked whole before it is accepted (4xx naming what is wrong);
 * accepted with 200 and an empty body, and worked on afterwards:
 * <ul>
 * <li>RequestCreatedEvent: answered asynchronously to the data recipient its {@code source} names (one configured
 * for the token's partner: {@code kb.pact.recipients}) with a RequestFulfilledEvent, or a RequestRejectedEvent
 * when nothing the partner may see matches ({@link EventResponder});</li>
 * <li>PublishedEvent from a supplier this instance pulls over PACT: a pull of that supplier;</li>
 * <li>RequestFulfilledEvent / RequestRejectedEvent from such a supplier: its answer to a request of ours.</li>
 * </ul>
 */
@RestController
class EventsController {

    private static final Pattern URN = Pattern.compile("^[uU][rR][nN]:.*");
    private static final Set<String> FILTERS_OF_URNS = Set.of("productId", "companyId", "classification");

    private final JsonMapper json;
    private final PactProperties properties;
    private final PactHost host;
    private final EventResponder responder;
    private final ObjectProvider<PactSuppliers> suppliers;

    EventsController(JsonMapper json, PactProperties properties, PactHost host, EventResponder responder,
                     ObjectProvider<PactSuppliers> suppliers) {
        this.json = json;
        this.properties = properties;
        this.host = host;
        this.responder = responder;
        this.suppliers = suppliers;
    }

    @PostMapping("/pact/3/events")
    ResponseEntity<Void> event(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !(type.toLowerCase().startsWith("application/cloudevents+json") || type.toLowerCase().startsWith("application/json"))) {
            throw PactErrors.badRequest("an event is sent as Content-Type: application/cloudevents+json, found "
                    + (type == null ? "none" : "\"" + type.substring(0, Math.min(type.length(), 60)) + "\""));
        }
        JsonNode event;
        try {
            event = json.readTree(new RequestBodies.LimitedInputStream(request.getInputStream(), properties.maxEventSize()));
        } catch (RequestBodies.TooLarge e) {
            throw PactErrors.badRequest("the event is larger than kb.pact.max-event-size " + properties.maxEventSize() + " bytes");
        } catch (JacksonException e) {
            throw PactErrors.badRequest("the body is not a JSON document (a CloudEvent in structured mode)");
        }
        var problems = new ArrayList<String>();
        String eventType = base(event, problems);
        JsonNode data = event.path("data");
        String partner = Callers.current().partner();
        if (problems.isEmpty()) {
            switch (eventType) {
                case PactHost.REQUEST_CREATED -> requestCreated(event, data, partner, problems);
                case PactHost.PUBLISHED -> published(data, partner, problems);
                case PactHost.REQUEST_FULFILLED -> fulfilled(data, partner, problems);
                case PactHost.REQUEST_REJECTED -> rejected(data, partner, problems);
                default -> problems.add("type: not a PACT v3 event: " + PactHost.REQUEST_CREATED + ", " + PactHost.PUBLISHED + ", "
                        + PactHost.REQUEST_FULFILLED + " or " + PactHost.REQUEST_REJECTED);
            }
        }
        if (!problems.isEmpty()) {
            throw PactErrors.badRequest("Invalid event: " + String.join("; ", problems));
        }
        return ResponseEntity.ok().build();
    }

    /** CloudEvents' and PACT's BaseEvent: type, specversion 1.0, id, source, time, data (an object). */
    private static String base(JsonNode event, List<String> problems) {
        if (!event.isObject()) {
            problems.add("an event is a JSON object");
            return null;
        }
        for (String field : List.of("type", "id", "source")) {
            if (!event.path(field).isString() || event.path(field).asString().isBlank()) {
                problems.add(field + " is required (a string)");
            }
        }
        if (!"1.0".equals(event.path("specversion").asString(null))) {
            problems.add("specversion must be \"1.0\"");
        }
        if (!dateTime(event.path("time"))) {
            problems.add("time is required (an RFC 3339 date-time)");
        }
        if (!event.path("data").isObject()) {
            problems.add("data is required (an object)");
        }
        return event.path("type").asString(null);
    }

    private void requestCreated(JsonNode event, JsonNode data, String partner, List<String> problems) {
        for (String name : List.of("productId", "companyId", "geography", "classification")) {
            JsonNode values = data.path(name);
            if (values.isMissingNode() || values.isNull()) {
                continue;
            }
            if (!values.isArray() || values.isEmpty()) {
                problems.add("data." + name + " must be a non-empty array of strings");
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                JsonNode v = values.get(i);
                if (!v.isString() || (FILTERS_OF_URNS.contains(name) && !URN.matcher(v.asString()).matches())) {
                    problems.add("data." + name + "[" + i + "] must be " + (FILTERS_OF_URNS.contains(name) ? "a URN (urn:…)" : "a string"));
                }
            }
        }
        for (String name : List.of("validOn", "validAfter", "validBefore")) {
            if (!data.path(name).isMissingNode() && !dateTime(data.path(name))) {
                problems.add("data." + name + " must be an RFC 3339 date-time");
            }
        }
        if (!data.path("status").isMissingNode() && !List.of("Active", "Deprecated").contains(data.path("status").asString(""))) {
            problems.add("data.status must be Active or Deprecated");
        }
        if (!data.path("comment").isMissingNode() && !data.path("comment").isString()) {
            problems.add("data.comment must be a string");
        }
        var recipient = host.recipient(partner, event.path("source").asString());
        if (recipient.isEmpty()) {
            problems.add("source " + quote(event.path("source").asString()) + " is not a data recipient this host answers for partner "
                    + partner + " (kb.pact.recipients: its url, with this partner)");
        }
        if (problems.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> filter = json.convertValue(data, Map.class);
            responder.answer(recipient.get(), partner, event.path("id").asString(), FootprintFilter.ofEvent(filter));
        }
    }

    private void published(JsonNode data, String partner, List<String> problems) {
        JsonNode ids = data.path("pfIds");
        if (!ids.isArray() || ids.isEmpty()) {
            problems.add("data.pfIds must be a non-empty array of footprint ids (UUIDs)");
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!uuid(ids.get(i))) {
                problems.add("data.pfIds[" + i + "] must be a UUID, found " + quote(ids.get(i).toString()));
            }
        }
        if (problems.isEmpty()) {
            suppliers.ifAvailable(s -> {
                if (s.supplies(partner)) {
                    s.published(partner);
                }
            });
        }
    }

    private void fulfilled(JsonNode data, String partner, List<String> problems) {
        requestEventId(data, problems);
        JsonNode pfs = data.path("pfs");
        if (!pfs.isArray() || pfs.isEmpty()) {
            problems.add("data.pfs must be a non-empty array of ProductFootprints");
            return;
        }
        for (int i = 0; i < pfs.size(); i++) {
            if (!pfs.get(i).isObject() || !uuid(pfs.get(i).path("id"))) {
                problems.add("data.pfs[" + i + "] must be a ProductFootprint with a UUID id");
            }
        }
        if (problems.isEmpty()) {
            var footprints = new ArrayList<JsonNode>();
            pfs.forEach(footprints::add);
            suppliers.ifAvailable(s -> {
                if (s.supplies(partner)) {
                    s.fulfilled(partner, data.path("requestEventId").asString(), footprints);
                }
            });
        }
    }

    private void rejected(JsonNode data, String partner, List<String> problems) {
        requestEventId(data, problems);
        JsonNode error = data.path("error");
        if (!error.path("code").isString() || !error.path("message").isString()) {
            problems.add("data.error must be an Error: {\"code\": …, \"message\": …}");
        }
        if (problems.isEmpty()) {
            suppliers.ifAvailable(s -> {
                if (s.supplies(partner)) {
                    s.rejected(partner, data.path("requestEventId").asString(), error.path("code").asString(), error.path("message").asString());
                }
            });
        }
    }

    private static void requestEventId(JsonNode data, List<String> problems) {
        if (!data.path("requestEventId").isString() || data.path("requestEventId").asString().isBlank()) {
            problems.add("data.requestEventId is required (the id of the RequestCreatedEvent answered)");
        }
    }

    private static boolean uuid(JsonNode value) {
        if (!value.isString()) {
            return false;
        }
        try {
            return UUID.fromString(value.asString()).toString().equalsIgnoreCase(value.asString());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean dateTime(JsonNode value) {
        if (!value.isString()) {
            return false;
        }
        try {
            OffsetDateTime.parse(value.asString());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String quote(String text) {
        return "\"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\"";
    }
}
