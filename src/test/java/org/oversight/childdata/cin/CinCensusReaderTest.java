package org.oversight.childdata.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinDetails;

class CinCensusReaderTest {

    static final Path DIR = Path.of("data/child-data/cin-fake");

    static CinReadResult read(String xml) throws IOException {
        return new CinCensusReader().read("test.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static CinReadResult read(CinReadLimits limits, String xml) throws IOException {
        return new CinCensusReader(limits).read("test.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static CinError fatal(CinReadResult r) {
        assertThat(r.failed()).isTrue();
        return r.problems().getLast();
    }

    @Test
    void readsEveryFakeFileWithEveryModule() throws IOException {
        int[] expected = {1, 1, 1, 1, 2, 2, 1, 1, 332};
        List<String> names = List.of("CIN2rows.xml", "CIN_Census_2021.xml", "CIN_Census_2021_copy.xml",
                "CIN_Census_2021_no_assessment_factors.xml", "CIN_Census_2024.xml", "CIN_Census_2026.xml",
                "CIN_header_issues_100.xml", "CIN_la_issues_2887Q.xml", "fake_CIN_data.xml");
        for (int i = 0; i < names.size(); i++) {
            CinReadResult r = new CinCensusReader().read(DIR.resolve(names.get(i)));
            assertThat(r.failed()).as(names.get(i)).isFalse();
            assertThat(r.census().children()).as(names.get(i)).hasSize(expected[i]);
            assertThat(r.problems()).as(names.get(i)).allMatch(p -> p.severity() == CinSeverity.QUERY);
        }
        CinCensus c2026 = new CinCensusReader().read(DIR.resolve("CIN_Census_2026.xml")).census();
        assertThat(c2026.header().referenceDate().date()).hasToString("2024-03-31");
        assertThat(c2026.header().lea()).isEqualTo("201");
        Child first = c2026.children().getFirst();
        assertThat(first.laChildId()).isEqualTo("DfEX0000001");
        assertThat(first.sex()).isEqualTo("1");
        assertThat(first.disabilities()).containsExactly("HAND", "HEAR");
        CinDetails e = first.cinDetails().getFirst();
        assertThat(e.referralNfa()).isEqualTo("0");
        assertThat(e.assessments().getFirst().factors()).containsExactly("1C", "RB", "6B");
        assertThat(e.cinPlans().getFirst().endDate().text()).isEqualTo("2023-01-26");
        assertThat(e.section47s().getFirst().icpcNotRequired()).isEqualTo("false");
        assertThat(e.protectionPlans().getFirst().reviewDates()).extracting(CinDate::text).containsExactly("2023-02-15");
        assertThat(e.preProceedings().getFirst().ppOutcome()).isEqualTo("A");
        assertThat(c2026.children().get(1).cinDetails().getFirst().assessments().getFirst().factors()).isEmpty();
    }

    @Test
    void givesTheLineOfEachChild() throws IOException {
        CinReadResult r = new CinCensusReader().read(DIR.resolve("CIN_Census_2026.xml"));
        assertThat(r.childLines()).containsExactly(18, 85);
        assertThat(r.lineOf(1)).isEqualTo(85);
    }

    @Test
    void reportsStrayTextUnknownAndRepeatedElementsOnceEach() throws IOException {
        CinReadResult r = read("""
                <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year>
                <ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header><Children>
                <Child><ChildIdentifiers><LAchildID>A1</LAchildID><LAchildID>A2</LAchildID><Shoe>9</Shoe></ChildIdentifiers>
                <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics></Child>
                <Child><ChildIdentifiers><LAchildID>B1</LAchildID><Shoe>8</Shoe>loose</ChildIdentifiers></Child>
                </Children></Message>""");
        assertThat(r.failed()).isFalse();
        assertThat(r.census().children()).extracting(Child::laChildId).containsExactly("A1", "B1");
        assertThat(r.problems()).extracting(CinError::ruleCode).containsExactlyInAnyOrder(CinCensusReader.REPEATED,
                CinCensusReader.UNKNOWN_ELEMENT, CinCensusReader.STRAY_TEXT);
        CinError unknown = r.problems().stream().filter(p -> p.ruleCode().equals(CinCensusReader.UNKNOWN_ELEMENT)).findFirst().orElseThrow();
        assertThat(unknown.message()).contains("<Child/ChildIdentifiers/Shoe>").contains("2 times");
        assertThat(unknown.line()).isEqualTo(3);
    }

    @Test
    void refusesADoctypeWithoutExpandingOrFetchingAnything() throws IOException {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Message [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Message><Children><Child><ChildIdentifiers><LAchildID>&secret;</LAchildID></ChildIdentifiers></Child></Children></Message>""";
        CinError e = fatal(read(xxe));
        assertThat(e.ruleCode()).isEqualTo(CinCensusReader.DOCTYPE);
        assertThat(e.message()).contains("DOCTYPE");
        assertThat(e.line()).isEqualTo(2);
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
                + "<Message><Children>&lol2;</Children></Message>";
        assertThat(fatal(read(laughs)).ruleCode()).isEqualTo(CinCensusReader.DOCTYPE);
    }

    @Test
    void saysWhereAFileIsNotWellFormed() throws IOException {
        CinError e = fatal(read("<Message>\n<Children>\n<Child></Chidl>\n</Children></Message>"));
        assertThat(e.ruleCode()).isEqualTo(CinCensusReader.NOT_WELL_FORMED);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isPositive();
        assertThat(e.message()).startsWith("The file is not well-formed XML").contains("\"</Child>\"");
        assertThat(e.describe()).startsWith("test.xml line 3, column ");
        assertThat(fatal(read("%PDF-1.7 binary")).ruleCode()).isEqualTo(CinCensusReader.NOT_WELL_FORMED);
        assertThat(fatal(read("")).ruleCode()).isIn(CinCensusReader.NOT_WELL_FORMED, CinCensusReader.NOT_A_CENSUS);
    }

    @Test
    void saysWhenXmlIsNotACinCensus() throws IOException {
        CinError root = fatal(read("<EXPSSDA903><CHILD/></EXPSSDA903>"));
        assertThat(root.ruleCode()).isEqualTo(CinCensusReader.NOT_A_CENSUS);
        assertThat(root.message()).contains("<EXPSSDA903>").contains("<Message>");
        assertThat(fatal(read("<Message><Header/></Message>")).message()).contains("no <Children>");
        CinError collection = fatal(read("<Message><Header><CollectionDetails><Collection>SSDA903</Collection>"
                + "</CollectionDetails></Header><Children/></Message>"));
        assertThat(collection.message()).contains("'SSDA903'");
    }

    @Test
    void anEmptyCensusIsACensus() throws IOException {
        CinReadResult r = read("<Message><Header/><Children/></Message>");
        assertThat(r.failed()).isFalse();
        assertThat(r.census().children()).isEmpty();
    }

    @Test
    void refusesATwoGigabyteFileWithoutOpeningIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("huge.xml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(2L * 1024 * 1024 * 1024); // sparse: takes no disk and no memory
        }
        long before = usedHeap();
        CinReadResult r = new CinCensusReader().read(big);
        CinError e = fatal(r);
        assertThat(e.ruleCode()).isEqualTo(CinCensusReader.TOO_LARGE);
        assertThat(e.message()).contains("2147483648 bytes").contains("it was not read");
        assertThat(usedHeap() - before).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void stopsAStreamOnceItPassesTheByteLimit() throws IOException {
        long[] served = new long[1];
        InputStream endless = new InputStream() {
            final byte[] start = "<Message><Children>".getBytes(StandardCharsets.UTF_8);
            final byte[] child = "<Child><ChildIdentifiers><LAchildID>X</LAchildID></ChildIdentifiers></Child>\n".getBytes(StandardCharsets.UTF_8);

            @Override
            public int read() {
                long n = served[0]++;
                return n < start.length ? start[(int) n] : child[(int) ((n - start.length) % child.length)];
            }
        };
        int[] children = new int[1];
        CinCensusReader.Outcome o = new CinCensusReader(CinReadLimits.DEFAULT.withMaxBytes(1_000_000)).stream("endless.xml",
                endless, new CinCensusReader.Listener() {
                    @Override
                    public void header(CinCensus.Header header) {
                    }

                    @Override
                    public void child(Child child, int index, int line) {
                        children[0]++;
                    }
                });
        assertThat(o.failed()).isTrue();
        assertThat(o.problems().getLast().ruleCode()).isEqualTo(CinCensusReader.TOO_LARGE);
        assertThat(served[0]).isLessThan(1_200_000);
        assertThat(children[0]).isGreaterThan(10_000);
    }

    @Test
    void capsElementsDepthAndValueLength() throws IOException {
        String many = "<Message><Children>" + "<Child/>".repeat(200) + "</Children></Message>";
        CinError elements = fatal(read(CinReadLimits.DEFAULT.withMaxElements(100), many));
        assertThat(elements.ruleCode()).isEqualTo(CinCensusReader.TOO_LARGE);
        assertThat(elements.message()).contains("more than 100 elements");
        String deep = "<Message><Children><Child><Foo>" + "<a>".repeat(40) + "</a>".repeat(40) + "</Foo></Child></Children></Message>";
        assertThat(fatal(read(deep)).message()).contains("nested more than 32 deep");
        String longValue = "<Message><Children><Child><ChildIdentifiers><LAchildID>" + "x".repeat(10_000)
                + "</LAchildID></ChildIdentifiers></Child></Children></Message>";
        CinError text = fatal(read(longValue));
        assertThat(text.message()).contains("longer than 4096 characters").contains("<ChildIdentifiers>");
    }

    @Test
    void keepsInvalidDatesAsWrittenForTheErrorToQuote() throws IOException {
        CinReadResult r = read("""
                <Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year>
                <ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header><Children><Child>
                <ChildIdentifiers><LAchildID>A1</LAchildID><PersonBirthDate>31/12/2019</PersonBirthDate></ChildIdentifiers>
                </Child></Children></Message>""");
        CinDate birth = r.census().children().getFirst().personBirthDate();
        assertThat(birth.text()).isEqualTo("31/12/2019");
        assertThat(birth.isValid()).isFalse();
        List<CinError> errors = CinValidator.rules2025to26().validate(r);
        CinError invalid = errors.stream().filter(e -> e.ruleCode().equals(CinValidator.INVALID_DATE)).findFirst().orElseThrow();
        assertThat(invalid.describe()).isEqualTo("test.xml line 2, child A1, ChildIdentifiers, PersonBirthDate '31/12/2019':"
                + " OV-CIN-DATE error: The date is not a valid date in the form yyyy-mm-dd; DfE's rules treat it as missing.");
        assertThat(errors).extracting(CinError::ruleCode).contains("8525Q");
    }

    @Test
    void datesFollowXmlSchema() {
        assertThat(CinDate.parse("2024-02-29").date()).hasToString("2024-02-29");
        assertThat(CinDate.parse(" 2024-03-01Z ").date()).hasToString("2024-03-01");
        assertThat(CinDate.parse("2024-03-01+01:00").isValid()).isTrue();
        assertThat(CinDate.parse("2023-02-29").isValid()).isFalse();
        assertThat(CinDate.parse("2024-3-1").isValid()).isFalse();
        assertThat(CinDate.parse("2024-03-01T10:00:00").isValid()).isFalse();
        assertThat(CinDate.parse("")).isEqualTo(CinDate.parse(" "));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
