package org.oversight.shared.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Every list can be downloaded as CSV (UTF-8 with a byte order mark so spreadsheet programs read it right). */
public final class CsvResponse {

    private CsvResponse() {
    }

    public interface Rows {
        void write(CSVPrinter csv) throws IOException;
    }

    public static void write(HttpServletResponse response, String fileName, List<String> header, Rows rows) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        OutputStreamWriter writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            rows.write(csv);
        }
    }
}
