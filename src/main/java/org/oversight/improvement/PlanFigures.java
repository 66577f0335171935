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

    /** A dated progress update of an action: the status then and the measure's value if it was recorded. */
    public record Progress(LocalDate on, String status, BigDecimal value) {
    }

    /**
     * One action of a plan with its progress history: added on {@code added}, due {@code dueDate}, {@code status} today,
     * its measure's baseline (null without a measure) and every progress update.
     */
    public record ActionHistory(UUID actionId, UUID planId, String planTitle, LocalDate added, LocalDate dueDate, String status,
                                BigDecimal baseline, List<Progress> updates) {
    }

    private final PlanService plans;
    private final PlanRepository repository;
    private final java.time.Clock clock;

    PlanFigures(PlanService plans, PlanRepository repository, java.time.Clock clock) {
        this.plans = plans;
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Every action of the LA's plans with its progress history, each update dated in the clock's zone (the caller must be
     * one of the LA's own users).
     */
    @Transactional(readOnly = true)
    public List<ActionHistory> actionHistories(UUID laId) {
        List<ActionHistory> out = new ArrayList<>();
        for (PlanRepository.PlanSummary summary : repository.plansOfLa(laId)) {
            PlanView plan = plans.plan(summary.id());
            for (PlanView.Item item : plan.items()) {
                for (PlanView.Action a : item.actions()) {
                    List<Progress> updates = a.updates().stream().map(u -> new Progress(u.writtenAt().atZone(clock.getZone()).toLocalDate(),
                            u.status().name(), u.value())).toList();
                    out.add(new ActionHistory(a.id(), plan.id(), plan.title(), a.start(), a.dueDate(), a.status().name(),
                            a.measure() == null ? null : a.measure().baseline(), updates));
                }
            }
        }
        return out;
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
