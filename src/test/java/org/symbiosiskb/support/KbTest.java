package org.symbiosiskb.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random HTTP port against the shared test database, without example
 * data (tests build the small graphs whose answers they know). One cached context for all tests
 * that use it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kb.example-data.enabled=false", "kb.limits.max-body-size=5MB"})
@ContextConfiguration(initializers = HarnessInitializer.class)
public @interface KbTest {
}
