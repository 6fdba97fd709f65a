package org.symbiosiskb.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parsed and validated documents of the most recent distinct queries, so a client asking the same query
 * again (with other variables, as clients do) skips graphql-java's parse and validation: a tenth of a small
 * query's time in the service. Only valid documents are kept (a refusal's message is made for each request,
 * in its locale), and only queries up to {@link #MAX_QUERY_LENGTH} characters, at most {@link #CAPACITY} of
 * them, least recently used out first: at most a few megabytes however clients vary their queries.
 */
public final class ParsedDocuments implements PreparsedDocumentProvider {

    static final int CAPACITY = 256;
    static final int MAX_QUERY_LENGTH = 8192;

    private final Map<String, PreparsedDocumentEntry> documents = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                    return size() > CAPACITY;
                }
            });

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (query == null || query.length() > MAX_QUERY_LENGTH) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        PreparsedDocumentEntry known = documents.get(query);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            documents.put(query, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        return documents.size();
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        GraphQlSourceBuilderCustomizer parsedDocuments() {
            var documents = new ParsedDocuments();
            return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
        }
    }
}
