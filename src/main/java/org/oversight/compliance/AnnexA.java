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
import org.oversight.access.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ofsted's Annex A lists 8 (children in care) and 9 (care leavers) from the LA's current SSDA903 snapshot, in the
 * column order and lettered code values of the Annex A template (data/child-data/annex-a/Annex_A.xlsx), with dates as
 * dd/mm/yyyy. A validation sheet says which columns the 903 return cannot fill and how many cells are blank.
 */
@Service
public class AnnexA {

    static final List<String> LIST_8 = List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age",
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))", "Does the Child have a Disability",
            "Date Started to be Looked After", "Child's Category of Need",
            "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
            "Start date of current legal status", "Child's Legal Status", "Date of Latest Statutory Review", "Date of Last Social Work Visit",
            "What is the permanence plan for this child?", "Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment",
            "Date of Last Dental Check", "Number of Placements in the Last 12 months", "Date Ceased to be Looked After",
            "Reason Ceased to be Looked After", "Start Date of Most Recent Placement", "Placement Type", "Placement Provider",
            "Placement postcode", "URN of Placement", "Placement Location", "LA of Placement",
            "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12 months",
            "Number of Episodes the Child has been \u2018Absent\u2019 from their Placement in the last 12 months",
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            "Did the child accept a Return Interview after their last missing episode (Y/N)?", "Allocated Team", "Allocated Worker");
    static final List<String> LIST_9 = List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age",
            "Does the Child have a Disability", "Allocated Team", "Allocated Worker", "Eligibility Category", "LA in Touch",
            "Type of Accommodation", "Suitability of Accommodation", "Activity Status");
    private static final List<String> ETHNIC = List.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
            "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");
    private static final Map<String, String> NEED = Map.of("N1", "Abuse or Neglect", "N2", "Child's disability", "N3",
            "Parental illness or disability", "N4", "Family in acute stress", "N5", "Family dysfunction", "N6",
            "Socially unacceptable behaviour", "N7", "Low income", "N8", "Absent parenting");

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
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Map<String, Integer> blanks = new LinkedHashMap<>();
            int rows8 = list8(wb.createSheet("List 8"), snapshot, ref, date, header, blanks);
            int rows9 = list9(wb.createSheet("List 9"), snapshot, ref, date, header, blanks);
            Sheet v = wb.createSheet("Validation");
            int r = 0;
            write(v.createRow(r++), header, "Check", "Result");
            write(v.createRow(r++), null, "Source", "SSDA903 return " + snapshot.collectionYear() + ", children as at " + org.oversight.shared.Dates.format(ref));
            write(v.createRow(r++), null, "List 8 rows (children in care now or in the last 6 months)", String.valueOf(rows8));
            write(v.createRow(r++), null, "List 9 rows (care leavers)", String.valueOf(rows9));
            for (var e : blanks.entrySet()) {
                write(v.createRow(r++), null, "Blank: " + e.getKey(), e.getValue() + " cells (not held in the SSDA903 return)");
            }
            wb.write(out);
            compliance.logExport(laId, "Annex A lists 8 and 9 export");
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int list8(Sheet sheet, ComplianceService.Snapshot s, LocalDate ref, CellStyle date, CellStyle header, Map<String, Integer> blanks) {
        write(sheet.createRow(0), header, LIST_8.toArray(String[]::new));
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
            Object[] values = {e.getKey(), gender((String) c[0]), ethnicity((String) c[2]), c[1], age((LocalDate) c[1], ref),
                    yesNo((Boolean) c[3]), null, start, need((String) last[2]), yesNo(secondPeriod), legalFrom, last[3],
                    latestReview.get(e.getKey()), null, null, null, null, null, placements, ceased, last[6], last[0], last[4], last[5],
                    null, null, null, null, m[0], m[1], null, null, null, null};
            fill(row, values, date, LIST_8, blanks);
        }
        return r - 1;
    }

    private int list9(Sheet sheet, ComplianceService.Snapshot s, LocalDate ref, CellStyle date, CellStyle header, Map<String, Integer> blanks) {
        write(sheet.createRow(0), header, LIST_9.toArray(String[]::new));
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
            Object[] values = {l[0], gender((String) c[0]), ethnicity((String) c[2]), c[1], age((LocalDate) c[1], ref), null, null, null, null,
                    inTouch((String) l[1]), accom == null || accom.isEmpty() ? null : accom.substring(0, 1),
                    accom == null || accom.length() < 2 ? null : accom.endsWith("1") ? "a) Suitable" : accom.endsWith("2") ? "b) Unsuitable" : null,
                    l[3]};
            fill(sheet.createRow(r++), values, date, LIST_9, blanks);
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

    private static void fill(Row row, Object[] values, CellStyle date, List<String> columns, Map<String, Integer> blanks) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            Cell cell = row.createCell(i);
            if (v == null) {
                blanks.merge(columns.get(i), 1, Integer::sum);
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(v.toString());
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

    static String gender(String sex) {
        if (sex == null) {
            return "c) Not stated/recorded";
        }
        return switch (sex.trim().toUpperCase()) {
            case "M", "1" -> "a) Male";
            case "F", "2" -> "b) Female";
            default -> "c) Not stated/recorded";
        };
    }

    static String ethnicity(String code) {
        int i = code == null ? -1 : ETHNIC.indexOf(code.trim().toUpperCase());
        return i < 0 ? null : (char) ('a' + i) + ") " + ETHNIC.get(i);
    }

    private static String need(String cin) {
        return cin == null ? null : NEED.containsKey(cin) ? cin + " - " + NEED.get(cin) : cin;
    }

    private static String yesNo(Boolean b) {
        return Boolean.TRUE.equals(b) ? "a) Yes" : "b) No";
    }

    private static String inTouch(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.trim().toUpperCase()) {
            case "YES" -> "a) Yes";
            case "NO" -> "b) No";
            default -> "c) " + code.trim().toUpperCase();
        };
    }

    private static int age(LocalDate dob, LocalDate ref) {
        return dob == null ? 0 : Period.between(dob, ref).getYears();
    }
}
