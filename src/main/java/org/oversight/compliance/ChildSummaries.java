package org.oversight.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small published interface through which other modules (case-audit sampling, the young person's portal) read
 * the children in an LA's current child-level data: who they are (pseudonymous reference), their cohort, team and
 * worker, and which timescales are overdue. It checks no role and logs nothing: the calling module enforces its own
 * access rule and writes its own access log.
 */
@Service
public class ChildSummaries {

    /**
     * The child's group: in care or a care leaver (SSDA903 data), or, from the whole-journey data, on a child protection
     * plan or a child in need (open child-in-need plan or episode); these last two appear only in {@link #withPlans}.
     */
    public enum Cohort { CHILD_IN_CARE, CARE_LEAVER, CHILD_PROTECTION, CHILD_IN_NEED }

    /** The youngest age at which a child on a child-in-need or child protection plan is offered the young person's portal. */
    public static final int PORTAL_MIN_AGE_ON_PLAN = 11;

    /**
     * One child as the current data shows them.
     *
     * @param team          allocated team (from an Annex A import), or null when not known
     * @param worker        allocated worker or personal adviser (from an Annex A import), or null
     * @param nextReviewDue the next statutory review (child in care) or pathway plan review (care leaver), or null
     * @param overdueRules  ids of the timescale rules this child is overdue on today, e.g. {@code CLA-REVIEW}
     */
    public record ChildSummary(UUID laId, String childRef, Cohort cohort, int age, String team, String worker,
                               LocalDate nextReviewDue, long overdueDays, List<String> overdueRules, LocalDate asOf) {
        public boolean overdue(String ruleId) {
            return overdueRules.contains(ruleId);
        }
    }

    private final ComplianceService compliance;
    private final JourneySummaries journeys;

    ChildSummaries(ComplianceService compliance, JourneySummaries journeys) {
        this.compliance = compliance;
        this.journeys = journeys;
    }

    /** Every child in the LA's current data (children in care first, then care leavers), or none. */
    @Transactional(readOnly = true)
    public List<ChildSummary> current(UUID laId) {
        return compliance.current(laId).map(ChildSummaries::summaries).orElse(List.of());
    }

    /** One child in the LA's current data. */
    @Transactional(readOnly = true)
    public Optional<ChildSummary> one(UUID laId, String childRef) {
        return current(laId).stream().filter(c -> c.childRef().equals(childRef)).findFirst();
    }

    /**
     * The children in care and care leavers of {@link #current}, then the children of the whole-journey data aged
     * {@value #PORTAL_MIN_AGE_ON_PLAN} or over on a child protection plan or in need (open plan or episode) who are not
     * already among them: the children the young person's portal can be offered to. Timescales and review dates are
     * those of children in care only (empty for the others).
     */
    @Transactional(readOnly = true)
    public List<ChildSummary> withPlans(UUID laId) {
        List<ChildSummary> out = new ArrayList<>(current(laId));
        java.util.Set<String> known = new java.util.HashSet<>();
        out.forEach(c -> known.add(c.childRef()));
        for (JourneySummaries.JourneyChild j : journeys.current(laId)) {
            if (j.onPlan() && j.age() >= PORTAL_MIN_AGE_ON_PLAN && !known.contains(j.childRef())) {
                Cohort cohort = j.in(JourneySummaries.Group.CHILD_PROTECTION) ? Cohort.CHILD_PROTECTION : Cohort.CHILD_IN_NEED;
                out.add(new ChildSummary(laId, j.childRef(), cohort, j.age(), j.team(), j.worker(), null, 0, List.of(), j.asOf()));
            }
        }
        return List.copyOf(out);
    }

    /** One child of {@link #withPlans}. */
    @Transactional(readOnly = true)
    public Optional<ChildSummary> oneWithPlans(UUID laId, String childRef) {
        Optional<ChildSummary> inCare = one(laId, childRef);
        return inCare.isPresent() ? inCare : withPlans(laId).stream().filter(c -> c.childRef().equals(childRef)).findFirst();
    }

    static List<ChildSummary> summaries(ComplianceService.Dashboard d) {
        UUID laId = d.snapshot().laId();
        LocalDate asOf = d.snapshot().asOf();
        List<ChildSummary> out = new ArrayList<>();
        for (ComplianceService.ChildRecord c : d.children()) {
            out.add(new ChildSummary(laId, c.childRef(), c.cohort(), c.age(),
                    ComplianceService.NOT_ALLOCATED.equals(c.team()) ? null : c.team(),
                    ComplianceService.NOT_ALLOCATED.equals(c.worker()) ? null : c.worker(),
                    c.nextReviewDue(), c.maxOverdueDays(), c.overdueRules(), asOf));
        }
        return List.copyOf(out);
    }
}
