package org.oversight.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.oversight.access.CurrentUser;
import org.oversight.access.Role;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.compliance.domain.Compliance;
import org.oversight.compliance.domain.HealthSchedule;
import org.oversight.compliance.domain.ReviewSchedule;
import org.oversight.compliance.domain.TimescaleRule;
import org.oversight.compliance.domain.TimescaleRules;
import org.oversight.compliance.domain.VisitSchedule;
import org.oversight.shared.Dates;
import org.oversight.shared.calendar.WorkingDayCalendar;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compliance of every child in an LA's current child-level data with the statutory timescales the data can show:
 * reviews of children in care and keeping in touch with care leavers (SSDA903 return), social work visits, health
 * assessments and pathway plan reviews (Annex A lists 8 and 9). Child-level results are for the LA's managers and
 * staff only, and every view of a child's record is logged.
 */
@Service
public class ComplianceService {

    /** Rules measured for children in care, and for care leavers, in the order pages show them. */
    public static final List<String> IN_CARE_RULES = List.of("CLA-REVIEW", "CLA-VISIT", "CLA-HEALTH", "CLA-PEP");
    public static final List<String> LEAVER_RULES = List.of("CL-PATHWAY-REVIEW", "CL-KEEPING-IN-TOUCH", "CL-NEEDS-ASSESSMENT");
    static final String NOT_ALLOCATED = "Not allocated";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final RuleSettings settings;

