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

        // A small return of our own with one impossible date: accepted without that row, which is reported.
        ChildDataImporter.Outcome first = importer.importReturn(80450, 2023, smallReturn("31/02/2024"), ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, false);
        assertThat(first.stored()).isTrue();
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(first.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("reviews.csv");
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("REVIEW");
            assertThat(e.value()).isEqualTo("31/02/2024");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM child WHERE snapshot_id = ?").param(first.snapshotId()).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM review WHERE snapshot_id = ?").param(first.snapshotId()).query(Integer.class).single()).isEqualTo(1);

        ChildDataImporter.Outcome second = importer.importReturn(80450, 2023, smallReturn("10/07/2023"), ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, false);
        assertThat(second.stored()).isTrue();
        assertThat(second.errors()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND collection_year = '2023-24'").param(city()).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT id FROM import_snapshot WHERE la_id = ? AND collection_year = '2023-24' AND superseded_at IS NULL")
                .param(city()).query(UUID.class).single()).isEqualTo(second.snapshotId());
        assertThat(jdbc.sql("SELECT count(*) FROM child WHERE snapshot_id = ?").param(first.snapshotId()).query(Integer.class).single())
                .as("the superseded snapshot keeps its history").isEqualTo(2);
    }

    private static Map<String, byte[]> smallReturn(String secondReviewDate) {
        Map<String, byte[]> f = new LinkedHashMap<>();
        // A return that passes every DfE rule that can run on it: real City of London postcodes, URNs, a change of
        // placement with its reason.
        f.put("header.csv", ("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1001,F,01/05/2012,WBRI,A123456789012,0,\n"
                + "1002,M,01/09/2008,WBRI,B123456789012,,\n").getBytes(StandardCharsets.UTF_8));
        f.put("episodes.csv", ("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                + "1001,18/12/2023,S,C2,N1,U1,PR1,,,,EC2M 7JR,EC2V 8BA,SC123456\n"
                + "1002,01/06/2023,S,C2,N1,U1,PR1,01/11/2023,X1,CARPL,EC3N 1AY,EC3M 3AS,SC123456\n"
                + "1002,01/11/2023,P,C2,N1,U1,PR1,,,,EC3N 1AY,EC2A 2JN,SC123457\n").getBytes(StandardCharsets.UTF_8));
        f.put("reviews.csv", ("CHILD,DOB,REVIEW,REVIEW_CODE\n1001,01/05/2012,18/01/2024,PN1\n1002,01/09/2008," + secondReviewDate + ",PN1\n")
                .getBytes(StandardCharsets.UTF_8));
        return f;
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

    @Autowired
    org.oversight.compliance.ComplianceService compliance;

    @Test
    @WithUserDetails("col.manager")
    void generatedSyntheticDataImportsWithoutErrorsAndFeedsTheDashboard() throws IOException {
        Path dir = Files.createTempDirectory("oversight-903");
        org.oversight.childdata.ssda903.SyntheticData.generate("la", 7, List.of("201"), dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var list = Files.list(dir.resolve("201"))) {
            for (Path p : list.sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        assertThat(files).containsKeys("header.csv", "episodes.csv", "reviews.csv", "oc3.csv");
        // Whatever another test left as City of London's current data for 2026-27, this return replaces it.
        ChildDataImporter.Outcome outcome = importer.importReturn(80450, 2026, files.entrySet().stream()
                .map(e -> ImportFile.of(e.getKey(), e.getValue())).toList(),
                new ChildDataImporter.Options(ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, false, true), false, () -> { });
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.stored()).isTrue();
        var dashboard = compliance.dashboard(city()).orElseThrow();
        assertThat(dashboard.snapshot().collectionYear()).isEqualTo("2026-27");
        assertThat(dashboard.inCare()).isNotEmpty();
        assertThat(dashboard.careLeavers()).isNotEmpty();

        byte[] xlsx = annexA.lists8And9(city());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var list8 = wb.getSheet("List 8");
            var header = list8.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Child Unique ID");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("Date Started to be Looked After");
            assertThat(header.getLastCellNum()).isEqualTo((short) 34);
            assertThat(list8.getLastRowNum()).isGreaterThanOrEqualTo(dashboard.inCare().size());
            var first = list8.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).startsWith("201");
            assertThat(first.getCell(1).getStringCellValue()).matches("[abc]\\) .*");
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            var list9 = wb.getSheet("List 9");
            assertThat(list9.getRow(0).getLastCellNum()).isEqualTo((short) 17);
            assertThat(list9.getLastRowNum()).isEqualTo(dashboard.careLeavers().size());
            assertThat(list9.getRow(1).getCell(12).getStringCellValue()).matches("[abc]\\) .*");
            assertThat(wb.getSheet("Validation").getRow(4).getCell(0).getStringCellValue()).startsWith("List 8 rows");
        }
    }

    @Autowired
    AnnexAExport annexA;

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
