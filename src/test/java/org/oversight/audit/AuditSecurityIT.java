package org.oversight.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case audits are the LA's own: managers run them, managers and staff audit, councillors read roll-ups without
 * children; other LAs and national users see nothing; anonymous callers are sent to sign in.
 */
class AuditSecurityIT extends HttpTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void data() {
        AuditFixtures.cityOfLondon(jdbc);
    }

    private String careLeaversForm() {
        for (var t : http.get("/api/v1/audit-templates", "col.manager").json()) {
            if (t.get("family").asString().equals("care-leavers")) {
                return t.get("id").asString();
            }
        }
        throw new AssertionError("no care-leavers form");
    }

    private Http.Response create(String user) {
        return http.post("/api/v1/local-authorities/80450/audits", """
                {"title": "Security check", "templateId": "%s", "periodStart": "2026-11-01", "periodEnd": "2026-11-30",
                 "auditors": ["col.staff"], "moderators": ["col.manager"], "rule": "ALL_CARE_LEAVERS", "method": "RANDOM",
                 "sampleSize": 2, "seed": 5}""".formatted(careLeaversForm()), user);
    }

    @Test
    void onlyTheLasManagersRunProgrammes() {
        assertThat(create("col.staff").status()).isEqualTo(403);
        assertThat(create("col.councillor").status()).isEqualTo(403);
        assertThat(create("southwark.manager").status()).isEqualTo(403);
        assertThat(create("admin").status()).isEqualTo(403);
        assertThat(create(null).status()).isEqualTo(401);
        Http.Response bad = http.post("/api/v1/local-authorities/80450/audits", "{\"title\": \"\", \"sampleSize\": 0}", "col.manager");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("title").contains("sampleSize").contains("templateId");
        assertThat(create("col.manager").status()).isEqualTo(201);
    }

    @Test
    void otherLasAndNationalUsersSeeNothingAndCouncillorsOnlyRollUps() {
        Http.Response created = create("col.manager");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        String auditId = created.json().get("audits").get(0).get("id").asString();
        String child = created.json().get("audits").get(0).get("childRef").asString();
        String programme = "/local-authorities/80450/audits/" + id;
        String api = "/api/v1" + programme;

        for (String outsider : new String[] {"southwark.manager", "analyst", "inspector", "admin"}) {
            assertThat(http.get("/local-authorities/80450/audits", outsider).status()).as(outsider).isEqualTo(403);
            assertThat(http.get(programme, outsider).status()).as(outsider).isEqualTo(403);
            assertThat(http.get(programme + "/cases/" + auditId, outsider).status()).as(outsider).isEqualTo(403);
            assertThat(http.get("/local-authorities/80450/audits/roll-up", outsider).status()).as(outsider).isEqualTo(403);
            Http.Response apiRead = http.get(api, outsider);
            assertThat(apiRead.status()).as(outsider).isEqualTo(403);
            assertThat(apiRead.body()).doesNotContain(child);
            assertThat(http.get("/api/v1/local-authorities/80450/audits/roll-up", outsider).status()).as(outsider).isEqualTo(403);
        }
        assertThat(http.get(programme).status()).isEqualTo(302);
        assertThat(http.get(api).status()).isEqualTo(401);

        assertThat(http.get(programme, "col.councillor").status()).isEqualTo(403);
        assertThat(http.get(programme + "/cases/" + auditId, "col.councillor").status()).isEqualTo(403);
        Http.Response rollUp = http.get("/local-authorities/80450/audits/roll-up", "col.councillor");
        assertThat(rollUp.status()).isEqualTo(200);
        assertThat(rollUp.body()).doesNotContain(child);
        Http.Response index = http.get("/local-authorities/80450/audits", "col.councillor");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("Security check").doesNotContain(programme + "\"");

        assertThat(http.get(programme, "col.staff").status()).isEqualTo(200);
        assertThat(http.get(api + "/cases/" + auditId, "col.staff").json().get("childRef").asString()).isEqualTo(child);
        assertThat(http.post(api + "/cases/" + auditId + "/moderation", "{\"moderatorGrade\": \"GOOD\", \"agreedGrade\": \"GOOD\", \"reason\": \"x\"}",
                "col.staff").status()).as("staff do not moderate").isEqualTo(403);
        assertThat(http.get("/api/v1/local-authorities/80514/audits/" + id, "southwark.manager").status())
                .as("a programme of another LA is not found under one's own").isEqualTo(404);
        assertThat(http.get("/audit-templates/" + careLeaversForm() + "/edit", "col.manager").status()).isEqualTo(403);
        assertThat(http.get("/audit-templates/" + careLeaversForm() + "/edit", "admin").status()).isEqualTo(200);
    }

    @Test
    void aClosedAuditIsRefusedThroughTheApiWithAClearMessage() {
        Http.Response created = create("col.manager");
        String id = created.json().get("id").asString();
        String auditId = created.json().get("audits").get(0).get("id").asString();
        String path = "/api/v1/local-authorities/80450/audits/" + id + "/cases/" + auditId;
        StringBuilder grades = new StringBuilder();
        StringBuilder evidence = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            grades.append(i > 1 ? "," : "").append("\"CL").append(i).append("\": \"GOOD\"");
            evidence.append(i > 1 ? "," : "").append("\"CL").append(i).append("\": \"Seen on the record\"");
        }
        String body = "{\"grades\": {" + grades + "}, \"evidence\": {" + evidence + "}, \"overallGrade\": \"GOOD\", \"summary\": \"Good\", \"submit\": true}";
        Http.Response missing = http.put(path, "{\"grades\": {\"CL1\": \"GOOD\"}, \"submit\": true}", "col.staff");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("evidence-CL1").contains("Question CL1 (Risk and safety)");
        assertThat(http.put(path, body, "col.staff").status()).isEqualTo(200);
        Http.Response again = http.put(path, body.replace("GOOD", "INADEQUATE"), "col.staff");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("is closed: nothing was changed");
        assertThat(http.get(path, "col.staff").json().get("auditorGrade").asString()).isEqualTo("GOOD");
    }
}
