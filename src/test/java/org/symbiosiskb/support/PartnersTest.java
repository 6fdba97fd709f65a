package org.symbiosiskb.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service with keys for every test partner (so keys, roles and visibility are enforced), on a
 * random HTTP port against the shared test database, without example data. One cached context for all the
 * tests of partners and trust: each test uses partner prefixes of its own, so they never see each other's
 * records, and a test starts by clearing the database as the other service tests do. Query limits are
 * raised (aliases, complexity, depth) for the tests that ask many fields at once; QueryLimitsTest checks the
 * defaults in the local-mode context ({@link KbTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kb.example-data.enabled=false", "kb.limits.max-aliases=1000", "kb.limits.max-complexity=100000000", "kb.limits.max-depth=20"})
@ContextConfiguration(initializers = {HarnessInitializer.class, PartnersTest.Keys.class})
public @interface PartnersTest {

    /** Every test key: {@code partner:ROLE:key}. A test sends the key; the service holds only its hash. */
    List<String> KEYS = List.of(
            "visfi:EDITOR:visfi-editor-key", "visse:EDITOR:visse-editor-key", "visse:READER:visse-reader-key",
            "cfi:EDITOR:cfi-editor", "cfi:READER:cfi-reader", "cse:EDITOR:cse-editor", "cno:EDITOR:cno-editor",
            "dra:EDITOR:dra-key", "drb:EDITOR:drb-key",
            "lka:EDITOR:lka-key", "lkb:EDITOR:lkb-key", "lkc:EDITOR:lkc-key",
            "kfi:EDITOR:kfi-editor", "kse:EDITOR:kse-editor",
            "act:ADMIN:act-admin-key", "act:READER:act-reader-key");

    class Keys implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("kb.security.keys=" + KEYS.stream().map(k -> k.split(":", 3))
                    .map(k -> TestKeys.entry(k[0], k[1], k[2])).collect(Collectors.joining(","))).applyTo(context);
        }
    }
}
