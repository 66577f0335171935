package org.oversight.childdata.ssd;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.cin.SyntheticCinCensus;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made by the migrations before {@code V43_16} (main's latest, {@code V42_16}), holding an extract, migrates
 * with every row and value intact: in a database of its own on the test server, the store is written at 42.16 as the
 * importer writes it, then migrated to the latest version; every table's rows, the tables' row-level security, policies,
 * grants, triggers and comments are the same after as before, and every index of the store is packed full.
 */
@SpringBootTest
class SsdStoreMigrationIT extends IntegrationTest {

    private static final String BEFORE = "42.16";

    @Autowired
    Environment env;
    @Autowired
    Clock clock;

    @Test
    void aStoreMadeBeforeV43_16KeepsEveryRowAndEverythingOnItsTablesAndItsIndexesArePackedFull() throws Exception {
        String url = env.getRequiredProperty("spring.flyway.url");
        String user = env.getRequiredProperty("spring.flyway.user");
        String password = env.getRequiredProperty("spring.flyway.password");
        String name = "ssd_migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection server = DriverManager.getConnection(url, user, password); Statement s = server.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String database = url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try {
            flyway(database, user, password, BEFORE).migrate();
            Map<String, String> rowsBefore;
            Map<String, String> catalogBefore;
            Map<String, Long> indexesBefore;
            SsdData written;
            UUID snapshot;
            try (Connection c = DriverManager.getConnection(database, user, password)) {
                JdbcClient jdbc = ownerInSystemScope(c);
                assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL AND success ORDER BY installed_rank DESC LIMIT 1")
                        .query(String.class).single()).isEqualTo(BEFORE);
                UUID la = jdbc.sql("""
                        INSERT INTO local_authority (urn, la_code, name, region_code, region_name, active)
                        VALUES (80330, '330', 'Birmingham', 'E12000005', 'West Midlands', true) RETURNING id""").query(UUID.class).single();
                written = SyntheticJourney.of(SyntheticCinCensus.for2025to26("330", 300, 7).census(), 7);
                SsdStore store = new SsdStore(jdbc, new SingleConnectionDataSource(c, true), clock, 1);
                snapshot = store.newSnapshot(la, "2025-26", JourneyImporter.SSD, "SsdStoreMigrationIT", "test", LocalDate.of(2026, 3, 31),
                        written.total(), 0);
                store.write(snapshot, la, written);
                c.commit();
                rowsBefore = rows(jdbc);
                catalogBefore = catalog(jdbc);
                indexesBefore = indexSizes(jdbc);
                c.commit();
            }
            assertThat(rowsBefore.values()).as("the extract is in the store before the migration").allMatch(v -> !v.startsWith("0 rows"));

            flyway(database, user, password, "latest").migrate();
            try (Connection c = DriverManager.getConnection(database, user, password)) {
                JdbcClient jdbc = ownerInSystemScope(c);
                assertThat(rows(jdbc)).as("every row and value of every table").isEqualTo(rowsBefore);
                assertThat(catalog(jdbc)).as("row-level security, policies, grants, triggers and comments").isEqualTo(catalogBefore);
                SsdStore store = new SsdStore(jdbc, new SingleConnectionDataSource(c, true), clock);
                SsdData back = store.read(snapshot, SsdSchema.get().tables().stream().map(SsdSchema.Table::name).toList());
                for (SsdSchema.Table t : SsdSchema.get().tables()) {
                    assertThat(sorted(back.rows(t.name()))).as(t.name() + ", as written").isEqualTo(sorted(written.rows(t.name())));
                }
                Map<String, Long> indexesAfter = indexSizes(jdbc);
                assertThat(indexesAfter.keySet()).isEqualTo(indexesBefore.keySet());
                assertThat(jdbc.sql("""
                        SELECT ic.relname FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid JOIN pg_class tc ON tc.oid = x.indrelid
                         WHERE tc.relname LIKE 'ssd\\_%' AND tc.relkind = 'r' AND tc.relnamespace = current_schema()::regnamespace
                           AND NOT coalesce(ic.reloptions @> ARRAY['fillfactor=100'], false)""").query(String.class).list())
                        .as("indexes of the store not packed full").isEmpty();
                assertThat(indexesAfter.get("pk_ssd_cin_visits")).as("the CIN visits' primary key, rebuilt full")
                        .isLessThan(indexesBefore.get("pk_ssd_cin_visits"));
                assertThat(indexesAfter.values().stream().mapToLong(Long::longValue).sum())
                        .isLessThan(indexesBefore.values().stream().mapToLong(Long::longValue).sum());
                c.commit();
            }
        } finally {
            try (Connection server = DriverManager.getConnection(url, user, password); Statement s = server.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private Flyway flyway(String url, String user, String password, String target) {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target(target)
                .placeholders(Map.of("create-app-role", "false", "app-role", env.getRequiredProperty("oversight.db.app-role"),
                        "backup-role", env.getProperty("oversight.db.backup-role", "")))
                // as application.yml's spring.flyway.init-sqls
                .initSql("""
                        SET oversight.scope = 'system';
                        DO $$ BEGIN IF to_regprocedure('oversight_enter_scope_as_owner(text,uuid)') IS NOT NULL THEN
                        IF has_table_privilege('oversight_scope_key', 'SELECT') THEN PERFORM oversight_enter_scope_as_owner('system');
                        END IF; END IF; END $$""").load();
    }

    /** The tables' owner, in the system scope of row-level security (as the migrations run), in a transaction. */
    private static JdbcClient ownerInSystemScope(Connection c) throws Exception {
        c.setAutoCommit(false);
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
        jdbc.sql("SELECT oversight_enter_scope_as_owner('system', NULL)").query(Object.class).list();
        return jdbc;
    }

    /** Every store table's row count and a digest of its rows, each row as JSON (so column order does not matter), in order. */
    private static Map<String, String> rows(JdbcClient jdbc) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SsdSchema.Table t : SsdSchema.get().tables()) {
            out.put(t.name(), jdbc.sql("SELECT count(*) || ' rows, ' || md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) FROM (SELECT to_jsonb(t)::text AS r FROM "
                    + t.name() + " t) x").query(String.class).single());
        }
        return out;
    }

    /** What lives on the store's tables besides their rows and indexes. */
    private static Map<String, String> catalog(JdbcClient jdbc) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SsdSchema.Table t : SsdSchema.get().tables()) {
            String table = t.name();
            out.put(table + " security and grants", jdbc.sql("SELECT relrowsecurity || ' ' || relforcerowsecurity || ' ' || coalesce(relacl::text, '') FROM pg_class WHERE oid = ?::regclass")
                    .param(table).query(String.class).single());
            out.put(table + " policies", String.join("; ", jdbc.sql("SELECT policyname || ' ' || cmd || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '') FROM pg_policies WHERE tablename = ? ORDER BY policyname")
                    .param(table).query(String.class).list()));
            out.put(table + " triggers", String.join("; ", jdbc.sql("SELECT tgname || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = ?::regclass ORDER BY tgname")
                    .param(table).query(String.class).list()));
            out.put(table + " constraints", String.join("; ", jdbc.sql("SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass ORDER BY conname")
                    .param(table).query(String.class).list()));
            out.put(table + " comments", String.join("; ", jdbc.sql("""
                    SELECT a.attname || ' ' || col_description(a.attrelid, a.attnum) FROM pg_attribute a
                     WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND col_description(a.attrelid, a.attnum) IS NOT NULL ORDER BY a.attnum""")
                    .param(table).query(String.class).list()));
            out.put(table + " columns", String.join(", ", jdbc.sql("""
                    SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                      FROM pg_attribute a WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""")
                    .param(table).query(String.class).list()));
        }
        assertThat(out.get("ssd_cin_visits triggers")).as("the statement-level reference triggers of V42_16").contains("ck_ssd_cin_visits_insert");
        assertThat(out.get("ssd_cin_visits policies")).as("the row-level security policy").contains("la_isolation");
        return out;
    }

    private static Map<String, Long> indexSizes(JdbcClient jdbc) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT ic.relname, pg_relation_size(ic.oid) FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid JOIN pg_class tc ON tc.oid = x.indrelid
                 WHERE tc.relname LIKE 'ssd\\_%' AND tc.relkind = 'r' AND tc.relnamespace = current_schema()::regnamespace ORDER BY ic.relname""")
                .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    private static List<String> sorted(List<String[]> rows) {
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(String.join("\u0001", java.util.Arrays.stream(r).map(v -> v == null ? "\u0000" : v).toList()));
        }
        out.sort(null);
        return out;
    }
}
