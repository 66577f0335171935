package org.oversight.childdata.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.ssd.CscPayload.Problem;
import org.oversight.childdata.ssd.CscPayloadImporter.PayloadCounts;
import org.oversight.childdata.ssd.CscPayloadReceipts;
import org.oversight.shared.web.FormErrors;
import org.oversight.support.ViewFixtures;
import org.oversight.support.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** The payloads page by day (with an upload refused) and a payload's record, accepted and refused. */
class CscPayloadViewsTest {

    private static final Instant AT = Instant.parse("2026-04-06T01:30:00Z");

    private static CscPayloadReceipts.Receipt accepted() {
        return new CscPayloadReceipts.Receipt(UUID.randomUUID(), AT, "API", "TOKEN", "Mosaic nightly", null, 3913, "a".repeat(64), true, 200,
                UUID.randomUUID(), false, 2, 1, 1, 0, Map.of("social_care_episodes", new PayloadCounts(2, 0, 0)),
                Map.of("health_and_wellbeing", 1), List.of("Children[].nickname"), null, 0, List.of());
    }

    private static CscPayloadReceipts.Receipt refused(int count) {
        return new CscPayloadReceipts.Receipt(UUID.randomUUID(), AT.plusSeconds(60), "PAGE", "PERSON", "Rachel Green", "tonight.json", 500,
                "b".repeat(64), false, 400, null, false, 0, 0, 0, 0, Map.of(), Map.of(), List.of(), count + " problems in the payload: nothing was stored",
                count, List.of(new Problem("CH1", "Children[0].child_details.date_of_birth", "Child CH1: date_of_birth '2019-02-30' is not a real day")));
    }

    @Test
    void thePayloadsAreListedByDayInWordsWithTheirSummary() {
        Map<String, Object> model = Views.model("/local-authorities/80450/payloads");
        model.put("la", ViewFixtures.city());
        Map<CscPayloadReceipts.Day, List<CscPayloadReceipts.Receipt>> days = new LinkedHashMap<>();
        days.put(new CscPayloadReceipts.Day(LocalDate.of(2026, 4, 6), 2, 2, 1), List.of(refused(101), accepted()));
        model.put("days", days);
        model.put("perDay", 100);
        model.put("earlier", "2026-04-06");
        model.put("maxWords", "1 MB");
        model.put("refused", null);
        Document page = Views.check("childdata/payloads", model, false);
        assertThat(page.getElementById("day-2026-04-06").text()).isEqualTo("6 April 2026");
        assertThat(page.getElementById("day-summary-2026-04-06").text()).isEqualTo("2 payloads, 2 children changed, 1 refused");
        assertThat(page.getElementById("payloads-2026-04-06").text()).contains("Refused: 101 problems").contains("Mosaic nightly (API token), through the API")
                .contains("1 created, 1 updated, 0 purged").contains("Rachel Green, uploaded on this page");
        assertThat(page.getElementById("payload-hint").text()).contains("1 MB").contains("children's social care API");
        assertThat(page.getElementById("earlier-days").attr("href")).endsWith("before=2026-04-06");

        FormErrors errors = FormErrors.one("payload", "tonight.json was not stored: 101 problems. Correct them and upload it again");
        model.put("errors", errors);
        model.put("errorList", List.of(Map.entry("payload", "Child CH1: date_of_birth '2019-02-30' is not a real day (at Children[0].child_details.date_of_birth)")));
        model.put("refused", refused(101));
        Document bad = Views.check("childdata/payloads", model, true);
        assertThat(bad.select(".govuk-error-summary a").attr("href")).isEqualTo("#payload");
        assertThat(bad.getElementById("payload").hasClass("govuk-file-upload--error")).isTrue();
        assertThat(bad.getElementById("refused-record")).isNotNull();
    }

    @Test
    void aPayloadsRecordShowsItsCountsOrItsProblems() {
        Map<String, Object> model = Views.model("/local-authorities/80450/payloads/x");
        model.put("la", ViewFixtures.city());
        model.put("p", accepted());
        model.put("when", "6 April 2026 at 2:30am");
        model.put("sizeWords", "3.8 KB (3,913 bytes)");
        Document page = Views.check("childdata/payload", model, false);
        assertThat(page.getElementById("payload-children").text()).isEqualTo("2 in the payload: 1 created, 1 updated, 0 purged");
        assertThat(page.getElementById("payload-items").text()).contains("social_care_episodes 2 0 0");
        assertThat(page.getElementById("payload-not-stored").text()).contains("health_and_wellbeing: 1");
        assertThat(page.getElementById("payload-errors")).isNull();

        model.put("p", refused(101));
        Document bad = Views.check("childdata/payload", model, false);
        assertThat(bad.getElementById("payload-outcome").text()).isEqualTo("Refused (400): nothing stored");
        assertThat(bad.getElementById("payload-errors").text()).contains("Problems: 101 in all").contains("Children[0].child_details.date_of_birth");
        assertThat(bad.getElementById("payload-errors-kept").text()).isEqualTo("The first 1 are kept here; the others are not.");
        assertThat(bad.getElementById("payload-file").text()).isEqualTo("tonight.json");
    }
}
