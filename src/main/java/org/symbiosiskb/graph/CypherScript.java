package org.symbiosiskb.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/** A {@code .cypher} file split into its statements: {@code //} comments dropped, statements end with {@code ;}. */
public record CypherScript(String name, List<String> statements) {

    public static CypherScript load(String classpathLocation) {
        try (var in = new ClassPathResource(classpathLocation).getInputStream()) {
            return parse(classpathLocation, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + classpathLocation, e);
        }
    }

    static CypherScript parse(String name, String text) {
        var statements = new ArrayList<String>();
        var current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("//") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return new CypherScript(name, List.copyOf(statements));
    }
}
