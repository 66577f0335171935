package org.oversight.reports.national;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.oversight.shared.Checksums;

/**
 * The bundled national dataset: one CSV row per published Ofsted report of the corpus, as Oversight's extractor read
 * it, and a manifest that lets a reader prove the file is whole.
 *
 * <p>Every row carries {@code row_sha256}, the SHA-256 of its other cells (joined by U+001F), so a changed cell is
 * found and named; the manifest carries the number of rows and {@code rows_sha256}, the SHA-256 of every row's
 * checksum in order, so a truncated file, a removed, added or reordered row is found too. The check works on the
 * cells, not the bytes, so a copy whose line endings were changed still reads. Lists (improvement items, priority
 * actions, on-site ranges, notes) are one cell each, one element per line.
 *
 * <p>Cells Oversight could not read hold {@value #NOT_READ} and are named in {@code not_read}; nothing is guessed.
 */
public final class NationalDataset {

    public static final String CSV_FILE = "ofsted-reports.csv";
    public static final String MANIFEST_FILE = "ofsted-reports.manifest";
    public static final String NOT_READ = "not read";
    public static final String NOT_JUDGED = "not judged";

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("urn", "local_authority", "file", "sha256", "size_bytes",
            "extractor_version", "status", "reason", "type", "publication_date", "start_date", "end_date", "on_site",
            "lead_inspector", "overall", "leaders", "help_and_protection", "in_care", "care_leavers", "improvement_count",
            "improvement_items", "priority_count", "priority_actions", "not_read", "notes", "ofsted_url", "row_sha256");

    /** {@code status} of a report Oversight records as an inspection. */
    public static final String RECORDED = "recorded";
    /** {@code status} of a file that is not recorded (saved web page, report before SIF, ...); {@code reason} says why. */
    public static final String NOT_RECORDED = "not recorded";

    private NationalDataset() {
    }

    /** One row: every cell as text, in {@link #COLUMNS} order (without {@code row_sha256}, which is worked out). */
    public record Row(Map<String, String> cells, int line) {

        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v;
        }

        /** The elements of a list cell. */
        public List<String> list(String column) {
            String v = get(column);
            return v.isEmpty() ? List.of() : Arrays.stream(v.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        public boolean notRead(String column) {
            return NOT_READ.equals(get(column));
        }

        public String checksum() {
            return rowSha256(this);
        }

        /** "row 57 (80486, children's services inspection - 25 march 2019.pdf)", for messages. */
        public String where() {
            return "row " + line + " (" + get("urn") + ", " + get("file") + ")";
        }
    }

    /** What the manifest says about the CSV. */
    public record Manifest(int rows, String rowsSha256, String extractorVersion, String source) {
    }

    /** A dataset that passed every check. */
    public record Verified(List<Row> rows, Manifest manifest) {
    }

    /** Builds a row from its cells (in any order); missing cells are empty. */
    public static Row row(Map<String, String> cells) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            if (!column.equals("row_sha256")) {
                String v = cells.get(column);
                ordered.put(column, v == null ? "" : v);
            }
        }
        return new Row(ordered, 0);
    }

    static String rowSha256(Row row) {
        StringBuilder sb = new StringBuilder();
        for (String column : COLUMNS) {
            if (!column.equals("row_sha256")) {
                sb.append(row.get(column)).append('\u001f');
            }
        }
        return Checksums.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String rowsSha256(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        rows.forEach(r -> sb.append(r.checksum()).append('\n'));
        return Checksums.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the CSV (UTF-8, LF line ends) and returns the manifest text to store beside it. */
    public static String write(List<Row> rows, String extractorVersion, String source, Writer csv) throws IOException {
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .setRecordSeparator("\n").get())) {
            for (Row row : rows) {
                List<String> values = new ArrayList<>();
                for (String column : COLUMNS) {
                    values.add(column.equals("row_sha256") ? row.checksum() : row.get(column));
                }
                printer.printRecord(values);
            }
        }
        return manifestText(new Manifest(rows.size(), rowsSha256(rows), extractorVersion, source));
    }

    static String manifestText(Manifest m) {
        StringWriter out = new StringWriter();
        out.write("# The bundled national dataset of published Ofsted reports: what a whole " + CSV_FILE + " holds.\n");
        out.write("# Rebuild both files with: bin/oversight build-national-dataset CORPUS data/national (see README).\n");
        out.write("file=" + CSV_FILE + "\n");
        out.write("rows=" + m.rows() + "\n");
        out.write("rows_sha256=" + m.rowsSha256() + "\n");
        out.write("extractor_version=" + m.extractorVersion() + "\n");
        out.write("source=" + m.source() + "\n");
        return out.toString();
    }

    /**
     * Reads and checks the dataset; nothing is returned unless every check passes.
     *
     * @throws DatasetException naming the file, row and column of the first problem
     */
    public static Verified read(InputStream csv, InputStream manifest) {
        Manifest m = readManifest(manifest);
        List<Row> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(csv).get(), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (!header.equals(COLUMNS)) {
                throw new DatasetException(CSV_FILE + " row 1: the columns are " + header + ", expected " + COLUMNS);
            }
            for (CSVRecord rec : parser) {
                int line = (int) rec.getRecordNumber() + 1;
                if (rec.size() != COLUMNS.size()) {
                    throw new DatasetException(CSV_FILE + " row " + line + ": has " + rec.size() + " cells, expected "
                            + COLUMNS.size() + " (the file is cut short or damaged)");
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (String column : COLUMNS) {
                    if (!column.equals("row_sha256")) {
                        cells.put(column, rec.get(column).replace("\r\n", "\n")); // a checkout may have changed line ends
                    }
                }
                Row row = new Row(cells, line);
                if (!row.checksum().equals(rec.get("row_sha256"))) {
                    throw new DatasetException(CSV_FILE + " " + row.where() + ": its values do not match its checksum "
                            + "(row_sha256): the row has been changed since the dataset was built");
                }
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new DatasetException(CSV_FILE + ": could not be read as CSV after row " + (rows.size() + 1) + ": " + e.getMessage());
        }
        if (rows.size() != m.rows()) {
            throw new DatasetException(CSV_FILE + ": has " + rows.size() + " rows but " + MANIFEST_FILE + " says " + m.rows()
                    + (rows.size() < m.rows() ? " (the file is truncated)" : " (rows were added)"));
        }
        if (!rowsSha256(rows).equals(m.rowsSha256())) {
            throw new DatasetException(CSV_FILE + ": its rows are not the ones " + MANIFEST_FILE
                    + " lists (a row was replaced, removed and another added, or the rows were reordered)");
        }
        return new Verified(List.copyOf(rows), m);
    }

    static Manifest readManifest(InputStream in) {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new DatasetException(MANIFEST_FILE + ": could not be read: " + e.getMessage());
        }
        String rows = p.getProperty("rows", "");
        String sha = p.getProperty("rows_sha256", "");
        if (!rows.matches("\\d{1,6}") || !sha.matches("[0-9a-f]{64}")) {
            throw new DatasetException(MANIFEST_FILE + ": rows and rows_sha256 are missing or damaged");
        }
        return new Manifest(Integer.parseInt(rows), sha, p.getProperty("extractor_version", ""), p.getProperty("source", ""));
    }

    /** A dataset that is not whole or not well formed. */
    public static final class DatasetException extends RuntimeException {
        public DatasetException(String message) {
            super(message);
        }
    }
}
