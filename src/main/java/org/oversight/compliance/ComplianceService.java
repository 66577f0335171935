package org.oversight.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.access.CurrentUser;
import org.oversight.compliance.domain.Compliance;
import org.oversight.compliance.domain.ReviewSchedule;
import org.oversight.compliance.domain.TimescaleRule;
import org.oversight.compliance.domain.TimescaleRules;
import org.oversight.shared.calendar.WorkingDayCalendar;
import org.oversight.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compliance of the children in an LA's current snapshot with the statutory timescales the return can show (reviews
 * of children in care; keeping in touch with care leavers). Child-level results are for the LA's managers and staff
 * only, and every view of a child's record is logged.
 */
@Service
public class ComplianceService {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final TimescaleRules rules = TimescaleRules.bundled();

    ComplianceService(JdbcClient jdbc, CurrentUser currentUser, WorkingDayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.calendar = calendar;
        this.clock = clock;
    }

    public TimescaleRules rules() {
        return rules;
    }

    /** The current snapshot of an LA: its id, collection year and the date compliance is measured at. */
    public record Snapshot(UUID id, UUID laId, String collectionYear, LocalDate asOf, Timestamp importedAt) {
    }

    /** One child in care and their review compliance. */
    public record ChildReview(String childRef, int age, LocalDate lookedAfterFrom, Compliance compliance) {
    }

    /** One care leaver and whether the LA is in touch. */
    public record CareLeaverTouch(String childRef, int age, String inTouch, boolean inTouchOrNotRequired) {
    }

    public record Dashboard(Snapshot snapshot, List<ChildReview> reviews, List<CareLeaverTouch> careLeavers) {
        public long reviewsCompliant() {
            return reviews.stream().filter(r -> r.compliance().compliant()).count();
        }

        public long reviewsOverdue() {
            return reviews.stream().filter(r -> r.compliance().overdueDays() > 0).count();
        }

        public long careLeaversInTouch() {
            return careLeavers.stream().filter(CareLeaverTouch::inTouchOrNotRequired).count();
        }

        public int percent(long part, int whole) {
            return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
        }
    }

    @Transactional(readOnly = true)
    public Optional<Snapshot> currentSnapshot(UUID laId) {
        return jdbc.sql("""
                SELECT id, la_id, collection_year, imported_at FROM import_snapshot
                 WHERE la_id = ? AND superseded_at IS NULL ORDER BY collection_year DESC LIMIT 1""").param(laId)
                .query((rs, i) -> new Snapshot(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        measuredOn(rs.getString(3)), rs.getTimestamp(4))).optional();
    }

    /** Compliance is measured today, or at the end of the collection year (31 March) for an earlier year's return. */
    private LocalDate measuredOn(String collectionYear) {
        LocalDate yearEnd = LocalDate.of(Integer.parseInt(collectionYear.substring(0, 4)) + 1, 3, 31);
        LocalDate today = LocalDate.now(clock);
        return today.isBefore(yearEnd) ? today : yearEnd;
    }

    /** The LA's compliance, for its managers and staff. */
    @Transactional(readOnly = true)
    public Optional<Dashboard> dashboard(UUID laId) {
        requireChildDataAccess(laId);
        return currentSnapshot(laId).map(this::compute);
    }

