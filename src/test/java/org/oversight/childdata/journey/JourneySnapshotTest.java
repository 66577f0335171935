package org.oversight.childdata.journey;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.DayOnePack;
import org.oversight.childdata.journey.ChildJourneys.JourneySnapshot;
import org.oversight.childdata.journey.ChildJourneys.Origin;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole-journey snapshot says where it came from (the CIN census check, the day-one pack and the Annex A read-me). */
class JourneySnapshotTest {

    private static final Instant IMPORTED = Instant.parse("2026-04-06T13:05:00Z");

    private static JourneySnapshot snapshot(Origin origin, int revision) {
        return new JourneySnapshot(UUID.randomUUID(), UUID.randomUUID(), origin == Origin.CIN_CENSUS ? "CIN_CENSUS" : "SSD", "2026-27",
                LocalDate.of(2026, 4, 5), IMPORTED, revision, origin);
    }

    @Test
    void eachOriginIsDescribedByWhatItWas() {
        assertThat(snapshot(Origin.SSD_EXTRACT, 0).describe()).isEqualTo("Standard Safeguarding Dataset extract 2026-27, imported 6 April 2026 at 2:05pm");
        assertThat(snapshot(Origin.ANNEX_A, 0).describe()).isEqualTo("Annex A lists 1 to 7 2026-27, imported 6 April 2026 at 2:05pm");
        assertThat(snapshot(Origin.CIN_CENSUS, 0).describe()).isEqualTo("CIN census 2026-27, imported 6 April 2026 at 2:05pm");
        assertThat(snapshot(Origin.CSC_PAYLOADS, 4).describe())
                .isEqualTo("Children's social care API payloads 2026-27, first received 6 April 2026 at 2:05pm");
        assertThat(snapshot(Origin.SSD_EXTRACT, 2).describe()).isEqualTo("Standard Safeguarding Dataset extract 2026-27, imported 6 April 2026 at 2:05pm, "
                + "changed since by children's social care API payloads");
        assertThat(new JourneySnapshot(UUID.randomUUID(), UUID.randomUUID(), "SSD", "2026-27", null, IMPORTED).origin())
                .as("a snapshot whose source is not read is an extract").isEqualTo(Origin.SSD_EXTRACT);
    }

    @Test
    void theDayOnePackNamesPayloadsToo() {
        Timestamp at = Timestamp.from(IMPORTED);
        assertThat(new DayOnePack.Source("CSC_PAYLOADS", "2026-27", LocalDate.of(2026, 4, 5), at).describe())
                .isEqualTo("Children's social care API payloads 2026-27, data to 5 April 2026, first received 6 April 2026 at 2:05pm");
        assertThat(new DayOnePack.Source("ANNEX_A_JOURNEY", "2026-27", null, at, true).describe())
                .isEqualTo("Annex A lists 1 to 7 2026-27, imported 6 April 2026 at 2:05pm, changed since by children's social care API payloads");
    }
}
