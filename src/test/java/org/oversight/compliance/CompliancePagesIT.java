package org.oversight.compliance;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class CompliancePagesIT extends HttpTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ComplianceService compliance;

    @BeforeEach
    void data() {
        ComplianceFixture.southwark(jdbc, compliance);
    }

    @Test
    void theDashboardAndChildRecordsAreForTheLasManagersAndStaffOnly() {
        var page = http.get("/local-authorities/80514/compliance", "southwark.manager");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"figure-CLA-REVIEW\"").contains("1 (50%)").contains("No Annex A workbook has been imported")
                .contains("out of timescale");
        assertThat(http.get("/local-authorities/80514/compliance").status()).isEqualTo(302);
        assertThat(http.get("/local-authorities/80514/compliance", "col.manager").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/compliance", "col.councillor").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/compliance", "analyst").status()).isEqualTo(403);
        var asked = http.get("/local-authorities/80514/children/B2", "southwark.manager");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("Why are you opening child B2").doesNotContain("29 June 2023");
        assertThat(http.get("/local-authorities/80514/children/B2?purpose=NONSENSE", "southwark.manager").status()).isEqualTo(400);
        var child = http.get("/local-authorities/80514/children/B2?purpose=DIRECT_WORK", "southwark.manager");
        assertThat(child.status()).isEqualTo(200);
        assertThat(child.body()).contains("29 June 2023").contains("Your view of it has been logged");
        assertThat(http.get("/local-authorities/80514/children/B2", "col.manager").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/children/NOPE?purpose=DIRECT_WORK", "southwark.manager").status()).isEqualTo(404);
        var annex = http.get("/local-authorities/80514/annex-a.xlsx", "southwark.manager");
        assertThat(annex.status()).isEqualTo(200);
        assertThat(annex.header("Content-Type")).contains("spreadsheetml");
        assertThat(http.get("/local-authorities/80514/annex-a.xlsx", "col.manager").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/annex-a.xlsx", "col.councillor").status()).isEqualTo(403);
        var csv = http.get("/local-authorities/80514/compliance.csv", "southwark.manager");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("child,group,age,team,worker,looked_after_from,CLA-REVIEW next_due,CLA-REVIEW days_overdue")
                .contains("B2,CHILD_IN_CARE,").contains("01/06/2023").contains("not known");
        assertThat(http.get("/local-authorities/80514/compliance.csv", "col.manager").status()).isEqualTo(403);
    }

    @Test
    void nationalAnalystsSeeAggregatesAndNobodyElseDoes() {
        var page = http.get("/compliance/national", "analyst");
        assertThat(page.status()).isEqualTo(200);
        // the page's words (not its attributes: a random CSP nonce or CSRF token may hold the letters "B2")
        assertThat(org.jsoup.Jsoup.parse(page.body()).text()).contains("Southwark").contains("England").doesNotContain("B2");
        assertThat(http.get("/compliance/national", "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get("/compliance/national", "inspector").status()).isEqualTo(403);
        assertThat(http.get("/compliance/national").status()).isEqualTo(302);
        assertThat(http.get("/local-authorities/80514/compliance", "analyst").status()).as("but no child-level page").isEqualTo(403);
    }

    @Test
    void theApiGivesCompliancesToTheLaOnlyAndImportsReportEveryError() throws Exception {
        var api = http.get("/api/v1/local-authorities/80514/compliance", "southwark.manager");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("childrenInCare").asInt()).isEqualTo(2);
        assertThat(api.json().get("reviewsCompliant").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/local-authorities/80514/children/B2/compliance", "southwark.manager").status()).as("no purpose").isEqualTo(400);
        var child = http.get("/api/v1/local-authorities/80514/children/B2/compliance?purpose=DATA_QUALITY", "southwark.manager");
        assertThat(child.status()).isEqualTo(200);
        assertThat(child.json().get("child").get("rules").get(0).get("rule").asText()).isEqualTo("CLA-REVIEW");
        assertThat(child.json().get("history").get(0).get("due").asText()).isEqualTo("2023-06-29");
        assertThat(http.get("/api/v1/local-authorities/80514/children/B2/compliance", "col.manager").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/local-authorities/80514/children/NOPE/compliance?purpose=DIRECT_WORK", "southwark.manager").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/local-authorities/80514/compliance").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/local-authorities/80514/compliance", "col.manager").status()).isEqualTo(403);

        String boundary = "----oversight";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"episodes.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nCHILD,START\n1,01/01/2024\n\r\n--" + boundary + "--\r\n";
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/v1/local-authorities/80514/ssda903?year=2023"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("southwark.manager:" + PASSWORD).getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"stored\":false").contains("episodes.csv");
    }
}
