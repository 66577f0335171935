package org.oversight.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Finding;
import org.oversight.inspection.domain.FindingKind;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.OnSiteRange;
import org.oversight.register.LocalAuthority;

/** Plain records the view tests put in their models: City of London as the LA. */
public final class ViewFixtures {

    private ViewFixtures() {
    }

    public static final UUID CITY_ID = UUID.fromString("00000000-0000-0000-0000-000000080450");

    public static LocalAuthority city() {
        return new LocalAuthority(CITY_ID, 80450, "201", "E09000001", "City of London", List.of(), "E12000007", "London", "Inner London",
                2_500, true, List.of());
    }

    /** City of London's 2020 standard inspection: graded, with a strength, an area for improvement and a priority action. */
    public static InspectionActivity inspection() {
        return new InspectionActivity(UUID.fromString("00000000-0000-0000-0000-000000002020"), CITY_ID, 80450, "City of London",
                ActivityType.STANDARD_INSPECTION, null, List.of(), LocalDate.of(2020, 2, 24), List.of(new OnSiteRange(LocalDate.of(2020, 3, 2),
                LocalDate.of(2020, 3, 13))), LocalDate.of(2020, 3, 13), LocalDate.of(2020, 4, 20), "Andrew Carter", "Team", "Summary",
                Map.of(JudgementArea.OVERALL, Grade.GOOD), List.of(new Finding(UUID.randomUUID(), FindingKind.STRENGTH, 1, "Strong leaders", null),
                new Finding(UUID.randomUUID(), FindingKind.AREA_FOR_IMPROVEMENT, 1, "Management oversight", "outcome 1"),
                new Finding(UUID.randomUUID(), FindingKind.PRIORITY_ACTION, 1, "Risk assessment", null)), "MANUAL", 3,
                Instant.parse("2020-04-20T09:00:00Z"), "col.manager", null);
    }
}
