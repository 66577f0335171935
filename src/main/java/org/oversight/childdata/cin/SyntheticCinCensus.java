package org.oversight.childdata.cin;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.oversight.childdata.cin.CinCensus.Assessment;
import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinDetails;
import org.oversight.childdata.cin.CinCensus.CinPlan;
import org.oversight.childdata.cin.CinCensus.Header;
import org.oversight.childdata.cin.CinCensus.ProtectionPlan;
import org.oversight.childdata.cin.CinCensus.Section47;
import org.oversight.shared.calendar.BankHolidays;
import org.oversight.shared.calendar.WorkingDayCalendar;

/**
 * A synthetic CIN census for one LA: made-up children whose journeys follow the statutory process (referral, assessment
 * within 45 working days, section 47 enquiry and initial conference within 15 working days, child protection plan
 * reviewed at 3 months then every 6, CIN plans), some carried over from the previous year, some referred twice.
 *
 * <p>Deterministic: the same LA, size, seed and reference date give the same census, and child {@code i} depends only on
 * those and {@code i}, so a census can be written one child at a time. Every census it makes passes all 109 DfE rules,
 * errors and queries, for any size from 4 children (with fewer, the return-level queries 2887Q and 2888Q cannot be
 * met).
 */
public final class SyntheticCinCensus {

    private static final String[] ETHNICITIES = {"WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WIRI", "WOTH", "WROM",
            "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU",
            "NOBT"};
    private static final String[] DISABILITIES = {"MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON",
            "AUT", "DDA"};
    private static final String[] SOURCES = {"1A", "1B", "1C", "1D", "2A", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F",
            "4", "4", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"};
    private static final String[] NEEDS = {"N1", "N1", "N1", "N1", "N1", "N2", "N3", "N4", "N4", "N5", "N5", "N6", "N7",
            "N8", "N9"};
    private static final String[] FACTORS = {"1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A",
            "5B", "5C", "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A", "15A",
            "16A", "17A", "18B", "18C", "19B", "19C", "20", "22A", "23A", "24A"};
    private static final String[] ABUSE = {"NEG", "NEG", "NEG", "EMO", "EMO", "PHY", "SAB", "MUL"};
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private final String la;
    private final int size;
    private final long seed;
    private final LocalDate reference;
    private final LocalDate start;
    private final WorkingDayCalendar calendar;

    /**
     * @param laCode        the LA's three-digit DfE code (it goes into the header, the child IDs and the UPNs)
     * @param children      how many children
     * @param seed          the random seed
     * @param referenceDate the census date, 31 March of the collection year
     */
    public SyntheticCinCensus(String laCode, int children, long seed, LocalDate referenceDate) {
        if (laCode == null || !laCode.matches("\\d{3}")) {
            throw new IllegalArgumentException("LA code must be three digits, not '" + laCode + "'");
        }
        if (children < 0) {
            throw new IllegalArgumentException("children must be zero or more");
        }
        this.la = laCode;
        this.size = children;
        this.seed = seed;
        this.reference = referenceDate;
        this.start = referenceDate.minusYears(1).plusDays(1);
        this.calendar = new WorkingDayCalendar(BankHolidays.fromClasspath());
    }

    /** The census for the 2025-26 collection (reference date 31 March 2026). */
    public static SyntheticCinCensus for2025to26(String laCode, int children, long seed) {
        return new SyntheticCinCensus(laCode, children, seed, LocalDate.of(2026, 3, 31));
    }

    public Header header() {
        return new Header("CIN", Integer.toString(reference.getYear()), CinDate.of(reference), "L", la,
                "Oversight synthetic data", "1", "001", reference.plusDays(15) + "T09:00:00");
    }

    /** The whole census in memory. */
    public CinCensus census() {
        List<Child> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(child(i));
        }
        return new CinCensus(header(), all);
    }

