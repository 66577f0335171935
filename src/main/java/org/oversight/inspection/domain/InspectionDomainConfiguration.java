package org.oversight.inspection.domain;

import org.oversight.shared.calendar.WorkingDayCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InspectionDomainConfiguration {

    @Bean
    Deadlines deadlines(WorkingDayCalendar calendar, DeadlineRules rules) {
        return new Deadlines(calendar, rules);
    }

    @Bean
    NextInspectionPredictor nextInspectionPredictor(NextInspectionRules rules) {
        return new NextInspectionPredictor(rules);
    }
}
