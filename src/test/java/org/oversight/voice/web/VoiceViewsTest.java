package org.oversight.voice.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.compliance.ChildSummaries.ChildSummary;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.shared.web.FormErrors;
import org.oversight.support.ViewFixtures;
import org.oversight.support.Views;
import org.oversight.voice.FeedbackTheme;
import org.oversight.voice.PlanSection;
import org.oversight.voice.VoiceSignIn;
import org.oversight.voice.VoiceViews;
import org.oversight.voice.YoungPersonPrincipal;

import static org.assertj.core.api.Assertions.assertThat;

/** The young person's portal (the one layout with its own header) and their worker's pages. */
class VoiceViewsTest {

    private static final Instant AT = Instant.parse("2026-11-02T17:32:00Z");
    private static final YoungPersonPrincipal JAY = new YoungPersonPrincipal(UUID.randomUUID(), ViewFixtures.CITY_ID, "C3", Cohort.CARE_LEAVER,
            "Jay", "otter-1234");
    private static final ChildSummary C3 = new ChildSummary(ViewFixtures.CITY_ID, "C3", Cohort.CARE_LEAVER, 19, "Leaving Care Team 1", "PA 1",
            LocalDate.of(2027, 1, 10), 0, List.of(), LocalDate.of(2026, 10, 31));

    private static Map<String, Object> portal(String path) {
        Map<String, Object> model = Views.model(path);
        model.put("signedInAs", null);
        model.put("me", JAY);
        return model;
    }

    private static VoiceViews.MyRecord record() {
        VoiceViews.Words words = new VoiceViews.Words(UUID.randomUUID(), PlanSection.ACCOMMODATION, "I like my flat", AT);
        List<VoiceViews.SectionView> sections = PlanSection.of(Cohort.CARE_LEAVER).stream()
                .map(s -> new VoiceViews.SectionView(s, s == PlanSection.ACCOMMODATION ? "A supported flat" : "",
                        s == PlanSection.ACCOMMODATION ? List.of(words) : List.of())).toList();
        return new VoiceViews.MyRecord("Jay", Cohort.CARE_LEAVER, LocalDate.of(2027, 1, 10), sections, List.of());
    }

