package org.oversight.childdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.persistence.Ssda903TablesAsRead;
import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.SyntheticData;
import org.oversight.register.LocalAuthorities;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readers of an SSDA903 snapshot's children, episodes, reviews and care leavers (what compliance, the chronology,
 * audits, voice and Annex A's lists read) read the SSD store's tables of the snapshot ({@code V48_16}), and answer
 * exactly as the 903 tables did, for every SSDA903 snapshot in the database: the DfE fake sample stored as read (every
 * child of it has an error: null legal statuses, odd codes, overlapping episodes), generated returns of three LAs
 * imported whole, one of them updated by a partial return (the other tables copied from the snapshot before), a
 * hand-made snapshot with each case the mapping has to get right, and whatever snapshots the other tests have left.
 */
@SpringBootTest
class SnapshotReadsFromSsdIT extends IntegrationTest {

    private static final List<String> FAKE = List.of("header.csv", "episodes.csv", "reviews.csv", "oc3.csv", "missing.csv", "uasc.csv", "oc2.csv",
            "ad1.csv", "placed_for_adoption.csv", "previous_permanence.csv", "sw_episodes.csv", "DoLo.csv");
    /** City of London, Hackney, Camden: small LAs, so the test is quick. */
    private static final List<String> LAS = List.of("201", "204", "202");

    @Autowired
    ChildDataImporter importer;
    @Autowired
    ChildDataSnapshots snapshots;
    @Autowired
    LocalAuthorities localAuthorities;
    @Autowired
    JdbcClient jdbc;

    private final List<UUID> made = new ArrayList<>();
    private final List<UUID> restore = new ArrayList<>();

    /** Puts back the LAs' current data of before the test (other tests read it). */
    @AfterEach
    void putBack() {
        TenantScope.asSystem(() -> {
            for (UUID id : made.reversed()) {
                jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(id).update();
            }
            for (UUID id : restore) {
                jdbc.sql("UPDATE import_snapshot SET superseded_at = NULL WHERE id = ?").param(id).update();
            }
            return null;
        });
    }

    private void rememberCurrent(int urn, CollectionYear year) {
        TenantScope.asSystem(() -> restore.addAll(jdbc.sql("""
                SELECT s.id FROM import_snapshot s JOIN local_authority l ON l.id = s.la_id
                 WHERE l.urn = ? AND s.kind = 'SSDA903' AND s.collection_year = ? AND s.superseded_at IS NULL""")
                .params(urn, year.toString()).query(UUID.class).list()));
    }

