package org.oversight.audit;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.oversight.support.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check your answers before a case audit is submitted, through the pages as a browser without JavaScript uses them:
 * the audit form only stores and shows the answers to check; the check page alone submits (POST with the CSRF token);
 * a closed audit is refused; nobody but the auditor, and nobody of another LA, sees or submits it.
 */
class AuditCheckAnswersIT extends HttpTest {

    private static final String EVIDENCE = "Pathway plan reviewed on 03/11/2026 with the young person (check marker 7731)";

    @Autowired
    JdbcClient jdbc;

    String programme;
    String auditId;
    String page;

    @BeforeEach
    void anAuditOfCityOfLondon() {
        AuditFixtures.cityOfLondon(jdbc);
        String form = null;
        for (var t : http.get("/api/v1/audit-templates", "col.manager").json()) {
            if (t.get("family").asString().equals("care-leavers")) {
                form = t.get("id").asString();
            }
        }
        Http.Response created = http.post("/api/v1/local-authorities/80450/audits", """
                {"title": "Check your answers", "templateId": "%s", "periodStart": "2026-11-01", "periodEnd": "2026-11-30",
                 "auditors": ["col.staff"], "moderators": ["col.manager"], "rule": "ALL_CARE_LEAVERS", "method": "RANDOM",
                 "sampleSize": 1, "seed": 9}""".formatted(form), "col.manager");
        assertThat(created.status()).isEqualTo(201);
        programme = created.json().get("id").asString();
        auditId = created.json().get("audits").get(0).get("id").asString();
        page = "/local-authorities/80450/audits/" + programme + "/cases/" + auditId;
    }

    private String status() {
        return http.get("/api/v1" + page, "col.staff").json().get("status").asString();
    }

    private String[] answers(String action) {
        List<String> pairs = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            pairs.addAll(List.of("grade-CL" + i, i == 2 ? "REQUIRES_IMPROVEMENT" : "GOOD", "evidence-CL" + i, EVIDENCE + " CL" + i));
        }
        pairs.addAll(List.of("overallGrade", "GOOD", "summary", "Good support; the plan lacks the young person's words.", "action", action));
        return pairs.toArray(String[]::new);
    }

    private Session signedIn(String user) {
        Session s = new Session(port);
        s.signIn(user, PASSWORD);
        return s;
    }

    @Test
    void theFormLeadsToCheckYourAnswersAndOnlyThatPageSubmits() {
        Session staff = signedIn("col.staff");
        staff.get(page);
        // The old "submit" action (or any other) only stores the answers and leads to the check page: nothing is submitted.
        Http.Response cont = staff.post(page, answers("submit"));
        assertThat(cont.status()).isEqualTo(302);
        assertThat(cont.header("Location")).endsWith(page + "/check");
        assertThat(status()).isEqualTo("OPEN");

        Http.Response check = staff.get(page + "/check");
        assertThat(check.status()).isEqualTo(200);
        Document cya = Jsoup.parse(check.body());
        assertThat(cya.title()).startsWith("Check your answers: audit of child");
        assertThat(cya.getElementById("answer-CL2").text()).contains("Requires improvement").contains(EVIDENCE + " CL2");
        assertThat(cya.getElementById("answer-CL2-change").attr("href")).isEqualTo(page + "#grade-CL2");
        assertThat(cya.select(".govuk-summary-list__row")).hasSize(9);
        assertThat(cya.select("form#submission input[name=_csrf]")).hasSize(1);

        // Another LA's manager, the LA's own manager (not the auditor) and national users neither see nor submit it.
        for (String other : List.of("southwark.manager", "col.manager", "analyst")) {
            Http.Response seen = http.get(page + "/check", other);
            assertThat(seen.status()).as(other).isIn(403, 404);
            assertThat(seen.body()).as(other).doesNotContain("check marker 7731");
            Session session = signedIn(other);
            session.get("/");
            Http.Response post = session.post(page + "/submission");
            assertThat(post.status()).as(other).isIn(403, 404);
            assertThat(post.body()).as(other).doesNotContain("check marker 7731");
        }
        assertThat(status()).isEqualTo("OPEN");
        // Without the CSRF token the submission is refused.
        assertThat(http.post(page + "/submission", "", "col.staff").status()).isEqualTo(403);
        assertThat(status()).isEqualTo("OPEN");

        Http.Response submitted = staff.post(page + "/submission");
        assertThat(submitted.status()).isEqualTo(302);
        assertThat(submitted.header("Location")).endsWith(page);
        assertThat(status()).isEqualTo("SUBMITTED");
        Document closed = Jsoup.parse(staff.get(page).body());
        assertThat(closed.text()).contains("The audit is submitted and closed for changes");
        // People by name: the auditor on the audit, the auditors and moderators on the programme.
        assertThat(closed.getElementById("case-details").text()).contains("Sam Social (City of London, social worker)").doesNotContain("col.staff");
        assertThat(closed.getElementById("status").text()).startsWith("Submitted — submitted by Sam Social (City of London, social worker) on ");
        Document programmePage = Jsoup.parse(http.get("/local-authorities/80450/audits/" + programme, "col.manager").body());
        assertThat(programmePage.text()).contains("Sam Social (City of London, social worker)").contains("Rachel Green (City of London, head of quality");
        assertThat(programmePage.select("table").text()).doesNotContain("col.staff");

        // Closed: submitting again, or changing the answers, is refused as before; the check page leads back to the audit.
        staff.get(page);
        Http.Response again = staff.post(page + "/submission");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("is closed: nothing was changed");
        Http.Response change = staff.post(page, answers("check"));
        assertThat(change.status()).isEqualTo(409);
        Http.Response closedCheck = staff.get(page + "/check");
        assertThat(closedCheck.status()).isEqualTo(302);
        assertThat(closedCheck.header("Location")).endsWith(page);
    }

    @Test
    void incompleteAnswersNeverReachTheCheckPageOrASubmission() {
        Session staff = signedIn("col.staff");
        staff.get(page);
        Http.Response partial = staff.post(page, "grade-CL1", "GOOD", "evidence-CL1", EVIDENCE, "action", "check");
        assertThat(partial.status()).isEqualTo(400);
        Document errors = Jsoup.parse(partial.body());
        assertThat(errors.title()).startsWith("Error: ");
        assertThat(errors.select(".govuk-error-summary").text()).contains("Question CL2 (Pathway plans): choose a grade");
        // A draft is stored as it is; posting straight to the submission with it is refused and the audit stays open.
        assertThat(staff.post(page, "grade-CL1", "GOOD", "evidence-CL1", EVIDENCE, "action", "save").status()).isEqualTo(302);
        staff.get(page);
        Http.Response early = staff.post(page + "/submission");
        assertThat(early.status()).isEqualTo(400);
        assertThat(Jsoup.parse(early.body()).select(".govuk-error-summary").text()).contains("choose a grade");
        assertThat(status()).isEqualTo("OPEN");
    }
}
