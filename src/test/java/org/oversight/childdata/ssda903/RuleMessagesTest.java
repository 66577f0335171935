package org.oversight.childdata.ssda903;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.ssda903.rules.Rule903;
import org.oversight.childdata.ssda903.rules.RuleBook;

class RuleMessagesTest {

    @Test
    void everyRuleHasItsDfeMessageVerbatimFromTheRuleFile() throws IOException {
        Map<String, String> dfe = new HashMap<>();
        String text = Files.readString(Path.of("data/child-data/903-rules-2026-27.csv"), StandardCharsets.UTF_8)
                .replace("\uFEFF", "");
        try (Reader r = new java.io.StringReader(text);
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord rec : p) {
                dfe.put(rec.get("code"), rec.get("message"));
            }
        }
        assertThat(dfe).hasSize(322);
        RuleBook book = RuleBook.forYear(CollectionYear.of(2026));
        for (Rule903 rule : book.rules()) {
            assertThat(rule.message()).as(rule.code()).isEqualTo(dfe.get(rule.code()));
        }
        assertThat(book.rules()).hasSize(dfe.size());
        for (Map.Entry<String, String> e : RuleMessages.all().entrySet()) {
            if (e.getKey().startsWith("OV-")) {
                assertThat(dfe).doesNotContainKey(e.getKey());
            }
        }
    }
}
