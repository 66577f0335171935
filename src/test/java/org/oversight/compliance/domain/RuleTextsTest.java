package org.oversight.compliance.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timescale rules' texts are shown on the rules page as they are written: in words, never a data field's code
 * ("first DECOM", "IN_TOUCH") or a key ("firstYear"); the codes stay in the rules' ids and interval keys.
 */
class RuleTextsTest {

    private static final Pattern TEXT = Pattern.compile("\"(statement|citation|clockStart|measuredFrom)\":\\s*\"([^\"]*)\"");
    private static final Pattern CODE = Pattern.compile("\\b([A-Z][A-Z0-9]*_[A-Z0-9_]+|DECOM|RNE|ACTIV|ACCOM|OC[23]|firstYear|longTerm)\\b");

    @Test
    void theRulesTextsAreWordsWithoutFieldCodesOrKeys() throws IOException {
        String json;
        try (InputStream in = RuleTextsTest.class.getResourceAsStream("/compliance/timescale-rules.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> texts = new ArrayList<>();
        List<String> coded = new ArrayList<>();
        Matcher m = TEXT.matcher(json);
        while (m.find()) {
            texts.add(m.group(2));
            if (CODE.matcher(m.group(2)).find()) {
                coded.add(m.group(1) + ": " + m.group(2));
            }
        }
        assertThat(texts).as("the texts read").hasSizeGreaterThan(40);
        assertThat(CODE.matcher("the first DECOM of the period").find()).as("the check can fail").isTrue();
        assertThat(coded).isEmpty();
    }
}
