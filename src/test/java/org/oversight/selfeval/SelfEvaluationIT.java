package org.oversight.selfeval;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The self-evaluation through its API on real PostgreSQL: started from last year's (the demo's 2025), a plan figure cited
 * and frozen, the figure moving afterwards and flagged, the check finding the contradiction, refusals of another LA's
 * evidence and of a figure that does not exist, a concurrent edit caught, sign-off by the director only, councillors
 * reading the signed-off version, and the inspector it is shared with reading DOCX and PDF (opened with POI and PDFBox).
 * Uses 2027 so it never meets the browser test's 2026.
 */
class SelfEvaluationIT extends HttpTest {

    private static final String BASE = "/api/v1/local-authorities/80450/self-evaluations";
    private static final String MEASURE = "Audited case files with management decisions and their rationale recorded (%)";

    @Autowired
    JdbcClient jdbc;

    @Test
    void fromLastYearsTextToACitedFrozenFlaggedCheckedSignedOffAndSharedSelfEvaluation() throws Exception {
        // Councillors do not see a draft; another LA's manager sees nothing.
        Http.Response started = http.post(BASE, "{\"year\": 2027, \"fromYear\": 2025}", "col.manager");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode se = started.json();
        assertThat(se.get("startedFromYear").asInt()).isEqualTo(2025);
        assertThat(se.get("sections")).hasSize(4);
        assertThat(section(se, "CARE_LEAVERS").get("know").asString()).contains("Care leavers benefit from a strong service");
        assertThat(section(se, "CARE_LEAVERS").get("citations")).isEmpty();
        assertThat(http.post(BASE, "{\"year\": 2027}", "col.manager").status()).isEqualTo(400);
        assertThat(http.post(BASE, "{\"year\": 2026}", "col.staff").status()).isEqualTo(403);
        assertThat(http.get(BASE + "/2027", "col.councillor").status()).isEqualTo(404);
        assertThat(http.get(BASE + "/2027", "southwark.manager").status()).isIn(403, 404);
        assertThat(http.get(BASE + "/2027", "inspector").status()).isEqualTo(403);
        assertThat(http.get(BASE + "/2027").status()).isEqualTo(401);

        // The evidence offered for leaders includes the plan's measured action, with its rating.
        Http.Response offered = http.get(BASE + "/2027/sections/leaders/evidence", "col.staff");
        assertThat(offered.status()).isEqualTo(200);
        JsonNode action = null;
        for (JsonNode e : offered.json()) {
            if (e.get("label").asString().equals(MEASURE)) {
                action = e;
            }
        }
        assertThat(action).as("the plan action is offered: " + offered.body()).isNotNull();
        // The last inspection's judgement is compared with the neighbours' and England's latest published ones (public data).
        JsonNode judgement = null;
        for (JsonNode e : offered.json()) {
            if (e.get("key").asString().startsWith("judgement:") && !e.get("benchmarks").isEmpty()) {
                judgement = e;
            }
        }
        assertThat(judgement).as("a judgement with comparisons: " + offered.body()).isNotNull();
        assertThat(judgement.get("benchmarks").get(0).get("name").asString()).isEqualTo("Statistical neighbours");
        assertThat(judgement.get("benchmarks").get(0).get("valueText").asString())
                .matches("([0-9]|10) of ([1-9]|10) good or outstanding at their latest published inspection");
        String england = judgement.get("benchmarks").get(1).get("valueText").asString();
        assertThat(england).matches("\\d+ of \\d+ good or outstanding at their latest published inspection");
        assertThat(Integer.parseInt(england.split(" of ")[1].split(" ")[0])).isBetween(100, 153);
        String key = action.get("key").asString();
        assertThat(key).startsWith("action:");
        String valueWhenCited = action.get("valueText").asString();
        assertThat(action.get("rating").asString()).as("the action is overdue since 2020 at 72 of 90").isEqualTo("RED");

        // Officers write; a concurrent edit is caught, never overwritten.
        int version = section(se, "LEADERS").get("version").asInt();
        String claim = "Leaders make sure management decisions are recorded well, and practice is good.";
        Http.Response saved = http.put(BASE + "/2027/sections/leaders", json(version, claim), "col.staff");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(version + 1);
        Http.Response stale = http.put(BASE + "/2027/sections/leaders", json(version, "Someone else's text."), "col.manager");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("Nothing was overwritten").contains("saved by Sam Social").doesNotContain("col.staff");
        assertThat(http.get(BASE + "/2027/sections/leaders", "col.manager").json().get("know").asString()).isEqualTo(claim);

        // Cite: stored as it stood today.
        Http.Response cited = http.post(BASE + "/2027/sections/leaders/citations", "{\"evidenceKey\": \"" + key + "\"}", "col.staff");
        assertThat(cited.status()).as(cited.body()).isEqualTo(201);
        assertThat(cited.json().get("valueText").asString()).isEqualTo(valueWhenCited);
        assertThat(cited.json().get("asOf").asString()).isNotBlank();
        assertThat(cited.json().get("source").asString()).startsWith("Improvement plan: ");
        assertThat(http.post(BASE + "/2027/sections/leaders/citations", "{\"evidenceKey\": \"" + key + "\"}", "col.staff").status()).isEqualTo(400);

        // The check finds the claim the cited figure contradicts.
        Http.Response check = http.get(BASE + "/2027/check", "col.councillor");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body()).contains("CONTRADICTION").contains(claim).contains(MEASURE);

