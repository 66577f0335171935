package org.oversight.improvement.web;

import java.time.LocalDate;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.improvement.ReportDraft;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.oversight.support.Session;
import org.oversight.support.TestPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committee report editor in real PostgreSQL through HTTP, signed in as City of London's manager: meetings picked
 * from governance as checkboxes (one added from the editor keeps what was typed), officers consulted as rows of fields
 * with their dates checked row by row, the preview (the generator's page under the CSP, nothing stored, back to the
 * editor with the text kept), a draft typed before all this read back with its lines matched to governance or kept,
 * the API taking the same fields, and Southwark's manager seeing none of it.
 */
class CommitteeReportEditorIT extends HttpTest {

    private static final String COMMITTEE = "Editor Test Children's Scrutiny Committee";

    @Autowired
    JdbcClient jdbc;

    private TestPlans.Plan plan;
    private UUID body;
    private LocalDate meetingDate;
    private String meeting;
    private String meetingDay;
    private Session manager;
    private String path;

    @BeforeEach
    void planWithACommitteeMeetingToCome() {
        plan = TestPlans.create(jdbc, "Committee report editor test plan");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        meetingDate = LocalDate.of(today.getYear() + 1, 4, 6);
        meetingDay = "6 April " + meetingDate.getYear();
        body = TenantScope.asSystem(() -> {
            UUID la = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
            jdbc.sql("DELETE FROM governance_body WHERE la_id = ? AND name LIKE 'Editor Test%'").param(la).update();
            UUID id = jdbc.sql("INSERT INTO governance_body (la_id, name, kind) VALUES (?, ?, 'COMMITTEE') RETURNING id").params(la, COMMITTEE)
                    .query(UUID.class).single();
            jdbc.sql("INSERT INTO meeting (body_id, la_id, meeting_date) VALUES (?, ?, ?)").params(id, la, meetingDate).update();
            return id;
        });
        meeting = ReportDraft.meetingKey(body, meetingDate);
        manager = new Session(port);
        manager.signIn("col.manager", PASSWORD);
        manager.get("/"); // the form token of the signed-in session
        path = "/plans/" + plan.id() + "/committee-report";
    }

    @AfterEach
    void remove() {
        TestPlans.delete(jdbc, plan);
        TenantScope.asSystem(() -> jdbc.sql("DELETE FROM governance_body WHERE id = ?").param(body).update());
    }

