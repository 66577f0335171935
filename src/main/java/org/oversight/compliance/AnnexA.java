package org.oversight.compliance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oversight.shared.web.SpreadsheetSafe;
import org.oversight.access.CurrentUser;
import org.oversight.childdata.annexa.AnnexAColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ofsted's Annex A lists 8 (children in care) and 9 (care leavers) from the LA's current SSDA903 snapshot and Annex A
 * facts (teams, workers, visits, health, pathway plans) from its current Annex A import, in the
 * column order and lettered code values of the Annex A template (data/child-data/annex-a/Annex_A.xlsx), with dates as
 * dd/mm/yyyy. A validation sheet says which columns the 903 return cannot fill and how many cells are blank.
 */
@Service
public class AnnexA {

    private final JdbcClient jdbc;
    private final ComplianceService compliance;
    private final CurrentUser currentUser;

    AnnexA(JdbcClient jdbc, ComplianceService compliance, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.compliance = compliance;
        this.currentUser = currentUser;
    }

    /** The workbook, or an empty result when no data has been imported. */
    @Transactional
    public byte[] lists8And9(UUID laId) {
        if (!currentUser.canEdit(laId)) {
            throw new AccessDeniedException("Annex A holds children's records: only the local authority's managers and staff can produce it");
        }
        ComplianceService.Snapshot snapshot = compliance.currentSnapshot(laId)
                .orElseThrow(() -> new org.oversight.shared.web.NotFoundException("No child-level data has been imported"));
        LocalDate ref = snapshot.asOf();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CreationHelper helper = wb.getCreationHelper();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("dd/mm/yyyy"));
            SpreadsheetSafe.Cells text = new SpreadsheetSafe.Cells(wb);
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Map<String, Integer> blanks = new LinkedHashMap<>();
            ComplianceService.Snapshot annexSnapshot = compliance.currentAnnexA(laId).orElse(null);
            Map<String, Map<String, Object>> annex = annexSnapshot == null ? Map.of() : annexFacts(annexSnapshot.id());
            int rows8 = list8(wb.createSheet("List 8"), snapshot, ref, date, header, blanks, annex, text);
            int rows9 = list9(wb.createSheet("List 9"), snapshot, ref, date, header, blanks, annex, text);
            Sheet v = wb.createSheet("Validation");
            int r = 0;
            write(v.createRow(r++), header, "Check", "Result");
            write(v.createRow(r++), null, "Source", "SSDA903 return " + snapshot.collectionYear() + ", children as at " + org.oversight.shared.Dates.format(ref));
            write(v.createRow(r++), null, "Annex A facts", annex.isEmpty() ? "No Annex A workbook imported: teams, workers, visits, health and pathway plans are blank"
                    : "From the Annex A workbook imported on " + org.oversight.shared.Dates.format(annexSnapshot.importedAt().toInstant()));
            write(v.createRow(r++), null, "Template", AnnexAColumns.VERSION);
            write(v.createRow(r++), null, "List 8 rows (children in care now or in the last 6 months)", String.valueOf(rows8));
            write(v.createRow(r++), null, "List 9 rows (care leavers)", String.valueOf(rows9));
            for (var e : blanks.entrySet()) {
                write(v.createRow(r++), null, "Blank: " + e.getKey(), e.getValue() + " cells (not held in the SSDA903 return or the Annex A import)");
            }
            wb.write(out);
            compliance.logExport(laId, "Annex A lists 8 and 9 export");
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int list8(Sheet sheet, ComplianceService.Snapshot s, LocalDate ref, CellStyle date, CellStyle header, Map<String, Integer> blanks,
                      Map<String, Map<String, Object>> annex, SpreadsheetSafe.Cells text) {
        write(sheet.createRow(0), header, AnnexAColumns.LIST_8.toArray(String[]::new));
        Map<String, Object[]> children = children(s.id());
        Map<String, List<Object[]>> episodes = new LinkedHashMap<>();
        jdbc.sql("SELECT child_ref, decom, dec, cin, legal_status, place, place_provider, rec FROM episode WHERE snapshot_id = ? ORDER BY child_ref, decom")
                .param(s.id()).query(rs -> { episodes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Object[] {
                        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)}); });
        Map<String, LocalDate> latestReview = new LinkedHashMap<>();
        jdbc.sql("SELECT child_ref, max(review_date) FROM review WHERE snapshot_id = ? GROUP BY child_ref").param(s.id())
                .query(rs -> { latestReview.put(rs.getString(1), rs.getObject(2, LocalDate.class)); });
        Map<String, int[]> missing = new LinkedHashMap<>();
        jdbc.sql("SELECT child_ref, kind, count(*) FROM missing_episode WHERE snapshot_id = ? AND started > ? GROUP BY child_ref, kind")
                .params(s.id(), ref.minusMonths(12)).query(rs -> {
                    int[] counts = missing.computeIfAbsent(rs.getString(1), k -> new int[2]);
                    counts["A".equals(rs.getString(2)) ? 1 : 0] += rs.getInt(3);
                });
        int r = 1;
        for (var e : episodes.entrySet()) {
            List<Object[]> list = e.getValue();
            Object[] last = list.getLast();
            LocalDate ceased = (LocalDate) last[1];
            if (ceased != null && (ceased.isBefore(ref.minusMonths(6)) || ceased.isAfter(ref))) {
                continue; // ceased more than 6 months before the reference date
            }
            Object[] c = children.get(e.getKey());
            if (c == null) {
                continue;
            }
            List<LocalDate[]> spans = list.stream().map(x -> new LocalDate[] {(LocalDate) x[0], (LocalDate) x[1]}).toList();
            LocalDate start = ComplianceService.periodStart(spans);
            LocalDate legalFrom = (LocalDate) last[0];
            for (int i = list.size() - 2; i >= 0 && java.util.Objects.equals(list.get(i)[3], last[3]) && list.get(i)[1] != null
                    && list.get(i)[1].equals(legalFrom); i--) {
                legalFrom = (LocalDate) list.get(i)[0];
            }
            boolean secondPeriod = list.stream().anyMatch(x -> x[1] != null && ((LocalDate) x[1]).isBefore(start)
                    && ((LocalDate) x[1]).isAfter(ref.minusMonths(12)));
            long placements = list.stream().filter(x -> !((LocalDate) x[0]).isBefore(ref.minusMonths(12))).count();
            int[] m = missing.getOrDefault(e.getKey(), new int[2]);
            Row row = sheet.createRow(r++);
            Map<String, Object> v = new java.util.HashMap<>(annex.getOrDefault("8/" + e.getKey(), Map.of()));
            v.put("Child Unique ID", e.getKey());
            v.put("Gender", AnnexAColumns.gender((String) c[0]));
            v.put("Ethnicity", AnnexAColumns.ethnicity((String) c[2]));
            v.put("Date of Birth", c[1]);
            v.put("Age", age((LocalDate) c[1], ref));
            v.put(AnnexAColumns.LIST_8.get(5), AnnexAColumns.yesNo((Boolean) c[3]));
            v.put("Date Started to be Looked After", start);
            v.put("Child's Category of Need", AnnexAColumns.need((String) last[2]));
            v.put(AnnexAColumns.LIST_8.get(9), AnnexAColumns.yesNo(secondPeriod));
            v.put("Start date of current legal status", legalFrom);
            v.put("Child's Legal Status", last[3]);
            v.put("Date of Latest Statutory Review", latestReview.get(e.getKey()));
            v.put("Number of Placements in the Last 12 months", placements);
            v.put("Date Ceased to be Looked After", ceased);
            v.put("Reason Ceased to be Looked After", last[6]);
            v.putIfAbsent("Start Date of Most Recent Placement", last[0]);
            v.put("Placement Type", last[4]);
            v.put("Placement Provider", last[5]);
            v.put(AnnexAColumns.LIST_8.get(28), m[0]);
            v.put(AnnexAColumns.LIST_8.get(29), m[1]);
            fill(row, AnnexAColumns.LIST_8, v, date, blanks, text);
        }
        return r - 1;
    }

    private int list9(Sheet sheet, ComplianceService.Snapshot s, LocalDate ref, CellStyle date, CellStyle header, Map<String, Integer> blanks,
                      Map<String, Map<String, Object>> annex, SpreadsheetSafe.Cells text) {
        write(sheet.createRow(0), header, AnnexAColumns.LIST_9.toArray(String[]::new));
        Map<String, Object[]> children = children(s.id());
        List<Object[]> leavers = jdbc.sql("SELECT child_ref, in_touch, accommodation, activity FROM care_leaver WHERE snapshot_id = ? ORDER BY child_ref")
                .param(s.id()).query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
        int r = 1;
        for (Object[] l : leavers) {
            Object[] c = children.get((String) l[0]);
            if (c == null) {
                continue;
            }
            String accom = (String) l[2];
            Map<String, Object> v = new java.util.HashMap<>(annex.getOrDefault("9/" + l[0], Map.of()));
            v.put("Child Unique ID", l[0]);
            v.put("Gender", AnnexAColumns.gender((String) c[0]));
            v.put("Ethnicity", AnnexAColumns.ethnicity((String) c[2]));
            v.put("Date of Birth", c[1]);
            v.put("Age", age((LocalDate) c[1], ref));
            v.put("UASC or former UASC (Y/N)", AnnexAColumns.yesNo((Boolean) c[3]));
            v.put("LA in Touch", AnnexAColumns.inTouch((String) l[1]));
            v.put("Type of Accommodation", accom == null || accom.isEmpty() ? null : accom.substring(0, 1));
            v.put("Suitability of Accommodation", accom == null || accom.length() < 2 ? null
                    : accom.endsWith("1") ? "a) Suitable" : accom.endsWith("2") ? "b) Unsuitable" : null);
            v.put("Activity Status", l[3]);
            fill(sheet.createRow(r++), AnnexAColumns.LIST_9, v, date, blanks, text);
        }
        return r - 1;
    }

    private Map<String, Object[]> children(UUID snapshot) {
        Map<String, Object[]> children = new LinkedHashMap<>();
        jdbc.sql("SELECT child_ref, sex, dob, ethnic, uasc FROM child WHERE snapshot_id = ?").param(snapshot).query(rs -> {
            children.put(rs.getString(1), new Object[] {rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getBoolean(5)});
        });
        return children;
    }

    /** The Annex A facts of the current workbook, keyed "8/child" or "9/child", by Annex A heading. */
    private Map<String, Map<String, Object>> annexFacts(UUID snapshot) {
        Map<String, Map<String, Object>> out = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT list, child_ref, team, worker, last_visit, last_iro_contact, last_health, last_dental, placement_start, permanence_plan,
                       pathway_review, latest_contact, eligibility FROM annex_a_child WHERE snapshot_id = ?""").param(snapshot).query(rs -> {
            Map<String, Object> v = new java.util.HashMap<>();
            boolean eight = rs.getInt(1) == 8;
            v.put("Allocated Team", rs.getString(3));
            v.put(eight ? "Allocated Worker" : "Allocated Personal Advisor", rs.getString(4));
            if (eight) {
                v.put("Date of Last Social Work Visit", rs.getObject(5, LocalDate.class));
                v.put("Date of Last IRO Visit / Contact to the Child", rs.getObject(6, LocalDate.class));
                v.put("Date of Last Health Assessment", rs.getObject(7, LocalDate.class));
                v.put("Date of Last Dental Check", rs.getObject(8, LocalDate.class));
                v.put("Start Date of Most Recent Placement", rs.getObject(9, LocalDate.class));
                v.put("What is the permanence plan for this child?", rs.getString(10));
            } else {
                v.put("Latest Pathway Plan Review Date", rs.getObject(11, LocalDate.class));
                v.put("Latest Date of Contact", rs.getObject(12, LocalDate.class));
                v.put("Eligibility Category", rs.getString(13));
            }
            v.values().removeIf(java.util.Objects::isNull);
            out.put((eight ? "8/" : "9/") + rs.getString(2), v);
        });
        return out;
    }

    private static void fill(Row row, List<String> columns, Map<String, Object> values, CellStyle date, Map<String, Integer> blanks,
                             SpreadsheetSafe.Cells text) {
        for (int i = 0; i < columns.size(); i++) {
            Object v = values.get(columns.get(i));
            Cell cell = row.createCell(i);
            if (v == null) {
                blanks.merge(columns.get(i), 1, Integer::sum);
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                text.text(cell, v.toString()); // a team or worker typed as "=HYPERLINK(...)" stays text
            }
        }
    }

    private static void write(Row row, CellStyle style, String... values) {
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(values[i]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static int age(LocalDate dob, LocalDate ref) {
        return dob == null ? 0 : Period.between(dob, ref).getYears();
    }
}
