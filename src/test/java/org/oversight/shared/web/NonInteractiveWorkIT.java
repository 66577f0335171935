package org.oversight.shared.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.shared.upload.WorkSlots;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Under overload, exports and report generation are refused with 503 and Retry-After; pages are not. */
class NonInteractiveWorkIT extends HttpTest {

    @Autowired
    NonInteractiveWork work;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void whenEveryExportSlotIsTakenExportsAnswer503WithRetryAfterAndPagesStillAnswer() throws InterruptedException {
        org.oversight.compliance.ComplianceFixtures.southwark(jdbc);
        List<WorkSlots.Slot> taken = new ArrayList<>();
        WorkSlots exports = work.slots(NonInteractive.Kind.EXPORT);
        try {
            exports.tryTake().ifPresent(taken::add);
            while (exports.free() > 0) {
                exports.tryTake().ifPresent(taken::add);
            }
            assertThat(taken).hasSize(exports.size());
            var csv = http.get("/local-authorities/80514/compliance.csv", "southwark.manager");
            assertThat(csv.status()).isEqualTo(503);
            assertThat(csv.header("Retry-After")).isEqualTo(String.valueOf(NonInteractiveWork.RETRY_AFTER_SECONDS));
            assertThat(csv.body()).contains("running already");
            var national = http.get("/national/latest-judgements.csv");
            assertThat(national.status()).isEqualTo(503);
            var api = http.get("/api/v1/local-authorities/80514/compliance", "southwark.manager");
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.json().get("limit").asString()).isEqualTo("oversight.work.max-exports");
            assertThat(api.header("Retry-After")).isNotBlank();

            assertThat(http.get("/local-authorities/80514/compliance", "southwark.manager").status()).as("the dashboard is a page").isEqualTo(200);
            assertThat(http.get("/local-authorities/80514", "southwark.manager").status()).isEqualTo(200);
            assertThat(http.get("/national").status()).isEqualTo(200);
            assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        } finally {
            taken.forEach(WorkSlots.Slot::close);
        }
        assertThat(exports.free()).isEqualTo(exports.size());
        assertThat(http.get("/local-authorities/80514/compliance.csv", "southwark.manager").status()).as("a slot free again").isEqualTo(200);
        assertThat(http.get("/national/latest-judgements.csv").status()).isEqualTo(200);
        // The slot is given back when the server's handler returns, which may be a moment after the client has read the
        // whole answer: waited for, at most five seconds.
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (exports.free() < exports.size() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(exports.free()).as("each export gives its slot back").isEqualTo(exports.size());
    }
}
