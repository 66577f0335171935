package org.oversight.inspection.domain;

import java.time.LocalDate;

/** One run of on-site days. An inspection may have several (e.g. "30 September to 11 October 2024 and 13 to 16 January 2025"). */
public record OnSiteRange(LocalDate start, LocalDate end) {
    public OnSiteRange {
        if (start == null || end == null) {
            throw new IllegalArgumentException("An on-site range needs a start and an end");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("An on-site range cannot end before it starts");
        }
    }
}
