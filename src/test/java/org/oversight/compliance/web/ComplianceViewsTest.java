package org.oversight.compliance.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.access.Purpose;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Snapshot;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.compliance.ComplianceService;
import org.oversight.compliance.domain.Compliance;
import org.oversight.compliance.domain.Interval;
import org.oversight.compliance.domain.TimescaleRule;
import org.oversight.compliance.domain.TimescaleRules;
import org.oversight.compliance.persistence.RuleSettingsRepository;
import org.oversight.shared.web.ChartBar;
import org.oversight.shared.web.FormErrors;
import org.oversight.support.ViewFixtures;
import org.oversight.support.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** The compliance dashboard, a team, a child's record and the question before it, the national figures and the rules. */
class ComplianceViewsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    private static final Snapshot SNAPSHOT = new Snapshot(UUID.randomUUID(), ViewFixtures.CITY_ID, "2026-27", AS_OF,
            Timestamp.from(Instant.parse("2026-11-01T09:00:00Z")));

    private static ComplianceService.ChildRecord child(String ref, long overdueDays) {
        Map<String, Compliance> rules = new LinkedHashMap<>();
        LocalDate due = overdueDays > 0 ? AS_OF.minusDays(overdueDays) : AS_OF.plusDays(20);
        rules.put("CLA-REVIEW", new Compliance("CLA-REVIEW", List.of(new Compliance.Due(LocalDate.of(2026, 5, 1), "first review", LocalDate.of(2026, 5, 3))),
                due, "next review: 6 months after the review of 03/05/2026", AS_OF));
        return new ComplianceService.ChildRecord(ref, Cohort.CHILD_IN_CARE, 12, "Children in Care Team 1", "Social worker 1-1",
                LocalDate.of(2026, 4, 1), rules, List.of("CLA-PEP"));
    }

    private static ComplianceService.Dashboard dashboard() {
        return new ComplianceService.Dashboard(SNAPSHOT, null, List.of(child("A1", 5), child("B2", 0)), List.of());
    }

    private static Map<String, Object> model(String path) {
        Map<String, Object> model = Views.model(path);
        model.put("la", ViewFixtures.city());
        return model;
    }

    @Test
    void theDashboardShowsEachTimescaleAndTeamAndTheChildrenOutOfTimescale() {
        Map<String, Object> model = model("/local-authorities/80450/compliance");
        model.put("dashboard", org.oversight.compliance.ComplianceFigures.figures(dashboard(), true));
        model.put("trend", List.of(new ComplianceService.TrendPoint("2026-27", SNAPSHOT.importedAt(), AS_OF, true, 2, 50),
                new ComplianceService.TrendPoint("2025-26", SNAPSHOT.importedAt(), AS_OF.minusYears(1), false, 3, 67)));
        model.put("canEdit", true);
        model.put("canManage", true);
        model.put("ruleBars", List.of(new ChartBar("Reviews", 50)));
        model.put("teamBars", List.of(new ChartBar("Children in Care Team 1", 50)));
        Document page = Views.check("compliance/dashboard", model, false);
        assertThat(page.select("#rule-table thead th.govuk-table__header--numeric")).hasSize(4);
        assertThat(page.select("#children-table .govuk-tag--red").text()).isEqualTo(Views.message("compliance.overdue", 5));
        assertThat(page.select("#trend-table tbody tr")).hasSize(2);
    }

    @Test
    void aTeamAndAChildsRecordKeepThePageRules() {
        var d = dashboard();
        Map<String, Object> team = model("/local-authorities/80450/compliance/teams/x");
        team.put("team", new ComplianceService.Team("Children in Care Team 1", List.of(new ComplianceService.GroupFigure("Social worker 1-1", 2, 1, 1)),
                d.children(), d.figures()));
        Document teamPage = Views.check("compliance/team", team, false);
        assertThat(teamPage.select(".govuk-tag--red").text()).isEqualTo(Views.message("compliance.overdue", 5));
        assertThat(teamPage.select(".govuk-tag--yellow").text()).as("held late").isEqualTo(Views.message("compliance.late", 1));

        Map<String, Object> child = model("/local-authorities/80450/children/A1");
        child.put("child", child("A1", 5));
        child.put("purpose", Purpose.DIRECT_WORK);
        child.put("unknownNames", List.of("Personal education plans"));
        child.put("chronology", new org.oversight.compliance.protection.HelpAndProtection.ChildChronology("A1", List.of(
                new org.oversight.compliance.protection.HelpAndProtection.Line(LocalDate.of(2026, 4, 1),
                        "Started to be looked after (legal status: C2 (full care order))", "SSDA903 return 2026-27")), false, true));
        Document record = Views.check("compliance/child", child, false);
        assertThat(record.select("#journey-table tbody tr td").eachText())
                .containsExactly("1 April 2026", "Started to be looked after (legal status: C2 (full care order))", "SSDA903 return 2026-27");
        assertThat(record.getElementById("help-not-held")).as("the help-and-protection part is said not held").isNotNull();
        assertThat(record.getElementById("care-not-held")).isNull();
        assertThat(record.select("#journey-csv").attr("href")).isEqualTo("/local-authorities/80450/children/A1/journey.csv?purpose=DIRECT_WORK");
        assertThat(record.getElementById("child-team").text()).isEqualTo("Children in Care Team 1");
        assertThat(record.getElementById("purpose-given").text()).contains(Views.message("purpose.DIRECT_WORK"));
        assertThat(record.getElementById("journey-link")).as("no earlier journey in the data: no link").isNull();
        child.put("hasJourney", true);
        Document withJourney = Views.check("compliance/child", child, false);
        assertThat(withJourney.select("#journey-link a").attr("href")).isEqualTo("/local-authorities/80450/help-and-protection/children/A1");
    }

    @Test
    void theQuestionBeforeARecordIsThePagesHeadingAndItsErrorLinksToTheFirstReason() {
        Map<String, Object> model = model("/local-authorities/80450/children/A1");
        model.put("childRef", "A1");
        model.put("purposes", Purpose.values());
        Document asked = Views.check("compliance/purpose", model, false);
        assertThat(asked.select("legend h1").text()).isEqualTo(Views.message("purpose.title", "A1"));
        assertThat(asked.select("input[name=purpose]")).hasSize(Purpose.values().length);
        FormErrors errors = FormErrors.one("purpose", Views.message("purpose.error"));
        model.put("errors", errors);
        model.put("errorList", errors.ordered(List.of("purpose")));
        Document again = Views.check("compliance/purpose", model, true);
        assertThat(again.getElementById("purpose").attr("value")).isEqualTo(Purpose.DIRECT_WORK.name());
    }

    @Test
    void theNationalFiguresAndTheRulesKeepThePageRules() {
        Map<String, Object> national = Views.model("/compliance/national");
        national.put("figures", List.of(new ComplianceService.LaFigures(ViewFixtures.CITY_ID, "City of London", "London", "2026-27", AS_OF, 2, 1, 1, 1,
                new ComplianceService.RuleFigure("CLA-VISIT", 2, 1, 1, 0), new ComplianceService.RuleFigure("CLA-HEALTH", 2, 2, 0, 0))));
        national.put("regions", new TreeMap<>(Map.of("London", new long[] {2, 1, 1, 1})));
        national.put("england", new long[] {2, 1, 1, 1});
        Views.check("compliance/national", national, false);

        TimescaleRules rules = TimescaleRules.bundled();
        Map<String, Object> model = Views.model("/compliance/rules");
        model.put("rules", rules.all());
        model.put("history", List.of(new RuleSettingsRepository.Change("CLA-VISIT", "firstYear", new Interval(2, Interval.Unit.WEEKS),
                "A stricter local standard", "admin", Timestamp.from(Instant.parse("2026-11-01T09:00:00Z")))));
        model.put("admin", true);
        model.put("changed", "CLA-VISIT");
        var rulesPage = Views.check("compliance/rules", model, false);
        assertThat(rulesPage.getElementById("interval-changed").text()).contains(Views.message("rules.change.saved"));
        assertThat(rulesPage.getElementById("rule-history").text()).as("people's words, not the rule file's keys")
                .contains("Social work visits — In the placement's first year: 2 weeks").doesNotContain("firstYear");
        assertThat(rulesPage.getElementById("rule-HP-ICPC").text()).contains("Conference held: 15 working days").contains("Working Together");

        TimescaleRule visit = rules.get("CLA-VISIT");
        Map<String, Object> change = Views.model("/compliance/rules/CLA-VISIT/change");
        change.put("rule", visit);
        change.put("regime", "firstYear");
        change.put("amount", "0");
        change.put("unit", "WEEKS");
        change.put("reason", "");
        change.put("units", Interval.Unit.values());
        change.put("regimes", visit.intervals().keySet().stream().map(k -> new org.oversight.shared.web.Choice(k, k)).toList());
        FormErrors errors = new FormErrors();
        errors.add("amount", "The interval must be between 1 and 1000");
        errors.add("reason", "Say why the interval is changing");
        change.put("errors", errors);
        change.put("errorList", errors.ordered(List.of("regime", "amount", "unit", "reason")));
        Document form = Views.check("compliance/rule-change", change, true);
        assertThat(form.select("#unit option[selected]").attr("value")).isEqualTo("WEEKS");
        assertThat(form.getElementById("reason").hasClass("govuk-textarea--error")).isTrue();
    }
}
