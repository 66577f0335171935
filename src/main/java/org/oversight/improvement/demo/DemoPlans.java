package org.oversight.improvement.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.oversight.improvement.domain.ActionStatus;
import org.oversight.improvement.domain.BodyKind;
import org.oversight.improvement.domain.Measure;
import org.oversight.improvement.domain.PlanKind;
import org.oversight.improvement.persistence.PlanRepository;
import org.oversight.inspection.domain.Finding;
import org.oversight.inspection.domain.FindingKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed 002's loop as demo data: City of London's 2020 short inspection gets its post-inspection action plan (one item
 * per recommendation, an action with owner and impact measure each), a Service Improvement Board, and the three
 * committees that received the report with their meeting dates. Added once; never duplicated.
 */
@Component
@Order(50)
class DemoPlans implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);
    private static final String ACTOR = "demo-data";

    private final PlanRepository plans;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DemoPlans(PlanRepository plans, JdbcClient jdbc, TransactionTemplate tx, Clock clock, @Value("${oversight.demo.enabled:true}") boolean enabled) {
        this.plans = plans;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            tx.executeWithoutResult(status -> addIfMissing());
        }
    }

    private void addIfMissing() {
        UUID activity = jdbc.sql("""
                SELECT a.id FROM inspection_activity a JOIN local_authority la ON la.id = a.la_id
                  JOIN on_site_range r ON r.activity_id = a.id AND r.ordinal = 0
                 WHERE la.urn = 80450 AND a.type = 'SHORT_INSPECTION' AND r.start_date = DATE '2020-03-02'""").query(UUID.class)
                .optional().orElse(null);
        if (activity == null || !plans.plansOfActivity(activity).isEmpty()) {
            return;
        }
        UUID la = jdbc.sql("SELECT la_id FROM inspection_activity WHERE id = ?").param(activity).query(UUID.class).single();
        List<UUID> owners = jdbc.sql("SELECT id FROM app_user WHERE username IN ('col.manager', 'col.staff') ORDER BY username")
                .query(UUID.class).list();
        if (owners.size() < 2) {
            log.info("Demo plan skipped: the City of London demo accounts are missing");
            return;
        }
        UUID manager = owners.get(0);
        UUID staff = owners.get(1);
        List<Finding> recommendations = jdbc.sql("SELECT id, kind, ordinal, text, framework_reference FROM finding WHERE activity_id = ? AND kind = 'RECOMMENDATION' ORDER BY ordinal")
                .param(activity).query((rs, i) -> new Finding(rs.getObject(1, UUID.class), FindingKind.valueOf(rs.getString(2)),
                        rs.getInt(3), rs.getString(4), rs.getString(5))).list();
        UUID plan = plans.insertPlan(la, activity, PlanKind.POST_INSPECTION_ACTION, "Post-inspection action plan 2020",
                LocalDate.of(2020, 4, 6), ACTOR);
        for (Finding f : recommendations) {
            UUID item = plans.insertItem(plan, la, f.id(), f.text(), ACTOR);
            boolean stepDown = f.text().toLowerCase().contains("early help");
            if (stepDown) {
                UUID action = plans.insertAction(item, la, "Put an early help workflow in the case management system, with a manager's "
                                + "sign-off recorded for every step-down from social care", manager, LocalDate.of(2020, 9, 30),
                        ActionStatus.COMPLETE, new Measure("Step-downs to early help with recorded management oversight (%)",
                                new BigDecimal("40"), new BigDecimal("100"), new BigDecimal("100"), LocalDate.of(2020, 9, 28)), ACTOR);
                plans.insertUpdate(action, la, "Early help workflow live; managers can run step-down reports and see a snapshot of "
                        + "every family stepped down.", ActionStatus.ON_TRACK, new BigDecimal("85"), ACTOR,
                        LocalDate.of(2020, 6, 1).atStartOfDay(clock.getZone()).toInstant());
                plans.insertUpdate(action, la, "Every step-down in August and September signed off by a manager.",
                        ActionStatus.COMPLETE, new BigDecimal("100"), ACTOR, LocalDate.of(2020, 9, 28).atStartOfDay(clock.getZone()).toInstant());
            } else {
                UUID action = plans.insertAction(item, la, "Audit the recording of management decisions monthly and feed back to "
                                + "managers through reflective supervision", staff, LocalDate.of(2020, 12, 18), ActionStatus.ON_TRACK,
                        new Measure("Audited case files with management decisions and their rationale recorded (%)",
                                new BigDecimal("55"), new BigDecimal("90"), new BigDecimal("72"), LocalDate.of(2020, 6, 1)), ACTOR);
                plans.insertUpdate(action, la, "First two monthly audits done; decisions are recorded but the rationale is often "
                        + "missing at the front door.", ActionStatus.ON_TRACK, new BigDecimal("72"), ACTOR,
                        LocalDate.of(2020, 6, 1).atStartOfDay(clock.getZone()).toInstant());
            }
        }
        UUID board = plans.insertBody(la, "Service Improvement Board", BodyKind.BOARD);
        plans.oversee(plan, board);
        record Committee(String name, BodyKind kind, LocalDate date) {
        }
        for (Committee c : List.of(new Committee("Community and Children's Services Committee", BodyKind.COMMITTEE, LocalDate.of(2020, 6, 17)),
                new Committee("Safeguarding Sub Committee", BodyKind.SUB_COMMITTEE, LocalDate.of(2020, 6, 24)),
                new Committee("Audit and Risk Management Committee", BodyKind.COMMITTEE, LocalDate.of(2020, 7, 14)))) {
            UUID body = plans.bodyByName(la, c.name()).orElseGet(() -> plans.insertBody(la, c.name(), c.kind()));
            plans.insertMeeting(body, la, c.date());
            plans.oversee(plan, body);
        }
        plans.history(plan, la, "Added from seed 002 (City of London, Ofsted Inspection 2020)", ACTOR, clock.instant());
        log.info("Added the demo post-inspection action plan for City of London's 2020 inspection");
    }
}