        // Refused: another LA's evidence, a figure that does not exist, a key of nothing.
        String southwarkActivity = http.get("/api/v1/local-authorities/80514/inspections").json().get(0).get("id").asString();
        Http.Response otherLa = http.post(BASE + "/2027/sections/leaders/citations",
                "{\"evidenceKey\": \"judgement:" + southwarkActivity + ":OVERALL\"}", "col.staff");
        assertThat(otherLa.status()).isEqualTo(400);
        assertThat(otherLa.json().get("errors").get(0).get("field").asString()).isEqualTo("evidenceKey");
        assertThat(otherLa.json().get("errors").get(0).get("message").asString()).contains("belongs to Southwark, not City of London");
        Http.Response gone = http.post(BASE + "/2027/sections/leaders/citations", "{\"evidenceKey\": \"action:" + UUID.randomUUID() + "\"}", "col.staff");
        assertThat(gone.status()).isEqualTo(400);
        assertThat(gone.json().get("errors").get(0).get("message").asString()).contains("is not held for City of London").contains("no longer exists");
        assertThat(http.post(BASE + "/2027/sections/leaders/citations", "{\"evidenceKey\": \"" + key + "\"}", "southwark.manager").status())
                .isIn(403, 404);

        // The figure moves: the citation keeps its value, the draft flags it.
        String actionId = key.substring("action:".length());
        int actionVersion = actionVersion(actionId);
        Http.Response progress = http.post("/api/v1/actions/" + actionId + "/progress",
                "{\"status\": \"ON_TRACK\", \"note\": \"Monthly audits back on track\", \"value\": 81, \"version\": " + actionVersion + "}", "col.manager");
        assertThat(progress.status()).as(progress.body()).isEqualTo(204);
        JsonNode citation = http.get(BASE + "/2027/sections/leaders/citations", "col.staff").json().get(0);
        assertThat(citation.get("citation").get("valueText").asString()).isEqualTo(valueWhenCited);
        assertThat(citation.get("moved").asBoolean()).isTrue();
        assertThat(citation.get("valueNow").asString()).isEqualTo("81");
        assertThat(http.get(BASE + "/2027/sections/leaders/citations", "col.councillor").status()).isEqualTo(404);

        // Versions with their differences.
        JsonNode diff = http.get(BASE + "/2027/sections/leaders/versions/" + (version + 1), "col.manager").json();
        assertThat(diff.get("know").toString()).contains("ADDED").contains("REMOVED");

