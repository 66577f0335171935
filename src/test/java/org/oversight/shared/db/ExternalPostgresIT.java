package org.oversight.shared.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.oversight.support.Http;
import org.oversight.support.PostgresServer;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13, tried as an LA's IT team would: a separate PostgreSQL server (Debian's, not the embedded one) set up by
 * running the README's runbook as it is written (the SQL and the variables are read from README.md; only the passwords
 * and the application role's name are changed, as the runbook invites), then Oversight started against it with those
 * variables alone. It starts, with a differently named application role; it refuses to start as a superuser, as a
 * BYPASSRLS role and as the tables' owner, saying why; a backup made with {@code bin/oversight backup} restores into
 * a fresh database through the documented roles with every row of every table (tenant tables full of demo data); a
 * backup that would miss rows fails; and a {@code pg_dump} of the database restores with {@code pg_restore} and
 * Oversight starts on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalPostgresIT {

    private static final String APP_ROLE = "lbh_oversight_web";
    private final String ownerPassword = "owner-" + UUID.randomUUID();
    private final String appPassword = "app-" + UUID.randomUUID();
    private final String backupPassword = "backup-" + UUID.randomUUID();

    private PostgresServer pg;
    private Process app;
    private int appPort;
    private Path work;

    @BeforeAll
    void setUpTheServerWithTheRunbookAndStartOversight() throws Exception {
        work = Files.createTempDirectory("oversight-external");
        pg = PostgresServer.start();
        pg.psql("postgres", runbook("roles", "oversight"));
        pg.psql("postgres", runbook("database", "oversight"));
        appPort = freePort();
        app = start(env("oversight", true, Map.of("PORT", Integer.toString(appPort))), work.resolve("app.log"));
        awaitReady(app, appPort, work.resolve("app.log"));
    }

    @AfterAll
    void stop() throws Exception {
        stopApp(app);
        if (pg != null) {
            pg.close();
        }
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void startsOnTheRunbooksDatabaseWithADifferentlyNamedApplicationRole() throws Exception {
        Http http = new Http(appPort);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        try (Connection c = pg.superuser("oversight")) {
            assertThat(strings(c, "SELECT DISTINCT usename::text FROM pg_stat_activity WHERE datname = 'oversight' AND pid <> pg_backend_pid()"))
                    .as("the application's pool logs in as the runbook's application role").containsExactly(APP_ROLE);
            assertThat(strings(c, "SELECT rolname::text FROM pg_roles WHERE rolname LIKE 'oversight%' ORDER BY 1"))
                    .as("no role of the default name exists here").containsExactly("oversight_backup", "oversight_owner");
            assertThat(strings(c, "SELECT DISTINCT tableowner::text FROM pg_tables WHERE schemaname = 'public'")).containsExactly("oversight_owner");
            assertThat(strings(c, "SELECT (has_table_privilege('" + APP_ROLE + "', 'child', 'SELECT') AND has_table_privilege('" + APP_ROLE
                    + "', 'child', 'DELETE'))::text")).as("the grants follow OVERSIGHT_DB_APP_ROLE").containsExactly("true");
            assertThat(number(c, "SELECT count(*) FROM child c JOIN local_authority la ON la.id = c.la_id WHERE la.urn = 80450"))
                    .as("City of London's demo children").isPositive();
        }
        Http.Response dashboard = http.get("/api/v1/local-authorities/80450/compliance", "col.manager");
        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        assertThat(dashboard.json().get("childrenInCare").asInt()).as("an LA's own children, through the application role").isPositive();
        assertThat(http.get("/api/v1/local-authorities/80450/compliance", "southwark.manager").status()).isIn(403, 404);

        Result check = cli(env("oversight", true, Map.of()), "check-database");
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("application role \"" + APP_ROLE + "\": OK", "tables' owner (migrations) \"oversight_owner\": OK",
                "backup role \"oversight_backup\": OK", "All checks passed");
    }

    @Test
    @Order(2)
    void theApplicationRolesPasswordAloneOpensNoLa() throws Exception {
        try (Connection c = pg.connect("oversight", APP_ROLE, appPassword); Statement s = c.createStatement()) {
            s.execute("SET oversight.scope = 'system'");
            assertThat(number(c, "SELECT count(*) FROM child")).isZero();
            assertThat(number(c, "SELECT count(*) FROM local_authority")).as("the public register is public").isGreaterThanOrEqualTo(153);
            assertThatThrownBy(() -> s.execute("SELECT * FROM oversight_scope_key")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("CREATE TEMPORARY TABLE oversight_session_scope (scope text)"))
                    .as("the runbook gives it no temporary tables").hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("CREATE TABLE public.x (a int)")).hasMessageContaining("permission denied");
            assertThat(DatabaseSafety.application(c, APP_ROLE)).isEmpty();
        }
    }

    @Test
    @Order(3)
    void refusesToStartAsASuperuserABypassRlsRoleOrTheTablesOwnerAndSaysWhy() throws Exception {
        Result superuser = refusedStart(Map.of("SPRING_DATASOURCE_USERNAME", PostgresServer.SUPERUSER,
                "SPRING_DATASOURCE_PASSWORD", pg.superuserPassword()));
        assertThat(superuser.output()).contains("APPLICATION FAILED TO START", "logs in as \"postgres\", a superuser", "Fix: ");

        Result owner = refusedStart(Map.of("SPRING_DATASOURCE_USERNAME", "oversight_owner", "SPRING_DATASOURCE_PASSWORD", ownerPassword));
        assertThat(owner.output()).contains("APPLICATION FAILED TO START", "logs in as \"oversight_owner\"", "owns the tables",
                "an owner can switch row-level security off");

        Http http = new Http(appPort);
        superuserSql("ALTER ROLE " + APP_ROLE + " BYPASSRLS");
        try {
            Result bypass = refusedStart(Map.of());
            assertThat(bypass.output()).contains("APPLICATION FAILED TO START", "which has BYPASSRLS", "ALTER ROLE " + APP_ROLE + " NOBYPASSRLS;");
            Result check = cli(env("oversight", true, Map.of()), "check-database");
            assertThat(check.exit()).isEqualTo(2);
            assertThat(check.output()).contains("which has BYPASSRLS");
            assertThat(awaitReadiness(http, 503)).as("the running instance is taken out of service").isTrue();
        } finally {
            superuserSql("ALTER ROLE " + APP_ROLE + " NOBYPASSRLS");
        }
        assertThat(awaitReadiness(http, 200)).isTrue();

        superuserSql("ALTER TABLE child NO FORCE ROW LEVEL SECURITY");
        try {
            Result check = cli(env("oversight", true, Map.of()), "check-database");
            assertThat(check.exit()).isEqualTo(2);
            assertThat(check.output()).contains("Row-level security is not forced on the LA-private table child",
                    "ALTER TABLE child FORCE ROW LEVEL SECURITY;");
        } finally {
            superuserSql("ALTER TABLE child FORCE ROW LEVEL SECURITY");
        }
        superuserSql("ALTER TABLE review OWNER TO " + APP_ROLE);
        try {
            Result check = cli(env("oversight", true, Map.of()), "check-database");
            assertThat(check.exit()).isEqualTo(2);
            assertThat(check.output()).contains("\"" + APP_ROLE + "\" owns 1 of the tables (review): an owner can switch row-level security off",
                    "does not own 1 of the tables (review)");
        } finally {
            superuserSql("ALTER TABLE review OWNER TO oversight_owner");
        }
        // Handing the table back takes the application's grants with it: the check says so and how to mend it.
        Result lost = cli(env("oversight", true, Map.of()), "check-database");
        assertThat(lost.exit()).isEqualTo(2);
        assertThat(lost.output()).contains("lacks SELECT, INSERT, UPDATE or DELETE on 1 tables (review)",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON review TO " + APP_ROLE + ";");
        superuserSql("GRANT SELECT, INSERT, UPDATE, DELETE ON review TO " + APP_ROLE);
        assertThat(cli(env("oversight", true, Map.of()), "check-database").exit()).isZero();
    }

    @Test
    @Order(4)
    void aBackupRestoresEveryRowThroughTheDocumentedRoles() throws Exception {
        new Http(appPort).get("/api/v1/local-authorities/80450/compliance", "col.manager"); // one more access-log row
        stopApp(app); // so nothing changes between the backup and the comparison
        Path file = work.resolve("oversight.backup");
        Result backup = cli(env("oversight", true, Map.of()), "backup", file.toString());
        assertThat(backup.exit()).as(backup.output()).isZero();
        assertThat(backup.output()).containsPattern("Wrote .*: \\d+ tables, \\d+ rows");

        pg.psql("postgres", runbook("database", "oversight_restored"));
        Result restore = cli(env("oversight_restored", true, Map.of()), "restore", file.toString());
        assertThat(restore.exit()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Restored " + file);

        Map<String, String> original = contents("oversight");
        assertThat(contents("oversight_restored")).as("every table's rows and every sequence").isEqualTo(original);
        assertThat(privateTablesWithRows("oversight")).as("LA-private tables with rows in them")
                .contains("child", "episode", "review", "care_leaver", "import_snapshot", "annex_a_child", "child_access",
                        "improvement_plan", "plan_action", "governance_body", "yp_invitation")
                .hasSizeGreaterThanOrEqualTo(12);
        Result check = cli(env("oversight_restored", true, Map.of()), "check-database");
        assertThat(check.exit()).as("row-level security is forced again after the restore: " + check.output()).isZero();
    }

    @Test
    @Order(5)
    void aBackupThatWouldMissRowsFailsAndWritesNothing() throws Exception {
        // The README's variables without the backup role: bin/oversight backup then reads as the owner, whom row-level
        // security restricts like everyone else.
        Map<String, String> vars = new LinkedHashMap<>(env("oversight", true, Map.of()));
        vars.remove("OVERSIGHT_DB_BACKUP_USER");
        vars.remove("OVERSIGHT_DB_BACKUP_PASSWORD");
        MockEnvironment settings = new MockEnvironment(); // these variables only, read as Spring reads the environment
        settings.getPropertySources().addFirst(new SystemEnvironmentPropertySource("readme", new LinkedHashMap<>(vars)));
        assertThat(DatabaseSettings.from(settings).owner()).isEqualTo("oversight_owner");
        assertThat(DatabaseSettings.from(settings).hasBackupRole()).isFalse();
        Path file = work.resolve("as-owner.backup");
        assertThatThrownBy(() -> new DatabaseBackup(settings).backup(file)).isInstanceOf(DatabaseBackup.BackupException.class)
                .hasMessageContaining("nothing backed up: the tables' owner oversight_owner cannot read every LA's rows "
                        + "(query would be affected by row-level security policy for table")
                .hasMessageContaining("set OVERSIGHT_DB_BACKUP_USER");
        assertThat(file).doesNotExist();
        try (var left = Files.list(work)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("as-owner"));
        }
    }

    @Test
    @Order(6)
    void aPgDumpOfTheDatabaseRestoresIntoAFreshOneAndOversightStartsOnIt() throws Exception {
        Path dump = work.resolve("oversight.dump");
        pg.tool("pg_dump", "oversight_backup", backupPassword, "-Fc", "-d", "oversight", "-f", dump.toString());
        pg.psql("postgres", runbook("database", "oversight_from_dump"));
        pg.tool("pg_restore", "oversight_owner", ownerPassword, "--exit-on-error", "--single-transaction", "--no-owner",
                "-d", "oversight_from_dump", dump.toString());
        assertThat(contents("oversight_from_dump")).isEqualTo(contents("oversight"));

        assertThatThrownBy(() -> pg.tool("pg_dump", "oversight_owner", ownerPassword, "-Fc", "-d", "oversight", "-f",
                work.resolve("as-owner.dump").toString())).as("pg_dump too fails rather than miss rows")
                .hasMessageContaining("row-level security");

        int port = freePort();
        Path log = work.resolve("from-dump.log");
        Process restored = start(env("oversight_from_dump", true, Map.of("PORT", Integer.toString(port))), log);
        try {
            awaitReady(restored, port, log);
            Http http = new Http(port);
            Http.Response dashboard = http.get("/api/v1/local-authorities/80450/compliance", "col.manager");
            assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
            assertThat(dashboard.json().get("childrenInCare").asInt()).isPositive();
        } finally {
            stopApp(restored);
        }
        assertThat(cli(env("oversight_from_dump", true, Map.of()), "check-database").exit()).isZero();
    }

    // --- the runbook, as the README gives it ---

    /** The README's block after {@code <!-- runbook:NAME -->}, with this test's passwords, role name and database. */
    private String runbook(String name, String database) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("<!-- runbook:" + name + " -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has the runbook block " + name).isTrue();
        return m.group(1)
                .replace("\\set db oversight\n", "\\set db " + database + "\n")
                .replace("oversight_app", APP_ROLE)
                .replace("change-me-owner", ownerPassword)
                .replace("change-me-app", appPassword)
                .replace("change-me-backup", backupPassword);
    }

    /** The README's variables, with this server's URL and this test's passwords and role name. */
    private Map<String, String> env(String database, boolean withReadme, Map<String, String> extra) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        if (withReadme) {
            Matcher line = Pattern.compile("(?m)^export (\\w+)=(\\S+)$").matcher(runbook("variables", database));
            while (line.find()) {
                env.put(line.group(1), line.group(2).replace("jdbc:postgresql://db.example:5432/oversight", pg.jdbcUrl(database)));
            }
            assertThat(env).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_FLYWAY_USER", "OVERSIGHT_DB_BACKUP_USER");
            assertThat(env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://127.0.0.1:");
        }
        // Unlike a real server, the demo stays on: its accounts sign in, and its plans, audits, young people and
        // synthetic children fill the LA-private tables that the backups must carry.
        env.put("OVERSIGHT_DEMO", "true");
        env.put("OVERSIGHT_DEMO_PASSWORD", "test-password"); // what support.Http signs in with
        env.put("OVERSIGHT_REPORTS_IMPORT_ON_START", "false");
        env.put("OVERSIGHT_DATA_DIR", work.resolve("data").toString());
        env.putAll(extra);
        return env;
    }

    // --- Oversight as a separate process ---

    private record Result(int exit, String output) {
    }

    private Process start(Map<String, String> env, Path log, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Doversight.db.check-interval=1s", "-cp",
                System.getProperty("java.class.path"), "org.oversight.OversightApplication"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("OVERSIGHT_") || k.equals("PORT"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private Result cli(Map<String, String> env, String... args) throws Exception {
        Path log = Files.createTempFile(work, "cli", ".log");
        List<String> command = new ArrayList<>(List.of("cli"));
        command.addAll(List.of(args));
        Process p = start(env, log, command.toArray(String[]::new));
        boolean finished = p.waitFor(240, TimeUnit.SECONDS);
        p.destroyForcibly();
        String output = Files.readString(log);
        assertThat(finished).as(output).isTrue();
        return new Result(p.exitValue(), output);
    }

    /** A web start that must be refused: the process ends, non-zero, before it serves. */
    private Result refusedStart(Map<String, String> overrides) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(env("oversight", true, Map.of("PORT", Integer.toString(freePort()))));
        env.putAll(overrides);
        Path log = Files.createTempFile(work, "refused", ".log");
        Process p = start(env, log);
        boolean finished = p.waitFor(240, TimeUnit.SECONDS);
        p.destroyForcibly();
        String output = Files.readString(log);
        assertThat(finished).as("refused and stopped: " + output).isTrue();
        assertThat(p.exitValue()).as(output).isNotZero();
        return new Result(p.exitValue(), output);
    }

    private static void awaitReady(Process process, int port, Path log) throws Exception {
        Http http = new Http(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (true) {
            assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("started in time: " + Files.readString(log)).isLessThan(deadline);
            try {
                if (http.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
    }

    private static boolean awaitReadiness(Http http, int status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (http.get("/actuator/health/readiness").status() == status) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static void stopApp(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- looking at the server as its superuser ---

    private void superuserSql(String sql) throws SQLException {
        try (Connection c = pg.superuser("oversight"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Row count and a digest of every row, per table, and every sequence's value. */
    private Map<String, String> contents(String database) throws SQLException {
        Map<String, String> contents = new LinkedHashMap<>();
        try (Connection c = pg.superuser(database)) {
            for (String table : DatabaseBackup.tablesInLoadOrder(c)) {
                contents.put(table, strings(c, "SELECT count(*) || ' rows, ' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '-') FROM "
                        + DatabaseBackup.quote(table) + " t").getFirst());
            }
            for (String s : strings(c, "SELECT sequencename || ' ' || coalesce(last_value::text, '-') FROM pg_sequences WHERE schemaname = 'public'")) {
                contents.put("sequence " + s.substring(0, s.indexOf(' ')), s.substring(s.indexOf(' ') + 1));
            }
        }
        return contents;
    }

    private List<String> privateTablesWithRows(String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = pg.superuser(database)) {
            for (String table : strings(c, "SELECT DISTINCT table_name::text FROM information_schema.columns WHERE table_schema = 'public' "
                    + "AND column_name = 'la_id' ORDER BY 1")) {
                if (!DatabaseSafety.PUBLIC_TABLES.contains(table) && number(c, "SELECT count(*) FROM " + DatabaseBackup.quote(table)) > 0) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
