package org.oversight.inspection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where an activity read from a published Ofsted report can be read on Ofsted's site, and which of its values could
 * not be read from the report. Provided by the module that reads reports; the pages show "not read from the report"
 * with the link rather than a blank that looks like "none".
 */
public interface ReportSources {

    /**
     * @param ofstedUrl the report's address on Ofsted's site, or null where it is not known
     * @param notRead   the values not read, by dataset column: {@code lead_inspector}, {@code overall}, {@code leaders},
     *                  {@code help_and_protection}, {@code in_care}, {@code care_leavers}, {@code improvement_items},
     *                  {@code priority_actions}, ...
     * @param fileName  the report's file name as published
     */
    record ReportSource(String ofstedUrl, Set<String> notRead, String fileName) {

        public boolean notRead(String value) {
            return notRead.contains(value);
        }

        /** For a judgement area: {@code HELP_AND_PROTECTION} is read as {@code help_and_protection}. */
        public boolean areaNotRead(Enum<?> area) {
            return notRead.contains(area.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The sources of these activities, for those read from a published report. */
    Map<UUID, ReportSource> of(Collection<UUID> activityIds);

    /** Every provider's sources of these activities (none when no module provides them). */
    static Map<UUID, ReportSource> all(List<ReportSources> providers, Collection<UUID> activityIds) {
        Map<UUID, ReportSource> out = new java.util.HashMap<>();
        providers.forEach(p -> out.putAll(p.of(activityIds)));
        return out;
    }
}
