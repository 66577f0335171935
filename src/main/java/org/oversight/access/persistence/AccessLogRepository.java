package org.oversight.access.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the LA's access log ({@code child_access}). */
@Repository
public class AccessLogRepository {

    /** One row of the log. */
    public record Row(Timestamp at, String who, String childRef, String what, String purpose, String name) {
    }

    private final JdbcClient jdbc;

    AccessLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID laId, String childRef, String who, Instant at, String what, String purpose) {
        jdbc.sql("INSERT INTO child_access (la_id, child_ref, viewed_by, viewed_at, what, purpose) VALUES (?, ?, ?, ?, ?, ?)")
                .params(laId, childRef, who, Timestamp.from(at), what, purpose).update();
    }

    /** Rows of the LA matching every non-null filter (viewed at or after {@code from}, before {@code until}), newest first. */
    public List<Row> search(UUID laId, String childRef, String who, Instant from, Instant until, int limit) {
        // The person's name beside the account that opened the record (the account's username when it has no name, or "system").
        StringBuilder sql = new StringBuilder("""
                SELECT c.viewed_at, c.viewed_by, c.child_ref, c.what, c.purpose, coalesce(nullif(u.display_name, ''), c.viewed_by)
                  FROM child_access c LEFT JOIN app_user u ON u.username = c.viewed_by WHERE c.la_id = ?""");
        List<Object> params = new ArrayList<>(List.of(laId));
        if (childRef != null) {
            sql.append(" AND c.child_ref = ?");
            params.add(childRef);
        }
        if (who != null) {
            sql.append(" AND (c.viewed_by = ? OR lower(u.display_name) = lower(?))");
            params.add(who);
            params.add(who);
        }
        if (from != null) {
            sql.append(" AND c.viewed_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (until != null) {
            sql.append(" AND c.viewed_at < ?");
            params.add(Timestamp.from(until));
        }
        sql.append(" ORDER BY c.viewed_at DESC, c.id DESC LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Row(rs.getTimestamp(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    /** Who has seen one child's record, newest first, for the subject-access export. */
    public List<Map<String, Object>> historyOf(UUID laId, String childRef) {
        return jdbc.sql("""
                SELECT viewed_at, viewed_by, what, purpose FROM child_access WHERE la_id = ? AND child_ref = ? ORDER BY viewed_at DESC""")
                .params(laId, childRef).query().listOfRows();
    }
}
