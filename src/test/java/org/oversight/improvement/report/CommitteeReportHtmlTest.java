package org.oversight.improvement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * jsoup is not on the test classpath, so the page is parsed with the JDK's XML parser: it must be
 * well-formed XHTML anyway, because the PDF renderer parses it as XML.
 */
class CommitteeReportHtmlTest {

    private static final String HTML = CommitteeReportHtml.render(SeedReports.committeeReport());

    @Test
    void isABritishEnglishPageWithATitleWhoseOnlyResourceIsItsStylesheetAndWhichHasNoInlineStyle() throws Exception {
        assertThat(HTML).startsWith("<!DOCTYPE html>");
        Document doc = parse(HTML);
        Element html = doc.getDocumentElement();
        assertThat(html.getAttribute("lang")).isEqualTo("en-GB");
        assertThat(xpath(doc, "/html/head/title").getLength()).isOne();
        assertThat(xpath(doc, "/html/head/title").item(0).getTextContent()).isEqualTo("Ofsted Inspection 2020");
        // Served under the content security policy (style-src 'self'): its styles come from Oversight's own stylesheet.
        assertThat(xpath(doc, "//style | //@style").getLength()).isZero();
        assertThat(xpath(doc, "/html/head/link[@rel='stylesheet']/@href").item(0).getTextContent()).isEqualTo("/css/committee-report.css");
        assertThat(xpath(doc, "//script | //img | //@src").getLength()).isZero();
        assertThat(xpath(doc, "//@href").getLength()).isOne();
        assertThat(xpath(doc, "//col[@class]").getLength()).as("column widths as classes").isPositive();
        String css = new String(CommitteeReportHtmlTest.class.getResourceAsStream("/static/css/committee-report.css").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < xpath(doc, "//col/@class").getLength(); i++) {
            assertThat(css).contains("col." + xpath(doc, "//col/@class").item(i).getTextContent() + " {");
        }
        // The page the PDF is made from carries the same styles inside it (the PDF renderer reads no other file).
        Document forPdf = parse(CommitteeReportHtml.renderForPdf(SeedReports.committeeReport()));
        assertThat(xpath(forPdf, "/html/head/style").item(0).getTextContent()).contains("@page { size: A4");
        assertThat(xpath(forPdf, "//link").getLength()).isZero();
        assertThat(xpath(doc, "/html/body/main").getLength()).isOne();
    }

    @Test
    void hasOneH1AndHeadingsNeverSkipALevel() throws Exception {
        Document doc = parse(HTML);
        assertThat(xpath(doc, "//h1").getLength()).isOne();
        assertThat(xpath(doc, "//h1").item(0).getTextContent()).isEqualTo("Ofsted Inspection 2020");
        NodeList headings = xpath(doc, "//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]");
        int previous = 0;
        for (int i = 0; i < headings.getLength(); i++) {
            int level = headings.item(i).getNodeName().charAt(1) - '0';
            assertThat(level).as("heading %s", headings.item(i).getTextContent()).isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
        assertThat(headings.item(0).getNodeName()).isEqualTo("h1");
    }

    @Test
    void everyTableHasACaptionAndScopedHeaders() throws Exception {
        Document doc = parse(HTML);
        int tables = xpath(doc, "//table").getLength();
        assertThat(tables).isGreaterThanOrEqualTo(5);
        assertThat(xpath(doc, "//table[caption[normalize-space()]]").getLength()).isEqualTo(tables);
        assertThat(xpath(doc, "//table/*[1][self::caption]").getLength()).isEqualTo(tables);
        assertThat(xpath(doc, "//th[not(@scope='col' or @scope='row')]").getLength()).isZero();
        assertThat(xpath(doc, "//table[caption='" + CommitteeReportLayout.CONSULTATION_CAPTION
                + "']/thead/tr/th[@scope='col']").getLength()).isEqualTo(3);
    }

    @Test
    void coverTableRowsBelowTheCommitteesPointAtTheirOwnRowHeader() throws Exception {
        Document doc = parse(HTML);
        Element publicCell = (Element) xpath(doc, "//table[1]//td[normalize-space()='Public']").item(0);
        String rowHeaderId = publicCell.getAttribute("headers");
        Element rowHeader = (Element) xpath(doc, "//th[@id='" + rowHeaderId + "']").item(0);
        assertThat(rowHeader.getTextContent()).contains("Subject:").contains("Ofsted Inspection 2020");
        Element date = (Element) xpath(doc, "//table[1]//td[normalize-space()='24/06/2020']").item(0);
        assertThat(date.getAttribute("headers").split(" ")).hasSize(2);
    }

    @Test
    void numbersMainReportParagraphsContinuouslyFromOne() {
        Matcher m = Pattern.compile("<span class=\"num\">(\\d+)\\.</span>").matcher(HTML);
        List<Integer> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        int expected = SeedReports.numberedParagraphs(SeedReports.committeeReport());
        assertThat(numbers).hasSize(expected);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void escapesAllContentText() throws Exception {
        String hostile = "<script>alert('x')</script> & \"Co\"";
        CommitteeReportContent base = SeedReports.committeeReport(hostile);
        CommitteeReportContent content = new CommitteeReportContent(base.laName(),
                List.of(new CommitteeReportContent.CommitteeDate("<b>Committee</b>", "1 < 2")), base.subject(),
                base.classification(), base.reportOf(), base.reportAuthor(), base.purpose(), List.of(hostile),
                base.recommendations(), base.background(), base.findings(), base.proposals(), base.conclusion(),
                base.appendices(), base.auditTrail(), base.authorSignOff());
        String html = CommitteeReportHtml.render(content);
        assertThat(html).doesNotContain("<script").doesNotContain("<b>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
        assertThat(html).contains("&lt;b&gt;Committee&lt;/b&gt;", "1 &lt; 2");
        Document doc = parse(html);
        assertThat(xpath(doc, "//h1").item(0).getTextContent()).isEqualTo(hostile);
        assertThat(xpath(doc, "/html/head/title").item(0).getTextContent()).isEqualTo(hostile);
        assertThat(xpath(doc, "//script").getLength()).isZero();
    }

    @Test
    void dropsCharactersXmlCannotHold() throws Exception {
        String html = CommitteeReportHtml.render(SeedReports.committeeReport("Bad\u0000 \u0007char\uD800s"));
        assertThat(xpath(parse(html), "//h1").item(0).getTextContent()).isEqualTo("Bad chars");
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static NodeList xpath(Document doc, String expression) throws Exception {
        XPath xp = XPathFactory.newInstance().newXPath();
        return (NodeList) xp.evaluate(expression, doc, XPathConstants.NODESET);
    }
}
