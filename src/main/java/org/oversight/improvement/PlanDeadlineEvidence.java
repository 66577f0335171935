package org.oversight.improvement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.inspection.DeadlineEvidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plans that meet an activity's action-plan deadlines: the earliest plan answering it, dated by its start date; and
 * the first day the LA kept a plan here. Read under the caller's tenant scope, so another LA's plans are never seen.
 */
@Component
class PlanDeadlineEvidence implements DeadlineEvidence {

    private final JdbcClient jdbc;

    PlanDeadlineEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, LocalDate> plansMade(Collection<UUID> activityIds) {
        Map<UUID, LocalDate> out = new HashMap<>();
        jdbc.sql("SELECT activity_id, min(start_date) FROM improvement_plan WHERE activity_id = ANY (?) GROUP BY activity_id")
                .param(activityIds.toArray(UUID[]::new))
                .query((rs, i) -> out.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class))).list();
        return out;
    }

    @Override
    public Optional<LocalDate> heldSince(UUID laId) {
        return jdbc.sql("""
                SELECT (min(created_at) AT TIME ZONE 'Europe/London')::date FROM improvement_plan WHERE la_id = ?""")
                .param(laId).query((rs, i) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single();
    }
}
