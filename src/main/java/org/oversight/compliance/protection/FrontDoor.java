package org.oversight.compliance.protection;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.oversight.childdata.journey.ChildJourneys.Contact;
import org.oversight.childdata.journey.ChildJourneys.CpPlan;
import org.oversight.childdata.journey.ChildJourneys.EarlyHelp;
import org.oversight.childdata.journey.ChildJourneys.Involvement;
import org.oversight.childdata.journey.ChildJourneys.Journey;
import org.oversight.childdata.journey.ChildJourneys.Referral;
import org.oversight.childdata.journey.ChildJourneys.Section47;
import org.oversight.childdata.journey.ChildJourneys.Visit;
import org.oversight.compliance.protection.ProtectionTimescales.Evaluation;
import org.oversight.compliance.protection.ProtectionTimescales.Occurrence;
import org.oversight.compliance.protection.ProtectionTimescales.Status;
import org.oversight.shared.calendar.WorkingDayCalendar;

/**
 * The front door of one LA for one period, from one snapshot's rows: each event of the period as a {@link Fact} (which
 * measure it counts towards, whether it is a "hit", which team and worker held the child then), so that the same
 * figures can be totalled for the LA, a team, a worker, and drilled down to the children behind them; and every case
 * closed with step-down to early help, with the working days until early help began and any step back up.
 */
public final class FrontDoor {

    /** The measures, in the order pages show them. Each counts facts ({@code total}) and those that are hits. */
    public enum Measure {
        /** Contacts received; hit: became a referral within 30 days. */
        CONTACTS,
        /** Referrals received; hit: a re-referral, within 12 months of the child's previous referral. */
        RE_REFERRALS,
        /** Referrals received; hit: no further action. */
        REFERRALS_NFA,
        /** Assessments started; hit: ended with no further action. */
        ASSESSMENTS_NFA,
        /** Assessments authorised; hit: within the assessment timescale (45 working days). */
        ASSESSMENTS_IN_TIME,
        /** Section 47 enquiries started; hit: went on to an initial conference. */
        SECTION_47,
        /** Initial conferences held (not transfers in); hit: within 15 working days of the strategy discussion. */
        ICPC_IN_TIME,
        /** Child protection plans started; hit: a second or later plan for the child. */
        REPEAT_PLANS,
        /** Child protection plans started; hit: a later plan within 2 years of the end of the last one. */
        REPEAT_PLANS_2_YEARS,
        /** Child protection plans ended; hit: lasted 2 years or more. */
        PLANS_OVER_2_YEARS,
        /** Child protection plans ended; hit: lasted 3 months or less. */
        PLANS_3_MONTHS_OR_LESS,
        /** Child protection review conferences due or held; hit: in time. */
        CP_REVIEWS_IN_TIME,
        /** Visits to children on CP plans due or made; hit: in time (child seen). */
        CP_VISITS_IN_TIME,
        /** Visits to children on CP plans where the child was seen; hit: seen alone. */
        CP_VISITS_SEEN_ALONE,
        /** Visits to children on CIN plans due or made; hit: in time (child seen). */
        CIN_VISITS_IN_TIME,
        /** Cases closed with step-down to early help; hit: early help began within the step-down standard. */
        STEP_DOWN_EARLY_HELP_STARTED,
        /** Cases closed with step-down to early help; hit: no early help episode began. */
        STEP_DOWN_NO_EARLY_HELP,
        /** Cases closed with step-down to early help; hit: referred again within 12 months. */
        STEP_DOWN_STEPPED_UP
    }

    /** The funnel's steps, first to last. */
    public enum Step {
        CONTACTS(Measure.CONTACTS), REFERRALS(Measure.RE_REFERRALS), ASSESSMENTS(Measure.ASSESSMENTS_NFA), SECTION_47(Measure.SECTION_47),
        ICPC(Measure.ICPC_IN_TIME), CP_PLANS(Measure.REPEAT_PLANS);

        /** The measure whose facts are this step's events (one fact per event). */
        final Measure measure;

        Step(Measure measure) {
            this.measure = measure;
        }
    }

