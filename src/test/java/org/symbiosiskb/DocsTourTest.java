package org.symbiosiskb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.symbiosiskb.exchange.ExampleGraph;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/**
 * The GraphQL of the README and of docs/graphql.md, as a reader copies it: every operation is named (GraphQL Code
 * Generator refuses an anonymous operation beside others), names are unique across the pages, and each operation
 * runs against the service with the example data. An answer with errors fails, unless the page shows that answer
 * as errors (the tour's refused mutation), in which case it must have them. Every number of an answer the page shows
 * must be in the real answer, to the decimals the page gives (the pages leave parts out with "…", so the numbers
 * are compared, not the whole answer).
 */
@KbTest
class DocsTourTest {

    static final List<Path> PAGES = List.of(Path.of("README.md"), Path.of("docs/graphql.md"));

    /** A ```graphql block, and the ```json answer right after it if there is one. */
    static final Pattern BLOCK = Pattern.compile("```graphql\\n(.*?)```\\n(?:```json\\n(.*?)```)?", Pattern.DOTALL);

    record Operation(Path page, String name, String document, String shown) {

        boolean showsErrors() {
            return shown != null && shown.stripLeading().startsWith("{\"errors\"");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    static List<Operation> operations() throws IOException {
        List<Operation> operations = new ArrayList<>();
        for (Path page : PAGES) {
            var blocks = BLOCK.matcher(Files.readString(page)).results().toList();
            for (var block : blocks) {
                String document = block.group(1);
                for (var op : Parser.parse(document).getDefinitionsOfType(OperationDefinition.class)) {
                    operations.add(new Operation(page, op.getName(), document, block.group(2)));
                }
            }
        }
        return operations;
    }

    @Test
    void every_operation_is_named_and_no_name_is_used_twice() throws IOException {
        var operations = operations();
        assertThat(operations).as("the README's example and the tour's").hasSizeGreaterThanOrEqualTo(14);
        Set<String> names = new HashSet<>();
        for (var op : operations) {
            assertThat(op.name()).as("an operation of " + op.page() + ":\n" + op.document()).isNotNull();
            assertThat(names.add(op.name())).as(op.name() + " is used twice").isTrue();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_operation_runs_on_the_example_data() throws IOException {
        ExampleGraph.load(context);
        var http = new Http(port);
        return operations().stream().map(op -> DynamicTest.dynamicTest(op.page() + " " + op.name(), () -> {
            Map<String, Object> body = new HashMap<>(Map.of("query", op.document()));
            body.put("operationName", op.name()); // null for an anonymous one, which the naming test refuses
            var response = http.post("/graphql", body);
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            var errors = response.body().get("errors");
            if (op.showsErrors()) {
                assertThat(errors).as("the page shows errors: " + response.raw()).isNotNull();
            } else {
                assertThat(errors).as(response.raw()).isNull();
                assertThat(response.body().get("data")).as(response.raw()).isNotNull();
                if (op.shown() != null) {
                    List<Double> real = numbers(response.body().get("data"), new ArrayList<>());
                    for (JsonNode shown : numberNodes(Http.json().readTree(op.shown()), new ArrayList<>())) {
                        assertThat(real).as(shown + " as the page shows it, in " + response.raw())
                                .anyMatch(value -> Math.abs(value - shown.asDouble()) <= halfLastDigit(shown.toString()));
                    }
                }
            }
        }));
    }

    /** 0.005 for "395.16": the page's figure is the real one rounded to the decimals it shows. */
    static double halfLastDigit(String number) {
        int dot = number.indexOf('.');
        int decimals = dot < 0 ? 0 : number.length() - dot - 1;
        return 0.5 * Math.pow(10, -decimals) + 1e-9;
    }

    static List<JsonNode> numberNodes(JsonNode node, List<JsonNode> into) {
        if (node.isNumber()) {
            into.add(node);
        }
        node.forEach(child -> numberNodes(child, into));
        return into;
    }

    static List<Double> numbers(JsonNode node, List<Double> into) {
        numberNodes(node, new ArrayList<>()).forEach(n -> into.add(n.asDouble()));
        return into;
    }
}
