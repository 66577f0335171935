package org.oversight.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.oversight.shared.SubjectAccessSource;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The LA's log of every view and export of a child's record (who, when, which child, what), searchable by its
 * managers; and the subject-access export of one child: everything every module holds about them, with the history of
 * who has seen it. The export is itself logged.
 */
@Service
public class AccessLog {

    /** One entry of the log. */
    public record Entry(Timestamp at, String who, String childRef, String what, String purpose) {
    }

    /** A search: any of child, person and dates may be blank. */
    public record Search(String childRef, String who, LocalDate from, LocalDate to) {
    }

    /** The most entries one search shows. */
    public static final int LIMIT = 1000;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final List<SubjectAccessSource> sources;

    AccessLog(JdbcClient jdbc, CurrentUser currentUser, Clock clock, List<SubjectAccessSource> sources) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.sources = sources;
    }

    /** Entries matching the search, newest first (at most 1000). */
    @Transactional(readOnly = true)
    public List<Entry> search(UUID laId, Search search) {
        requireManager(laId);
        ZoneId zone = clock.getZone();
        StringBuilder sql = new StringBuilder("SELECT viewed_at, viewed_by, child_ref, what, purpose FROM child_access WHERE la_id = ?");
        List<Object> params = new ArrayList<>(List.of(laId));
        if (search.childRef() != null && !search.childRef().isBlank()) {
            sql.append(" AND child_ref = ?");
            params.add(search.childRef().trim());
        }
        if (search.who() != null && !search.who().isBlank()) {
            sql.append(" AND viewed_by = ?");
            params.add(search.who().trim());
        }
        if (search.from() != null) {
            sql.append(" AND viewed_at >= ?");
            params.add(Timestamp.from(search.from().atStartOfDay(zone).toInstant()));
        }
        if (search.to() != null) {
            sql.append(" AND viewed_at < ?");
            params.add(Timestamp.from(search.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        sql.append(" ORDER BY viewed_at DESC, id DESC LIMIT ").append(LIMIT);
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Entry(rs.getTimestamp(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5))).list();
    }

    /** Everything held about one child, by module and table, with its access history; logged as a subject-access export. */
    @Transactional
    public Map<String, Object> subjectAccess(UUID laId, String childRef) {
        requireManager(laId);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (SubjectAccessSource source : sources) {
            for (SubjectAccessSource.Section s : source.sections(laId, childRef)) {
                sections.put(s.name(), s.rows());
            }
        }
        boolean known = sections.entrySet().stream().anyMatch(e -> !e.getKey().equals("access_history") && !((List<?>) e.getValue()).isEmpty());
        if (!known) {
            throw new NotFoundException("Oversight holds nothing about a child " + childRef + " of this local authority");
        }
        jdbc.sql("INSERT INTO child_access (la_id, child_ref, viewed_by, viewed_at, what) VALUES (?, ?, ?, ?, ?)")
                .params(laId, childRef, currentUser.actor(), Timestamp.from(clock.instant()), "subject-access export").update();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("child", childRef);
        export.put("exportedBy", currentUser.actor());
        export.put("exportedAt", clock.instant().toString());
        export.put("sections", sections);
        return export;
    }

    private void requireManager(UUID laId) {
        if (currentUser.get().filter(u -> u.role() == Role.LA_MANAGER && u.memberOf(laId)).isEmpty()) {
            throw new AccessDeniedException("The access log and subject-access exports are for the local authority's managers");
        }
    }
}
