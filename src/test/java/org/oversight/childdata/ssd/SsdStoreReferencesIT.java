package org.oversight.childdata.ssd;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.IntegrationTest;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SSD store's references, checked once per statement by triggers instead of per row by foreign keys (V42_16), by
 * the snapshot's number (V44_16): the same refusals (SQLSTATE 23503, the constraint's name, the first offending row), the same cascades, and the rows
 * copied through a temporary table come back value for value. Every case runs in a transaction that is rolled back.
 */
@SpringBootTest
class SsdStoreReferencesIT extends IntegrationTest {

    private static final class RolledBack extends RuntimeException {
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    private UUID la(int urn) {
        return jdbc.sql("SELECT id FROM local_authority WHERE urn = ?").param(urn).query(UUID.class).single();
    }

    /** Runs the work as the system in a transaction that is always rolled back. */
    private void inRolledBackTransaction(Runnable work) {
        TenantScope.asSystem(() -> {
            try {
                new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    work.run();
                    throw new RolledBack();
                });
            } catch (RolledBack expected) {
                // rolled back
            }
            return null;
        });
    }

    private UUID snapshot(SsdStore store, UUID la) {
        return store.newSnapshot(la, "2025-26", JourneyImporter.SSD, "SsdStoreReferencesIT", "test", LocalDate.of(2026, 3, 31), 0, 0);
    }

    /** The number the store's rows name the snapshot by. */
    private int no(UUID snapshot) {
        return SsdStore.number(jdbc, snapshot);
    }

    private int count(String table, int snapshot) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE snapshot_no = ?").param(snapshot).query(Integer.class).single();
    }

    private static PSQLException server(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PSQLException p) {
                return p;
            }
        }
        throw new AssertionError("no PostgreSQL error in " + t);
    }

    private void person(int snapshot, UUID la, String id) {
        jdbc.sql("INSERT INTO ssd_person (snapshot_no, la_id, pers_person_id) VALUES (?, ?, ?)").params(snapshot, la, id).update();
    }

    @Test
    void aRowNamingAChildNotInTheSnapshotIsRefusedAsByTheForeignKeyNamingTheFirstOffendingRow() {
        UUID la = la(80450);
        inRolledBackTransaction(() -> {
            SsdStore store = new SsdStore(jdbc, dataSource, clock, 1);
            int snapshot = no(snapshot(store, la));
            person(snapshot, la, "C1");
            assertThatThrownBy(() -> jdbc.sql("""
                    INSERT INTO ssd_contacts (snapshot_no, la_id, cont_contact_id, cont_person_id, cont_contact_date)
                    VALUES (?, ?, 'K1', 'C1', DATE '2025-05-01'), (?, ?, 'K2', 'C9', DATE '2025-05-02'), (?, ?, 'K3', 'C8', DATE '2025-05-03')""")
                    .params(snapshot, la, snapshot, la, snapshot, la).update())
                    .satisfies(e -> {
                        PSQLException p = server(e);
                        assertThat(p.getSQLState()).isEqualTo("23503");
                        assertThat(p.getServerErrorMessage().getConstraint()).isEqualTo("fk_ssd_contacts_person");
                        assertThat(p.getServerErrorMessage().getMessage())
                                .isEqualTo("insert or update on table \"ssd_contacts\" violates foreign key constraint \"fk_ssd_contacts_person\"");
                        assertThat(p.getServerErrorMessage().getDetail())
                                .isEqualTo("Key (snapshot_no, cont_person_id)=(" + snapshot + ", C9) is not present in table \"ssd_person\".");
                    });
        });
    }

    @Test
    void aRowOfASnapshotThatDoesNotExistOrIsAnotherLasIsRefused() {
        UUID city = la(80450);
        UUID southwark = la(80514);
        inRolledBackTransaction(() -> {
            int nowhere = jdbc.sql("SELECT coalesce(max(no), 0) + 1000 FROM import_snapshot").query(Integer.class).single();
            assertThatThrownBy(() -> person(nowhere, city, "C1")).satisfies(e -> {
                assertThat(server(e).getSQLState()).isEqualTo("23503");
                assertThat(server(e).getServerErrorMessage().getConstraint()).isEqualTo("fk_ssd_person_snapshot");
                assertThat(server(e).getServerErrorMessage().getDetail()).contains("Key (snapshot_no)=(" + nowhere + ")");
            });
        });
        inRolledBackTransaction(() -> {
            UUID citys = snapshot(new SsdStore(jdbc, dataSource, clock, 1), city);
            assertThatThrownBy(() -> jdbc.sql("INSERT INTO ssd_department (snapshot_no, la_id, dept_team_id, dept_team_name) VALUES (?, ?, 'T1', 'Team')")
                    .params(no(citys), southwark).update())
                    .satisfies(e -> assertThat(server(e).getServerErrorMessage().getConstraint()).isEqualTo("fk_ssd_department_snapshot"));
        });
    }

    @Test
    void aRowOfATableWithoutAChildWhoseLaIsNoLaIsRefusedAsByItsForeignKeyAndASnapshotsLaMayNotChange() {
        UUID city = la(80450);
        UUID nowhere = UUID.randomUUID();
        for (String table : List.of("ssd_person", "ssd_department")) {
            inRolledBackTransaction(() -> {
                int snapshot = no(snapshot(new SsdStore(jdbc, dataSource, clock, 1), city));
                String insert = table.equals("ssd_person") ? "INSERT INTO ssd_person (snapshot_no, la_id, pers_person_id) VALUES (?, ?, 'C1')"
                        : "INSERT INTO ssd_department (snapshot_no, la_id, dept_team_id, dept_team_name) VALUES (?, ?, 'T1', 'Team')";
                assertThatThrownBy(() -> jdbc.sql(insert).params(snapshot, nowhere).update()).satisfies(e -> {
                    PSQLException p = server(e);
                    assertThat(p.getSQLState()).isEqualTo("23503");
                    assertThat(p.getServerErrorMessage().getConstraint()).isEqualTo("fk_" + table + "_la");
                    assertThat(p.getServerErrorMessage().getMessage())
                            .isEqualTo("insert or update on table \"" + table + "\" violates foreign key constraint \"fk_" + table + "_la\"");
                    assertThat(p.getServerErrorMessage().getDetail()).isEqualTo("Key (la_id)=(" + nowhere + ") is not present in table \"local_authority\".");
                });
            });
        }
        inRolledBackTransaction(() -> {
            UUID snapshot = snapshot(new SsdStore(jdbc, dataSource, clock, 1), city);
            assertThatThrownBy(() -> jdbc.sql("UPDATE import_snapshot SET la_id = ? WHERE id = ?").params(la(80514), snapshot).update())
                    .satisfies(e -> assertThat(server(e).getSQLState()).isEqualTo("23503"));
        });
    }

    @Test
    void aChildsKeyMayNotChangeAndAnUpdateToAChildNotThereIsRefused() {
        UUID la = la(80450);
        inRolledBackTransaction(() -> {
            int snapshot = no(snapshot(new SsdStore(jdbc, dataSource, clock, 1), la));
            person(snapshot, la, "C1");
            jdbc.sql("INSERT INTO ssd_cin_visits (snapshot_no, la_id, cinv_cin_visit_id, cinv_person_id, cinv_cin_visit_date) VALUES (?, ?, 'V1', 'C1', DATE '2025-06-01')")
                    .params(snapshot, la).update();
            assertThatThrownBy(() -> jdbc.sql("UPDATE ssd_person SET pers_person_id = 'C2' WHERE snapshot_no = ?").param(snapshot).update())
                    .satisfies(e -> assertThat(server(e).getSQLState()).isEqualTo("23503"));
        });
        inRolledBackTransaction(() -> {
            int snapshot = no(snapshot(new SsdStore(jdbc, dataSource, clock, 1), la));
            person(snapshot, la, "C1");
            assertThatThrownBy(() -> jdbc.sql("UPDATE import_snapshot SET no = no + 1000 WHERE no = ?").param(snapshot).update())
                    .as("a snapshot's number, which its rows name, may not change either")
                    .satisfies(e -> assertThat(server(e).getSQLState()).isEqualTo("23503"));
        });
        inRolledBackTransaction(() -> {
            int snapshot = no(snapshot(new SsdStore(jdbc, dataSource, clock, 1), la));
            person(snapshot, la, "C1");
            jdbc.sql("INSERT INTO ssd_cin_visits (snapshot_no, la_id, cinv_cin_visit_id, cinv_person_id, cinv_cin_visit_date) VALUES (?, ?, 'V1', 'C1', DATE '2025-06-01')")
                    .params(snapshot, la).update();
            assertThatThrownBy(() -> jdbc.sql("UPDATE ssd_cin_visits SET cinv_person_id = 'C7' WHERE snapshot_no = ?").param(snapshot).update())
                    .satisfies(e -> assertThat(server(e).getServerErrorMessage().getConstraint()).isEqualTo("fk_ssd_cin_visits_person"));
        });
    }

    @Test
    void deletingASnapshotOrAChildDeletesItsRowsAndNoOthers() {
        UUID la = la(80450);
        inRolledBackTransaction(() -> {
            SsdStore store = new SsdStore(jdbc, dataSource, clock, 1);
            UUID kept = snapshot(store, la);
            UUID gone = snapshot(store, la);
            for (UUID s : List.of(kept, gone)) {
                SsdData data = new SsdData();
                for (String child : List.of("C1", "C2")) {
                    data.rows("ssd_person").add(row("ssd_person", "pers_person_id", child));
                    data.rows("ssd_cin_visits").add(row("ssd_cin_visits", "cinv_cin_visit_id", child + "-V1", "cinv_person_id", child,
                            "cinv_cin_visit_date", "2025-06-01"));
                    data.rows("ssd_cp_visits").add(row("ssd_cp_visits", "cppv_cp_visit_id", child + "-P1", "cppv_person_id", child,
                            "cppv_cp_visit_date", "2025-07-01"));
                }
                data.rows("ssd_department").add(row("ssd_department", "dept_team_id", "T1", "dept_team_name", "Front door"));
                store.write(s, la, data);
            }
            int keptNo = no(kept);
            int goneNo = no(gone);
            jdbc.sql("DELETE FROM ssd_person WHERE snapshot_no = ? AND pers_person_id = 'C1'").param(keptNo).update();
            assertThat(jdbc.sql("SELECT cinv_person_id FROM ssd_cin_visits WHERE snapshot_no = ?").param(keptNo).query(String.class).list()).containsExactly("C2");
            assertThat(jdbc.sql("SELECT cppv_person_id FROM ssd_cp_visits WHERE snapshot_no = ?").param(keptNo).query(String.class).list()).containsExactly("C2");
            assertThat(count("ssd_cin_visits", goneNo)).as("the other snapshot's child C1 is untouched").isEqualTo(2);

            jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(gone).update();
            for (String table : List.of("ssd_person", "ssd_cin_visits", "ssd_cp_visits", "ssd_department")) {
                assertThat(count(table, goneNo)).as(table).isZero();
                assertThat(count(table, keptNo)).as(table).isPositive();
            }
        });
    }

    @Test
    void rowsCopiedThroughTheTemporaryTableComeBackValueForValue() {
        UUID la = la(80450);
        inRolledBackTransaction(() -> {
            SsdStore store = new SsdStore(jdbc, dataSource, clock, 1);
            UUID snapshot = snapshot(store, la);
            SsdData data = new SsdData();
            data.rows("ssd_person").add(row("ssd_person", "pers_person_id", "C1", "pers_dob", "2014-02-28", "pers_ethnicity", "WBRI"));
            String awkward = "tab\there, back\\slash \\N, new\nline, return\r, quote \" and comma, ünïcødé";
            data.rows("ssd_contacts").add(row("ssd_contacts", "cont_contact_id", "K1", "cont_person_id", "C1", "cont_contact_date", "2025-05-01",
                    "cont_contact_source_desc", awkward, "cont_contact_source_code", ""));
            data.rows("ssd_professionals").add(row("ssd_professionals", "prof_professional_id", "W1", "prof_professional_caseload", "17",
                    "prof_full_time_equivalency", "0.8"));
            store.write(snapshot, la, data);
            SsdData back = store.read(snapshot, List.of("ssd_person", "ssd_contacts", "ssd_professionals"));
            for (String table : List.of("ssd_person", "ssd_contacts", "ssd_professionals")) {
                assertThat(back.rows(table)).as(table).hasSize(1);
                assertThat(back.rows(table).getFirst()).as(table).containsExactly(data.rows(table).getFirst());
            }
            assertThat(back.rows("ssd_contacts").getFirst()[SsdSchema.get().table("ssd_contacts").index("cont_contact_source_code")])
                    .as("an empty value stays empty, not none").isEmpty();
        });
    }

    /** A row of the table with these fields set and the others none. */
    private static String[] row(String table, String... fieldsAndValues) {
        SsdSchema.Table t = SsdSchema.get().table(table);
        String[] row = new String[t.columns().size()];
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            row[t.index(fieldsAndValues[i])] = fieldsAndValues[i + 1];
        }
        return row;
    }
}
