package org.symbiosiskb;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Tag;

/**
 * Keeps the fast tier honest: a test class tagged {@code fast} ({@code ./kb test-fast}, docs/architecture.md) starts
 * neither Spring nor a database: it uses none of their classes, nor the test helpers that start them
 * (the rule looks at what the test class itself uses, not further: a main class annotated for Spring is fine to call). Tag a test {@code fast} only when it
 * works on plain objects: algorithms over in-memory graphs, parsers, rules, converters, files.
 */
@AnalyzeClasses(packages = "org.symbiosiskb", importOptions = ImportOption.OnlyIncludeTests.class)
@ArchTag("fast")
class FastTierTest {

    /** The test helpers that start the service, a second instance or a database. */
    private static final Set<String> STARTERS = Set.of(
            "org.symbiosiskb.support.KbTest", "org.symbiosiskb.support.PartnersTest", "org.symbiosiskb.support.TestDatabase",
            "org.symbiosiskb.support.HarnessInitializer", "org.symbiosiskb.pact.PactInstance", "org.symbiosiskb.bench.Benchmark",
            "org.symbiosiskb.graph.EmbeddedNeo4jConfiguration");

    private static final DescribedPredicate<JavaClass> TAGGED_FAST = DescribedPredicate.describe("are tagged fast",
            c -> c.tryGetAnnotationOfType(Tag.class).map(t -> t.value().equals("fast")).orElse(false));

    private static final DescribedPredicate<JavaClass> STARTS_SPRING_OR_A_DATABASE =
            resideInAnyPackage("org.springframework.boot..", "org.springframework.context..", "org.springframework.test..",
                    "org.neo4j.harness..", "org.neo4j.dbms..", "org.neo4j.driver..")
                    .or(DescribedPredicate.describe("the service's test contexts and databases " + STARTERS,
                            c -> STARTERS.contains(c.getName())))
                    .as("start Spring or a database");

    @ArchTest
    static final ArchRule fast_tests_start_neither_spring_nor_a_database =
            noClasses().that(TAGGED_FAST)
                    .should().dependOnClassesThat(STARTS_SPRING_OR_A_DATABASE)
                    .because("./kb test-fast runs without Spring or a database, in under 30 s");
}
