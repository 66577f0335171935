package org.oversight.reports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
            int storedWhenKilled = killMidDocument(ds, jdbc, first, firstLog, () -> {
            });

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

            // The check does see damage: a document cut in half, and an activity that lost its on-site dates.
            jdbc.sql("UPDATE source_document SET content = substring(content FROM 1 FOR octet_length(content) / 2) WHERE file_name LIKE ?")
                    .param("%80496-hackney-2016-09-21.pdf").update();
            String undated = jdbc.sql("""
                    SELECT a.id::text FROM inspection_activity a JOIN source_document d ON d.sha256 = a.source_document_sha256
                     WHERE d.file_name LIKE '%80578-west-sussex-2019-05-08.pdf'""").query(String.class).single();
            jdbc.sql("DELETE FROM on_site_range WHERE activity_id = ?::uuid").param(undated).update();
            List<String> problems = new DocumentCheck(jdbc).run().problems();
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("80496-hackney-2016-09-21.pdf): its bytes do not match its SHA-256"))
                    .anySatisfy(p -> assertThat(p).contains("80496-hackney-2016-09-21.pdf): PDF is damaged"))
                    .anySatisfy(p -> assertThat(p).isEqualTo("activity " + undated + ": read from a document but has no on-site dates"))
                    .hasSize(3);
        }
    }

    /**
     * The same through the web: an analyst uploads the folder as one import job, the server is killed half-way, and
     * when it starts again it carries on with the job by itself and finishes it.
     */
    @Test
    void aServerKilledDuringAnUploadedImportFinishesTheJobWhenItStartsAgain() throws Exception {
        Path folder = Path.of("data/ofsted-reports").toAbsolutePath();
        List<Path> pdfs;
        try (Stream<Path> files = Files.list(folder)) {
            pdfs = files.filter(p -> p.getFileName().toString().endsWith(".pdf")).sorted().toList();
        }
        List<String> names = pdfs.stream().map(p -> p.getFileName().toString()).toList();
        List<String> importable = names.stream().filter(n -> !n.equals("80490-bromley-2012-08-17.pdf")).toList();
        List<String> beforeTheBlock = importable.stream().filter(n -> n.compareTo(BLOCKED_URN + "-") < 0).toList();

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start()) {
            DataSource ds = pg.getPostgresDatabase();
            JdbcClient jdbc = JdbcClient.create(ds);
            int port = freePort();
            Map<String, String> env = Map.of("PORT", Integer.toString(port), "OVERSIGHT_DEMO_PASSWORD", "test-password");
            Path firstLog = Files.createTempFile("oversight-server-killed", ".log");
            Process first = start(pg, firstLog, env);
            String[] job = new String[1];
            int storedWhenKilled = killMidDocument(ds, jdbc, first, firstLog, () -> {
                awaitHealthy(port, first, firstLog);
                job[0] = upload(port, "analyst", pdfs);
            });
            assertThat(job[0]).isNotNull();
            UUID jobId = UUID.fromString(job[0]);

            assertThat(storedWhenKilled).isEqualTo(beforeTheBlock.size());
            assertThat(storedNames(jdbc)).containsExactlyInAnyOrderElementsOf(beforeTheBlock);
            assertWhole(jdbc);
            // The job remembers where it stopped: the files done have their outcome (and their bytes are gone), the rest
            // wait with their bytes.
            assertThat(jdbc.sql("SELECT finished_at IS NULL FROM import_job WHERE id = ?").param(jobId).query(Boolean.class).single()).isTrue();
            assertThat(count(jdbc, "SELECT count(*) FROM import_job_file WHERE outcome <> 'WAITING' AND content IS NULL"))
                    .isEqualTo(beforeTheBlock.size() + 1);
            assertThat(count(jdbc, "SELECT count(*) FROM import_job_file WHERE outcome = 'WAITING' AND content IS NOT NULL"))
                    .isEqualTo(names.size() - beforeTheBlock.size() - 1);

            Path secondLog = Files.createTempFile("oversight-server-again", ".log");
            Process second = start(pg, secondLog, env);
            try {
                await(Duration.ofSeconds(240), second, secondLog, () -> jdbc.sql("SELECT finished_at FROM import_job WHERE id = ? AND finished_at IS NOT NULL")
                        .param(jobId).query(Object.class).optional());
                assertThat(count(jdbc, "SELECT count(*) FROM import_job_file WHERE outcome = 'WAITING'")).isZero();
                assertThat(count(jdbc, "SELECT count(*) FROM import_job_file WHERE outcome = 'FAILED'")).isEqualTo(1);
                assertThat(count(jdbc, "SELECT count(*) FROM import_job_file WHERE content IS NOT NULL")).isZero();
                assertThat(storedNames(jdbc)).containsExactlyInAnyOrderElementsOf(importable);
                assertWhole(jdbc);
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
                second.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static void awaitHealthy(int port, Process process, Path log) throws Exception {
        await(Duration.ofSeconds(240), process, log, () -> {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 ? Optional.of(true) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Signs in through the login form and uploads the files as one import, as the upload page does; returns the job id. */
    private static String upload(int port, String user, List<Path> files) throws Exception {
        String base = "http://localhost:" + port;
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String session = sessionCookie(login, null);
        String form = "username=" + user + "&password=test-password&_csrf=" + csrf(login.body());
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        session = sessionCookie(signedIn, session);
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/imports/reports"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String boundary = "oversight-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Path file : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.getFileName()
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/imports/reports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", session)
                .header("X-CSRF-TOKEN", csrf(page.body())).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/imports/reports/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String csrf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private static String sessionCookie(HttpResponse<?> response, String otherwise) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("((?:JSESSIONID|SESSION)=[^;]+)").matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        assertThat(otherwise).as("a session cookie").isNotNull();
        return otherwise;
    }

    /**
     * Locks Hackney's register row (once the register is loaded), runs {@code afterLock}, waits until an import
     * transaction has stored Hackney's document and waits for that lock to add its activity (the foreign key to the
     * LA), then kills the process with SIGKILL and releases the lock once it is dead. Returns the number of documents
     * stored when it was killed.
     */
    private static int killMidDocument(DataSource ds, JdbcClient jdbc, Process process, Path log, ThrowingRunnable afterLock)
            throws Exception {
        try {
            await(Duration.ofSeconds(240), process, log, () -> optional(() ->
                    jdbc.sql("SELECT id FROM local_authority WHERE urn = ?").param(BLOCKED_URN).query(Object.class).optional()));
            int stored;
            try (Connection blocker = ds.getConnection(); Statement st = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                st.execute("SELECT id FROM local_authority WHERE urn = " + BLOCKED_URN + " FOR UPDATE");
                afterLock.run();
                await(Duration.ofSeconds(240), process, log, () -> jdbc.sql("""
                        SELECT a.pid FROM pg_stat_activity a
                         WHERE a.wait_event_type = 'Lock' AND cardinality(pg_blocking_pids(a.pid)) > 0
                           AND a.query ILIKE '%INSERT INTO inspection_activity%'
                        """).query(Integer.class).optional());
                stored = count(jdbc, "SELECT count(*) FROM source_document");
                assertThat(process.isAlive()).isTrue();
                process.destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
                blocker.rollback();
            }
            // The dead process's server sessions end (the blocked one rolls back when it finds its client gone).
            await(Duration.ofSeconds(30), null, log, () -> count(jdbc, """
                    SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
                    """) == 0 ? Optional.of(true) : Optional.empty());
            return stored;
        } finally {
            process.destroyForcibly();
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
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
        return start(pg, log, Map.of(), "cli", "import-reports", folder.toString());
    }

    private static Process start(EmbeddedPostgres pg, Path log, Map<String, String> env, String... words) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // As on the embedded database: the superuser owns the tables and migrates (making the application's role on a
        // fresh server), the application logs in as oversight_app (Oversight refuses to start as a superuser).
        List<String> args = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Doversight.reports.import-on-start=false", "-Doversight.reports.national-dataset-on-start=false",
                "-Dspring.flyway.placeholders.create-app-role=true",
                "org.oversight.OversightApplication"));
        args.addAll(List.of(words));
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres");
        pb.environment().put("SPRING_DATASOURCE_USERNAME", "oversight_app");
        pb.environment().put("SPRING_DATASOURCE_PASSWORD", "oversight_app");
        pb.environment().put("SPRING_FLYWAY_USER", "postgres");
        pb.environment().put("SPRING_FLYWAY_PASSWORD", "postgres");
        pb.environment().putAll(env);
        return pb.start();
    }
}
