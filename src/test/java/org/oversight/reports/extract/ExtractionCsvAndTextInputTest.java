package org.oversight.reports.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ExtractionCsvAndTextInputTest {

    private final ReportExtractor extractor = new ReportExtractor();

    @Test
    void writesTheAgreedCsvFormat() {
        ExtractionResult ok = extractor.extract(TestData.dir("ofsted-reports").resolve("80578-west-sussex-2023-05-11.pdf"));
        ExtractionResult letter = extractor.extract(TestData.dir("ofsted-letters").resolve("wakefield-focused-visit-2018-02-27.pdf"));
        ExtractionResult bad = extractor.extract("broken, \"odd\" name.pdf", new byte[] {1, 2, 3});
        StringWriter out = new StringWriter();
        try (ExtractionCsv csv = new ExtractionCsv(out)) {
            csv.write(ok);
            csv.write(letter);
            csv.write(bad);
        }
        assertThat(out.toString()).isEqualTo("""
                file,type,framework,start_date,end_date,lead_inspector,overall,leaders,help_and_protection,in_care,care_leavers,improvement_items,priority_actions
                80578-west-sussex-2023-05-11.pdf,inspection,standard,13/03/2023,24/03/2023,Maire Atherton,requires improvement,good,requires improvement,good,requires improvement,7,0
                wakefield-focused-visit-2018-02-27.pdf,focused_visit,,27/02/2018,28/02/2018,Neil Penswick,,,,,,3,3
                "broken, ""odd"" name.pdf",,,,,,,,,,,,
                """);
    }

    /** The same report as plain text (PDFBox's own plain output, no layout) gives the same values. */
    @Test
    void readsTheTextOfAReportFromATxtFile() throws IOException {
        for (String name : new String[] {"80569-tameside-2024-02-13.pdf", "80419-isle-of-wight-2014-11-19.pdf",
                "80438-brighton-and-hove-2018-08-21.pdf"}) {
            Path pdf = TestData.dir("ofsted-reports").resolve(name);
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                text = stripper.getText(doc);
            }
            ExtractedReport fromPdf = ((ExtractionResult.Success) extractor.extract(pdf)).report();
            ExtractionResult fromText = extractor.extract(name.replace(".pdf", ".txt"), text.getBytes(StandardCharsets.UTF_8));
            assertThat(fromText).as(name).isInstanceOf(ExtractionResult.Success.class);
            ExtractedReport r = ((ExtractionResult.Success) fromText).report();
            assertThat(r.type()).isEqualTo(fromPdf.type());
            assertThat(r.framework()).as(name).isEqualTo(fromPdf.framework());
            assertThat(r.onSite()).as(name).isEqualTo(fromPdf.onSite());
            assertThat(r.leadInspector()).as(name).isEqualTo(fromPdf.leadInspector());
            assertThat(r.overall()).as(name).isEqualTo(fromPdf.overall());
            assertThat(r.leaders()).as(name).isEqualTo(fromPdf.leaders());
            assertThat(r.helpAndProtection()).as(name).isEqualTo(fromPdf.helpAndProtection());
            assertThat(r.inCare()).as(name).isEqualTo(fromPdf.inCare());
            assertThat(r.careLeavers()).as(name).isEqualTo(fromPdf.careLeavers());
        }
    }

    @Test
    void aTxtFileThatIsNotAReportIsRejected() {
        ExtractionResult r = extractor.extract("notes.txt",
                "Shopping list\nmilk\neggs\n".repeat(30).getBytes(StandardCharsets.UTF_8));
        assertThat(r).isEqualTo(new ExtractionResult.Failure("notes.txt",
                "not an Ofsted children's services report or letter"));
    }

    @Test
    void aPdfNamedTxtIsStillReadAsPdf() throws IOException {
        byte[] pdf = Files.readAllBytes(TestData.dir("ofsted-letters").resolve("bolton-focused-visit-2025-05-28.pdf"));
        assertThat(extractor.extract("bolton.txt", pdf).isSuccess()).isTrue();
    }

    /**
     * A synthetic post-27-April-2026 report in pdftotext -layout style (the set has no real one yet):
     * four judgements, no overall effectiveness, the shorter 2026 leaders label, wrapped grades.
     */
    @Test
    void readsAFourJudgementReportWithoutOverallEffectiveness() {
        String text = """
                Inspection of Northshire local authority children's services
                Inspection dates: 11 to 22 May 2026
                Lead inspector: Ann Example, His Majesty's Inspector

                 Judgement                                               Grade
                 The impact of leaders on practice with children and     Requires improvement
                 families                                                to be good
                 The experiences and progress of children who need       Good
                 help and protection
                 The experiences and progress of children in care        Good
                 The experiences and progress of care leavers            Inadequate

                Leaders have a clear understanding of the strengths and weaknesses of services for children
                and have plans to improve them, although these have not yet had enough impact for care leavers.

                What needs to improve?
                \uF06E The consistency of pathway planning for care leavers (outcome 4, national framework).
                \uF06E The quality of supervision, so that it
                  reflects on children's progress (enabler 2, national framework).

                The experiences and progress of children who need help and protection: good
                1. Children receive help at the right time.
                """;
        ExtractionResult result = extractor.extract("northshire-2026.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(ExtractionResult.Success.class);
        ExtractedReport r = ((ExtractionResult.Success) result).report();
        assertThat(r.framework()).isEqualTo(Framework.STANDARD);
        assertThat(r.leadInspector()).isEqualTo("Ann Example");
        assertThat(r.localAuthorityName()).isEqualTo("Northshire");
        assertThat(r.overall()).isNull();
        assertThat(r.leaders()).isEqualTo(Grade.REQUIRES_IMPROVEMENT);
        assertThat(r.helpAndProtection()).isEqualTo(Grade.GOOD);
        assertThat(r.inCare()).isEqualTo(Grade.GOOD);
        assertThat(r.careLeavers()).isEqualTo(Grade.INADEQUATE);
        assertThat(r.improvementItems()).containsExactly(
                "The consistency of pathway planning for care leavers (outcome 4, national framework).",
                "The quality of supervision, so that it reflects on children's progress (enabler 2, national framework).");
        assertThat(r.warnings()).isEmpty();
    }
}
