package org.oversight.improvement;

import org.junit.jupiter.api.Test;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans are LA-internal: the LA's own users read them, its managers change them, nobody else sees them. */
class PlanSecurityIT extends HttpTest {

    private String demoPlanId() {
        Http.Response plans = http.get("/api/v1/local-authorities/80450/plans", "col.councillor");
        assertThat(plans.status()).isEqualTo(200);
        for (var p : plans.json()) {
            if (p.get("title").asString().equals("Post-inspection action plan 2020")) {
                return p.get("id").asString();
            }
        }
        throw new AssertionError("demo plan missing: " + plans.body());
    }

    @Test
    void theApiShowsPlansOnlyToTheLasOwnUsers() {
        String id = demoPlanId();
        assertThat(http.get("/api/v1/plans/" + id, "col.staff").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/plans/" + id).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/plans/" + id, "southwark.manager").status()).isIn(403, 404);
        assertThat(http.get("/api/v1/plans/" + id, "analyst").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/plans/" + id, "inspector").status()).isIn(403, 404);
        assertThat(http.get("/api/v1/local-authorities/80450/plans", "southwark.manager").status()).isIn(403, 404);
        assertThat(http.get("/api/v1/plans/" + id + "/committee-reports", "southwark.manager").status()).isIn(403, 404);
    }

    @Test
    void pagesFollowTheSameRules() {
        String id = demoPlanId();
        assertThat(http.get("/plans/" + id).status()).isEqualTo(302);
        assertThat(http.get("/plans/" + id, "col.councillor").status()).isEqualTo(200);
        assertThat(http.get("/plans/" + id, "southwark.manager").status()).isIn(403, 404);
        assertThat(http.get("/plans/" + id + "/committee-report", "col.councillor").status()).isEqualTo(403);
        assertThat(http.get("/plans/" + id + "/committee-report", "col.staff").status()).isEqualTo(403);
        assertThat(http.get("/plans/" + id + "/committee-report", "col.manager").status()).isEqualTo(200);
        assertThat(http.get("/plans/" + id + "/written-statement.pdf", "southwark.manager").status()).isIn(403, 404);
        assertThat(http.get("/local-authorities/80450/plans", "col.councillor").status()).isEqualTo(200);
        assertThat(http.get("/local-authorities/80450/plans", "southwark.manager").status()).isIn(403, 404);
        assertThat(http.get("/local-authorities/80450/plans", "admin").status()).isEqualTo(403);
    }

    @Test
    void plansAreCreatedThroughTheApiByManagersOnlyWithFieldErrors() {
        String visit = null;
        for (var a : http.get("/api/v1/local-authorities/80514/inspections").json()) {
            if ("2019-01-15".equals(a.get("startDate").asString())) {
                visit = a.get("id").asString();
            }
        }
        assertThat(visit).isNotNull();
        String body = """
                {"kind": "SERVICE_IMPROVEMENT", "title": "Children in care plan", "startDate": "2019-02-14"}""";
        assertThat(http.post("/api/v1/inspections/" + visit + "/plans", body, "col.manager").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/inspections/" + visit + "/plans", body, null).status()).isEqualTo(401);
        Http.Response bad = http.post("/api/v1/inspections/" + visit + "/plans", """
                {"kind": "SERVICE_IMPROVEMENT", "startDate": "2019-02-30"}""", "southwark.manager");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("startDate");
        Http.Response created = http.post("/api/v1/inspections/" + visit + "/plans", body, "southwark.manager");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("items").size()).isEqualTo(2);
        String itemId = created.json().get("items").get(0).get("id").asString();
        String planId = created.json().get("id").asString();
        Http.Response missing = http.post("/api/v1/plans/" + planId + "/items/" + itemId + "/actions", """
                {"description": "Permanence planning meetings within 4 months of entry to care"}""", "southwark.manager");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("ownerId").contains("dueDate");
    }

    @Test
    void thePlansActionsDownloadAsCsvForTheLaOnly() {
        String id = demoPlanId();
        Http.Response csv = http.get("/plans/" + id + "/actions.csv", "col.councillor");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("Step-downs to early help with recorded management oversight (%)").contains("Rachel Green");
        assertThat(csv.body().split("\r?\n")).hasSize(3);
        assertThat(http.get("/plans/" + id + "/actions.csv", "southwark.manager").status()).isIn(403, 404);
    }

    @Test
    void theWrittenStatementDownloadsAsPdfForTheLa() {
        String id = demoPlanId();
        Http.Response pdf = http.get("/plans/" + id + "/written-statement.pdf", "col.councillor");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
    }
}
