package org.oversight.inspection.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.oversight.inspection.SingleRecordService.ActivityView;
import org.oversight.inspection.SingleRecordService.RegisterRow;
import org.oversight.inspection.domain.Finding;
import org.oversight.inspection.domain.FindingKind;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.register.LocalAuthority;

/** The JSON shapes of the API. Dates are ISO 8601 (yyyy-mm-dd); grades are codes. */
final class ApiViews {

    private ApiViews() {
    }

    record NeighbourJson(int urn, String laCode, String name) {
    }

    record JudgementsJson(Grade overall, Grade leaders, Grade helpAndProtection, Grade inCare, Grade careLeavers) {
        static JudgementsJson of(java.util.Map<JudgementArea, Grade> g) {
            return new JudgementsJson(g.get(JudgementArea.OVERALL), g.get(JudgementArea.LEADERS),
                    g.get(JudgementArea.HELP_AND_PROTECTION), g.get(JudgementArea.IN_CARE), g.get(JudgementArea.CARE_LEAVERS));
        }
    }

    record LatestJudgementsJson(UUID activityId, String type, LocalDate startDate, Grade overall, Grade leaders,
                                Grade helpAndProtection, Grade inCare, Grade careLeavers) {
    }

    record LocalAuthorityJson(int urn, String laCode, String laCodeNew, String name, String region, String regionCode,
                              String laType, Integer population0to25, List<NeighbourJson> statisticalNeighbours,
                              LatestJudgementsJson latestJudgements) {

        static LocalAuthorityJson of(RegisterRow row) {
            LocalAuthority la = row.la();
            LatestJudgementsJson latest = row.latest() == null ? null : new LatestJudgementsJson(row.latest().activityId(),
                    row.latest().type().name(), row.latest().startDate(), row.grade(JudgementArea.OVERALL),
                    row.grade(JudgementArea.LEADERS), row.grade(JudgementArea.HELP_AND_PROTECTION),
                    row.grade(JudgementArea.IN_CARE), row.grade(JudgementArea.CARE_LEAVERS));
            return new LocalAuthorityJson(la.urn(), la.laCode(), la.laCodeNew(), la.name(), la.regionName(), la.regionCode(),
                    la.laType(), la.population0to25(),
                    la.statisticalNeighbours().stream().map(n -> new NeighbourJson(n.urn(), n.laCode(), n.name())).toList(), latest);
        }
    }

    record RangeJson(LocalDate start, LocalDate end) {
    }

    record FindingJson(UUID id, String kind, String text, String frameworkReference) {
        static FindingJson of(Finding f) {
            return new FindingJson(f.id(), f.kind().name(), f.text(), f.frameworkReference());
        }
    }

    /**
     * A deadline and where it stands: {@code state} is MET (with {@code metOn}), DUE, OVERDUE or NOT_TRACKED (due before
     * Oversight held the LA's records, or not something Oversight records); {@code stateWorkingDays} is the working days
     * left while due, or late while overdue. Only the LA's own users get deadlines.
     */
    record DeadlineJson(String kind, LocalDate due, int workingDays, LocalDate from, boolean estimated, int workingDaysRemaining,
                        String state, LocalDate metOn, int stateWorkingDays) {
    }

    record InspectionJson(UUID id, int laUrn, String type, String theme, String status, String judgementSet,
                          LocalDate notificationDate, LocalDate startDate, LocalDate endDate, List<RangeJson> onSite,
                          LocalDate feedbackDate, LocalDate publicationDate, String leadInspector, String inspectionTeam,
                          List<String> partnerInspectorates, JudgementsJson judgements, List<FindingJson> strengths,
                          List<FindingJson> areasForImprovement, List<FindingJson> recommendations,
                          List<FindingJson> priorityActions, List<DeadlineJson> deadlines, int version) {

        static InspectionJson of(ActivityView view) {
            InspectionActivity a = view.activity();
            return new InspectionJson(a.id(), a.laUrn(), a.type().name(), a.theme(),
                    view.status().substring("activity.status.".length()), view.era() == null ? null : view.era().name(),
                    a.notificationDate(), a.startDate(), a.endDate(),
                    a.onSite().stream().map(r -> new RangeJson(r.start(), r.end())).toList(), a.feedbackDate(),
                    a.publicationDate(), a.leadInspector(), a.inspectionTeam(), a.partnerInspectorates(),
                    JudgementsJson.of(a.judgements()), findings(a, FindingKind.STRENGTH),
                    findings(a, FindingKind.AREA_FOR_IMPROVEMENT), findings(a, FindingKind.RECOMMENDATION),
                    findings(a, FindingKind.PRIORITY_ACTION),
                    view.deadlines().stream().map(d -> new DeadlineJson(d.deadline().kind().name(), d.deadline().due(),
                            d.deadline().workingDays(), d.deadline().from(), d.deadline().estimated(), d.workingDaysRemaining(),
                            d.state().state().name(), d.state().metOn(), d.state().workingDays())).toList(),
                    a.version());
        }

        private static List<FindingJson> findings(InspectionActivity a, FindingKind kind) {
            return a.findings(kind).stream().map(FindingJson::of).toList();
        }
    }
}
