package org.oversight.childdata.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.access.AccessLog;
import org.oversight.childdata.ChildImportJobs;
import org.oversight.childdata.ssda903.Severity;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.childdata.ssda903.rules.RuleOutcome;
import org.oversight.shared.upload.UploadLimits;
import org.oversight.shared.web.FormErrors;
import org.oversight.support.ViewFixtures;
import org.oversight.support.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** The child-data upload, an import's result and the access log, as first shown and with errors. */
class ChildDataViewsTest {

    private static Map<String, Object> model(String path) {
        Map<String, Object> model = Views.model(path);
        model.put("la", ViewFixtures.city());
        return model;
    }

    @Test
    void theUploadNamesAMissingFileOrYearOnItsField() {
        Map<String, Object> model = model("/local-authorities/80450/child-data");
        model.put("year", 2026);
        model.put("limits", UploadLimits.defaults());
        Document page = Views.check("childdata/upload", model, false);
        assertThat(page.getElementById("files").hasAttr("multiple")).isTrue();
        assertThat(page.getElementById("year").attr("inputmode")).isEqualTo("numeric");
        assertThat(page.select("input[name=mode][checked]").attr("value")).isEqualTo("reject");
        assertThat(page.getElementById("mode-accept")).isNotNull();
        assertThat(page.getElementById("partial").attr("value")).isEqualTo("yes");
        assertThat(page.getElementById("files-hint").text()).contains("50 MB");
        FormErrors errors = FormErrors.one("files", Views.message("childdata.error.files"));
        model.put("errors", errors);
        model.put("errorList", errors.ordered(List.of("files", "year")));
        assertThat(Views.check("childdata/upload", model, true).getElementById("files").hasClass("govuk-file-upload--error")).isTrue();
    }

    @Test
    void aResultShowsEveryErrorWithItsPlaceAndEachRuleOutcome() {
        ValidationError error = new ValidationError("episodes.csv", 2, "DECOM", "31/02/2024", "OV-DATE", "Not a real date");
        List<RuleOutcome> rules = List.of(new RuleOutcome("101", Severity.ERROR, "Gender code is not valid.", true, null, 3),
                new RuleOutcome("164", Severity.QUERY, "Please check", true, null, 1),
                new RuleOutcome("102", Severity.ERROR, "Date of birth is not valid.", true, null, 0),
                new RuleOutcome("1008", Severity.ERROR, "Placement provider", false, "needs Ofsted's lists", 0));
        ChildImportJobs.Job job = new ChildImportJobs.Job(UUID.randomUUID(), ViewFixtures.CITY_ID, "col.staff", Instant.parse("2026-11-01T09:00:00Z"),
                "DONE", Instant.parse("2026-11-01T09:00:05Z"), false, 0, 10, 1L, List.of(error), null, null, false, false, null, null, rules, "SSDA903");
        Map<String, Object> model = model("/local-authorities/80450/child-data/jobs/x");
        model.put("job", job);
        model.put("shownErrors", job.errors());
        // Nothing stored: the page has errors, so its title starts "Error: " (its summary links to the table of errors, not to a field).
        Document page = Views.render("childdata/result", model);
        assertThat(page.title()).isEqualTo(Views.message("error.titlePrefix") + page.select("h1").text() + " - " + page.select("header .govuk-header__logotype-text").text());
        assertThat(page.getElementById("errors").select("tbody td").eachText()).containsSequence("episodes.csv", "2", "DECOM", "31/02/2024");
        assertThat(page.getElementById("import-not-stored")).isNotNull();
        assertThat(page.select("#rule-results tbody tr").eachAttr("data-rule")).containsExactly("101", "164");
        assertThat(page.select("#rule-results thead th").eachText()).hasSize(4);
        assertThat(page.select("#rules-not-checked tbody tr").eachAttr("data-rule")).containsExactly("1008");
        assertThat(page.getElementById("rules-not-checked").text()).contains("needs Ofsted's lists");
    }

    @Test
    void aStoredCensusOrExtractIsNotCalledAReturn() {
        for (String kind : List.of("SSDA903", "SSD", "CIN_CENSUS")) {
            ChildImportJobs.Job job = new ChildImportJobs.Job(UUID.randomUUID(), ViewFixtures.CITY_ID, "col.staff", Instant.parse("2026-11-01T09:00:00Z"),
                    "DONE", Instant.parse("2026-11-01T09:00:05Z"), true, 120, 0, 0L, List.of(), null, null, false, false, null, null, List.of(), kind);
            Map<String, Object> model = model("/local-authorities/80450/child-data/jobs/x");
            model.put("job", job);
            model.put("shownErrors", List.of());
            String title = Views.check("childdata/result", model, false).getElementById("import-stored").select("h2").text();
            assertThat(title).as(kind).isEqualTo(switch (kind) {
                case "SSD" -> "SSD extract stored";
                case "CIN_CENSUS" -> "CIN census stored";
                default -> "Return stored";
            });
        }
    }

    @Test
    void aJobStillRunningFollowsItsProgressAndShowsNoResultYet() {
        ChildImportJobs.Job job = new ChildImportJobs.Job(UUID.randomUUID(), ViewFixtures.CITY_ID, "col.staff", Instant.parse("2026-11-01T09:00:00Z"),
                "CHECKING", null, null, null, null, null, List.of(), null, null, false, false, null, null, List.of(), "SSDA903");
        Map<String, Object> model = model("/local-authorities/80450/child-data/jobs/x");
        model.put("job", job);
        model.put("shownErrors", List.of());
        Document page = Views.check("childdata/result", model, false);
        assertThat(page.getElementById("import-progress").attr("data-finished")).isEqualTo("false");
        assertThat(page.select("script[src$=/js/import-progress.js]")).as("the script that reloads the page when the job ends").hasSize(1);
        assertThat(page.getElementById("import-stored")).isNull();
        assertThat(page.getElementById("import-not-stored")).isNull();
        assertThat(page.getElementById("rules")).isNull();
    }

    @Test
    void theAccessLogShowsWhoSawWhatAndWhyAndNamesABadDate() {
        Map<String, Object> model = model("/local-authorities/80450/access-log");
        model.put("child", "B2");
        model.put("who", null);
        model.put("from", "31/02/2026");
        model.put("to", null);
        model.put("limit", AccessLog.LIMIT);
        model.put("entries", List.of(new AccessLog.Entry(Timestamp.from(Instant.parse("2026-11-01T09:00:00Z")), "col.manager", "B2",
                "compliance record", "DIRECT_WORK", "Rachel Green")));
        Document log = Views.check("compliance/access-log", model, false);
        assertThat(log.select("#access-log tbody td").get(1).text()).isEqualTo("Rachel Green col.manager");
        assertThat(log.select("#access-log td").eachText()).contains(Views.message("purpose.DIRECT_WORK"));
        assertThat(log.getElementById("subject-access")).isNotNull();
        FormErrors errors = FormErrors.one("from", "Enter a real date as dd/mm/yyyy, for example 01/04/2026");
        model.put("errors", errors);
        model.put("errorList", errors.ordered(List.of("child", "who", "from", "to")));
        model.put("entries", List.of());
        assertThat(Views.check("compliance/access-log", model, true).getElementById("from").attr("value")).isEqualTo("31/02/2026");
    }
}
