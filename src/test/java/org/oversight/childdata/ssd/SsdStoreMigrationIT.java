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
 * A database made by the migrations before {@code V44_16} (the snapshot's number in the store's rows; {@code V43_16} before
 * it), holding two snapshots of an extract, migrates with every row and value intact: in a database of its own on the test
 * server, the store is written at 43.16 as the importer wrote it then (each row naming its snapshot's id), then migrated
 * to the latest version; every row of every table is there with the same values, now naming its snapshot by the
 * snapshot's number; the tables' row-level security, policies, grants, triggers and constraints are the same but for the
 * column's name and type, every index of the store is packed full and smaller, new snapshots are numbered after the old
 * ones, and the triggers still refuse and cascade.
 */
@SpringBootTest
class SsdStoreMigrationIT extends IntegrationTest {

    private static final String BEFORE = "43.16";

    /** The store's tables at 43.16 (V20_16's); the looked-after ones came with V45_16. */
    private static final List<String> AT_43_16 = List.of("ssd_person", "ssd_disability", "ssd_department", "ssd_professionals", "ssd_contacts",
            "ssd_early_help_episodes", "ssd_cin_episodes", "ssd_cin_assessments", "ssd_assessment_factors", "ssd_cin_plans", "ssd_cin_visits",
            "ssd_s47_enquiry", "ssd_initial_cp_conference", "ssd_cp_plans", "ssd_cp_visits", "ssd_cp_reviews", "ssd_involvements");

    private static List<SsdSchema.Table> tablesAt43_16() {
        return SsdSchema.get().tables().stream().filter(t -> AT_43_16.contains(t.name())).toList();
    }
    private static final String NUMBER_COMMENT = "snapshot_no The import this row belongs to: import_snapshot.no (its number, not its id: V44_16)";

    @Autowired
    Environment env;
    @Autowired
    Clock clock;

    @Test
    void aStoreMadeBeforeV44_16KeepsEveryRowNowNamingItsSnapshotByNumberAndEverythingOnItsTables() throws Exception {
        inNewDatabase((database, user, password) -> {
            flyway(database, user, password, BEFORE).migrate();
            Map<String, String> rowsBefore;
            Map<String, String> catalogBefore;
            Map<String, Long> indexesBefore;
            Map<String, Long> tablesBefore;
            SsdData written;
            UUID earlier;
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
                earlier = store.newSnapshot(la, "2025-26", JourneyImporter.SSD, "SsdStoreMigrationIT", "test", LocalDate.of(2026, 3, 31),
                        written.total(), 0);
                writeAt43_16(jdbc, earlier, la, SyntheticJourney.of(SyntheticCinCensus.for2025to26("330", 40, 3).census(), 3));
                snapshot = store.newSnapshot(la, "2025-26", JourneyImporter.SSD, "SsdStoreMigrationIT", "test", LocalDate.of(2026, 3, 31),
                        written.total(), 0);
                writeAt43_16(jdbc, snapshot, la, written);
                c.commit();
                rowsBefore = rows(jdbc, "snapshot_id", "id");
                catalogBefore = catalog(jdbc);
                indexesBefore = indexSizes(jdbc);
                tablesBefore = tableSizes(jdbc);
                c.commit();
            }
            assertThat(rowsBefore.values()).as("the extract is in the store before the migration").allMatch(v -> !v.startsWith("0 rows"));

            flyway(database, user, password, "latest").migrate();
            try (Connection c = DriverManager.getConnection(database, user, password)) {
                JdbcClient jdbc = ownerInSystemScope(c);
                assertThat(rows(jdbc, "snapshot_no", "no")).as("every row and value of every table, each of the same snapshot").isEqualTo(rowsBefore);
                assertThat(catalog(jdbc)).as("row-level security, policies, grants, triggers, constraints and comments")
                        .isEqualTo(withoutLaForeignKeys(withSnapshotNumber(catalogBefore)));
                List<Integer> numbers = jdbc.sql("SELECT no FROM import_snapshot WHERE id = ANY(?) ORDER BY imported_at")
                        .param(new UUID[] {earlier, snapshot}).query(Integer.class).list();
                assertThat(numbers).as("the snapshots numbered in the order they were imported").hasSize(2);
                assertThat(numbers.get(0)).isLessThan(numbers.get(1));
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
                Map<String, Long> tablesAfter = tableSizes(jdbc);
                assertThat(tablesAfter.get("ssd_cin_visits")).as("the CIN visits, 12 bytes a row fewer").isLessThan(tablesBefore.get("ssd_cin_visits"));
                assertThat(tablesAfter.values().stream().mapToLong(Long::longValue).sum())
                        .isLessThan(tablesBefore.values().stream().mapToLong(Long::longValue).sum());

                // a new snapshot takes the next number, and the store takes its rows as the importer writes them
                UUID after = store.newSnapshot(jdbc.sql("SELECT la_id FROM import_snapshot WHERE id = ?").param(snapshot).query(UUID.class).single(),
                        "2025-26", JourneyImporter.SSD, "SsdStoreMigrationIT", "test", LocalDate.of(2026, 3, 31), 0, 0);
                assertThat(SsdStore.number(jdbc, after)).isGreaterThan(numbers.get(1));
                SsdData small = SyntheticJourney.of(SyntheticCinCensus.for2025to26("330", 20, 5).census(), 5);
                store.write(after, jdbc.sql("SELECT la_id FROM import_snapshot WHERE id = ?").param(after).query(UUID.class).single(), small);
                assertThat(store.read(after, List.of("ssd_person")).rows("ssd_person")).hasSameSizeAs(small.rows("ssd_person"));
                // the triggers, on the number: a row of no snapshot is refused, deleting a snapshot deletes its rows only
                int nowhere = jdbc.sql("SELECT max(no) + 1000 FROM import_snapshot").query(Integer.class).single();
                jdbc.sql("SAVEPOINT refused").update();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("INSERT INTO ssd_department (snapshot_no, la_id, dept_team_id, dept_team_name) "
                        + "SELECT ?, la_id, 'T1', 'Team' FROM import_snapshot WHERE id = ?").params(nowhere, after).update())
                        .hasMessageContaining("fk_ssd_department_snapshot");
                jdbc.sql("ROLLBACK TO SAVEPOINT refused").update();
                jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(earlier).update();
                assertThat(jdbc.sql("SELECT count(*) FROM ssd_cin_visits WHERE snapshot_no = ?").param(numbers.get(0)).query(Integer.class).single())
                        .as("the earlier snapshot's rows deleted with it").isZero();
                assertThat(store.read(snapshot, List.of("ssd_cin_visits")).rows("ssd_cin_visits")).hasSameSizeAs(written.rows("ssd_cin_visits"));
                c.commit();
            }
        });
    }

    /**
     * {@code V46_16} copies every SSDA903 snapshot already stored into the SSD store: a database made at 45.16 holding
     * two SSDA903 snapshots of generated returns (one superseded) and an SSD snapshot migrates; each 903 snapshot then has
     * an ssd_person row per child (with its date of birth, sex, ethnicity, UPN) and exactly the looked-after rows that
     * {@link Ssda903ToSsd} makes of the same return, every 903 row is still there unchanged, and the SSD snapshot gains nothing.
     */
    @Test
    void aStoreMadeBeforeV46_16HasEverySsda903SnapshotsRowsInTheSsdTablesAfterIt() throws Exception {
        inNewDatabase((database, user, password) -> {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("oversight-v46");
            try {
                flyway(database, user, password, "45.16").migrate();
                Map<UUID, org.oversight.childdata.ssda903.Ssda903Return> returns = new LinkedHashMap<>();
                UUID journey;
                String rows903Before;
                try (Connection c = DriverManager.getConnection(database, user, password)) {
                    JdbcClient jdbc = ownerInSystemScope(c);
                    UUID la = jdbc.sql("""
                            INSERT INTO local_authority (urn, la_code, name, region_code, region_name, active)
                            VALUES (80450, '201', 'City of London', 'E12000007', 'London', true) RETURNING id""").query(UUID.class).single();
                    for (long seed : new long[] {3, 4}) {
                        org.oversight.childdata.ssda903.SyntheticData.generate("la", seed, List.of("201"), dir.resolve("s" + seed));
                        Map<String, byte[]> files = new LinkedHashMap<>();
                        try (var list = java.nio.file.Files.list(dir.resolve("s" + seed).resolve("201"))) {
                            for (java.nio.file.Path f : list.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                                files.put(f.getFileName().toString(), java.nio.file.Files.readAllBytes(f));
                            }
                        }
                        var read = org.oversight.childdata.ssda903.Ssda903Return.read(files);
                        jdbc.sql("UPDATE import_snapshot SET superseded_at = now() WHERE la_id = ? AND kind = 'SSDA903' AND superseded_at IS NULL").param(la).update();
                        UUID snapshot = jdbc.sql("""
                                INSERT INTO import_snapshot (la_id, collection_year, kind, source, imported_by, imported_at, rows_accepted, rows_rejected)
                                VALUES (?, '2026-27', 'SSDA903', 'SsdStoreMigrationIT', 'test', now() + make_interval(secs => ?), 1, 0) RETURNING id""")
                                .params(la, (int) seed).query(UUID.class).single();
                        insert903(jdbc, snapshot, la, read);
                        returns.put(snapshot, read);
                    }
                    journey = new SsdStore(jdbc, new SingleConnectionDataSource(c, true), clock).newSnapshot(la, "2026-27", JourneyImporter.SSD,
                            "SsdStoreMigrationIT", "test", LocalDate.of(2026, 3, 31), 0, 0);
                    new SsdStore(jdbc, new SingleConnectionDataSource(c, true), clock).write(journey, la,
                            SyntheticJourney.of(SyntheticCinCensus.for2025to26("201", 30, 3).census(), 3));
                    c.commit();
                    rows903Before = rows903(jdbc);
                    c.commit();
                }
    
                flyway(database, user, password, "latest").migrate();
                try (Connection c = DriverManager.getConnection(database, user, password)) {
                    JdbcClient jdbc = ownerInSystemScope(c);
                    assertThat(rows903(jdbc)).as("every row of the 903 tables, unchanged").isEqualTo(rows903Before);
                    SsdStore store = new SsdStore(jdbc, new SingleConnectionDataSource(c, true), clock);
                    for (var entry : returns.entrySet()) {
                        var read = entry.getValue();
                        SsdData expected = new SsdData();
                        Ssda903ToSsd.add(read.header(), read.episodes(), read.reviews(), read.oc3(), read.missing(), expected);
                        SsdData back = store.read(entry.getKey(), Ssda903ToSsdIT.LOOKED_AFTER);
                        for (String t : Ssda903ToSsdIT.LOOKED_AFTER) {
                            assertThat(Ssda903ToSsdIT.sorted(back.rows(t))).as(t + " of snapshot " + entry.getKey())
                                    .isEqualTo(Ssda903ToSsdIT.sorted(expected.rows(t)));
                        }
                        assertThat(back.rows("ssd_cla_episodes")).as("one CLA episode per 903 episode").hasSize(read.episodes().size()).isNotEmpty();
                        assertThat(jdbc.sql("""
                                SELECT count(*) FROM child c JOIN ssd_person p ON p.pers_person_id = c.child_ref
                                 AND p.snapshot_no = (SELECT no FROM import_snapshot WHERE id = c.snapshot_id)
                                 WHERE c.snapshot_id = ? AND p.pers_dob = c.dob AND p.pers_sex = c.sex AND p.pers_ethnicity IS NOT DISTINCT FROM c.ethnic
                                   AND p.pers_upn IS NOT DISTINCT FROM c.upn""").param(entry.getKey()).query(Integer.class).single())
                                .as("every 903 child a person of the snapshot").isEqualTo(read.header().size());
                        assertThat(store.read(entry.getKey(), List.of("ssd_person")).rows("ssd_person")).hasSize(read.header().size());
                    }
                    SsdData journeyBack = store.read(journey, Ssda903ToSsdIT.LOOKED_AFTER);
                    Ssda903ToSsdIT.LOOKED_AFTER.forEach(t -> assertThat(journeyBack.rows(t)).as("the SSD snapshot's " + t).isEmpty());
                    c.commit();
                }
            } finally {
                org.oversight.childdata.SyntheticJourneys.delete(dir);
            }
        });
    }

    /** A return's rows into the 903 tables, as the import stores them (blank UPN, MOTHER and the episode's postcodes, URN and reason as none). */
    private static void insert903(JdbcClient jdbc, UUID snapshot, UUID la, org.oversight.childdata.ssda903.Ssda903Return read) {
        for (var h : read.header()) {
            jdbc.sql("INSERT INTO child (snapshot_id, la_id, child_ref, sex, dob, ethnic, uasc, upn, mother, mc_dob) VALUES (?, ?, ?, ?, ?, ?, false, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING")
                    .params(snapshot, la, h.child(), h.sex(), date(h.dob()), h.ethnic(), blank(h.upn()), blank(h.mother()), date(h.mcDob())).update();
        }
        for (var e : read.episodes()) {
            jdbc.sql("""
                    INSERT INTO episode (snapshot_id, la_id, child_ref, decom, rne, legal_status, cin, place, place_provider, dec, rec,
                                         reason_place_change, home_post, pl_post, urn)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""").params(snapshot, la, e.child(), date(e.decom()), e.rne(),
                    e.ls(), e.cin(), e.place(), e.placeProvider(), date(e.dec()), e.rec(), blank(e.reasonPlaceChange()), blank(e.homePost()),
                    blank(e.plPost()), blank(e.urn())).update();
        }
        for (var r : read.reviews()) {
            jdbc.sql("INSERT INTO review (snapshot_id, la_id, child_ref, review_date, review_code) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(snapshot, la, r.child(), date(r.review()), r.reviewCode()).update();
        }
        for (var o : read.oc3()) {
            jdbc.sql("INSERT INTO care_leaver (snapshot_id, la_id, child_ref, in_touch, activity, accommodation) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(snapshot, la, o.child(), o.inTouch(), o.activ(), o.accom()).update();
        }
        for (var m : read.missing()) {
            jdbc.sql("INSERT INTO missing_episode (snapshot_id, la_id, child_ref, kind, started, ended) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(snapshot, la, m.child(), m.missing(), date(m.misStart()), date(m.misEnd())).update();
        }
    }

    private static java.sql.Date date(LocalDate d) {
        return d == null ? null : java.sql.Date.valueOf(d);
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    /** A digest of every row of the 903 tables (as JSON), table by table. */
    private static String rows903(JdbcClient jdbc) {
        StringBuilder out = new StringBuilder();
        for (String t : List.of("child", "episode", "review", "care_leaver", "missing_episode", "annex_a_child", "ssda903_row")) {
            out.append(t).append(' ').append(jdbc.sql("SELECT count(*) || ' rows, ' || md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) FROM (SELECT to_jsonb(t)::text AS r FROM "
                    + t + " t) x").query(String.class).single()).append('\n');
        }
        return out.toString();
    }

    /** Work on a database of its own on the test server, migrated by the test; the database is dropped after. */
    private interface InDatabase {
        void run(String database, String user, String password) throws Exception;
    }

    private void inNewDatabase(InDatabase work) throws Exception {
        String url = env.getRequiredProperty("spring.flyway.url");
        String user = env.getRequiredProperty("spring.flyway.user");
        String password = env.getRequiredProperty("spring.flyway.password");
        String name = "ssd_migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection server = DriverManager.getConnection(url, user, password); Statement s = server.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        try {
            work.run(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), user, password);
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

    /**
     * Every store table's row count and a digest of its rows, each row as JSON (so column order does not matter) with
     * the id of its snapshot in place of the column that names it ({@code column}, matched to the snapshot's {@code key}).
     */
    private static Map<String, String> rows(JdbcClient jdbc, String column, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SsdSchema.Table t : tablesAt43_16()) {
            out.put(t.name(), jdbc.sql("SELECT count(*) || ' rows, ' || md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) FROM (SELECT "
                    + "(to_jsonb(t) - '" + column + "' || jsonb_build_object('snapshot', s.id))::text AS r FROM " + t.name()
                    + " t JOIN import_snapshot s ON s." + key + " = t." + column + ") x").query(String.class).single());
        }
        return out;
    }

    /**
     * The catalog as V47_16 leaves it: the four tables without a child no longer have a foreign key to the LA, nor the
     * foreign key's own check triggers (the reference triggers check it, SsdStoreReferencesIT); nothing else changes.
     */
    private static Map<String, String> withoutLaForeignKeys(Map<String, String> before) {
        Map<String, String> out = new LinkedHashMap<>();
        before.forEach((key, value) -> {
            String table = key.substring(0, key.indexOf(' '));
            boolean hadOne = before.get(table + " constraints").contains("fk_" + table + "_la ");
            String removed = key.endsWith(" constraints") ? "fk_" + table + "_la " : key.endsWith(" triggers") && hadOne ? "RI_ConstraintTrigger_c_" : null;
            out.put(key, removed == null ? value : String.join("; ", java.util.Arrays.stream(value.split("; ")).filter(c -> !c.startsWith(removed)).toList()));
        });
        assertThat(before.get("ssd_person constraints")).as("the foreign key V47_16 replaces").contains("fk_ssd_person_la ");
        return out;
    }

    /** The catalog as V44_16 leaves it: the column that names the snapshot is its number, with its comment. */
    private static Map<String, String> withSnapshotNumber(Map<String, String> before) {
        Map<String, String> out = new LinkedHashMap<>();
        before.forEach((key, value) -> {
            String now = value.replace("snapshot_id uuid", "snapshot_no integer").replace("snapshot_id", "snapshot_no");
            out.put(key, key.endsWith(" comments") ? (now.isEmpty() ? NUMBER_COMMENT : NUMBER_COMMENT + "; " + now) : now);
        });
        return out;
    }

    /**
     * Writes the rows as the importer did before {@code V44_16} (each naming its snapshot's id), in batches of arrays in
     * the order of each table's key.
     */
    private static void writeAt43_16(JdbcClient jdbc, UUID snapshot, UUID la, SsdData data) {
        for (SsdSchema.Table t : tablesAt43_16()) {
            List<String[]> rows = data.rows(t.name());
            if (rows.isEmpty()) {
                continue;
            }
            List<SsdSchema.Column> columns = t.columns();
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            List<String> aliases = new ArrayList<>();
            Object[] params = new Object[columns.size() + 2];
            params[0] = snapshot;
            params[1] = la;
            for (int i = 0; i < columns.size(); i++) {
                names.add(columns.get(i).name());
                values.add("c" + i + switch (columns.get(i).type()) {
                    case DATE -> "::date";
                    case INTEGER -> "::integer";
                    case NUMERIC -> "::numeric";
                    case TEXT -> "";
                });
                aliases.add("c" + i);
                String[] column = new String[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    column[r] = rows.get(r)[i];
                }
                params[i + 2] = column;
            }
            jdbc.sql("INSERT INTO " + t.name() + " (snapshot_id, la_id, " + String.join(", ", names) + ") SELECT ?, ?, " + String.join(", ", values)
                    + " FROM unnest(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?::text[]")) + ") AS u(" + String.join(", ", aliases)
                    + ") ORDER BY c" + t.index(t.key())).params(params).update();
        }
    }

    private static Map<String, Long> tableSizes(JdbcClient jdbc) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (SsdSchema.Table t : tablesAt43_16()) {
            out.put(t.name(), jdbc.sql("SELECT pg_relation_size(?::regclass)").param(t.name()).query(Long.class).single());
        }
        return out;
    }

    /** What lives on the store's tables besides their rows and indexes. */
    private static Map<String, String> catalog(JdbcClient jdbc) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SsdSchema.Table t : tablesAt43_16()) {
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
                 WHERE tc.relname = ANY(?) AND tc.relkind = 'r' AND tc.relnamespace = current_schema()::regnamespace ORDER BY ic.relname""")
                .param(AT_43_16.toArray(String[]::new)).query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
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
