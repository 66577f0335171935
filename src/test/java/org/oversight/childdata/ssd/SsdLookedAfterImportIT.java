package org.oversight.childdata.ssd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.ChildDataImporter.Mode;
import org.oversight.childdata.ChildDataImporter.Outcome;
import org.oversight.childdata.ImportFile;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The looked-after half of an SSD extract (V45_16) in real PostgreSQL: CLA episodes, placements, legal statuses,
 * reviews, visits, health checks, missing episodes, care leavers and permanence are stored with the rest of the
 * extract; a missing required value, a child's overlapping CLA episodes and a placement of a period of care the
 * extract does not have are errors naming file, row and field, and nothing is stored.
 */
@SpringBootTest
class SsdLookedAfterImportIT extends IntegrationTest {

    @Autowired
    JourneyImporter importer;
    @Autowired
    JdbcClient jdbc;

    /** Three children of the synthetic extract in {@code dir}: A and B in care, C a care leaver. */
    private static String[] children(Path dir) throws IOException {
        List<String> person = Files.readAllLines(dir.resolve("ssd_person.csv"));
        int id = List.of(person.get(0).split(",")).indexOf("pers_person_id");
        return new String[] {person.get(1).split(",", -1)[id], person.get(2).split(",", -1)[id], person.get(3).split(",", -1)[id]};
    }

    /** Writes the looked-after tables for three children of the extract, A and B in care and C a care leaver; returns A, B, C. */
    private static String[] lookedAfter(Path dir) throws IOException {
        String[] children = children(dir);
        String a = children[0];
        String b = children[1];
        String c = children[2];
        Files.writeString(dir.resolve("ssd_cla_episodes.csv"), """
                clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_start_reason,clae_cla_primary_need_code,clae_cla_episode_ceased_date,clae_cla_episode_ceased_reason,clae_cla_id,clae_cla_placement_id,clae_entered_care_date
                E1,%1$s,2024-05-01,S,N1,2024-09-01,X1,C1,P1,2024-05-01
                E2,%1$s,01/09/2024,L,N1,,,C1,P1,2024-05-01
                E3,%2$s,2025-01-10,S,N2,,,C2,P2,2025-01-10
                """.formatted(a, b));
        Files.writeString(dir.resolve("ssd_cla_placement.csv"), """
                clap_cla_placement_id,clap_cla_placement_start_date,clap_cla_placement_type,clap_cla_placement_urn,clap_cla_placement_distance,clap_cla_id,clap_cla_placement_provider,clap_cla_placement_postcode,clap_cla_placement_end_date,clap_cla_placement_change_reason,clap_person_id
                P1,2024-05-01,U1,SC123456,4.2,C1,PR1,AB1 2CD,,,%1$s
                P2,2025-01-10,K2,,,C2,PR4,,,,%2$s
                """.formatted(a, b));
        Files.writeString(dir.resolve("ssd_legal_status.csv"), """
                lega_legal_status_id,lega_person_id,lega_legal_status,lega_legal_status_start_date,lega_legal_status_end_date
                L1,%1$s,V2,2024-05-01,2024-09-01
                L2,%1$s,C2,2024-09-01,
                L3,%2$s,C2,2025-01-10,
                """.formatted(a, b));
        Files.writeString(dir.resolve("ssd_cla_reviews.csv"), """
                clar_cla_review_id,clar_cla_id,clar_cla_review_due_date,clar_cla_review_date,clar_cla_review_cancelled,clar_cla_review_participation,clar_person_id
                R1,C1,2024-05-29,2024-05-28,N,PN1,%1$s
                R2,C1,2024-11-28,2024-11-20,N,PN3,%1$s
                """.formatted(a));
        Files.writeString(dir.resolve("ssd_cla_visits.csv"), """
                clav_cla_visit_id,clav_cla_id,clav_person_id,clav_cla_visit_date,clav_cla_visit_seen,clav_cla_visit_seen_alone
                V1,C1,%1$s,2024-06-10,Y,Y
                """.formatted(a));
        Files.writeString(dir.resolve("ssd_cla_health.csv"), """
                clah_health_check_id,clah_person_id,clah_health_check_type,clah_health_check_date,clah_health_check_status
                H1,%1$s,Health Assessment,2024-06-20,Completed
                """.formatted(a));
        Files.writeString(dir.resolve("ssd_missing.csv"), """
                miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_type,miss_missing_episode_end_date,miss_missing_rhi_offered,miss_missing_rhi_accepted
                M1,%1$s,2024-07-01,M,2024-07-03,Y,N
                """.formatted(a));
        Files.writeString(dir.resolve("ssd_care_leavers.csv"), """
                clea_table_id,clea_person_id,clea_care_leaver_eligibility,clea_care_leaver_in_touch,clea_care_leaver_latest_contact,clea_care_leaver_accommodation,clea_care_leaver_accom_suitable,clea_care_leaver_activity
                CL1,%1$s,Former Relevant,YES,2025-02-01,S,1,F2
                """.formatted(c));
        Files.writeString(dir.resolve("ssd_permanence.csv"), """
                perm_table_id,perm_person_id,perm_cla_id,perm_placement_order_date,perm_siblings_placed_together
                PM1,%1$s,C1,2024-08-01,2
                """.formatted(a));
        return children;
    }

