package org.oversight.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.oversight.shared.db.EmbeddedDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that need PostgreSQL: one real embedded PostgreSQL 17 per test JVM, in a fresh temporary data
 * directory, migrated by the real Flyway scripts and loaded with the real register when the context starts.
 * Set {@code SPRING_DATASOURCE_URL} to run the same tests against an external server.
 */
@ActiveProfiles("test")
public abstract class IntegrationTest {

    private static final String URL = startDatabase();

    private static String startDatabase() {
        String external = System.getenv("SPRING_DATASOURCE_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        try {
            return EmbeddedDatabase.start(Files.createTempDirectory("oversight-test-pg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }

    /** The demo password the test profile sets, for signing in as the demo people. */
    protected static final String PASSWORD = "test-password";

    protected static Path projectFile(String relative) {
        return Path.of(relative).toAbsolutePath();
    }
}
