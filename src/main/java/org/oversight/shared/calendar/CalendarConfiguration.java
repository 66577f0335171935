package org.oversight.shared.calendar;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar() {
        return new WorkingDayCalendar(BankHolidays.fromClasspath());
    }

    /** All "today" and "now" come from this clock, in Europe/London. */
    @Bean
    Clock clock(@Value("${oversight.zone:Europe/London}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
