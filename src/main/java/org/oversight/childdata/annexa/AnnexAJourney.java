package org.oversight.childdata.annexa;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oversight.shared.calendar.WorkingDayCalendar;

/**
 * Annex A lists 1 to 7 (contacts, early help, referrals, assessments, section 47 enquiries and ICPCs, children in need,
 * child protection plans) from the whole-journey store, as of a date (the inspection's notification date): the events
 * of the {@link #WINDOW_MONTHS} months up to and including that date, and the cases open at some time in them. Pure:
 * the rows in, the lists' rows out (values by the template's headings, dates as {@link LocalDate}), and the headline
 * figures counted from them.
 */
public final class AnnexAJourney {

    /**
     * How far back lists 1 to 7 reach from the notification date: Ofsted's guidance for lists 1 to 9 is the 6 months
     * before the inspection (lists 10 and 11: 12 months), as quoted by the SSD's Annex A script (domain/ilacs.md §5.2).
     */
    public static final int WINDOW_MONTHS = 6;
    /** The statutory timescales the headline figures measure. */
    public static final int ASSESSMENT_WORKING_DAYS = 45;
    public static final int ICPC_WORKING_DAYS = 15;

    public record Person(String id, String sex, String ethnicity, LocalDate dob, boolean disabled) {
    }

    public record Contact(String id, String person, LocalDate date, String source) {
    }

    public record EarlyHelp(String id, String person, LocalDate start, LocalDate end, String organisation) {
    }

    public record Referral(String id, String person, LocalDate date, String source, String nfa, LocalDate closed, String closeReason,
                           String primaryNeed, String team, String worker) {
    }

    public record Assessment(String id, String person, String referral, LocalDate start, String childSeen, LocalDate authorised,
                             String nfa, String team, String worker) {
    }

    public record Section47(String id, String person, LocalDate start, String icpcNotRequired, String team, String worker) {
    }

    public record Icpc(String id, String person, String section47, LocalDate date, String cpPlan) {
    }

    public record CinPlan(String id, String person, LocalDate start, LocalDate end, String team, String worker) {
    }

    public record CpPlan(String id, String person, LocalDate start, LocalDate end, String initialCategory, String latestCategory,
                         Integer previous) {
    }

    /** A visit to a child on a CIN plan (plan null) or a CP plan. */
    public record Visit(String person, String plan, LocalDate date, String seen, String seenAlone) {
    }

    public record Review(String person, String plan, LocalDate date) {
    }

    /** Who held the case from when to when (end null: still). */
    public record Allocation(String person, LocalDate start, LocalDate end, String team, String worker) {
    }

    /** Everything of one snapshot the lists read. */
    public record Journey(List<Person> persons, List<Contact> contacts, List<EarlyHelp> earlyHelp, List<Referral> referrals,
                          List<Assessment> assessments, List<Section47> section47s, List<Icpc> icpcs, List<CinPlan> cinPlans,
                          List<CpPlan> cpPlans, List<Visit> visits, List<Review> reviews, List<Allocation> allocations) {
    }

    /** A list: its number, name, headings and rows (values by heading; null = blank). */
    public record AnnexList(int number, String name, List<String> columns, List<Map<String, Object>> rows) {
    }

    /**
     * The headline figures of the day-one page. Percentages are of the cases the data can measure (null when none).
     *
     * @param assessmentsCompleted assessments of list 4 authorised by the date
     * @param icpcsHeld            ICPCs of list 5 held by the date
     */
    public record Figures(int contacts, int referrals, int reReferrals, int assessments, int assessmentsCompleted, Integer assessmentsIn45Percent,
                          int section47s, int icpcsHeld, Integer icpcsIn15Percent, int cpPlansOpen, int cinOpen) {
    }

    /** Lists 1 to 7 and the figures. */
    public record Result(LocalDate asOf, LocalDate windowFrom, List<AnnexList> lists, Figures figures) {
    }

    private AnnexAJourney() {
    }

