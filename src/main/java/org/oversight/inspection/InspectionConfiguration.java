package org.oversight.inspection;

import org.oversight.inspection.domain.ActivityRules;
import org.oversight.inspection.domain.JudgementSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InspectionConfiguration {

    @Bean
    ActivityRules activityRules(JudgementSet judgementSet) {
        return new ActivityRules(judgementSet);
    }
}
