package org.oversight.childdata.ssda903;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The message of every rule code. DfE codes carry the 2026-27 message verbatim from
 * {@code data/child-data/903-rules-2026-27.csv} (generated from data-to-insight/csc-validator-be-903 @10ad07c, MIT),
 * read from the classpath copy; the 2025-26 rule set uses the same messages (2026-27 only added the DoLO rules).
 * Oversight codes (OV-...) are our own.
 */
public final class RuleMessages {

    static final String RESOURCE = "reference/child-data/903-rules-2026-27.csv";
    static final Path FILE = Path.of("data/child-data/903-rules-2026-27.csv");
    private static final Map<String, String> MESSAGES;

    static {
        Map<String, String> m = new LinkedHashMap<>(dfe());
        m.put("OV-EMPTY", "The file is empty.");
        m.put("OV-NO-ROWS", "The file has a header row but no data rows.");
        m.put("OV-HEADER", "The header row does not match the SSDA903 table.");
        m.put("OV-TABLE", "The header row does not match any SSDA903 table (Header, Episodes, Reviews, OC2, OC3, AD1, "
                + "PlacedAdoption, PrevPerm, Missing, UASC, SWEpisodes, DoLo).");
        m.put("OV-DATE", "The date is not a valid date in dd/mm/yyyy format.");
        m.put("OV-CODE", "The code is not in the SSDA903 code list for this field.");
        m.put("OV-REQUIRED", "This field must be completed.");
        m.put("OV-DUPLICATE", "Duplicate episode: this child already has an episode starting on this date.");
        m.put("OV-ROW", "The row has a different number of fields from the header.");
        m.put("OV-REVIEW-BEFORE-CARE", "The review date is before the child first started to be looked after.");
        m.put("OV-READ", "The file could not be read as CSV.");
        MESSAGES = Collections.unmodifiableMap(m);
    }

    private RuleMessages() {
    }

    private static Map<String, String> dfe() {
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = open();
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord rec : p) {
                m.put(rec.get(0).replace("\uFEFF", ""), rec.get(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SSDA903 rule list " + FILE, e);
        }
        return m;
    }

    private static InputStream open() throws IOException {
        InputStream in = RuleMessages.class.getClassLoader().getResourceAsStream(RESOURCE);
        return in != null ? in : Files.newInputStream(FILE);
    }

    /** The message for a rule code; never null. */
    public static String message(String code) {
        return MESSAGES.getOrDefault(code, "Rule " + code);
    }

    /** Every rule code with a message here, DfE first, in a stable order. */
    public static Map<String, String> all() {
        return MESSAGES;
    }
}
