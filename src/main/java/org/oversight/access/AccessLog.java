package org.oversight.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.oversight.access.persistence.AccessLogRepository;
import org.oversight.shared.SubjectAccessSource;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The LA's log of every view and export of a child's record (who, when, which child, what, why). Every module writes
 * it through {@link #record}, never its table; the LA's managers search it; and the subject-access export of one child
 * gathers everything every module holds about them ({@link SubjectAccessSource}) with the history of who has seen it.
 * The export is itself logged.
 */
@Service
public class AccessLog {

    /** One entry of the log: {@code who} is the account's username, {@code name} the person's name (the username if it has none). */
    public record Entry(Timestamp at, String who, String childRef, String what, String purpose, String name) {
    }

    /** A search: any of child, person (username or name) and dates may be blank. */
    public record Search(String childRef, String who, LocalDate from, LocalDate to) {
    }

    /** The most entries one search shows. */
    public static final int LIMIT = 1000;

    /** The child reference an entry carries when it is about every child of the LA (an export, a sample). */
    public static final String ALL_CHILDREN = "*";

    private final AccessLogRepository log;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final List<SubjectAccessSource> sources;

    AccessLog(AccessLogRepository log, CurrentUser currentUser, Clock clock, List<SubjectAccessSource> sources) {
        this.log = log;
        this.currentUser = currentUser;
        this.clock = clock;
        this.sources = sources;
    }

    /**
     * Records that the current user (or "system") saw or exported a child's record now, in the caller's transaction.
     *
     * @param childRef the child, or {@link #ALL_CHILDREN}
     * @param what     what was seen, in words ("compliance record", "case audit: …")
     * @param purpose  why, as the person said or as the work implies; null when no person chose it (an export)
     */
    @Transactional
    public void record(UUID laId, String childRef, String what, Purpose purpose) {
        log.insert(laId, childRef, currentUser.actor(), clock.instant(), what, purpose == null ? null : purpose.name());
    }

    /** Entries matching the search, newest first (at most 1000). */
    @Transactional(readOnly = true)
    public List<Entry> search(UUID laId, Search search) {
        requireManager(laId);
        ZoneId zone = clock.getZone();
        Instant from = search.from() == null ? null : search.from().atStartOfDay(zone).toInstant();
        Instant until = search.to() == null ? null : search.to().plusDays(1).atStartOfDay(zone).toInstant();
        return log.search(laId, trimmed(search.childRef()), trimmed(search.who()), from, until, LIMIT).stream()
                .map(r -> new Entry(r.at(), r.who(), r.childRef(), r.what(), r.purpose(), r.name())).toList();
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
        boolean known = sections.values().stream().anyMatch(rows -> !((List<?>) rows).isEmpty());
        if (!known) {
            throw new NotFoundException("Oversight holds nothing about a child " + childRef + " of this local authority");
        }
        sections.put("access_history", log.historyOf(laId, childRef));
        record(laId, childRef, "subject-access export", Purpose.COMPLAINT_OR_REQUEST);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("child", childRef);
        export.put("exportedBy", currentUser.actor());
        export.put("exportedAt", clock.instant().toString());
        export.put("sections", sections);
        return export;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private void requireManager(UUID laId) {
        if (currentUser.get().filter(u -> u.role() == Role.LA_MANAGER && u.memberOf(laId)).isEmpty()) {
            throw new AccessDeniedException("The access log and subject-access exports are for the local authority's managers");
        }
    }
}
