package org.symbiosiskb.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * GraphQL over GET: the URL parameters {@code query}, {@code operationName}, {@code variables} and
 * {@code extensions} (the last two URL-encoded JSON) read into the request a POST body would carry,
 * and the rule that a GET runs a query and nothing else.
 */
final class GraphQlGet {

    static final List<String> PARAMETERS = List.of("query", "operationName", "variables", "extensions");

    private GraphQlGet() {
    }

    /** A parameter given twice, or JSON that does not parse: what to tell the client. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * {@code {"query": …, "operationName": …, "variables": {…}, "extensions": {…}}} from the URL's
     * parameters; other parameters are left alone (a cache-buster, say). An empty operationName,
     * variables or extensions counts as not given.
     */
    static ObjectNode request(Map<String, String[]> parameters, JsonMapper json) throws Malformed {
        ObjectNode request = json.createObjectNode();
        for (String name : PARAMETERS) {
            String[] values = parameters.get(name);
            if (values == null) {
                continue;
            }
            if (values.length > 1) {
                throw new Malformed(name + " is given " + values.length + " times in the URL; give it once");
            }
            String value = values[0];
            if (value.isEmpty() && !name.equals("query")) {
                continue;
            }
            if (name.equals("variables") || name.equals("extensions")) {
                try {
                    request.set(name, json.readTree(value));
                } catch (JacksonException e) {
                    throw new Malformed(name + " must be a JSON object, URL-encoded; it is not valid JSON" + RequestBodies.where(e));
                }
            } else {
                request.put(name, value);
            }
        }
        return request;
    }

    /**
     * "the mutation createPark" when the operation the request would run is not a query, else null.
     * Without an operationName every operation of the document counts (graphql-java would refuse a
     * document of several anyway); a document that does not parse is left to execution, which refuses it
     * as it refuses it on POST.
     */
    static String notAQuery(JsonNode request) {
        Document document;
        try {
            document = Parser.parse(request.get("query").asString());
        } catch (RuntimeException invalid) {
            return null;
        }
        JsonNode name = request.get("operationName");
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            boolean selected = name == null || name.isNull() || name.asString().equals(operation.getName());
            if (selected && operation.getOperation() != OperationDefinition.Operation.QUERY) {
                String kind = operation.getOperation().name().toLowerCase(Locale.ROOT);
                return operation.getName() == null ? "the " + kind : "the " + kind + " " + operation.getName();
            }
        }
        return null;
    }
}
