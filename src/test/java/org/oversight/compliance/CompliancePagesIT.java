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
        assertThat(page.body()).contains("1 of 2 children in care (50%) have had every review on time");
        assertThat(http.get("/local-authorities/80514/compliance").status()).isEqualTo(302);
        assertThat(http.get("/local-authorities/80514/compliance", "col.manager").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/compliance", "col.councillor").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/compliance", "analyst").status()).isEqualTo(403);
        var child = http.get("/local-authorities/80514/children/B2", "southwark.manager");
        assertThat(child.status()).isEqualTo(200);
        assertThat(child.body()).contains("29/06/2023").contains("Your view of it has been logged");
        assertThat(http.get("/local-authorities/80514/children/B2", "col.manager").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/children/NOPE", "southwark.manager").status()).isEqualTo(404);
        var annex = http.get("/local-authorities/80514/annex-a.xlsx", "southwark.manager");
        assertThat(annex.status()).isEqualTo(200);
        assertThat(annex.header("Content-Type")).contains("spreadsheetml");
        assertThat(http.get("/local-authorities/80514/annex-a.xlsx", "col.manager").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/annex-a.xlsx", "col.councillor").status()).isEqualTo(403);
    }
}