    /** Writes the census as XML, one child at a time. */
    public void write(OutputStream out) throws IOException {
        try (CinCensusWriter w = CinCensusWriter.open(header(), out)) {
            for (int i = 0; i < size; i++) {
                w.child(child(i));
            }
        }
    }

    /** Child {@code i} (from 0). */
    public Child child(int i) {
        SplittableRandom r = new SplittableRandom(mix(seed, la, i));
        String id = "C" + la + String.format("%07d", i + 1);
        boolean unborn = r.nextInt(100) < 2;
        LocalDate birth = unborn ? null : reference.minusDays(r.nextInt(18 * 365 - 1)).minusDays(1);
        LocalDate expected = unborn ? reference.plusDays(1 + r.nextInt(240)) : null;
        LocalDate schoolAgeBorn = reference.plusMonths(4).plusDays(31).minusYears(6);
        String upn = null;
        String upnUnknown = null;
        if (!unborn && !birth.isAfter(schoolAgeBorn)) {
            upn = upn(i, r);
        } else {
            upnUnknown = "UN1";
        }
        String sex = unborn ? "U" : r.nextBoolean() ? "M" : "F";
        List<String> disabilities = disabilities(i, r);
        List<CinDetails> episodes = episodes(r, birth == null ? expected : birth);
        return new Child(id, upn, null, upnUnknown, birth == null ? null : CinDate.of(birth),
                expected == null ? null : CinDate.of(expected), null, sex, null, ETHNICITIES[r.nextInt(ETHNICITIES.length)],
                disabilities, episodes);
    }

    /**
     * A child looked after, from the SSDA903 return of the same LA, as this census holds them: the same id, date of birth,
     * sex and ethnicity, and one episode of need, open at the reference date, referred shortly before the child's
     * period of care began (never before birth; on the reference date when care begins after it), with the 903's category
     * of need and no plan (a looked-after child has
     * a care plan, not a CIN or protection plan). {@code k} numbers these children from 0 (it keeps their UPNs apart from
     * the other children's).
     */
    public Child lookedAfter(int k, String id, LocalDate birth, String sex, String ethnicity, String need, LocalDate careStart) {
        SplittableRandom r = new SplittableRandom(mix(seed, la, -1 - k));
        LocalDate referral = max(birth, careStart.minusDays(r.nextInt(42)));
        if (referral.isAfter(reference)) {
            referral = reference;
        }
        CinDetails episode = new CinDetails(CinDate.of(referral), pick(r, SOURCES), need, null, null, null, "false", List.of(), List.of(),
                List.of(), List.of(), List.of());
        return new Child(id, upnOrUnknown(50_000_000 + k, birth, r), null, birth.isAfter(schoolAgeBorn()) ? "UN1" : null, CinDate.of(birth), null,
                null, sex, null, ethnicity, List.of("NONE"), List.of(episode));
    }

    /** A person of the LA's records who is not in the census (a care leaver of the SSDA903 return): who they are, no episode. */
    public static Child person(String id, LocalDate birth, String sex, String ethnicity) {
        return new Child(id, null, null, null, CinDate.of(birth), null, null, sex, null, ethnicity, List.of(), List.of());
    }

    private LocalDate schoolAgeBorn() {
        return reference.plusMonths(4).plusDays(31).minusYears(6);
    }

    private String upnOrUnknown(int i, LocalDate birth, SplittableRandom r) {
        return birth.isAfter(schoolAgeBorn()) ? null : upn(i, r);
    }

    /** The reference date (31 March of the collection year). */
    public LocalDate reference() {
        return reference;
    }

    /** A UPN: check letter, LA code, 8 digits from the child's number, and a final digit. */
    private String upn(int i, SplittableRandom r) {
        String body = la + String.format("%08d", i % 100_000_000) + r.nextInt(10);
        int sum = 0;
        for (int k = 0; k < 12; k++) {
            sum += (body.charAt(k) - '0') * (k + 2);
        }
        return CHECK_LETTERS.charAt(sum % 23) + body;
    }

