package org.symbiosiskb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class ParsedDocumentsTest {

    private final AtomicInteger parsed = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };
    private final Function<ExecutionInput, PreparsedDocumentEntry> refuse = input -> {
        parsed.incrementAndGet();
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("no field park on Query").build());
    };

    private static ExecutionInput ask(String query) {
        return ExecutionInput.newExecutionInput(query).build();
    }

    @Test
    void the_same_query_is_parsed_once_whatever_its_variables() {
        var documents = new ParsedDocuments();
        String query = "query($id: ID!) { park(id: $id) { id } }";

        var first = documents.getDocumentAsync(ExecutionInput.newExecutionInput(query).variables(java.util.Map.of("id", "fi:kemi")).build(), parse).join();
        var second = documents.getDocumentAsync(ExecutionInput.newExecutionInput(query).variables(java.util.Map.of("id", "fi:kokkola")).build(), parse).join();

        assertThat(parsed.get()).isEqualTo(1);
        assertThat(second.getDocument()).isSameAs(first.getDocument());
    }

    @Test
    void a_refused_or_very_long_query_is_parsed_every_time() {
        var documents = new ParsedDocuments();
        documents.getDocumentAsync(ask("{ park }"), refuse).join();
        documents.getDocumentAsync(ask("{ park }"), refuse).join();
        String longQuery = "{ parks { nodes { id } } }" + " ".repeat(ParsedDocuments.MAX_QUERY_LENGTH);
        documents.getDocumentAsync(ask(longQuery), parse).join();
        documents.getDocumentAsync(ask(longQuery), parse).join();

        assertThat(parsed.get()).isEqualTo(4); // 2 refusals + 2 long ones, none kept
        assertThat(documents.size()).isZero();
    }

    @Test
    void at_most_the_capacity_is_kept_the_least_recently_used_leaving_first() {
        var documents = new ParsedDocuments();
        for (int i = 0; i <= ParsedDocuments.CAPACITY; i++) { // 257 distinct queries
            documents.getDocumentAsync(ask("{ park(id: \"fi:" + i + "\") { id } }"), parse).join();
        }
        assertThat(documents.size()).isEqualTo(ParsedDocuments.CAPACITY);
        parsed.set(0);
        documents.getDocumentAsync(ask("{ park(id: \"fi:256\") { id } }"), parse).join(); // the newest: kept
        documents.getDocumentAsync(ask("{ park(id: \"fi:0\") { id } }"), parse).join();   // the oldest: gone, parsed again
        assertThat(parsed.get()).isEqualTo(1);
    }
}
