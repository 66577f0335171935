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

    private static String answers(String grade) {
        StringBuilder grades = new StringBuilder();
        StringBuilder evidence = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            grades.append(i > 1 ? "," : "").append("\"CL").append(i).append("\": \"").append(grade).append("\"");
            evidence.append(i > 1 ? "," : "").append("\"CL").append(i).append("\": \"Seen on the record\"");
        }
        return "{\"grades\": {" + grades + "}, \"evidence\": {" + evidence + "}, \"overallGrade\": \"" + grade + "\", \"summary\": \"Good\"}";
    }

    @Test
    void theApiSubmitsOnlyThroughItsOwnOperationOnceEveryAnswerIsChecked() {
        Http.Response created = create("col.manager");
        String id = created.json().get("id").asString();
        String auditId = created.json().get("audits").get(0).get("id").asString();
        String path = "/api/v1/local-authorities/80450/audits/" + id + "/cases/" + auditId;
        String submission = path + "/submission";

        // Saving never submits: partial answers are kept, the audit stays open; submit: true is refused, naming the new operation.
        Http.Response partial = http.put(path, "{\"grades\": {\"CL1\": \"GOOD\"}, \"evidence\": {\"CL1\": \"Seen\"}}", "col.staff");
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().get("status").asString()).isEqualTo("OPEN");
        String withSubmit = answers("GOOD");
        Http.Response old = http.put(path, withSubmit.substring(0, withSubmit.length() - 1) + ", \"submit\": true}", "col.staff");
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.json().get("errors").get(0).get("field").asString()).isEqualTo("submit");
        assertThat(old.body()).contains("/submission");
        assertThat(http.get(path, "col.staff").json().get("status").asString()).as("nothing was submitted").isEqualTo("OPEN");
        assertThat(http.get(path, "col.staff").json().get("answers").size()).as("nor changed").isEqualTo(1);

        // Submitting the partial answers: 400, one error per missing answer, by question, and the audit is still open.
        Http.Response incomplete = http.post(submission, "", "col.staff");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.header("Content-Type")).startsWith("application/problem+json");
        java.util.List<String> fields = new java.util.ArrayList<>();
        incomplete.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("grade-CL2", "grade-CL3", "grade-CL4", "grade-CL5", "grade-CL6", "grade-CL7", "overallGrade", "summary");
        assertThat(incomplete.body()).contains("Question CL2 (").contains("choose a grade").doesNotContain("grade-CL1");
        assertThat(http.get(path, "col.staff").json().get("status").asString()).isEqualTo("OPEN");

        // Only the auditor submits; another LA's manager reaches nothing.
        assertThat(http.post(submission, "", "col.manager").status()).isEqualTo(403);
        assertThat(http.post(submission, "", "southwark.manager").status()).isEqualTo(403);
        assertThat(http.post(submission, "", "col.councillor").status()).isEqualTo(403);
        assertThat(http.post(submission, "", null).status()).isEqualTo(401);

        // Complete answers saved, then submitted: closed, with its auditor and time recorded as the page records them.
        assertThat(http.put(path, answers("GOOD"), "col.staff").status()).isEqualTo(200);
        assertThat(http.get(path, "col.staff").json().get("status").asString()).isEqualTo("OPEN");
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        Http.Response submitted = http.post(submission, "", "col.staff");
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("auditor").asString()).isEqualTo("col.staff");
        assertThat(java.time.Instant.parse(submitted.json().get("submittedAt").asString())).isAfter(before);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE audit_id = ?::uuid AND actor = 'col.staff' AND description LIKE 'Submitted the audit%'")
                .param(auditId).query(Integer.class).single()).isEqualTo(1);

        // A second submission, or a change, is a conflict: 409, nothing changes.
        Http.Response again = http.post(submission, "", "col.staff");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(again.body()).contains("is closed: nothing was changed");
        Http.Response change = http.put(path, answers("INADEQUATE"), "col.staff");
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.body()).contains("is closed: nothing was changed");
        assertThat(http.get(path, "col.staff").json().get("auditorGrade").asString()).isEqualTo("GOOD");
        assertThat(http.get(path, "col.staff").json().get("submittedAt").asString()).isEqualTo(submitted.json().get("submittedAt").asString());
    }
}