    ComplianceService(JdbcClient jdbc, CurrentUser currentUser, WorkingDayCalendar calendar, Clock clock, RuleSettings settings) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.calendar = calendar;
        this.clock = clock;
        this.settings = settings;
    }

    /** The rules in force (bundled, with any administrator's change to a configurable interval). */
    public TimescaleRules rules() {
        return settings.current();
    }

    /** A snapshot of an LA's data: its id, collection year and the date it describes (compliance is measured then). */
    public record Snapshot(UUID id, UUID laId, String collectionYear, LocalDate asOf, Timestamp importedAt) {
    }

    /**
     * One child and what each rule says about them. {@code rules} holds the rules the data measures for this child;
     * {@code unknown} the rules that apply but that the data cannot show (no Annex A row, or not held anywhere).
     */
    public record ChildRecord(String childRef, Cohort cohort, int age, String team, String worker, LocalDate lookedAfterFrom,
                              Map<String, Compliance> rules, List<String> unknown) {
        public long maxOverdueDays() {
            return rules.values().stream().mapToLong(Compliance::overdueDays).max().orElse(0);
        }

        public List<String> overdueRules() {
            return rules.values().stream().filter(c -> c.overdueDays() > 0).map(Compliance::ruleId).toList();
        }

        public boolean overdue() {
            return maxOverdueDays() > 0;
        }

        public boolean compliant() {
            return rules.values().stream().allMatch(Compliance::compliant);
        }

        public Compliance rule(String id) {
            return rules.get(id);
        }

        /** The next statutory review (child in care) or pathway plan review (care leaver), when known. */
        public LocalDate nextReviewDue() {
            Compliance c = rules.get(cohort == Cohort.CHILD_IN_CARE ? "CLA-REVIEW" : "CL-PATHWAY-REVIEW");
            return c == null ? null : c.nextDue();
        }
    }

    /** How one rule stands across a group of children. */
    public record RuleFigure(String ruleId, int measured, long compliant, long overdue, int unknown) {
        public int percent() {
            return measured == 0 ? 0 : (int) Math.round(100.0 * compliant / measured);
        }
    }

    /** A team (or a worker) and how its children stand. */
    public record GroupFigure(String name, int children, long overdueChildren, long compliantChildren) {
        public int percent() {
            return children == 0 ? 0 : (int) Math.round(100.0 * compliantChildren / children);
        }
    }

    public record Dashboard(Snapshot snapshot, Snapshot annexA, List<ChildRecord> inCare, List<ChildRecord> careLeavers) {

        public List<ChildRecord> children() {
            List<ChildRecord> all = new ArrayList<>(inCare);
            all.addAll(careLeavers);
            return all;
        }

        /** Children out of timescale on any rule, most overdue first. */
        public List<ChildRecord> overdueChildren() {
            return children().stream().filter(ChildRecord::overdue)
                    .sorted(Comparator.comparingLong(ChildRecord::maxOverdueDays).reversed().thenComparing(ChildRecord::childRef)).toList();
        }

        public RuleFigure figure(String ruleId) {
            List<ChildRecord> group = IN_CARE_RULES.contains(ruleId) ? inCare : careLeavers;
            return figure(ruleId, group);
        }

        static RuleFigure figure(String ruleId, List<ChildRecord> group) {
            int measured = 0;
            long compliant = 0;
            long overdue = 0;
            int unknown = 0;
            for (ChildRecord c : group) {
                Compliance r = c.rule(ruleId);
                if (r == null) {
                    unknown += c.unknown().contains(ruleId) ? 1 : 0;
                    continue;
                }
                measured++;
                compliant += r.compliant() ? 1 : 0;
                overdue += r.overdueDays() > 0 ? 1 : 0;
            }
            return new RuleFigure(ruleId, measured, compliant, overdue, unknown);
        }

        /** Every rule's figure, children in care first. */
        public List<RuleFigure> figures() {
            List<RuleFigure> out = new ArrayList<>();
            IN_CARE_RULES.forEach(r -> out.add(figure(r, inCare)));
            LEAVER_RULES.forEach(r -> out.add(figure(r, careLeavers)));
            return out;
        }

        public List<GroupFigure> teams() {
            return groups(children(), ChildRecord::team);
        }

        public List<ChildRecord> team(String team) {
            return children().stream().filter(c -> c.team().equals(team))
                    .sorted(Comparator.comparingLong(ChildRecord::maxOverdueDays).reversed().thenComparing(ChildRecord::childRef)).toList();
        }

        static List<GroupFigure> groups(List<ChildRecord> children, java.util.function.Function<ChildRecord, String> key) {
            Map<String, long[]> counts = new TreeMap<>();
            for (ChildRecord c : children) {
                long[] n = counts.computeIfAbsent(key.apply(c), k -> new long[3]);
                n[0]++;
                n[1] += c.overdue() ? 1 : 0;
                n[2] += c.compliant() ? 1 : 0;
            }
            return counts.entrySet().stream().map(e -> new GroupFigure(e.getKey(), (int) e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        }

        public int percent(long part, int whole) {
            return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
        }
    }

    /** A team's children and its workers' figures. */
    public record Team(String name, List<GroupFigure> workers, List<ChildRecord> children, List<RuleFigure> figures) {
    }

    @Transactional(readOnly = true)
    public Optional<Snapshot> currentSnapshot(UUID laId) {
        return current(laId, "SSDA903");
    }

    /** The LA's current Annex A snapshot, if it has imported a workbook. */
    @Transactional(readOnly = true)
    public Optional<Snapshot> currentAnnexA(UUID laId) {
        return current(laId, "ANNEX_A");
    }

    private Optional<Snapshot> current(UUID laId, String kind) {
        return jdbc.sql("""
                SELECT id, la_id, collection_year, imported_at, as_at FROM import_snapshot
                 WHERE la_id = ? AND kind = ? AND superseded_at IS NULL ORDER BY collection_year DESC LIMIT 1""").params(laId, kind)
                .query((rs, i) -> new Snapshot(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        measuredOn(rs.getString(3), rs.getObject(5, LocalDate.class)), rs.getTimestamp(4))).optional();
    }

    /**
     * Compliance is measured at the date the data describes (its latest event); for data imported without one, today
     * or the end of the collection year (31 March) for an earlier year's return.
     */
    private LocalDate measuredOn(String collectionYear, LocalDate asAt) {
        if (asAt != null) {
            return asAt;
        }
        LocalDate yearEnd = LocalDate.of(Integer.parseInt(collectionYear.substring(0, 4)) + 1, 3, 31);
        LocalDate today = LocalDate.now(clock);
        return today.isBefore(yearEnd) ? today : yearEnd;
    }

    /** The LA's compliance, for its managers and staff (and an inspector under a grant, whose every use is logged). */
    @Transactional
    public Optional<Dashboard> dashboard(UUID laId) {
        requireChildDataAccess(laId);
        if (currentUser.readingUnderGrant(laId)) {
            logView(laId, "*", "compliance dashboard, read by an inspector under a grant");
        }
        return currentSnapshot(laId).map(this::compute);
    }

    /** One team's children and workers. */
    @Transactional
    public Team team(UUID laId, String name) {
        Dashboard d = dashboard(laId).orElseThrow(() -> new NotFoundException("No child-level data has been imported"));
        List<ChildRecord> children = d.team(name);
        if (children.isEmpty()) {
            throw new NotFoundException("No team called '" + name + "' in the current data");
        }
        List<RuleFigure> figures = new ArrayList<>();
        List<ChildRecord> inCare = children.stream().filter(c -> c.cohort() == Cohort.CHILD_IN_CARE).toList();
        List<ChildRecord> leavers = children.stream().filter(c -> c.cohort() == Cohort.CARE_LEAVER).toList();
        IN_CARE_RULES.forEach(r -> figures.add(Dashboard.figure(r, inCare)));
        LEAVER_RULES.forEach(r -> figures.add(Dashboard.figure(r, leavers)));
        return new Team(name, Dashboard.groups(children, ChildRecord::worker), children,
                figures.stream().filter(f -> f.measured() > 0).toList());
    }

    public Dashboard compute(Snapshot snapshot) {
        return compute(snapshot, current(snapshot.laId(), "ANNEX_A").orElse(null), rules());
    }

    Dashboard compute(Snapshot snapshot, Snapshot annexA, TimescaleRules rules) {
        TimescaleRule reviewRule = rules.get("CLA-REVIEW");
        TimescaleRule visitRule = rules.get("CLA-VISIT");
        TimescaleRule healthRule = rules.get("CLA-HEALTH");
        TimescaleRule pathwayRule = rules.get("CL-PATHWAY-REVIEW");
        Map<String, LocalDate> dob = new HashMap<>();
        jdbc.sql("SELECT child_ref, dob FROM child WHERE snapshot_id = ?").param(snapshot.id())
                .query(rs -> { dob.put(rs.getString(1), rs.getObject(2, LocalDate.class)); });
        Map<String, List<Object[]>> episodes = new LinkedHashMap<>();
        jdbc.sql("SELECT child_ref, decom, dec, rne, place FROM episode WHERE snapshot_id = ? ORDER BY child_ref, decom").param(snapshot.id())
                .query(rs -> { episodes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Object[] {
                        rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)}); });
        Map<String, List<LocalDate>> reviews = new HashMap<>();
        jdbc.sql("SELECT child_ref, review_date FROM review WHERE snapshot_id = ? ORDER BY child_ref, review_date").param(snapshot.id())
                .query(rs -> { reviews.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getObject(2, LocalDate.class)); });
        Map<String, AnnexRow> list8 = new HashMap<>();
        Map<String, AnnexRow> list9 = new HashMap<>();
        if (annexA != null) {
            jdbc.sql("""
                    SELECT list, child_ref, team, worker, last_visit, last_health, placement_start, permanence_plan, pathway_review, latest_contact
                      FROM annex_a_child WHERE snapshot_id = ?""").param(annexA.id()).query(rs -> {
                AnnexRow row = new AnnexRow(rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class));
                (rs.getInt(1) == 8 ? list8 : list9).put(rs.getString(2), row);
            });
        }
        LocalDate asOf = snapshot.asOf();
        LocalDate annexAsOf = annexA == null ? asOf : annexA.asOf();
        List<ChildRecord> inCare = new ArrayList<>();
        episodes.forEach((child, list) -> {
            Object[] last = list.getLast();
            if (last[1] != null && !((LocalDate) last[1]).isAfter(asOf)) {
                return; // no longer looked after at the date measured
            }
            List<LocalDate[]> spans = list.stream().map(e -> new LocalDate[] {(LocalDate) e[0], (LocalDate) e[1]}).toList();
            LocalDate periodStart = periodStart(spans);
            LocalDate born = dob.get(child);
            Map<String, Compliance> results = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            results.put("CLA-REVIEW", ReviewSchedule.evaluate(reviewRule, periodStart, reviews.getOrDefault(child, List.of()), asOf, calendar));
            AnnexRow a = list8.get(child);
            if (a != null) {
                LocalDate placementStart = a.placementStart() != null ? a.placementStart() : placementStart(list);
                boolean longTerm = "U1".equals(last[3]) || "U4".equals(last[3])
                        || (a.permanencePlan() != null && a.permanencePlan().toLowerCase(java.util.Locale.ROOT).contains("long-term"));
                results.put("CLA-VISIT", VisitSchedule.fromLatestVisit(visitRule, new VisitSchedule.Placement(placementStart, longTerm),
                        a.lastVisit(), annexAsOf, calendar));
                results.put("CLA-HEALTH", HealthSchedule.evaluate(healthRule, periodStart, born, a.lastHealth(), annexAsOf, calendar));
            } else {
                unknown.add("CLA-VISIT");
                unknown.add("CLA-HEALTH");
            }
            unknown.add("CLA-PEP");
            inCare.add(new ChildRecord(child, Cohort.CHILD_IN_CARE, age(born, asOf), team(a), worker(a), periodStart, results, List.copyOf(unknown)));
        });
        List<ChildRecord> leavers = new ArrayList<>();
        jdbc.sql("SELECT child_ref, in_touch FROM care_leaver WHERE snapshot_id = ? ORDER BY child_ref").param(snapshot.id()).query(rs -> {
            String child = rs.getString(1);
            LocalDate born = dob.get(child);
            AnnexRow a = list9.get(child);
            Map<String, Compliance> results = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            if (a != null && a.pathwayReview() != null) {
                results.put("CL-PATHWAY-REVIEW", new Compliance(pathwayRule.id(), List.of(), pathwayRule.interval("later").after(a.pathwayReview(), calendar),
                        "next pathway plan review: " + pathwayRule.interval("later").words() + " after the review of " + Dates.format(a.pathwayReview()),
                        annexAsOf));
            } else {
                unknown.add("CL-PATHWAY-REVIEW");
            }
            if (born != null) {
                results.put("CL-KEEPING-IN-TOUCH", inTouch(rs.getString(2), born, a == null ? null : a.latestContact(), asOf));
            }
            unknown.add("CL-NEEDS-ASSESSMENT");
            leavers.add(new ChildRecord(child, Cohort.CARE_LEAVER, age(born, asOf), team(a), worker(a), null, results, List.copyOf(unknown)));
        });
        inCare.sort(Comparator.comparingLong(ChildRecord::maxOverdueDays).reversed().thenComparing(ChildRecord::childRef));
        return new Dashboard(snapshot, annexA, List.copyOf(inCare), List.copyOf(leavers));
    }

    private record AnnexRow(String team, String worker, LocalDate lastVisit, LocalDate lastHealth, LocalDate placementStart,
                            String permanencePlan, LocalDate pathwayReview, LocalDate latestContact) {
    }

    private static String team(AnnexRow a) {
        return a == null || a.team() == null ? NOT_ALLOCATED : a.team();
    }

    private static String worker(AnnexRow a) {
        return a == null || a.worker() == null ? NOT_ALLOCATED : a.worker();
    }

    private static int age(LocalDate born, LocalDate asOf) {
        return born == null ? -1 : Period.between(born, asOf).getYears();
    }

    /**
     * Keeping in touch (SSDA903 OC3): the LA records around each birthday from 17 to 21 whether it is in touch. In touch
     * (or not required: returned home, died, no longer needed) is in time until the next birthday; otherwise the
     * child has been out of touch since that birthday.
     */
    private static Compliance inTouch(String code, LocalDate born, LocalDate latestContact, LocalDate asOf) {
        LocalDate birthday = born.withYear(asOf.getYear());
        if (birthday.isAfter(asOf)) {
            birthday = birthday.minusYears(1);
        }
        boolean ok = code != null && List.of("YES", "NREQ", "RHOM", "DIED").contains(code.trim().toUpperCase());
        String contact = latestContact == null ? "" : "; latest contact " + Dates.format(latestContact);
        if (ok) {
            return new Compliance("CL-KEEPING-IN-TOUCH", List.of(new Compliance.Due(birthday, "in touch around the birthday (" + code.trim() + ")" + contact,
                    birthday)), birthday.plusYears(1), "next check: around the birthday on " + Dates.format(birthday.plusYears(1)), asOf);
        }
        return new Compliance("CL-KEEPING-IN-TOUCH", List.of(new Compliance.Due(birthday, "not in touch around the birthday ("
                + (code == null ? "not recorded" : code.trim()) + ")" + contact, null)), birthday,
                "not in touch since the birthday on " + Dates.format(birthday) + contact, asOf);
    }

    /** How many children a rule finds overdue in a snapshot, with the rules in force now (no child's record). */
    @Transactional(readOnly = true)
    public long overdueCount(Snapshot snapshot, String ruleId) {
        return compute(snapshot).figure(ruleId).overdue();
    }

    /** Why someone opens a child's record: asked on entering it, kept in the access log. */
    public enum Purpose {
        DIRECT_WORK, MANAGEMENT_OVERSIGHT, CASE_AUDIT, COMPLAINT_OR_REQUEST, DATA_QUALITY, INSPECTION;

        /** The purpose named by {@code text}, or null when it names none. */
        public static Purpose parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return valueOf(text.trim());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** A child's compliance record, logged as a view of that child's record with the reason given. */
    @Transactional
    public ChildRecord child(UUID laId, String childRef, Purpose purpose) {
        requireChildDataAccess(laId);
        Snapshot snapshot = currentSnapshot(laId).orElseThrow(() -> new NotFoundException("No child-level data has been imported"));
        ChildRecord record = compute(snapshot).children().stream().filter(r -> r.childRef().equals(childRef)).findFirst()
                .orElseThrow(() -> new NotFoundException("No child " + childRef + " in the current data"));
        logView(laId, childRef, currentUser.readingUnderGrant(laId) ? "compliance record, read by an inspector under a grant" : "compliance record",
                purpose);
        io.micrometer.core.instrument.Metrics.counter("oversight.child.record.views").increment(); // a count only: no child, no viewer
        return record;
    }

    /** A child's compliance record, logged as a view with no reason given (callers that are not a person's choice). */
    @Transactional
    public ChildRecord child(UUID laId, String childRef) {
        return child(laId, childRef, null);
    }

    /** One LA's compliance figures, without any child's record. */
    public record LaFigures(UUID laId, String laName, String region, String collectionYear, LocalDate asOf, int childrenInCare,
                            long reviewsCompliant, int careLeavers, long careLeaversInTouch, RuleFigure visits, RuleFigure health) {
        public int reviewsPercent() {
            return childrenInCare == 0 ? 0 : (int) Math.round(100.0 * reviewsCompliant / childrenInCare);
        }

        public int inTouchPercent() {
            return careLeavers == 0 ? 0 : (int) Math.round(100.0 * careLeaversInTouch / careLeavers);
        }
    }

    static LaFigures figures(UUID laId, String name, String region, Dashboard d) {
        RuleFigure reviews = d.figure("CLA-REVIEW");
        RuleFigure touch = d.figure("CL-KEEPING-IN-TOUCH");
        return new LaFigures(laId, name, region, d.snapshot().collectionYear(), d.snapshot().asOf(), d.inCare().size(), reviews.compliant(),
                d.careLeavers().size(), touch.compliant(), d.figure("CLA-VISIT"), d.figure("CLA-HEALTH"));
    }

    /** Every LA's current figures, for national analysts (aggregates only; no child-level data). */
    @Transactional(readOnly = true)
    public List<LaFigures> national() {
        if (currentUser.get().filter(u -> u.role() == Role.NATIONAL_ANALYST || u.role() == Role.ADMIN).isEmpty()) {
            throw new AccessDeniedException("The national compliance picture is for national analysts");
        }
        TimescaleRules rules = rules();
        List<LaFigures> result = new ArrayList<>();
        jdbc.sql("""
                SELECT DISTINCT s.la_id, la.name, la.region_name FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id
                 WHERE s.superseded_at IS NULL AND s.kind = 'SSDA903' ORDER BY la.region_name, la.name""")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)}).list()
                .forEach(row -> currentSnapshot((UUID) row[0]).ifPresent(snapshot -> result.add(figures((UUID) row[0], (String) row[1],
                        (String) row[2], compute(snapshot, current(snapshot.laId(), "ANNEX_A").orElse(null), rules)))));
        return result;
    }

    /** One snapshot's figures, for the LA's trend over its imports. */
    public record TrendPoint(String collectionYear, Timestamp importedAt, LocalDate asOf, boolean current, int childrenInCare, int reviewsPercent) {
    }

    /** The LA's figures for every 903 snapshot it has imported, newest first. */
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(UUID laId) {
        requireChildDataAccess(laId);
        TimescaleRules rules = rules();
        UUID current = currentSnapshot(laId).map(Snapshot::id).orElse(null);
        return jdbc.sql("""
                SELECT id, collection_year, imported_at, as_at FROM import_snapshot
                 WHERE la_id = ? AND kind = 'SSDA903' ORDER BY imported_at DESC""")
                .param(laId).query((rs, i) -> new Snapshot(rs.getObject(1, UUID.class), laId, rs.getString(2),
                        measuredOn(rs.getString(2), rs.getObject(4, LocalDate.class)), rs.getTimestamp(3))).list().stream().map(s -> {
                    Dashboard d = compute(s, null, rules);
                    RuleFigure reviews = d.figure("CLA-REVIEW");
                    return new TrendPoint(s.collectionYear(), s.importedAt(), s.asOf(), s.id().equals(current),
                            d.inCare().size(), reviews.percent());
                }).toList();
    }

    /** Records an export of child-level data in the access log (who, when, what). */
    @Transactional
    public void logExport(UUID laId, String what) {
        requireChildDataAccess(laId);
        logView(laId, "*", what);
    }

    private void logView(UUID laId, String childRef, String what) {
        logView(laId, childRef, what, null);
    }

    private void logView(UUID laId, String childRef, String what, Purpose purpose) {
        jdbc.sql("INSERT INTO child_access (la_id, child_ref, viewed_by, viewed_at, what, purpose) VALUES (?, ?, ?, ?, ?, ?)")
                .params(laId, childRef, currentUser.actor(), Timestamp.from(clock.instant()), what, purpose == null ? null : purpose.name()).update();
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

    /** Start of the current placement: the latest episode that did not begin with a change of legal status alone (RNE L). */
    private static LocalDate placementStart(List<Object[]> episodes) {
        for (int i = episodes.size() - 1; i >= 0; i--) {
            if (!"L".equals(episodes.get(i)[2])) {
                return (LocalDate) episodes.get(i)[0];
            }
        }
        return (LocalDate) episodes.getFirst()[0];
    }

    /** Refuses (403) anyone who may not read the LA's children's records, before anything about a child is shown. */
    public void checkReadable(UUID laId) {
        requireChildDataAccess(laId);
    }

    private void requireChildDataAccess(UUID laId) {
        if (!currentUser.canReadChildData(laId)) {
            throw new AccessDeniedException("Children's records are visible only to the local authority's own managers and staff");
        }
    }
}
