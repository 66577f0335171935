package org.oversight.voice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When an LA's team reads safety alerts (working days between the configured hours, Europe/London; a local fact, so
 * configurable), whether that is now, when it next is, and the LA's out-of-hours social care number where one is
 * configured: the young person is told honestly when their alert will be seen and whom to call meanwhile.
 */
@Component
public class OfficeHours {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Now: whether the team is at work, and when it next is (now, when it is). */
    public record Now(boolean open, ZonedDateTime nextOpening, LocalTime opens, LocalTime closes) {

        /** "9am", "5:30pm". */
        public String opensText() {
            return time(opens);
        }

        public String closesText() {
            return time(closes);
        }

        /** "Monday 8 December at 9am". */
        public String nextOpeningText() {
            return java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", java.util.Locale.UK).format(nextOpening) + " at "
                    + time(nextOpening.toLocalTime());
        }

        static String time(LocalTime t) {
            String text = java.time.format.DateTimeFormatter.ofPattern(t.getMinute() == 0 ? "ha" : "h:mma", java.util.Locale.UK).format(t);
            return text.toLowerCase(java.util.Locale.UK);
        }
    }

    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Map<String, String> phones = new HashMap<>();

    OfficeHours(WorkingDayCalendar calendar, Clock clock, @Value("${oversight.voice.office-hours:09:00-17:00}") String hours,
                @Value("${oversight.voice.out-of-hours-phones:}") String phones) {
        this.calendar = calendar;
        this.clock = clock;
        String[] parts = hours.split("-");
        try {
            this.opens = LocalTime.parse(parts[0].strip());
            this.closes = LocalTime.parse(parts[1].strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("oversight.voice.office-hours must be like 09:00-17:00, not '" + hours + "'", e);
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("oversight.voice.office-hours must open before it closes, not '" + hours + "'");
        }
        for (String entry : phones.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] kv = entry.split("=", 2);
            if (kv.length != 2 || !kv[0].strip().matches("\\d{3}") || !kv[1].strip().matches("[0-9 +]{3,20}")) {
                throw new IllegalArgumentException("oversight.voice.out-of-hours-phones must be like '201=020 7946 0000;210=...', not '" + entry + "'");
            }
            this.phones.put(kv[0].strip(), kv[1].strip());
        }
    }

    public Now now() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(LONDON));
        LocalDate today = now.toLocalDate();
        LocalTime time = now.toLocalTime();
        if (calendar.isWorkingDay(today) && !time.isBefore(opens) && time.isBefore(closes)) {
            return new Now(true, now, opens, closes);
        }
        LocalDate day = calendar.isWorkingDay(today) && time.isBefore(opens) ? today : calendar.addWorkingDays(today, 1);
        return new Now(false, day.atTime(opens).atZone(LONDON), opens, closes);
    }

    /** The LA's out-of-hours social care number, when configured (by its three-digit LA code). */
    public Optional<String> outOfHoursPhone(String laCode) {
        return Optional.ofNullable(laCode == null ? null : phones.get(laCode));
    }

    /** The number as a {@code tel:} link target: digits and a leading plus only. */
    public static String tel(String phone) {
        return "tel:" + phone.replaceAll("[^0-9+]", "");
    }
}
