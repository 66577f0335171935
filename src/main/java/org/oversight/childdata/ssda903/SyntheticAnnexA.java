package org.oversight.childdata.ssda903;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oversight.childdata.annexa.AnnexAColumns;

/**
 * The Annex A workbook (lists 8 and 9) that goes with a synthetic 903 return: the same children, with what the return
 * does not hold — allocated team and worker (pseudonymous), the last social work visit, IRO contact, health assessment
 * and dental check, the pathway plan review and latest contact with care leavers. Most children are within timescale;
 * about one in seven visits and one in eight health assessments are overdue, as in published performance reports.
 * Dates are as at the end of the collection year.
 */
public final class SyntheticAnnexA {

    record InCare(String id, String sex, LocalDate dob, String ethnic, boolean uasc, LocalDate lookedAfterFrom, LocalDate placementStart,
                  String place) {
    }

    record Leaver(String id, String sex, LocalDate dob, String ethnic, int age, String inTouch) {
    }

    record Facts(List<InCare> inCare, List<Leaver> leavers) {
    }

    private static final String[] PERMANENCE = {"Return to family", "Adoption", "Special guardianship order", "Child arrangements order",
            "Long-term fostering", "Residential care", "Supported living / independence"};

    private SyntheticAnnexA() {
    }

    static void write(Path file, SyntheticData.La la, Facts facts, SplittableRandom r, LocalDate asAt) {
        int cicTeams = Math.max(1, Math.round(facts.inCare().size() / 90f));
        int leavingTeams = Math.max(1, Math.round(facts.leavers().size() / 120f));
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // Same seed, same bytes: a fixed creation date, and (below) fixed zip entry times.
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.of(
                    java.util.Date.from(asAt.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Sheet list8 = wb.createSheet("List 8");
            heading(list8, AnnexAColumns.LIST_8);
            int row = 1;
            for (InCare c : facts.inCare()) {
                Map<String, Object> v = new HashMap<>();
                v.put("Child Unique ID", c.id());
                v.put("Gender", AnnexAColumns.gender(c.sex()));
                v.put("Ethnicity", AnnexAColumns.ethnicity(c.ethnic()));
                v.put("Date of Birth", c.dob());
                v.put("Age", Period.between(c.dob(), asAt).getYears());
                v.put(AnnexAColumns.LIST_8.get(5), AnnexAColumns.yesNo(c.uasc()));
                v.put("Date Started to be Looked After", c.lookedAfterFrom());
                int team = 1 + r.nextInt(cicTeams);
                v.put("Allocated Team", "Children in Care Team " + team);
                v.put("Allocated Worker", "Social worker " + team + "-" + String.format("%02d", 1 + r.nextInt(6)));
                boolean longTerm = "U1".equals(c.place()) || "U4".equals(c.place());
                v.put("Start Date of Most Recent Placement", c.placementStart());
                v.put("Placement Type", c.place());
                v.put("What is the permanence plan for this child?", longTerm ? "Long-term fostering" : PERMANENCE[r.nextInt(PERMANENCE.length)]);
                v.put("Date of Last Social Work Visit", visit(c, longTerm, r, asAt));
                v.put("Date of Last Health Assessment", health(c, r, asAt));
                v.put("Date of Last Dental Check", notBefore(asAt.minusDays(r.nextInt(420)), c.lookedAfterFrom()));
                v.put("Date of Last IRO Visit / Contact to the Child", notBefore(asAt.minusDays(r.nextInt(170)), c.lookedAfterFrom()));
                fill(list8.createRow(row++), AnnexAColumns.LIST_8, v, date);
            }
            Sheet list9 = wb.createSheet("List 9");
            heading(list9, AnnexAColumns.LIST_9);
            row = 1;
            for (Leaver l : facts.leavers()) {
                Map<String, Object> v = new HashMap<>();
                v.put("Child Unique ID", l.id());
                v.put("Gender", AnnexAColumns.gender(l.sex()));
                v.put("Ethnicity", AnnexAColumns.ethnicity(l.ethnic()));
                v.put("Date of Birth", l.dob());
                v.put("Age", Period.between(l.dob(), asAt).getYears());
                int team = 1 + r.nextInt(leavingTeams);
                v.put("Allocated Team", "Leaving Care Team " + team);
                v.put("Allocated Personal Advisor", "Personal adviser " + team + "-" + String.format("%02d", 1 + r.nextInt(5)));
                v.put("Eligibility Category", l.age() < 18 ? "Relevant" : "Former relevant");
                v.put("LA in Touch", AnnexAColumns.inTouch(l.inTouch()));
                boolean onTime = r.nextDouble() < 0.86;
                v.put("Latest Pathway Plan Review Date", onTime ? asAt.minusDays(r.nextInt(180)) : asAt.minusDays(185 + r.nextInt(120)));
                boolean inTouch = "YES".equals(l.inTouch());
                v.put("Latest Date of Contact", inTouch ? asAt.minusDays(r.nextInt(60)) : asAt.minusDays(90 + r.nextInt(240)));
                fill(list9.createRow(row++), AnnexAColumns.LIST_9, v, date);
            }
            wb.write(out);
            wb.dispose();
            Files.write(file, normalised(out.toByteArray(), asAt));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last visit: within 6 weeks (3 months for a long-term placement after its first year) for about 86% of children. */
    private static LocalDate visit(InCare c, boolean longTerm, SplittableRandom r, LocalDate asAt) {
        boolean firstYear = c.placementStart().isAfter(asAt.minusYears(1));
        int interval = firstYear || !longTerm ? 42 : 91;
        LocalDate last = r.nextDouble() < 0.86 ? asAt.minusDays(r.nextInt(interval)) : asAt.minusDays(interval + 1 + r.nextInt(60));
        if (last.isBefore(c.placementStart())) {
            // No visit since the placement began: the first is due within a week of it.
            long since = asAt.toEpochDay() - c.placementStart().toEpochDay();
            return since <= 7 && r.nextDouble() < 0.5 ? null : c.placementStart().plusDays(Math.min(since, r.nextInt(9)));
        }
        return last;
    }

    /** Health assessments: every 6 months under 5, every 12 months from 5; about 88% within time. */
    private static LocalDate health(InCare c, SplittableRandom r, LocalDate asAt) {
        int interval = Period.between(c.dob(), asAt).getYears() < 5 ? 182 : 365;
        LocalDate last = r.nextDouble() < 0.88 ? asAt.minusDays(r.nextInt(interval)) : asAt.minusDays(interval + 1 + r.nextInt(90));
        if (last.isBefore(c.lookedAfterFrom())) {
            LocalDate initial = c.lookedAfterFrom().plusDays(5 + r.nextInt(20));
            return initial.isAfter(asAt) ? null : initial;
        }
        return last;
    }

    /** The workbook's zip with every entry dated {@code asAt}, so that the bytes depend only on the content. */
    private static byte[] normalised(byte[] xlsx, LocalDate asAt) throws IOException {
        long time = asAt.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (org.apache.commons.compress.archivers.zip.ZipFile in = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(xlsx)).get();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var e : java.util.Collections.list(in.getEntries())) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(time);
                out.putNextEntry(copy);
                try (var data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static LocalDate notBefore(LocalDate d, LocalDate floor) {
        return d.isBefore(floor) ? floor : d;
    }

    private static void heading(Sheet sheet, List<String> columns) {
        fill(sheet.createRow(0), List.copyOf(columns), null);
    }

    private static void fill(Row row, List<String> columns, Map<String, Object> values, CellStyle date) {
        fill(row, columns.stream().map(values::get).toList(), date);
    }

    /**
     * Writes values into a row's cells from the first column on: a date as a date cell in {@code date}'s style, a number
     * as a number, anything else as text; a null leaves its cell out. Also the Annex A tests' way of making workbooks.
     */
    public static void fill(Row row, List<?> values, CellStyle date) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }
}