    Dashboard compute(Snapshot snapshot) {
        TimescaleRule reviewRule = rules.get("CLA-REVIEW");
        Map<String, LocalDate> dob = new LinkedHashMap<>();
        jdbc.sql("SELECT child_ref, dob FROM child WHERE snapshot_id = ?").param(snapshot.id())
                .query(rs -> { dob.put(rs.getString(1), rs.getObject(2, LocalDate.class)); });
        Map<String, List<LocalDate[]>> episodes = new LinkedHashMap<>();
        jdbc.sql("SELECT child_ref, decom, dec FROM episode WHERE snapshot_id = ? ORDER BY child_ref, decom").param(snapshot.id())
                .query(rs -> { episodes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new LocalDate[] {rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)}); });
        Map<String, List<LocalDate>> reviews = new LinkedHashMap<>();
        jdbc.sql("SELECT child_ref, review_date FROM review WHERE snapshot_id = ? ORDER BY child_ref, review_date").param(snapshot.id())
                .query(rs -> { reviews.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getObject(2, LocalDate.class)); });
        List<ChildReview> results = new ArrayList<>();
        episodes.forEach((child, list) -> {
            LocalDate[] last = list.getLast();
            if (last[1] != null && !last[1].isAfter(snapshot.asOf())) {
                return; // no longer looked after at the date measured
            }
            LocalDate periodStart = periodStart(list);
            Compliance c = ReviewSchedule.evaluate(reviewRule, periodStart, reviews.getOrDefault(child, List.of()), snapshot.asOf(), calendar);
            LocalDate born = dob.get(child);
            results.add(new ChildReview(child, born == null ? -1 : Period.between(born, snapshot.asOf()).getYears(), periodStart, c));
        });
        results.sort(Comparator.comparing((ChildReview r) -> -r.compliance().overdueDays()).thenComparing(ChildReview::childRef));
        List<CareLeaverTouch> leavers = jdbc.sql("""
                SELECT cl.child_ref, c.dob, cl.in_touch FROM care_leaver cl JOIN child c ON c.snapshot_id = cl.snapshot_id AND c.child_ref = cl.child_ref
                 WHERE cl.snapshot_id = ? ORDER BY cl.child_ref""").param(snapshot.id())
                .query((rs, i) -> {
                    String inTouch = rs.getString(3);
                    boolean ok = inTouch != null && List.of("YES", "NREQ", "RHOM", "DIED").contains(inTouch.trim().toUpperCase());
                    return new CareLeaverTouch(rs.getString(1), Period.between(rs.getObject(2, LocalDate.class), snapshot.asOf()).getYears(), inTouch, ok);
                }).list();
        return new Dashboard(snapshot, results, leavers);
    }

    /** A child's review history, logged as a view of that child's record. */
    @Transactional
    public ChildReview child(UUID laId, String childRef) {
        requireChildDataAccess(laId);
        Snapshot snapshot = currentSnapshot(laId).orElseThrow(() -> new NotFoundException("No child-level data has been imported"));
        ChildReview review = compute(snapshot).reviews().stream().filter(r -> r.childRef().equals(childRef)).findFirst()
                .orElseThrow(() -> new NotFoundException("No child " + childRef + " in care in the current data"));
        jdbc.sql("INSERT INTO child_access (la_id, child_ref, viewed_by, viewed_at, what) VALUES (?, ?, ?, ?, ?)")
                .params(laId, childRef, currentUser.actor(), Timestamp.from(clock.instant()), "compliance record").update();
        io.micrometer.core.instrument.Metrics.counter("oversight.child.record.views").increment(); // a count only: no child, no viewer
        return review;
    }

    /** One LA's compliance figures, without any child's record. */
    public record LaFigures(UUID laId, String laName, String region, String collectionYear, LocalDate asOf, int childrenInCare,
                            long reviewsCompliant, int careLeavers, long careLeaversInTouch) {
        public int reviewsPercent() {
            return childrenInCare == 0 ? 0 : (int) Math.round(100.0 * reviewsCompliant / childrenInCare);
        }

        public int inTouchPercent() {
            return careLeavers == 0 ? 0 : (int) Math.round(100.0 * careLeaversInTouch / careLeavers);
        }
    }

    /** Every LA's current figures, for national analysts (aggregates only; no child-level data). */
    @Transactional(readOnly = true)
    public List<LaFigures> national() {
        if (currentUser.get().filter(u -> u.role() == org.oversight.access.Role.NATIONAL_ANALYST
                || u.role() == org.oversight.access.Role.ADMIN).isEmpty()) {
            throw new AccessDeniedException("The national compliance picture is for national analysts");
        }
        List<LaFigures> result = new ArrayList<>();
        jdbc.sql("""
                SELECT DISTINCT s.la_id, la.name, la.region_name FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id
                 WHERE s.superseded_at IS NULL ORDER BY la.region_name, la.name""")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)}).list()
                .forEach(row -> currentSnapshot((UUID) row[0]).ifPresent(snapshot -> {
                    Dashboard d = compute(snapshot);
                    result.add(new LaFigures((UUID) row[0], (String) row[1], (String) row[2], snapshot.collectionYear(), snapshot.asOf(),
                            d.reviews().size(), d.reviewsCompliant(), d.careLeavers().size(), d.careLeaversInTouch()));
                }));
        return result;
    }

    /** One snapshot's figures, for the LA's trend over its imports. */
    public record TrendPoint(String collectionYear, Timestamp importedAt, boolean current, int childrenInCare, int reviewsPercent) {
    }

    /** The LA's figures for every snapshot it has imported, newest first. */
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(UUID laId) {
        requireChildDataAccess(laId);
        return jdbc.sql("SELECT id, collection_year, imported_at, superseded_at IS NULL FROM import_snapshot WHERE la_id = ? ORDER BY imported_at DESC")
                .param(laId).query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3), rs.getBoolean(4)})
                .list().stream().map(row -> {
                    String year = (String) row[1];
                    Dashboard d = compute(new Snapshot((UUID) row[0], laId, year, measuredOn(year), (Timestamp) row[2]));
                    return new TrendPoint(year, (Timestamp) row[2], (Boolean) row[3], d.reviews().size(),
                            d.percent(d.reviewsCompliant(), d.reviews().size()));
                }).toList();
    }

    /** Records an export of child-level data in the access log (who, when, what). */
    @Transactional
    public void logExport(UUID laId, String what) {
        requireChildDataAccess(laId);
        jdbc.sql("INSERT INTO child_access (la_id, child_ref, viewed_by, viewed_at, what) VALUES (?, '*', ?, ?, ?)")
                .params(laId, currentUser.actor(), Timestamp.from(clock.instant()), what).update();
    }

    /** Start of the current period of care: back through episodes that follow on without a gap. */
    static LocalDate periodStart(List<LocalDate[]> episodes) {
        LocalDate start = episodes.getLast()[0];
        for (int i = episodes.size() - 2; i >= 0; i--) {
            LocalDate end = episodes.get(i)[1];
            if (end != null && end.equals(start)) {
                start = episodes.get(i)[0];
            } else {
                break;
            }
        }
        return start;
    }

    private void requireChildDataAccess(UUID laId) {
        if (!currentUser.canEdit(laId)) {
            throw new AccessDeniedException("Children's records are visible only to the local authority's own managers and staff");
        }
    }
}
