package org.oversight.childdata.persistence;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.SyntheticJourneys;
import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.journey.ChildJourneys.Journey;
import org.oversight.childdata.journey.ChildJourneys.JourneySnapshot;
import org.oversight.childdata.journey.ChildJourneys.Person;
import org.oversight.childdata.journey.ChildJourneys.Visit;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.IntegrationTest;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journey rows read in PostgreSQL's binary COPY format are what the driver reads (the values PostgreSQL itself
 * sends, compared with pgjdbc's decoding of the same query), and COPY keeps row-level security as the application's
 * login: an LA's scope reads its own rows and none of another LA's.
 */
@SpringBootTest
class BinaryCopyRowsIT extends IntegrationTest {

    /** Tricky values of each type the journey reads, as PostgreSQL would store them. */
    private static final String VALUES = """
            SELECT * FROM (VALUES
              (1, 'tab\there'::text, DATE '2000-01-01', 7, true, 'Y'::text, '3f2504e0-4f89-41d3-9a0c-0305e82c3301'::uuid),
              (2, E'new\\nline, back\\\\slash, \\\\N, carriage\\rreturn', DATE '1999-12-31', -1, false, 'n', NULL),
              (3, 'é 日本 👧', DATE '2024-02-29', NULL, NULL, ' Yes ', '00000000-0000-0000-0000-000000000001'::uuid),
              (4, '', DATE '1066-10-14', 2147483647, true, NULL, 'ffffffff-0000-4000-8000-00000000ffff'::uuid),
              (5, NULL, NULL, '-2147483648'::int4, false, 'TRUE', NULL),
              (6, '\\N', DATE '9999-12-31', 0, true, '', NULL)
            ) v (n, t, d, i, b, y, u) ORDER BY n""";

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SyntheticJourneys synthetic;
    @Autowired
    LocalAuthorities localAuthorities;
    @Autowired
    ChildJourneys journeys;

    private final List<UUID> loaded = new ArrayList<>();
    private final List<UUID> superseded = new ArrayList<>();

    @AfterEach
    void removeWhatThisTestLoaded() {
        TenantScope.asSystem(() -> {
            loaded.forEach(id -> jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(id).update());
            superseded.forEach(id -> jdbc.sql("UPDATE import_snapshot SET superseded_at = NULL WHERE id = ?").param(id).update());
        });
    }

