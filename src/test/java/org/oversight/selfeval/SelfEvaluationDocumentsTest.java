package org.oversight.selfeval;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.selfeval.SelfEvaluationViews.Citation;
import org.oversight.selfeval.SelfEvaluationViews.Section;
import org.oversight.selfeval.SelfEvaluationViews.SelfEvaluation;
import org.oversight.selfeval.document.SelfEvaluationDocx;
import org.oversight.selfeval.document.SelfEvaluationHtml;
import org.oversight.selfeval.document.SelfEvaluationPdf;

import static org.assertj.core.api.Assertions.assertThat;

/** The three outputs, opened with the libraries that read them: POI for DOCX, PDFBox for PDF, Jsoup for HTML. */
class SelfEvaluationDocumentsTest {

    private static final String[] AREA_HEADINGS = {"The impact of leaders on social work practice with children and families",
            "The experiences and progress of children who need help and protection", "The experiences and progress of children in care",
            "The experiences and progress of care leavers"};

    static SelfEvaluation sample() {
        Citation touch = new Citation(UUID.randomUUID(), "compliance:CARE_LEAVERS_IN_TOUCH", "COMPLIANCE", "Care leavers the local authority is in touch with",
                "94.0%", new BigDecimal("94.0"), LocalDate.of(2026, 3, 31), "Statutory timescale compliance from the SSDA903 return and Annex A",
                Rating.GREEN, "col.manager", Instant.parse("2026-10-01T10:00:00Z"));
        Citation pathway = new Citation(UUID.randomUUID(), "compliance:PATHWAY_REVIEWS_ON_TIME", "COMPLIANCE",
                "Care leavers whose pathway plan was reviewed on time", "62.5%", new BigDecimal("62.5"), LocalDate.of(2026, 3, 31),
                "Statutory timescale compliance from the SSDA903 return and Annex A", Rating.RED, "col.manager", Instant.parse("2026-10-01T10:00:00Z"),
                "down 7.5 points since 31 March 2025, worse", List.of(new Trend.Point(LocalDate.of(2025, 3, 31), new BigDecimal("70.0")),
                new Trend.Point(LocalDate.of(2024, 3, 31), new BigDecimal("66.0"))),
                List.of(new Evidence.Benchmark("Statistical neighbours", "Not held"), new Evidence.Benchmark("England", "Not held")), Theme.PATHWAY_PLANS);
        List<Section> sections = List.of(
                section(Area.LEADERS, "Leaders know their services well.", List.of()),
                section(Area.HELP_AND_PROTECTION, "Children are seen quickly.", List.of()),
                section(Area.IN_CARE, "Children in care live in stable homes.", List.of()),
                withThemes(section(Area.CARE_LEAVERS, "Care leavers benefit from a strong service.\nPathway plan reviews are late too often.",
                        List.of(touch, pathway)), java.util.Map.of(Theme.PATHWAY_PLANS, "Pathway plans are reviewed with the young person.")));
        return new SelfEvaluation(UUID.randomUUID(), UUID.randomUUID(), 80450, "City of London", 2026,
                "Self-evaluation of social work practice 2026: City of London", 2025, SelfEvaluationViews.Status.SIGNED_OFF, "col.director",
                "Helen Carter", Instant.parse("2026-11-02T15:00:00Z"), "col.manager", Instant.parse("2026-09-01T09:00:00Z"), sections, List.of());
    }

    private static Section section(Area area, String know, List<Citation> cited) {
        return new Section(UUID.randomUUID(), area, know, "Case audits and the figures cited.", "Keep going.", "col.manager", "Rachel Green",
                null, 2, "col.manager", Instant.now(), cited, List.of());
    }

    private static Section withThemes(Section s, java.util.Map<Theme, String> themes) {
        return new Section(s.id(), s.area(), s.know(), s.how(), s.plans(), s.author(), s.authorName(), s.dueDate(), s.version(), s.updatedBy(),
                s.updatedAt(), s.citations(), s.comments(), themes);
    }

