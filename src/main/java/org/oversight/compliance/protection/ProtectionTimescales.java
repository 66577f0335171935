package org.oversight.compliance.protection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.oversight.childdata.journey.ChildJourneys.Assessment;
import org.oversight.childdata.journey.ChildJourneys.CinPlan;
import org.oversight.childdata.journey.ChildJourneys.Conference;
import org.oversight.childdata.journey.ChildJourneys.Contact;
import org.oversight.childdata.journey.ChildJourneys.CpPlan;
import org.oversight.childdata.journey.ChildJourneys.CpReview;
import org.oversight.childdata.journey.ChildJourneys.Journey;
import org.oversight.childdata.journey.ChildJourneys.Referral;
import org.oversight.childdata.journey.ChildJourneys.Section47;
import org.oversight.childdata.journey.ChildJourneys.Visit;
import org.oversight.compliance.domain.Interval;
import org.oversight.compliance.domain.TimescaleRules;
import org.oversight.shared.calendar.WorkingDayCalendar;

import static org.oversight.shared.Dates.day;

/**
 * The help-and-protection timescales applied to one snapshot's rows: every clock the data can show, when it was due,
 * when it stopped (or not), and why; and the dates that contradict each other, reported as data-quality findings and
 * never counted as in time. The intervals come from the rules in force ({@code HP-*} in the timescale rule file), so an
 * administrator's change to a local standard applies here as it does to children in care.
 */
public final class ProtectionTimescales {

    public static final String REFERRAL_DECISION = "HP-REFERRAL-DECISION";
    public static final String ASSESSMENT = "HP-ASSESSMENT";
    public static final String ICPC = "HP-ICPC";
    public static final String CORE_GROUP = "HP-CORE-GROUP";
    public static final String CP_REVIEW = "HP-CP-REVIEW";
    public static final String CP_VISIT = "HP-CP-VISIT";
    public static final String CIN_VISIT = "HP-CIN-VISIT";
    public static final String CIN_PLAN_REVIEW = "HP-CIN-PLAN-REVIEW";

    /** Every help-and-protection rule, in the journey's order. */
    public static final List<String> RULES = List.of(REFERRAL_DECISION, ASSESSMENT, ICPC, CORE_GROUP, CP_REVIEW, CP_VISIT, CIN_VISIT,
            CIN_PLAN_REVIEW);

    /** Contacts more than this many days before a referral are not taken as the contact it came from. */
    static final int CONTACT_WINDOW_DAYS = 30;

    public enum Status {
        /** Done by the due date. */
        MET,
        /** Done, after the due date. */
        LATE,
        /** Not done, and the due date has passed. */
        OVERDUE,
        /** Not done, not yet due. */
        DUE;

        public boolean inTime() {
            return this == MET;
        }

        public boolean settled() {
            return this != DUE;
        }
    }

    /**
     * One clock of one rule for one child.
     *
     * @param subject the record the clock belongs to (the referral, enquiry, plan…)
     * @param start   the event that started the clock
     * @param due     the last day in time
     * @param done    the day the clock stopped, or null
     * @param basis   what started the clock, in words ("from the referral on"), and {@code note} anything to add
     */
    public record Occurrence(String ruleId, String child, String subject, LocalDate start, LocalDate due, LocalDate done, Status status,
                             Interval interval, String basis, String note) {

        /** The date that places the clock in a period: when it stopped, or when it fell due. */
        public LocalDate settledOn() {
            return done != null ? done : due;
        }

        /** Why it was due, in words ("45 working days from the referral on 3 March 2025"), written only when asked for. */
        public String reason() {
            return interval.words() + " " + basis + " " + day(start) + (note == null ? "" : note);
        }
    }

    /** Dates that contradict each other: shown to the LA, never counted as in time. */
    public record Finding(String child, String ruleId, String subject, String message) {
    }

    public record Evaluation(List<Occurrence> occurrences, List<Finding> findings) {

        public List<Occurrence> of(String ruleId) {
            return occurrences.stream().filter(o -> o.ruleId().equals(ruleId)).toList();
        }

        public List<Occurrence> ofChild(String child) {
            return occurrences.stream().filter(o -> o.child().equals(child)).toList();
        }
    }

    private final TimescaleRules rules;
    private final WorkingDayCalendar calendar;

    public ProtectionTimescales(TimescaleRules rules, WorkingDayCalendar calendar) {
        this.rules = rules;
        this.calendar = calendar;
    }