        // Sign-off: refused for anyone but the director.
        Http.Response refused = http.post(BASE + "/2027/sign-off", "{}", "col.manager");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(http.post(BASE + "/2027/sign-off", "{}", "col.staff").status()).isEqualTo(403);
        assertThat(http.post(BASE + "/2027/sign-off", "{}", "southwark.manager").status()).isIn(403, 404);
        Http.Response signed = http.post(BASE + "/2027/sign-off", "{}", "col.director");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED_OFF");
        assertThat(signed.json().get("signedOffName").asString()).startsWith("Helen Carter");
        assertThat(http.put(BASE + "/2027/sections/leaders", json(version + 1, "Changed after sign-off"), "col.staff").status()).isEqualTo(409);
        assertThat(http.post(BASE + "/2027/sign-off", "{}", "col.director").status()).isEqualTo(409);

        // Councillors now read the signed-off version.
        Http.Response councillor = http.get(BASE + "/2027", "col.councillor");
        assertThat(councillor.status()).isEqualTo(200);
        assertThat(section(councillor.json(), "LEADERS").get("know").asString()).isEqualTo(claim);
        JsonNode councillorCitation = http.get(BASE + "/2027/sections/leaders/citations", "col.councillor").json().get(0);
        assertThat(councillorCitation.get("citation").get("valueText").asString()).isEqualTo(valueWhenCited);
        assertThat(councillorCitation.get("moved").isNull()).isTrue();

