package org.oversight.inspection.web;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.JudgementEra;
import org.oversight.shared.web.FormErrors;
import org.oversight.support.ViewFixtures;
import org.oversight.support.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** The activity form, as first shown and with errors, without a server or browser. */
class ActivityViewsTest {

    private static Map<String, Object> formModel(ActivityForm form, FormErrors errors) {
        Map<String, Object> model = Views.model("/local-authorities/80450/activities/new");
        model.put("la", ViewFixtures.city());
        model.put("form", form);
        model.put("existing", null);
        model.put("activityTypes", ActivityType.values());
        model.put("areas", JudgementArea.values());
        model.put("grades", Grade.values());
        model.put("eras", JudgementEra.values());
        model.put("errors", errors);
        model.put("errorList", errors.ordered(ActivityForm.FIELD_ORDER));
        return model;
    }

    @Test
    void theNewActivityFormOffersEveryTypeWithItsHintAndEveryJudgementUngraded() {
        Document page = Views.check("activity/form", formModel(new ActivityForm(), FormErrors.none()), false);
        assertThat(page.select("input[name=type]")).hasSize(ActivityType.values().length);
        assertThat(page.getElementById("type").attr("aria-describedby")).isEqualTo("type-STANDARD_INSPECTION-hint");
        assertThat(page.getElementById("type-FOCUSED_VISIT-hint").text()).isEqualTo(Views.message("activity.type.FOCUSED_VISIT.hint"));
        assertThat(page.select("input[name='judgements[OVERALL]'][checked]")).extracting(e -> e.attr("value")).containsExactly("");
        assertThat(page.getElementById("judgement-OVERALL-GOOD")).isNotNull();
    }

    @Test
    void errorsAreSummarisedAndEachLinksToItsField() {
        FormErrors errors = new FormErrors();
        errors.add("type", "Select the kind of activity");
        errors.add("notificationDate-day", "Date of notification must be a real date");
        errors.add("judgement-OVERALL", "Overall effectiveness is not graded in this framework");
        errors.add("summary", "The summary is too long");
        Document page = Views.check("activity/form", formModel(new ActivityForm(), errors), true);
        assertThat(page.select(".govuk-error-summary a")).extracting(e -> e.attr("href"))
                .containsExactly("#type", "#notificationDate-day", "#judgement-OVERALL", "#summary");
        assertThat(page.getElementById("summary").hasClass("govuk-textarea--error")).isTrue();
        assertThat(page.getElementById("type-error").text()).isEqualTo("Error: Select the kind of activity");
    }
}