    public record Period(LocalDate from, LocalDate to) {
        public Period {
            if (from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("A period needs a start on or before its end");
            }
        }

        public boolean contains(LocalDate d) {
            return d != null && !d.isBefore(from) && !d.isAfter(to);
        }

        /** The 12 months up to and including {@code to}. */
        public static Period yearTo(LocalDate to) {
            return new Period(to.minusYears(1).plusDays(1), to);
        }
    }

    /** Who held the child at an event: team and worker ids and names ("Not recorded" when the data does not say). */
    public record Owner(String team, String teamName, String worker, String workerName) {
        public static final String NONE = "";
    }

    /** One event of the period counted towards one measure. */
    public record Fact(Measure measure, String child, String subject, LocalDate date, boolean hit, Owner owner) {
    }

    /** One step of the funnel; {@code conversion} is the percentage of the previous step's count (null for the first, or when it was 0). */
    public record FunnelStep(Step step, long count, Integer conversion) {
    }

    /** A measure's figure: hits out of total. */
    public record Figure(Measure measure, long hits, long total) {
        public Integer percent() {
            return total == 0 ? null : (int) Math.round(hits * 100.0 / total);
        }
    }

    /** A case closed with step-down to early help. */
    public record StepDown(String child, String referral, LocalDate closed, Owner owner, LocalDate earlyHelpStarted, Integer workingDays,
                           LocalDate steppedUp) {
    }

    /** Everything of one LA's period. */
    public record Result(Period period, LocalDate asOf, List<Fact> facts, List<StepDown> stepDowns,
                         Map<String, Long> caseloads, Map<String, Owner> workers) {

        /** The figures of the period by team and worker, without the children behind them: what is stored and totalled. */
        public Summary summary(List<ProtectionTimescales.Finding> findings) {
            Map<Owner, long[]> counts = new LinkedHashMap<>();
            int measures = Measure.values().length;
            for (Fact f : facts) {
                long[] c = counts.get(f.owner());
                if (c == null) {
                    c = new long[measures * 2];
                    counts.put(f.owner(), c);
                }
                c[f.measure().ordinal() * 2 + 1]++;
                if (f.hit()) {
                    c[f.measure().ordinal() * 2]++;
                }
            }
            List<OwnerFigures> owners = new ArrayList<>();
            counts.forEach((owner, c) -> {
                List<Figure> figures = new ArrayList<>();
                for (Measure m : Measure.values()) {
                    if (c[m.ordinal() * 2 + 1] > 0) {
                        figures.add(new Figure(m, c[m.ordinal() * 2], c[m.ordinal() * 2 + 1]));
                    }
                }
                owners.add(new OwnerFigures(owner, figures));
            });
            return new Summary(period, asOf, owners, caseloads, stepDowns.size(), findings);
        }

        public List<FunnelStep> funnel(Predicate<Owner> who) {
            return summary(List.of()).funnel(who);
        }

        public List<Figure> figures(Predicate<Owner> who) {
            return summary(List.of()).figures(who);
        }

        public Figure figure(Measure measure, Predicate<Owner> who) {
            return summary(List.of()).figure(measure, who);
        }

        /** Teams with any fact, by name. */
        public List<Owner> teams() {
            return summary(List.of()).teams();
        }

        /** The team's workers with any fact, by name. */
        public List<Owner> workers(String team) {
            return summary(List.of()).workers(team);
        }

        /** The children behind the facts of those owners, each with the facts. */
        public Map<String, List<Fact>> children(Predicate<Owner> who) {
            Map<String, List<Fact>> out = new TreeMap<>();
            facts.stream().filter(f -> who.test(f.owner())).forEach(f -> out.computeIfAbsent(f.child(), k -> new ArrayList<>()).add(f));
            return out;
        }

        public static Predicate<Owner> all() {
            return o -> true;
        }

        public static Predicate<Owner> team(String team) {
            return o -> o.team().equals(team);
        }

        public static Predicate<Owner> worker(String team, String worker) {
            return o -> o.team().equals(team) && o.worker().equals(worker);
        }
    }

    /** One team and worker's figures (only the measures with any fact). */
    public record OwnerFigures(Owner owner, List<Figure> figures) {
    }

