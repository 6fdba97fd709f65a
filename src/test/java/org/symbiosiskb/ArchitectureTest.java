package org.symbiosiskb;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dependency rules of docs/architecture.md, checked on the compiled main classes. The layers, bottom up:
 * {@code analytics} (Neo4j procedures, plain Java), {@code graph} and {@code api} (the database and the HTTP/GraphQL
 * plumbing every feature shares), then the feature packages (park, organization, sidestream, emissions, …), which
 * depend on the layers below and on each other in one direction only.
 */
@AnalyzeClasses(packages = "org.symbiosiskb", importOptions = ImportOption.DoNotIncludeTests.class)
@ArchTag("fast")
class ArchitectureTest {

    private static final String[] SHARED = {"org.symbiosiskb.analytics..", "org.symbiosiskb.api..", "org.symbiosiskb.graph.."};

    /** Every package of the service that is not one of the shared layers (nor the application class at the root). */
    private static final DescribedPredicate<JavaClass> FEATURE =
            resideInAPackage("org.symbiosiskb..").and(not(resideInAnyPackage(SHARED))).and(not(resideInAPackage("org.symbiosiskb")))
                    .as("a feature package");

    /**
     * What the projection's upkeep needs beyond the procedure API, in two classes only. {@code FlowProjections}: the
     * database's layout (so a cached projection is never read from another database of the same name), the last
     * committed transaction id (commits a cluster member applied without listeners) and the transaction's kernel
     * state (a trace in a transaction with uncommitted writes must read the store, not the projection); each is
     * guarded, and where it differs FlowProjections falls back to reading the store. {@code FlowProjectionExtension}:
     * Neo4j's extension mechanism (ExtensionFactory, its lifecycle, the DBMS API to register the listener), which is
     * how a plugin jar alone keeps the projection on a server or a cluster member (issue 15).
     */
    private static final Set<String> KERNEL_INTERNALS = Set.of(
            "org.neo4j.kernel.internal.GraphDatabaseAPI", "org.neo4j.common.DependencyResolver",
            "org.neo4j.kernel.impl.coreapi.InternalTransaction", "org.neo4j.kernel.api.KernelTransaction",
            "org.neo4j.internal.kernel.api.Read", "org.neo4j.io.layout.DatabaseLayout",
            "org.neo4j.storageengine.api.TransactionIdStore");

    private static final String[] EXTENSION_API = {"org.neo4j.kernel.extension..", "org.neo4j.kernel.lifecycle..", "org.neo4j.dbms.api.."};

    private static final DescribedPredicate<JavaClass> KERNEL_INTERNAL =
            DescribedPredicate.<JavaClass>describe("one of the projection upkeep's kernel classes " + KERNEL_INTERNALS,
                    c -> KERNEL_INTERNALS.contains(c.getName())).or(resideInAnyPackage(EXTENSION_API))
                    .as("one of the projection upkeep's kernel classes " + KERNEL_INTERNALS + " or Neo4j's extension API");

    /**
     * Spring's {@code @Controller} or {@code @RestController}, by name: ArchUnit does not load Spring's annotations
     * from the classpath here (src/test/resources/archunit.properties), so it cannot see that one carries the other.
     */
    private static final DescribedPredicate<JavaClass> CONTROLLER = DescribedPredicate.describe("are controllers",
            c -> c.isAnnotatedWith(Controller.class) || c.isAnnotatedWith(RestController.class));

    /** It runs inside a Neo4j server as a plugin jar (target/plugins), where neither Spring nor the service exists. */
    @ArchTest
    static final ArchRule analytics_depends_only_on_java_and_neo4js_procedure_api =
            classes().that().resideInAPackage("org.symbiosiskb.analytics..")
                    .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "org.neo4j.procedure..", "org.neo4j.graphdb..",
                            "org.symbiosiskb.analytics..").or(KERNEL_INTERNAL))
                    .because("the analytics are Neo4j procedures, also shipped alone as the server plugin jar");

    @ArchTest
    static final ArchRule only_the_projections_upkeep_reaches_into_the_kernel =
            noClasses().that().resideInAPackage("org.symbiosiskb.analytics..")
                    .and().doNotHaveFullyQualifiedName("org.symbiosiskb.analytics.FlowProjections")
                    .and().doNotHaveFullyQualifiedName("org.symbiosiskb.analytics.FlowProjectionExtension")
                    .and(not(resideInAPackage("org.symbiosiskb.analytics").and(DescribedPredicate.describe("nested in FlowProjectionExtension",
                            c -> c.getName().startsWith("org.symbiosiskb.analytics.FlowProjectionExtension$")))))
                    .should().dependOnClassesThat(KERNEL_INTERNAL)
                    .because("the kernel is not an API: the projection's upkeep (two classes, with a fallback) may use it");

    @ArchTest
    static final ArchRule nothing_below_the_features_imports_a_feature =
            noClasses().that().resideInAnyPackage(SHARED)
                    .should().dependOnClassesThat(FEATURE)
                    .because("dependencies run one way: features → api, graph, analytics");

    @ArchTest
    static final ArchRule no_feature_imports_another_features_controller =
            classes().should(notDependOnAControllerOfAnotherPackage())
                    .because("a controller is a feature's edge; what another feature needs belongs in a service or model");

    /** A controller that cannot reach the database cannot hold Cypher that runs: its queries live in the feature's repository or service. */
    @ArchTest
    static final ArchRule controllers_run_no_cypher =
            noClasses().that(CONTROLLER)
                    .should().dependOnClassesThat(resideInAnyPackage("org.neo4j.driver..", "org.neo4j.graphdb..",
                            "org.springframework.data.neo4j.core..")
                            .or(DescribedPredicate.describe("graph.Cypher or graph.CypherScript",
                                    c -> c.getName().startsWith("org.symbiosiskb.graph.Cypher"))))
                    .because("Cypher sits in named constants or .cypher files of a repository or service, controllers stay thin");

    @ArchTest
    static final ArchRule packages_depend_on_each_other_one_way =
            slices().matching("org.symbiosiskb.(*)..").should().beFreeOfCycles()
                    .because("a cross-feature field is resolved by the feature that owns the higher concept");

    private static ArchCondition<JavaClass> notDependOnAControllerOfAnotherPackage() {
        return new ArchCondition<>("not depend on a controller of another package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (target.getPackageName().startsWith("org.symbiosiskb") && CONTROLLER.test(target)
                            && !target.getPackageName().equals(origin.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
