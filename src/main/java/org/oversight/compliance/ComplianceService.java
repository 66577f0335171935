package org.oversight.compliance;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.oversight.access.AccessLog;
import org.oversight.access.CurrentUser;
import org.oversight.access.Purpose;
import org.oversight.access.Role;
import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.oversight.childdata.snapshots.ChildDataSnapshots.AnnexAChild;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Episode;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Kind;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Snapshot;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.compliance.domain.Compliance;
import org.oversight.compliance.domain.HealthSchedule;
import org.oversight.compliance.domain.ReviewSchedule;
import org.oversight.compliance.domain.TimescaleRule;
import org.oversight.compliance.domain.TimescaleRules;
import org.oversight.compliance.domain.VisitSchedule;
import org.oversight.compliance.protection.HelpAndProtection;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.calendar.WorkingDayCalendar;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compliance of every child in an LA's current child-level data with the statutory timescales the data can show:
 * reviews of children in care and keeping in touch with care leavers (SSDA903 return), social work visits, health
 * assessments and pathway plan reviews (Annex A lists 8 and 9). It reads the data through childdata's published
 * {@link ChildDataSnapshots}. Child-level results are for the LA's managers and staff only, and every view of a child's
 * record is written to the access log.
 */
@Service
public class ComplianceService {

    /** Rules measured for children in care, and for care leavers, in the order pages show them. */
    public static final List<String> IN_CARE_RULES = List.of("CLA-REVIEW", "CLA-VISIT", "CLA-HEALTH", "CLA-PEP");
    public static final List<String> LEAVER_RULES = List.of("CL-PATHWAY-REVIEW", "CL-KEEPING-IN-TOUCH", "CL-NEEDS-ASSESSMENT");
    static final String NOT_ALLOCATED = "Not allocated";

    private final ChildDataSnapshots snapshots;
    private final AccessLog accessLog;
    private final CurrentUser currentUser;
    private final WorkingDayCalendar calendar;
    private final RuleSettings settings;
    private final LocalAuthorities localAuthorities;
    private final HelpAndProtection protection;

    ComplianceService(ChildDataSnapshots snapshots, AccessLog accessLog, CurrentUser currentUser, WorkingDayCalendar calendar,
                      RuleSettings settings, LocalAuthorities localAuthorities, HelpAndProtection protection) {
        this.protection = protection;
        this.snapshots = snapshots;
        this.accessLog = accessLog;
        this.currentUser = currentUser;
        this.calendar = calendar;
        this.settings = settings;
        this.localAuthorities = localAuthorities;
    }

