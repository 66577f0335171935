package org.oversight.support;

import java.util.UUID;

import org.oversight.shared.db.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A plan of City of London's own for a test that writes to a plan (adds actions, evidence, report versions), on the
 * demo inspection, so the demo plan other tests count stays as it is; removed with everything under it afterwards.
 */
public final class TestPlans {

    /** The plan, its one item and that item's one action. */
    public record Plan(UUID id, UUID item, UUID action, String title) {
    }

    private TestPlans() {
    }

    public static Plan create(JdbcClient jdbc, String title) {
        return TenantScope.asSystem(() -> {
            UUID la = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
            UUID activity = jdbc.sql("SELECT activity_id FROM improvement_plan WHERE la_id = ? AND activity_id IS NOT NULL ORDER BY created_at LIMIT 1")
                    .param(la).query(UUID.class).single();
            UUID owner = jdbc.sql("SELECT id FROM app_user WHERE username = 'col.manager'").query(UUID.class).single();
            UUID plan = jdbc.sql("""
                    INSERT INTO improvement_plan (la_id, activity_id, kind, title, start_date, created_by)
                    VALUES (?, ?, 'POST_INSPECTION_ACTION', ?, DATE '2026-04-06', 'test') RETURNING id""").params(la, activity, title)
                    .query(UUID.class).single();
            UUID item = jdbc.sql("INSERT INTO plan_item (plan_id, la_id, ordinal, title, created_by) VALUES (?, ?, 1, 'Visits on time', 'test') RETURNING id")
                    .params(plan, la).query(UUID.class).single();
            UUID action = jdbc.sql("""
                    INSERT INTO plan_action (item_id, la_id, description, owner_id, due_date, status, created_by)
                    VALUES (?, ?, 'Weekly visit report to team managers', ?, DATE '2027-03-31', 'ON_TRACK', 'test') RETURNING id""")
                    .params(item, la, owner).query(UUID.class).single();
            return new Plan(plan, item, action, title);
        });
    }

    public static void delete(JdbcClient jdbc, Plan plan) {
        TenantScope.asSystem(() -> jdbc.sql("DELETE FROM improvement_plan WHERE id = ?").param(plan.id()).update());
    }
}
