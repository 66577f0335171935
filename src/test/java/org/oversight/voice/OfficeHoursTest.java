package org.oversight.voice;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.oversight.shared.calendar.BankHolidays;
import org.oversight.shared.calendar.WorkingDayCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a young person is told their team will see their alert: working days and hours in London, bank holidays included. */
class OfficeHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(BankHolidays.fromClasspath());

    private static OfficeHours at(String londonTime) {
        Clock clock = Clock.fixed(ZonedDateTime.of(java.time.LocalDateTime.parse(londonTime), LONDON).toInstant(), LONDON);
        return new OfficeHours(CALENDAR, clock, "09:00-17:00", "201=020 7946 0000");
    }

    @Test
    void aWeekdayAfternoonIsOpen() {
        OfficeHours.Now now = at("2026-12-07T14:30").now();
        assertThat(now.open()).isTrue();
        assertThat(now.opensText()).isEqualTo("9am");
        assertThat(now.closesText()).isEqualTo("5pm");
    }

    @Test
    void aFridayEveningWaitsForMondayMorning() {
        OfficeHours.Now now = at("2026-12-04T17:00").now(); // Friday, at closing
        assertThat(now.open()).isFalse();
        assertThat(now.nextOpeningText()).isEqualTo("Monday 7 December at 9am");
    }

    @Test
    void earlyOnAWorkingDayOpensThatMorning() {
        assertThat(at("2026-12-08T06:15").now().nextOpeningText()).isEqualTo("Tuesday 8 December at 9am");
    }

    @Test
    void christmasAndBoxingDayAndTheWeekendAreSkipped() {
        // Thursday 24 December 2026 after hours: 25 (Friday) and 28 December (Monday, Boxing Day substitute) are bank holidays
        assertThat(at("2026-12-24T18:00").now().nextOpeningText()).isEqualTo("Tuesday 29 December at 9am");
    }

    @Test
    void outOfHoursNumbersAreConfiguredByLaCodeAndCheckedAtStart() {
        OfficeHours hours = at("2026-12-07T14:30");
        assertThat(hours.outOfHoursPhone("201")).contains("020 7946 0000");
        assertThat(hours.outOfHoursPhone("210")).isEmpty();
        assertThat(OfficeHours.tel("020 7946 0000")).isEqualTo("tel:02079460000");
        assertThatThrownBy(() -> new OfficeHours(CALENDAR, Clock.systemUTC(), "17:00-09:00", "")).hasMessageContaining("open before it closes");
        assertThatThrownBy(() -> new OfficeHours(CALENDAR, Clock.systemUTC(), "09:00-17:00", "201=call me")).hasMessageContaining("out-of-hours-phones");
    }
}
