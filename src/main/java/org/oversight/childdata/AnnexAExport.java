package org.oversight.childdata;

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
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oversight.access.AccessLog;
import org.oversight.shared.web.SpreadsheetSafe;
import org.oversight.access.CurrentUser;
import org.oversight.childdata.annexa.AnnexAColumns;
import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Child;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Episode;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Kind;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Snapshot;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ofsted's Annex A lists 8 (children in care) and 9 (care leavers) from the LA's current SSDA903 snapshot and Annex A
 * facts (teams, workers, visits, health, pathway plans) from its current Annex A import, in the
 * column order and lettered code values of the Annex A template (data/child-data/annex-a/Annex_A.xlsx), with dates as
 * dd/mm/yyyy. A validation sheet says which columns the 903 return cannot fill and how many cells are blank. The
 * export is written to the access log.
 */
@Service
public class AnnexAExport {

    private final ChildDataSnapshots snapshots;
    private final CurrentUser currentUser;
    private final AccessLog accessLog;

    AnnexAExport(ChildDataSnapshots snapshots, CurrentUser currentUser, AccessLog accessLog) {
        this.snapshots = snapshots;
        this.currentUser = currentUser;
        this.accessLog = accessLog;
    }

    /** The workbook, or an empty result when no data has been imported. */
    @Transactional
    public byte[] lists8And9(UUID laId) {
        if (!currentUser.canEdit(laId)) {
            throw new AccessDeniedException("Annex A holds children's records: only the local authority's managers and staff can produce it");
        }
        Snapshot snapshot = snapshots.current(laId, Kind.SSDA903).orElseThrow(() -> new NotFoundException("No child-level data has been imported"));
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
            Snapshot annexSnapshot = snapshots.current(laId, Kind.ANNEX_A).orElse(null);
            Map<String, Map<String, Object>> annex = annexSnapshot == null ? Map.of() : annexFacts(annexSnapshot.id());
            int rows8 = list8(wb.createSheet("List 8"), snapshot, ref, date, header, blanks, annex, text);
            int rows9 = list9(wb.createSheet("List 9"), snapshot, ref, date, header, blanks, annex, text);
            Sheet v = wb.createSheet("Validation");
            int r = 0;
            write(v.createRow(r++), header, "Check", "Result");
            write(v.createRow(r++), null, "Source", "SSDA903 return " + snapshot.collectionYear() + ", children as at " + Dates.format(ref));
            write(v.createRow(r++), null, "Annex A facts", annex.isEmpty() ? "No Annex A workbook imported: teams, workers, visits, health and pathway plans are blank"
                    : "From the Annex A workbook imported on " + Dates.format(annexSnapshot.importedAt().toInstant()));
            write(v.createRow(r++), null, "Template", AnnexAColumns.VERSION);
            write(v.createRow(r++), null, "List 8 rows (children in care now or in the last 6 months)", String.valueOf(rows8));
            write(v.createRow(r++), null, "List 9 rows (care leavers)", String.valueOf(rows9));
            for (var e : blanks.entrySet()) {
                write(v.createRow(r++), null, "Blank: " + e.getKey(), e.getValue() + " cells (not held in the SSDA903 return or the Annex A import)");
            }
            wb.write(out);
            accessLog.record(laId, AccessLog.ALL_CHILDREN, "Annex A lists 8 and 9 export", null);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@link #writeLists8And9} wrote: rows of each list, blank cells by heading, the snapshots read. */
    record Lists8And9(int rows8, int rows9, Map<String, Integer> blanks8, Map<String, Integer> blanks9, Snapshot snapshot,
                      Snapshot annexSnapshot) {
    }

    /**
     * Writes lists 8 and 9 as at {@code ref} into sheets "List 8" and "List 9" of the workbook (any kind, streaming
     * included), from the LA's current SSDA903 snapshot; null when it has none (no sheets written). No access check and
     * no log entry: the caller does both.
     */
    Lists8And9 writeLists8And9(Workbook wb, UUID laId, LocalDate ref, CellStyle date, CellStyle header, SpreadsheetSafe.Cells text) {
        Snapshot snapshot = snapshots.current(laId, Kind.SSDA903).orElse(null);
        if (snapshot == null) {
            return null;
        }
        Snapshot annexSnapshot = snapshots.current(laId, Kind.ANNEX_A).orElse(null);
        Map<String, Map<String, Object>> annex = annexSnapshot == null ? Map.of() : annexFacts(annexSnapshot.id());
        Map<String, Integer> blanks8 = new LinkedHashMap<>();
        Map<String, Integer> blanks9 = new LinkedHashMap<>();
        int rows8 = list8(wb.createSheet("List 8"), snapshot, ref, date, header, blanks8, annex, text);
        int rows9 = list9(wb.createSheet("List 9"), snapshot, ref, date, header, blanks9, annex, text);
        return new Lists8And9(rows8, rows9, blanks8, blanks9, snapshot, annexSnapshot);
    }

    private int list8(Sheet sheet, Snapshot s, LocalDate ref, CellStyle date, CellStyle header, Map<String, Integer> blanks,
                      Map<String, Map<String, Object>> annex, SpreadsheetSafe.Cells text) {
        write(sheet.createRow(0), header, AnnexAColumns.LIST_8.toArray(String[]::new));
        Map<String, Child> children = children(s.id());
        Map<String, List<Episode>> episodes = new LinkedHashMap<>();
        snapshots.episodes(s.id()).forEach(e -> episodes.computeIfAbsent(e.childRef(), k -> new ArrayList<>()).add(e));
        Map<String, LocalDate> latestReview = new LinkedHashMap<>();
        snapshots.reviews(s.id()).stream().filter(rv -> !rv.reviewDate().isAfter(ref))
                .forEach(rv -> latestReview.merge(rv.childRef(), rv.reviewDate(), (a, b) -> a.isAfter(b) ? a : b));
        Map<String, int[]> missing = new LinkedHashMap<>();
        snapshots.missing(s.id()).stream().filter(m -> m.started().isAfter(ref.minusMonths(12)) && !m.started().isAfter(ref))
                .forEach(m -> missing.computeIfAbsent(m.childRef(), k -> new int[2])["A".equals(m.kind()) ? 1 : 0]++);
        int r = 1;
        for (var e : episodes.entrySet()) {
            List<Episode> list = asAt(e.getValue(), ref);
            if (list.isEmpty()) {
                continue; // came into care after the reference date
            }
            Episode last = list.getLast();
            LocalDate ceased = last.dec();
            if (ceased != null && ceased.isBefore(ref.minusMonths(6))) {
                continue; // ceased more than 6 months before the reference date
            }
            Child c = children.get(e.getKey());
            if (c == null) {
                continue;
            }
            LocalDate start = Episode.periodStart(list);
            LocalDate legalFrom = last.decom();
            for (int i = list.size() - 2; i >= 0 && java.util.Objects.equals(list.get(i).legalStatus(), last.legalStatus())
                    && list.get(i).dec() != null && list.get(i).dec().equals(legalFrom); i--) {
                legalFrom = list.get(i).decom();
            }
            boolean secondPeriod = list.stream().anyMatch(x -> x.dec() != null && x.dec().isBefore(start) && x.dec().isAfter(ref.minusMonths(12)));
            long placements = list.stream().filter(x -> !x.decom().isBefore(ref.minusMonths(12))).count();
            int[] m = missing.getOrDefault(e.getKey(), new int[2]);
            Row row = sheet.createRow(r++);
            Map<String, Object> v = new java.util.HashMap<>(annex.getOrDefault("8/" + e.getKey(), Map.of()));
            v.put("Child Unique ID", e.getKey());
            v.put("Gender", AnnexAColumns.gender(c.sex()));
            v.put("Ethnicity", AnnexAColumns.ethnicity(c.ethnic()));
            v.put("Date of Birth", c.dob());
            v.put("Age", age(c.dob(), ref));
            v.put(AnnexAColumns.LIST_8.get(5), AnnexAColumns.yesNo(c.uasc()));
            v.put("Date Started to be Looked After", start);
            v.put("Child's Category of Need", AnnexAColumns.need(last.cin()));
            v.put(AnnexAColumns.LIST_8.get(9), AnnexAColumns.yesNo(secondPeriod));
            v.put("Start date of current legal status", legalFrom);
            v.put("Child's Legal Status", last.legalStatus());
            v.put("Date of Latest Statutory Review", latestReview.get(e.getKey()));
            v.put("Number of Placements in the Last 12 months", placements);
            v.put("Date Ceased to be Looked After", ceased);
            v.put("Reason Ceased to be Looked After", last.rec());
            v.putIfAbsent("Start Date of Most Recent Placement", last.decom());
            v.put("Placement Type", last.place());
            v.put("Placement Provider", last.placeProvider());
            v.put(AnnexAColumns.LIST_8.get(28), m[0]);
            v.put(AnnexAColumns.LIST_8.get(29), m[1]);
            fill(row, AnnexAColumns.LIST_8, v, date, blanks, text);
        }
        return r - 1;
    }

    /**
     * A child's episodes as they stood on the date: those begun by then, the last one still open if it ended after it
     * (the day-one pack's date can be earlier than the return's).
     */
    static List<Episode> asAt(List<Episode> episodes, LocalDate ref) {
        List<Episode> out = new ArrayList<>();
        for (Episode x : episodes) {
            if (x.decom().isAfter(ref)) {
                continue;
            }
            out.add(x.dec() != null && x.dec().isAfter(ref)
                    ? new Episode(x.childRef(), x.decom(), null, x.rne(), x.legalStatus(), x.cin(), x.place(), x.placeProvider(), null) : x);
        }
        return out;
    }

    private int list9(Sheet sheet, Snapshot s, LocalDate ref, CellStyle date, CellStyle header, Map<String, Integer> blanks,
                      Map<String, Map<String, Object>> annex, SpreadsheetSafe.Cells text) {
        write(sheet.createRow(0), header, AnnexAColumns.LIST_9.toArray(String[]::new));
        Map<String, Child> children = children(s.id());
        int r = 1;
        for (ChildDataSnapshots.CareLeaver l : snapshots.careLeavers(s.id())) {
            Child c = children.get(l.childRef());
            if (c == null) {
                continue;
            }
            String accom = l.accommodation();
            Map<String, Object> v = new java.util.HashMap<>(annex.getOrDefault("9/" + l.childRef(), Map.of()));
            v.put("Child Unique ID", l.childRef());
            v.put("Gender", AnnexAColumns.gender(c.sex()));
            v.put("Ethnicity", AnnexAColumns.ethnicity(c.ethnic()));
            v.put("Date of Birth", c.dob());
            v.put("Age", age(c.dob(), ref));
            v.put("UASC or former UASC (Y/N)", AnnexAColumns.yesNo(c.uasc()));
            v.put("LA in Touch", AnnexAColumns.inTouch(l.inTouch()));
            v.put("Type of Accommodation", accom == null || accom.isEmpty() ? null : accom.substring(0, 1));
            v.put("Suitability of Accommodation", accom == null || accom.length() < 2 ? null
                    : accom.endsWith("1") ? "a) Suitable" : accom.endsWith("2") ? "b) Unsuitable" : null);
            v.put("Activity Status", l.activity());
            fill(sheet.createRow(r++), AnnexAColumns.LIST_9, v, date, blanks, text);
        }
        return r - 1;
    }

    private Map<String, Child> children(UUID snapshot) {
        Map<String, Child> children = new LinkedHashMap<>();
        snapshots.children(snapshot).forEach(c -> children.put(c.childRef(), c));
        return children;
    }

    /** The Annex A facts of the current workbook, keyed "8/child" or "9/child", by Annex A heading. */
    private Map<String, Map<String, Object>> annexFacts(UUID snapshot) {
        Map<String, Map<String, Object>> out = new java.util.HashMap<>();
        for (ChildDataSnapshots.AnnexAChild a : snapshots.annexA(snapshot)) {
            Map<String, Object> v = new java.util.HashMap<>();
            boolean eight = a.list() == 8;
            v.put("Allocated Team", a.team());
            v.put(eight ? "Allocated Worker" : "Allocated Personal Advisor", a.worker());
            if (eight) {
                v.put("Date of Last Social Work Visit", a.lastVisit());
                v.put("Date of Last IRO Visit / Contact to the Child", a.lastIroContact());
                v.put("Date of Last Health Assessment", a.lastHealth());
                v.put("Date of Last Dental Check", a.lastDental());
                v.put("Start Date of Most Recent Placement", a.placementStart());
                v.put("What is the permanence plan for this child?", a.permanencePlan());
            } else {
                v.put("Latest Pathway Plan Review Date", a.pathwayReview());
                v.put("Latest Date of Contact", a.latestContact());
                v.put("Eligibility Category", a.eligibility());
            }
            v.values().removeIf(java.util.Objects::isNull);
            out.put((eight ? "8/" : "9/") + a.childRef(), v);
        }
        return out;
    }

    /** One row of an Annex A list: its values in the columns' order, dates as dates, text kept as text; blanks counted per column. */
    static void fill(Row row, List<String> columns, Map<String, Object> values, CellStyle date, Map<String, Integer> blanks,
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
