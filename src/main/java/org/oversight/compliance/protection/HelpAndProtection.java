package org.oversight.compliance.protection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.oversight.access.AccessLog;
import org.oversight.access.CurrentUser;
import org.oversight.access.Purpose;
import org.oversight.access.Role;
import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.journey.ChildJourneys.Journey;
import org.oversight.childdata.journey.ChildJourneys.JourneySnapshot;
import org.oversight.compliance.ComplianceFigures;
import org.oversight.compliance.RuleSettings;
import org.oversight.compliance.domain.TimescaleRules;
import org.oversight.compliance.protection.FrontDoor.Measure;
import org.oversight.compliance.protection.FrontDoor.Period;
import org.oversight.compliance.protection.FrontDoor.Result;
import org.oversight.compliance.protection.ProtectionTimescales.Evaluation;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.calendar.WorkingDayCalendar;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An LA's help and protection from its current whole-journey data: the front door for a period (funnel, measures by
 * team and worker, step-downs), each child's clocks, the data-quality findings, and England's figures by region for
 * national analysts (aggregates only, never a child). The LA's managers and staff read their own LA; an inspector reads
 * it under a grant, and that read is logged; a child's journey is opened with a purpose, logged.
 *
 * <p>What is computed for one snapshot, rules version and period is kept (a few at a time): a snapshot never changes,
 * and a new one or a changed interval makes a new key, so a kept result can never be another LA's or out of date.
 */
@Service
public class HelpAndProtection {

    /** The longest period a front door is computed for. */
    static final int MAX_PERIOD_YEARS = 5;
    private static final int KEPT = 12;
    /** How many LAs' rows are read at once for the national picture. */
    static final int BATCH = 16;

    /** One LA's computed front door. */
    public record View(UUID laId, JourneySnapshot snapshot, Period period, Evaluation evaluation, Result result, int stepDownWorkingDays) {

        /** The findings about dates that contradict each other. */
        public List<ProtectionTimescales.Finding> findings() {
            return evaluation.findings();
        }
    }

    /** One LA's headline figures for the national picture. */
    public record LaRow(UUID laId, String name, String region, LocalDate asOf, Map<FrontDoor.Step, Long> funnel, Map<Measure, FrontDoor.Figure> figures) {
    }

    /** A region's (or England's) totals. */
    public record Total(String name, int las, Map<FrontDoor.Step, Long> funnel, Map<Measure, FrontDoor.Figure> figures) {
    }

    public record National(List<LaRow> las, List<Total> regions, Total england) {
    }

    /** One child's journey with their clocks and findings. */
    public record ChildView(UUID laId, String child, Journey rows, List<ProtectionTimescales.Occurrence> clocks,
                            List<ProtectionTimescales.Finding> findings, LocalDate asOf) {
    }

