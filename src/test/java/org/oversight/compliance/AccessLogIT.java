package org.oversight.compliance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The access log and the subject-access export: the LA's managers only; every view and the export itself logged. */
class AccessLogIT extends HttpTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ComplianceService compliance;

    @BeforeEach
    void data() {
        ComplianceFixture.southwark(jdbc, compliance);
    }

    @Test
    void aManagerFindsWhoViewedAChildAndExportsEverythingHeldAboutThem() {
        assertThat(http.get("/local-authorities/80514/children/B2?purpose=COMPLAINT_OR_REQUEST", "southwark.manager").status()).isEqualTo(200);
        var log = http.get("/local-authorities/80514/access-log?child=B2", "southwark.manager");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body()).contains("id=\"access-log\"").contains("southwark.manager").contains("compliance record").contains("A complaint, or a request");
        // The person's name, with the account's username under it.
        org.jsoup.nodes.Element first = org.jsoup.Jsoup.parse(log.body()).select("#access-log tbody tr td:nth-child(2)").first();
        assertThat(first.text()).isEqualTo("Tom Stevenson (Southwark, assistant director) southwark.manager");
        assertThat(http.get("/local-authorities/80514/access-log?child=B2&who=tom+stevenson+(southwark,+assistant+director)", "southwark.manager").body())
                .as("found by name as well as by username").contains("compliance record");

        var export = http.get("/local-authorities/80514/children/B2/subject-access.json", "southwark.manager");
        assertThat(export.status()).isEqualTo(200);
        var sections = export.json().get("sections");
        assertThat(sections.get("child").size()).isPositive();
        assertThat(sections.get("episode").size()).isPositive();
        assertThat(sections.get("review").get(0).get("review_date").asText()).isNotBlank();
        assertThat(sections.get("access_history").size()).isPositive();
        // the same child in the SSD store, as the SSDA903 import wrote it there (V46_16), and every table of the journey
        assertThat(sections.get("ssd_person").get(0).get("pers_person_id").asText()).isEqualTo("B2");
        assertThat(sections.get("ssd_cla_episodes").size()).isEqualTo(sections.get("episode").size());
        assertThat(sections.get("ssd_cla_reviews").size()).isEqualTo(sections.get("review").size());
        assertThat(sections.has("ssd_contacts") && sections.has("ssd_cp_plans") && sections.has("ssd_assessment_factors"))
                .as("the help-and-protection tables too").isTrue();
        assertThat(sections.has("yp_account")).as("the young person's records are part of it").isTrue();
        assertThat(sections.has("case_audit")).as("and case audits").isTrue();
        assertThat(export.body()).doesNotContain("password_hash").doesNotContain("code_hash");
        assertThat(http.get("/local-authorities/80514/access-log?child=B2", "southwark.manager").body()).contains("subject-access export");

        var csv = http.get("/local-authorities/80514/access-log.csv?child=B2", "southwark.manager");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("when,who,name,child,what").contains("southwark.manager,\"Tom Stevenson (Southwark, assistant director)\",B2,");
    }

    @Test
    void onlyTheLasOwnManagersSeeTheLogAndBadInputIsNamed() {
        assertThat(http.get("/local-authorities/80514/access-log", "col.manager").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/children/B2/subject-access.json", "col.manager").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80450/access-log", "col.staff").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80450/access-log", "col.councillor").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/access-log", "analyst").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/access-log").status()).isEqualTo(302);
        var bad = http.get("/local-authorities/80514/access-log?from=31/02/2026", "southwark.manager");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Enter a real date as dd/mm/yyyy");
        assertThat(http.get("/local-authorities/80514/children/NOPE/subject-access.json", "southwark.manager").status()).isEqualTo(404);
    }
}
