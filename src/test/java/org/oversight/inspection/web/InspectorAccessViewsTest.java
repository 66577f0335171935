package org.oversight.inspection.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.access.InspectorGrants;
import org.oversight.shared.web.Choice;
import org.oversight.shared.web.FormErrors;
import org.oversight.support.ViewFixtures;
import org.oversight.support.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** The inspector-access page: its grants, its two selects, its banner and its errors. */
class InspectorAccessViewsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static Map<String, Object> model(FormErrors errors, Object granted) {
        Map<String, Object> model = Views.model("/local-authorities/80450/inspector-access");
        model.put("la", ViewFixtures.city());
        model.put("grants", List.of(new InspectorGrants.Grant(UUID.randomUUID(), UUID.randomUUID(), "inspector", "Ian Inspector", TODAY,
                TODAY.plusDays(4), "col.manager", Timestamp.from(Instant.parse("2026-12-01T10:00:00Z")), null)));
        model.put("today", TODAY);
        model.put("inspectorChoices", List.of(new Choice("inspector", "Ian Inspector")));
        model.put("activityChoices", List.of(new Choice("a1", "Focused visit: 07/12/2026 to 11/12/2026")));
        model.put("inspector", "inspector");
        model.put("activity", null);
        model.put("granted", granted);
        errors.show(new org.springframework.ui.ExtendedModelMap(), List.of());
        model.put("errors", errors);
        model.put("errorList", errors.ordered(List.of("inspector", "activity")));
        return model;
    }

    @Test
    void grantsAreListedWithTheirStateAndTheChoicesKeepWhatWasChosen() {
        Document page = Views.check("activity/inspector-access", model(FormErrors.none(), null), false);
        assertThat(page.getElementById("access-granted")).as("no banner until something is granted").isNull();
        assertThat(page.select("#inspector option[selected]").text()).isEqualTo("Ian Inspector");
        assertThat(page.select("#activity option").first().text()).isEqualTo(Views.message("inspector.choose"));
        assertThat(page.select("#grants .govuk-tag--green").text()).isEqualTo(Views.message("inspector.state.inForce"));
        assertThat(page.select("#grants td").get(1).text()).isEqualTo("7 December 2026 to 11 December 2026");
        assertThat(page.select("#grants th .govuk-visually-hidden").text()).isEqualTo(Views.message("inspector.actions"));
    }

    @Test
    void aGrantShowsTheSuccessBannerAndAnErrorLinksToItsSelect() {
        assertThat(Views.check("activity/inspector-access", model(FormErrors.none(), true), false).getElementById("access-granted").text())
                .contains(Views.message("inspector.granted"));
        FormErrors errors = new FormErrors();
        errors.add("activity", Views.message("inspector.error.activity"));
        Document page = Views.check("activity/inspector-access", model(errors, null), true);
        assertThat(page.getElementById("activity").hasClass("govuk-select--error")).isTrue();
        assertThat(page.getElementById("activity").attr("aria-describedby")).isEqualTo("activity-error");
    }
}
