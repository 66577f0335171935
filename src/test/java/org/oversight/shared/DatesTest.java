package org.oversight.shared;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages write dates as GOV.UK does; CSV files keep dd/mm/yyyy. */
class DatesTest {

    @Test
    void pagesWriteTheDayMonthInWordsAndYear() {
        assertThat(Dates.day(LocalDate.of(2020, 4, 6))).isEqualTo("6 April 2020");
        assertThat(Dates.day((Object) LocalDate.of(2026, 12, 25))).isEqualTo("25 December 2026");
        assertThat(Dates.day((LocalDate) null)).isEmpty();
        assertThat(Dates.format(LocalDate.of(2020, 4, 6))).as("CSV and inputs").isEqualTo("06/04/2020");
    }

    @Test
    void momentsAreInLondonTimeWithAmAndPm() {
        // 14:05 UTC in summer is 3:05pm in London; in winter 2:05pm.
        assertThat(Dates.day(Instant.parse("2026-07-01T14:05:00Z"))).isEqualTo("1 July 2026 at 3:05pm");
        assertThat(Dates.day(Instant.parse("2026-12-01T09:30:00Z"))).isEqualTo("1 December 2026 at 9:30am");
        assertThat(Dates.day(java.sql.Timestamp.from(Instant.parse("2026-12-01T00:30:00Z")))).isEqualTo("1 December 2026 at 12:30am");
        assertThat(Dates.day(java.sql.Date.valueOf(LocalDate.of(2026, 3, 31)))).isEqualTo("31 March 2026");
    }
}
