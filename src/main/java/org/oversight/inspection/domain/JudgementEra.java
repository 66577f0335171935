package org.oversight.inspection.domain;

import java.util.List;

import static org.oversight.inspection.domain.JudgementArea.CARE_LEAVERS;
import static org.oversight.inspection.domain.JudgementArea.HELP_AND_PROTECTION;
import static org.oversight.inspection.domain.JudgementArea.IN_CARE;
import static org.oversight.inspection.domain.JudgementArea.LEADERS;
import static org.oversight.inspection.domain.JudgementArea.OVERALL;

/**
 * The judgement sets printed in inspection reports, by inspection start date (domain/ilacs.md §3.2).
 * The labels of each area are message keys {@code judgement.<ERA>.<AREA>}.
 */
public enum JudgementEra {
    /** Single inspection framework, 2013–2017: help and protection, looked after and permanence, leadership, overall. */
    SIF(List.of(HELP_AND_PROTECTION, IN_CARE, LEADERS, OVERALL)),
    /** ILACS January 2018 – December 2022: three judgements and overall effectiveness. */
    ILACS_2018(List.of(LEADERS, HELP_AND_PROTECTION, IN_CARE, OVERALL)),
    /** ILACS January 2023 – March 2026: care leavers judged separately, plus overall effectiveness. */
    ILACS_2023(List.of(LEADERS, HELP_AND_PROTECTION, IN_CARE, CARE_LEAVERS, OVERALL)),
    /** ILACS from 27 April 2026: four judgements, no overall effectiveness. */
    ILACS_2026(List.of(LEADERS, HELP_AND_PROTECTION, IN_CARE, CARE_LEAVERS));

    private final List<JudgementArea> areas;

    JudgementEra(List<JudgementArea> areas) {
        this.areas = areas;
    }

    /** The areas in report order. */
    public List<JudgementArea> areas() {
        return areas;
    }

    public boolean includes(JudgementArea area) {
        return areas.contains(area);
    }

    public boolean hasOverall() {
        return areas.contains(OVERALL);
    }

    public String labelKey(JudgementArea area) {
        return "judgement." + name() + "." + area.name();
    }
}