    @Test
    void thePortalHasItsOwnHeaderAndFooterInTheOneLayout() {
        Map<String, Object> model = portal("/my");
        model.put("record", record());
        model.put("saved", "voice.saved.words");
        Document home = Views.check("voice/home", model, false);
        assertThat(home.select("header .govuk-header__logotype-text").text()).isEqualTo(Views.message("voice.service"));
        assertThat(home.select("header a").attr("href")).isEqualTo("/my");
        assertThat(home.select(".govuk-service-navigation")).as("no staff navigation").isEmpty();
        assertThat(home.select("form[action='/my/sign-out'] button")).hasSize(1);
        assertThat(home.select("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
        assertThat(home.select("footer").text()).contains("Childline").doesNotContain(Views.message("footer.api"));
        assertThat(home.getElementById("saved").text()).contains(Views.message("voice.saved.words"));
        assertThat(home.getElementById("section-accommodation").text()).contains("A supported flat").contains("I like my flat");
    }

    @Test
    void startingWithACodeAndSigningInNameTheirFields() {
        Map<String, Object> model = portal("/my/start");
        model.put("me", null);
        Views.check("voice/start", model, false);
        FormErrors errors = new FormErrors();
        errors.add("code", Views.message("voice.refused.UNKNOWN_CODE"));
        errors.add("confirm", Views.message("voice.refused.PASSWORDS_DIFFER"));
        errors.show(new org.springframework.ui.ExtendedModelMap(), List.of());
        model.put("errors", errors);
        model.put("errorList", errors.ordered(List.of("code", "password", "confirm")));
        model.put("code", "ABCD-EFGH");
        Document start = Views.check("voice/start", model, true);
        assertThat(start.getElementById("code").attr("value")).isEqualTo("ABCD-EFGH");
        assertThat(start.getElementById("code").attr("autocapitalize")).isEqualTo("characters");
        assertThat(start.getElementById("password").attr("type")).isEqualTo("password");

        Map<String, Object> signIn = portal("/my/sign-in");
        signIn.put("me", null);
        signIn.put("name", "otter-1234");
        Document page = Views.check("voice/sign-in", signIn, Map.of("signedOut", ""), false);
        assertThat(page.getElementById("signed-out").text()).contains(Views.message("voice.signedOut"));
        assertThat(page.getElementById("name").attr("autocomplete")).isEqualTo("username");

        Map<String, Object> welcome = portal("/my/welcome");
        welcome.put("newSignInName", "otter-1234");
        assertThat(Views.check("voice/welcome", welcome, false).getElementById("sign-in-name").text()).isEqualTo("otter-1234");
    }

    @Test
    void aSectionTheirFeedbackAndTheSafetyPageKeepThePageRules() {
        Map<String, Object> model = portal("/my/plan/accommodation");
        model.put("section", PlanSection.ACCOMMODATION);
        model.put("view", record().section(PlanSection.ACCOMMODATION).orElseThrow());
        model.put("words", "");
        Views.check("voice/section", model, false);
        FormErrors errors = FormErrors.one("words", "Write your words in the box");
        model.put("errors", errors);
        model.put("errorList", errors.ordered(List.of("words")));
        assertThat(Views.check("voice/section", model, true).getElementById("words").attr("aria-describedby")).isEqualTo("words-hint words-error");

        Map<String, Object> feedback = portal("/my/feedback");
        feedback.put("themes", FeedbackTheme.RATED);
        feedback.put("form", Map.of("LISTENED", "4"));
        FormErrors bad = FormErrors.one("HELP", "Choose a number from 1 to 5");
        feedback.put("errors", bad);
        feedback.put("errorList", bad.ordered(List.of("LISTENED", "HELP", "PLAN", "CONTACT", "comment")));
        Document page = Views.check("voice/feedback", feedback, true);
        assertThat(page.select("input[name=LISTENED][checked]").attr("value")).isEqualTo("4");
        assertThat(page.select("label[for='LISTENED-4']")).hasSize(1);

        Map<String, Object> safe = portal("/my/safe");
        safe.put("alertAt", null);
        safe.put("hours", new org.oversight.voice.OfficeHours.Now(false, java.time.ZonedDateTime.parse("2026-12-07T09:00:00Z[Europe/London]"),
                java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0)));
        safe.put("outOfHoursPhone", "020 7946 0000");
        safe.put("outOfHoursTel", "tel:02079460000");
        Document safePage = Views.check("voice/safe", safe, false);
        assertThat(safePage.getElementById("call-999").attr("href")).isEqualTo("tel:999");
        assertThat(safePage.getElementById("call-childline").attr("href")).isEqualTo("tel:08001111");
        assertThat(safePage.getElementById("call-out-of-hours").attr("href")).isEqualTo("tel:02079460000");
        assertThat(safePage.getElementById("out-of-hours").text()).contains("Monday 7 December at 9am");
        safe.put("alertAt", AT);
        safe.put("wordsAdded", false);
        safe.put("latest", new VoiceViews.Alert(UUID.randomUUID(), "C3", "Jay", null, AT, null, null, null, null, null, null));
        Document sent = Views.check("voice/safe", safe, false);
        assertThat(sent.select("h1").text()).isEqualTo(Views.message("voice.safe.sent"));
        assertThat(sent.getElementById("alert-status").text()).contains("has not seen it yet");
        safe.put("wordsAdded", true);
        assertThat(Views.check("voice/safe", safe, false).select("h1").text()).isEqualTo(Views.message("voice.safe.added"));

        Map<String, Object> problem = portal("/my/plan/nothing");
        problem.put("problemTitle", "voice.problem.notFound");
        problem.put("detail", "Your plan has no part with that name");
        Views.check("voice/problem", problem, false);
    }

    @Test
    void theWorkersPagesShowTheYoungPersonsWordsAndTheirAlerts() {
        Map<String, Object> list = Views.model("/local-authorities/80450/young-people");
        list.put("la", ViewFixtures.city());
        list.put("children", List.of(C3));
        list.put("invited", Map.of("C3", "Jay"));
        list.put("openAlerts", 1L);
        list.put("canManage", true);
        Views.check("voice/worker-list", list, false);

        VoiceViews.Alert alert = new VoiceViews.Alert(UUID.randomUUID(), "C3", "Jay", "I am scared", AT, "Leaving Care Team 1", "PA 1", null, null,
                null, AT.plusSeconds(120));
        VoiceViews.WorkerView view = new VoiceViews.WorkerView(C3, Optional.empty(), Optional.of(new VoiceViews.Invitation("Jay", "col.staff",
                AT, AT.plusSeconds(86_400 * 14), null, true)), record().sections(), List.of(),
                List.of(new VoiceViews.Feedback(FeedbackTheme.LISTENED, 4, null, AT)), List.of(alert));
        Map<String, Object> person = Views.model("/local-authorities/80450/young-people/C3");
        person.put("la", ViewFixtures.city());
        person.put("view", view);
        person.put("invitationDays", 14);
        person.put("themes", FeedbackTheme.RATED);
        person.put("issuedCode", new VoiceSignIn.IssuedCode("ABCD-EFGH-JKLM", AT.plusSeconds(86_400 * 14)));
        Document page = Views.check("voice/worker-person", person, false);
        assertThat(page.getElementById("portal-state").text()).contains("Jay");
        assertThat(page.getElementById("issued-code").text()).isEqualTo("ABCD-EFGH-JKLM");
        assertThat(page.getElementById("summary-accommodation").text()).isEqualTo("A supported flat");

        Map<String, Object> alerts = Views.model("/local-authorities/80450/safety-alerts");
        alerts.put("la", ViewFixtures.city());
        alerts.put("alerts", List.of(alert));
        Document alertsPage = Views.check("voice/alerts", alerts, false);
        assertThat(alertsPage.select("#alert-" + alert.id() + " textarea[name=action]").attr("id")).isEqualTo("action-" + alert.id());
        assertThat(alertsPage.select("label[for=action-" + alert.id() + "]").text()).isEqualTo(Views.message("voice.alerts.actionLabel"));
        assertThat(alertsPage.select("#alert-" + alert.id() + " .govuk-summary-list__key").eachText()).contains(Views.message("voice.alerts.wordsAdded"));
        FormErrors missing = FormErrors.one("action-" + alert.id(), Views.message("voice.error.action"));
        alerts.put("errors", missing);
        alerts.put("errorList", missing.ordered(List.of("action-" + alert.id())));
        Document refused = Views.check("voice/alerts", alerts, true);
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#action-" + alert.id());

        Map<String, Object> views = Views.model("/local-authorities/80450/young-peoples-views");
        views.put("la", ViewFixtures.city());
        views.put("sections", PlanSection.values());
        views.put("views", new VoiceViews.Views(3, List.of(new VoiceViews.Theme("ACCOMMODATION", false, 2, null, List.of("I like my flat"))),
                List.of(new VoiceViews.Theme("LISTENED", true, 3, 4.3, List.of())), List.of("Thanks"), true));
        Document byTheme = Views.check("voice/views", views, false);
        assertThat(byTheme.select("#ratings th.govuk-table__header--numeric")).hasSize(2);
    }
}