    /** Every clock the data shows, measured on {@code asOf}. */
    public Evaluation evaluate(Journey journey, LocalDate asOf) {
        // about one clock a visit, two a referral and one more a plan: sized once rather than grown (and copied) again and again
        List<Occurrence> out = new ArrayList<>(journey.visits().size() + 2 * journey.referrals().size() + journey.cpPlans().size()
                + journey.cinPlans().size() + journey.conferences().size() + 16);
        List<Finding> findings = new ArrayList<>();
        Map<String, Referral> referrals = new HashMap<>();
        journey.referrals().forEach(r -> referrals.put(r.id(), r));
        referralDecisions(journey, out);
        assessments(journey, referrals, asOf, out, findings);
        conferences(journey, asOf, out, findings);
        reviews(journey, asOf, out, findings);
        visits(journey, asOf, out, findings);
        referralDates(journey, findings);
        return new Evaluation(java.util.Collections.unmodifiableList(out), List.copyOf(findings));
    }

    private Interval interval(String ruleId, String regime) {
        return rules.get(ruleId).interval(regime);
    }

    /** The contact a referral came from (the latest of the child's contacts up to the referral date) to the referral. */
    private void referralDecisions(Journey journey, List<Occurrence> out) {
        Map<String, List<Contact>> contacts = byChild(journey.contacts(), Contact::person);
        Interval within = interval(REFERRAL_DECISION, "decision");
        for (Referral r : journey.referrals()) {
            if (r.date() == null) {
                continue;
            }
            // the latest contact in the window (the first of equals)
            LocalDate earliest = r.date().minusDays(CONTACT_WINDOW_DAYS);
            Contact contact = null;
            for (Contact c : contacts.getOrDefault(r.person(), List.of())) {
                if (c.date() != null && !c.date().isAfter(r.date()) && !c.date().isBefore(earliest)
                        && (contact == null || c.date().isAfter(contact.date()))) {
                    contact = c;
                }
            }
            if (contact == null) {
                continue;
            }
            LocalDate due = within.after(contact.date(), calendar);
            out.add(new Occurrence(REFERRAL_DECISION, r.person(), r.id(), contact.date(), due, r.date(), settled(due, r.date()),
                    within, "from the contact on", null));
        }
    }

    private void assessments(Journey journey, Map<String, Referral> referrals, LocalDate asOf, List<Occurrence> out, List<Finding> findings) {
        Interval within = interval(ASSESSMENT, "complete");
        for (Assessment a : journey.assessments()) {
            Referral referral = a.referral() == null ? null : referrals.get(a.referral());
            LocalDate start = referral != null && referral.date() != null ? referral.date() : a.start();
            if (start == null) {
                findings.add(new Finding(a.person(), ASSESSMENT, a.id(), "The assessment has no start date and its referral no date"));
                continue;
            }
            if (a.start() != null && a.authorised() != null && a.authorised().isBefore(a.start())) {
                findings.add(new Finding(a.person(), ASSESSMENT, a.id(), "The assessment was authorised on " + day(a.authorised())
                        + ", before it started on " + day(a.start())));
                continue;
            }
            if (referral != null && referral.date() != null && a.start() != null && a.start().isBefore(referral.date())) {
                findings.add(new Finding(a.person(), ASSESSMENT, a.id(), "The assessment started on " + day(a.start()) + ", before its referral on "
                        + day(referral.date())));
                continue;
            }
            LocalDate due = within.after(start, calendar);
            out.add(new Occurrence(ASSESSMENT, a.person(), a.id(), start, due, a.authorised(), status(due, a.authorised(), asOf),
                    within, "from the referral on", null));
        }
    }

