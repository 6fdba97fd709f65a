package org.symbiosiskb.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.symbiosiskb.federation.PeerStateChanged;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.TestKeys;
import tools.jackson.databind.JsonNode;

/**
 * A supplier outside the network feeds a customer's traces over PACT, between two real instances: the supplier
 * ({@code acme}) serves PACT; the customer ({@code fi}) pulls it as a peer of kind {@code pact}, is told of changes by
 * its PublishedEvents, and asks it with a RequestCreatedEvent, answered by a RequestFulfilledEvent. The customer's
 * foundry takes 100 t of the supplier's scrap (whose footprint the supplier published) and 50 t of its slag (which
 * the customer's configuration maps to the supplier's furnace product). Steps build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PactSupplierTest {

    PactInstance supplier;
    PactInstance customer;
    Http atSupplier;
    Http atCustomer;
    double foundryBefore;
    /** Each time the customer's status of the supplier changes: after a pull, or after it took in an answer. */
    final BlockingQueue<PeerStateChanged> supplierReports = new LinkedBlockingQueue<>();

    @BeforeAll
    void startTwoInstances() throws IOException {
        int supplierPort = PactInstance.freePort();
        int customerPort = PactInstance.freePort();
        String trust = "--spring.ssl.bundle.pem.instances.truststore.certificate=file:" + PactInstance.certificate();
        // the supplier knows the customer as a data recipient (partner fi), with the key the customer gave it
        supplier = PactInstance.start("supplier", supplierPort,
                "--kb.security.keys=" + TestKeys.entry("acme", "ADMIN", "acme-admin") + "," + TestKeys.entry("fi", "READER", "fi-at-acme"),
                trust, "--kb.pact.callbacks.first-retry=PT0.05S",
                "--kb.pact.recipients[0].partner=fi", "--kb.pact.recipients[0].url=https://localhost:" + customerPort + "/pact",
                "--kb.pact.recipients[0].client-id=acme", "--kb.pact.recipients[0].client-secret=acme-at-fi",
                "--kb.pact.recipients[0].ssl-bundle=instances");
        // the customer pulls the supplier as a PACT peer; the slag is the supplier's furnace product by configuration
        customer = PactInstance.start("customer", customerPort,
                "--kb.security.keys=" + TestKeys.entry("fi", "ADMIN", "fi-admin") + "," + TestKeys.entry("acme", "READER", "acme-at-fi"),
                trust, "--kb.federation.peers[0].partner=acme", "--kb.federation.peers[0].kind=pact",
                "--kb.federation.peers[0].url=https://localhost:" + supplierPort + "/pact",
                "--kb.federation.peers[0].client-id=fi", "--kb.federation.peers[0].client-secret=fi-at-acme",
                "--kb.federation.peers[0].ssl-bundle=instances",
                "--kb.federation.peers[0].products[0].product-id=" + PactIds.product("acme:furnace"),
                "--kb.federation.peers[0].products[0].stream=acme:slag");
        customer.context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof PeerStateChanged changed
                    && changed.partner().equals("acme")) {
                supplierReports.add(changed);
            }
        });
        atSupplier = new Http(supplier.httpPort, "acme-admin");
        atCustomer = new Http(customer.httpPort, "fi-admin");

        var fi = atCustomer.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "organizations": [{"id": "fi:foundry-co", "name": "Valimo Oy"}],
                 "processes": [{"id": "fi:foundry", "name": "Foundry", "operator": "fi:foundry-co", "outputTonnes": 500}],
                 "emissions": [{"process": "fi:foundry", "year": 2024, "scope": 1, "tCO2e": 50}],
                 "flows": [{"id": "fi:scrap-in", "sideStream": "acme:scrap", "consumer": "fi:foundry", "quantity": 100},
                           {"id": "fi:slag-in", "sideStream": "acme:slag", "consumer": "fi:foundry", "quantity": 50}]}""");
        assertThat(fi.status()).as(fi.raw()).isEqualTo(200);
        // before the supplier has data: acme's streams are placeholders and the flows wait for acme's word
        foundryBefore = foundry();
        var acme = atSupplier.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "acme",
                 "organizations": [{"id": "acme:acme", "name": "Acme Metals GmbH"}],
                 "processes": [{"id": "acme:furnace", "name": "Electric arc furnace", "operator": "acme:acme", "outputTonnes": 1000}],
                 "emissions": [{"process": "acme:furnace", "year": 2024, "scope": 1, "tCO2e": 400}],
                 "sideStreams": [{"id": "acme:scrap", "name": "Shredded scrap", "producer": "acme:furnace", "quantity": 200, "unit": "t"}],
                 "footprints": [{"sideStream": "acme:scrap", "year": 2024, "tCO2ePerUnit": 0.3, "allocation": "MASS"}]}""");
        assertThat(acme.status()).as(acme.raw()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (customer != null) {
            customer.close();
        }
        if (supplier != null) {
            supplier.close();
        }
    }

    private double foundry() {
        var trace = atCustomer.graphql("{ traceEmissions(processId: \"fi:foundry\", year: 2024) { total } }");
        assertThat(trace.body().get("errors")).as(trace.raw()).isNull();
        return trace.body().get("data").get("traceEmissions").get("total").asDouble();
    }

    private JsonNode peer() {
        return atCustomer.get("/api/v1/peers").body().get(0);
    }

    /** Waits for the customer's reports on the supplier (each pull or answer taken in) until {@code done} holds. */
    private void awaitSupplierReports(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            var report = supplierReports.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(report).as("a report on acme at the customer").isNotNull();
        }
    }

    @Test
    @Order(1)
    void a_pull_makes_the_suppliers_footprints_published_footprints_of_its_streams_here() {
        // before: acme's streams are placeholders, and the flows wait for acme's word: the foundry is its own 50 t
        assertThat(foundryBefore).isCloseTo(50, within(1e-9));

        var pull = atCustomer.post("/api/v1/peers/acme/sync", "");
        assertThat(pull.status()).as(pull.raw()).isEqualTo(200);
        // scrap: the supplier's published 0.3 t/t, found by our product id of acme:scrap;
        // slag: the furnace's computed footprint, 400 t / 1000 t = 0.4 t/t, by the configured product id
        // F(foundry) = 50 + 100 t × 0.3 + 50 t × 0.4 = 50 + 30 + 20 = 100
        assertThat(foundry()).isCloseTo(100, within(1e-9));
        var peer = peer();
        assertThat(peer.get("kind").asString()).isEqualTo("pact");
        assertThat(peer.get("lastResult").asString()).contains("2 listed", "2 published");
        assertThat(peer.get("lastError").isNull()).isTrue();
        // the supplier's records are read-only here, as any harvested partner's
        var write = atCustomer.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "acme",
                 "footprints": [{"sideStream": "acme:scrap", "year": 2024, "tCO2ePerUnit": 0, "allocation": "MASS"}]}""");
        assertThat(write.status()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void a_change_at_the_supplier_reaches_the_customer_through_its_published_event() throws Exception {
        supplierReports.clear();
        var change = atSupplier.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "acme",
                 "footprints": [{"sideStream": "acme:scrap", "year": 2024, "tCO2ePerUnit": 0.6, "allocation": "MASS"}]}""");
        assertThat(change.status()).as(change.raw()).isEqualTo(200);
        // the supplier tells the customer (PublishedEvent), whose PACT host pulls it: 50 + 100 × 0.6 + 50 × 0.4 = 130
        awaitSupplierReports(() -> Math.abs(foundry() - 130) < 1e-9);
        assertThat(foundry()).isCloseTo(130, within(1e-9));
    }

    @Test
    @Order(3)
    void a_request_is_answered_by_the_supplier_with_a_fulfilled_event_that_the_customer_imports() throws Exception {
        supplierReports.clear();
        var request = atCustomer.post("/api/v1/peers/acme/request", "");
        assertThat(request.status()).as(request.raw()).isEqualTo(202);
        String id = request.body().get("requestEventId").asString();
        assertThat(request.body().get("productIds").toString()).contains(PactIds.product("acme:scrap"), PactIds.product("acme:furnace"));
        awaitSupplierReports(() -> peer().get("lastResult").asString().contains("request " + id + " fulfilled"));
        // the request names no status, so the answer holds the scrap's Deprecated first version too (3 footprints);
        // only the Active ones are used: 2 published
        assertThat(peer().get("lastResult").asString()).contains("fulfilled with 3 footprint(s)", "2 published");
        assertThat(foundry()).isCloseTo(130, within(1e-9));
    }

    @Test
    @Order(4)
    void a_withdrawn_footprint_is_withdrawn_here_and_the_flow_no_longer_counts() throws Exception {
        supplierReports.clear();
        var withdraw = atSupplier.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "acme", "footprints": [{"sideStream": "acme:scrap", "year": 2024, "deleted": true}]}""");
        assertThat(withdraw.status()).as(withdraw.raw()).isEqualTo(200);
        // the supplier lists the scrap's footprint as Deprecated only: the customer drops it and acme's consent to the flow;
        // F(foundry) = 50 + 50 × 0.4 = 70
        awaitSupplierReports(() -> Math.abs(foundry() - 70) < 1e-9);
        assertThat(peer().get("lastResult").asString()).contains("1 withdrawn");
    }
}
