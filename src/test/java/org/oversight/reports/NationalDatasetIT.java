package org.oversight.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oversight.inspection.SingleRecordService;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.reports.national.NationalDataset;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bundled national dataset loaded on start into real PostgreSQL; damaged datasets leave nothing behind. */
@SpringBootTest
class NationalDatasetIT extends IntegrationTest {

    @Autowired
    NationalDatasetLoader loader;
    @Autowired
    SingleRecordService records;
    @Autowired
    PublishedReports published;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyLaHasItsPublishedHistoryFromTheFirstStart() {
        assertThat(jdbc.sql("SELECT count(*) FROM national_dataset_load").query(Integer.class).single()).isEqualTo(1);
        // 497 files, 494 distinct documents (the four 2012 files are the same saved web page)
        assertThat(published.count()).isEqualTo(494);
        assertThat(jdbc.sql("SELECT count(*) FROM published_report WHERE status = 'RECORDED' AND activity_id IS NOT NULL")
                .query(Integer.class).single()).isEqualTo(488);
        var register = records.register(new SingleRecordService.RegisterFilter(null, null, null));
        assertThat(register).hasSize(153);
        assertThat(register).allSatisfy(row -> assertThat(row.latest()).as(row.la().name()).isNotNull());
        // inspections from 27 April 2026 give no overall effectiveness: 11 LAs' latest reports are of that era
        assertThat(register.stream().filter(r -> r.overall() == null)).hasSize(11)
                .allSatisfy(r -> assertThat(r.latest().startDate()).isAfterOrEqualTo(java.time.LocalDate.of(2026, 4, 27)));
    }

    @Test
    void barkingAndDagenhamsRecordShowsItsInspectionsAndItsNeighboursGrades() {
        var record = records.singleRecord(80486);
        List<InspectionActivity> inspections = record.activities().stream().map(SingleRecordService.ActivityView::activity)
                .filter(a -> a.type().graded()).toList();
        assertThat(inspections).extracting(a -> a.startDate().toString() + " " + a.type())
                .containsExactly("2023-07-10 STANDARD_INSPECTION", "2019-02-18 STANDARD_INSPECTION", "2014-04-29 SIF_INSPECTION"); // newest first
        // as printed on page 1 of "children's services inspection - 04 september 2023.pdf"
        InspectionActivity latest = inspections.getFirst();
        assertThat(latest.endDate()).hasToString("2023-07-21");
        assertThat(latest.publicationDate()).hasToString("2023-09-04");
        assertThat(latest.leadInspector()).isEqualTo("Naintara Khosla");
        assertThat(latest.judgements()).containsExactlyInAnyOrderEntriesOf(Map.of(
                JudgementArea.LEADERS, Grade.REQUIRES_IMPROVEMENT, JudgementArea.HELP_AND_PROTECTION, Grade.REQUIRES_IMPROVEMENT,
                JudgementArea.IN_CARE, Grade.REQUIRES_IMPROVEMENT, JudgementArea.CARE_LEAVERS, Grade.GOOD,
                JudgementArea.OVERALL, Grade.REQUIRES_IMPROVEMENT));
        assertThat(latest.improvementItems()).isNotEmpty();
        assertThat(record.neighbours()).hasSize(10);
        // every neighbour has a graded inspection; an overall grade unless it was inspected under the framework without
        // one (from 27 April 2026: Brent's short inspection of 27 April 2026 is one)
        assertThat(record.neighbours()).allSatisfy(n -> {
            assertThat(n.latest()).as(n.la().name()).isNotNull();
            assertThat(n.latest().grades()).as(n.la().name()).isNotEmpty();
            if (n.latest().startDate().isBefore(java.time.LocalDate.of(2026, 4, 27))) {
                assertThat(n.overall()).as(n.la().name()).isNotNull();
            }
        });
        var sources = published.of(inspections.stream().map(InspectionActivity::id).toList());
        assertThat(sources).hasSize(3);
        assertThat(sources.get(latest.id()).ofstedUrl()).startsWith("https://files.ofsted.gov.uk/v1/file/");
    }