    /**
     * Initial conferences: 15 working days from the strategy discussion that started the section 47 enquiry (the last
     * one before the conference when several were held for the child); a conference for a plan transferred in from
     * another LA has no such clock. An enquiry still waiting for its conference is due or overdue.
     */
    private void conferences(Journey journey, LocalDate asOf, List<Occurrence> out, List<Finding> findings) {
        Interval within = interval(ICPC, "conference");
        Map<String, List<Section47>> enquiries = byChild(journey.section47s(), Section47::person);
        java.util.Set<String> conferenced = new java.util.HashSet<>();
        for (Conference c : journey.conferences()) {
            if (c.transferIn()) {
                if (c.section47() != null) {
                    conferenced.add(c.section47());
                }
                continue;
            }
            List<Section47> mine = enquiries.getOrDefault(c.person(), List.of());
            Section47 linked = c.section47() == null ? null : mine.stream().filter(s -> c.section47().equals(s.id())).findFirst().orElse(null);
            LocalDate held = c.date();
            if (held == null) {
                continue;
            }
            if (linked != null && linked.start() != null && held.isBefore(linked.start())) {
                findings.add(new Finding(c.person(), ICPC, c.id(), "The initial conference on " + day(held) + " is before its section 47 enquiry began on "
                        + day(linked.start())));
                conferenced.add(linked.id());
                continue;
            }
            // the last strategy discussion (enquiry start) on or before the conference: of the same referral where known
            Section47 last = mine.stream().filter(s -> s.start() != null && !s.start().isAfter(held))
                    .filter(s -> linked == null || Objects.equals(s.referral(), linked.referral()))
                    .max(Comparator.comparing(Section47::start)).orElse(linked);
            if (last == null || last.start() == null) {
                continue;
            }
            mine.stream().filter(s -> s.start() != null && !s.start().isAfter(held) && Objects.equals(s.referral(), last.referral()))
                    .forEach(s -> conferenced.add(s.id()));
            LocalDate due = within.after(last.start(), calendar);
            out.add(new Occurrence(ICPC, c.person(), c.id(), last.start(), due, held, settled(due, held),
                    within, "from the strategy discussion on", null));
        }
        for (Section47 s : journey.section47s()) {
            if (conferenced.contains(s.id()) || s.start() == null || s.nfa() || s.icpcNotRequired() || s.end() != null) {
                continue;
            }
            LocalDate due = within.after(s.start(), calendar);
            out.add(new Occurrence(ICPC, s.person(), s.id(), s.start(), due, null, status(due, null, asOf),
                    within, "from the strategy discussion on", "; no conference recorded yet"));
        }
    }

    /** Review conferences: the first within 3 months of the plan's start (its ICPC), later ones within 6 months of the last. */
    private void reviews(Journey journey, LocalDate asOf, List<Occurrence> out, List<Finding> findings) {
        Interval first = interval(CP_REVIEW, "first");
        Interval later = interval(CP_REVIEW, "later");
        Map<String, List<CpReview>> byPlan = new HashMap<>();
        Map<String, List<CpReview>> byChild = byChild(journey.cpReviews(), CpReview::person);
        for (CpReview r : journey.cpReviews()) {
            if (r.cpPlan() != null) {
                byPlan.computeIfAbsent(r.cpPlan(), k -> new ArrayList<>()).add(r);
            }
        }
        for (CpPlan plan : journey.cpPlans()) {
            if (plan.start() == null) {
                continue;
            }
            if (plan.end() != null && plan.end().isBefore(plan.start())) {
                findings.add(new Finding(plan.person(), CP_REVIEW, plan.id(), "The plan ended on " + day(plan.end()) + ", before it started on " + day(plan.start())));
                continue;
            }
            List<CpReview> held = (byPlan.containsKey(plan.id()) ? byPlan.get(plan.id())
                    : byChild.getOrDefault(plan.person(), List.of()).stream().filter(r -> r.cpPlan() == null && r.date() != null
                    && !r.date().isBefore(plan.start()) && (plan.end() == null || !r.date().isAfter(plan.end()))).toList())
                    .stream().filter(r -> r.date() != null).sorted(Comparator.comparing(CpReview::date)).toList();
            LocalDate end = plan.end() == null ? asOf : plan.end();
            LocalDate from = plan.start();
            Interval next = first;
            String why = "from the plan's start on";
            for (CpReview review : held) {
                if (review.date().isBefore(plan.start())) {
                    findings.add(new Finding(plan.person(), CP_REVIEW, review.id(), "The review on " + day(review.date()) + " is before the plan began on "
                            + day(plan.start())));
                    continue;
                }
                LocalDate due = next.after(from, calendar);
                out.add(new Occurrence(CP_REVIEW, plan.person(), plan.id(), from, due, review.date(), settled(due, review.date()),
                        next, why, null));
                from = review.date();
                next = later;
                why = "from the last review on";
            }
            LocalDate due = next.after(from, calendar);
            if (!due.isAfter(end) || plan.end() == null) {
                out.add(new Occurrence(CP_REVIEW, plan.person(), plan.id(), from, due, null, plan.end() == null ? status(due, null, asOf) : Status.OVERDUE,
                        next, why, null));
            }
        }
    }

