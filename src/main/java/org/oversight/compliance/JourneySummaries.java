package org.oversight.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.journey.ChildJourneys.Journey;
import org.oversight.childdata.journey.ChildJourneys.JourneySnapshot;
import org.oversight.compliance.protection.FrontDoor;
import org.oversight.compliance.protection.HelpAndProtection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small published interface through which other modules (case-audit sampling, the young person's portal, committee
 * reports) read an LA's help-and-protection data: the children of its current whole-journey snapshot with the groups
 * they are in on the data's date, and the LA's front-door figures for the 12 months to that date (aggregates only).
 * Like {@link ChildSummaries} it checks no role and logs nothing: the calling module enforces its own access rule and
 * writes its own access log.
 */
@Service
public class JourneySummaries {

    /** The groups a child of the whole-journey data can be in on the data's date; a child may be in several. */
    public enum Group {
        /** An open child-in-need episode (referral not yet closed) or an open child-in-need plan. */
        CHILD_IN_NEED,
        /** An open child protection plan. */
        CHILD_PROTECTION,
        /** An open early help episode. */
        EARLY_HELP,
        /** A case closed with step-down to early help in the 12 months to the data's date. */
        STEPPED_DOWN
    }

    /**
     * One child of the whole-journey data.
     *
     * @param childRef the SSD {@code person_id} (CIN census {@code LAchildID})
     * @param age      age in whole years on {@code asOf}, or -1 when the data has no date of birth
     * @param team     the team holding the case on {@code asOf} (latest involvement, else latest referral), or null
     * @param worker   the worker holding the case, or null
     */
    public record JourneyChild(UUID laId, String childRef, int age, Set<Group> groups, String team, String worker, LocalDate asOf) {
        public boolean in(Group g) {
            return groups.contains(g);
        }

        /** On a child-in-need or child protection plan (or an open child-in-need episode). */
        public boolean onPlan() {
            return groups.contains(Group.CHILD_IN_NEED) || groups.contains(Group.CHILD_PROTECTION);
        }
    }

    /** One step of the funnel: its count and the percentage of the previous step (null for the first, or after 0). */
    public record FunnelStep(String step, long count, Integer conversion) {
    }

    /** One front-door measure: hits of total and the percentage (null when the total is 0); messages {@code protection.measure.<measure>}. */
    public record MeasureFigure(String measure, long hits, long total, Integer percent) {
    }

    /** The LA's front door for the 12 months to its data's date. */
    public record Figures(UUID laId, LocalDate from, LocalDate to, List<FunnelStep> funnel, List<MeasureFigure> measures,
                          int stepDownWorkingDays) {
        public Optional<MeasureFigure> measure(String name) {
            return measures.stream().filter(m -> m.measure().equals(name)).findFirst();
        }
    }

    private static final int KEPT = 8;

    private final ChildJourneys journeys;
    private final HelpAndProtection protection;
    private final org.oversight.shared.RecentlyUsed<String, List<JourneyChild>> kept = new org.oversight.shared.RecentlyUsed<>(KEPT);

    JourneySummaries(ChildJourneys journeys, HelpAndProtection protection) {
        this.journeys = journeys;
        this.protection = protection;
    }

    /** Every child of the LA's current whole-journey data in at least one group, by reference; none when it has no such data. */
    @Transactional(readOnly = true)
    public List<JourneyChild> current(UUID laId) {
        Optional<JourneySnapshot> snapshot = journeys.current(laId);
        if (snapshot.isEmpty()) {
            return List.of();
        }
        // A snapshot never changes, so what is worked out for it stays true (the step-down reasons are fixed configuration).
        List<JourneyChild> known = kept.get(snapshot.get().id() + "/" + snapshot.get().revision());
        if (known != null) {
            return known;
        }
        Set<String> steppedDown = protection.steppedDown(laId);
        List<JourneyChild> children = children(journeys.journey(snapshot.get().id()), steppedDown);
        kept.put(snapshot.get().id() + "/" + snapshot.get().revision(), children);
        return children;
    }

    /** One child of the LA's current whole-journey data, if in any group. */
    @Transactional(readOnly = true)
    public Optional<JourneyChild> one(UUID laId, String childRef) {
        return current(laId).stream().filter(c -> c.childRef().equals(childRef)).findFirst();
    }

