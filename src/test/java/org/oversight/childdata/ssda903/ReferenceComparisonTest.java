package org.oversight.childdata.ssda903;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.ssda903.rules.RuleOutcome;

/**
 * Per-rule counts on the fake sample against DfE's reference implementation. The expected counts in
 * data/child-data/ssda903-fake-reference-counts.csv are the reference's own output: csc-validator-be-903 @10ad07c run
 * by bin/compare-903 on the twelve fake tables as a 2026-27 return of City of London (E09000001), each rule on its own
 * copy of the data. Oversight must flag the same number of rows for every rule the reference ran, not check exactly the
 * rules the reference skipped, and differs only where docs/ssda903.md says why (listed here with Oversight's count).
 * bin/compare-903 shows the same comparison row for row.
 */
public class ReferenceComparisonTest {

    public static final Path COUNTS = Path.of("data/child-data/ssda903-fake-reference-counts.csv");

    /** Rule → Oversight's count where it deliberately differs from the reference (see docs/ssda903.md). */
    public static final Map<String, Integer> DIFFERENCES = Map.of(
            "233", 777,  // the reference looks for a column DATE_EPISODE_CEASED and fails; Oversight reads DEC
            "372", 96,   // 371-374: the reference tests closed episodes only; Oversight open ones too
            "373", 8,
            "374", 151,
            "391", 53);  // the reference flags only under-17s; the message (and Oversight) also over-21s

    @Test
    void everyRuleFlagsAsManyRowsAsTheReferenceExceptTheListedDifferences() throws IOException {
        Map<String, String[]> reference = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(COUNTS);
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord rec : p) {
                reference.put(rec.get("rule"), new String[] {rec.get("status"), rec.get("rows")});
            }
        }
        assertThat(reference).hasSize(322);
        List<ReadResult> files = Ssda903Return.readAll(FakeDataTest.files());
        Ssda903Return.Options options = Ssda903Return.Options.of(CollectionYear.of(2026)).withLa("E09000001");
        Map<String, Integer> ours = new HashMap<>();
        Ssda903Return.flagged(files, options).forEach(f -> ours.merge(f.rule(), 1, Integer::sum));
        Map<String, RuleOutcome> outcomes = new HashMap<>();
        Ssda903Return.validate(files, options).outcomes().forEach(o -> outcomes.put(o.code(), o));

        int same = 0;
        for (Map.Entry<String, String[]> en : reference.entrySet()) {
            String code = en.getKey();
            String status = en.getValue()[0];
            int refRows = Integer.parseInt(en.getValue()[1]);
            RuleOutcome o = outcomes.get(code);
            assertThat(o).as(code).isNotNull();
            if (status.equals("skipped")) {
                assertThat(o.checked()).as(code + " is not checked, as the reference skips it").isFalse();
                continue;
            }
            int expected = DIFFERENCES.getOrDefault(code, refRows);
            if (status.startsWith("failed") && code.equals("706")) {
                // the reference fails for want of last year's DoLo table; Oversight says it needs it
                assertThat(o.checked()).as(code).isFalse();
                continue;
            }
            assertThat(ours.getOrDefault(code, 0)).as(code + " (reference: " + status + ", " + refRows + " rows)")
                    .isEqualTo(expected);
            if (expected == refRows && status.equals("ran")) {
                same++;
            }
        }
        System.out.println("FAKE rules with the reference's count: " + same + " of " + reference.size());
        assertThat(same).isGreaterThanOrEqualTo(270);
    }
}
