package org.oversight.childdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oversight.access.AccessLog;
import org.oversight.access.CurrentUser;
import org.oversight.access.Purpose;
import org.oversight.childdata.annexa.AnnexAColumns;
import org.oversight.childdata.annexa.AnnexAJourney;
import org.oversight.childdata.annexa.AnnexAJourney.AnnexList;
import org.oversight.childdata.annexa.AnnexAJourney.Figures;
import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Episode;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Kind;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Snapshot;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.calendar.WorkingDayCalendar;
import org.oversight.shared.web.SpreadsheetSafe;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day-one inspection pack: all eleven Annex A lists as of an inspection's notification date, with a validation
 * sheet, in one workbook (written streaming), and the headline figures the day-one page shows. Lists 1 to 7 come from
 * the LA's current whole-journey snapshot (an SSD extract or CIN census), 8 and 9 from its SSDA903 return (as
 * {@link AnnexAExport} makes them), 10 from the 903 episodes where they show it, 11 is headed only (Oversight holds no
 * adopters' data). Only the LA's managers and an inspector with a grant in force for the LA may open it; each download
 * is written to the access log. The same builder makes the standalone Annex A export at any date ({@link #annexA}), for
 * the LA's managers only.
 */
@Service
public class DayOnePack {

    /** What a list was built from, for the validation sheet and the page. */
    public record Source(String kind, String collectionYear, LocalDate asAt, Timestamp importedAt, boolean changedByPayloads) {

        public Source(String kind, String collectionYear, LocalDate asAt, Timestamp importedAt) {
            this(kind, collectionYear, asAt, importedAt, false);
        }

        public String describe() {
            return (switch (kind) {
                case "SSD" -> "Standard Safeguarding Dataset extract";
                case "ANNEX_A_JOURNEY" -> "Annex A lists 1 to 7";
                case "CSC_PAYLOADS" -> "Children's social care API payloads";
                case "CIN_CENSUS" -> "CIN census";
                case "SSDA903" -> "SSDA903 return";
                default -> kind;
            }) + " " + collectionYear + (asAt == null ? "" : ", data to " + Dates.day(asAt))
                    + ("CSC_PAYLOADS".equals(kind) ? ", first received " : ", imported ") + Dates.day(importedAt.toInstant())
                    + (changedByPayloads ? ", changed since by children's social care API payloads" : "");
        }
    }

    /**
     * The page's figures as of the date. Null counts mean the data is not held.
     *
     * @param journey  the whole-journey snapshot lists 1 to 7 read (null when the LA has none)
     * @param ssda903  the SSDA903 snapshot lists 8 to 10 read (null when none)
     */
    public record Summary(LocalDate asOf, LocalDate windowFrom, Source journey, Source ssda903, Figures figures, Integer childrenInCare,
                          Integer careLeavers) {
    }

    private final JdbcClient jdbc;
    private final ChildDataSnapshots snapshots;
    private final AnnexAExport annexA;
    private final CurrentUser currentUser;
    private final AccessLog accessLog;
    private final WorkingDayCalendar calendar;

    DayOnePack(JdbcClient jdbc, ChildDataSnapshots snapshots, AnnexAExport annexA, CurrentUser currentUser, AccessLog accessLog,
               WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.annexA = annexA;
        this.currentUser = currentUser;
        this.accessLog = accessLog;
        this.calendar = calendar;
    }

    /** The LA's managers, and an inspector with a grant in force for the LA. Staff, councillors and others: refused. */
    public boolean mayUse(UUID laId) {
        return currentUser.canManage(laId) || currentUser.readingUnderGrant(laId);
    }

    private void require(UUID laId) {
        if (!mayUse(laId)) {
            throw new AccessDeniedException("The day-one pack holds children's records: only the local authority's managers and an inspector "
                    + "with access granted for this inspection can open it");
        }
    }

    /** The headline figures as of the date (the page). An inspector's reading is logged. */
    @Transactional
    public Summary summary(UUID laId, LocalDate asOf) {
        require(laId);
        Snapshot s903 = snapshots.current(laId, Kind.SSDA903).orElse(null);
        JourneySnapshot journey = journey(laId).orElse(null);
        Figures figures = journey == null ? null : AnnexAJourney.derive(JourneyRows.load(jdbc, journey.id()), asOf, calendar).figures();
        Integer inCare = s903 == null ? null : inCareOn(s903.id(), asOf);
        Integer leavers = s903 == null ? null : careLeavers(s903.id());
        if (currentUser.readingUnderGrant(laId)) {
            accessLog.record(laId, AccessLog.ALL_CHILDREN, "day-one figures, read by an inspector under a grant", Purpose.INSPECTION);
        }
        return new Summary(asOf, AnnexAJourney.windowFrom(asOf), journey == null ? null : journey.source(), s903 == null ? null : source903(s903),
                figures, inCare, leavers);
    }

    private static Source source903(Snapshot s) {
        return new Source("SSDA903", s.collectionYear(), s.asOf(), s.importedAt());
    }

    /** Care leavers as list 9 lists them (those with a child record in the return). */
    private int careLeavers(UUID snapshot) {
        java.util.Set<String> children = new java.util.HashSet<>();
        snapshots.children(snapshot).forEach(c -> children.add(c.childRef()));
        return (int) snapshots.careLeavers(snapshot).stream().filter(l -> children.contains(l.childRef())).count();
    }

    private int inCareOn(UUID snapshot, LocalDate on) {
        Map<String, List<Episode>> episodes = new LinkedHashMap<>();
        snapshots.episodes(snapshot).forEach(e -> episodes.computeIfAbsent(e.childRef(), k -> new ArrayList<>()).add(e));
        int n = 0;
        for (List<Episode> list : episodes.values()) {
            for (Episode e : list) {
                if (!e.decom().isAfter(on) && (e.dec() == null || e.dec().isAfter(on))) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    record JourneySnapshot(UUID id, Source source) {
    }

    /** The LA's current whole-journey snapshot: of the SSD and CIN census imports not superseded, the latest year, then import. */
    Optional<JourneySnapshot> journey(UUID laId) {
        return jdbc.sql("""
                SELECT id, kind, source, collection_year, as_at, imported_at, revision
                  FROM import_snapshot
                 WHERE la_id = ? AND kind IN ('SSD', 'CIN_CENSUS') AND superseded_at IS NULL
                 ORDER BY collection_year DESC, imported_at DESC LIMIT 1""").param(laId)
                .query((rs, i) -> {
                    ChildJourneys.Origin origin = ChildJourneys.Origin.of(rs.getString(2), rs.getString(3));
                    String kind = switch (origin) {
                        case ANNEX_A -> "ANNEX_A_JOURNEY";
                        case CSC_PAYLOADS -> "CSC_PAYLOADS";
                        default -> rs.getString(2);
                    };
                    return new JourneySnapshot(rs.getObject(1, UUID.class), new Source(kind, rs.getString(4), rs.getObject(5, LocalDate.class),
                            rs.getTimestamp(6), rs.getInt(7) > 0 && origin != ChildJourneys.Origin.CSC_PAYLOADS));
                }).optional();
    }

    /**
     * The workbook: a "Read me" sheet, lists 1 to 11, and the validation sheet. Written to the access log with the
     * purpose "inspection".
     *
     * @param what the inspection, in words, for the read-me sheet and the log ("Standard inspection notified 6 April 2026")
     */
    @Transactional
    public byte[] workbook(UUID laId, String laName, LocalDate asOf, String what) {
        require(laId);
        return build(laId, laName, asOf, new Occasion("Inspection", what, "Lists as of (notification date)", "day-one pack (Annex A lists 1 to 11) for "
                + what + (currentUser.readingUnderGrant(laId) ? ", downloaded by an inspector under a grant" : ""), Purpose.INSPECTION));
    }

    /** The LA's managers only: the standalone Annex A export (not an inspector, even with a grant). */
    public boolean mayExport(UUID laId) {
        return currentUser.canManage(laId);
    }

    /**
     * The same workbook as the day-one pack, at any date, for the LA's own managers outside an inspection (to check the
     * lists before one, or to answer a request): all eleven lists as at {@code asOf}, lists 1 to 7 over the 6 months
     * before it. Written to the access log as an export.
     */
    @Transactional
    public byte[] annexA(UUID laId, String laName, LocalDate asOf) {
        if (!mayExport(laId)) {
            throw new AccessDeniedException("Annex A holds children's records: only " + laName + "'s managers can export it");
        }
        return build(laId, laName, asOf, new Occasion("Produced for", "The local authority's own use (not an inspection)", "Lists as at",
                "Annex A lists 1 to 11 as at " + Dates.day(asOf) + " export", null));
    }

    /** The headline figures as at a date, for the standalone export's page (the LA's managers only). */
    @Transactional
    public Summary exportSummary(UUID laId, LocalDate asOf) {
        if (!mayExport(laId)) {
            throw new AccessDeniedException("Annex A holds children's records: only the local authority's managers can export it");
        }
        return summary(laId, asOf);
    }

    /** The as-at date: today when not given; 400 in words when not a date or after today. */
    public static LocalDate asOf(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return today;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(List.of(new FieldProblem("asOf", "Give the date the lists are as at as yyyy-mm-dd, for example "
                    + today + "; '" + text + "' is not a date")));
        }
        if (date.isAfter(today)) {
            throw new InvalidInputException(List.of(new FieldProblem("asOf", "The lists can be as at today (" + today + ") or an earlier date, not "
                    + date)));
        }
        return date;
    }

    /** Why the workbook is made: the read-me's rows and the access log's entry. */
    private record Occasion(String whatLabel, String what, String asOfLabel, String logged, Purpose purpose) {
    }

    /** The one builder of the workbook, for the day-one pack and the standalone export alike. */
    private byte[] build(UUID laId, String laName, LocalDate asOf, Occasion occasion) {
        JourneySnapshot journey = journey(laId).orElse(null);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            SpreadsheetSafe.Cells text = new SpreadsheetSafe.Cells(wb);

            Sheet readMe = wb.createSheet("Read me");
            List<Validation> validations = new ArrayList<>();
            AnnexAJourney.Result result = journey == null ? null : AnnexAJourney.derive(JourneyRows.load(jdbc, journey.id()), asOf, calendar);
            for (int n = 1; n <= 7; n++) {
                AnnexList list = result == null ? null : result.lists().get(n - 1);
                List<String> columns = list == null ? columnsOf(n) : list.columns();
                Sheet sheet = wb.createSheet("List " + n);
                write(sheet.createRow(0), header, text, columns.toArray(String[]::new));
                if (list == null) {
                    write(sheet.createRow(2), null, text, NO_JOURNEY);
                    validations.add(new Validation(n, nameOf(n), null, NO_JOURNEY, Map.of()));
                    continue;
                }
                Map<String, Integer> blanks = new LinkedHashMap<>();
                int r = 1;
                for (Map<String, Object> row : list.rows()) {
                    AnnexAExport.fill(sheet.createRow(r++), columns, row, date, blanks, text);
                }
                validations.add(new Validation(n, list.name(), list.rows().size(), journey.source().describe() + "; events from "
                        + Dates.day(result.windowFrom()) + " to " + Dates.day(asOf) + " and cases open then", blanks));
            }
            AnnexAExport.Lists8And9 l89 = annexA.writeLists8And9(wb, laId, asOf, date, header, text);
            if (l89 == null) {
                for (int n = 8; n <= 9; n++) {
                    Sheet sheet = wb.createSheet("List " + n);
                    write(sheet.createRow(0), header, text, (n == 8 ? AnnexAColumns.LIST_8 : AnnexAColumns.LIST_9).toArray(String[]::new));
                    write(sheet.createRow(2), null, text, NO_903);
                    validations.add(new Validation(n, nameOf(n), null, NO_903, Map.of()));
                }
            } else {
                String from = source903(l89.snapshot()).describe() + (l89.annexSnapshot() == null ? "; no Annex A workbook imported"
                        : "; Annex A workbook imported " + Dates.day(l89.annexSnapshot().importedAt().toInstant()));
                validations.add(new Validation(8, nameOf(8), l89.rows8(), from + "; in care on " + Dates.day(asOf) + " or ceased in the 6 months before", l89.blanks8()));
                validations.add(new Validation(9, nameOf(9), l89.rows9(), from, l89.blanks9()));
            }
            Sheet list10 = wb.createSheet("List 10");
            write(list10.createRow(0), header, text, AnnexAColumns.LIST_10.toArray(String[]::new));
            if (l89 == null) {
                write(list10.createRow(2), null, text, NO_903);
                validations.add(new Validation(10, nameOf(10), null, NO_903, Map.of()));
            } else {
                Map<String, Integer> blanks = new LinkedHashMap<>();
                int r = 1;
                for (Map<String, Object> row : list10(l89.snapshot().id(), asOf)) {
                    AnnexAExport.fill(list10.createRow(r++), AnnexAColumns.LIST_10, row, date, blanks, text);
                }
                validations.add(new Validation(10, nameOf(10), r - 1, source903(l89.snapshot()).describe()
                        + "; children with a placement order, placed for adoption or adopted in the 12 months to " + Dates.day(asOf)
                        + " (decision, matching and fostering-for-adoption dates are not in the SSDA903 return as stored)", blanks));
            }
            Sheet list11 = wb.createSheet("List 11");
            write(list11.createRow(0), header, text, AnnexAColumns.LIST_11.toArray(String[]::new));
            write(list11.createRow(2), null, text, NO_ADOPTERS);
            validations.add(new Validation(11, nameOf(11), null, NO_ADOPTERS, Map.of()));

            validationSheet(wb.createSheet("Validation"), header, text, validations);
            int r = 0;
            write(readMe.createRow(r++), header, text, "Annex A lists for " + laName);
            write(readMe.createRow(r++), null, text, occasion.whatLabel(), occasion.what());
            write(readMe.createRow(r++), null, text, occasion.asOfLabel(), Dates.format(asOf));
            write(readMe.createRow(r++), null, text, "Lists 1 to 7 cover", "Events from " + Dates.format(AnnexAJourney.windowFrom(asOf)) + " to "
                    + Dates.format(asOf) + " (" + AnnexAJourney.WINDOW_MONTHS + " months), and cases open at some time in them");
            write(readMe.createRow(r++), null, text, "Whole-journey data (lists 1 to 7)", journey == null ? NO_JOURNEY : journey.source().describe());
            write(readMe.createRow(r++), null, text, "SSDA903 data (lists 8 to 10)", l89 == null ? NO_903 : source903(l89.snapshot()).describe());
            write(readMe.createRow(r++), null, text, "Template", AnnexAColumns.VERSION + "; lists 1 to 7, 10 and 11 with the template's headings");
            write(readMe.createRow(r++), null, text, "Produced by", currentUser.actor());
            write(readMe.createRow(r), null, text, "Each list's rows, source and blank cells are on the Validation sheet.");
            wb.setSheetOrder("Read me", 0);
            wb.write(out);
            wb.dispose();
            accessLog.record(laId, AccessLog.ALL_CHILDREN, occasion.logged(), occasion.purpose());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String NO_JOURNEY = "No whole-journey data: this local authority has not imported a Standard Safeguarding Dataset extract "
            + "or a CIN census, so lists 1 to 7 cannot be produced. Import one on the child-level data page.";
    static final String NO_903 = "No SSDA903 return has been imported, so this list cannot be produced.";
    static final String NO_ADOPTERS = "Oversight does not hold adopters' data: fill this list from the adoption service's or regional "
            + "adoption agency's records.";

    private record Validation(int list, String name, Integer rows, String source, Map<String, Integer> blanks) {
    }

    private static String nameOf(int n) {
        return switch (n) {
            case 1 -> "Contacts";
            case 2 -> "Early help";
            case 3 -> "Referrals";
            case 4 -> "Assessments";
            case 5 -> "Section 47 enquiries and ICPCs";
            case 6 -> "Children in need";
            case 7 -> "Child protection plans";
            case 8 -> "Children in care";
            case 9 -> "Care leavers";
            case 10 -> "Adoption";
            default -> "Adopters";
        };
    }

    private static List<String> columnsOf(int n) {
        return switch (n) {
            case 1 -> AnnexAColumns.LIST_1;
            case 2 -> AnnexAColumns.LIST_2;
            case 3 -> AnnexAColumns.LIST_3;
            case 4 -> AnnexAColumns.LIST_4;
            case 5 -> AnnexAColumns.LIST_5;
            case 6 -> AnnexAColumns.LIST_6;
            default -> AnnexAColumns.LIST_7;
        };
    }

    /** Columns the data cannot fill for any row, by list (named on the validation sheet). */
    private static void validationSheet(Sheet v, CellStyle header, SpreadsheetSafe.Cells text, List<Validation> validations) {
        int r = 0;
        write(v.createRow(r++), header, text, "List", "Name", "Rows", "Source", "Columns the data cannot fill", "Blank cells by column");
        for (Validation x : validations) {
            List<String> none = new ArrayList<>();
            List<String> some = new ArrayList<>();
            if (x.rows() != null && x.rows() > 0) {
                x.blanks().forEach((column, count) -> (count >= x.rows() ? none : some).add(count >= x.rows() ? column : column + ": " + count));
            }
            Row row = v.createRow(r++);
            write(row, null, text, String.valueOf(x.list()), x.name());
            Cell rows = row.createCell(2);
            if (x.rows() == null) {
                text.text(rows, "not produced");
            } else {
                rows.setCellValue(x.rows());
            }
            text.text(row.createCell(3), x.source());
            text.text(row.createCell(4), x.rows() == null ? "all" : String.join("; ", none));
            text.text(row.createCell(5), String.join("; ", some));
        }
    }

    /**
     * List 10 from the 903 episodes: children whose legal status was a placement order (E1), who were placed for
     * adoption (A3 to A6) or who left care adopted (E11, E12) in the 12 months to the date.
     */
    private List<Map<String, Object>> list10(UUID snapshot, LocalDate asOf) {
        Map<String, ChildDataSnapshots.Child> children = new LinkedHashMap<>();
        snapshots.children(snapshot).forEach(c -> children.put(c.childRef(), c));
        Map<String, List<Episode>> episodes = new LinkedHashMap<>();
        snapshots.episodes(snapshot).forEach(e -> episodes.computeIfAbsent(e.childRef(), k -> new ArrayList<>()).add(e));
        return list10(children, episodes, asOf);
    }

    /** List 10 from each child's episodes (in start order). */
    static List<Map<String, Object>> list10(Map<String, ChildDataSnapshots.Child> children, Map<String, List<Episode>> episodes, LocalDate asOf) {
        LocalDate from = asOf.minusMonths(12).plusDays(1);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var e : episodes.entrySet()) {
            List<Episode> list = e.getValue().stream().filter(x -> !x.decom().isAfter(asOf)).toList();
            if (list.isEmpty()) {
                continue;
            }
            LocalDate placementOrder = list.stream().filter(x -> "E1".equals(x.legalStatus())).map(Episode::decom).min(LocalDate::compareTo).orElse(null);
            LocalDate placed = list.stream().filter(x -> x.place() != null && x.place().matches("A[3-6]")).map(Episode::decom).min(LocalDate::compareTo)
                    .orElse(null);
            LocalDate adopted = list.stream().filter(x -> x.dec() != null && !x.dec().isAfter(asOf) && x.rec() != null && x.rec().matches("E1[12]"))
                    .map(Episode::dec).max(LocalDate::compareTo).orElse(null);
            boolean active = list.stream().anyMatch(x -> ("E1".equals(x.legalStatus()) || x.place() != null && x.place().matches("A[3-6]"))
                    && (x.dec() == null || !x.dec().isBefore(from)));
            if (!active && (adopted == null || adopted.isBefore(from))) {
                continue;
            }
            ChildDataSnapshots.Child c = children.get(e.getKey());
            Map<String, Object> v = new java.util.HashMap<>();
            v.put(AnnexAColumns.LIST_10.get(0), e.getKey());
            if (c != null) {
                v.put("Gender", AnnexAColumns.gender(c.sex()));
                v.put("Ethnicity", AnnexAColumns.ethnicity(c.ethnic()));
                v.put("Date of Birth", c.dob());
                v.put("Age of Child (Years)", c.dob() == null ? null : Period.between(c.dob(), asOf).getYears());
            }
            v.put("Date the Child Entered Care", Episode.periodStart(list));
            v.put("Date of Placement Order", placementOrder);
            v.put("Date Placed for Adoption", placed);
            v.put("Date of Adoption Order", adopted);
            rows.add(v);
        }
        return rows;
    }

    private static void write(Row row, CellStyle style, SpreadsheetSafe.Cells text, String... values) {
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(i);
            text.text(cell, values[i]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