    private final ChildJourneys journeys;
    private final RuleSettings settings;
    private final WorkingDayCalendar calendar;
    private final CurrentUser currentUser;
    private final AccessLog accessLog;
    private final LocalAuthorities localAuthorities;
    private final FrontDoor frontDoor;
    private final Map<String, View> kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, View> eldest) {
            return size() > KEPT;
        }
    });

    HelpAndProtection(ChildJourneys journeys, RuleSettings settings, WorkingDayCalendar calendar, CurrentUser currentUser, AccessLog accessLog,
                      LocalAuthorities localAuthorities,
                      @Value("${oversight.protection.step-down-reasons:RC9}") String stepDownReasons,
                      @Value("${oversight.protection.step-down-working-days:10}") int stepDownWorkingDays) {
        this.journeys = journeys;
        this.settings = settings;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.accessLog = accessLog;
        this.localAuthorities = localAuthorities;
        this.frontDoor = new FrontDoor(calendar, Arrays.stream(stepDownReasons.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()), stepDownWorkingDays);
    }

    /** The period asked for, checked: both dates or neither (then the 12 months to the data's date); at most 5 years. */
    public static Period period(LocalDate from, LocalDate to, LocalDate asOf) {
        List<FieldProblem> problems = new ArrayList<>();
        if ((from == null) != (to == null)) {
            problems.add(FieldProblem.of(from == null ? "from" : "to", "protection.error.period.both"));
        } else if (from != null && to.isBefore(from)) {
            problems.add(FieldProblem.of("to", "protection.error.period.order"));
        } else if (from != null && from.plusYears(MAX_PERIOD_YEARS).isBefore(to)) {
            problems.add(FieldProblem.of("to", "protection.error.period.long", MAX_PERIOD_YEARS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return from == null ? Period.yearTo(asOf) : new Period(from, to);
    }

    /** The LA's front door for the period (null dates: the 12 months to the data's date); empty when it has no whole-journey data. */
    @Transactional
    public Optional<View> frontDoor(UUID laId, LocalDate from, LocalDate to) {
        requireReader(laId);
        if (currentUser.readingUnderGrant(laId)) {
            accessLog.record(laId, AccessLog.ALL_CHILDREN, "help and protection figures, read by an inspector under a grant", null);
        }
        return journeys.current(laId).map(s -> compute(s, period(from, to, s.asOf())));
    }

    /** The LA's front door for a CSV of its children's facts: the LA's managers and staff only; logged as an export. */
    @Transactional
    public Optional<View> export(UUID laId, LocalDate from, LocalDate to) {
        if (!currentUser.canEdit(laId)) {
            throw new AccessDeniedException("Only the local authority's managers and staff can export its children's help and protection data");
        }
        Optional<View> view = journeys.current(laId).map(s -> compute(s, period(from, to, s.asOf())));
        view.ifPresent(v -> accessLog.record(laId, AccessLog.ALL_CHILDREN, "help and protection CSV export, " + v.period().from() + " to "
                + v.period().to(), null));
        return view;
    }

    /** The front door of the LA's current data, for a plan measure or a report: no access check, no log (aggregates only). */
    @Transactional(readOnly = true)
    public Optional<View> figuresForMeasure(UUID laId) {
        return journeys.current(laId).map(s -> compute(s, Period.yearTo(s.asOf())));
    }

    /**
     * The front door of the LA's earlier whole-journey data, newest first, at most {@code years}: the 12 months to the
     * date of each earlier collection year's newest import (the trend of a plan measure or a self-evaluation's figure).
     * Not computed from the current data for earlier periods: an extract covers its own 12 months, and the history it
     * carries before them would give figures that only look like a year's. No access check, no log (aggregates only).
     */
    @Transactional(readOnly = true)
    public List<View> figuresForEarlierYears(UUID laId, int years) {
        return journeys.earlier(laId).stream().limit(years).map(s -> compute(s, Period.yearTo(s.asOf()))).toList();
    }

    /** One child's journey and clocks, read for a stated purpose (logged). */
    @Transactional
    public ChildView child(UUID laId, String child, Purpose purpose) {
        requireReader(laId);
        JourneySnapshot snapshot = journeys.current(laId).orElseThrow(() -> new NotFoundException("No help and protection data has been imported"));
        Journey all = journeys.journey(snapshot.id());
        if (all.persons().stream().noneMatch(p -> p.id().equals(child))) {
            throw new NotFoundException("No child " + child + " in the help and protection data");
        }
        accessLog.record(laId, child, "help and protection journey", purpose);
        Journey mine = new Journey(snapshot, only(all.persons(), p -> p.id().equals(child)), only(all.contacts(), c -> c.person().equals(child)),
                only(all.earlyHelp(), e -> e.person().equals(child)), only(all.referrals(), r -> r.person().equals(child)),
                only(all.assessments(), a -> a.person().equals(child)), only(all.section47s(), s -> s.person().equals(child)),
                only(all.conferences(), c -> c.person().equals(child)), only(all.cinPlans(), p -> p.person().equals(child)),
                only(all.cpPlans(), p -> p.person().equals(child)), only(all.visits(), v -> v.person().equals(child)),
                only(all.cpReviews(), r -> r.person().equals(child)), only(all.involvements(), i -> i.person().equals(child)), all.workers(),
                all.teams());
        // every clock is one child's own, so the child's rows alone give the same clocks and findings as the whole LA's
        Evaluation evaluation = new ProtectionTimescales(settings.current(), calendar).evaluate(mine, snapshot.asOf());
        return new ChildView(laId, child, mine, evaluation.occurrences(), evaluation.findings(), snapshot.asOf());
    }

    /** Every LA's figures for the 12 months to its data's date, by region and for England: national analysts only. */
    @Transactional(readOnly = true)
    public National national() {
        if (currentUser.get().filter(u -> u.role() == Role.NATIONAL_ANALYST || u.role() == Role.ADMIN).isEmpty()) {
            throw new AccessDeniedException("The national help and protection picture is for national analysts");
        }
        List<JourneySnapshot> current = journeys.allCurrent().stream().filter(s -> localAuthorities.findById(s.laId()).isPresent()).toList();
        List<View> views = computeAll(current, s -> Period.yearTo(s.asOf()));
        List<LaRow> rows = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            JourneySnapshot s = current.get(i);
            LocalAuthority la = localAuthorities.findById(s.laId()).orElseThrow();
            rows.add(new LaRow(la.id(), la.name(), la.regionName(), s.asOf(), counts(views.get(i).result()), figures(views.get(i).result())));
        }
        rows.sort(java.util.Comparator.comparing(LaRow::region).thenComparing(LaRow::name));
        Map<String, List<LaRow>> byRegion = new java.util.TreeMap<>();
        rows.forEach(r -> byRegion.computeIfAbsent(r.region(), k -> new ArrayList<>()).add(r));
        List<Total> regions = byRegion.entrySet().stream().map(e -> total(e.getKey(), e.getValue())).toList();
        return new National(rows, regions, total("England", rows));
    }

    private static Total total(String name, List<LaRow> rows) {
        Map<FrontDoor.Step, Long> funnel = new java.util.EnumMap<>(FrontDoor.Step.class);
        Map<Measure, long[]> sums = new java.util.EnumMap<>(Measure.class);
        for (LaRow r : rows) {
            r.funnel().forEach((k, v) -> funnel.merge(k, v, Long::sum));
            r.figures().forEach((k, f) -> {
                long[] s = sums.computeIfAbsent(k, x -> new long[2]);
                s[0] += f.hits();
                s[1] += f.total();
            });
        }
        Map<Measure, FrontDoor.Figure> figures = new java.util.EnumMap<>(Measure.class);
        sums.forEach((k, s) -> figures.put(k, new FrontDoor.Figure(k, s[0], s[1])));
        return new Total(name, rows.size(), funnel, figures);
    }

    private static Map<FrontDoor.Step, Long> counts(Result r) {
        Map<FrontDoor.Step, Long> m = new java.util.EnumMap<>(FrontDoor.Step.class);
        r.funnel(Result.all()).forEach(s -> m.put(s.step(), s.count()));
        return m;
    }

    private static Map<Measure, FrontDoor.Figure> figures(Result r) {
        Map<Measure, FrontDoor.Figure> m = new java.util.EnumMap<>(Measure.class);
        r.figures(Result.all()).forEach(f -> m.put(f.measure(), f));
        return m;
    }

    /** Computes (or finds kept) the front door of a snapshot for a period under the rules in force. */
    View compute(JourneySnapshot snapshot, Period period) {
        return computeAll(List.of(snapshot), s -> period).getFirst();
    }

    /**
     * The front doors of many snapshots, each for its period: those kept are reused, the others read from the store
     * {@value #BATCH} snapshots at a time (a query per table, not per snapshot) and computed.
     */
    List<View> computeAll(List<JourneySnapshot> snapshots, java.util.function.Function<JourneySnapshot, Period> periods) {
        TimescaleRules rules = settings.current();
        String version = ComplianceFigures.version(rules);
        Map<UUID, View> out = new java.util.HashMap<>();
        List<JourneySnapshot> missing = new ArrayList<>();
        for (JourneySnapshot s : snapshots) {
            View view = kept.get(key(s, version, periods.apply(s)));
            if (view != null) {
                out.put(s.id(), view);
            } else {
                missing.add(s);
            }
        }
        ProtectionTimescales timescales = new ProtectionTimescales(rules, calendar);
        for (int i = 0; i < missing.size(); i += BATCH) {
            List<JourneySnapshot> batch = missing.subList(i, Math.min(missing.size(), i + BATCH));
            Map<UUID, Journey> rows = journeys.journeys(batch.stream().map(JourneySnapshot::id).toList());
            for (JourneySnapshot s : batch) {
                Journey journey = rows.get(s.id());
                Period period = periods.apply(s);
                Evaluation evaluation = timescales.evaluate(journey, s.asOf());
                View view = new View(s.laId(), s, period, evaluation, frontDoor.compute(journey, evaluation, period, s.asOf()),
                        frontDoor.stepDownWorkingDays());
                kept.put(key(s, version, period), view);
                out.put(s.id(), view);
            }
        }
        return snapshots.stream().map(s -> out.get(s.id())).toList();
    }

    private static String key(JourneySnapshot s, String rulesVersion, Period period) {
        return s.id() + "|" + rulesVersion + "|" + period.from() + "|" + period.to();
    }

    public void checkReadable(UUID laId) {
        requireReader(laId);
    }

    private void requireReader(UUID laId) {
        if (!currentUser.canReadChildData(laId)) {
            throw new AccessDeniedException("Help and protection data is visible only to the local authority's own managers and staff");
        }
    }

    private static <T> List<T> only(List<T> rows, java.util.function.Predicate<T> keep) {
        return rows.stream().filter(keep).toList();
    }

    /** The closure reasons taken as step-down to early help, as configured (pages explain the measure with them). */
    public Set<String> stepDownReasons() {
        return frontDoor.stepDownReasons();
    }
}
