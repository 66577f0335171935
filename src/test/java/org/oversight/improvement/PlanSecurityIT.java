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
        assertThat(http.get("/api/v1/plans/" + id, "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/plans/" + id, "analyst").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/plans/" + id, "inspector").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/local-authorities/80450/plans", "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/plans/" + id + "/committee-reports", "southwark.manager").status()).isEqualTo(403);
    }

    @Test
    void pagesFollowTheSameRules() {
        String id = demoPlanId();
        assertThat(http.get("/plans/" + id).status()).isEqualTo(302);
        assertThat(http.get("/plans/" + id, "col.councillor").status()).isEqualTo(200);
        assertThat(http.get("/plans/" + id, "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get("/plans/" + id + "/committee-report", "col.councillor").status()).isEqualTo(403);
        assertThat(http.get("/plans/" + id + "/committee-report", "col.staff").status()).isEqualTo(403);
        assertThat(http.get("/plans/" + id + "/committee-report", "col.manager").status()).isEqualTo(200);
        assertThat(http.get("/plans/" + id + "/written-statement.pdf", "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80450/plans", "col.councillor").status()).isEqualTo(200);
        assertThat(http.get("/local-authorities/80450/plans", "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80450/plans", "admin").status()).isEqualTo(403);
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
