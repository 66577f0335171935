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

class RuleMessagesTest {

    @Test
    void everyDfeMessageIsVerbatimFromTheRuleFile() throws IOException {
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
        int checked = 0;
        for (Map.Entry<String, String> e : RuleMessages.all().entrySet()) {
            if (e.getKey().startsWith("OV-")) {
                assertThat(dfe).doesNotContainKey(e.getKey());
                continue;
            }
            assertThat(dfe).as(e.getKey()).containsEntry(e.getKey(), e.getValue());
            checked++;
        }
        System.out.println("RULES DfE rules implemented: " + checked);
    }
}
