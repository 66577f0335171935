package org.oversight.compliance.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.oversight.compliance.domain.Interval;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of administrators' changes to configurable timescale intervals. */
@Repository
public class RuleSettingsRepository {

    /** One change of an interval. */
    public record Change(String ruleId, String regime, Interval interval, String reason, String changedBy, Timestamp changedAt) {
    }

    private final JdbcClient jdbc;

    RuleSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every change, newest first. */
    public List<Change> history() {
        return jdbc.sql("SELECT rule_id, regime, amount, unit, reason, changed_by, changed_at FROM timescale_interval_setting ORDER BY changed_at DESC, id DESC")
                .query((rs, i) -> new Change(rs.getString(1), rs.getString(2), new Interval(rs.getInt(3), Interval.Unit.valueOf(rs.getString(4))),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7))).list();
    }

    public void insert(String ruleId, String regime, Interval interval, String reason, String by, Instant at) {
        jdbc.sql("INSERT INTO timescale_interval_setting (rule_id, regime, amount, unit, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(ruleId, regime, interval.amount(), interval.unit().name(), reason, by, Timestamp.from(at)).update();
    }
}
