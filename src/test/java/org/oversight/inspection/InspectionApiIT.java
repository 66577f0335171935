package org.oversight.inspection;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API end to end: real HTTP, real PostgreSQL, the real register and the seed activities. */
class InspectionApiIT extends HttpTest {

    @Test
    void listsAll153LasWithNeighboursAndLatestJudgements() {
        Http.Response response = http.get("/api/v1/local-authorities");
        assertThat(response.status()).isEqualTo(200);
        JsonNode all = response.json();
        assertThat(all.size()).isEqualTo(153);
        JsonNode city = find(all, 80450);
        assertThat(city.get("laCode").asString()).isEqualTo("201");
        assertThat(city.get("name").asString()).isEqualTo("City of London");
        assertThat(city.get("region").asString()).isEqualTo("London");
        assertThat(city.get("statisticalNeighbours").size()).isEqualTo(10);
        assertThat(city.get("statisticalNeighbours").get(0).get("name").asString()).isEqualTo("Camden");
        assertThat(city.get("statisticalNeighbours").get(0).get("urn").asInt()).isEqualTo(80491);
        assertThat(city.get("latestJudgements").get("overall").asString()).isEqualTo("OUTSTANDING");
        assertThat(city.get("latestJudgements").get("helpAndProtection").asString()).isEqualTo("GOOD");
    }

    @Test
    void cityOfLondonsInspectionsAreInDateOrderWithTheirFindings() {
        JsonNode list = http.get("/api/v1/local-authorities/80450/inspections").json();
        List<String> starts = new ArrayList<>();
        list.forEach(a -> starts.add(a.get("startDate").asString()));
        assertThat(starts).isSorted().contains("2018-10-24", "2020-03-02");
        JsonNode visit = byStart(list, "2018-10-24");
        assertThat(visit.get("type").asString()).isEqualTo("FOCUSED_VISIT");
        assertThat(visit.get("theme").asString()).isEqualTo("Care leavers");
        assertThat(visit.get("notificationDate").asString()).isEqualTo("2018-10-17");
        assertThat(visit.get("feedbackDate").asString()).isEqualTo("2018-10-25");
        assertThat(visit.get("leadInspector").asString()).isEqualTo("Andy Whippey");
        assertThat(visit.get("areasForImprovement").size()).isEqualTo(3);
        assertThat(visit.get("priorityActions").size()).isZero();
        assertThat(visit.get("judgements").get("overall").isNull()).isTrue();
        JsonNode inspection = byStart(list, "2020-03-02");
        assertThat(inspection.get("type").asString()).isEqualTo("SHORT_INSPECTION");
        assertThat(inspection.get("endDate").asString()).isEqualTo("2020-03-06");
        assertThat(inspection.get("publicationDate").asString()).isEqualTo("2020-04-06");
        assertThat(inspection.get("judgementSet").asString()).isEqualTo("ILACS_2018");
        JsonNode j = inspection.get("judgements");
        assertThat(j.get("overall").asString()).isEqualTo("OUTSTANDING");
        assertThat(j.get("leaders").asString()).isEqualTo("OUTSTANDING");
        assertThat(j.get("helpAndProtection").asString()).isEqualTo("GOOD");
        assertThat(j.get("inCare").asString()).isEqualTo("OUTSTANDING");
        assertThat(j.get("careLeavers").isNull()).isTrue();
        assertThat(inspection.get("recommendations").size()).isEqualTo(2);
    }

    @Test
    void southwarksSeedVisitIsThere() {
        JsonNode list = http.get("/api/v1/local-authorities/80514/inspections").json();
        JsonNode visit = byStart(list, "2019-01-15");
        assertThat(visit.get("endDate").asString()).isEqualTo("2019-01-16");
        assertThat(visit.get("theme").asString()).isEqualTo("Children in care");
    }

    @Test
    void anUnknownUrnIsA404ProblemDetail() {
        Http.Response response = http.get("/api/v1/local-authorities/99");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("99");
        assertThat(http.get("/api/v1/local-authorities/abc").status()).isEqualTo(400);
    }

