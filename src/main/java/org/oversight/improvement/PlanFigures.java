package org.oversight.improvement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.oversight.improvement.domain.PlanView;
import org.oversight.improvement.persistence.PlanRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small published read interface through which other modules (the self-evaluation) see an LA's plan progress:
 * every action with an impact measure, its distance to target and its red/amber/green rating by {@code RagRule}. Read
 * under the plan's own access rule (the LA's own users).
 */
@Service
public class PlanFigures {

    /** One measured action as it stands today. {@code rag} is RED, AMBER, GREEN or COMPLETE. */
    public record ActionFigure(UUID actionId, UUID planId, String planTitle, String itemTitle, String description, String measureName,
                               BigDecimal baseline, BigDecimal target, BigDecimal current, LocalDate measuredOn,
                               BigDecimal distanceToTarget, String rag, String status, LocalDate dueDate) {
    }

    private final PlanService plans;
    private final PlanRepository repository;

    PlanFigures(PlanService plans, PlanRepository repository) {
        this.plans = plans;
        this.repository = repository;
    }

    /** Every action with an impact measure in the LA's plans (the caller must be one of the LA's own users). */
    @Transactional(readOnly = true)
    public List<ActionFigure> measuredActions(UUID laId) {
        List<ActionFigure> out = new ArrayList<>();
        for (PlanRepository.PlanSummary summary : repository.plansOfLa(laId)) {
            PlanView plan = plans.plan(summary.id());
            for (PlanView.Item item : plan.items()) {
                for (PlanView.Action a : item.actions()) {
                    if (a.measure() == null) {
                        continue;
                    }
                    out.add(new ActionFigure(a.id(), plan.id(), plan.title(), item.title(), a.description(), a.measure().name(),
                            a.measure().baseline(), a.measure().target(), a.measure().current(), a.measure().measuredOn(),
                            a.measure().distanceToTarget(), a.rag().rating().name(), a.status().name(), a.dueDate()));
                }
            }
        }
        return out;
    }
}
