package org.oversight.childdata.annexa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.ssd.SsdData;
import org.oversight.childdata.ssd.SsdSchema;
import org.oversight.childdata.ssda903.SyntheticAnnexA;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.shared.upload.UploadLimits;

import static org.assertj.core.api.Assertions.assertThat;

/** Annex A lists 1 to 7 read into rows of the SSD-shaped store: headings, labels, dates, ids, and each kind of bad input. */
public class AnnexAJourneyReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate D = LocalDate.of(2026, 6, 1);

    /** A workbook of the given sheets: a heading row, then rows (LocalDate values as date cells). */
    public static Path workbook(Map<String, List<List<Object>>> sheets) throws IOException {
        Path file = Files.createTempFile("annex-a-test", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            for (var e : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey());
                int r = 0;
                for (List<Object> values : e.getValue()) {
                    SyntheticAnnexA.fill(sheet.createRow(r++), values, date);
                }
            }
            wb.write(out);
        }
        return file;
    }

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static List<Object> headings(List<String> h) {
        return new ArrayList<>(h);
    }

    private static AnnexAJourneyReader.Result read(Map<String, List<List<Object>>> sheets) throws IOException {
        Path file = workbook(sheets);
        try {
            return AnnexAJourneyReader.read("annex-a.xlsx", file, TODAY, UploadLimits.defaults());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String value(SsdData data, String table, int row, String field) {
        return data.rows(table).get(row)[SsdSchema.get().table(table).index(field)];
    }

    public static Map<String, List<List<Object>>> good() {
        Map<String, List<List<Object>>> s = new LinkedHashMap<>();
        s.put("List 1", List.of(headings(AnnexAColumns.LIST_1),
                row("C1", "b) Female", "a) WBRI", LocalDate.of(2015, 1, 25), 11, D.minusDays(3), "q) 6: Police"),
                row("C1", "b) Female", "a) WBRI", LocalDate.of(2015, 1, 25), 11, D.minusDays(40), "1A")));
        s.put("List 2", List.of(headings(AnnexAColumns.LIST_2),
                row("C2", "a) Male", "k) APKN", LocalDate.of(2012, 8, 8), 14, D.minusDays(60), D.minusDays(20), "Early Help Locality 2")));
        s.put("List 3", List.of(headings(AnnexAColumns.LIST_3),
                row("C1", "b) Female", "a) WBRI", LocalDate.of(2015, 1, 25), 11, D, "q) 6: Police", "No", 0, "Duty Team", "Ann Worker")));
        s.put("List 4", List.of(headings(AnnexAColumns.LIST_4),
                row("C1", "b) Female", "a) WBRI", LocalDate.of(2015, 1, 25), 11, "a) Yes", D.plusDays(1), "Yes", D.plusDays(30), "Yes", "Duty Team",
                        "Ann Worker")));
        s.put("List 5", List.of(headings(AnnexAColumns.LIST_5),
                row("C1", "b) Female", "a) WBRI", LocalDate.of(2015, 1, 25), 11, "a) Yes", D.plusDays(2), "No", D.plusDays(14), "Yes", 1, 1, "CP Team",
                        "Bo Worker")));
        // list 6 with its headings in another order
        List<String> six = new ArrayList<>(AnnexAColumns.LIST_6);
        java.util.Collections.reverse(six);
        List<Object> cin = row("C1", "b) Female", "a) WBRI", LocalDate.of(2015, 1, 25), 11, "a) Yes", D, "N1 - Abuse or Neglect", D.plusDays(50), null,
                null, "d) Child protection plan", "CP Team", "Bo Worker");
        java.util.Collections.reverse(cin);
        s.put("List 6", List.of(headings(six), cin));
        s.put("List 7", List.of(headings(AnnexAColumns.LIST_7),
                row("C1", "b) Female", "a) WBRI", LocalDate.of(2015, 1, 25), 11, "a) Yes", D.plusDays(14), "Physical abuse", "Neglect", D.plusDays(50),
                        "a) Yes", D.plusDays(100), null, "b) No", 2, "CP Team", "Bo Worker")));
        return s;
    }

    @Test
    void everyListGoesIntoTheStoreWithOnePersonPerChildAndIdsMadeFromTheChild() throws IOException {
        AnnexAJourneyReader.Result r = read(good());
        assertThat(r.errors()).isEmpty();
        SsdData d = r.data();
        assertThat(d.persons()).isEqualTo(2);
        assertThat(value(d, "ssd_person", 0, "pers_person_id")).isEqualTo("C1");
        assertThat(value(d, "ssd_person", 0, "pers_sex")).isEqualTo("F");
        assertThat(value(d, "ssd_person", 0, "pers_ethnicity")).isEqualTo("WBRI");
        assertThat(value(d, "ssd_person", 0, "pers_dob")).isEqualTo("2015-01-25");
        assertThat(value(d, "ssd_person", 1, "pers_ethnicity")).isEqualTo("APKN");
        assertThat(d.count("ssd_disability")).isEqualTo(1);
        assertThat(value(d, "ssd_disability", 0, "disa_disability_code")).isEqualTo("DDA");
        // contacts by date: the earlier one is K1
        assertThat(d.count("ssd_contacts")).isEqualTo(2);
        assertThat(value(d, "ssd_contacts", 0, "cont_contact_id")).isEqualTo("C1-K1");
        assertThat(value(d, "ssd_contacts", 0, "cont_contact_source_code")).isEqualTo("1A");
        assertThat(value(d, "ssd_contacts", 1, "cont_contact_source_code")).isEqualTo("6");
        assertThat(value(d, "ssd_contacts", 1, "cont_contact_source_desc")).isEqualTo("Police");
        assertThat(value(d, "ssd_early_help_episodes", 0, "earl_episode_end_date")).isEqualTo(D.minusDays(20).toString());
        // list 3's referral and list 6's episode of the same date are one episode
        assertThat(d.count("ssd_cin_episodes")).isEqualTo(1);
        assertThat(value(d, "ssd_cin_episodes", 0, "cine_referral_id")).isEqualTo("C1-R1");
        assertThat(value(d, "ssd_cin_episodes", 0, "cine_referral_nfa")).isEqualTo("N");
        assertThat(value(d, "ssd_cin_episodes", 0, "cine_cin_primary_need_code")).isEqualTo("N1");
        assertThat(value(d, "ssd_cin_episodes", 0, "cine_referral_team")).isEqualTo("Duty Team");
        assertThat(value(d, "ssd_cin_assessments", 0, "cina_assessment_id")).isEqualTo("C1-R1-A1");
        assertThat(value(d, "ssd_cin_assessments", 0, "cina_referral_id")).isEqualTo("C1-R1");
        assertThat(value(d, "ssd_cin_assessments", 0, "cina_assessment_outcome_nfa")).isEqualTo("N");
        assertThat(value(d, "ssd_s47_enquiry", 0, "s47e_s47_enquiry_id")).isEqualTo("C1-R1-S1");
        assertThat(value(d, "ssd_s47_enquiry", 0, "s47e_icpc_not_required")).isEqualTo("N");
        assertThat(value(d, "ssd_initial_cp_conference", 0, "icpc_icpc_id")).isEqualTo("C1-R1-S1-C");
        assertThat(value(d, "ssd_initial_cp_conference", 0, "icpc_icpc_outcome_cp_flag")).isEqualTo("Y");
        assertThat(value(d, "ssd_cp_plans", 0, "cppl_cp_plan_id")).isEqualTo("C1-R1-CP1");
        assertThat(value(d, "ssd_cp_plans", 0, "cppl_number_of_previous_cpp")).isEqualTo("2");
        assertThat(value(d, "ssd_cp_plans", 0, "cppl_cp_plan_latest_category")).isEqualTo("Neglect");
        assertThat(value(d, "ssd_cp_visits", 0, "cppv_cp_visit_seen_alone")).isEqualTo("Y");
        assertThat(value(d, "ssd_cp_reviews", 0, "cppr_cp_review_date")).isEqualTo(D.plusDays(100).toString());
        assertThat(value(d, "ssd_cin_visits", 0, "cinv_cin_visit_date")).isEqualTo(D.plusDays(50).toString());
        assertThat(d.count("ssd_involvements")).isEqualTo(2);
        assertThat(r.lists()).containsEntry(1, 2).containsEntry(6, 1).containsEntry(7, 1);
        assertThat(r.latestDate()).isEqualTo(D.plusDays(100));
    }

    @Test
    void theSameFileGivesTheSameIds() throws IOException {
        SsdData a = read(good()).data();
        SsdData b = read(good()).data();
        for (String t : a.tables()) {
            assertThat(b.rows(t)).as(t).usingRecursiveComparison().isEqualTo(a.rows(t));
        }
    }

    @Test
    void aMissingHeadingStopsTheListAndNamesIt() throws IOException {
        Map<String, List<List<Object>>> s = good();
        List<Object> h = headings(AnnexAColumns.LIST_1);
        h.set(5, "Contact Date");
        s.put("List 1", List.of(h, row("C1", "b) Female", "a) WBRI", LocalDate.of(2015, 1, 25), 11, D, "1A")));
        AnnexAJourneyReader.Result r = read(s);
        assertThat(r.blocking()).isTrue();
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.ruleCode()).isEqualTo("OV-AA-COLUMN");
            assertThat(e.file()).isEqualTo("annex-a.xlsx (List 1)");
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.column()).isEqualTo("Date of Contact");
        });
    }

    @Test
    void anUnknownLabelAnImpossibleDateAndDatesOutOfOrderNameSheetRowColumnAndValue() throws IOException {
        Map<String, List<List<Object>>> s = good();
        s.put("List 2", List.of(headings(AnnexAColumns.LIST_2),
                row("C2", "z) Martian", "k) APKN", "31/02/2012", 14, D.minusDays(60), D.minusDays(80), "Early Help")));
        s.put("List 4", List.of(headings(AnnexAColumns.LIST_4),
                row("C1", "b) Female", "a) WBRI", LocalDate.of(2015, 1, 25), 11, "a) Yes", D.plusDays(1), "Yes", D.plusDays(30), "CS Assessment Updated",
                        "Duty Team", "Ann Worker")));
        AnnexAJourneyReader.Result r = read(s);
        assertThat(r.blocking()).isFalse();
        assertThat(r.errors()).extracting(ValidationError::file, ValidationError::row, ValidationError::column, ValidationError::value,
                        ValidationError::ruleCode)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("annex-a.xlsx (List 2)", 2, "Gender", "z) Martian", "OV-AA-LABEL"),
                        org.assertj.core.groups.Tuple.tuple("annex-a.xlsx (List 2)", 2, "Date of Birth", "31/02/2012", "OV-AA-DATE"),
                        org.assertj.core.groups.Tuple.tuple("annex-a.xlsx (List 2)", 2, "Assessment completion date",
                                org.oversight.shared.Dates.format(D.minusDays(80)), "OV-AA-DATE-ORDER"),
                        org.assertj.core.groups.Tuple.tuple("annex-a.xlsx (List 4)", 2,
                                "Was the child assessed as requiring LA children's social care support?", "CS Assessment Updated", "OV-AA-LABEL"));
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(r.data().count("ssd_early_help_episodes")).isZero();
        assertThat(r.data().count("ssd_cin_assessments")).isZero();
    }

    @Test
    void aChildTwiceForTheSameDateAndAChildWhoseDetailsDifferAreErrors() throws IOException {
        Map<String, List<List<Object>>> s = good();
        s.put("List 3", List.of(headings(AnnexAColumns.LIST_3),
                row("C1", "b) Female", "a) WBRI", LocalDate.of(2015, 1, 25), 11, D, "1A", "No", 0, "Duty Team", "Ann Worker"),
                row("C1", "b) Female", "a) WBRI", LocalDate.of(2015, 1, 25), 11, D, "1A", "No", 0, "Duty Team", "Ann Worker")));
        s.put("List 2", List.of(headings(AnnexAColumns.LIST_2),
                row("C2", "a) Male", "k) APKN", LocalDate.of(2012, 8, 8), 14, D.minusDays(60), null, "EH"),
                row("C2", "a) Male", "k) APKN", LocalDate.of(2012, 8, 9), 14, D.minusDays(30), null, "EH")));
        AnnexAJourneyReader.Result r = read(s);
        assertThat(r.errors()).extracting(ValidationError::ruleCode).containsExactlyInAnyOrder("OV-AA-DUPLICATE", "OV-AA-CONFLICT");
        assertThat(r.errors()).filteredOn(e -> e.ruleCode().equals("OV-AA-DUPLICATE")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("rows 2 and 3"));
        assertThat(r.errors()).filteredOn(e -> e.ruleCode().equals("OV-AA-CONFLICT")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("C2").contains("List 2) row 2"));
        assertThat(r.data().rows("ssd_person")).extracting(x -> x[0]).containsExactly("C1");
    }

    @Test
    void ofstedsRealTemplateIsReadByItsOwnHeadingsAndItsSampleRowsCheckedByItsLabels() throws IOException {
        Path template = Path.of("data/child-data/annex-a/Annex_A.xlsx");
        AnnexAJourneyReader.Result asIs = AnnexAJourneyReader.read("Annex_A.xlsx", template, TODAY, UploadLimits.defaults());
        assertThat(asIs.blocking()).as(asIs.errors().toString()).isFalse();
        // the template's own sample rows use labels outside its lists: a need code of the SEND list and a free-text outcome
        assertThat(asIs.errors()).extracting(ValidationError::value).contains("PSRMEM - Support with memory and cognition", "CS Assessment Updated");
        asIs.errors().forEach(e -> System.out.println("Template as is: " + e));
        assertThat(asIs.errors()).extracting(ValidationError::ruleCode).isSubsetOf("OV-AA-LABEL", "OV-AA-DATE-ORDER");
        assertThat(asIs.notes()).extracting(ValidationError::ruleCode).containsOnly("OV-AA-NOT-READ");

        // the same template, its sample rows replaced by rows filled here
        Path filled = Files.createTempFile("annex-a-template", ".xlsx");
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Map<String, List<List<Object>>> rows = good();
            for (int n = 1; n <= 7; n++) {
                Sheet sheet = wb.getSheet("List " + n);
                for (int r = sheet.getLastRowNum(); r >= 1; r--) {
                    if (sheet.getRow(r) != null) {
                        sheet.removeRow(sheet.getRow(r));
                    }
                }
                Row heading = sheet.getRow(0);
                List<String> template6 = new ArrayList<>();
                heading.forEach(c -> template6.add(c.getStringCellValue()));
                List<List<Object>> mine = rows.get("List " + n);
                List<Object> myHeadings = mine.getFirst();
                for (int r = 1; r < mine.size(); r++) {
                    List<Object> ordered = new ArrayList<>();
                    for (String h : template6) {
                        int i = myHeadings.indexOf(h);
                        assertThat(i).as("list " + n + " heading '" + h + "' of the template").isNotNegative();
                        ordered.add(mine.get(r).get(i));
                    }
                    SyntheticAnnexA.fill(sheet.createRow(r), ordered, date);
                }
            }
            try (OutputStream out = Files.newOutputStream(filled)) {
                wb.write(out);
            }
        }
        try {
            AnnexAJourneyReader.Result r = AnnexAJourneyReader.read("Annex_A.xlsx", filled, TODAY, UploadLimits.defaults());
            assertThat(r.errors()).isEmpty();
            assertThat(r.data().persons()).isEqualTo(2);
            assertThat(r.lists()).containsExactlyInAnyOrderEntriesOf(Map.of(1, 2, 2, 1, 3, 1, 4, 1, 5, 1, 6, 1, 7, 1));
        } finally {
            Files.deleteIfExists(filled);
        }
    }
}
