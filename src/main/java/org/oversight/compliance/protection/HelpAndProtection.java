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
import org.oversight.childdata.snapshots.ChildDataSnapshots;
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
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An LA's help and protection from its current whole-journey data: the front door for a period (funnel, measures by
 * team and worker, step-downs), each child's clocks, the data-quality findings, and England's figures by region for
 * national analysts (aggregates only, never a child). The LA's managers and staff read their own LA; an inspector reads
 * it under a grant, and that read is logged; a child's journey is opened with a purpose, logged.
 *
 * <p>The figures of the 12 months to the data's date are read as stored ({@link FrontDoorFigures}); other periods and
 * the children behind a figure are computed from the rows ({@link FrontDoors}, which keeps a few results).
 */
@Service
public class HelpAndProtection {

    /** The longest period a front door is computed for. */
    static final int MAX_PERIOD_YEARS = 5;

    /** One LA's computed front door. */
    public record View(UUID laId, JourneySnapshot snapshot, Period period, Evaluation evaluation, Result result, int stepDownWorkingDays) {

        /** The findings about dates that contradict each other. */
        public List<ProtectionTimescales.Finding> findings() {
            return evaluation.findings();
        }
    }

    /** One LA's front-door figures for a period, by team and worker, without the children behind them. */
    public record Headline(UUID laId, JourneySnapshot snapshot, Period period, FrontDoor.Summary summary, int stepDownWorkingDays, boolean stored) {

