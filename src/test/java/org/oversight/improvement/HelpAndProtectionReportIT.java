package org.oversight.improvement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.demo.DemoJourneys;
import org.oversight.compliance.JourneySummaries;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.oversight.support.Session;
import org.oversight.support.TestPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A committee report of City of London with its help-and-protection section, from the demo whole-journey data in real
 * PostgreSQL: the page offers and previews it, and the generated HTML, DOCX and PDF carry the LA's figures as
 * {@link JourneySummaries} computes them; without the tick the section is left out; other LAs and councillors see nothing.
 */
class HelpAndProtectionReportIT extends HttpTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoJourneys demo;
    /** The demo journey this test loaded (removed after it), or null when the LA had whole-journey data already. */
    private java.util.UUID loaded;

    @org.junit.jupiter.api.AfterEach
    void removeDemoJourney() {
        org.oversight.support.DemoJourneyFixture.remove(jdbc, loaded);
    }
    @Autowired
    JourneySummaries journeys;
    @Autowired
    CommitteeReports reports;
    @Autowired
    UserDetailsService users;

    private TestPlans.Plan plan;
    private JourneySummaries.Figures figures;

    @BeforeEach
    void data() {
        loaded = org.oversight.support.DemoJourneyFixture.loadIfMissing(demo, jdbc);
        plan = TestPlans.create(jdbc, "Help and protection report test plan");
        UUID la = TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single());
        figures = journeys.figures(la).orElseThrow();
    }

    @AfterEach
    void removePlan() {
        TestPlans.delete(jdbc, plan);
    }

    private <T> T as(String username, Supplier<T> action) {
        UserDetails user = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String figure(String measure) {
        JourneySummaries.MeasureFigure f = figures.measure(measure).orElseThrow();
        return f.hits() + " of " + f.total();
    }

    private static UUID latestVersion(String page) {
        Matcher m = Pattern.compile("/committee-reports/([0-9a-f-]{36})\\.html").matcher(page);
        assertThat(m.find()).as("a generated version is listed").isTrue();
        return UUID.fromString(m.group(1));
    }

    @Test
    void theSectionCarriesTheLasFiguresInEveryFormatWhenChosen() throws Exception {
        Session manager = new Session(port);
        manager.signIn("col.manager", PASSWORD);
        String path = "/plans/" + plan.id() + "/committee-report";
        // The plan's action follows "stepped down with early help started within the standard": 40% then, 90% wanted.
        TenantScope.asSystem(() -> jdbc.sql("""
                UPDATE plan_action SET measure_name = 'Early help started within 10 working days of step-down', baseline = 40, target = 90,
                       bound_measure = 'STEP_DOWN_EARLY_HELP_STARTED' WHERE id = ?""").param(plan.action()).update());
        JourneySummaries.MeasureFigure started = figures.measure("STEP_DOWN_EARLY_HELP_STARTED").orElseThrow();
        BigDecimal now = BigDecimal.valueOf(started.hits() * 100.0 / started.total()).setScale(1, RoundingMode.HALF_UP);
        String distance = BigDecimal.valueOf(90).subtract(now).max(BigDecimal.ZERO).stripTrailingZeros().toPlainString() + " points";
        String page = manager.get(path).body();
        assertThat(page).contains("id=\"helpAndProtection\"").containsPattern("id=\"helpAndProtection\"[^>]*checked");
        assertThat(page).contains("id=\"hp-measures\"").contains(figure("RE_REFERRALS")).contains(figure("STEP_DOWN_EARLY_HELP_STARTED"));

        Http.Response generated = manager.post(path, "subject", "Help and protection update", "summary", "An update.", "helpAndProtection", "true", "classification", "Public", "keyDecision", "No");
        assertThat(generated.status()).isEqualTo(302);
        UUID with = latestVersion(manager.get(path).body());

        String html = manager.get("/committee-reports/" + with + ".html").body();
        assertThat(html).contains("Help and protection measures and distance to target").contains(figure("RE_REFERRALS"))
                .contains(figure("ASSESSMENTS_IN_TIME")).contains(figure("STEP_DOWN_STEPPED_UP"));
        String row = html.substring(html.indexOf("Step-downs with early help started within the standard"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(figure("STEP_DOWN_EARLY_HELP_STARTED")).contains(started.percent() + "%").contains("90%").contains(distance);
        long referrals = figures.funnel().stream().filter(s -> s.step().equals("REFERRALS")).findFirst().orElseThrow().count();
        assertThat(html).contains(">" + referrals + "<");

        byte[] docx = as("col.manager", () -> reports.file(with, "docx").content());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            assertThat(x.getText()).contains("Help and protection").contains(figure("RE_REFERRALS")).contains(figure("ICPC_IN_TIME"));
        }
        byte[] pdf = as("col.manager", () -> reports.file(with, "pdf").content());
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Help and protection").contains(figure("RE_REFERRALS"));
        }

        // Unticked (the box not sent), the next version has no such section, and the page remembers the choice.
        Http.Response refused = manager.post(path, "subject", "Without figures", "summary", "An update.");
        assertThat(refused.status()).as("classification and key decision are fixed choices, required").isEqualTo(400);
        assertThat(refused.body()).contains("Choose whether the report is public or non-public").contains("<title>Error: ");
        assertThat(manager.post(path, "subject", "Without figures", "summary", "An update.", "classification", "Non-public", "keyDecision", "Yes")
                .status()).isEqualTo(302);
        String after = manager.get(path).body();
        UUID without = latestVersion(after);
        assertThat(without).isNotEqualTo(with);
        assertThat(manager.get("/committee-reports/" + without + ".html").body()).doesNotContain("Help and protection measures");
        assertThat(after).doesNotContainPattern("id=\"helpAndProtection\"[^>]*checked");

        // Nobody outside the LA's managers reaches the page or the versions.
        assertThat(http.get(path, "southwark.manager").status()).isIn(403, 404);
        assertThat(http.get(path, "col.councillor").status()).isEqualTo(403);
        assertThat(http.get("/committee-reports/" + with + ".html", "southwark.manager").status()).isIn(403, 404);
        assertThat(http.get("/committee-reports/" + with + ".pdf", "analyst").status()).isIn(403, 404);
    }
}