    @Test
    void theReadersOfEverySsda903SnapshotAnswerFromTheSsdStoreAsTheSsda903TablesDid() throws IOException {
        // the DfE fake sample, stored as read
        Map<String, byte[]> fake = new LinkedHashMap<>();
        for (String f : FAKE) {
            fake.put(f, Files.readAllBytes(Path.of("data/child-data/ssda903-fake", f)));
        }
        rememberCurrent(80450, CollectionYear.of(2017));
        UUID sample = TenantScope.asSystem(() -> importer.storeAsRead(localAuthorities.get(80450), CollectionYear.of(2017), fake));
        made.add(sample);

        // generated returns of three LAs, imported whole; then a partial update of the first (its reviews only)
        Path dir = Files.createTempDirectory("oversight-reads-ssd");
        List<UUID> generated = new ArrayList<>();
        int firstUrn = 0;
        Map<String, byte[]> firstReviews = null;
        try {
            SyntheticData.generate("la", 16, LAS, dir);
            for (String code : LAS) {
                int urn = TenantScope.asSystem(() -> jdbc.sql("SELECT urn FROM local_authority WHERE la_code = ?").param(code).query(Integer.class).single());
                Map<String, byte[]> files = new LinkedHashMap<>();
                try (var list = Files.list(dir.resolve(code))) {
                    for (Path p : list.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                        files.put(p.getFileName().toString(), Files.readAllBytes(p));
                    }
                }
                rememberCurrent(urn, CollectionYear.of(2026));
                generated.add(imported(importer.importReturn(urn, 2026, files.entrySet().stream().map(e -> ImportFile.of(e.getKey(), e.getValue())).toList(),
                        new ChildDataImporter.Options(ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, false, true), true, () -> { })));
                if (firstUrn == 0) {
                    firstUrn = urn;
                    firstReviews = Map.of("reviews.csv", files.get("reviews.csv"));
                }
            }
        } finally {
            SyntheticJourneys.delete(dir);
        }
        assertThat(firstReviews.get("reviews.csv")).as("the generated reviews").isNotNull();
        generated.add(imported(importer.importReturn(firstUrn, 2026, firstReviews.entrySet().stream().map(e -> ImportFile.of(e.getKey(), e.getValue())).toList(),
                new ChildDataImporter.Options(ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, true, true), true, () -> { })));

        UUID handMade = handMade();

        // every SSDA903 snapshot of the database, ours and those other tests left, current or superseded
        int compared = TenantScope.asSystem(() -> {
            List<UUID> all = jdbc.sql("SELECT id FROM import_snapshot WHERE kind = 'SSDA903' ORDER BY no").query(UUID.class).list();
            assertThat(all).as("the snapshots made here are among them").contains(sample, handMade).containsAll(generated);
            int n = 0;
            for (UUID s : all) {
                n += Ssda903TablesAsRead.assertReadAsBefore(snapshots, jdbc, s);
            }
            return n;
        });
        assertThat(compared).as("records compared").isGreaterThan(1000);

        TenantScope.asSystem(() -> {
            // the cases that needed the V48_16 columns are there: UASC children (and an episode without legal status after one
            // with, in the hand-made snapshot, checked as it is made)
            assertThat(jdbc.sql("SELECT count(*) FROM child WHERE snapshot_id = ANY(?) AND uasc").param(generated.toArray(UUID[]::new))
                    .query(Integer.class).single()).as("UASC children in the generated returns").isPositive();
            assertThat(snapshots.children(generated.getLast())).as("the partial update keeps the UASC children")
                    .anyMatch(ChildDataSnapshots.Child::uasc);
            int[] sampleEpisodes = jdbc.sql("SELECT count(*), count(*) FILTER (WHERE legal_status IS NULL) FROM episode WHERE snapshot_id = ?")
                    .param(sample).query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
            assertThat(snapshots.episodes(sample)).as("the DfE fake sample's episodes").hasSize(sampleEpisodes[0]).isNotEmpty();
            System.out.printf("SnapshotReadsFromSsdIT: DfE fake sample %d episodes, %d without legal status%n", sampleEpisodes[0], sampleEpisodes[1]);
            return null;
        });
        // a snapshot of another kind has no looked-after data of an SSDA903 return
        UUID other = TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM import_snapshot WHERE kind <> 'SSDA903' ORDER BY no LIMIT 1").query(UUID.class).optional()
                .orElse(null));
        if (other != null) {
            assertThat(snapshots.children(other)).as("children of a snapshot of another kind").isEmpty();
            assertThat(snapshots.episodes(other)).isEmpty();
        }
    }

    private UUID imported(ChildDataImporter.Outcome outcome) {
        assertThat(outcome.stored()).as(() -> "stored: " + outcome.errors().stream().filter(e -> !e.query()).limit(5).toList()).isTrue();
        made.add(outcome.snapshotId());
        return outcome.snapshotId();
    }

    /** A snapshot of {@link Ssda903TablesAsRead#insertEveryCase}'s rows, written into the SSD store as an import does. */
    private UUID handMade() {
        return TenantScope.asSystem(() -> {
            UUID la = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
            UUID s = jdbc.sql("""
                    INSERT INTO import_snapshot (la_id, collection_year, kind, source, imported_by, imported_at, superseded_at, rows_accepted, rows_rejected)
                    VALUES (?, '2018-19', 'SSDA903', 'SnapshotReadsFromSsdIT', 'test', now(), now(), 1, 0) RETURNING id""").param(la).query(UUID.class).single();
            made.add(s);
            Ssda903TablesAsRead.insertEveryCase(jdbc, s, la);
            jdbc.sql("SELECT count(*) FROM ssd_from_ssda903(?)").param(s).query(Integer.class).single();
            assertThat(snapshots.episodes(s)).extracting(ChildDataSnapshots.Episode::legalStatus)
                    .as("each episode's own legal status, none where it had none").containsExactlyElementsOf(Ssda903TablesAsRead.EVERY_CASE_LEGAL_STATUSES);
            assertThat(snapshots.children(s)).extracting(ChildDataSnapshots.Child::uasc).containsExactly(true, false, false);
            return s;
        });
    }
}
