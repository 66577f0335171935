package org.oversight.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every list can be downloaded as CSV (UTF-8 with a byte order mark so spreadsheet programs read it right). Every
 * value goes through {@link SpreadsheetSafe}, so no cell of any CSV Oversight writes is read as a formula.
 */
public final class CsvResponse {

    private CsvResponse() {
    }

    public interface Rows {
        void write(SafeCsv csv) throws IOException;
    }

    /** A CSV printer whose text values are made safe for spreadsheets. */
    public static final class SafeCsv {
        private final CSVPrinter printer;

        SafeCsv(CSVPrinter printer) {
            this.printer = printer;
        }

        public void printRecord(Object... values) throws IOException {
            List<Object> safe = new ArrayList<>(values.length);
            for (Object v : values) {
                safe.add(SpreadsheetSafe.csvValue(v));
            }
            printer.printRecord(safe);
        }

        public void printRecord(Iterable<?> values) throws IOException {
            List<Object> safe = new ArrayList<>();
            for (Object v : values) {
                safe.add(SpreadsheetSafe.csvValue(v));
            }
            printer.printRecord(safe);
        }

        public void flush() throws IOException {
            printer.flush();
        }
    }

    public static void write(HttpServletResponse response, String fileName, List<String> header, Rows rows) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", Downloads.attachment(fileName));
        write(response.getOutputStream(), header, rows);
    }

    /** Writes the CSV (with the byte order mark) to a stream, which it closes. */
    public static void write(OutputStream out, List<String> header, Rows rows) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.stream().map(SpreadsheetSafe::csv)
                .toArray(String[]::new)).get())) {
            rows.write(new SafeCsv(csv));
        }
    }
}