    private static List<ImportFile> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().map(ImportFile::of).toList();
        }
    }

    private int count(String table, UUID snapshot) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?)").param(snapshot)
                .query(Integer.class).single();
    }

    private String value(String sql, UUID snapshot) {
        return jdbc.sql(sql.replace("$SNAPSHOT", "(SELECT no FROM import_snapshot WHERE id = ?)")).param(snapshot).query(String.class).single();
    }

    private int snapshots() {
        return jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = (SELECT id FROM local_authority WHERE urn = 80450) AND kind = 'SSD'")
                .query(Integer.class).single();
    }

    @Test
    @WithUserDetails("col.manager")
    void theLookedAfterTablesOfAnExtractAreStoredWithTheRest() throws IOException {
        Path dir = JourneyImportIT.extract(40, 11);
        String[] c = lookedAfter(dir);
        Outcome outcome = importer.importSsd(80450, 2024, files(dir), Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(outcome.stored()).as(outcome.errors().toString()).isTrue();
        assertThat(outcome.errors()).extracting(ValidationError::ruleCode).doesNotContain("OV-SSD-NOT-STORED");
        UUID s = outcome.snapshotId();
        assertThat(count("ssd_person", s)).isEqualTo(40);
        assertThat(count("ssd_cla_episodes", s)).isEqualTo(3);
        assertThat(count("ssd_cla_placement", s)).isEqualTo(2);
        assertThat(count("ssd_legal_status", s)).isEqualTo(3);
        assertThat(count("ssd_cla_reviews", s)).isEqualTo(2);
        assertThat(count("ssd_cla_visits", s)).isEqualTo(1);
        assertThat(count("ssd_cla_health", s)).isEqualTo(1);
        assertThat(count("ssd_missing", s)).isEqualTo(1);
        assertThat(count("ssd_care_leavers", s)).isEqualTo(1);
        assertThat(count("ssd_permanence", s)).isEqualTo(1);
        assertThat(value("SELECT clae_cla_episode_start_date::text || ' ' || clae_cla_episode_start_reason || ' ' || clae_cla_placement_id || ' ' || clae_person_id"
                + " FROM ssd_cla_episodes WHERE snapshot_no = $SNAPSHOT AND clae_cla_episode_id = 'E2'", s))
                .as("a dd/mm/yyyy date read as a date").isEqualTo("2024-09-01 L P1 " + c[0]);
        assertThat(value("SELECT clap_cla_placement_distance::text || ' ' || clap_cla_placement_urn || ' ' || clap_cla_placement_type FROM ssd_cla_placement"
                + " WHERE snapshot_no = $SNAPSHOT AND clap_cla_placement_id = 'P1'", s)).isEqualTo("4.2 SC123456 U1");
        assertThat(value("SELECT lega_legal_status || ' ' || lega_legal_status_end_date FROM ssd_legal_status WHERE snapshot_no = $SNAPSHOT AND lega_legal_status_id = 'L1'", s))
                .isEqualTo("V2 2024-09-01");
        assertThat(value("SELECT clar_person_id || ' ' || clar_cla_review_participation FROM ssd_cla_reviews WHERE snapshot_no = $SNAPSHOT AND clar_cla_review_id = 'R2'", s))
                .isEqualTo(c[0] + " PN3");
        assertThat(value("SELECT clea_person_id || ' ' || clea_care_leaver_in_touch || ' ' || clea_care_leaver_latest_contact FROM ssd_care_leavers"
                + " WHERE snapshot_no = $SNAPSHOT", s)).isEqualTo(c[2] + " YES 2025-02-01");
        assertThat(value("SELECT perm_siblings_placed_together::text FROM ssd_permanence WHERE snapshot_no = $SNAPSHOT", s)).isEqualTo("2");
        // what the store gives back is what the extract said (SsdStore.read, as the exports read it)
        SsdData back = new SsdStore(jdbc, java.time.Clock.systemUTC()).read(s, List.of("ssd_missing"));
        SsdSchema.Table missing = SsdSchema.get().table("ssd_missing");
        assertThat(back.rows("ssd_missing").getFirst()[missing.index("miss_missing_episode_end_date")]).isEqualTo("2024-07-03");
        // deleting the child deletes the child's looked-after rows (V45_16's cascade)
        jdbc.sql("DELETE FROM ssd_person WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND pers_person_id = ?").params(s, c[0]).update();
        for (String t : List.of("ssd_cla_reviews", "ssd_cla_visits", "ssd_cla_health", "ssd_missing", "ssd_permanence", "ssd_legal_status")) {
            assertThat(count(t, s)).as(t + " without child A").isEqualTo(t.equals("ssd_legal_status") ? 1 : 0);
        }
        assertThat(count("ssd_cla_episodes", s)).isEqualTo(1);
    }

    @Test
    @WithUserDetails("col.manager")
    void badLookedAfterRowsAreReportedWithTheirPlaceAndNothingIsStored() throws IOException {
        Path dir = JourneyImportIT.extract(40, 12);
        String[] c = lookedAfter(dir);
        List<String> episodes = new java.util.ArrayList<>(Files.readAllLines(dir.resolve("ssd_cla_episodes.csv")));
        episodes.add("E4," + c[1] + ",,S,N2,,,C2,P2,");                            // row 5: no start date
        episodes.add("E5," + c[0] + ",2024-08-01,P,N1,,,C1,P1,2024-05-01");        // row 6: overlaps E1 (to 2024-09-01)
        Files.write(dir.resolve("ssd_cla_episodes.csv"), episodes);
        List<String> placements = new java.util.ArrayList<>(Files.readAllLines(dir.resolve("ssd_cla_placement.csv")));
        placements.add("P3,2025-03-01,K2,,,NO-SUCH-PERIOD,PR4,,,," + c[1]);       // row 4: a period of care no episode has
        Files.write(dir.resolve("ssd_cla_placement.csv"), placements);
        int before = snapshots();

        Outcome refused = importer.importSsd(80450, 2024, files(dir), Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(refused.stored()).isFalse();
        assertThat(snapshots()).as("nothing stored").isEqualTo(before);
        assertThat(refused.errors()).anySatisfy(e -> assertThat(e.ruleCode() + " " + e.file() + " " + e.row() + " " + e.column())
                .isEqualTo("OV-SSD-REQUIRED ssd_cla_episodes.csv 5 clae_cla_episode_start_date"));
        assertThat(refused.errors()).anySatisfy(e -> assertThat(e.ruleCode() + " " + e.file() + " " + e.row() + " " + e.column() + " " + e.value())
                .isEqualTo("OV-SSD-OVERLAP ssd_cla_episodes.csv 6 clae_cla_episode_start_date 2024-08-01"));
        assertThat(refused.errors()).anySatisfy(e -> {
            assertThat(e.ruleCode() + " " + e.file() + " " + e.row() + " " + e.column() + " " + e.value())
                    .isEqualTo("OV-SSD-LINK ssd_cla_placement.csv 4 clap_cla_id NO-SUCH-PERIOD");
            assertThat(e.message()).contains("ssd_cla_episodes", "clae_cla_id");
        });

        // with bad rows left out, the rest is stored: the bad episodes and placement are not
        Outcome accepted = importer.importSsd(80450, 2024, files(dir), Mode.ACCEPT_GOOD_ROWS, false, () -> { });
        assertThat(accepted.stored()).as(accepted.errors().toString()).isTrue();
        assertThat(count("ssd_cla_episodes", accepted.snapshotId())).as("E1 and E3: E4 has no start, E5 and the E2 after it overlap")
                .isEqualTo(2);
        assertThat(count("ssd_cla_placement", accepted.snapshotId())).isEqualTo(2);
    }
    @Test
    @WithUserDetails("col.manager")
    void reviewsWithoutTheChildsColumnTakeTheChildOfTheirPeriodOfCare() throws IOException {
        Path dir = JourneyImportIT.extract(40, 13);
        String[] c = lookedAfter(dir);
        // as the SSD's own script writes it: no clar_person_id; R3 names a period of care no episode has
        Files.writeString(dir.resolve("ssd_cla_reviews.csv"), """
                clar_cla_review_id,clar_cla_id,clar_cla_review_due_date,clar_cla_review_date,clar_cla_review_cancelled,clar_cla_review_participation
                R1,C1,2024-05-29,2024-05-28,N,PN1
                R2,C2,2025-02-07,2025-02-06,N,PN3
                R3,NO-SUCH-PERIOD,2025-02-07,2025-02-06,N,PN3
                """);
        Outcome refused = importer.importSsd(80450, 2024, files(dir), Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(refused.stored()).isFalse();
        assertThat(refused.errors()).extracting(ValidationError::ruleCode).contains("OV-SSD-CHILD-FROM-PERIOD");
        assertThat(refused.errors()).filteredOn(e -> e.ruleCode().equals("OV-SSD-REQUIRED")).singleElement().satisfies(e -> {
            assertThat(e.ruleCode() + " " + e.file() + " " + e.row() + " " + e.column() + " " + e.value())
                    .isEqualTo("OV-SSD-REQUIRED ssd_cla_reviews.csv 4 clar_cla_id NO-SUCH-PERIOD");
            assertThat(e.message()).contains("clar_person_id is not in the file", "no CLA episode");
        });

        Outcome accepted = importer.importSsd(80450, 2024, files(dir), Mode.ACCEPT_GOOD_ROWS, false, () -> { });
        assertThat(accepted.stored()).as(accepted.errors().toString()).isTrue();
        UUID s = accepted.snapshotId();
        assertThat(jdbc.sql("SELECT string_agg(clar_cla_review_id || ' ' || clar_person_id, ', ' ORDER BY clar_cla_review_id) FROM ssd_cla_reviews"
                + " WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?)").param(s).query(String.class).single())
                .isEqualTo("R1 " + c[0] + ", R2 " + c[1]);
    }
}