    /** The first day of the window ending on {@code asOf}: the day after the same date {@link #WINDOW_MONTHS} months before. */
    public static LocalDate windowFrom(LocalDate asOf) {
        return windowFrom(asOf, WINDOW_MONTHS);
    }

    /** The first day of a window of {@code months} ending on {@code asOf}. */
    public static LocalDate windowFrom(LocalDate asOf, int months) {
        return asOf.minusMonths(months).plusDays(1);
    }

    static boolean within(LocalDate d, LocalDate from, LocalDate to) {
        return d != null && !d.isBefore(from) && !d.isAfter(to);
    }

    /** Open at some time in [from, to]: began by {@code to}, and not ended before {@code from}. */
    static boolean overlaps(LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
        return start != null && !start.isAfter(to) && (end == null || !end.isBefore(from));
    }

    /** Open on the date: began by it and not ended by it. */
    static boolean openOn(LocalDate start, LocalDate end, LocalDate on) {
        return start != null && !start.isAfter(on) && (end == null || end.isAfter(on));
    }

    public static Result derive(Journey j, LocalDate asOf, WorkingDayCalendar calendar) {
        return derive(j, asOf, calendar, WINDOW_MONTHS);
    }

    /** As above, over a window of {@code months} (Ofsted's is {@link #WINDOW_MONTHS}). */
    public static Result derive(Journey j, LocalDate asOf, WorkingDayCalendar calendar, int months) {
        LocalDate from = windowFrom(asOf, months);
        Map<String, Person> persons = j.persons().stream().collect(Collectors.toMap(Person::id, p -> p, (a, b) -> a, LinkedHashMap::new));
        Allocations allocations = new Allocations(j.allocations(), asOf);

        List<Map<String, Object>> l1 = new ArrayList<>();
        j.contacts().stream().filter(c -> within(c.date(), from, asOf)).sorted(Comparator.comparing(Contact::date).thenComparing(Contact::id))
                .forEach(c -> {
                    Map<String, Object> v = person(persons.get(c.person()), c.person(), asOf);
                    v.put("Date of Contact", c.date());
                    v.put("Contact Source", c.source());
                    l1.add(v);
                });

        List<Map<String, Object>> l2 = new ArrayList<>();
        j.earlyHelp().stream().filter(e -> overlaps(e.start(), e.end(), from, asOf)).sorted(Comparator.comparing(EarlyHelp::start).thenComparing(EarlyHelp::id))
                .forEach(e -> {
                    Map<String, Object> v = person(persons.get(e.person()), e.person(), asOf);
                    v.put("Assessment start date", e.start());
                    v.put("Organisation completing assessment", e.organisation());
                    l2.add(v);
                });

        Map<String, List<LocalDate>> referralDates = j.referrals().stream().filter(r -> r.date() != null)
                .collect(Collectors.groupingBy(Referral::person, Collectors.mapping(Referral::date, Collectors.toList())));
        Map<String, Referral> referralsById = j.referrals().stream().collect(Collectors.toMap(Referral::id, r -> r, (a, b) -> a));
        List<Map<String, Object>> l3 = new ArrayList<>();
        int reReferrals = 0;
        for (Referral r : sorted(j.referrals().stream().filter(x -> within(x.date(), from, asOf)).toList(), Referral::date, Referral::id)) {
            Map<String, Object> v = person(persons.get(r.person()), r.person(), asOf);
            long earlier = previousWithin12Months(referralDates.getOrDefault(r.person(), List.of()), r.date());
            if (earlier > 0) {
                reReferrals++;
            }
            v.put("Date of Referral", r.date());
            v.put("Referral Source", r.source());
            v.put("Referral NFA?", yesNo(r.nfa()));
            v.put("Number of Referrals in Last 12 Months", earlier);
            v.put(AnnexAWorkbook.TEAM, r.team());
            v.put(AnnexAWorkbook.WORKER, r.worker());
            l3.add(v);
        }

        List<Map<String, Object>> l4 = new ArrayList<>();
        int completed = 0;
        int in45 = 0;
        for (Assessment a : sorted(j.assessments().stream().filter(x -> overlaps(x.start(), authorisedBy(x, asOf), from, asOf)).toList(),
                Assessment::start, Assessment::id)) {
            Person p = persons.get(a.person());
            Map<String, Object> v = person(p, a.person(), asOf);
            LocalDate authorised = authorisedBy(a, asOf);
            v.put("Does the Child have a Disability", disability(p));
            v.put("Continuous Assessment Start Date", a.start());
            v.put("Child Seen During Continuous Assessment", yesNo(a.childSeen()));
            v.put("Continuous Assessment Date of Authorisation", authorised);
            v.put("Was the child assessed as requiring LA children's social care support?",
                    authorised == null || a.nfa() == null ? null : flag(a.nfa()) ? "No" : "Yes");
            v.put(AnnexAWorkbook.TEAM, a.team());
            v.put(AnnexAWorkbook.WORKER, a.worker());
            l4.add(v);
            if (authorised != null) {
                completed++;
                Referral referral = a.referral() == null ? null : referralsById.get(a.referral());
                if (assessmentInTime(referral == null ? a.start() : referral.date(), authorised, calendar)) {
                    in45++;
                }
            }
        }

        Map<String, Icpc> icpcBySection47 = new HashMap<>();
        j.icpcs().stream().filter(i -> i.section47() != null && i.date() != null && !i.date().isAfter(asOf))
                .forEach(i -> icpcBySection47.merge(i.section47(), i, (a, b) -> a.date().isBefore(b.date()) ? a : b));
        Map<String, Long> s47PerChild = j.section47s().stream().filter(s -> within(s.start(), from, asOf))
                .collect(Collectors.groupingBy(Section47::person, Collectors.counting()));
        Map<String, Long> icpcPerChild = j.icpcs().stream().filter(i -> within(i.date(), from, asOf))
                .collect(Collectors.groupingBy(Icpc::person, Collectors.counting()));
        List<Map<String, Object>> l5 = new ArrayList<>();
        int held = 0;
        int in15 = 0;
        for (Section47 s : sorted(j.section47s().stream().filter(x -> within(x.start(), from, asOf)).toList(), Section47::start, Section47::id)) {
            Person p = persons.get(s.person());
            Map<String, Object> v = person(p, s.person(), asOf);
            Icpc icpc = icpcBySection47.get(s.id());
            v.put("Does the Child have a Disability", disability(p));
            v.put("Strategy discussion initiating Section 47 Enquiry Start Date", s.start());
            v.put("Was an Initial Child Protection Conference deemed unnecessary?", yesNo(s.icpcNotRequired()));
            v.put("Date of Initial Child Protection Conference", icpc == null ? null : icpc.date());
            v.put("Did the Initial Child Protection Conference Result in a Child Protection Plan", icpc == null ? null : yesNo(icpc.cpPlan()));
            v.put("Number of Section 47 Enquiries in the last 12 months", s47PerChild.getOrDefault(s.person(), 0L));
            v.put("Number of ICPCs in the last 12 months", icpcPerChild.getOrDefault(s.person(), 0L));
            v.put(AnnexAWorkbook.TEAM, s.team());
            v.put(AnnexAWorkbook.WORKER, s.worker());
            l5.add(v);
            if (icpc != null) {
                held++;
                if (icpcInTime(s.start(), icpc.date(), calendar)) {
                    in15++;
                }
            }
        }

        Map<String, LocalDate> lastSeen = new HashMap<>();
        j.visits().stream().filter(x -> x.date() != null && !x.date().isAfter(asOf) && (x.seen() == null || flag(x.seen())))
                .forEach(x -> lastSeen.merge(x.person(), x.date(), (a, b) -> a.isAfter(b) ? a : b));
        Set<String> onCpPlan = j.cpPlans().stream().filter(c -> openOn(c.start(), endBy(c.end(), asOf), asOf)).map(CpPlan::person)
                .collect(Collectors.toSet());
        Set<String> onCinPlan = j.cinPlans().stream().filter(c -> openOn(c.start(), endBy(c.end(), asOf), asOf)).map(CinPlan::person)
                .collect(Collectors.toSet());
        List<Map<String, Object>> l6 = new ArrayList<>();
        int cinOpen = 0;
        for (Referral r : sorted(j.referrals().stream().filter(x -> overlaps(x.date(), endBy(x.closed(), asOf), from, asOf)).toList(),
                Referral::date, Referral::id)) {
            Person p = persons.get(r.person());
            Map<String, Object> v = person(p, r.person(), asOf);
            LocalDate closed = endBy(r.closed(), asOf);
            boolean open = closed == null || closed.isAfter(asOf);
            if (open) {
                cinOpen++;
            }
            v.put("Does the Child have a Disability", disability(p));
            v.put("CIN Start Date", r.date());
            v.put("Primary Need Code", AnnexAColumns.need(r.primaryNeed()));
            v.put("Date Child Was Last Seen", lastSeen.get(r.person()));
            v.put("CIN Closure Date", closed);
            v.put("Reason for Closure", closed == null ? null : r.closeReason());
            v.put("Case Status", !open ? "Closed" : onCpPlan.contains(r.person()) ? "Child protection plan"
                    : onCinPlan.contains(r.person()) ? "Child in need plan" : "Open case");
            Allocation held6 = allocations.on(r.person(), open ? asOf : closed);
            v.put(AnnexAWorkbook.TEAM, held6 != null ? held6.team() : r.team());
            v.put(AnnexAWorkbook.WORKER, held6 != null ? held6.worker() : r.worker());
            l6.add(v);
        }

        Map<String, List<CpPlan>> plansOfChild = j.cpPlans().stream().collect(Collectors.groupingBy(CpPlan::person));
        List<Map<String, Object>> l7 = new ArrayList<>();
        int cpOpen = 0;
        for (CpPlan c : sorted(j.cpPlans().stream().filter(x -> overlaps(x.start(), endBy(x.end(), asOf), from, asOf)).toList(),
                CpPlan::start, CpPlan::id)) {
            Person p = persons.get(c.person());
            Map<String, Object> v = person(p, c.person(), asOf);
            LocalDate ended = endBy(c.end(), asOf);
            boolean open = ended == null;
            if (open) {
                cpOpen++;
            }
            Visit last = j.visits().stream().filter(x -> c.id().equals(x.plan()) && x.date() != null && !x.date().isAfter(asOf))
                    .max(Comparator.comparing(Visit::date)).orElse(null);
            LocalDate review = j.reviews().stream().filter(x -> c.id().equals(x.plan()) && x.date() != null && !x.date().isAfter(asOf))
                    .map(Review::date).max(Comparator.naturalOrder()).orElse(null);
            long previous = c.previous() != null ? c.previous()
                    : plansOfChild.getOrDefault(c.person(), List.of()).stream().filter(o -> o.start() != null && o.start().isBefore(c.start())).count();
            v.put("Does the Child have a Disability", disability(p));
            v.put("Child Protection Plan Start Date", c.start());
            v.put("Initial Category of Abuse", c.initialCategory());
            v.put("Latest Category of Abuse", c.latestCategory());
            v.put("Date of the Last Statutory Visit", last == null ? null : last.date());
            v.put("Was the Child Seen Alone?", last == null ? null : yesNo(last.seenAlone()));
            v.put("Date of latest review conference", review);
            v.put("Child Protection Plan End Date", ended);
            v.put("Number of Previous Child Protection Plans", previous);
            Allocation a = allocations.on(c.person(), open ? asOf : ended);
            v.put(AnnexAWorkbook.TEAM, a == null ? null : a.team());
            v.put(AnnexAWorkbook.WORKER, a == null ? null : a.worker());
            l7.add(v);
        }

        List<AnnexList> lists = List.of(
                new AnnexList(1, "Contacts", AnnexAColumns.LIST_1, l1),
                new AnnexList(2, "Early help", AnnexAColumns.LIST_2, l2),
                new AnnexList(3, "Referrals", AnnexAColumns.LIST_3, l3),
                new AnnexList(4, "Assessments", AnnexAColumns.LIST_4, l4),
                new AnnexList(5, "Section 47 enquiries and ICPCs", AnnexAColumns.LIST_5, l5),
                new AnnexList(6, "Children in need", AnnexAColumns.LIST_6, l6),
                new AnnexList(7, "Child protection plans", AnnexAColumns.LIST_7, l7));
        Figures figures = new Figures(l1.size(), l3.size(), reReferrals, l4.size(), completed, percent(in45, completed), l5.size(), held,
                percent(in15, held), cpOpen, cinOpen);
        return new Result(asOf, from, lists, figures);
    }

