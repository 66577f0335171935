package org.oversight.selfeval;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    @Test
    void marksTheWordsAddedAndRemoved() {
        List<TextDiff.Part> parts = TextDiff.diff("Care leavers are well supported.", "Care leavers are very well supported by skilled workers.");
        assertThat(parts.stream().filter(p -> p.op() == TextDiff.Op.REMOVED).map(TextDiff.Part::text).collect(Collectors.joining()))
                .isEqualTo("supported.");
        assertThat(parts.stream().filter(p -> p.op() == TextDiff.Op.ADDED).map(TextDiff.Part::text).collect(Collectors.joining()))
                .isEqualTo("very supported by skilled workers.");
        List<TextDiff.Part> removed = TextDiff.diff("Most children are seen quickly.", "Children are seen quickly.");
        assertThat(removed).contains(new TextDiff.Part(TextDiff.Op.REMOVED, "Most children "), new TextDiff.Part(TextDiff.Op.ADDED, "Children "));
    }

    @Test
    void theAfterTextIsTheSameAndAddedPartsAndTheBeforeTextTheSameAndRemoved() {
        String before = "Leaders know their services.\\nSupervision is regular.";
        String after = "Leaders know their services well.\\nSupervision is regular and reflective.\\nA new line.";
        List<TextDiff.Part> parts = TextDiff.diff(before, after);
        assertThat(parts.stream().filter(p -> p.op() != TextDiff.Op.REMOVED).map(TextDiff.Part::text).collect(Collectors.joining())).isEqualTo(after);
        assertThat(parts.stream().filter(p -> p.op() != TextDiff.Op.ADDED).map(TextDiff.Part::text).collect(Collectors.joining())).isEqualTo(before);
        assertThat(TextDiff.changed(TextDiff.diff(after, after))).isFalse();
        assertThat(TextDiff.changed(parts)).isTrue();
    }
}
