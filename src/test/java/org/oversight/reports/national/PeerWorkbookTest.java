package org.oversight.reports.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.oversight.shared.Dates;

/**
 * Compares each LA's latest report in the bundled national dataset with the peer tool's own summary workbook,
 * {@code ofsted_csc_ilacs_overview.xlsx}: data-to-insight's, committed with its corpus on 24/03/2025 (against the
 * dataset's reports published by then), and the JT-39 fork's of 22/08/2026, whose corpus the dataset was built from
 * (against the whole dataset). Compared: which report is latest (its dates), its type, lead inspector and every
 * judgement. Every disagreement is listed in {@code data/national/peer/disagreements.csv} and explained, from the
 * report's text, in {@code docs/national-dataset-vs-peer.md}; a new one (or one that went away) fails this test.
 */
class PeerWorkbookTest {

    /** A workbook, and the last publication date of the reports it summarises. */
    record Workbook(String name, Path file, LocalDate asOf) {
    }

    static final List<Workbook> WORKBOOKS = List.of(
            new Workbook("d2i-2025-03-24", Path.of("data/national/peer/ofsted_csc_ilacs_overview-2025-03-24.xlsx"),
                    LocalDate.of(2025, 3, 24)),
            new Workbook("jt39-2026-08-22", Path.of("data/national/peer/jt-39-ofsted_csc_ilacs_overview-2026-08-22.xlsx"),
                    LocalDate.of(2026, 8, 22)));
    static final Path EXPECTED = Path.of("data/national/peer/disagreements.csv");
    static final Path DOC = Path.of("docs/national-dataset-vs-peer.md");

    /** Workbook column, dataset column. */
    private static final List<String[]> FIELDS = List.of(
            new String[] {"inspection_start_date", "start_date"},
            new String[] {"inspection_end_date", "end_date"},
            new String[] {"inspection_framework", "type"},
            new String[] {"inspector_name", "lead_inspector"},
            new String[] {"overall_effectiveness_grade", "overall"},
            new String[] {"impact_of_leaders_grade", "leaders"},
            new String[] {"help_and_protection_grade", "help_and_protection"},
            new String[] {"in_care_grade", "in_care"},
            new String[] {"care_leavers_grade", "care_leavers"});
    /** How the workbook says "no value": blank, pandas' nan and None, and its marker for care leavers before 2023. */
    private static final Set<String> PEER_BLANK = Set.of("", "nan", "none", "inspection_pre_dates_judgement",
            "not_reported_post_reform");

    record Disagreement(String workbook, int urn, String la, String field, String peer, String oversight) {
        String key() {
            return workbook + "|" + urn + "|" + field + "|" + peer + "|" + oversight;
        }
    }

    @Test
    void everyDisagreementWithThePeerWorkbookIsKnownAndExplained() throws IOException {
        List<Disagreement> found = new ArrayList<>();
        for (Workbook w : WORKBOOKS) {
            found.addAll(compare(w));
        }
        List<String> expected = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(EXPECTED, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                expected.add(rec.get("workbook") + "|" + rec.get("urn") + "|" + rec.get("field") + "|" + rec.get("peer") + "|"
                        + rec.get("oversight"));
                assertThat(rec.get("right")).as(rec.toString()).isIn("oversight", "peer", "both", "neither");
            }
        }
        assertThat(found.stream().map(Disagreement::key).toList())
                .as("disagreements with the peer workbook (a new one must be checked against the report and listed in "
                        + EXPECTED + " and " + DOC + ")")
                .containsExactlyInAnyOrderElementsOf(expected);
        String doc = Files.readString(DOC);
        for (Disagreement d : found) {
            assertThat(doc).as(DOC + " explains " + d.la() + " (" + d.urn() + ")").contains("(" + d.urn() + ")");
        }
    }

    @Test
    void theWorkbooksAndTheDatasetCoverTheSame153Las() throws IOException {
        for (Workbook w : WORKBOOKS) {
            Map<Integer, Map<String, String>> peer = peerRows(w.file());
            assertThat(peer).as(w.name()).hasSize(153);
            assertThat(latestPerLa(w.asOf()).keySet()).as(w.name()).isEqualTo(peer.keySet());
        }
    }

    static List<Disagreement> compare(Workbook w) throws IOException {
        Map<Integer, Map<String, String>> peer = peerRows(w.file());
        Map<Integer, NationalDataset.Row> latest = latestPerLa(w.asOf());
        List<Disagreement> out = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> e : peer.entrySet()) {
            NationalDataset.Row row = latest.get(e.getKey());
            for (String[] f : FIELDS) {
                String theirs = peerValue(e.getValue().getOrDefault(f[0], ""));
                // "not read" is the dataset's blank: where both are blank they agree (neither could read it)
                String ours = row == null || row.notRead(f[1]) ? "" : row.get(f[1]).toLowerCase(Locale.UK);
                if (!theirs.equals(ours)) {
                    out.add(new Disagreement(w.name(), e.getKey(), row == null ? "" : row.get("local_authority"), f[1], theirs, ours));
                }
            }
        }
        return out;
    }

    private static String peerValue(String cell) {
        String v = cell.strip().toLowerCase(Locale.UK);
        return PEER_BLANK.contains(v) ? "" : v;
    }

    static Map<Integer, Map<String, String>> peerRows(Path workbook) throws IOException {
        Map<Integer, Map<String, String>> rows = new HashMap<>();
        DataFormatter format = new DataFormatter(Locale.UK);
        try (InputStream in = Files.newInputStream(workbook); org.apache.poi.ss.usermodel.Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            List<String> names = new ArrayList<>();
            header.forEach(c -> names.add(format.formatCellValue(c)));
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                for (int c = 0; c < names.size(); c++) {
                    cells.put(names.get(c), row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.put(Integer.parseInt(cells.get("urn").strip()), cells);
            }
        }
        return rows;
    }

    /** Each LA's latest recorded report published on or before the date, by publication date. */
    static Map<Integer, NationalDataset.Row> latestPerLa(LocalDate asOf) throws IOException {
        Map<Integer, NationalDataset.Row> latest = new HashMap<>();
        for (NationalDataset.Row r : NationalDatasetTest.bundled().rows()) {
            if (!r.get("status").equals(NationalDataset.RECORDED) || published(r).isAfter(asOf)) {
                continue;
            }
            int urn = Integer.parseInt(r.get("urn"));
            NationalDataset.Row current = latest.get(urn);
            if (current == null || published(r).isAfter(published(current))) {
                latest.put(urn, r);
            }
        }
        return latest;
    }

    private static LocalDate published(NationalDataset.Row r) {
        return LocalDate.parse(r.get("publication_date"), Dates.DATE);
    }

    /** Prints the disagreements as CSV rows, to review against the reports when the dataset changes. */
    public static void main(String[] args) throws IOException {
        for (Workbook w : WORKBOOKS) {
            for (Disagreement d : compare(w)) {
                System.out.println(w.name() + "," + d.urn() + ",\"" + d.la() + "\"," + d.field() + ",\"" + d.peer() + "\",\""
                        + d.oversight() + "\",");
            }
        }
    }
}
