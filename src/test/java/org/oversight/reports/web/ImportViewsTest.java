package org.oversight.reports.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.reports.ImportJobs;
import org.oversight.support.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** The upload of Ofsted reports and letters, and a job's result per file. */
class ImportViewsTest {

    @Test
    void theUploadNamesAMissingFileOnItsField() {
        Map<String, Object> model = Views.model("/imports/reports");
        model.put("error", null);
        assertThat(Views.check("imports/upload", model, false).getElementById("files").attr("accept")).contains("application/pdf");
        model.put("error", "Select one or more PDF files");
        Document page = Views.check("imports/upload", model, true);
        assertThat(page.getElementById("files-error").text()).isEqualTo("Error: Select one or more PDF files");
        assertThat(page.getElementById("files").attr("aria-describedby")).isEqualTo("files-hint files-error");
    }

    @Test
    void aJobShowsEachFilesOutcome() {
        Map<String, Object> model = Views.model("/imports/reports/x");
        model.put("job", new ImportJobs.Job(UUID.randomUUID(), "col.manager", Instant.parse("2026-11-02T10:00:00Z"), Instant.parse("2026-11-02T10:01:00Z"),
                List.of(new ImportJobs.FileRow(1, "80450_2020.pdf", "IMPORTED", "Standard inspection", UUID.randomUUID(), "City of London"),
                        new ImportJobs.FileRow(2, "broken.pdf", "FAILED", "PDF is damaged", null, null))));
        Document page = Views.check("imports/job", model, false);
        assertThat(page.select(".govuk-tag--red").text()).isEqualTo(Views.message("import.outcome.FAILED"));
        assertThat(page.select(".govuk-tag--green").text()).isEqualTo(Views.message("import.outcome.IMPORTED"));
    }
}
