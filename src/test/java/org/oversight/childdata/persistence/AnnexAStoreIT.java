package org.oversight.childdata.persistence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.annexa.AnnexAWorkbook;
import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.oversight.childdata.snapshots.ChildDataSnapshots.AnnexAChild;
import org.oversight.childdata.ssda903.SyntheticData;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Annex A lists 8 and 9 in the SSD store ({@code V49_16}): every Annex A import writes its rows into the store's tables of
 * the same snapshot, and {@link ChildDataSnapshots#annexA} reads them back exactly as {@code annex_a_child} holds them
 * (the old query, kept here only): for the synthetic workbooks the tests use, the Annex A template's own example rows and
 * a workbook of every case (blank values, a child in both lists, a team in both, another list's column); under one LA's
 * row-level security; and for Annex A snapshots stored before {@code V49_16}, which the migration copies.
 */
@SpringBootTest
class AnnexAStoreIT extends IntegrationTest {

    /** How annexA read lists 8 and 9 before V49_16: kept only to check the store gives the same. */
    static final String OLD_SQL = """
            SELECT list, child_ref, team, worker, last_visit, last_iro_contact, last_health, last_dental, placement_start,
                   permanence_plan, pathway_review, latest_contact, eligibility
              FROM annex_a_child WHERE snapshot_id = ?""";

    private static final LocalDate YEAR_END = LocalDate.of(2027, 3, 31);

    @Autowired
    ChildDataImporter importer;
    @Autowired
    ChildDataSnapshots snapshots;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;
    @Autowired
    Clock clock;

    @Test
    void everyImportedWorkbookReadsTheSameFromTheStoreAsFromAnnexAChild() throws IOException {
        Path dir = Files.createTempDirectory("annex-a-store");
        try {
            SyntheticData.generate(SyntheticData.Scale.LA, 21, List.of("870"), dir);
            List<AnnexAChild> synthetic = importAndCompare(80540, Files.readAllBytes(dir.resolve("870").resolve(SyntheticData.ANNEX_A_FILE)));
            assertThat(synthetic).as("both lists of the synthetic workbook").anyMatch(a -> a.list() == 8).anyMatch(a -> a.list() == 9);
            assertThat(synthetic).as("blank values among list 8's").anyMatch(a -> a.list() == 8 && java.util.Arrays.asList(a.team(), a.worker(),
                    a.lastVisit(), a.lastIroContact(), a.lastHealth(), a.lastDental(), a.placementStart(), a.permanencePlan()).contains(null));
        } finally {
            org.oversight.childdata.SyntheticJourneys.delete(dir);
        }

        List<AnnexAChild> template = importAndCompare(80582, Files.readAllBytes(projectFile("data/child-data/annex-a/Annex_A.xlsx")));
        assertThat(template).as("the template's example rows of both lists").anyMatch(a -> a.list() == 8).anyMatch(a -> a.list() == 9);

        List<AnnexAChild> cases = importAndCompare(80537, everyCase());
        assertThat(cases).hasSize(9);
        assertThat(cases).contains(
                new AnnexAChild(8, "AS-1", "Team A", "Worker 1", d("03/02/2026"), d("04/01/2026"), d("05/06/2025"), d("06/07/2025"),
                        d("07/08/2024"), "a) Remaining with birth family", null, null, "Relevant"),
                new AnnexAChild(8, "AS-4", null, null, null, null, null, null, null, null, null, null, null),
                new AnnexAChild(8, "AS-5", "Team B", "Worker 3", d("10/02/2026"), null, null, null, null, null, null, null, null),
                new AnnexAChild(9, "AS-5", "Leaving Care", "Adviser 1", d("11/02/2026"), null, null, null, null, null, d("12/01/2026"), d("13/02/2026"),
                        "Former relevant"),
                new AnnexAChild(9, "AS-6", null, null, null, null, null, null, null, null, null, null, null),
                new AnnexAChild(9, "AS-7", "Team A", "Worker 1", null, null, null, null, null, null, d("14/01/2026"), null, null),
                new AnnexAChild(9, "AS-8", null, "W9", null, null, null, null, null, null, null, null, null));
    }

    /** Imports the workbook alone for the LA (as the command line does); the store's lists 8 and 9 equal annex_a_child's, in the LA's scope only. */
    private List<AnnexAChild> importAndCompare(int urn, byte[] workbook) {
        UUID la = jdbc.sql("SELECT id FROM local_authority WHERE urn = ?").param(urn).query(UUID.class).single();
        var outcome = importer.importReturn(urn, 2026, Map.of("annex-a.xlsx", workbook), ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, true);
        assertThat(outcome.stored()).as("stored: " + outcome.errors()).isTrue();
        UUID snapshot = outcome.annexASnapshotId();
        List<AnnexAChild> before = TenantScope.asLa(la, () -> old(jdbc, snapshot));
        List<AnnexAChild> after = TenantScope.asLa(la, () -> snapshots.annexA(snapshot));
        assertThat(before).as("annex_a_child holds the workbook's rows").isNotEmpty();
        assertThat(after).as("lists 8 and 9 from the store").containsExactlyInAnyOrderElementsOf(before);
        UUID other = jdbc.sql("SELECT id FROM local_authority WHERE urn <> ? ORDER BY urn LIMIT 1").param(urn).query(UUID.class).single();
        assertThat(TenantScope.asLa(other, () -> snapshots.annexA(snapshot))).as("another LA sees none of them").isEmpty();
        int children = TenantScope.asLa(la, () -> jdbc.sql("SELECT count(DISTINCT child_ref) FROM annex_a_child WHERE snapshot_id = ?")
                .param(snapshot).query(Integer.class).single());
        assertThat(TenantScope.asLa(la, () -> jdbc.sql("SELECT count(*) FROM ssd_person WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?)")
                .param(snapshot).query(Integer.class).single())).as("a person per child of the snapshot").isEqualTo(children);
        return after;
    }

    /**
     * A database made by the migrations before {@code V49_16} holding two Annex A snapshots (the synthetic workbook's rows,
     * one superseded, and rows of every case, other lists' values included) and an SSDA903 one migrates: each Annex A
     * snapshot then reads from the store as annex_a_child holds it, every annex_a_child row is still there, the SSDA903
     * snapshot reads no Annex A rows, and the function refuses a snapshot twice and a snapshot of another kind.
     */
    @Test
    void annexASnapshotsStoredBeforeV49_16AreCopiedIntoTheStoreByTheMigration() throws Exception {
        Path dir = Files.createTempDirectory("annex-a-v49");
        String url = env.getRequiredProperty("spring.flyway.url");
        String user = env.getRequiredProperty("spring.flyway.user");
        String password = env.getRequiredProperty("spring.flyway.password");
        String name = "annexa_migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection server = DriverManager.getConnection(url, user, password); Statement s = server.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        try {
            String database = url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            flyway(database, user, password, "47.16").migrate();
            SyntheticData.generate(SyntheticData.Scale.LA, 8, List.of("201"), dir);
            var synthetic = AnnexAWorkbook.read("annex-a.xlsx", Files.readAllBytes(dir.resolve("201").resolve(SyntheticData.ANNEX_A_FILE)), YEAR_END);
            var cases = AnnexAWorkbook.read("annex-a.xlsx", everyCase(), YEAR_END);
            assertThat(synthetic.errors()).isEmpty();
            assertThat(cases.errors()).isEmpty();
            List<UUID> annex = new ArrayList<>();
            UUID ssda903;
            Map<UUID, List<AnnexAChild>> before = new LinkedHashMap<>();
            String rowsBefore;
            try (Connection c = DriverManager.getConnection(database, user, password)) {
                JdbcClient owner = ownerInSystemScope(c);
                UUID la = owner.sql("""
                        INSERT INTO local_authority (urn, la_code, name, region_code, region_name, active)
                        VALUES (80450, '201', 'City of London', 'E12000007', 'London', true) RETURNING id""").query(UUID.class).single();
                int second = 0;
                for (var read : List.of(synthetic, cases)) {
                    owner.sql("UPDATE import_snapshot SET superseded_at = now() WHERE la_id = ? AND kind = 'ANNEX_A' AND superseded_at IS NULL").param(la).update();
                    UUID snapshot = owner.sql("""
                            INSERT INTO import_snapshot (la_id, collection_year, kind, source, imported_by, imported_at, rows_accepted, rows_rejected)
                            VALUES (?, '2026-27', 'ANNEX_A', 'AnnexAStoreIT', 'test', now() + make_interval(secs => ?), ?, 0) RETURNING id""")
                            .params(la, second++, read.rows().size()).query(UUID.class).single();
                    for (var r : read.rows()) {
                        owner.sql("""
                                INSERT INTO annex_a_child (snapshot_id, la_id, list, child_ref, team, worker, last_visit, last_iro_contact, last_health,
                                                           last_dental, placement_start, permanence_plan, pathway_review, latest_contact, eligibility)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(snapshot, la, (short) r.list(), r.childRef(), r.team(),
                                r.worker(), r.lastVisit(), r.lastIroContact(), r.lastHealth(), r.lastDental(), r.placementStart(), r.permanencePlan(),
                                r.pathwayReview(), r.latestContact(), r.eligibility()).update();
                    }
                    annex.add(snapshot);
                }
                ssda903 = owner.sql("""
                        INSERT INTO import_snapshot (la_id, collection_year, kind, source, imported_by, imported_at, rows_accepted, rows_rejected)
                        VALUES (?, '2026-27', 'SSDA903', 'AnnexAStoreIT', 'test', now(), 1, 0) RETURNING id""").param(la).query(UUID.class).single();
                owner.sql("INSERT INTO child (snapshot_id, la_id, child_ref, sex, dob, ethnic, uasc) VALUES (?, ?, 'AS-1', 'M', DATE '2012-05-01', 'WBRI', false)")
                        .params(ssda903, la).update();
                owner.sql("""
                        INSERT INTO episode (snapshot_id, la_id, child_ref, decom, rne, legal_status, cin, place, place_provider)
                        VALUES (?, ?, 'AS-1', DATE '2025-01-01', 'S', 'C2', 'N1', 'U1', 'PR1')""").params(ssda903, la).update();
                owner.sql("SELECT count(*) FROM ssd_from_ssda903(?)").param(ssda903).query(Integer.class).single();
                c.commit();
                for (UUID s : annex) {
                    before.put(s, old(owner, s));
                }
                rowsBefore = annexAChildRows(owner);
                c.commit();
            }
            assertThat(before.get(annex.get(0))).as("the synthetic rows").hasSize(synthetic.rows().size()).isNotEmpty();
            assertThat(before.get(annex.get(1))).as("the rows of every case").hasSize(9);

            flyway(database, user, password, "latest").migrate();
            try (Connection c = DriverManager.getConnection(database, user, password)) {
                JdbcClient owner = ownerInSystemScope(c);
                ChildDataSnapshotRepository repository = new ChildDataSnapshotRepository(owner, clock);
                for (UUID s : annex) {
                    assertThat(repository.annexA(s)).as("snapshot " + s + " from the store").containsExactlyInAnyOrderElementsOf(before.get(s));
                }
                assertThat(annexAChildRows(owner)).as("every annex_a_child row, unchanged").isEqualTo(rowsBefore);
                assertThat(repository.annexA(ssda903)).as("an SSDA903 snapshot has no Annex A rows").isEmpty();
                assertThat(owner.sql("SELECT count(*) FROM ssd_cla_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?)")
                        .param(ssda903).query(Integer.class).single()).as("the SSDA903 snapshot's episode, as it was").isEqualTo(1);
                owner.sql("SAVEPOINT twice").update();
                assertThatThrownBy(() -> owner.sql("SELECT count(*) FROM ssd_from_annex_a(?)").param(annex.get(1)).query(Integer.class).single())
                        .hasMessageContaining("already in the SSD store");
                owner.sql("ROLLBACK TO SAVEPOINT twice").update();
                assertThatThrownBy(() -> owner.sql("SELECT count(*) FROM ssd_from_annex_a(?)").param(ssda903).query(Integer.class).single())
                        .hasMessageContaining("No Annex A snapshot");
                owner.sql("ROLLBACK TO SAVEPOINT twice").update();
                // deleting the snapshot deletes its store rows (the V45_16 trigger), and annex_a_child's (its foreign key)
                owner.sql("DELETE FROM import_snapshot WHERE id = ?").param(annex.get(1)).update();
                assertThat(repository.annexA(annex.get(1))).isEmpty();
                assertThat(repository.annexA(annex.get(0))).containsExactlyInAnyOrderElementsOf(before.get(annex.get(0)));
                c.commit();
            }
        } finally {
            try (Connection server = DriverManager.getConnection(url, user, password); Statement s = server.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            org.oversight.childdata.SyntheticJourneys.delete(dir);
        }
    }

    private static List<AnnexAChild> old(JdbcClient jdbc, UUID snapshot) {
        return jdbc.sql(OLD_SQL).param(snapshot)
                .query((rs, i) -> new AnnexAChild(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10),
                        rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getString(13))).list();
    }

    private static String annexAChildRows(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) || ' rows, ' || md5(coalesce(string_agg(to_jsonb(a)::text, E'\\n' ORDER BY to_jsonb(a)::text), '')) FROM annex_a_child a")
                .query(String.class).single();
    }

    /**
     * Lists 8 and 9 with every case: every value; blanks of each kind; a team or worker alone; a row with the child alone;
     * a child in both lists; a team and a name in both lists; list 9's worker from "Allocated Worker" when it has no
     * personal adviser; another list's columns (eligibility in list 8, a visit date in list 9), which the reader keeps.
     */
    static byte[] everyCase() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet list8 = wb.createSheet("List 8");
            row(list8, 0, "Child Unique ID", "Allocated Team", "Allocated Worker", "Date of Last Social Work Visit",
                    "Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment", "Date of Last Dental Check",
                    "Start Date of Most Recent Placement", "What is the permanence plan for this child?", "Eligibility Category");
            row(list8, 1, "AS-1", "Team A", "Worker 1", "03/02/2026", "04/01/2026", "05/06/2025", "06/07/2025", "07/08/2024",
                    "a) Remaining with birth family", "Relevant");
            row(list8, 2, "AS-2", "Team A", "", "08/02/2026", "", "", "", "", "", "");
            row(list8, 3, "AS-3", "", "Worker 2", "", "", "09/09/2025", "", "", "b) Adoption", "");
            row(list8, 4, "AS-4", "", "", "", "", "", "", "", "", "");
            row(list8, 5, "AS-5", "Team B", "Worker 3", "10/02/2026", "", "", "", "", "", "");
            Sheet list9 = wb.createSheet("List 9");
            row(list9, 0, "Child Unique ID", "Allocated Team", "Allocated Worker", "Allocated Personal Advisor", "Latest Pathway Plan Review Date",
                    "Latest Date of Contact", "Eligibility Category", "Date of Last Social Work Visit");
            row(list9, 1, "AS-5", "Leaving Care", "", "Adviser 1", "12/01/2026", "13/02/2026", "Former relevant", "11/02/2026");
            row(list9, 2, "AS-6", "", "", "", "", "", "", "");
            row(list9, 3, "AS-7", "Team A", "", "Worker 1", "14/01/2026", "", "", "");
            row(list9, 4, "AS-8", "", "W9", "", "", "", "", "");
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    private static LocalDate d(String dmy) {
        return LocalDate.of(Integer.parseInt(dmy.substring(6)), Integer.parseInt(dmy.substring(3, 5)), Integer.parseInt(dmy.substring(0, 2)));
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
}
