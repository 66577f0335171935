package org.oversight.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A small current snapshot of Southwark's return: two children in care and a care leaver. Added once per database. */
public final class ComplianceFixture {

    private ComplianceFixture() {
    }

    /** Stored in the system scope of row-level security, whoever the test is signed in as. */
    public static UUID southwark(JdbcClient jdbc, ComplianceService compliance) {
        return org.oversight.shared.db.TenantScope.asSystem(() -> store(jdbc));
    }

    private static UUID store(JdbcClient jdbc) {
        UUID la = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80514").query(UUID.class).single();
        if (jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND superseded_at IS NULL").param(la).query(Integer.class).single() > 0) {
            return la;
        }
        UUID snap = jdbc.sql("""
                INSERT INTO import_snapshot (la_id, collection_year, source, imported_by, imported_at, rows_accepted, rows_rejected)
                VALUES (?, '2023-24', 'test fixture', 'test', ?, 9, 0) RETURNING id""").params(la, Timestamp.from(Instant.now()))
                .query(UUID.class).single();
        child(jdbc, la, snap, "A1", LocalDate.of(2012, 5, 1));
        child(jdbc, la, snap, "B2", LocalDate.of(2008, 9, 1));
        child(jdbc, la, snap, "C3", LocalDate.of(2005, 2, 1));
        // A1: looked after from 18/12/2023, first review on time (18/01/2024), second due 18/04/2024 not held by 31/03/2024.
        episode(jdbc, la, snap, "A1", LocalDate.of(2023, 12, 18), null);
        review(jdbc, la, snap, "A1", LocalDate.of(2024, 1, 18));
        // B2: placement change on 01/11/2023 continues the period that began 01/06/2023; first review due 29/06/2023, held late.
        episode(jdbc, la, snap, "B2", LocalDate.of(2023, 6, 1), LocalDate.of(2023, 11, 1));
        episode(jdbc, la, snap, "B2", LocalDate.of(2023, 11, 1), null);
        review(jdbc, la, snap, "B2", LocalDate.of(2023, 7, 10));
        review(jdbc, la, snap, "B2", LocalDate.of(2023, 10, 5));
        // C3: a care leaver the LA is in touch with.
        jdbc.sql("INSERT INTO care_leaver (snapshot_id, la_id, child_ref, in_touch, activity, accommodation) VALUES (?, ?, 'C3', 'YES', 'F2', 'S')")
                .params(snap, la).update();
        // and into the SSD store's tables of the same snapshot, as every SSDA903 import does (V46_16)
        jdbc.sql("SELECT count(*) FROM ssd_from_ssda903(?)").param(snap).query(Integer.class).single();
        return la;
    }

    private static void child(JdbcClient jdbc, UUID la, UUID snap, String ref, LocalDate dob) {
        jdbc.sql("INSERT INTO child (snapshot_id, la_id, child_ref, dob) VALUES (?, ?, ?, ?)").params(snap, la, ref, dob).update();
    }

    private static void episode(JdbcClient jdbc, UUID la, UUID snap, String ref, LocalDate decom, LocalDate dec) {
        jdbc.sql("INSERT INTO episode (snapshot_id, la_id, child_ref, decom, dec) VALUES (?, ?, ?, ?, ?)").params(snap, la, ref, decom, dec).update();
    }

    private static void review(JdbcClient jdbc, UUID la, UUID snap, String ref, LocalDate date) {
        jdbc.sql("INSERT INTO review (snapshot_id, la_id, child_ref, review_date) VALUES (?, ?, ?, ?)").params(snap, la, ref, date).update();
    }

}