    /** The rules in force (bundled, with any administrator's change to a configurable interval). */
    public TimescaleRules rules() {
        return settings.current();
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

    /** The compliance of the LA's current SSDA903 snapshot, if any; no access check (for this module's published readers). */
    Optional<Dashboard> current(UUID laId) {
        return snapshots.current(laId, Kind.SSDA903).map(this::compute);
    }

    /** The LA's compliance, for its managers and staff (and an inspector under a grant, whose every use is logged). */
    @Transactional
    public Optional<Dashboard> dashboard(UUID laId) {
        openDashboard(laId);
        return current(laId);
    }

    /**
     * Checks that the current user may read the LA's compliance dashboard (403 otherwise) and logs an inspector's read
     * under a grant; the page then reads the stored figures ({@link ComplianceFigures}).
     */
    @Transactional
    public void openDashboard(UUID laId) {
        requireChildDataAccess(laId);
        if (currentUser.readingUnderGrant(laId)) {
            accessLog.record(laId, AccessLog.ALL_CHILDREN, "compliance dashboard, read by an inspector under a grant", null);
        }
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

    /** Every child's compliance in a snapshot, with the LA's current Annex A facts and the rules in force (no access check). */
    public Dashboard compute(Snapshot snapshot) {
        return compute(snapshot, snapshots.current(snapshot.laId(), Kind.ANNEX_A).orElse(null), rules());
    }

    Dashboard compute(Snapshot snapshot, Snapshot annexA, TimescaleRules rules) {
        TimescaleRule reviewRule = rules.get("CLA-REVIEW");
        TimescaleRule visitRule = rules.get("CLA-VISIT");
        TimescaleRule healthRule = rules.get("CLA-HEALTH");
        TimescaleRule pathwayRule = rules.get("CL-PATHWAY-REVIEW");
        Map<String, LocalDate> dob = new HashMap<>();
        snapshots.children(snapshot.id()).forEach(c -> dob.put(c.childRef(), c.dob()));
        Map<String, List<Episode>> episodes = new LinkedHashMap<>();
        snapshots.episodes(snapshot.id()).forEach(e -> episodes.computeIfAbsent(e.childRef(), k -> new ArrayList<>()).add(e));
        Map<String, List<LocalDate>> reviews = new HashMap<>();
        snapshots.reviews(snapshot.id()).forEach(r -> reviews.computeIfAbsent(r.childRef(), k -> new ArrayList<>()).add(r.reviewDate()));
        Map<String, AnnexAChild> list8 = new HashMap<>();
        Map<String, AnnexAChild> list9 = new HashMap<>();
        if (annexA != null) {
            snapshots.annexA(annexA.id()).forEach(a -> (a.list() == 8 ? list8 : list9).put(a.childRef(), a));
        }
        LocalDate asOf = snapshot.asOf();
        LocalDate annexAsOf = annexA == null ? asOf : annexA.asOf();
        List<ChildRecord> inCare = new ArrayList<>();
        episodes.forEach((child, list) -> {
            Episode last = list.getLast();
            if (last.dec() != null && !last.dec().isAfter(asOf)) {
                return; // no longer looked after at the date measured
            }
            LocalDate periodStart = Episode.periodStart(list);
            LocalDate born = dob.get(child);
            Map<String, Compliance> results = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            results.put("CLA-REVIEW", ReviewSchedule.evaluate(reviewRule, periodStart, reviews.getOrDefault(child, List.of()), asOf, calendar));
            AnnexAChild a = list8.get(child);
            if (a != null) {
                LocalDate placementStart = a.placementStart() != null ? a.placementStart() : placementStart(list);
                boolean longTerm = "U1".equals(last.place()) || "U4".equals(last.place())
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
        snapshots.careLeavers(snapshot.id()).forEach(leaver -> {
            String child = leaver.childRef();
            LocalDate born = dob.get(child);
            AnnexAChild a = list9.get(child);
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
                results.put("CL-KEEPING-IN-TOUCH", inTouch(leaver.inTouch(), born, a == null ? null : a.latestContact(), asOf));
            }
            unknown.add("CL-NEEDS-ASSESSMENT");
            leavers.add(new ChildRecord(child, Cohort.CARE_LEAVER, age(born, asOf), team(a), worker(a), null, results, List.copyOf(unknown)));
        });
        inCare.sort(Comparator.comparingLong(ChildRecord::maxOverdueDays).reversed().thenComparing(ChildRecord::childRef));
        return new Dashboard(snapshot, annexA, List.copyOf(inCare), List.copyOf(leavers));
    }

    private static String team(AnnexAChild a) {
        return a == null || a.team() == null ? NOT_ALLOCATED : a.team();
    }

    private static String worker(AnnexAChild a) {
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

    /** A child's compliance record, logged as a view of that child's record with the reason given. */
    @Transactional
    public ChildRecord child(UUID laId, String childRef, Purpose purpose) {
        ChildRecord record = record(laId, childRef);
        logView(laId, childRef, "compliance record", purpose);
        return record;
    }

    /** A child's compliance record and their journey from both stores, as the looked-after record's page shows them. */
    public record ChildWithJourney(ChildRecord record, HelpAndProtection.ChildChronology journey) {
    }

    /**
     * A child's compliance record with their journey from both stores (the looked-after record's page): one view, so one
     * access-log entry, "compliance record with the child's journey", with the reason given.
     */
    @Transactional
    public ChildWithJourney childWithJourney(UUID laId, String childRef, Purpose purpose) {
        ChildRecord record = record(laId, childRef);
        HelpAndProtection.ChildChronology journey = protection.chronologyInRecord(laId, childRef);
        logView(laId, childRef, "compliance record with the child's journey", purpose);
        return new ChildWithJourney(record, journey);
    }

    private ChildRecord record(UUID laId, String childRef) {
        requireChildDataAccess(laId);
        Snapshot snapshot = snapshots.current(laId, Kind.SSDA903).orElseThrow(() -> new NotFoundException("No child-level data has been imported"));
        return compute(snapshot).children().stream().filter(r -> r.childRef().equals(childRef)).findFirst()
                .orElseThrow(() -> new NotFoundException("No child " + childRef + " in the current data"));
    }

    private void logView(UUID laId, String childRef, String what, Purpose purpose) {
        accessLog.record(laId, childRef, currentUser.readingUnderGrant(laId) ? what + ", read by an inspector under a grant" : what, purpose);
        io.micrometer.core.instrument.Metrics.counter("oversight.child.record.views").increment(); // a count only: no child, no viewer
    }

    /**
     * Whether the LA's current SSDA903 data has a compliance record for the child (looked after or a care leaver at
     * the date measured), for a link to it from another page about the child. Not logged: it opens no record.
     */
    @Transactional(readOnly = true)
    public boolean hasRecord(UUID laId, String childRef) {
        requireChildDataAccess(laId);
        return snapshots.current(laId, Kind.SSDA903)
                .map(s -> compute(s).children().stream().anyMatch(r -> r.childRef().equals(childRef)))
                .orElse(false);
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
        for (LocalAuthority la : byRegionAndName(snapshots.lasWithCurrent(Kind.SSDA903))) {
            snapshots.current(la.id(), Kind.SSDA903).ifPresent(snapshot -> result.add(figures(la.id(), la.name(), la.regionName(),
                    compute(snapshot, snapshots.current(la.id(), Kind.ANNEX_A).orElse(null), rules))));
        }
        return result;
    }

    /** The LAs with those ids, by region then name (in the register's order). */
    private List<LocalAuthority> byRegionAndName(List<UUID> ids) {
        Set<UUID> wanted = new HashSet<>(ids);
        List<String> regions = localAuthorities.regions().stream().map(org.oversight.register.Region::name).toList();
        List<LocalAuthority> out = new ArrayList<>(localAuthorities.allActive().stream().filter(la -> wanted.remove(la.id()))
                .sorted(Comparator.comparingInt(la -> regions.indexOf(la.regionName()))).toList());
        wanted.forEach(id -> localAuthorities.findById(id).ifPresent(out::add)); // an LA no longer active keeps its figures
        return out;
    }

    /** One snapshot's figures, for the LA's trend over its imports. */
    public record TrendPoint(String collectionYear, Timestamp importedAt, LocalDate asOf, boolean current, int childrenInCare, int reviewsPercent) {
    }


    /** Records an export of child-level data in the access log (who, when, what). */
    @Transactional
    public void logExport(UUID laId, String what) {
        requireChildDataAccess(laId);
        accessLog.record(laId, AccessLog.ALL_CHILDREN, what, null);
    }

    /** Start of the current placement: the latest episode that did not begin with a change of legal status alone (RNE L). */
    private static LocalDate placementStart(List<Episode> episodes) {
        for (int i = episodes.size() - 1; i >= 0; i--) {
            if (!"L".equals(episodes.get(i).rne())) {
                return episodes.get(i).decom();
            }
        }
        return episodes.getFirst().decom();
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