    @Test
    void loadingTheSameDatasetAgainChangesNothing() {
        int before = activitiesAndFindings();
        NationalDatasetLoader.Result again = loader.loadBundled().orElseThrow();
        assertThat(again.alreadyLoaded()).isTrue();
        assertThat(activitiesAndFindings()).isEqualTo(before);
    }

    @Test
    void aDamagedDatasetIsRefusedAndNothingOfItIsStored() throws IOException {
        byte[] csv = Files.readAllBytes(Path.of("data/national", NationalDataset.CSV_FILE));
        byte[] manifest = Files.readAllBytes(Path.of("data/national", NationalDataset.MANIFEST_FILE));
        String text = new String(csv, StandardCharsets.UTF_8);
        int before = activitiesAndFindings();
        int loads = jdbc.sql("SELECT count(*) FROM national_dataset_load").query(Integer.class).single();

        String changed = text.replaceFirst("(80486,Barking and Dagenham,[^\\n]*?),good,", "$1,outstanding,");
        assertThatThrownBy(() -> loader.load(bytes(changed), new ByteArrayInputStream(manifest)))
                .isInstanceOf(NationalDataset.DatasetException.class).hasMessageContaining("80486");
        String truncated = text.substring(0, text.length() / 2);
        assertThatThrownBy(() -> loader.load(bytes(truncated), new ByteArrayInputStream(manifest)))
                .isInstanceOf(NationalDataset.DatasetException.class);

        assertThat(activitiesAndFindings()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM national_dataset_load").query(Integer.class).single()).isEqualTo(loads);
    }

    @Test
    void aRowThatCannotBeRecordedRollsBackTheWholeLoad() throws IOException {
        // a new, well-formed dataset: one report not yet held, then one of an LA the register does not have
        List<NationalDataset.Row> rows = NationalDataset.read(Files.newInputStream(Path.of("data/national", NationalDataset.CSV_FILE)),
                Files.newInputStream(Path.of("data/national", NationalDataset.MANIFEST_FILE))).rows();
        NationalDataset.Row template = rows.stream().filter(r -> r.get("urn").equals("80486") && r.get("type").equals("standard"))
                .findFirst().orElseThrow();
        Map<String, String> fresh = new HashMap<>(template.cells());
        fresh.put("sha256", "a".repeat(64));
        fresh.put("start_date", "02/03/2026");
        fresh.put("end_date", "13/03/2026");
        fresh.put("on_site", "02/03/2026 to 13/03/2026");
        fresh.put("publication_date", "24/04/2026");
        Map<String, String> unknownLa = new HashMap<>(fresh);
        unknownLa.put("sha256", "b".repeat(64));
        unknownLa.put("urn", "99999");
        StringWriter out = new StringWriter();
        String manifest = NationalDataset.write(List.of(NationalDataset.row(fresh), NationalDataset.row(unknownLa)),
                "test", "test", out);
        int before = activitiesAndFindings();

        assertThatThrownBy(() -> loader.load(bytes(out.toString()), bytes(manifest)))
                .isInstanceOf(NationalDataset.DatasetException.class)
                .hasMessageContaining("row 3").hasMessageContaining("99999").hasMessageContaining("not an LA in the register");

        assertThat(activitiesAndFindings()).as("the first row's activity was rolled back too").isEqualTo(before);
        assertThat(published.find("a".repeat(64))).isEmpty();
        assertThat(records.singleRecord(80486).activities()).noneMatch(v -> v.activity().type() == ActivityType.STANDARD_INSPECTION
                && v.activity().startDate().toString().equals("2026-03-02"));
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private int activitiesAndFindings() {
        return jdbc.sql("SELECT (SELECT count(*) FROM inspection_activity) + (SELECT count(*) FROM finding) "
                + "+ (SELECT count(*) FROM published_report)").query(Integer.class).single();
    }
}