    /**
     * NONE for most; about 13% have one or two codes. The first four children share eight different codes between
     * them, so that any census of four or more uses more than seven codes and has a child with more than one (the
     * return-level queries 2887Q and 2888Q).
     */
    private List<String> disabilities(int i, SplittableRandom r) {
        int share = Math.min(size, 4);
        if (i < share) {
            Set<String> codes = new LinkedHashSet<>();
            for (int k = i; k < 8; k += share) {
                codes.add(DISABILITIES[k]);
            }
            if (codes.size() == 1) {
                codes.add(DISABILITIES[8 + i % 4]);
            }
            return List.copyOf(codes);
        }
        if (r.nextInt(100) >= 13) {
            return List.of("NONE");
        }
        Set<String> codes = new LinkedHashSet<>();
        codes.add(DISABILITIES[r.nextInt(DISABILITIES.length)]);
        if (r.nextInt(4) == 0) {
            codes.add(DISABILITIES[r.nextInt(DISABILITIES.length)]);
        }
        return List.copyOf(codes);
    }

    /**
     * One or two episodes; only the last may be open. About two in five children were already in need when the year
     * began, one in ten had a referral that led to no further action, the rest were referred during the year (one in
     * four of them twice). About three in five are still in need at the reference date, as nationally (some 400,000
     * of the 650,000 or so children in need during a year).
     */
    private List<CinDetails> episodes(SplittableRandom r, LocalDate earliest) {
        LocalDate pregnancy = earliest.minusDays(270);
        List<CinDetails> out = new ArrayList<>(2);
        int kind = r.nextInt(100);
        if (kind < 45) {
            LocalDate referral = max(pregnancy, start.minusDays(30 + r.nextInt(900)));
            if (referral.isBefore(start.minusDays(20))) {
                out.add(carriedOver(r, referral));
                return out;
            }
        }
        LocalDate firstReferral = max(pregnancy.plusDays(1), start.plusDays(7 + r.nextInt(358)));
        if (firstReferral.isAfter(reference)) {
            firstReferral = reference;
        }
        if (kind >= 88 && firstReferral.isBefore(reference.minusDays(120))) {
            // referred twice: a short first episode, closed, then a second one
            CinDetails first = r.nextBoolean() ? noFurtherAction(r, firstReferral) : inYear(r, firstReferral, true);
            out.add(first);
            LocalDate after = CinDate.dateOf(first.closureDate()).plusDays(1 + r.nextInt(60));
            if (!after.isAfter(reference)) {
                out.add(r.nextInt(4) == 0 ? noFurtherAction(r, after) : inYear(r, after, false));
            }
            return out;
        }
        out.add(kind >= 45 && kind < 55 ? noFurtherAction(r, firstReferral) : inYear(r, firstReferral, false));
        return out;
    }

