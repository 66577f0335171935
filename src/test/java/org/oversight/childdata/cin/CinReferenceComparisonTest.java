package org.oversight.childdata.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Oversight's validation of the real-format files in data/child-data/cin-fake against what the reference implementation
 * (data-to-insight/csc-validator-be-cin @1bf6f22, ruleset cin2025_26) reported for the same files, location for location:
 * rule, child, module, field and row. The reference's report is data/child-data/cin-fake/reference-issues.csv.
 */
class CinReferenceComparisonTest {

    static final Path DIR = Path.of("data/child-data/cin-fake");

    static Map<String, TreeSet<String>> reference() throws IOException {
        Map<String, TreeSet<String>> byFile = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(DIR.resolve("reference-issues.csv"));
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord rec : p) {
                byFile.computeIfAbsent(rec.get("file"), f -> new TreeSet<>()).add(String.join(",", rec.get("rule"),
                        rec.get("child"), rec.get("table"), rec.get("column"), rec.get("row")));
            }
        }
        return byFile;
    }

    static TreeSet<String> oversight(Path file) throws IOException {
        CinReadResult read = new CinCensusReader().read(file);
        assertThat(read.failed()).as(file.toString()).isFalse();
        TreeSet<String> found = new TreeSet<>();
        for (CinError e : CinValidator.rules2025to26().validate(read)) {
            if (e.isDfeRule()) {
                found.add(ReferenceLocations.of(read.census(), e));
            }
        }
        return found;
    }

    @Test
    void explore() throws IOException {
        Map<String, TreeSet<String>> ref = reference();
        List<String> report = new ArrayList<>();
        for (String file : ref.keySet()) {
            TreeSet<String> ours = oversight(DIR.resolve(file));
            TreeSet<String> theirs = ref.get(file);
            for (String s : ours) {
                if (!theirs.contains(s)) {
                    report.add(file + " ONLY OVERSIGHT " + s);
                }
            }
            for (String s : theirs) {
                if (!ours.contains(s)) {
                    report.add(file + " ONLY REFERENCE " + s);
                }
            }
        }
        report.forEach(System.out::println);
        assertThat(report).isEmpty();
    }
}
