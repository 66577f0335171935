package org.oversight.childdata.ssd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.ImportFile;
import org.oversight.childdata.ssda903.Rows;
import org.oversight.childdata.ssda903.Ssda903Return;
import org.oversight.childdata.ssda903.SyntheticData;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SSDA903 import writes its children and their looked-after data into the SSD store's tables of the same snapshot
 * ({@code ssd_from_ssda903}, V46_16), the same rows as {@link Ssda903ToSsd} makes of the same return for
 * {@code generate-data}'s SSD extract; the 903 tables keep their rows.
 */
@SpringBootTest
class Ssda903ToSsdIT extends IntegrationTest {

    static final List<String> LOOKED_AFTER = List.of("ssd_cla_episodes", "ssd_cla_placement", "ssd_legal_status", "ssd_cla_reviews", "ssd_missing",
            "ssd_care_leavers");

    @Autowired
    ChildDataImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.oversight.childdata.snapshots.ChildDataSnapshots snapshots;

    /**
     * The missing episodes of a snapshot as the readers get them (now from {@code ssd_missing}) are those of
     * {@code missing_episode}, as they were read before.
     */
    private void missingReadAsBefore(UUID snapshot) {
        List<String> before = jdbc.sql("SELECT child_ref, kind, started, ended FROM missing_episode WHERE snapshot_id = ?").param(snapshot)
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getObject(3, LocalDate.class) + " " + rs.getObject(4, LocalDate.class))
                .list().stream().sorted().toList();
        assertThat(snapshots.missing(snapshot).stream().map(m -> m.childRef() + " " + m.kind() + " " + m.started() + " " + m.ended()).sorted().toList())
                .as("missing episodes read from the SSD store").isEqualTo(before);
    }

    private int count(String sql, UUID snapshot) {
        return jdbc.sql(sql).param(snapshot).query(Integer.class).single();
    }

    static List<String> sorted(List<String[]> rows) {
        return rows.stream().map(Arrays::toString).sorted().toList();
    }

    @Test
    @WithUserDetails("col.manager")
    void anSsda903ImportWritesItsChildrenAndLookedAfterDataIntoTheSsdStore() throws IOException {
        Path dir = Files.createTempDirectory("oversight-903-ssd");
        SyntheticData.generate("la", 7, List.of("201"), dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var list = Files.list(dir.resolve("201"))) {
            for (Path p : list.sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        ChildDataImporter.Outcome outcome = importer.importReturn(80450, 2026, files.entrySet().stream().map(e -> ImportFile.of(e.getKey(), e.getValue())).toList(),
                new ChildDataImporter.Options(ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, false, true), false, () -> { });
        assertThat(outcome.stored()).as(outcome.errors().toString()).isTrue();
        UUID s = outcome.snapshotId();
        String no = "(SELECT no FROM import_snapshot WHERE id = ?)";
        assertThat(count("SELECT count(*) FROM ssd_person WHERE snapshot_no = " + no, s)).as("every 903 child a person of the same snapshot")
                .isEqualTo(count("SELECT count(*) FROM child WHERE snapshot_id = ?", s)).isPositive();
        assertThat(count("SELECT count(*) FROM ssd_cla_episodes WHERE snapshot_no = " + no, s)).isEqualTo(count("SELECT count(*) FROM episode WHERE snapshot_id = ?", s))
                .isPositive();
        assertThat(count("SELECT count(*) FROM ssd_cla_reviews WHERE snapshot_no = " + no, s)).isEqualTo(count("SELECT count(*) FROM review WHERE snapshot_id = ?", s));
        assertThat(count("SELECT count(*) FROM ssd_care_leavers WHERE snapshot_no = " + no, s))
                .isEqualTo(count("SELECT count(*) FROM care_leaver WHERE snapshot_id = ?", s)).isPositive();
        assertThat(count("SELECT count(*) FROM ssd_missing WHERE snapshot_no = " + no, s)).isEqualTo(count("SELECT count(*) FROM missing_episode WHERE snapshot_id = ?", s));
        assertThat(count("""
                SELECT count(*) FROM ssd_person p JOIN child c ON c.child_ref = p.pers_person_id AND c.snapshot_id = ?
                 WHERE p.snapshot_no = (SELECT no FROM import_snapshot WHERE id = c.snapshot_id)
                   AND p.pers_dob = c.dob AND p.pers_sex = c.sex AND p.pers_ethnicity IS NOT DISTINCT FROM c.ethnic""", s))
                .as("each person's date of birth, sex and ethnicity as the 903's").isEqualTo(count("SELECT count(*) FROM child WHERE snapshot_id = ?", s));

        // the same rows as the Java mapping of the same files (generate-data's SSD extract)
        Ssda903Return read = Ssda903Return.read(files);
        SsdData expected = new SsdData();
        Ssda903ToSsd.add(read.header(), read.episodes(), read.reviews(), read.oc3(), read.missing(), expected);
        SsdData stored = new SsdStore(jdbc, java.time.Clock.systemUTC()).read(s, LOOKED_AFTER);
        for (String t : LOOKED_AFTER) {
            assertThat(sorted(stored.rows(t))).as(t).isEqualTo(sorted(expected.rows(t)));
        }
        missingReadAsBefore(s);
    }

    /**
     * Periods, placements and legal statuses as the mapping makes them, in the database and in Java alike: a change of
     * legal status only keeps the placement, a change of placement keeps the legal status, a break in care starts a new
     * period, a review names the period it falls in (or none), a missing episode and a care leaver come over as they are.
     */
    @Test
    void theMappingOfPeriodsPlacementsAndLegalStatusesIsTheSameInTheDatabaseAndInJava() {
        String a = "MAP-A";
        String b = "MAP-B";
        List<Rows.Header> header = List.of(new Rows.Header(2, a, "1", d("2012-03-04"), "WBRI", "A123456789012", null, null),
                new Rows.Header(3, b, "2", d("2006-01-01"), "MWBC", null, "0", null));
        List<Rows.Episode> episodes = List.of(
                episode(a, "2023-04-01", "S", "C2", "U1", "2023-06-01", "X1", null),
                episode(a, "2023-06-01", "L", "C1", "U1", "2023-08-15", "X1", "CARPL"),  // same placement, new legal status; then a move
                episode(a, "2023-08-15", "P", "C1", "U3", "2023-12-01", "E11", null),  // new placement, same legal status; leaves care
                episode(a, "2024-02-01", "S", "V2", "K2", null, null, null),             // a new period of care
                episode(b, "2022-01-01", "S", "C2", "U4", "2024-01-01", "E45", null));
        List<Rows.Review> reviews = List.of(new Rows.Review(2, a, null, d("2023-06-01"), "PN1"), new Rows.Review(3, a, null, d("2024-01-10"), "PN0"),
                new Rows.Review(4, a, null, d("2024-03-01"), "PN3"));
        List<Rows.Oc3> oc3 = List.of(new Rows.Oc3(2, b, null, "YES", "F2", "S"));
        List<Rows.Missing> missing = List.of(new Rows.Missing(2, a, null, "M", d("2023-09-01"), d("2023-09-02")));
        SsdData expected = new SsdData();
        Ssda903ToSsd.add(header, episodes, reviews, oc3, missing, expected);

        SsdSchema.Table placement = SsdSchema.get().table("ssd_cla_placement");
        assertThat(expected.rows("ssd_cla_placement")).extracting(r -> r[placement.index("clap_cla_placement_id")] + " " + r[placement.index("clap_cla_id")]
                + " " + r[placement.index("clap_cla_placement_end_date")] + " " + r[placement.index("clap_cla_placement_change_reason")])
                .containsExactlyInAnyOrder("MAP-A/P2023-04-01 MAP-A/C2023-04-01 2023-08-15 CARPL", "MAP-A/P2023-08-15 MAP-A/C2023-04-01 2023-12-01 null",
                        "MAP-A/P2024-02-01 MAP-A/C2024-02-01 null null", "MAP-B/P2022-01-01 MAP-B/C2022-01-01 2024-01-01 null");
        SsdSchema.Table legal = SsdSchema.get().table("ssd_legal_status");
        assertThat(expected.rows("ssd_legal_status")).extracting(r -> r[legal.index("lega_legal_status_id")] + " " + r[legal.index("lega_legal_status")]
                + " " + r[legal.index("lega_legal_status_end_date")])
                .containsExactlyInAnyOrder("MAP-A/L2023-04-01 C2 2023-06-01", "MAP-A/L2023-06-01 C1 2023-12-01", "MAP-A/L2024-02-01 V2 null",
                        "MAP-B/L2022-01-01 C2 2024-01-01");
        SsdSchema.Table review = SsdSchema.get().table("ssd_cla_reviews");
        assertThat(expected.rows("ssd_cla_reviews")).extracting(r -> r[review.index("clar_cla_review_id")] + " " + r[review.index("clar_cla_id")])
                .containsExactlyInAnyOrder("MAP-A/R2023-06-01 MAP-A/C2023-04-01", "MAP-A/R2024-01-10 null", "MAP-A/R2024-03-01 MAP-A/C2024-02-01");

        SsdData stored = TenantScope.asSystem(() -> {
            UUID la = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
            UUID s = jdbc.sql("""
                    INSERT INTO import_snapshot (la_id, collection_year, kind, source, imported_by, imported_at, superseded_at, rows_accepted, rows_rejected)
                    VALUES (?, '2019-20', 'SSDA903', 'Ssda903ToSsdIT', 'test', now(), now(), 1, 0) RETURNING id""").param(la).query(UUID.class).single();
            for (Rows.Header h : header) {
                jdbc.sql("INSERT INTO child (snapshot_id, la_id, child_ref, sex, dob, ethnic, upn, mother) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(s, la, h.child(), h.sex(), Date.valueOf(h.dob()), h.ethnic(), h.upn(), h.mother()).update();
            }
            for (Rows.Episode e : episodes) {
                jdbc.sql("""
                        INSERT INTO episode (snapshot_id, la_id, child_ref, decom, rne, legal_status, cin, place, place_provider, dec, rec, reason_place_change)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(s, la, e.child(), Date.valueOf(e.decom()), e.rne(), e.ls(), e.cin(), e.place(),
                        e.placeProvider(), e.dec() == null ? null : Date.valueOf(e.dec()), e.rec(), e.reasonPlaceChange()).update();
            }
            for (Rows.Review r : reviews) {
                jdbc.sql("INSERT INTO review (snapshot_id, la_id, child_ref, review_date, review_code) VALUES (?, ?, ?, ?, ?)")
                        .params(s, la, r.child(), Date.valueOf(r.review()), r.reviewCode()).update();
            }
            jdbc.sql("INSERT INTO care_leaver (snapshot_id, la_id, child_ref, in_touch, activity, accommodation) VALUES (?, ?, ?, 'YES', 'F2', 'S')")
                    .params(s, la, b).update();
            jdbc.sql("INSERT INTO missing_episode (snapshot_id, la_id, child_ref, kind, started, ended) VALUES (?, ?, ?, 'M', DATE '2023-09-01', DATE '2023-09-02')")
                    .params(s, la, a).update();
            jdbc.sql("SELECT count(*) FROM ssd_from_ssda903(?)").param(s).query(Integer.class).single();
            SsdData out = new SsdStore(jdbc, java.time.Clock.systemUTC()).read(s, LOOKED_AFTER);
            missingReadAsBefore(s);
            assertThat(snapshots.missing(s)).hasSize(1);
            jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(s).update();
            return out;
        });
        for (String t : LOOKED_AFTER) {
            assertThat(sorted(stored.rows(t))).as(t).isEqualTo(sorted(expected.rows(t))).isNotEmpty();
        }
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Rows.Episode episode(String child, String decom, String rne, String ls, String place, String dec, String rec, String reasonPlaceChange) {
        return new Rows.Episode(0, child, d(decom), rne, ls, "N1", place, "PR1", dec == null ? null : d(dec), rec, reasonPlaceChange, null, null, null);
    }
}