    /** A referral that led to no further action, closed the same day. */
    private CinDetails noFurtherAction(SplittableRandom r, LocalDate referral) {
        return new CinDetails(CinDate.of(referral), pick(r, SOURCES), null, CinDate.of(referral), "RC7", null, "true",
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** An episode referred last year with a CIN plan or a child protection plan still running at the start of the year. */
    private CinDetails carriedOver(SplittableRandom r, LocalDate referral) {
        LocalDate planStart = referral.plusDays(10 + r.nextInt(10));
        if (!planStart.isBefore(start)) {
            planStart = start.minusDays(1);
        }
        int type = r.nextInt(100);
        // how long it goes on after the year began: CIN plans and open-ended need often past the year end, protection
        // plans less often
        LocalDate planEnd = start.plusDays(type >= 60 && type < 80 ? 30 + r.nextInt(500) : 60 + r.nextInt(900));
        boolean ended = planEnd.isBefore(reference);
        LocalDate closure = ended ? planEnd.plusDays(r.nextInt(10)) : null;
        if (closure != null && closure.isAfter(reference)) {
            closure = null;
        }
        List<CinPlan> plans = List.of();
        List<ProtectionPlan> cpps = List.of();
        if (type >= 80) {
            // in need without a plan (for example a disabled child's services), the episode still open or just closed
        } else if (type >= 60) {
            // protection plans are shorter: this one began in the last year or so
            LocalDate cppStart = max(planStart, start.minusDays(20 + r.nextInt(330)));
            cpps = List.of(protectionPlan(r, cppStart, ended ? planEnd : null));
        } else {
            plans = List.of(new CinPlan(CinDate.of(planStart), ended ? CinDate.of(planEnd) : null));
        }
        return new CinDetails(CinDate.of(referral), pick(r, SOURCES), pick(r, NEEDS), date(closure),
                closure == null ? null : "RC7", null, "false", List.of(), plans, List.of(), cpps, List.of());
    }

    /**
     * An episode referred in the census year, simulated from the referral to the reference date: an assessment, then
     * either closure after assessment, a CIN plan, or a section 47 enquiry and initial conference leading to a child
     * protection plan. {@code mustClose} makes it end in time for a later referral.
     */
    private CinDetails inYear(SplittableRandom r, LocalDate referral, boolean mustClose) {
        String source = pick(r, SOURCES);
        String need = pick(r, NEEDS);
        LocalDate assessmentStart = referral.plusDays(r.nextInt(4));
        LocalDate authorised = calendar.addWorkingDays(assessmentStart, 5 + r.nextInt(36));
        if (mustClose) {
            authorised = calendar.addWorkingDays(assessmentStart, 5 + r.nextInt(10));
        }
        if (assessmentStart.isAfter(reference)) {
            return new CinDetails(CinDate.of(referral), source, need, null, null, null, "false", List.of(), List.of(),
                    List.of(), List.of(), List.of());
        }
        int outcome = mustClose ? r.nextInt(35) : r.nextInt(100);
        boolean ongoing = !authorised.isBefore(reference);
        Assessment assessment = ongoing ? new Assessment(CinDate.of(assessmentStart), null, null, List.of())
                : new Assessment(CinDate.of(assessmentStart), null, CinDate.of(authorised), factors(r));
        if (outcome >= 75) {
            return enquiry(r, referral, source, need, assessment, assessmentStart, ongoing ? null : authorised);
        }
        if (ongoing) {
            // assessment still going on at the reference date
            return new CinDetails(CinDate.of(referral), source, need, null, null, null, "false", List.of(assessment),
                    List.of(), List.of(), List.of(), List.of());
        }
        if (outcome < 35) {
            // closed after assessment: no further action, or referred to early help
            boolean noFactors = r.nextInt(3) == 0;
            Assessment a = new Assessment(CinDate.of(assessmentStart), null, CinDate.of(authorised),
                    noFactors ? List.of("21") : factors(r));
            return new CinDetails(CinDate.of(referral), source, need, CinDate.of(authorised), r.nextBoolean() ? "RC8" : "RC9",
                    null, "false", List.of(a), List.of(), List.of(), List.of(), List.of());
        }
        return withCinPlan(r, referral, source, need, assessment, authorised, List.of());
    }

    /**
     * A section 47 enquiry from the start of the assessment, the initial conference within 15 working days, then a
     * child protection plan (or, for one in five, support under a CIN plan). {@code authorised} is null while the
     * assessment goes on.
     */
    private CinDetails enquiry(SplittableRandom r, LocalDate referral, String source, String need, Assessment assessment,
                               LocalDate s47Start, LocalDate authorised) {
        LocalDate target = calendar.addWorkingDays(s47Start, 15);
        LocalDate after = authorised == null ? reference : authorised;
        if (r.nextInt(100) < 15) {
            Section47 notNeeded = new Section47(CinDate.of(s47Start), CinDate.of(target), null, "true");
            return withCinPlan(r, referral, source, need, assessment, after, List.of(notNeeded));
        }
        LocalDate conference = calendar.addWorkingDays(s47Start, 5 + r.nextInt(8));
        if (conference.isAfter(reference)) {
            Section47 open = new Section47(CinDate.of(s47Start), CinDate.of(target), null, "false");
            return new CinDetails(CinDate.of(referral), source, need, null, null, null, "false", List.of(assessment),
                    List.of(), List.of(open), List.of(), List.of());
        }
        Section47 s47 = new Section47(CinDate.of(s47Start), CinDate.of(target), CinDate.of(conference), "false");
        if (r.nextInt(100) < 20) {
            // conference held, no plan needed: support under a CIN plan
            return withCinPlan(r, referral, source, need, assessment, max(after, conference), List.of(s47));
        }
        LocalDate planEnd = conference.plusDays(120 + r.nextInt(480));
        boolean ended = planEnd.isBefore(reference);
        ProtectionPlan plan = protectionPlan(r, conference, ended ? planEnd : null);
        LocalDate closure = ended ? max(planEnd, after).plusDays(r.nextInt(15)) : null;
        if (closure != null && closure.isAfter(reference)) {
            closure = null;
        }
        return new CinDetails(CinDate.of(referral), source, need, date(closure), closure == null ? null : "RC7", null,
                "false", List.of(assessment), List.of(), List.of(s47), List.of(plan), List.of());
    }

    private CinDetails withCinPlan(SplittableRandom r, LocalDate referral, String source, String need,
                                   Assessment assessment, LocalDate from, List<Section47> s47s) {
        LocalDate planStart = from.plusDays(r.nextInt(5));
        if (planStart.isAfter(reference)) {
            planStart = reference;
        }
        LocalDate planEnd = planStart.plusDays(120 + r.nextInt(540));
        boolean ended = planEnd.isBefore(reference);
        LocalDate closure = ended ? planEnd.plusDays(r.nextInt(10)) : null;
        if (closure != null && closure.isAfter(reference)) {
            closure = null;
        }
        CinPlan plan = new CinPlan(CinDate.of(planStart), ended ? CinDate.of(planEnd) : null);
        return new CinDetails(CinDate.of(referral), source, need, date(closure), closure == null ? null : "RC7", null,
                "false", List.of(assessment), List.of(plan), s47s, List.of(), List.of());
    }

    /** A child protection plan: reviewed at three months, then every six, while it lasts and up to the reference date. */
    private ProtectionPlan protectionPlan(SplittableRandom r, LocalDate from, LocalDate to) {
        List<CinDate> reviews = new ArrayList<>();
        LocalDate last = to == null ? reference : to.minusDays(1);
        for (LocalDate review = workingDayFrom(from.plusMonths(3)); !review.isAfter(last);
             review = workingDayFrom(review.plusMonths(6))) {
            reviews.add(CinDate.of(review));
        }
        String initial = pick(r, ABUSE);
        String latest = r.nextInt(5) == 0 ? pick(r, ABUSE) : initial;
        return new ProtectionPlan(CinDate.of(from), date(to), initial, latest, Integer.toString(r.nextInt(10) < 8 ? 0 : 1 + r.nextInt(3)),
                reviews);
    }

    private LocalDate workingDayFrom(LocalDate d) {
        LocalDate day = d;
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private List<String> factors(SplittableRandom r) {
        Set<String> chosen = new LinkedHashSet<>();
        int n = 1 + r.nextInt(3);
        while (chosen.size() < n) {
            chosen.add(FACTORS[r.nextInt(FACTORS.length)]);
        }
        return List.copyOf(chosen);
    }

    private static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static CinDate date(LocalDate d) {
        return d == null ? null : CinDate.of(d);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static long mix(long seed, String la, int i) {
        long h = seed * 0x9E3779B97F4A7C15L + Long.parseLong(la) * 0xC2B2AE3D27D4EB4FL + i;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}
