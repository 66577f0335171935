package org.oversight.shared.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.cin.CinCensusWriter;
import org.oversight.childdata.cin.SyntheticCinCensus;
import org.oversight.support.Http;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8, backup and restore: the test application's database (the register, the bundled Ofsted reports, the demo
 * accounts, activities and plans) is backed up, restored by {@code bin/oversight restore} into a fresh PostgreSQL, and
 * every table has the same rows (count and digest of its contents); the stored documents pass the document check; the
 * application serves the restored plan; a damaged backup is refused and changes nothing.
 */
@SpringBootTest
class BackupRestoreIT extends IntegrationTest {

    @Autowired
    DatabaseBackup backups;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBackupRestoresIntoAFreshDatabaseWithTheSameRowsAndTheApplicationWorksOnIt() throws Exception {
        assertThat(count(jdbc, "local_authority")).isGreaterThan(150);
        assertThat(count(jdbc, "source_document")).isPositive();
        assertThat(count(jdbc, "improvement_plan")).isPositive();
        assertThat(count(jdbc, "plan_action")).isPositive();
        // A store with snapshots (issue 16): their rows name them by number, an identity a restore must carry on.
        String url = jdbc.sql("SELECT 'jdbc:postgresql://localhost:' || current_setting('port') || '/' || current_database()")
                .query(String.class).single();
        Path census = Files.createTempDirectory("oversight-backup-census").resolve("census.xml");
        try (OutputStream out = Files.newOutputStream(census)) {
            CinCensusWriter.write(SyntheticCinCensus.for2025to26(CORNWALL_CODE, 40, 8).census(), out); // an LA no other test gives data
        }
        assertThat(run(url, "cli", "import-cin", "--la", Integer.toString(CORNWALL), census.toString())).contains("Stored snapshot");
        int lastNumber = lastSnapshotNumber(jdbc);
        assertThat(storedUnder(jdbc, lastNumber)).isEqualTo(40);
        Map<String, String> original = contents(dataSource);
        assertThat(original.keySet()).contains("ssd_person", "ssd_cin_episodes", "sequence import_snapshot_no_seq");
        Path file = Files.createTempDirectory("oversight-backup").resolve("oversight.backup");
        DatabaseBackup.Summary made = backups.backup(file);
        assertThat(made.tables()).extracting(DatabaseBackup.Table::name).containsAll(List.of("local_authority", "source_document",
                "inspection_activity", "improvement_plan", "plan_action", "app_user"));
        assertThat(made.tables().stream().filter(t -> t.name().equals("source_document")).findFirst().orElseThrow().rows())
                .isEqualTo(count(jdbc, "source_document"));
        // Parents before children: a plan's activity is loaded before the plan.
        List<String> order = made.tables().stream().map(DatabaseBackup.Table::name).toList();
        assertThat(order.indexOf("local_authority")).isLessThan(order.indexOf("inspection_activity"));
        assertThat(order.indexOf("inspection_activity")).isLessThan(order.indexOf("improvement_plan"));

        // The same through bin/oversight's command, while the application could be running.
        Path cliFile = file.resolveSibling("cli.backup");
        assertThat(run(url, "cli", "backup", cliFile.toString())).contains("Wrote " + cliFile + ": " + made.tables().size() + " tables, "
                + made.rows() + " rows");

        try (EmbeddedPostgres fresh = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start()) {
            String restored = run(url(fresh), "cli", "restore", cliFile.toString());
            assertThat(restored).contains("Restored " + cliFile + ": " + made.tables().size() + " tables, " + made.rows() + " rows");
            DataSource target = fresh.getPostgresDatabase();
            assertThat(contents(target)).as("every table's rows and every sequence").isEqualTo(original);
            JdbcClient restoredDb = JdbcClient.create(target);
            assertThat(restoredDb.sql("SELECT count(*) FROM source_document WHERE encode(sha256(content), 'hex') <> sha256")
                    .query(Integer.class).single()).isZero();
            assertThat(run(url(fresh), "cli", "check-documents")).contains(count(jdbc, "source_document") + " documents").contains(", 0 problems");

            // A damaged backup is refused before anything is changed.
            Path damaged = file.resolveSibling("damaged.backup");
            damage(file, damaged, "plan_action");
            DatabaseBackup onFresh = new DatabaseBackup(target);
            assertThatThrownBy(() -> onFresh.restore(damaged)).isInstanceOf(DatabaseBackup.BackupException.class)
                    .hasMessageContaining("the rows of table plan_action do not match their SHA-256");
            assertThatThrownBy(() -> onFresh.restore(file.resolveSibling("missing.backup")))
                    .isInstanceOf(DatabaseBackup.BackupException.class).hasMessageContaining("no such file");
            assertThat(contents(target)).isEqualTo(original);

            // The restored store numbers a new snapshot after the restored ones: the sequence came back too.
            assertThat(lastSnapshotNumber(restoredDb)).isEqualTo(lastNumber);
            assertThat(run(url(fresh), "cli", "import-cin", "--la", Integer.toString(CORNWALL), census.toString())).contains("Stored snapshot");
            int next = lastSnapshotNumber(restoredDb);
            assertThat(next).isGreaterThan(lastNumber);
            assertThat(storedUnder(restoredDb, next)).isEqualTo(40);
            assertThat(storedUnder(restoredDb, lastNumber)).as("the restored snapshot keeps its rows, superseded").isEqualTo(40);
            assertThat(restoredDb.sql("SELECT superseded_at IS NOT NULL FROM import_snapshot WHERE no = ?").param(lastNumber)
                    .query(Boolean.class).single()).isTrue();

            // The application runs on the restored database and shows the restored plan to its LA.
            UUID plan = jdbc.sql("SELECT p.id FROM improvement_plan p JOIN local_authority la ON la.id = p.la_id WHERE la.urn = 80450 LIMIT 1")
                    .query(UUID.class).single();
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("oversight-restored", ".log");
            Process server = start(url(fresh), log, Map.of("PORT", Integer.toString(port)));
            try {
                Http http = new Http(port);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!healthy(http)) {
                    assertThat(server.isAlive()).as(Files.readString(log)).isTrue();
                    assertThat(System.nanoTime()).as("started in time: " + Files.readString(log)).isLessThan(deadline);
                    Thread.sleep(250);
                }
                Http.Response page = http.get("/plans/" + plan, "col.manager");
                assertThat(page.status()).isEqualTo(200);
                String title = jdbc.sql("SELECT title FROM improvement_plan WHERE id = ?").param(plan).query(String.class).single();
                assertThat(page.body()).contains(org.springframework.web.util.HtmlUtils.htmlEscape(title));
                assertThat(http.get("/local-authorities/80450", "col.manager").status()).isEqualTo(200);
                assertThat(http.get("/plans/" + plan, "southwark.manager").status()).isIn(403, 404);
            } finally {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
                server.destroyForcibly();
            }
        }
    }

    /** Cornwall: an LA no other test gives child-level data. */
    private static final int CORNWALL = 80454;
    private static final String CORNWALL_CODE = "908";

    private static int lastSnapshotNumber(JdbcClient db) {
        return db.sql("SELECT max(no) FROM import_snapshot").query(Integer.class).single();
    }

    /** The children stored under a snapshot's number (read as the table's owner: no tenant scope). */
    private static int storedUnder(JdbcClient db, int number) {
        return db.sql("SELECT count(*) FROM ssd_person WHERE snapshot_no = ?").param(number).query(Integer.class).single();
    }

    private static boolean healthy(Http http) {
        try {
            return http.get("/actuator/health").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Row count and a digest of every row, per table, and every sequence's value: what a restore must give back. */
    static Map<String, String> contents(DataSource ds) throws Exception {
        Map<String, String> contents = new LinkedHashMap<>();
        JdbcClient db = JdbcClient.create(ds);
        List<String> tables;
        try (Connection c = ds.getConnection()) {
            tables = DatabaseBackup.tablesInLoadOrder(c);
        }
        for (String table : tables) {
            contents.put(table, db.sql("SELECT count(*) || ' rows, ' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '-') FROM "
                    + DatabaseBackup.quote(table) + " t").query(String.class).single());
        }
        db.sql("SELECT sequencename, coalesce(last_value::text, '-') FROM pg_sequences WHERE schemaname = current_schema()")
                .query(rs -> {
                    contents.put("sequence " + rs.getString(1), rs.getString(2));
                });
        return contents;
    }

    private static int count(JdbcClient db, String table) {
        return db.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
    }

    /** A copy of the backup with the last bytes of one table's rows cut off (a truncated or tampered file). */
    private static void damage(Path from, Path to, String table) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (entry.getName().endsWith("-" + table + ".copy")) {
                    bytes = Arrays.copyOf(bytes, bytes.length - 10);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    private static String url(EmbeddedPostgres pg) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres"; // no user in the URL: it would win over the configured one
    }

    private static String run(String url, String... args) throws Exception {
        Path log = Files.createTempFile("oversight-cli", ".log");
        Process process = start(url, log, Map.of(), args);
        boolean finished = process.waitFor(300, TimeUnit.SECONDS); // generous: a busy 2-core machine starts a JVM slowly
        process.destroyForcibly();
        String output = Files.readString(log);
        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static Process start(String url, Path log, Map<String, String> env, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The embedded database's roles: the superuser owns the tables and migrates (creating the application's role on a
        // fresh server); the application logs in as oversight_app, as Oversight insists.
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Doversight.reports.import-on-start=false", "-Dspring.flyway.placeholders.create-app-role=true",
                "org.oversight.OversightApplication"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPRING_DATASOURCE_URL", url);
        pb.environment().put("SPRING_DATASOURCE_USERNAME", TenantScope.EMBEDDED_APP_ROLE);
        pb.environment().put("SPRING_DATASOURCE_PASSWORD", TenantScope.EMBEDDED_APP_ROLE);
        pb.environment().put("SPRING_FLYWAY_USER", "postgres");
        pb.environment().put("SPRING_FLYWAY_PASSWORD", "postgres");
        pb.environment().putAll(env);
        return pb.start();
    }
}