    @Test
    void theDocxHasEachCitedFiguresTrendAsATableAndALineChartOfTheSameNumbersAndTheThemesAsSubSections() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SelfEvaluationDocx.write(sample(), out);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            // One chart: the pathway figure kept its trend; the keeping-in-touch one was cited before trends were kept.
            assertThat(doc.getCharts()).hasSize(1);
            org.apache.poi.xddf.usermodel.chart.XDDFChartData.Series series = doc.getCharts().getFirst().getChartSeries().getFirst().getSeries(0);
            List<Double> values = new java.util.ArrayList<>();
            List<String> dates = new java.util.ArrayList<>();
            for (int i = 0; i < series.getValuesData().getPointCount(); i++) {
                values.add(((Number) series.getValuesData().getPointAt(i)).doubleValue());
                dates.add(String.valueOf(series.getCategoryData().getPointAt(i)));
            }
            assertThat(values).containsExactly(66.0, 70.0, 62.5);
            assertThat(dates).containsExactly("31 March 2024", "31 March 2025", "31 March 2026");
            // The same numbers in the table before it.
            XWPFTable trend = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("As at")).findFirst().orElseThrow();
            assertThat(trend.getRows().stream().skip(1).map(r -> r.getCell(1).getText()).toList()).containsExactly("66%", "70%", "62.5%");
            List<String> text = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(text).contains("Trend: down 7.5 points since 31 March 2025, worse.", "Statistical neighbours: Not held. England: Not held.",
                    "Trend not kept: cited before Oversight kept a figure's trend.");
            assertThat(doc.getParagraphs().stream().filter(p -> "Heading3".equals(p.getStyle())).map(XWPFParagraph::getText))
                    .contains("Trend: Care leavers whose pathway plan was reviewed on time");
            assertThat(doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle())).map(XWPFParagraph::getText)).contains("Pathway plans");
            assertThat(text).contains("Pathway plans are reviewed with the young person.");
            assertThat(doc.getTables().getFirst().getRow(2).getCell(0).getText()).endsWith("(for Pathway plans)");
        }
    }

    @Test
    void thePdfAndHtmlShowTheSameTrendAsATableWithBars() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SelfEvaluationPdf.write(sample(), out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Trend: down 7.5 points since 31 March 2025, worse.").contains("31 March 2024 66%").contains("Pathway plans");
        }
        Document html = Jsoup.parse(SelfEvaluationHtml.render(sample()));
        assertThat(html.select("table.trend tbody tr").eachText()).containsExactly("31 March 2024 66%", "31 March 2025 70%", "31 March 2026 62.5%");
        assertThat(html.select("table.trend + .bars .bar")).hasSize(3);
        assertThat(html.select("h3.theme").eachText()).containsExactly("Pathway plans");
    }

    @Test
    void theDocxHasATitlePageAHeadingPerAreaAndTheCitedFiguresAsTables() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SelfEvaluationDocx.write(sample(), out);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> headings = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            assertThat(headings).contains("Contents", "1. " + AREA_HEADINGS[0], "2. " + AREA_HEADINGS[1], "3. " + AREA_HEADINGS[2],
                    "4. " + AREA_HEADINGS[3], "Appendix: the evidence cited");
            assertThat(doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle())).map(XWPFParagraph::getText))
                    .contains("How do we know it?", "What are our plans to maintain or improve practice?");
            assertThat(doc.getParagraphs().stream().filter(p -> "Title".equals(p.getStyle())).map(XWPFParagraph::getText))
                    .containsExactly("Self-evaluation of social work practice with children and families 2026");
            assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText)).contains("Signed off by Helen Carter on 2 November 2026.");
            XWPFTable table = doc.getTables().getFirst();
            assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("Evidence");
            assertThat(table.getRows()).hasSize(3);
            assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("62.5%");
            assertThat(table.getRow(2).getCell(2).getText()).isEqualTo("31 March 2026");
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("Self-evaluation of social work practice 2026: City of London");
        }
    }

    @Test
    void thePdfHasEveryAreaAndTheCitedFiguresAndIsTaggedWhenAFontIsAvailable() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SelfEvaluationPdf.write(sample(), out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            for (String heading : AREA_HEADINGS) {
                assertThat(text).contains(heading);
            }
            assertThat(text).contains("Care leavers whose pathway plan was reviewed on time").contains("62.5%").contains("94.0%")
                    .contains("31 March 2026").contains("Signed off by Helen Carter on 2 November 2026");
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Self-evaluation of social work practice 2026: City of London");
            if (SelfEvaluationPdf.tagged()) {
                assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
                assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            }
        }
    }

    @Test
    void theHtmlIsOneAccessiblePageWithItsStylesheetLinkedAndNoInlineStyle() {
        Document html = Jsoup.parse(SelfEvaluationHtml.render(sample()));
        assertThat(html.select("html").attr("lang")).isEqualTo("en-GB");
        assertThat(html.select("h1")).hasSize(1);
        assertThat(html.select("h2").eachText()).contains("1. " + AREA_HEADINGS[0], "4. " + AREA_HEADINGS[3]);
        assertThat(html.select("[style]")).isEmpty();
        assertThat(html.select("style")).isEmpty();
        assertThat(html.select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/self-evaluation.css");
        assertThat(html.select("table caption").text()).contains("Evidence cited for care leavers");
        assertThat(html.select("th[scope=col]")).isNotEmpty();
        assertThat(html.select("table:not(.trend) + .bars .bar.w-63")).hasSize(1);
        assertThat(Jsoup.parse(SelfEvaluationHtml.render(sample(), true)).select("style")).hasSize(1);
    }
}
