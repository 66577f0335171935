package org.oversight.access;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.oversight.shared.calendar.WorkingDayCalendar;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only access of named inspectors to one LA's child-level data for the on-site dates of an activity, granted by
 * the LA's managers. A grant is in force only from its first to its last day (Europe/London), so it starts and ends on
 * its own; a manager may end it early. Every use is logged where the data is read (child_access, as the inspector).
 * A grant never runs outside its activity's on-site dates, and never longer than {@link #MAX_WORKING_DAYS} working
 * days (Ofsted's longest on-site inspection), whatever dates the activity was given.
 */
@Service
public class InspectorGrants {

    /** A grant as the LA's managers see it. */
    public record Grant(UUID id, UUID activityId, String inspector, String inspectorName, LocalDate startsOn, LocalDate endsOn,
                        String grantedBy, Timestamp grantedAt, Timestamp revokedAt) {
        public boolean inForce(LocalDate today) {
            return revokedAt == null && !today.isBefore(startsOn) && !today.isAfter(endsOn);
        }
    }

    /** An inspector who may be named. */
    public record Inspector(String username, String displayName) {
    }

    /** The longest a grant runs: two weeks on site. */
    public static final int MAX_WORKING_DAYS = 10;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WorkingDayCalendar calendar;

    InspectorGrants(JdbcClient jdbc, Clock clock, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
    }

    /**
     * The days a grant for the activity may run: the dates given, within the activity's own on-site dates (when it
     * has them), cut to {@link #MAX_WORKING_DAYS} working days from the first working day.
     */
    public LocalDate[] window(UUID laId, UUID activityId, LocalDate startsOn, LocalDate endsOn) {
        LocalDate first = startsOn;
        LocalDate last = endsOn;
        var onSite = jdbc.sql("""
                SELECT min(r.start_date), max(r.end_date) FROM on_site_range r JOIN inspection_activity a ON a.id = r.activity_id
                 WHERE a.id = ? AND a.la_id = ?""").params(activityId, laId)
                .query((rs, i) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}).single();
        if (onSite[0] != null) {
            first = first.isBefore(onSite[0]) ? onSite[0] : first;
            last = last.isAfter(onSite[1]) ? onSite[1] : last;
        }
        LocalDate day = first;
        while (!calendar.isWorkingDay(day) && !day.isAfter(last)) {
            day = day.plusDays(1);
        }
        LocalDate cap = calendar.addWorkingDays(day, MAX_WORKING_DAYS - 1);
        return new LocalDate[] {first, last.isAfter(cap) ? cap : last};
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The LA an inspector may read today: the LA of their grant in force (none when they have none, or several LAs). */
    public Optional<UUID> laInForce(UUID inspectorId) {
        List<UUID> las = jdbc.sql("""
                SELECT DISTINCT la_id FROM inspector_grant WHERE inspector_id = ? AND revoked_at IS NULL AND ? BETWEEN starts_on AND ends_on""")
                .params(inspectorId, Date.valueOf(today())).query(UUID.class).list();
        return las.size() == 1 ? Optional.of(las.getFirst()) : Optional.empty();
    }

    /** A grant as its inspector sees it: which LA, from when to when. */
    /** A grant of the signed-in inspector, for the on-site dates of the activity {@code activityId}. */
    public record MyGrant(int laUrn, String laName, LocalDate startsOn, LocalDate endsOn, String grantedBy, UUID activityId) {
        public boolean inForce(LocalDate today) {
            return !today.isBefore(startsOn) && !today.isAfter(endsOn);
        }
    }

    /** The inspector's grants in force or still to come (not revoked, not ended), soonest first. */
    public List<MyGrant> mine(UUID inspectorId) {
        return jdbc.sql("""
                SELECT la.urn, la.name, g.starts_on, g.ends_on, coalesce(u.display_name, g.granted_by), g.activity_id
                  FROM inspector_grant g JOIN local_authority la ON la.id = g.la_id LEFT JOIN app_user u ON u.username = g.granted_by
                 WHERE g.inspector_id = ? AND g.revoked_at IS NULL AND g.ends_on >= ? ORDER BY g.starts_on, la.name""")
                .params(inspectorId, Date.valueOf(today()))
                .query((rs, i) -> new MyGrant(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getString(5), rs.getObject(6, UUID.class))).list();
    }

    public List<Inspector> inspectors() {
        return jdbc.sql("SELECT username, display_name FROM app_user WHERE role = 'INSPECTOR' AND enabled ORDER BY display_name")
                .query((rs, i) -> new Inspector(rs.getString(1), rs.getString(2))).list();
    }

    @Transactional(readOnly = true)
    public List<Grant> ofLa(UUID laId, CurrentUser currentUser) {
        requireManager(laId, currentUser);
        return jdbc.sql("""
                SELECT g.id, g.activity_id, u.username, u.display_name, g.starts_on, g.ends_on, g.granted_by, g.granted_at, g.revoked_at
                  FROM inspector_grant g JOIN app_user u ON u.id = g.inspector_id WHERE g.la_id = ? ORDER BY g.starts_on DESC, u.display_name""")
                .param(laId).query((rs, i) -> new Grant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
                        rs.getTimestamp(8), rs.getTimestamp(9))).list();
    }

    /** Grants the named inspector read-only access for the activity's on-site dates (the caller passes them). */
    @Transactional
    public UUID grant(UUID laId, UUID activityId, LocalDate startsOn, LocalDate endsOn, String inspectorUsername, CurrentUser currentUser) {
        requireManager(laId, currentUser);
        var inspector = jdbc.sql("SELECT id FROM app_user WHERE username = ? AND role = 'INSPECTOR' AND enabled")
                .param(inspectorUsername == null ? "" : inspectorUsername.trim()).query(UUID.class).optional();
        if (inspector.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("inspector", "access.error.inspector")));
        }
        if (startsOn == null || endsOn == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("activity", "access.error.activity")));
        }
        LocalDate[] window = window(laId, activityId, startsOn, endsOn);
        if (window[1].isBefore(today())) {
            throw new InvalidInputException(List.of(FieldProblem.of("activity", "access.error.activity.2")));
        }
        if (window[1].isBefore(window[0])) {
            throw new InvalidInputException(List.of(FieldProblem.of("activity", "access.error.activity.3")));
        }
        startsOn = window[0];
        endsOn = window[1];
        return jdbc.sql("""
                INSERT INTO inspector_grant (la_id, activity_id, inspector_id, starts_on, ends_on, granted_by, granted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""").params(laId, activityId, inspector.get(), Date.valueOf(startsOn),
                Date.valueOf(endsOn), currentUser.actor(), Timestamp.from(clock.instant())).query(UUID.class).single();
    }

    /** Ends a grant now. */
    @Transactional
    public void revoke(UUID laId, UUID grantId, CurrentUser currentUser) {
        requireManager(laId, currentUser);
        int changed = jdbc.sql("UPDATE inspector_grant SET revoked_at = ?, revoked_by = ? WHERE id = ? AND la_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), currentUser.actor(), grantId, laId).update();
        if (changed == 0) {
            throw new NotFoundException("No grant in force has the id " + grantId);
        }
    }

    private static void requireManager(UUID laId, CurrentUser currentUser) {
        if (!currentUser.canManage(laId)) {
            throw new AccessDeniedException("Only the local authority's managers grant inspectors access");
        }
    }
}
