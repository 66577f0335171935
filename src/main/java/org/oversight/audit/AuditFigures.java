package org.oversight.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small published read interface through which other modules (the self-evaluation) see an LA's case-audit
 * findings: the roll-up by ILACS judgement area and theme (the share of answers graded good or better), never a child.
 * Read under the roll-up's own access rule (the LA's own users).
 */
@Service
public class AuditFigures {

    /**
     * One theme of the roll-up. {@code area} is LEADERS, HELP_AND_PROTECTION, CHILDREN_IN_CARE or CARE_LEAVERS;
     * {@code asOf} the end of the latest audit period with a submitted audit (null when none).
     */
    public record ThemeFigure(String area, String theme, int answers, int goodOrBetter, int goodOrBetterPercent, LocalDate asOf) {
    }

    /**
     * One graded answer of a submitted audit: its theme ({@code area} as in {@link ThemeFigure}), the audit it belongs to
     * and the end of its programme's period.
     */
    public record DatedAnswer(String area, String theme, UUID auditId, LocalDate periodEnd, boolean goodOrBetter) {
    }

    private final AuditService audits;

    AuditFigures(AuditService audits) {
        this.audits = audits;
    }

    @Transactional(readOnly = true)
    public List<ThemeFigure> themes(UUID laId) {
        AuditViews.RollUp rollUp = audits.rollUp(laId);
        LocalDate asOf = rollUp.trend().stream().filter(t -> t.grades().total() > 0).map(AuditViews.TrendRow::periodEnd)
                .max(LocalDate::compareTo).orElse(null);
        return rollUp.byTheme().stream().filter(r -> r.grades().total() > 0).map(r -> new ThemeFigure(r.area().name(), r.theme(),
                r.grades().total(), r.grades().count("OUTSTANDING") + r.grades().count("GOOD"), r.grades().goodOrBetterPercent(), asOf)).toList();
    }

    /** Every graded answer of the LA's submitted audits, dated by its programme's period, for trends by period. */
    @Transactional(readOnly = true)
    public List<DatedAnswer> datedAnswers(UUID laId) {
        return audits.datedAnswers(laId).stream().map(a -> new DatedAnswer(a.area().name(), a.theme(), a.auditId(), a.periodEnd(),
                a.goodOrBetter())).toList();
    }
}