    /** Completed within 45 working days of the referral (the clock's start; the assessment's own start when no referral is held). */
    public static boolean assessmentInTime(LocalDate clockStart, LocalDate authorised, WorkingDayCalendar calendar) {
        return clockStart != null && authorised != null && calendar.workingDaysBetween(clockStart, authorised) <= ASSESSMENT_WORKING_DAYS;
    }

    /** ICPC held within 15 working days of the strategy discussion that started the section 47 enquiry. */
    public static boolean icpcInTime(LocalDate strategyDiscussion, LocalDate icpc, WorkingDayCalendar calendar) {
        return strategyDiscussion != null && icpc != null && calendar.workingDaysBetween(strategyDiscussion, icpc) <= ICPC_WORKING_DAYS;
    }

    /** The child's referrals in the 12 months before this one (not counting it). */
    static long previousWithin12Months(List<LocalDate> dates, LocalDate referral) {
        LocalDate from = referral.minusMonths(12);
        return dates.stream().filter(d -> d.isBefore(referral) && !d.isBefore(from)).count();
    }

    private static Integer percent(int part, int whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }

    /** An end date after the notification date was not yet known then. */
    private static LocalDate endBy(LocalDate end, LocalDate asOf) {
        return end == null || end.isAfter(asOf) ? null : end;
    }

