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

    public enum Cohort { CHILD_IN_CARE, CARE_LEAVER }

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

    ChildSummaries(ComplianceService compliance) {
        this.compliance = compliance;
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
