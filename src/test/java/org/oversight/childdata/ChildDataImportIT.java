package org.oversight.childdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SSDA903 import into real PostgreSQL with the fake sample return (data/child-data/ssda903-fake), which has errors. */
@SpringBootTest
class ChildDataImportIT extends IntegrationTest {

    private static final List<String> TABLES = List.of("header.csv", "episodes.csv", "reviews.csv", "oc3.csv", "missing.csv", "uasc.csv");

    @Autowired
    ChildDataImporter importer;
    @Autowired
    JdbcClient jdbc;

    private static Map<String, byte[]> fakeReturn() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String t : TABLES) {
            files.put(t, Files.readAllBytes(Path.of("data/child-data/ssda903-fake", t)));
        }
        return files;
    }

    private int snapshots(UUID la) {
        return jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND collection_year = '2017-18'").param(la).query(Integer.class).single();
    }

    private UUID city() {
        return jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
    }

    @Test
    @WithUserDetails("col.manager")
    void aReturnWithErrorsIsRejectedWholeOrAcceptedWithoutItsBadRowsAndANewerSnapshotSupersedes() throws IOException {
        int before = snapshots(city());
        ChildDataImporter.Outcome rejected = importer.importReturn(80450, 2017, fakeReturn(), ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, false);
        assertThat(rejected.stored()).isFalse();
        assertThat(rejected.errors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.file()).isIn(TABLES);
            assertThat(e.ruleCode()).isNotBlank();
            assertThat(e.message()).isNotBlank();
        });
        assertThat(snapshots(city())).isEqualTo(before);

        ChildDataImporter.Outcome first = importer.importReturn(80450, 2017, fakeReturn(), ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, false);
        assertThat(first.stored()).isTrue();
        assertThat(first.accepted()).isGreaterThan(1000);
        assertThat(first.rejected()).isPositive();
        int children = jdbc.sql("SELECT count(*) FROM child WHERE snapshot_id = ?").param(first.snapshotId()).query(Integer.class).single();
        assertThat(children).isGreaterThan(100);

        ChildDataImporter.Outcome second = importer.importReturn(80450, 2017, fakeReturn(), ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, false);
        assertThat(snapshots(city())).isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND collection_year = '2017-18' AND superseded_at IS NULL")
                .param(city()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT id FROM import_snapshot WHERE la_id = ? AND collection_year = '2017-18' AND superseded_at IS NULL")
                .param(city()).query(UUID.class).single()).isEqualTo(second.snapshotId());
        assertThat(jdbc.sql("SELECT count(*) FROM child WHERE snapshot_id = ?").param(first.snapshotId()).query(Integer.class).single())
                .as("the superseded snapshot keeps its history").isEqualTo(children);
    }

    @Test
    @WithUserDetails("col.manager")
    void aFileWithTheWrongHeadersIsReportedByNameAndNothingIsStored() {
        int before = snapshots(city());
        ChildDataImporter.Outcome outcome = importer.importReturn(80450, 2017,
                Map.of("episodes.csv", "CHILD,START,END\n1,01/01/2017,\n".getBytes(StandardCharsets.UTF_8)),
                ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, false);
        assertThat(outcome.stored()).isFalse();
        assertThat(outcome.errors()).isNotEmpty();
        assertThat(outcome.errors().getFirst().file()).isEqualTo("episodes.csv");
        assertThat(snapshots(city())).isEqualTo(before);
        ChildDataImporter.Outcome empty = importer.importReturn(80450, 2017, Map.of("header.csv", new byte[0]),
                ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, false);
        assertThat(empty.stored()).isFalse();
        assertThat(empty.errors()).extracting(e -> e.file()).contains("header.csv");
    }

    @Test
    @WithUserDetails("southwark.manager")
    void anotherLasUserCannotImport() {
        assertThatThrownBy(() -> importer.importReturn(80450, 2017, fakeReturn(), ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, false))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("col.councillor")
    void aCouncillorCannotImport() {
        assertThatThrownBy(() -> importer.importReturn(80450, 2017, fakeReturn(), ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, false))
                .isInstanceOf(AccessDeniedException.class);
    }
}