        /** The findings about dates that contradict each other. */
        public List<ProtectionTimescales.Finding> findings() {
            return summary.findings();
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

    /** One child's journey with their clocks and findings, and their chronology from both stores. */
    public record ChildView(UUID laId, String child, Journey rows, List<ProtectionTimescales.Occurrence> clocks,
                            List<ProtectionTimescales.Finding> findings, LocalDate asOf, ChildChronology chronology) {
    }

    /** One event of a child's chronology in words: what happened, and where the fact comes from. */
    public record Line(LocalDate date, String what, String source) {
    }

    /**
     * A child's chronology in words, oldest first; {@code helpHeld} and {@code careHeld} say whether the whole-journey
     * store and the SSDA903 return hold the child (a part not held is said so on the page).
     */
    public record ChildChronology(String child, List<Line> lines, boolean helpHeld, boolean careHeld) {
    }

    private final ChildJourneys journeys;
    private final FrontDoors frontDoors;
    private final FrontDoorFigures stored;
    private final CurrentUser currentUser;
    private final AccessLog accessLog;
    private final LocalAuthorities localAuthorities;
    private final ChildDataSnapshots snapshots;
    private final MessageSource messages;

    HelpAndProtection(ChildJourneys journeys, FrontDoors frontDoors, FrontDoorFigures stored, CurrentUser currentUser, AccessLog accessLog,
                      LocalAuthorities localAuthorities, ChildDataSnapshots snapshots, MessageSource messages) {
        this.snapshots = snapshots;
        this.messages = messages;
        this.journeys = journeys;
        this.frontDoors = frontDoors;
        this.stored = stored;
        this.currentUser = currentUser;
        this.accessLog = accessLog;
        this.localAuthorities = localAuthorities;
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
        return journeys.current(laId).map(s -> frontDoors.compute(s, period(from, to, s.asOf())));
    }

    /**
     * The LA's front-door figures for the period (null dates: the 12 months to the data's date, read as stored), by team
     * and worker without the children; empty when it has no whole-journey data.
     */
    public Optional<Headline> headline(UUID laId, LocalDate from, LocalDate to) {
        requireReader(laId);
        if (currentUser.readingUnderGrant(laId)) {
            accessLog.record(laId, AccessLog.ALL_CHILDREN, "help and protection figures, read by an inspector under a grant", null);
        }
        Optional<JourneySnapshot> snapshot = journeys.current(laId);
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        Period period = period(from, to, snapshot.get().asOf());
        if (period.equals(Period.yearTo(snapshot.get().asOf()))) {
            FrontDoorFigures.Stored s = stored.of(List.of(snapshot.get())).getFirst();
            return Optional.of(new Headline(laId, s.snapshot(), period, s.summary(), frontDoors.stepDownWorkingDays(), s.stored()));
        }
        View view = frontDoors.compute(snapshot.get(), period);
        return Optional.of(new Headline(laId, view.snapshot(), period, view.result().summary(view.findings()), view.stepDownWorkingDays(), false));
    }

    /** The LA's front door for a CSV of its children's facts: the LA's managers and staff only; logged as an export. */
    @Transactional
    public Optional<View> export(UUID laId, LocalDate from, LocalDate to) {
        if (!currentUser.canEdit(laId)) {
            throw new AccessDeniedException("Only the local authority's managers and staff can export its children's help and protection data");
        }
        Optional<View> view = journeys.current(laId).map(s -> frontDoors.compute(s, period(from, to, s.asOf())));
        view.ifPresent(v -> accessLog.record(laId, AccessLog.ALL_CHILDREN, "help and protection CSV export, " + v.period().from() + " to "
                + v.period().to(), null));
        return view;
    }

    /** The stored figures of the LA's current data, for a plan measure or a report: no access check, no log (aggregates only). */
    public Optional<Headline> figuresForMeasure(UUID laId) {
        return stored.current(laId).map(s -> new Headline(laId, s.snapshot(), s.summary().period(), s.summary(), frontDoors.stepDownWorkingDays(),
                s.stored()));
    }

    /** The children of the LA's current data who stepped down in the 12 months to its date: no access check, no log. */
    @Transactional(readOnly = true)
    public Set<String> steppedDown(UUID laId) {
        return journeys.current(laId).map(s -> frontDoors.compute(s, Period.yearTo(s.asOf())).result().stepDowns().stream()
                .map(FrontDoor.StepDown::child).collect(Collectors.toSet())).orElse(Set.of());
    }

    /**
     * The front door of the LA's earlier whole-journey data, newest first, at most {@code years}: the 12 months to the
     * date of each earlier collection year's newest import (the trend of a plan measure or a self-evaluation's figure).
     * Not computed from the current data for earlier periods: an extract covers its own 12 months, and the history it
     * carries before them would give figures that only look like a year's. No access check, no log (aggregates only).
     */
    @Transactional(readOnly = true)
    public List<View> figuresForEarlierYears(UUID laId, int years) {
        return journeys.earlier(laId).stream().limit(years).map(s -> frontDoors.compute(s, Period.yearTo(s.asOf()))).toList();
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
        Evaluation evaluation = frontDoors.evaluate(mine, snapshot.asOf());
        ChildChronology chronology = words(Chronology.merge(child, mine, journeys.contactOutcomes(snapshot.id(), child), careRecord(laId, child)));
        return new ChildView(laId, child, mine, evaluation.occurrences(), evaluation.findings(), snapshot.asOf(), chronology);
    }

    /**
     * One child's chronology from the first contact to leaving care, merged from the whole-journey store and the SSDA903
     * return (whichever hold the child; 404 when neither does), read for a stated purpose (logged, as the child's pages are).
     */
    @Transactional
    public ChildChronology chronology(UUID laId, String child, Purpose purpose) {
        ChildChronology chronology = read(laId, child);
        accessLog.record(laId, child, currentUser.readingUnderGrant(laId) ? "the child's journey (chronology), read by an inspector under a grant"
                : "the child's journey (chronology)", purpose);
        return chronology;
    }

    /**
     * One child's chronology as {@link #chronology} reads it, not logged by itself: for a view of the child's record that
     * shows it and writes one access-log entry for both (the looked-after record with its journey), in the caller's
     * transaction, which must exist.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ChildChronology chronologyInRecord(UUID laId, String child) {
        return read(laId, child);
    }

    private ChildChronology read(UUID laId, String child) {
        requireReader(laId);
        Journey mine = journeys.current(laId).map(s -> childRows(journeys.journey(s.id()), child)).orElse(null);
        Chronology.CareRecord care = careRecord(laId, child);
        if (mine == null && care == null) {
            throw new NotFoundException("No child " + child + " in the current child-level data");
        }
        Map<String, String> outcomes = mine == null ? Map.of() : journeys.contactOutcomes(mine.snapshot().id(), child);
        return words(Chronology.merge(child, mine, outcomes, care));
    }

    /** The child's rows of a journey, or null when it does not hold the child. */
    private static Journey childRows(Journey all, String child) {
        if (all.persons().stream().noneMatch(p -> p.id().equals(child))) {
            return null;
        }
        return new Journey(all.snapshot(), only(all.persons(), p -> p.id().equals(child)), only(all.contacts(), c -> c.person().equals(child)),
                only(all.earlyHelp(), e -> e.person().equals(child)), only(all.referrals(), r -> r.person().equals(child)),
                only(all.assessments(), a -> a.person().equals(child)), only(all.section47s(), s -> s.person().equals(child)),
                only(all.conferences(), c -> c.person().equals(child)), only(all.cinPlans(), p -> p.person().equals(child)),
                only(all.cpPlans(), p -> p.person().equals(child)), only(all.visits(), v -> v.person().equals(child)),
                only(all.cpReviews(), r -> r.person().equals(child)), only(all.involvements(), i -> i.person().equals(child)), all.workers(),
                all.teams());
    }

    /** The child's rows of the LA's current SSDA903 return, or null when it does not hold the child. */
    private Chronology.CareRecord careRecord(UUID laId, String child) {
        ChildDataSnapshots.Snapshot s = snapshots.current(laId, ChildDataSnapshots.Kind.SSDA903).orElse(null);
        if (s == null) {
            return null;
        }
        ChildDataSnapshots.Child c = snapshots.children(s.id()).stream().filter(x -> x.childRef().equals(child)).findFirst().orElse(null);
        if (c == null) {
            return null;
        }
        return new Chronology.CareRecord(s.collectionYear(), s.asOf(), c, only(snapshots.episodes(s.id()), e -> e.childRef().equals(child)),
                only(snapshots.reviews(s.id()), r -> r.childRef().equals(child)), only(snapshots.missing(s.id()), m -> m.childRef().equals(child)),
                snapshots.careLeavers(s.id()).stream().filter(l -> l.childRef().equals(child)).findFirst().orElse(null));
    }

    private ChildChronology words(Chronology.Result r) {
        List<Line> lines = r.events().stream().map(e -> {
            String what = messages.getMessage("chronology.event." + e.kind(), null, e.kind().name(), java.util.Locale.UK);
            String source = messages.getMessage("chronology.source." + e.source(), new Object[] {e.year()}, e.source().name(), java.util.Locale.UK);
            return new Line(e.date(), e.detail().isEmpty() ? what : what + " (" + e.detail() + ")", e.changedByPayloads()
                    ? messages.getMessage("chronology.source.changedByPayloads", new Object[] {source}, source, java.util.Locale.UK) : source);
        }).toList();
        return new ChildChronology(r.child(), lines, r.helpHeld(), r.careHeld());
    }

    /**
     * Whether the LA's current journey data holds any of the child's journey (a contact, early help or a referral), for
     * a link to it from another page about the child. Not logged: it opens no record.
     */
    @Transactional(readOnly = true)
    public boolean hasJourney(UUID laId, String child) {
        requireReader(laId);
        return journeys.current(laId).map(s -> journeys.holdsJourneyOf(s.id(), child)).orElse(false);
    }

    /** Every LA's figures for the 12 months to its data's date (as stored), by region and for England: national analysts only. */
    public National national() {
        if (currentUser.get().filter(u -> u.role() == Role.NATIONAL_ANALYST || u.role() == Role.ADMIN).isEmpty()) {
            throw new AccessDeniedException("The national help and protection picture is for national analysts");
        }
        List<JourneySnapshot> current = journeys.allCurrent().stream().filter(s -> localAuthorities.findById(s.laId()).isPresent()).toList();
        List<FrontDoorFigures.Stored> figures = stored.of(current);
        List<LaRow> rows = new ArrayList<>();
        for (FrontDoorFigures.Stored f : figures) {
            LocalAuthority la = localAuthorities.findById(f.snapshot().laId()).orElseThrow();
            rows.add(new LaRow(la.id(), la.name(), la.regionName(), f.snapshot().asOf(), counts(f.summary()), figures(f.summary())));
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

    private static Map<FrontDoor.Step, Long> counts(FrontDoor.Summary r) {
        Map<FrontDoor.Step, Long> m = new java.util.EnumMap<>(FrontDoor.Step.class);
        r.funnel(Result.all()).forEach(s -> m.put(s.step(), s.count()));
        return m;
    }

    private static Map<Measure, FrontDoor.Figure> figures(FrontDoor.Summary r) {
        Map<Measure, FrontDoor.Figure> m = new java.util.EnumMap<>(Measure.class);
        r.figures(Result.all()).forEach(f -> m.put(f.measure(), f));
        return m;
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
        return frontDoors.stepDownReasons();
    }
}