    @Test
    void everyTrickyValueIsReadAsTheDriverReadsIt() throws Exception {
        List<String> byDriver = new ArrayList<>();
        List<String> byCopy = new ArrayList<>();
        TenantScope.asSystem(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(VALUES)) {
                    while (rs.next()) {
                        String y = rs.getString(6);
                        byDriver.add(row(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class), (Integer) rs.getObject(4), rs.getBoolean(5),
                                y != null && java.util.Set.of("true", "y", "yes", "1", "t").contains(y.trim().toLowerCase(java.util.Locale.ROOT)),
                                rs.getObject(7, UUID.class)));
                    }
                }
                try (InputStream in = new PGCopyInputStream(connection.unwrap(PGConnection.class), "COPY (" + VALUES + ") TO STDOUT (FORMAT binary)")) {
                    BinaryCopyRows rows = new BinaryCopyRows(in, 32);
                    while (rows.next()) {
                        byCopy.add(row(rows.int4(0), rows.text(1), rows.date(2), rows.int4(3), rows.bool(4), rows.yes(5), rows.uuid(6)));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(byDriver).hasSize(6);
        assertThat(byCopy).containsExactlyElementsOf(byDriver);
        assertThat(byCopy.get(1)).contains("new\nline, back\\slash, \\N, carriage\rreturn");
        assertThat(byCopy.get(4)).startsWith("5|null|null|");
    }

    private static String row(Object... values) {
        return String.join("|", java.util.Arrays.stream(values).map(Objects::toString).toList());
    }

    /**
     * The journey's lists are sorted in Java now (the queries have no ORDER BY): its text order is PostgreSQL's under
     * {@code COLLATE "C"} (the embedded server's C.UTF-8), for case, digits, punctuation, accents, the empty text,
     * characters either side of the surrogates and beyond U+FFFF.
     */
    @Test
    void theJourneysTextOrderIsPostgresqlsCollationC() {
        List<String> byPostgresql = jdbc.sql("""
                SELECT t FROM unnest(ARRAY['C10', 'C2', 'c1', 'C1', 'C1-V2', 'C1 V2', 'C1_V2', '', 'é', 'e', 'z', 'Z', '9', U&'\\E000',
                                            U&'\\FFFD', U&'\\+01F467', U&'\\+01F467a', 'ÿ', 'Ā']) t ORDER BY t COLLATE "C"
                """)
                .query(String.class).list();
        List<String> inJava = new ArrayList<>(byPostgresql);
        java.util.Collections.reverse(inJava);
        inJava.sort(JourneyOrder::text);
        assertThat(byPostgresql).hasSize(19);
        assertThat(inJava).containsExactlyElementsOf(byPostgresql);
        // and the database's own collation (C.UTF-8 on the embedded server), which the queries' ORDER BY used before
        List<String> byDefault = jdbc.sql("""
                SELECT t FROM unnest(?::text[]) t ORDER BY t""").param(byPostgresql.toArray(String[]::new)).query(String.class).list();
        assertThat(byDefault).containsExactlyElementsOf(byPostgresql);
    }

    @Test
    void copyKeepsRowLevelSecurityAsTheApplicationsLogin() throws Exception {
        LocalAuthority mine = localAuthorities.findByLaCode("935").orElseThrow();
        LocalAuthority other = localAuthorities.findByLaCode("881").orElseThrow();
        TenantScope.asSystem(() -> journeys.current(mine.id())).map(JourneySnapshot::id).ifPresent(superseded::add);
        ChildDataImporter.Outcome outcome = synthetic.load(mine, 60, 41L, LocalDate.of(2026, 3, 31));
        assertThat(outcome.stored()).as("imported: " + outcome.errors()).isTrue();
        JourneySnapshot snapshot = TenantScope.asSystem(() -> journeys.current(mine.id())).orElseThrow();
        loaded.add(snapshot.id());

        // the application's login: neither a superuser nor the tables' owner, nor allowed to bypass row-level security
        Boolean bypasses = TenantScope.asLa(mine.id(), () -> jdbc.sql("""
                SELECT r.rolsuper OR r.rolbypassrls OR t.tableowner = current_user FROM pg_roles r, pg_tables t
                 WHERE r.rolname = current_user AND t.tablename = 'ssd_person'""").query(Boolean.class).single());
        assertThat(bypasses).isFalse();
        String copy = "COPY (SELECT pers_person_id FROM ssd_person WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = '" + snapshot.id() + "')) TO STDOUT (FORMAT binary)";
        assertThat(TenantScope.asLa(mine.id(), () -> copied(copy))).as("the LA's own rows").isEqualTo(60);
        assertThat(TenantScope.asLa(other.id(), () -> copied(copy))).as("another LA's rows").isZero();
        assertThat(TenantScope.asLa(other.id(), () -> journeys.journeys(List.of(snapshot.id())))).isEmpty();
        assertThatThrownBy(() -> TenantScope.asLa(other.id(), () -> journeys.journey(snapshot.id()))).isInstanceOf(IllegalArgumentException.class);

        // the first child's visits moved to the end of the table, so they come last from the queries (which have no ORDER BY)
        TenantScope.asLa(mine.id(), () -> jdbc.sql("""
                WITH moved AS (DELETE FROM ssd_cin_visits WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s)
                                  AND cinv_person_id = (SELECT min(cinv_person_id) FROM ssd_cin_visits WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s)) RETURNING *)
                INSERT INTO ssd_cin_visits SELECT * FROM moved""").param("s", snapshot.id()).update());
        Boolean lastIsFirstChild = TenantScope.asLa(mine.id(), () -> jdbc.sql("""
                SELECT cinv_person_id = (SELECT min(cinv_person_id) FROM ssd_cin_visits WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s))
                  FROM ssd_cin_visits WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) ORDER BY ctid DESC LIMIT 1""").param("s", snapshot.id()).query(Boolean.class).single());
        assertThat(lastIsFirstChild).as("the first child's visits are stored last").isTrue();

        // the LA's own journey, read by COPY, is every row the driver reads, value for value, in the driver's order
        Journey journey = TenantScope.asLa(mine.id(), () -> journeys.journey(snapshot.id()));
        List<Person> persons = TenantScope.asLa(mine.id(), () -> jdbc.sql("""
                        SELECT pers_person_id, pers_dob, pers_expected_dob, pers_sex, pers_ethnicity FROM ssd_person
                         WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) ORDER BY pers_person_id""").param(snapshot.id())
                .query((rs, i) -> new Person(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getString(5))).list());
        List<Visit> visits = TenantScope.asLa(mine.id(), () -> jdbc.sql("""
                        SELECT id, person, plan, cp, visit_date, seen, seen_alone FROM (
                          SELECT cinv_cin_visit_id AS id, cinv_person_id AS person, NULL AS plan, false AS cp, cinv_cin_visit_date AS visit_date,
                                 cinv_cin_visit_seen AS seen, cinv_cin_visit_seen_alone AS seen_alone FROM ssd_cin_visits WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s)
                          UNION ALL
                          SELECT cppv_cp_visit_id, cppv_person_id, cppv_cp_plan_id, true, cppv_cp_visit_date, cppv_cp_visit_seen, cppv_cp_visit_seen_alone
                            FROM ssd_cp_visits WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s)) v ORDER BY person, visit_date, id""").param("s", snapshot.id())
                .query((rs, i) -> new Visit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getObject(5, LocalDate.class),
                        "Y".equals(rs.getString(6)), "Y".equals(rs.getString(7)))).list());
        assertThat(persons).hasSize(60);
        assertThat(journey.persons()).containsExactlyElementsOf(persons);
        assertThat(visits).isNotEmpty().anyMatch(Visit::cp).anyMatch(v -> !v.cp()).anyMatch(Visit::seenAlone).anyMatch(v -> !v.seenAlone());
        assertThat(journey.visits()).containsExactlyElementsOf(visits);
    }

    private int copied(String copy) {
        try (Connection connection = dataSource.getConnection();
             InputStream in = new PGCopyInputStream(connection.unwrap(PGConnection.class), copy)) {
            BinaryCopyRows rows = new BinaryCopyRows(in);
            int n = 0;
            while (rows.next()) {
                assertThat(rows.text(0)).isNotBlank();
                n++;
            }
            return n;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
