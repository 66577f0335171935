package org.oversight.improvement.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The help-and-protection section lands between the proposals and the conclusion in the HTML, DOCX and PDF alike. */
class HelpAndProtectionSectionRenderTest {

    private static final CommitteeReportContent.HelpAndProtection SECTION = new CommitteeReportContent.HelpAndProtection(
            List.of("These figures are City of London's help and protection for the 12 months from 1 April 2025 to 31 March 2026."),
            List.of(new CommitteeReportContent.FunnelLine("Contacts", "412", ""), new CommitteeReportContent.FunnelLine("Referrals", "131", "32%")),
            List.of(new CommitteeReportContent.MeasureLine("Re-referrals within 12 months", "18 of 131", "14%", "12%", "2 points"),
                    new CommitteeReportContent.MeasureLine("Step-downs referred again within 12 months", "1 of 9", "11%", "", "")));

    private static CommitteeReportContent with(CommitteeReportContent c, CommitteeReportContent.HelpAndProtection hp) {
        return new CommitteeReportContent(c.laName(), c.committees(), c.subject(), c.classification(), c.reportOf(), c.reportAuthor(),
                c.purpose(), c.summary(), c.recommendations(), c.background(), c.findings(), c.proposals(), c.conclusion(), c.appendices(),
                c.auditTrail(), c.authorSignOff(), hp);
    }

    private static void inOrder(String text) {
        int proposals = text.indexOf("Proposals");
        int section = text.indexOf("Help and protection");
        int conclusion = text.indexOf("Conclusion");
        assertThat(proposals).isNotNegative();
        assertThat(section).isGreaterThan(proposals);
        assertThat(conclusion).isGreaterThan(section);
        assertThat(text).contains("18 of 131").contains("14%").contains("2 points").contains("Distance to target").contains("1 of 9")
                .contains("Of the step before").contains("32%");
    }

    @Test
    void theSectionIsInEachFormatAndAbsentWhenNotChosen() throws IOException {
        CommitteeReportContent plain = SeedReports.committeeReport();
        CommitteeReportContent content = with(plain, SECTION);

        String html = CommitteeReportHtml.render(content);
        inOrder(html);
        assertThat(html).contains("<caption").contains("Help and protection measures and distance to target");
        assertThat(CommitteeReportHtml.render(plain)).doesNotContain("Help and protection measures");

        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        CommitteeReportDocx.write(content, docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.toByteArray())); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            inOrder(x.getText());
        }

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        CommitteeReportPdf.write(content, pdf);
        inOrder(PdfText.text(pdf.toByteArray()));
    }
}
