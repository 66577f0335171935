package org.oversight.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, fault tolerance: the real application, as a separate process, imports the bundled Ofsted reports into a
 * PostgreSQL this test started; the test holds a lock that stops the import half-way through one document's
 * transaction (its document row written, its activity waiting), kills the process with SIGKILL, and checks that only
 * whole documents were stored; running the same import again stores the rest, each document exactly once.
 */
class ImportCrashIT {

    /** Hackney's reports come half-way through the sorted folder; its first one is the one caught mid-transaction. */
    private static final int BLOCKED_URN = 80496;

    @Test
    void aKilledBulkImportLeavesOnlyWholeDocumentsAndRunningItAgainFinishesTheJob() throws Exception {
        Path folder = Path.of("data/ofsted-reports").toAbsolutePath();
        List<String> pdfs;
        try (Stream<Path> files = Files.list(folder)) {
            pdfs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pdf")).sorted().toList();
        }
        // The 2012 Bromley "report" is a saved web page, refused by every import.
        List<String> importable = pdfs.stream().filter(n -> !n.equals("80490-bromley-2012-08-17.pdf")).toList();
        List<String> beforeTheBlock = importable.stream().filter(n -> n.compareTo(BLOCKED_URN + "-") < 0).toList();
        assertThat(beforeTheBlock).hasSizeBetween(10, importable.size() - 10);

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start()) {
            DataSource ds = pg.getPostgresDatabase();
            JdbcClient jdbc = JdbcClient.create(ds);
            Path firstLog = Files.createTempFile("oversight-import-killed", ".log");
            Process first = startImport(pg, folder, firstLog);
            int storedWhenKilled;
            try {
                await(Duration.ofSeconds(90), first, firstLog, () -> optional(() ->
                        jdbc.sql("SELECT id FROM local_authority WHERE urn = ?").param(BLOCKED_URN).query(Object.class).optional()));
                try (Connection blocker = ds.getConnection(); Statement st = blocker.createStatement()) {
                    blocker.setAutoCommit(false);
                    st.execute("SELECT id FROM local_authority WHERE urn = " + BLOCKED_URN + " FOR UPDATE");
                    // The import's transaction has stored Hackney's document and now waits to add its activity (the
                    // foreign key to the LA needs the row this test locked).
                    await(Duration.ofSeconds(90), first, firstLog, () -> jdbc.sql("""
                            SELECT a.pid FROM pg_stat_activity a
                             WHERE a.wait_event_type = 'Lock' AND cardinality(pg_blocking_pids(a.pid)) > 0
                               AND a.query ILIKE '%INSERT INTO inspection_activity%'
                            """).query(Integer.class).optional());
                    storedWhenKilled = count(jdbc, "SELECT count(*) FROM source_document");
                    assertThat(first.isAlive()).isTrue();
                    first.destroyForcibly();
                    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    assertThat(first.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
                    blocker.rollback();
                }
            } finally {
                first.destroyForcibly();
            }
            // The dead process's server sessions end (the blocked one rolls back when it finds its client gone).
            await(Duration.ofSeconds(30), null, firstLog, () -> count(jdbc, """
                    SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
                    """) == 0 ? Optional.of(true) : Optional.empty());

            assertThat(storedWhenKilled).isEqualTo(beforeTheBlock.size());
            assertThat(storedNames(jdbc)).as("exactly the documents before the blocked one")
                    .containsExactlyInAnyOrderElementsOf(beforeTheBlock);
            assertThat(count(jdbc, "SELECT count(*) FROM inspection_activity a JOIN local_authority la ON la.id = a.la_id WHERE la.urn = "
                    + BLOCKED_URN)).as("nothing of the document caught mid-transaction").isZero();
            assertWhole(jdbc);

            Path secondLog = Files.createTempFile("oversight-import-again", ".log");
            Process second = startImport(pg, folder, secondLog);
            try {
                assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the second import finishes").isTrue();
            } finally {
                second.destroyForcibly();
            }
            String output = Files.readString(secondLog);
            assertThat(second.exitValue()).as(output).isEqualTo(2); // the Bromley web page, as in any import of the folder
            assertThat(output).contains(pdfs.size() + " files, 1 failed");
            assertThat(lines(output, ": unchanged (")).isEqualTo(beforeTheBlock.size());
            assertThat(lines(output, ": imported (") + lines(output, ": updated (")).isEqualTo(importable.size() - beforeTheBlock.size());
            assertThat(storedNames(jdbc)).containsExactlyInAnyOrderElementsOf(importable);
            assertWhole(jdbc);
        }
    }

    /** Complete documents only: the store's own check, plus what must hold for this one fresh import. */
    private static void assertWhole(JdbcClient jdbc) {
        DocumentCheck.Result check = new DocumentCheck(jdbc).run();
        assertThat(check.problems()).isEmpty();
        assertThat(check.documents()).isPositive();
        assertThat(check.activities()).as("one activity per document").isEqualTo(check.documents());
        assertThat(jdbc.sql("""
                SELECT source_document_sha256 FROM inspection_activity WHERE source_document_sha256 IS NOT NULL
                 GROUP BY 1 HAVING count(*) > 1""").query(String.class).list()).as("documents recorded twice").isEmpty();
        assertThat(jdbc.sql("""
                SELECT activity_id FROM activity_history WHERE action IN ('IMPORTED', 'UPDATED') GROUP BY 1 HAVING count(*) > 1
                """).query(String.class).list()).as("activities imported twice").isEmpty();
        assertThat(jdbc.sql("""
                SELECT h.description FROM activity_history h
                 WHERE h.action = 'IMPORTED'
                   AND substring(h.description FROM 'with (\\d+) findings')::int
                       <> (SELECT count(*) FROM finding f WHERE f.activity_id = h.activity_id)
                """).query(String.class).list()).as("activities missing some of their findings").isEmpty();
        assertThat(count(jdbc, "SELECT count(*) FROM activity_history WHERE action = 'IMPORTED'")
                + count(jdbc, "SELECT count(*) FROM activity_history WHERE action = 'UPDATED'")).isEqualTo(check.documents());
    }

    private static List<String> storedNames(JdbcClient jdbc) {
        return jdbc.sql("SELECT file_name FROM source_document").query(String.class).list().stream()
                .map(n -> Path.of(n).getFileName().toString()).toList();
    }

    private static int count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static long lines(String output, String marker) {
        return output.lines().filter(l -> l.contains(marker)).count();
    }

    private static <T> Optional<T> optional(Supplier<Optional<T>> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            return Optional.empty(); // the schema is not there yet
        }
    }

    private static <T> T await(Duration limit, Process process, Path log, Supplier<Optional<T>> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (process != null && !process.isAlive()) {
                throw new AssertionError("the import ended before the test could stop it:\n" + Files.readString(log));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("waited " + limit.toSeconds() + " s in vain; the process wrote:\n" + Files.readString(log));
    }

    private static Process startImport(EmbeddedPostgres pg, Path folder, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> args = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Doversight.reports.import-on-start=false", "org.oversight.OversightApplication", "cli", "import-reports",
                folder.toString()));
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPRING_DATASOURCE_URL", pg.getJdbcUrl("postgres", "postgres"));
        pb.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        pb.environment().put("SPRING_DATASOURCE_PASSWORD", "postgres");
        return pb.start();
    }
}