    private int versions() {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM committee_report WHERE plan_id = ?").param(plan.id())
                .query(Integer.class).single());
    }

    private String[] form(String subject, String... more) {
        String[] base = {"meetings", meeting, "subject", subject, "classification", "Public", "keyDecision", "No", "summary", "An update."};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void meetingsArePickedFromGovernanceAndOfficersConsultedAreRowsOfFields() throws Exception {
        String page = manager.get(path).body();
        assertThat(page).contains("value=\"" + meeting + "\"").contains(COMMITTEE.replace("'", "&#39;") + ", " + meetingDay)
                .contains("id=\"consultee-1-name\"").contains("name=\"rows[0].date.day\"")
                .doesNotContain("name=\"committees\"").doesNotContain("name=\"consultations\"");

        LocalDate consulted = LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(3);
        Http.Response generated = manager.post(path, form("Ofsted focused visit update",
                "rows[0].name", "Ann Lee", "rows[0].role", "Director of Law and Democracy", "rows[0].date.day", String.valueOf(consulted.getDayOfMonth()),
                "rows[0].date.month", String.valueOf(consulted.getMonthValue()), "rows[0].date.year", String.valueOf(consulted.getYear()),
                "rows[1].name", "", "rows[1].role", "", "rows[1].date.day", "", "rows[1].date.month", "", "rows[1].date.year", ""));
        assertThat(generated.status()).isEqualTo(302);
        assertThat(versions()).isEqualTo(1);
        UUID version = TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM committee_report WHERE plan_id = ?").param(plan.id())
                .query(UUID.class).single());
        String html = manager.get("/committee-reports/" + version + ".html").body();
        String consultedDay = org.oversight.shared.Dates.day(consulted);
        assertThat(html).contains(COMMITTEE.replace("'", "&#39;")).contains(meetingDay).contains("Ann Lee")
                .contains("Director of Law and Democracy").contains(consultedDay);
        byte[] pdf = TenantScope.asSystem(() -> jdbc.sql("SELECT pdf FROM committee_report WHERE id = ?").param(version).query(byte[].class).single());
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ").replace('\u2019', '\'');
            assertThat(text).contains(COMMITTEE).contains(meetingDay).contains("Ann Lee").contains(consultedDay);
        }

        // The editor shows the version's choices again: the meeting ticked, the officer's row filled, one empty row more.
        String again = manager.get(path).body();
        assertThat(again).containsPattern("value=\"" + meeting + "\"[^>]*checked|checked[^>]*value=\"" + meeting + "\"")
                .containsPattern("id=\"consultee-1-name\"[^>]*value=\"Ann Lee\"").contains("id=\"consultee-3-name\"");
    }

    @Test
    void aBadOrFutureDateIsRefusedNamingItsRowAndNothingIsStored() {
        LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(1);
        Http.Response refused = manager.post(path, form("Kept subject",
                "rows[0].role", "Cabinet Member",
                "rows[1].name", "Bo Chan", "rows[1].role", "Strategic Director", "rows[1].date.day", "31", "rows[1].date.month", "2", "rows[1].date.year", "2026",
                "rows[2].name", "Cy Dee", "rows[2].date.day", String.valueOf(tomorrow.getDayOfMonth()), "rows[2].date.month",
                String.valueOf(tomorrow.getMonthValue()), "rows[2].date.year", String.valueOf(tomorrow.getYear())));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("There is a problem")
                .contains("href=\"#consultee-2-date-day\"").contains("The date officer 2 was consulted must be a real date (31/2/2026 does not exist)")
                .contains("href=\"#consultee-3-role\"").contains("Enter the role of officer consulted 3")
                .contains("href=\"#consultee-3-date-day\"").contains("The date officer 3 was consulted must be today or in the past")
                .as("what was typed is shown again").containsPattern("id=\"consultee-2-name\"[^>]*value=\"Bo Chan\"").contains("Kept subject");
        assertThat(versions()).isZero();
        Http.Response notInGovernance = manager.post(path, form("Subject", "meetings", UUID.randomUUID() + "/2027-01-01",
                "otherCommittees", "Cabinet | 01/01/2027"));
        assertThat(notInGovernance.status()).isEqualTo(400);
        assertThat(notInGovernance.body()).contains("href=\"#meetings\"").contains("is not one of the authority&#39;s governance meetings")
                .contains("href=\"#otherCommittees\"").contains("committees are no longer typed");
        assertThat(versions()).isZero();
    }

    @Test
    void thePreviewIsTheGeneratedPageUnderTheCspNotSavedWithTheWayBack() {
        Http.Response preview = manager.post(path + "/preview", form("Preview subject 4471", "rows[0].name", "Ann Lee", "rows[0].role", "Cabinet Member"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.header("Content-Type")).startsWith("text/html");
        String csp = preview.header("Content-Security-Policy");
        assertThat(csp).contains("default-src").doesNotContain("unsafe-inline");
        assertThat(preview.body()).contains(meetingDay).contains(COMMITTEE.replace("'", "&#39;")).contains("Preview subject 4471")
                .contains("href=\"/css/committee-report.css\"").doesNotContain("<style").doesNotContainPattern("\\sstyle=")
                .doesNotContain("<script").contains("Preview: this report is not saved");
        assertThat(versions()).as("a preview stores no version").isZero();

        String back = manager.get(path + "?restore=preview").body();
        assertThat(back).contains("Preview subject 4471").containsPattern("id=\"consultee-1-name\"[^>]*value=\"Ann Lee\"");
        assertThat(manager.get(path).body()).as("without restore, the draft as drafted").doesNotContain("Preview subject 4471");

        Http.Response bad = manager.post(path + "/preview", form("", "rows[0].role", "Cabinet Member", "rows[0].date.day", "40",
                "rows[0].date.month", "1", "rows[0].date.year", "2026"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("href=\"#subject\"").contains("href=\"#consultee-1-date-day\"");
    }

    @Test
    void anotherOfficerRowAndAMeetingAreAddedFromTheEditorKeepingWhatWasTyped() {
        Http.Response more = manager.post(path + "/edit", form("Typed subject 9182", "action", "add-officer",
                "rows[0].role", "Cabinet Member", "rows[1].role", "", "rows[2].role", ""));
        assertThat(more.status()).isEqualTo(200);
        assertThat(more.body()).contains("id=\"consultee-4-name\"").doesNotContain("id=\"consultee-5-name\"").contains("Typed subject 9182");

        LocalDate next = meetingDate.plusMonths(1);
        Http.Response added = manager.post(path + "/edit", form("Typed subject 9182", "action", "add-meeting", "newMeetingBody", body.toString(),
                "newMeetingDate.day", String.valueOf(next.getDayOfMonth()), "newMeetingDate.month", String.valueOf(next.getMonthValue()),
                "newMeetingDate.year", String.valueOf(next.getYear())));
        assertThat(added.status()).isEqualTo(200);
        String key = ReportDraft.meetingKey(body, next);
        assertThat(added.body()).contains("Meeting added").contains("Typed subject 9182")
                .containsPattern("value=\"" + key + "\"[^>]*checked").containsPattern("value=\"" + meeting + "\"[^>]*checked");
        assertThat(TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM meeting WHERE body_id = ?").param(body).query(Integer.class).single()))
                .isEqualTo(2);

        Http.Response noDate = manager.post(path + "/edit", form("Typed subject 9182", "action", "add-meeting", "newMeetingBody", body.toString()));
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.body()).contains("href=\"#newMeetingDate-day\"").contains("Enter the date of the meeting");
    }

    @Test
    void aDraftTypedBeforeIsReadWithItsLinesMatchedToGovernanceOrKept() {
        String typed = """
                {"committees": "%s | %s\\nOld Panel, Children and Young People | 01/01/2020", "subject": "Typed before", "classification": "Public", "keyDecision": "No",
                 "consultations": "Cabinet Member | Yes | No"}""".formatted(COMMITTEE.toUpperCase(), org.oversight.shared.Dates.format(meetingDate));
        TenantScope.asSystem(() -> jdbc.sql("""
                INSERT INTO committee_report (plan_id, la_id, version_no, draft, docx, pdf, html, generated_by, generated_at)
                SELECT id, la_id, 1, ?::jsonb, '\\x00', '\\x00', '<html></html>', 'test', now() FROM improvement_plan WHERE id = ?""")
                .params(typed, plan.id()).update());
        String page = manager.get(path).body();
        assertThat(page).containsPattern("value=\"" + meeting + "\"[^>]*checked")
                .containsPattern("name=\"otherCommittees\"[^>]*value=\"Old Panel, Children and Young People \\| 01/01/2020\"[^>]*checked")
                .containsPattern("id=\"consultee-1-role\"[^>]*value=\"Cabinet Member\"");
        Http.Response generated = manager.post(path, form("Typed before", "otherCommittees", "Old Panel, Children and Young People | 01/01/2020",
                "rows[0].role", "Cabinet Member"));
        assertThat(generated.status()).as("a kept line (with a comma) may be generated again").isEqualTo(302);
        String html = TenantScope.asSystem(() -> jdbc.sql("SELECT html FROM committee_report WHERE plan_id = ? AND version_no = 2").param(plan.id())
                .query(String.class).single());
        assertThat(html).contains("Old Panel, Children and Young People").contains("01/01/2020").contains(meetingDay);
    }

    @Test
    void theApiTakesTheSameFieldsAndNamesTheFieldInError() {
        String draft = http.get("/api/v1/plans/" + plan.id() + "/committee-report/draft", "col.manager").body();
        assertThat(draft).contains("\"meetings\"").contains("\"consultees\"");
        String bad = """
                {"meetings": ["%s"], "subject": "From the API", "classification": "Public", "keyDecision": "No",
                 "consultees": [{"name": "Ann Lee", "role": "Cabinet Member", "date": "2026-02-30"}]}""".formatted(meeting);
        Http.Response refused = http.post("/api/v1/plans/" + plan.id() + "/committee-reports", bad, "col.manager");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("consultees[0].date");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("officer 1").contains("2026-02-30");
        assertThat(versions()).isZero();
        Http.Response created = http.post("/api/v1/plans/" + plan.id() + "/committee-reports", bad.replace("2026-02-30", "2026-02-27"), "col.manager");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("number").asInt()).isEqualTo(1);
        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void anotherLasManagerAndStaffSeeNothing() {
        Session southwark = new Session(port);
        southwark.signIn("southwark.manager", PASSWORD);
        assertThat(southwark.get("/").body()).as("a page with the session's form token").contains("_csrf");
        assertThat(southwark.get(path).status()).isIn(403, 404);
        Http.Response preview = southwark.post(path + "/preview", form("Leak"));
        assertThat(preview.status()).isIn(403, 404);
        assertThat(preview.body()).doesNotContain(COMMITTEE);
        assertThat(southwark.post(path + "/edit", form("Leak", "action", "add-officer")).status()).isIn(403, 404);
        assertThat(southwark.get(path + "?restore=preview").status()).isIn(403, 404);
        assertThat(http.get("/api/v1/plans/" + plan.id() + "/committee-report/draft", "southwark.manager").status()).isIn(403, 404);
        assertThat(http.post("/api/v1/plans/" + plan.id() + "/committee-reports", "{\"subject\": \"x\"}", "southwark.manager").status()).isIn(403, 404);
        assertThat(http.get("/api/v1/plans/" + plan.id() + "/committee-report/draft", "col.staff").status()).isEqualTo(403);
        Session staff = new Session(port);
        staff.signIn("col.staff", PASSWORD);
        staff.get("/");
        assertThat(staff.post(path + "/preview", form("Staff")).status()).isEqualTo(403);
        assertThat(versions()).isZero();
    }
}