    /** Statutory visits to children on child protection and child in need plans, each counted from the plan's start, then from the last visit. */
    private void visits(Journey journey, LocalDate asOf, List<Occurrence> out, List<Finding> findings) {
        Map<String, List<Visit>> byChild = byChild(journey.visits(), Visit::person);
        Interval cp = interval(CP_VISIT, "visit");
        for (CpPlan plan : journey.cpPlans()) {
            if (plan.start() == null || plan.end() != null && plan.end().isBefore(plan.start())) {
                continue;
            }
            List<Visit> mine = new ArrayList<>();
            for (Visit v : byChild.getOrDefault(plan.person(), List.of())) {
                if (v.cp() && (v.cpPlan() == null || v.cpPlan().equals(plan.id()))) {
                    mine.add(v);
                }
            }
            planVisits(CP_VISIT, plan.person(), plan.id(), plan.start(), plan.end(), mine, cp, asOf, out, findings, plan.id() != null);
        }
        Interval cin = interval(CIN_VISIT, "visit");
        for (CinPlan plan : journey.cinPlans()) {
            if (plan.start() == null) {
                continue;
            }
            if (plan.end() != null && plan.end().isBefore(plan.start())) {
                findings.add(new Finding(plan.person(), CIN_VISIT, plan.id(), "The plan ended on " + day(plan.end()) + ", before it started on " + day(plan.start())));
                continue;
            }
            List<Visit> mine = new ArrayList<>();
            for (Visit v : byChild.getOrDefault(plan.person(), List.of())) {
                if (!v.cp()) {
                    mine.add(v);
                }
            }
            planVisits(CIN_VISIT, plan.person(), plan.id(), plan.start(), plan.end(), mine, cin, asOf, out, findings, false);
        }
    }

    private void planVisits(String ruleId, String child, String planId, LocalDate start, LocalDate end, List<Visit> visits, Interval every,
                            LocalDate asOf, List<Occurrence> out, List<Finding> findings, boolean linkedToPlan) {
        LocalDate until = end == null ? asOf : end;
        LocalDate from = start;
        String why = "from the plan's start on";
        for (Visit v : visits) {
            if (v.date() == null || v.date().isBefore(start)) {
                continue;
            }
            if (end != null && v.date().isAfter(end)) {
                if (linkedToPlan && v.cpPlan() != null) {
                    findings.add(new Finding(child, ruleId, v.id(), "A visit on " + day(v.date()) + " is recorded against a plan that ended on " + day(end)));
                }
                continue;
            }
            if (!v.seen()) {
                continue; // a visit where the child was not seen does not stop the clock
            }
            LocalDate due = every.after(from, calendar);
            out.add(new Occurrence(ruleId, child, planId, from, due, v.date(), settled(due, v.date()), every, why, null));
            from = v.date();
            why = "from the last visit (child seen) on";
        }
        LocalDate due = every.after(from, calendar);
        if (end == null) {
            out.add(new Occurrence(ruleId, child, planId, from, due, null, status(due, null, asOf), every, why, null));
        } else if (due.isBefore(until)) {
            out.add(new Occurrence(ruleId, child, planId, from, due, null, Status.OVERDUE, every, why,
                    "; the plan ended on " + day(end) + " without it"));
        }
    }

    /** A referral closed before it opened. */
    private void referralDates(Journey journey, List<Finding> findings) {
        for (Referral r : journey.referrals()) {
            if (r.date() != null && r.closeDate() != null && r.closeDate().isBefore(r.date())) {
                findings.add(new Finding(r.person(), ASSESSMENT, r.id(), "The episode closed on " + day(r.closeDate()) + ", before the referral on " + day(r.date())));
            }
        }
    }

    private static Status settled(LocalDate due, LocalDate done) {
        return done.isAfter(due) ? Status.LATE : Status.MET;
    }

    private static Status status(LocalDate due, LocalDate done, LocalDate asOf) {
        if (done != null) {
            return settled(due, done);
        }
        return asOf.isAfter(due) ? Status.OVERDUE : Status.DUE;
    }

    static <T> Map<String, List<T>> byChild(List<T> rows, java.util.function.Function<T, String> child) {
        Map<String, List<T>> map = new HashMap<>();
        for (T row : rows) {
            map.computeIfAbsent(child.apply(row), k -> new ArrayList<>()).add(row);
        }
        return map;
    }
}
