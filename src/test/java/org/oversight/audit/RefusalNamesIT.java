package org.oversight.audit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.oversight.support.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused action names people as people: by their name, or "you", never by their username (col.staff), in the API's
 * ProblemDetail and on the page alike. The usernames checked are every account's that is not an ordinary word.
 */
class RefusalNamesIT extends HttpTest {

    @Autowired
    JdbcClient jdbc;

    List<String> usernames;

    @BeforeEach
    void data() {
        AuditFixtures.cityOfLondon(jdbc);
        usernames = jdbc.sql("SELECT username FROM app_user WHERE username LIKE '%.%'").query(String.class).list();
        assertThat(usernames).contains("col.staff", "col.manager", "col.director", "southwark.manager");
    }

    private String programme(String moderators) {
        String form = null;
        for (var t : http.get("/api/v1/audit-templates", "col.manager").json()) {
            if (t.get("family").asString().equals("care-leavers")) {
                form = t.get("id").asString();
            }
        }
        Http.Response created = http.post("/api/v1/local-authorities/80450/audits", """
                {"title": "Names in refusals", "templateId": "%s", "periodStart": "2026-11-01", "periodEnd": "2026-11-30",
                 "auditors": ["col.staff"], "moderators": %s, "rule": "ALL_CARE_LEAVERS", "method": "RANDOM",
                 "sampleSize": 1, "seed": 11}""".formatted(form, moderators), "col.manager");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return "/local-authorities/80450/audits/" + created.json().get("id").asString() + "/cases/"
                + created.json().get("audits").get(0).get("id").asString();
    }

    private static String answers() {
        StringBuilder grades = new StringBuilder();
        StringBuilder evidence = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            grades.append(i > 1 ? "," : "").append("\"CL").append(i).append("\": \"GOOD\"");
            evidence.append(i > 1 ? "," : "").append("\"CL").append(i).append("\": \"Seen on the record\"");
        }
        return "{\"grades\": {" + grades + "}, \"evidence\": {" + evidence + "}, \"overallGrade\": \"GOOD\", \"summary\": \"Good\"}";
    }

    /** The refusal's words (the path asked for aside, which is what the asker typed) name no account by its username. */
    private void namesNoUsername(String what, Http.Response refusal, String path) {
        String body = refusal.body().replace(path, "");
        List<String> named = new ArrayList<>();
        for (String username : usernames) {
            if (body.contains(username)) {
                named.add(username);
            }
        }
        assertThat(named).as("usernames in the refusal of %s: %s", what, refusal.body()).isEmpty();
    }

    @Test
    void refusalsOfCaseAuditsNamePeopleNotUsernames() {
        String page = programme("[\"col.manager\"]");
        String api = "/api/v1" + page;

        // The LA's manager changes, or submits, an audit that is not theirs: refused, naming its auditor.
        Http.Response change = http.put(api, answers(), "col.manager");
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.json().get("detail").asString()).isEqualTo("Only the audit's auditor, Sam Social (City of London, social worker), can change it");
        namesNoUsername("a change by someone not the auditor (API)", change, api);
        Http.Response submit = http.post(api + "/submission", "", "col.manager");
        assertThat(submit.status()).isEqualTo(403);
        assertThat(submit.body()).contains("Sam Social");
        namesNoUsername("a submission by someone not the auditor (API)", submit, api + "/submission");

        Session manager = new Session(port);
        manager.signIn("col.manager", PASSWORD);
        manager.get(page);
        Http.Response onPage = manager.post(page, "grade-CL1", "GOOD", "evidence-CL1", "Seen", "action", "save");
        assertThat(onPage.status()).isEqualTo(403);
        namesNoUsername("a change by someone not the auditor (page)", onPage, page);

        // Submitted; a manager who is not its moderator is refused, naming the moderators.
        assertThat(http.put(api, answers(), "col.staff").status()).isEqualTo(200);
        assertThat(http.post(api + "/submission", "", "col.staff").status()).isEqualTo(200);
        String moderation = "{\"moderatorGrade\": \"GOOD\", \"agreedGrade\": \"GOOD\", \"reason\": \"Agreed\"}";
        Http.Response notModerator = http.post(api + "/moderation", moderation, "col.director");
        assertThat(notModerator.status()).isEqualTo(403);
        assertThat(notModerator.json().get("detail").asString()).contains("Rachel Green");
        namesNoUsername("moderation by someone not a moderator (API)", notModerator, api + "/moderation");
        Session director = new Session(port);
        director.signIn("col.director", PASSWORD);
        director.get(page);
        Http.Response notModeratorPage = director.post(page + "/moderation", "moderatorGrade", "GOOD", "agreedGrade", "GOOD", "agreedReason", "Agreed");
        assertThat(notModeratorPage.status()).isEqualTo(403);
        namesNoUsername("moderation by someone not a moderator (page)", notModeratorPage, page + "/moderation");

        // A second submission by its auditor: refused, without usernames.
        Http.Response again = http.post(api + "/submission", "", "col.staff");
        assertThat(again.status()).isEqualTo(409);
        namesNoUsername("a second submission", again, api + "/submission");
    }

    @Test
    void aSecondModerationNamesWhoModeratedOrSaysYou() {
        String page = programme("[\"col.manager\", \"col.director\"]");
        String api = "/api/v1" + page;
        assertThat(http.put(api, answers(), "col.staff").status()).isEqualTo(200);
        assertThat(http.post(api + "/submission", "", "col.staff").status()).isEqualTo(200);
        String moderation = "{\"moderatorGrade\": \"GOOD\", \"agreedGrade\": \"GOOD\", \"reason\": \"Agreed\"}";
        assertThat(http.post(api + "/moderation", moderation, "col.manager").status()).isEqualTo(200);

        Http.Response other = http.post(api + "/moderation", moderation, "col.director");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body()).contains("by Rachel Green (City of London, head of quality and performance)");
        namesNoUsername("a second moderation by another moderator", other, api + "/moderation");
        Http.Response same = http.post(api + "/moderation", moderation, "col.manager");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body()).contains(" by you");
        namesNoUsername("a second moderation by the same moderator", same, api + "/moderation");

        Session director = new Session(port);
        director.signIn("col.director", PASSWORD);
        director.get(page);
        Http.Response onPage = director.post(page + "/moderation", "moderatorGrade", "GOOD", "agreedGrade", "GOOD", "agreedReason", "Agreed");
        assertThat(onPage.status()).isEqualTo(400);
        assertThat(onPage.body()).contains("Rachel Green");
        namesNoUsername("a second moderation (page)", onPage, page + "/moderation");
    }
}