    private static LocalDate authorisedBy(Assessment a, LocalDate asOf) {
        return endBy(a.authorised(), asOf);
    }

    private static <T> List<T> sorted(List<T> rows, Function<T, LocalDate> date, Function<T, String> id) {
        return rows.stream().sorted(Comparator.comparing(date, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(id)).toList();
    }

    static Map<String, Object> person(Person p, String id, LocalDate asOf) {
        Map<String, Object> v = new HashMap<>();
        v.put(AnnexAWorkbook.CHILD, id);
        if (p != null) {
            v.put("Gender", AnnexAColumns.gender(p.sex()));
            v.put("Ethnicity", AnnexAColumns.ethnicity(p.ethnicity()));
            v.put("Date of Birth", p.dob());
            v.put("Age", p.dob() == null || p.dob().isAfter(asOf) ? null : Period.between(p.dob(), asOf).getYears());
        }
        return v;
    }

    private static String disability(Person p) {
        return p == null ? null : AnnexAColumns.yesNo(p.disabled());
    }

    static boolean flag(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toUpperCase(java.util.Locale.ROOT);
        return v.equals("Y") || v.equals("YES") || v.equals("TRUE") || v.equals("1");
    }

    private static String yesNo(String value) {
        return value == null || value.isBlank() ? null : flag(value) ? "Yes" : "No";
    }

    /** The worker and team holding each child's case on a date: the latest allocation begun by then and not ended before it. */
    private static final class Allocations {
        private final Map<String, List<Allocation>> byPerson;

        Allocations(List<Allocation> all, LocalDate asOf) {
            this.byPerson = all.stream().filter(a -> a.start() != null && !a.start().isAfter(asOf))
                    .collect(Collectors.groupingBy(Allocation::person));
        }

        Allocation on(String person, LocalDate date) {
            return byPerson.getOrDefault(person, List.of()).stream()
                    .filter(a -> !a.start().isAfter(date) && (a.end() == null || !a.end().isBefore(date)))
                    .max(Comparator.comparing(Allocation::start)).orElse(null);
        }
    }
}