        // Shared with the inspector, who reads DOCX and PDF; the reads are logged; another inspector-less LA user cannot.
        assertThat(get("/local-authorities/80450/self-evaluations/2027/self-evaluation.pdf", "inspector").statusCode()).isEqualTo(403);
        Http.Response share = http.post(BASE + "/2027/shares", "{\"inspector\": \"inspector\", \"expiresOn\": \""
                + LocalDate.now().plusDays(30) + "\"}", "col.manager");
        assertThat(share.status()).as(share.body()).isEqualTo(201);
        assertThat(http.post(BASE + "/2027/shares", "{\"inspector\": \"col.staff\", \"expiresOn\": \"" + LocalDate.now().plusDays(30) + "\"}",
                "col.manager").status()).isEqualTo(400);
        HttpResponse<byte[]> docx = get("/local-authorities/80450/self-evaluations/2027/self-evaluation.docx", "inspector");
        assertThat(docx.statusCode()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            assertThat(doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText))
                    .contains("1. The impact of leaders on social work practice with children and families",
                            "4. The experiences and progress of care leavers");
            assertThat(doc.getTables().getFirst().getText()).contains(MEASURE).contains(valueWhenCited);
        }
        HttpResponse<byte[]> pdf = get("/local-authorities/80450/self-evaluations/2027/self-evaluation.pdf", "inspector");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("The experiences and progress of children who need help and protection").contains(MEASURE)
                    .contains("Signed off by Helen Carter");
        }
        assertThat(get("/local-authorities/80450/self-evaluations/2025/self-evaluation.pdf", "inspector").statusCode()).isEqualTo(403);
        assertThat(get("/local-authorities/80514/self-evaluations/2027/self-evaluation.html", "inspector").statusCode()).isIn(403, 404);
        assertThat(get("/local-authorities/80450/self-evaluations/2027/self-evaluation.html", "southwark.manager").statusCode()).isIn(403, 404);
        assertThat(http.get(BASE + "/2027", "col.manager").json().get("history").toString())
                .contains("Shared read-only with the inspector inspector").contains("Read by the inspector Ian Inspector (Ofsted) (DOCX)")
                .contains("(PDF)");
    }

    @Test
    void complianceFiguresAreOfferedAndCitedAsTheyStandAndSignOffNeedsADirector() {
        org.oversight.compliance.ComplianceFixtures.southwark(jdbc);
        String base = "/api/v1/local-authorities/80514/self-evaluations";
        assertThat(http.post(base, "{\"year\": 2024}", "southwark.manager").status()).isEqualTo(201);
        JsonNode inTouch = null;
        for (JsonNode e : http.get(base + "/2024/sections/care-leavers/evidence", "southwark.manager").json()) {
            if (e.get("key").asString().equals("compliance:CARE_LEAVERS_IN_TOUCH")) {
                inTouch = e;
            }
        }
        assertThat(inTouch).as("Southwark's keeping-in-touch figure is offered for care leavers").isNotNull();
        assertThat(inTouch.get("valueText").asString()).endsWith("%");
        assertThat(inTouch.get("source").asString()).contains("SSDA903");
        Http.Response cited = http.post(base + "/2024/sections/care-leavers/citations", "{\"evidenceKey\": \"compliance:CARE_LEAVERS_IN_TOUCH\"}",
                "southwark.manager");
        assertThat(cited.status()).as(cited.body()).isEqualTo(201);
        assertThat(cited.json().get("valueText").asString()).isEqualTo(inTouch.get("valueText").asString());
        assertThat(cited.json().get("asOf").asString()).isEqualTo(inTouch.get("asOf").asString());
        // City of London's staff cannot cite it into their own self-evaluation either: it is not their evidence.
        assertThat(http.get(base + "/2024/sections/care-leavers/evidence", "col.manager").status()).isIn(403, 404);
        Http.Response signOff = http.post(base + "/2024/sign-off", "{}", "southwark.manager");
        assertThat(signOff.status()).isEqualTo(403);
        assertThat(signOff.json().get("detail").asString()).contains("director of children's services").contains("nobody yet");
    }

    @Test
    void aCitedFiguresTrendAndComparisonsAreFrozenWithItAndAnotherLaSeesNoneOfIt() {
        UUID southwark = org.oversight.compliance.ComplianceFixtures.southwark(jdbc);
        // An earlier year's return, in which Southwark was not in touch with its one care leaver: 0% at 31 March 2023.
        UUID earlier = TenantScope.asSystem(() -> {
            UUID snap = jdbc.sql("""
                    INSERT INTO import_snapshot (la_id, collection_year, source, imported_by, imported_at, rows_accepted, rows_rejected)
                    VALUES (?, '2022-23', 'test fixture', 'test', now(), 2, 0) RETURNING id""").param(southwark).query(UUID.class).single();
            jdbc.sql("INSERT INTO child (snapshot_id, la_id, child_ref, dob) VALUES (?, ?, 'C3', DATE '2005-02-01')").params(snap, southwark).update();
            jdbc.sql("INSERT INTO care_leaver (snapshot_id, la_id, child_ref, in_touch, activity, accommodation) VALUES (?, ?, 'C3', 'NO', 'F2', 'S')")
                    .params(snap, southwark).update();
            return snap;
        });
        String base = "/api/v1/local-authorities/80514/self-evaluations";
        String section = base + "/2023/sections/care-leavers";
        try {
            assertThat(http.post(base, "{\"year\": 2023}", "southwark.manager").status()).isEqualTo(201);
            JsonNode inTouch = evidence(section, "compliance:CARE_LEAVERS_IN_TOUCH");
            assertThat(inTouch.get("valueText").asString()).isEqualTo("100%");
            assertThat(inTouch.get("trend")).hasSize(1);
            assertThat(inTouch.get("trend").get(0).get("asOf").asString()).isEqualTo("2023-03-31");
            assertThat(inTouch.get("trend").get(0).get("value").decimalValue()).isEqualByComparingTo("0");
            assertThat(inTouch.get("trendText").asString()).isEqualTo("up 100 points since 31 March 2023, better");
            assertThat(inTouch.get("benchmarks").toString()).contains("Statistical neighbours").contains("England").contains("Not held");

            Http.Response cited = http.post(section + "/citations", "{\"evidenceKey\": \"compliance:CARE_LEAVERS_IN_TOUCH\"}", "southwark.manager");
            assertThat(cited.status()).as(cited.body()).isEqualTo(201);
            assertThat(cited.json().get("trendText").asString()).isEqualTo("up 100 points since 31 March 2023, better");
            assertThat(cited.json().get("trend").get(0).get("value").decimalValue()).isEqualByComparingTo("0");
            assertThat(cited.json().get("benchmarks")).hasSize(2);
            // The page shows the trend in words beside the figure offered and the one cited.
            String page = http.get("/local-authorities/80514/self-evaluations/2023/sections/care-leavers", "southwark.manager").body();
            assertThat(page).contains("up 100 points since 31 March 2023, better").contains("31 March 2023: 0%").contains("Not held");

            // Another LA's users see nothing of it: not the section, its evidence, citations or documents.
            for (String path : new String[] {section, section + "/evidence", section + "/citations", base + "/2023", base + "/2023/check"}) {
                assertThat(http.get(path, "col.manager").status()).as(path).isIn(403, 404);
            }
            for (String path : new String[] {"/local-authorities/80514/self-evaluations/2023/sections/care-leavers",
                    "/local-authorities/80514/self-evaluations/2023/self-evaluation.docx", "/local-authorities/80514/self-evaluations/2023"}) {
                Http.Response r = http.get(path, "col.manager");
                assertThat(r.status()).as(path).isIn(403, 404);
                assertThat(r.body()).doesNotContain("up 100 points");
            }
        } finally {
            removeSnapshot(earlier);
        }
        // The earlier return is gone: today's figure has no trend, the citation keeps the one it had.
        assertThat(evidence(section, "compliance:CARE_LEAVERS_IN_TOUCH").get("trendText").asString()).isEqualTo("No earlier figure held");
        JsonNode kept = http.get(section + "/citations", "southwark.manager").json().get(0).get("citation");
        assertThat(kept.get("trendText").asString()).isEqualTo("up 100 points since 31 March 2023, better");
        assertThat(kept.get("trend").get(0).get("asOf").asString()).isEqualTo("2023-03-31");
        // And the database refuses to change a frozen trend.
        assertThatThrownBy(() -> TenantScope.asSystem(() -> jdbc.sql("""
                UPDATE self_evaluation_citation SET trend_text = 'down 5 points' WHERE evidence_key = 'compliance:CARE_LEAVERS_IN_TOUCH'
                   AND la_id = ?""").param(southwark).update())).hasMessageContaining("cannot change");
    }

    @Test
    void theDocxChartsEachCitedFiguresTrendWithTheNumbersTheSectionPageShows() throws Exception {
        // The demo's 2025 self-evaluation cites three figures, each with the two years before kept.
        HttpResponse<byte[]> docx = get("/local-authorities/80450/self-evaluations/2025/self-evaluation.docx", "col.councillor");
        assertThat(docx.statusCode()).isEqualTo(200);
        java.util.Map<String, List<String>> charted = new java.util.LinkedHashMap<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            assertThat(doc.getCharts()).hasSize(3);
            for (var chart : doc.getCharts()) {
                var series = chart.getChartSeries().getFirst().getSeries(0);
                List<String> points = new java.util.ArrayList<>();
                for (int i = 0; i < series.getValuesData().getPointCount(); i++) {
                    points.add(series.getCategoryData().getPointAt(i) + ": "
                            + new java.math.BigDecimal(series.getValuesData().getPointAt(i).toString()).stripTrailingZeros().toPlainString() + "%");
                }
                charted.put(chart.getFormattedTitle().getParagraph(0).getText(), points);
            }
        }
        // The section pages show the same figures, as cited: the earlier ones in the trend cell, today's in the value cell.
        int compared = 0;
        for (String area : new String[] {"in-care", "care-leavers"}) {
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(http.get("/local-authorities/80450/self-evaluations/2025/sections/" + area,
                    "col.staff").body());
            for (org.jsoup.nodes.Element row : page.select("#citation-table tbody tr")) {
                String label = row.select("td").get(0).selectFirst("span").text();
                List<String> earlier = row.select("td.app-cited-trend span").eachText().stream().filter(t -> t.matches("\\d{1,2} \\w+ \\d{4}: .*%"))
                        .toList();
                String asOf = row.select("td").get(2).text();
                String value = new java.math.BigDecimal(row.select("td").get(1).selectFirst("span").text().replace("%", "")).stripTrailingZeros()
                        .toPlainString() + "%";
                List<String> page_ = new java.util.ArrayList<>(earlier.reversed());
                page_.add(asOf + ": " + value);
                assertThat(charted.get(label)).as(label).containsExactlyElementsOf(page_);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(3);
        assertThat(charted.get("Children in care with every review on time"))
                .containsExactly("31 March 2023: 79%", "31 March 2024: 82%", "31 March 2025: 86%");
    }

    @Autowired
    org.oversight.childdata.journey.ChildJourneys journeys;

    @Test
    void aFrontDoorTrendReadsEarlierYearsImportsNewestFirstNeverTheCurrentYearOrASupersededImport() {
        UUID southwark = TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM local_authority WHERE urn = 80514").query(UUID.class).single());
        List<UUID> made = TenantScope.asSystem(() -> {
            List<UUID> ids = new java.util.ArrayList<>();
            for (String[] row : new String[][] {{"2019-20", "2020-03-31", null}, {"2020-21", "2021-03-31", "superseded"}, {"2020-21", "2021-03-31", null},
                    {"2021-22", "2022-03-31", null}}) {
                ids.add(jdbc.sql("""
                        INSERT INTO import_snapshot (la_id, collection_year, source, imported_by, imported_at, rows_accepted, rows_rejected, kind,
                                                     as_at, superseded_at)
                        VALUES (?, ?, 'test fixture', 'test', now(), 0, 0, 'SSD', CAST(? AS date), CASE WHEN ? THEN now() END) RETURNING id""")
                        .params(southwark, row[0], row[1], row[2] != null).query(UUID.class).single());
            }
            return ids;
        });
        try {
            List<org.oversight.childdata.journey.ChildJourneys.JourneySnapshot> earlier = TenantScope.asSystem(() -> journeys.earlier(southwark));
            // The current year is 2021-22 (or a later one another test left); the earlier ones come newest first, each once.
            List<String> years = earlier.stream().map(org.oversight.childdata.journey.ChildJourneys.JourneySnapshot::collectionYear).toList();
            assertThat(years).containsSubsequence("2020-21", "2019-20").doesNotHaveDuplicates();
            assertThat(earlier.stream().map(org.oversight.childdata.journey.ChildJourneys.JourneySnapshot::id)).doesNotContain(made.get(1));
            assertThat(earlier.stream().filter(j -> j.collectionYear().equals("2020-21")).findFirst().orElseThrow().id()).isEqualTo(made.get(2));
        } finally {
            TenantScope.asSystem(() -> jdbc.sql("DELETE FROM import_snapshot WHERE id = ANY(?)").param(made.toArray(UUID[]::new)).update());
        }
    }

    private JsonNode evidence(String section, String key) {
        for (JsonNode e : http.get(section + "/evidence", "southwark.manager").json()) {
            if (e.get("key").asString().equals(key)) {
                return e;
            }
        }
        throw new AssertionError(key + " is not offered");
    }

    private void removeSnapshot(UUID snapshot) {
        TenantScope.asSystem(() -> {
            jdbc.sql("DELETE FROM compliance_figures WHERE snapshot_id = ?").param(snapshot).update();
            jdbc.sql("DELETE FROM care_leaver WHERE snapshot_id = ?").param(snapshot).update();
            jdbc.sql("DELETE FROM child WHERE snapshot_id = ?").param(snapshot).update();
            return jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(snapshot).update();
        });
    }

    @Test
    void aCitedFigureIsFrozenInTheDatabaseItself() {
        UUID citation = TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM self_evaluation_citation LIMIT 1").query(UUID.class).single());
        assertThatThrownBy(() -> TenantScope.asSystem(() -> jdbc.sql("UPDATE self_evaluation_citation SET value_text = '99%' WHERE id = ?")
                .param(citation).update())).hasMessageContaining("cannot change");
        assertThatThrownBy(() -> TenantScope.asSystem(() -> jdbc.sql("DELETE FROM self_evaluation_citation WHERE id = ?").param(citation).update()))
                .hasMessageContaining("withdraw the citation instead");
        // Withdrawing keeps the row.
        assertThat(TenantScope.asSystem(() -> jdbc.sql("UPDATE self_evaluation_citation SET withdrawn_at = now(), withdrawn_by = 'test' "
                + "WHERE id = ? AND withdrawn_at IS NULL").param(citation).update())).isEqualTo(1);
    }

    @Test
    void pagesFollowTheSameRules() {
        String list = "/local-authorities/80450/self-evaluations";
        assertThat(http.get(list, "col.councillor").status()).isEqualTo(200);
        assertThat(http.get(list, "col.councillor").body()).contains("2025").doesNotContain("id=\"start-form\"");
        assertThat(http.get(list, "col.manager").body()).contains("id=\"start-form\"");
        assertThat(http.get(list).status()).isEqualTo(302);
        assertThat(http.get(list, "southwark.manager").status()).isIn(403, 404);
        assertThat(http.get(list, "analyst").status()).isEqualTo(403);
        assertThat(http.get(list, "admin").status()).isEqualTo(403);
        assertThat(http.get(list, "inspector").status()).isEqualTo(403);
        assertThat(http.get(list + "/2025", "col.councillor").status()).isEqualTo(200);
        assertThat(http.get(list + "/2025/sections/care-leavers", "col.staff").status()).isEqualTo(200);
        assertThat(http.get(list + "/2025/sections/care-leavers", "col.councillor").status()).isEqualTo(403);
        assertThat(http.get(list + "/2025/sections/care-leavers", "southwark.manager").status()).isIn(403, 404);
        assertThat(http.get(list + "/2025/sections/nowhere", "col.staff").status()).isEqualTo(404);
        assertThat(http.get(list + "/2025/meeting", "col.councillor").status()).isEqualTo(200);
        assertThat(http.get(list + "/2025/meeting", "southwark.manager").status()).isIn(403, 404);
        assertThat(http.get(list + "/2025/self-evaluation.html", "col.councillor").body()).contains("Signed off by Helen Carter");
        assertThat(http.get(list + "/2025/self-evaluation.html", "analyst").status()).isEqualTo(403);
        assertThat(http.get(list + "/2025/self-evaluation.txt", "col.councillor").status()).isEqualTo(404);
    }

    @Test
    void onlyAnAdministratorNamesTheDirectorAndOnlyAManager() {
        String path = "/api/v1/local-authorities/80450/director";
        assertThat(http.put(path, "{\"username\": \"col.manager\"}", "col.manager").status()).isEqualTo(403);
        Http.Response notManager = http.put(path, "{\"username\": \"col.staff\"}", "admin");
        assertThat(notManager.status()).isEqualTo(400);
        assertThat(http.put(path, "{\"username\": \"col.director\"}", "admin").status()).isEqualTo(204);
    }

    private int actionVersion(String actionId) {
        for (JsonNode plan : http.get("/api/v1/local-authorities/80450/plans", "col.manager").json()) {
            JsonNode full = http.get("/api/v1/plans/" + plan.get("id").asString(), "col.manager").json();
            for (JsonNode item : full.get("items")) {
                for (JsonNode a : item.get("actions")) {
                    if (a.get("id").asString().equals(actionId)) {
                        return a.get("version").asInt();
                    }
                }
            }
        }
        throw new AssertionError("action " + actionId + " not found");
    }

    private static JsonNode section(JsonNode se, String area) {
        for (JsonNode s : se.get("sections")) {
            if (s.get("area").asString().equals(area)) {
                return s;
            }
        }
        throw new AssertionError("no section " + area);
    }

    private static String json(int version, String know) {
        return "{\"version\": " + version + ", \"know\": \"" + know.replace("\"", "\\\"") + "\", \"how\": \"The figures cited.\", "
                + "\"plans\": \"Keep auditing monthly.\"}";
    }

    private HttpResponse<byte[]> get(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