    /**
     * The figures of one LA's period by team and worker, the caseloads, how many step-downs and the data-quality
     * findings: everything the front door's page, its teams, the national picture and a plan's measure show, without a
     * child's id (the children behind a figure come from the {@link Result}). Small enough to store per snapshot.
     */
    public record Summary(Period period, LocalDate asOf, List<OwnerFigures> owners, Map<String, Long> caseloads, int stepDowns,
                          List<ProtectionTimescales.Finding> findings) {

        public List<FunnelStep> funnel(Predicate<Owner> who) {
            Map<Measure, Figure> figures = totals(who);
            List<FunnelStep> out = new ArrayList<>();
            Long previous = null;
            for (Step s : Step.values()) {
                Figure f = figures.get(s.measure);
                long n = f == null ? 0 : f.total();
                out.add(new FunnelStep(s, n, previous == null || previous == 0 ? null : (int) Math.round(n * 100.0 / previous)));
                previous = n;
            }
            return out;
        }

        /** Every measure's figure (0 of 0 when nothing counted), in the measures' order. */
        public List<Figure> figures(Predicate<Owner> who) {
            Map<Measure, Figure> figures = totals(who);
            return java.util.Arrays.stream(Measure.values()).map(m -> figures.getOrDefault(m, new Figure(m, 0, 0))).toList();
        }

        public Figure figure(Measure measure, Predicate<Owner> who) {
            return totals(who).getOrDefault(measure, new Figure(measure, 0, 0));
        }

        private Map<Measure, Figure> totals(Predicate<Owner> who) {
            Map<Measure, long[]> sums = new java.util.EnumMap<>(Measure.class);
            for (OwnerFigures o : owners) {
                if (who.test(o.owner())) {
                    for (Figure f : o.figures()) {
                        long[] s = sums.computeIfAbsent(f.measure(), k -> new long[2]);
                        s[0] += f.hits();
                        s[1] += f.total();
                    }
                }
            }
            Map<Measure, Figure> out = new java.util.EnumMap<>(Measure.class);
            sums.forEach((m, s) -> out.put(m, new Figure(m, s[0], s[1])));
            return out;
        }

        /** Teams with any fact, by name. */
        public List<Owner> teams() {
            Map<String, Owner> teams = new TreeMap<>();
            owners.forEach(o -> teams.putIfAbsent(o.owner().teamName() + "\u0000" + o.owner().team(),
                    new Owner(o.owner().team(), o.owner().teamName(), null, null)));
            return List.copyOf(teams.values());
        }

        /** The team's workers with any fact, by name. */
        public List<Owner> workers(String team) {
            Map<String, Owner> out = new TreeMap<>();
            owners.stream().filter(o -> o.owner().team().equals(team))
                    .forEach(o -> out.putIfAbsent(o.owner().workerName() + "\u0000" + o.owner().worker(), o.owner()));
            return List.copyOf(out.values());
        }

        /** Children held at the end of the period by the team (and worker, unless null). */
        public long caseload(String team, String worker) {
            return caseloads.entrySet().stream().filter(e -> e.getKey().startsWith(team + "/")
                    && (worker == null || e.getKey().equals(team + "/" + worker))).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private final WorkingDayCalendar calendar;
    private final Set<String> stepDownReasons;
    private final int stepDownWorkingDays;

    /**
     * @param stepDownReasons     closure reasons that mean step-down to early help (CIN census RC9 by default; matched
     *                            case-insensitively, and any reason that names early help)
     * @param stepDownWorkingDays the standard for early help to begin after a step-down
     */
    public FrontDoor(WorkingDayCalendar calendar, Set<String> stepDownReasons, int stepDownWorkingDays) {
        if (stepDownWorkingDays < 0 || stepDownWorkingDays > 200) {
            throw new IllegalArgumentException("The step-down standard must be between 0 and 200 working days, not " + stepDownWorkingDays);
        }
        this.calendar = calendar;
        this.stepDownReasons = stepDownReasons.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        this.stepDownWorkingDays = stepDownWorkingDays;
    }

    public Set<String> stepDownReasons() {
        return Set.copyOf(stepDownReasons);
    }

    public int stepDownWorkingDays() {
        return stepDownWorkingDays;
    }

    public Result compute(Journey journey, Evaluation evaluation, Period period, LocalDate asOf) {
        Owners owners = new Owners(journey);
        List<Fact> facts = new ArrayList<>();
        Map<String, List<Referral>> referrals = ProtectionTimescales.byChild(journey.referrals(), Referral::person);
        for (Contact c : journey.contacts()) {
            if (period.contains(c.date())) {
                LocalDate latest = c.date().plusDays(ProtectionTimescales.CONTACT_WINDOW_DAYS);
                boolean referred = false;
                for (Referral r : referrals.getOrDefault(c.person(), List.of())) {
                    if (r.date() != null && !r.date().isBefore(c.date()) && !r.date().isAfter(latest)) {
                        referred = true;
                        break;
                    }
                }
                facts.add(new Fact(Measure.CONTACTS, c.person(), c.id(), c.date(), referred, owners.at(c.person(), c.date(), null, null)));
            }
        }
        for (Referral r : journey.referrals()) {
            if (!period.contains(r.date())) {
                continue;
            }
            Owner owner = owners.at(r.person(), r.date(), r.team(), r.worker());
            LocalDate yearBefore = r.date().minusMonths(12);
            boolean again = false;
            for (Referral p : referrals.get(r.person())) {
                if (p != r && p.date() != null && p.date().isBefore(r.date()) && !p.date().isBefore(yearBefore)) {
                    again = true;
                    break;
                }
            }
            facts.add(new Fact(Measure.RE_REFERRALS, r.person(), r.id(), r.date(), again, owner));
            facts.add(new Fact(Measure.REFERRALS_NFA, r.person(), r.id(), r.date(), r.nfa(), owner));
        }
        for (var a : journey.assessments()) {
            if (period.contains(a.start())) {
                facts.add(new Fact(Measure.ASSESSMENTS_NFA, a.person(), a.id(), a.start(), a.nfa(), owners.at(a.person(), a.start(), a.team(), a.worker())));
            }
        }
        Map<String, List<Occurrence>> clocks = new HashMap<>();
        for (Occurrence o : evaluation.occurrences()) {
            clocks.computeIfAbsent(o.ruleId(), k -> new ArrayList<>()).add(o);
        }
        settled(clocks.get(ProtectionTimescales.ASSESSMENT), period, asOf, Measure.ASSESSMENTS_IN_TIME, owners, facts);
        Set<String> conferencedEnquiries = new java.util.HashSet<>();
        journey.conferences().forEach(c -> {
            if (c.section47() != null) {
                conferencedEnquiries.add(c.section47());
            }
        });
        for (Section47 s : journey.section47s()) {
            if (period.contains(s.start())) {
                facts.add(new Fact(Measure.SECTION_47, s.person(), s.id(), s.start(), conferencedEnquiries.contains(s.id()),
                        owners.at(s.person(), s.start(), s.team(), s.worker())));
            }
        }
        settled(clocks.get(ProtectionTimescales.ICPC), period, asOf, Measure.ICPC_IN_TIME, owners, facts);
        plans(journey, period, owners, facts);
        settled(clocks.get(ProtectionTimescales.CP_REVIEW), period, asOf, Measure.CP_REVIEWS_IN_TIME, owners, facts);
        settled(clocks.get(ProtectionTimescales.CP_VISIT), period, asOf, Measure.CP_VISITS_IN_TIME, owners, facts);
        settled(clocks.get(ProtectionTimescales.CIN_VISIT), period, asOf, Measure.CIN_VISITS_IN_TIME, owners, facts);
        for (Visit v : journey.visits()) {
            if (v.cp() && v.seen() && period.contains(v.date())) {
                facts.add(new Fact(Measure.CP_VISITS_SEEN_ALONE, v.person(), v.id(), v.date(), v.seenAlone(), owners.at(v.person(), v.date(), null, null)));
            }
        }
        List<StepDown> stepDowns = stepDowns(journey, period, owners, referrals);
        for (StepDown s : stepDowns) {
            facts.add(new Fact(Measure.STEP_DOWN_EARLY_HELP_STARTED, s.child(), s.referral(), s.closed(),
                    s.workingDays() != null && s.workingDays() <= stepDownWorkingDays, s.owner()));
            facts.add(new Fact(Measure.STEP_DOWN_NO_EARLY_HELP, s.child(), s.referral(), s.closed(), s.earlyHelpStarted() == null, s.owner()));
            facts.add(new Fact(Measure.STEP_DOWN_STEPPED_UP, s.child(), s.referral(), s.closed(), s.steppedUp() != null, s.owner()));
        }
        Map<String, Long> caseloads = new TreeMap<>();
        Map<String, Owner> workers = new LinkedHashMap<>();
        for (Involvement i : journey.involvements()) {
            if (i.worker() != null && i.start() != null && !i.start().isAfter(period.to()) && (i.end() == null || i.end().isAfter(period.to()))) {
                Owner o = owners.of(i.team(), i.worker());
                caseloads.merge(o.team() + "/" + o.worker(), 1L, Long::sum);
                workers.putIfAbsent(o.team() + "/" + o.worker(), o);
            }
        }
        return new Result(period, asOf, inOrder(facts), List.copyOf(stepDowns), caseloads, workers);
    }

    /** Facts by date, then child, then measure (a fact's place among equals kept): the order pages and the stored figures list them in. */
    static final Comparator<Fact> ORDER = (a, b) -> {
        int c = a.date().compareTo(b.date());
        if (c != 0) {
            return c;
        }
        c = a.child().compareTo(b.child());
        return c != 0 ? c : Integer.compare(a.measure().ordinal(), b.measure().ordinal());
    };

    /**
     * The facts in {@link #ORDER}, as an unmodifiable list: placed by day first (a stable counting sort over the days
     * they span), then each day's few facts sorted by child and measure, which is what one stable sort by the whole
     * order gives, in a fraction of its time. The children are ranked once in {@link String} order, so a day's facts are
     * sorted as numbers (child's rank, measure, place among equals), not by comparing their ids again and again. Each
     * fact's day and child are read once, in the order the facts were made (a child's facts mostly one after another, so
     * its id is looked up once for the run), and kept in arrays beside the facts: placing a day's facts then looks
     * nothing up (a lookup per fact in day order, all over the map, was a fifth of the front door's time).
     */
    static List<Fact> inOrder(List<Fact> facts) {
        int size = facts.size();
        if (size == 0) {
            return List.of();
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long[] dayOf = new long[size];
        // each fact's child as a number, in the order the children first come; the children by number
        int[] childOf = new int[size];
        Map<String, Integer> numbers = new HashMap<>();
        List<String> children = new ArrayList<>();
        String previous = null;
        int number = -1;
        for (int i = 0; i < size; i++) {
            Fact f = facts.get(i);
            long day = f.date().toEpochDay();
            dayOf[i] = day;
            min = Math.min(min, day);
            max = Math.max(max, day);
            String child = f.child();
            if (previous == null || !previous.equals(child)) {
                Integer known = numbers.putIfAbsent(child, children.size());
                if (known == null) {
                    number = children.size();
                    children.add(child);
                } else {
                    number = known;
                }
                previous = child;
            }
            childOf[i] = number;
        }
        if (max - min > 100_000 || size > PLACE || children.size() > (1 << 24)) {
            List<Fact> sorted = new ArrayList<>(facts);
            sorted.sort(ORDER);
            return java.util.Collections.unmodifiableList(sorted);
        }
        String[] byName = children.toArray(String[]::new);
        java.util.Arrays.sort(byName);
        int[] rank = new int[byName.length];
        for (int r = 0; r < byName.length; r++) {
            rank[numbers.get(byName[r])] = r;
        }
        int days = (int) (max - min + 1);
        int[] start = new int[days + 1];
        for (int i = 0; i < size; i++) {
            start[(int) (dayOf[i] - min) + 1]++;
        }
        int most = 0;
        for (int d = 0; d < days; d++) {
            most = Math.max(most, start[d + 1]);
            start[d + 1] += start[d];
        }
        // each place of the ordered list: the fact's index in facts
        int[] placed = new int[size];
        int[] next = java.util.Arrays.copyOf(start, days);
        for (int i = 0; i < size; i++) {
            placed[next[(int) (dayOf[i] - min)]++] = i;
        }
        long[] keys = new long[most];
        int[] day = new int[most];
        for (int d = 0; d < days; d++) {
            int from = start[d];
            int n = start[d + 1] - from;
            if (n < 2) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                int f = placed[from + i];
                day[i] = f;
                // child's rank (24 bits), measure (6 bits), place in the day (24 bits: equals keep their order)
                keys[i] = (long) rank[childOf[f]] << 30 | (long) facts.get(f).measure().ordinal() << 24 | i;
            }
            java.util.Arrays.sort(keys, 0, n);
            for (int i = 0; i < n; i++) {
                placed[from + i] = day[(int) (keys[i] & PLACE)];
            }
        }
        Fact[] out = new Fact[size];
        for (int i = 0; i < size; i++) {
            out[i] = facts.get(placed[i]);
        }
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(out));
    }

    /** The most facts {@link #inOrder} numbers by their place in a day (24 bits), and the mask that reads the place. */
    private static final int PLACE = (1 << 24) - 1;

    static {
        if (Measure.values().length > 64) {
            throw new IllegalStateException("FrontDoor.inOrder keeps a measure in 6 bits");
        }
    }

    /** Clocks that stopped in the period, or fell due in it and had not stopped by the date measured; due ones are left out. */
    private void settled(List<Occurrence> occurrences, Period period, LocalDate asOf, Measure measure, Owners owners, List<Fact> facts) {
        if (occurrences == null) {
            return;
        }
        for (Occurrence o : occurrences) {
            if (o.status() == Status.DUE) {
                continue;
            }
            // a clock still running past its due date counts in the period its due date fell in
            LocalDate on = o.status() == Status.OVERDUE ? o.due() : o.done();
            if (period.contains(on) && !on.isAfter(asOf)) {
                facts.add(new Fact(measure, o.child(), o.subject(), on, o.status().inTime(), owners.at(o.child(), on, null, null)));
            }
        }
    }

    private void plans(Journey journey, Period period, Owners owners, List<Fact> facts) {
        Map<String, List<CpPlan>> byChild = ProtectionTimescales.byChild(journey.cpPlans(), CpPlan::person);
        for (CpPlan p : journey.cpPlans()) {
            if (p.start() == null) {
                continue;
            }
            Owner owner = owners.at(p.person(), p.start(), null, null);
            if (period.contains(p.start())) {
                List<CpPlan> earlier = byChild.get(p.person()).stream().filter(q -> q != p && q.start() != null && q.start().isBefore(p.start())).toList();
                boolean repeat = !earlier.isEmpty() || p.previousPlans() != null && p.previousPlans() > 0;
                boolean within2 = earlier.stream().anyMatch(q -> q.end() != null && !q.end().isBefore(p.start().minusYears(2)));
                facts.add(new Fact(Measure.REPEAT_PLANS, p.person(), p.id(), p.start(), repeat, owner));
                facts.add(new Fact(Measure.REPEAT_PLANS_2_YEARS, p.person(), p.id(), p.start(), within2, owner));
            }
            if (period.contains(p.end()) && !p.end().isBefore(p.start())) {
                Owner atEnd = owners.at(p.person(), p.end(), null, null);
                facts.add(new Fact(Measure.PLANS_OVER_2_YEARS, p.person(), p.id(), p.end(), !p.end().isBefore(p.start().plusYears(2)), atEnd));
                facts.add(new Fact(Measure.PLANS_3_MONTHS_OR_LESS, p.person(), p.id(), p.end(), !p.end().isAfter(p.start().plusMonths(3)), atEnd));
            }
        }
    }

    private List<StepDown> stepDowns(Journey journey, Period period, Owners owners, Map<String, List<Referral>> referrals) {
        Map<String, List<EarlyHelp>> earlyHelp = ProtectionTimescales.byChild(journey.earlyHelp(), EarlyHelp::person);
        List<StepDown> out = new ArrayList<>();
        for (Referral r : journey.referrals()) {
            if (!period.contains(r.closeDate()) || !isStepDown(r.closeReason())) {
                continue;
            }
            LocalDate closed = r.closeDate();
            LocalDate steppedUp = referrals.get(r.person()).stream().map(Referral::date)
                    .filter(d -> d != null && d.isAfter(closed) && !d.isAfter(closed.plusMonths(12))).min(Comparator.naturalOrder()).orElse(null);
            LocalDate ehStart = earlyHelp.getOrDefault(r.person(), List.of()).stream().map(EarlyHelp::start)
                    .filter(d -> d != null && !d.isBefore(closed.minusDays(7)) && (steppedUp == null || d.isBefore(steppedUp)))
                    .min(Comparator.naturalOrder()).orElse(null);
            out.add(new StepDown(r.person(), r.id(), closed, owners.at(r.person(), closed, r.team(), r.worker()), ehStart,
                    ehStart == null ? null : Math.max(0, calendar.workingDaysBetween(closed, ehStart)), steppedUp));
        }
        out.sort(Comparator.comparing(StepDown::closed).thenComparing(StepDown::child));
        return out;
    }

    boolean isStepDown(String reason) {
        if (reason == null || reason.isBlank()) {
            return false;
        }
        String r = reason.trim().toUpperCase(Locale.ROOT);
        return stepDownReasons.contains(r) || r.contains("EARLY HELP");
    }

    /** Who held each child when: the involvement that covers the date, else the record's own team and worker. */
    private static final class Owners {
        private final Map<String, List<Involvement>> involvements;
        private final Map<String, String> teamNames = new HashMap<>();
        private final Map<String, String> workerNames = new HashMap<>();
        private final Map<String, String> workerTeams = new HashMap<>();

        Owners(Journey journey) {
            involvements = ProtectionTimescales.byChild(journey.involvements(), Involvement::person);
            journey.teams().forEach(t -> teamNames.put(t.id(), t.name()));
            journey.workers().forEach(w -> {
                workerNames.put(w.id(), w.name() == null || w.name().isBlank() ? w.id() : w.name());
                if (w.team() != null) {
                    workerTeams.put(w.id(), w.team());
                }
            });
        }

        Owner at(String child, LocalDate date, String team, String worker) {
            if (team == null && worker == null) {
                List<Involvement> mine = involvements.getOrDefault(child, List.of());
                // the latest to start of those covering the date (the first of equals), else the first to start within 30 days after it
                Involvement held = null;
                for (Involvement i : mine) {
                    if (i.start() != null && !i.start().isAfter(date) && (i.end() == null || !i.end().isBefore(date))
                            && (held == null || i.start().isAfter(held.start()))) {
                        held = i;
                    }
                }
                if (held == null) {
                    for (Involvement i : mine) {
                        if (i.start() != null && i.start().isAfter(date) && ChronoUnit.DAYS.between(date, i.start()) <= 30
                                && (held == null || i.start().isBefore(held.start()))) {
                            held = i;
                        }
                    }
                }
                if (held != null) {
                    team = held.team();
                    worker = held.worker();
                }
            }
            return of(team, worker);
        }

        /** Each team and worker's owner, made once. */
        private final Map<String, Map<String, Owner>> made = new HashMap<>();

        Owner of(String team, String worker) {
            // looked up, not computeIfAbsent: its lambda, capturing team and worker, was made again for every fact
            Map<String, Owner> ofTeam = made.get(team);
            if (ofTeam == null) {
                ofTeam = new HashMap<>();
                made.put(team, ofTeam);
            }
            Owner owner = ofTeam.get(worker);
            if (owner == null) {
                owner = owner(team, worker);
                ofTeam.put(worker, owner);
            }
            return owner;
        }

        private Owner owner(String team, String worker) {
            String t = team != null ? team : worker != null ? workerTeams.get(worker) : null;
            String teamId = t == null ? Owner.NONE : t;
            String workerId = worker == null ? Owner.NONE : worker;
            return new Owner(teamId, t == null ? "Not recorded" : teamNames.getOrDefault(t, t), workerId,
                    worker == null ? "Not recorded" : workerNames.getOrDefault(worker, worker));
        }
    }
}
