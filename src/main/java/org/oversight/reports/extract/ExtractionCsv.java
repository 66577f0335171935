package org.oversight.reports.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes extraction results as CSV with the header
 * {@code file,type,framework,start_date,end_date,lead_inspector,overall,leaders,help_and_protection,in_care,care_leavers,improvement_items,priority_actions}.
 *
 * <p>Types are lower case ({@code inspection|focused_visit|monitoring_visit|jtai}), frameworks
 * {@code standard|short|sif} or blank, dates {@code dd/MM/yyyy} (first day of the first on-site
 * range, last day of the last), grades lower case ({@code requires improvement}) or blank, and the
 * last two columns are item counts. Failed extractions are written with the file name only.
 */
public final class ExtractionCsv implements AutoCloseable {

    /** The CSV header, in order. */
    public static final String[] HEADER = {"file", "type", "framework", "start_date", "end_date", "lead_inspector",
            "overall", "leaders", "help_and_protection", "in_care", "care_leavers", "improvement_items",
            "priority_actions"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CSVPrinter printer;

    public ExtractionCsv(Writer out) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER)
                    .setRecordSeparator("\n").get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one row; a failure gives a row with only the file name filled in. */
    public void write(ExtractionResult result) {
        try {
            switch (result) {
                case ExtractionResult.Success s -> printer.printRecord(safe(row(s.fileName(), s.report())));
                case ExtractionResult.Failure f -> printer.printRecord(safe(row(f.fileName(), null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text read from a document never becomes a formula in a spreadsheet (a name starting "=", say). */
    private static Object[] safe(Object[] row) {
        Object[] out = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = org.oversight.shared.web.SpreadsheetSafe.csvValue(row[i]);
        }
        return out;
    }

    static Object[] row(String file, ExtractedReport r) {
        if (r == null) {
            return new Object[] {file, "", "", "", "", "", "", "", "", "", "", "", ""};
        }
        return new Object[] {
                file,
                r.type().name().toLowerCase(Locale.ROOT),
                r.framework() == null ? "" : r.framework().name().toLowerCase(Locale.ROOT),
                r.startDate() == null ? "" : DATE.format(r.startDate()),
                r.endDate() == null ? "" : DATE.format(r.endDate()),
                r.leadInspector() == null ? "" : r.leadInspector(),
                grade(r.overall()), grade(r.leaders()), grade(r.helpAndProtection()), grade(r.inCare()),
                grade(r.careLeavers()),
                r.improvementItems().size(),
                r.priorityActions().size()};
    }

    private static String grade(Grade g) {
        return g == null ? "" : g.label();
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
