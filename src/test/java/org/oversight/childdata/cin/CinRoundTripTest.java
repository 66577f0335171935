package org.oversight.childdata.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The writer's XML reads back to the same census, and validates the same. */
class CinRoundTripTest {

    static Stream<Path> fakeFiles() throws IOException {
        return Files.list(Path.of("data/child-data/cin-fake")).filter(p -> p.toString().endsWith(".xml")).sorted();
    }

    static CinReadResult reread(CinCensus census) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CinCensusWriter.write(census, out);
        return new CinCensusReader().read("written.xml", new ByteArrayInputStream(out.toByteArray()));
    }

    /** What a finding says, without where in the text it is (lines move when a file is rewritten). */
    static String content(CinError e) {
        return e.childIndex() + "|" + e.table() + "|" + e.path() + "|" + e.field() + "|" + e.value() + "|" + e.ruleCode();
    }

    @ParameterizedTest
    @MethodSource("fakeFiles")
    void everyFakeFileReadsBackIdenticallyWithTheSameFindings(Path file) throws IOException {
        CinReadResult original = new CinCensusReader().read(file);
        CinReadResult again = reread(original.census());
        assertThat(again.failed()).isFalse();
        assertThat(again.problems()).isEmpty();
        assertThat(again.census()).isEqualTo(original.census());
        CinValidator v = CinValidator.rules2025to26();
        assertThat(v.validate(again).stream().map(CinRoundTripTest::content).toList())
                .isEqualTo(v.validate(original).stream().map(CinRoundTripTest::content).toList());
    }

    @Test
    void aSyntheticCensusReadsBackIdenticallyAndPassesEveryRule() throws IOException {
        CinCensus census = SyntheticCinCensus.for2025to26("886", 800, 3).census();
        CinReadResult again = reread(census);
        assertThat(again.census()).isEqualTo(census);
        assertThat(CinValidator.rules2025to26().validate(again)).isEmpty();
    }

    @Test
    void writesTheSchemaOrderIndentedInUtf8() throws IOException {
        CinCensus census = new CinCensusReader().read(Path.of("data/child-data/cin-fake/CIN_Census_2026.xml")).census();
        String xml = CinCensusWriter.toXml(census);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n  <Header>\n    <CollectionDetails>");
        assertThat(xml.indexOf("<Section47>")).isLessThan(xml.indexOf("<ReferralNFA>0"));
        assertThat(xml.indexOf("<ReferralNFA>0")).isLessThan(xml.indexOf("<ChildProtectionPlans>"));
        assertThat(xml).contains("<Reviews>\n            <CPPreviewDate>2023-02-15</CPPreviewDate>");
        assertThat(xml).doesNotContain("PersonBirthDate\n"); // the stray text of the original is not copied
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(new CinCensusReader().read("x.xml", new ByteArrayInputStream(bytes)).census()).isEqualTo(census);
    }

    @Test
    void keepsEmptyListItemsAndInvalidDatesAsWritten() throws IOException {
        String xml = """
                <Message><Children><Child><ChildIdentifiers><LAchildID>A1</LAchildID>
                <PersonBirthDate>01/02/2020</PersonBirthDate></ChildIdentifiers>
                <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability/></Disabilities></ChildCharacteristics>
                <CINdetails><ChildProtectionPlans><Reviews><CPPreviewDate/><CPPreviewDate>2026-01-05</CPPreviewDate></Reviews>
                </ChildProtectionPlans></CINdetails></Child></Children></Message>""";
        CinCensus census = new CinCensusReader().read("x.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).census();
        assertThat(census.children().getFirst().disabilities()).containsExactly("");
        assertThat(census.children().getFirst().cinDetails().getFirst().protectionPlans().getFirst().reviewDates())
                .extracting(CinDate::text).containsExactly("", "2026-01-05");
        assertThat(reread(census).census()).isEqualTo(census);
        assertThat(List.of(census)).hasSize(1);
    }
}