    @Test
    void writingNeedsSignInAndTheRightLa() {
        String body = """
                {"type": "FOCUSED_VISIT", "theme": "Front door", "onSite": [{"start": "2026-02-03", "end": "2026-02-04"}]}
                """;
        Http.Response anonymous = http.post("/api/v1/local-authorities/80450/inspections", body, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.post("/api/v1/local-authorities/80450/inspections", body, "col.councillor").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/local-authorities/80450/inspections", body, "southwark.manager").status()).isEqualTo(403);
        assertThat(http.post("/api/v1/local-authorities/80450/inspections", body, "analyst").status()).isEqualTo(403);
    }

    @Test
    void badInputIsA400ListingEveryField() {
        String body = """
                {"theme": "Front door", "notificationDate": "2024-02-31",
                 "onSite": [{"start": "2024-03-05", "end": "2024-03-04"}], "judgements": {"overall": "SUPERB"}}
                """;
        Http.Response response = http.post("/api/v1/local-authorities/80450/inspections", body, "col.manager");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("type", "notificationDate", "onSite[0].end", "judgements.overall");
        assertThat(response.body()).contains("2024-02-31").contains("is not a real date");
        assertThat(http.post("/api/v1/local-authorities/99/inspections", """
                {"type": "FOCUSED_VISIT", "theme": "Front door"}""", "col.manager").status()).isEqualTo(404);
        Http.Response rules = http.post("/api/v1/local-authorities/80450/inspections", """
                {"type": "FOCUSED_VISIT", "theme": "Front door", "onSite": [{"start": "2024-03-05", "end": "2024-03-06"}],
                 "judgements": {"overall": "GOOD"}}""", "col.manager");
        assertThat(rules.status()).isEqualTo(400);
        assertThat(rules.json().get("errors").get(0).get("field").asString()).isEqualTo("judgements");
    }

    @Test
    void anUnpublishedActivityIsVisibleOnlyToItsOwnLa() {
        Http.Response created = http.post("/api/v1/local-authorities/80450/inspections", """
                {"type": "SELF_EVALUATION", "onSite": [{"start": "2099-01-05", "end": "2099-01-05"}], "summary": "Draft self-evaluation"}
                """, "col.staff");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/v1/inspections/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("PLANNED");

        assertThat(http.get("/api/v1/inspections/" + id, "col.councillor").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/inspections/" + id).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/inspections/" + id, "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/inspections/" + id, "analyst").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/local-authorities/80450/inspections").body()).doesNotContain(id);
        assertThat(http.get("/api/v1/local-authorities/80450/inspections", "southwark.manager").body()).doesNotContain(id);
        assertThat(http.get("/api/v1/local-authorities/80450/inspections", "col.councillor").body()).contains(id);
    }

    @Test
    void aCreatedInspectionCanBeChangedAndGetsDeadlines() {
        Http.Response created = http.post("/api/v1/local-authorities/80450/inspections", """
                {"type": "JTAI", "theme": "Domestic abuse", "partnerInspectorates": ["CQC", "HMICFRS"],
                 "onSite": [{"start": "2017-12-04", "end": "2017-12-08"}], "publicationDate": "2018-01-30"}
                """, "col.manager");
        assertThat(created.status()).isEqualTo(201);
        JsonNode jtai = created.json();
        JsonNode plan = null;
        for (JsonNode d : jtai.get("deadlines")) {
            if (d.get("kind").asString().equals("ACTION_PLAN")) {
                plan = d;
            }
        }
        assertThat(plan).isNotNull();
        assertThat(plan.get("due").asString()).isEqualTo("2018-05-11");
        String id = jtai.get("id").asString();
        Http.Response finding = http.post("/api/v1/inspections/" + id + "/findings", """
                {"kind": "PRIORITY_ACTION", "text": "Strategic oversight of the partnership's response"}""", "col.manager");
        assertThat(finding.status()).isEqualTo(201);
        Http.Response stale = http.put("/api/v1/inspections/" + id, """
                {"type": "JTAI", "theme": "Domestic abuse", "onSite": [{"start": "2017-12-04", "end": "2017-12-08"}],
                 "publicationDate": "2018-01-30", "version": 99}""", "col.manager");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.body()).contains("Someone else changed");
        JsonNode after = http.get("/api/v1/inspections/" + id, "col.manager").json();
        assertThat(after.get("priorityActions").size()).isEqualTo(1);
        assertThat(after.get("deadlines").toString()).contains("DRAFT_ACTION_PLAN");
        // Due in 2018, before Oversight held City of London's records: not tracked, never "overdue".
        for (JsonNode d : after.get("deadlines")) {
            assertThat(d.get("state").asString()).as(d.toString()).isIn("NOT_TRACKED", "MET");
        }
        // The LA's deadlines are its own business: not on the public record.
        JsonNode anonymous = http.get("/api/v1/inspections/" + id).json();
        assertThat(anonymous.get("priorityActions").size()).isEqualTo(1);
        assertThat(anonymous.get("deadlines").size()).isZero();
    }

    private static JsonNode find(JsonNode all, int urn) {
        for (JsonNode la : all) {
            if (la.get("urn").asInt() == urn) {
                return la;
            }
        }
        throw new AssertionError("No LA " + urn);
    }

    private static JsonNode byStart(JsonNode list, String start) {
        for (JsonNode a : list) {
            if (start.equals(a.get("startDate").asString())) {
                return a;
            }
        }
        throw new AssertionError("No activity starting " + start + " in " + list);
    }
}
