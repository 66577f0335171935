package org.oversight.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Child-level data for City of London's audits: the current snapshot when it has at least six care leavers (demo data
 * or another test's import), else a small one of our own: 12 care leavers and 6 children in care whose first review is
 * overdue.
 */
public final class AuditFixtures {

    private AuditFixtures() {
    }

    public static final String PLAN = "Quality of practice plan (audit tests)";

    /** A plan of City of London of our own for findings to go to, so the demo plan stays as the demo made it. */
    public static UUID plan(JdbcClient jdbc) {
        UUID la = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
        return jdbc.sql("SELECT id FROM improvement_plan WHERE la_id = ? AND title = ?").params(la, PLAN).query(UUID.class).optional()
                .orElseGet(() -> jdbc.sql("INSERT INTO improvement_plan (la_id, kind, title, start_date, created_by) "
                        + "VALUES (?, 'SERVICE_IMPROVEMENT', ?, DATE '2026-09-01', 'test') RETURNING id").params(la, PLAN).query(UUID.class).single());
    }

    public static UUID cityOfLondon(JdbcClient jdbc) {
        UUID la = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
        Integer leavers = jdbc.sql("""
                SELECT count(*) FROM care_leaver WHERE snapshot_id = (SELECT id FROM import_snapshot WHERE la_id = ? AND kind = 'SSDA903' AND superseded_at IS NULL
                 ORDER BY collection_year DESC LIMIT 1)""").param(la).query(Integer.class).single();
        if (leavers >= 6) {
            return la;
        }
        // The fixture becomes the current return (a test that needs other data imports it again).
        jdbc.sql("UPDATE import_snapshot SET superseded_at = ? WHERE la_id = ? AND kind = 'SSDA903' AND collection_year = '2026-27' AND superseded_at IS NULL")
                .params(Timestamp.from(Instant.now()), la).update();
        UUID snap = jdbc.sql("""
                INSERT INTO import_snapshot (la_id, collection_year, source, imported_by, imported_at, rows_accepted, rows_rejected)
                VALUES (?, '2026-27', 'audit test fixture', 'test', ?, 36, 0) RETURNING id""").params(la, Timestamp.from(Instant.now()))
                .query(UUID.class).single();
        for (int i = 1; i <= 12; i++) {
            String ref = "AUDCL%02d".formatted(i);
            jdbc.sql("INSERT INTO child (snapshot_id, la_id, child_ref, dob) VALUES (?, ?, ?, ?)").params(snap, la, ref, LocalDate.of(2006, i, 1)).update();
            jdbc.sql("INSERT INTO care_leaver (snapshot_id, la_id, child_ref, in_touch, activity, accommodation) VALUES (?, ?, ?, ?, 'F2', 'S')")
                    .params(snap, la, ref, i % 4 == 0 ? "NO" : "YES").update();
        }
        for (int i = 1; i <= 6; i++) {
            String ref = "AUDCIC%02d".formatted(i);
            jdbc.sql("INSERT INTO child (snapshot_id, la_id, child_ref, dob) VALUES (?, ?, ?, ?)").params(snap, la, ref, LocalDate.of(2014, i, 1)).update();
            jdbc.sql("INSERT INTO episode (snapshot_id, la_id, child_ref, decom, dec) VALUES (?, ?, ?, ?, NULL)")
                    .params(snap, la, ref, LocalDate.of(2025, 4, i)).update();
        }
        return la;
    }
}