    /** The LA's front-door figures for the 12 months to its data's date (aggregates, never a child), or empty without data. */
    @Transactional(readOnly = true)
    public Optional<Figures> figures(UUID laId) {
        return protection.figuresForMeasure(laId).map(v -> {
            FrontDoor.Summary r = v.summary();
            List<FunnelStep> funnel = r.funnel(FrontDoor.Result.all()).stream()
                    .map(s -> new FunnelStep(s.step().name(), s.count(), s.conversion())).toList();
            List<MeasureFigure> measures = r.figures(FrontDoor.Result.all()).stream()
                    .map(f -> new MeasureFigure(f.measure().name(), f.hits(), f.total(), f.percent())).toList();
            return new Figures(laId, v.period().from(), v.period().to(), funnel, measures, v.stepDownWorkingDays());
        });
    }

    /** The groups of each child of one snapshot on its date; pure, for tests. */
    static List<JourneyChild> children(Journey j, Set<String> steppedDown) {
        LocalDate asOf = j.snapshot().asOf();
        UUID laId = j.snapshot().laId();
        Map<String, Set<Group>> groups = new TreeMap<>();
        j.referrals().stream().filter(r -> open(r.date(), r.closeDate(), asOf))
                .forEach(r -> add(groups, r.person(), Group.CHILD_IN_NEED));
        j.cinPlans().stream().filter(p -> open(p.start(), p.end(), asOf)).forEach(p -> add(groups, p.person(), Group.CHILD_IN_NEED));
        j.cpPlans().stream().filter(p -> open(p.start(), p.end(), asOf)).forEach(p -> add(groups, p.person(), Group.CHILD_PROTECTION));
        j.earlyHelp().stream().filter(e -> open(e.start(), e.end(), asOf)).forEach(e -> add(groups, e.person(), Group.EARLY_HELP));
        steppedDown.forEach(child -> add(groups, child, Group.STEPPED_DOWN));

        Map<String, LocalDate> born = new HashMap<>();
        j.persons().forEach(p -> born.put(p.id(), p.dob()));
        Map<String, String> teamNames = new HashMap<>();
        j.teams().forEach(t -> teamNames.put(t.id(), t.name()));
        Map<String, String> workerNames = new HashMap<>();
        j.workers().forEach(w -> workerNames.put(w.id(), w.name()));
        // Who holds the case: the latest involvement that started on or before the date, else the latest referral's, else early help's worker.
        Map<String, String[]> holder = new HashMap<>();
        j.referrals().stream().filter(r -> r.date() != null && !r.date().isAfter(asOf))
                .forEach(r -> holder.put(r.person(), new String[] {r.team(), r.worker()}));
        j.earlyHelp().stream().filter(e -> e.start() != null && !e.start().isAfter(asOf))
                .forEach(e -> holder.putIfAbsent(e.person(), new String[] {null, e.worker()}));
        Map<String, ChildJourneys.Involvement> latest = new HashMap<>();
        for (ChildJourneys.Involvement i : j.involvements()) {
            if (i.start() != null && !i.start().isAfter(asOf)) {
                latest.merge(i.person(), i, (a, b) -> b.start().isBefore(a.start()) ? a : b);
            }
        }
        latest.forEach((child, i) -> holder.put(child, new String[] {i.team(), i.worker()}));

        List<JourneyChild> out = new ArrayList<>();
        groups.forEach((child, in) -> {
            LocalDate dob = born.get(child);
            String[] h = holder.getOrDefault(child, new String[2]);
            String team = h[0] == null ? null : teamNames.getOrDefault(h[0], h[0]);
            String worker = h[1] == null ? null : workerNames.getOrDefault(h[1], h[1]);
            out.add(new JourneyChild(laId, child, dob == null ? -1 : java.time.Period.between(dob, asOf).getYears(), Collections.unmodifiableSet(in),
                    team, worker, asOf));
        });
        return List.copyOf(out);
    }

    private static boolean open(LocalDate start, LocalDate end, LocalDate asOf) {
        return start != null && !start.isAfter(asOf) && (end == null || end.isAfter(asOf));
    }

    private static void add(Map<String, Set<Group>> groups, String child, Group g) {
        if (child != null) {
            groups.computeIfAbsent(child, k -> EnumSet.noneOf(Group.class)).add(g);
        }
    }
}
