package org.oversight.compliance.protection;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oversight.childdata.journey.ChildJourneys.Journey;
import org.oversight.childdata.journey.ChildJourneys.Origin;
import org.oversight.childdata.snapshots.ChildDataSnapshots.CareLeaver;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Child;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Episode;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Missing;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Review;

/**
 * One child's chronology, from the first contact to leaving care: every dated event of the child in the whole-journey
 * store (SSD tables: contacts, early help, referrals and CIN episodes, assessments, section 47 enquiries, initial
 * conferences, CIN and CP plans) and in the SSDA903 return (periods of care with legal status and placement, changes of
 * placement or legal status, reviews, missing episodes, care leaver status), merged oldest first. A pure function: the
 * words of each kind of event are in {@code messages.properties} ({@code chronology.event.<KIND>}); the detail is the
 * data's own values, with the DfE codes' meanings where they are short.
 */
public final class Chronology {

    private Chronology() {
    }

    /** What happened; on the same day events come in this order (the order a journey runs in). */
    public enum Kind {
        CONTACT, EARLY_HELP_START, REFERRAL, ASSESSMENT_START, SECTION_47_START, ICPC, CIN_PLAN_START, CP_PLAN_START,
        CARE_START, LEGAL_STATUS_CHANGE, PLACEMENT_CHANGE, PLACEMENT_AND_LEGAL_STATUS_CHANGE, REVIEW, MISSING_START, AWAY_START,
        MISSING_END, AWAY_END, ASSESSMENT_AUTHORISED, SECTION_47_END, CIN_PLAN_END, CP_PLAN_END, EARLY_HELP_END, CIN_CLOSED, CARE_END,
        CARE_LEAVER
    }

    /**
     * Which import a fact comes from: the whole-journey snapshot's own origin (an SSD extract, Annex A lists 1 to 7,
     * children's social care API payloads or a CIN census), or the SSDA903 return.
     */
    public enum Source { SSD, ANNEX_A, CSC_PAYLOADS, CIN_CENSUS, SSDA903 }

    /**
     * One dated event.
     *
     * @param detail           the data's values about it (codes with their meaning, reasons), empty when there are none
     * @param year             the collection year of the import it comes from ({@code 2026-27})
     * @param changedByPayloads whether children's social care API payloads changed that import after it was made
     */
    public record Event(LocalDate date, Kind kind, String detail, Source source, String year, boolean changedByPayloads) {

        /** An event of an import as it was made. */
        public Event(LocalDate date, Kind kind, String detail, Source source, String year) {
            this(date, kind, detail, source, year, false);
        }
    }

    /** One child's rows of an SSDA903 return. */
    public record CareRecord(String collectionYear, LocalDate asOf, Child child, List<Episode> episodes, List<Review> reviews,
                             List<Missing> missing, CareLeaver leaver) {
    }

    /**
     * The merged chronology.
     *
     * @param helpHeld whether the whole-journey store holds any of the child's journey (false: the help-and-protection part is
     *                 not held; a care leaver known to it only as a person has none)
     * @param careHeld whether the SSDA903 return holds the child (false: the looked-after part is not held)
     */
    public record Result(String child, List<Event> events, boolean helpHeld, boolean careHeld) {
    }

    private static final Comparator<Event> ORDER = Comparator.comparing(Event::date).thenComparing(Event::kind)
            .thenComparing(Event::source).thenComparing(Event::detail);

    /**
     * Merges the child's rows of both stores, oldest first (on the same day in journey order, {@link Kind}).
     *
     * @param journey   the child's rows of the whole-journey store (only theirs), or null when it does not hold the child
     * @param outcomes  the outcome recorded for each contact, by contact id (the SSD's JSON as stored)
     * @param care      the child's rows of the SSDA903 return, or null when it does not hold the child
     */
    public static Result merge(String child, Journey journey, Map<String, String> outcomes, CareRecord care) {
        List<Event> events = new ArrayList<>();
        boolean helpHeld = false;
        if (journey != null) {
            Help help = new Help(events, source(journey.snapshot().origin()), journey.snapshot().collectionYear(),
                    journey.snapshot().changedByPayloads());
            journey.contacts().forEach(c -> help.add(c.date(), Kind.CONTACT, join(labelled("source", c.source()),
                    labelled("outcome", outcome(outcomes.get(c.id()))))));
            journey.earlyHelp().forEach(e -> {
                help.add(e.start(), Kind.EARLY_HELP_START, text(e.reason()));
                help.add(e.end(), Kind.EARLY_HELP_END, text(e.endReason()));
            });
            journey.referrals().forEach(r -> {
                help.add(r.date(), Kind.REFERRAL, join(labelled("source", r.source()), labelled("primary need", r.primaryNeed()),
                        r.nfa() ? "no further action" : ""));
                help.add(r.closeDate(), Kind.CIN_CLOSED, coded(r.closeReason(), CLOSURE));
            });
            journey.assessments().forEach(a -> {
                help.add(a.start(), Kind.ASSESSMENT_START, "");
                help.add(a.authorised(), Kind.ASSESSMENT_AUTHORISED, a.nfa() ? "no further action" : "");
            });
            journey.section47s().forEach(s -> {
                help.add(s.start(), Kind.SECTION_47_START, "");
                help.add(s.end(), Kind.SECTION_47_END, join(s.icpcNotRequired() ? "conference not required" : "", s.nfa() ? "no further action" : ""));
            });
            journey.conferences().forEach(c -> help.add(c.date(), Kind.ICPC, c.outcomeCpPlan() ? "outcome: child protection plan" : ""));
            journey.cinPlans().forEach(p -> {
                help.add(p.start(), Kind.CIN_PLAN_START, "");
                help.add(p.end(), Kind.CIN_PLAN_END, "");
            });
            journey.cpPlans().forEach(p -> {
                help.add(p.start(), Kind.CP_PLAN_START, labelled("category", p.category()));
                help.add(p.end(), Kind.CP_PLAN_END, "");
            });
            helpHeld = !events.isEmpty();
        }
        if (care != null) {
            Help add = new Help(events, Source.SSDA903, care.collectionYear(), false);
            List<Episode> episodes = care.episodes().stream().sorted(Comparator.comparing(Episode::decom)).toList();
            Episode previous = null;
            for (Episode e : episodes) {
                boolean followsOn = previous != null && previous.dec() != null && previous.dec().equals(e.decom());
                String status = join(labelled("legal status", coded(e.legalStatus(), LEGAL_STATUS)), labelled("placement", coded(e.place(), PLACEMENT)));
                Kind kind;
                if (!followsOn || "S".equals(trim(e.rne()))) {
                    kind = Kind.CARE_START;
                } else {
                    kind = switch (trim(e.rne())) {
                        case "L" -> Kind.LEGAL_STATUS_CHANGE;
                        case "P" -> Kind.PLACEMENT_CHANGE;
                        default -> Kind.PLACEMENT_AND_LEGAL_STATUS_CHANGE;
                    };
                }
                add.add(e.decom(), kind, status);
                if (e.dec() != null && !"X1".equals(trim(e.rec()))) {
                    add.add(e.dec(), Kind.CARE_END, labelled("reason", coded(e.rec(), REASON_CEASED)));
                }
                previous = e;
            }
            care.reviews().forEach(r -> add.add(r.reviewDate(), Kind.REVIEW, labelled("participation", coded(r.reviewCode(), PARTICIPATION))));
            care.missing().forEach(m -> {
                boolean away = "A".equalsIgnoreCase(trim(m.kind()));
                add.add(m.started(), away ? Kind.AWAY_START : Kind.MISSING_START, "");
                add.add(m.ended(), away ? Kind.AWAY_END : Kind.MISSING_END, "");
            });
            if (care.leaver() != null) {
                CareLeaver l = care.leaver();
                add.add(leaverDate(care), Kind.CARE_LEAVER, join(labelled("in touch", coded(l.inTouch(), IN_TOUCH)),
                        labelled("activity", coded(l.activity(), ACTIVITY)), labelled("accommodation", accommodation(l.accommodation()))));
            }
        }
        events.sort(ORDER);
        return new Result(child, List.copyOf(events), helpHeld, care != null);
    }

    /**
     * The date a care leaver's status is recorded: around their birthday in the collection year (SSDA903 OC3), or the
     * return's date when the birth date is not held or the birthday is later than the data.
     */
    static LocalDate leaverDate(CareRecord care) {
        if (care.child() == null || care.child().dob() == null) {
            return care.asOf();
        }
        int start = Integer.parseInt(care.collectionYear().substring(0, 4));
        MonthDay birthday = MonthDay.from(care.child().dob());
        LocalDate inYear = birthday.atYear(birthday.getMonthValue() >= 4 ? start : start + 1);
        return inYear.isAfter(care.asOf()) ? care.asOf() : inYear;
    }

    /** The chronology's source for a journey snapshot of the origin. */
    static Source source(Origin origin) {
        return switch (origin == null ? Origin.SSD_EXTRACT : origin) {
            case SSD_EXTRACT -> Source.SSD;
            case ANNEX_A -> Source.ANNEX_A;
            case CSC_PAYLOADS -> Source.CSC_PAYLOADS;
            case CIN_CENSUS -> Source.CIN_CENSUS;
        };
    }

    private record Help(List<Event> events, Source source, String year, boolean changedByPayloads) {
        void add(LocalDate date, Kind kind, String detail) {
            if (date != null) {
                events.add(new Event(date, kind, detail == null ? "" : detail, source, year, changedByPayloads));
            }
        }
    }

    private static final Pattern OUTCOME_FIELD = Pattern.compile("\"([A-Za-z_ ]+)\"\\s*:\\s*\"?([^\",}]*)\"?");

    /**
     * A contact's outcome in words from the SSD's JSON ({@code {"OUTCOME":"REFERRAL"}}, or flags such as
     * {@code {"OUTCOME_NFA_FLAG":"Y"}}); the text itself when it is not JSON.
     */
    static String outcome(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        String s = json.trim();
        if (!s.startsWith("{")) {
            return s;
        }
        List<String> words = new ArrayList<>();
        Matcher m = OUTCOME_FIELD.matcher(s);
        while (m.find()) {
            String key = m.group(1).trim().toUpperCase(Locale.ROOT);
            String value = m.group(2).trim();
            if (value.equalsIgnoreCase("Y") || value.equalsIgnoreCase("true")) {
                words.add(words(key.replace("OUTCOME_", "").replace("_FLAG", "")));
            } else if (key.equals("OUTCOME") && !value.isEmpty()) {
                words.add(words(value));
            }
        }
        return String.join(", ", words);
    }

    private static String words(String code) {
        String c = code.toUpperCase(Locale.ROOT);
        return switch (c) {
            case "NFA" -> "no further action";
            case "REFERRAL", "CARE_REFERRAL" -> "referral to children's social care";
            case "EARLY_HELP", "EH" -> "early help";
            case "ADVICE" -> "advice and information";
            case "S47", "STRATEGY" -> "strategy discussion";
            default -> c.replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String text(String s) {
        return trim(s);
    }

    private static String labelled(String label, String value) {
        return value == null || value.isBlank() ? "" : label + ": " + value.trim();
    }

    private static String join(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p);
            }
        }
        return String.join("; ", kept);
    }

    /** A code with its meaning when known ({@code C2 (full care order)}), else the code as recorded. */
    private static String coded(String code, Map<String, String> meanings) {
        String c = trim(code);
        String meaning = meanings.get(c.toUpperCase(Locale.ROOT));
        return meaning == null ? c : c + " (" + meaning + ")";
    }

    /** CIN census reasons for closure. */
    static final Map<String, String> CLOSURE = Map.of("RC1", "adopted", "RC2", "died", "RC3", "child arrangements order",
            "RC4", "special guardianship order", "RC5", "transferred to another local authority", "RC6", "transferred to adult social care",
            "RC7", "services ceased for any other reason", "RC8", "case closed after assessment, no further action",
            "RC9", "case closed after assessment, referred to early help");

    /** SSDA903 legal statuses. */
    static final Map<String, String> LEGAL_STATUS = Map.ofEntries(Map.entry("C1", "interim care order"), Map.entry("C2", "full care order"),
            Map.entry("D1", "freeing order"), Map.entry("E1", "placement order"), Map.entry("J1", "remanded to local authority accommodation"),
            Map.entry("J2", "placed under police protection and in local authority accommodation"), Map.entry("J3", "sentenced to a youth rehabilitation order"),
            Map.entry("L1", "under police protection and in local authority accommodation"), Map.entry("L2", "emergency protection order"),
            Map.entry("L3", "child assessment order"), Map.entry("V2", "single period of accommodation under section 20"),
            Map.entry("V3", "accommodated under an agreed series of short-term breaks"), Map.entry("V4", "accommodated under an agreed series of short-term breaks"));

    /** SSDA903 placement types (the common ones). */
    static final Map<String, String> PLACEMENT;

    static {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("U1", "foster placement with relative or friend, long term");
        p.put("U2", "foster placement with relative or friend who is also an approved adopter");
        p.put("U3", "foster placement with relative or friend, not long term");
        p.put("U4", "foster placement with other foster carer, long term");
        p.put("U5", "foster placement with other foster carer who is also an approved adopter");
        p.put("U6", "foster placement with other foster carer, not long term");
        p.put("A3", "placed for adoption with a former foster carer (consent)");
        p.put("A4", "placed for adoption (consent)");
        p.put("A5", "placed for adoption with a former foster carer (placement order)");
        p.put("A6", "placed for adoption (placement order)");
        p.put("H5", "semi-independent living accommodation");
        p.put("K1", "secure children's home");
        p.put("K2", "children's home");
        p.put("P1", "placed with own parents");
        p.put("P2", "independent living");
        p.put("P3", "residential employment");
        p.put("R1", "residential care home");
        p.put("R2", "NHS or health trust establishment");
        p.put("R3", "family centre or mother and baby unit");
        p.put("R5", "young offender institution or prison");
        p.put("S1", "residential school");
        p.put("Z1", "other placement");
        PLACEMENT = Map.copyOf(p);
    }

    /** SSDA903 reasons a period of care (an episode) ceased (REC; X1, an episode that continues, is no end). */
    static final Map<String, String> REASON_CEASED = Map.ofEntries(Map.entry("E11", "adopted, application unopposed"),
            Map.entry("E12", "adopted, consent dispensed with by the court"), Map.entry("E2", "died"),
            Map.entry("E3", "care taken over by another local authority"),
            Map.entry("E4A", "returned home to parents or others with parental responsibility, as planned"),
            Map.entry("E4B", "returned home to parents or others with parental responsibility, not as planned"),
            Map.entry("E13", "left care to live with parents, relatives or others with no parental responsibility"),
            Map.entry("E41", "residence or child arrangements order"), Map.entry("E45", "special guardianship order to former foster carers, relatives or friends"),
            Map.entry("E46", "special guardianship order to former foster carers, not relatives or friends"),
            Map.entry("E47", "special guardianship order to carers other than former foster carers, relatives or friends"),
            Map.entry("E48", "special guardianship order to carers other than former foster carers, not relatives or friends"),
            Map.entry("E5", "independent living with formal advice and support"), Map.entry("E6", "independent living without formal advice and support"),
            Map.entry("E7", "residential care funded by adult social care"), Map.entry("E8", "ceased for any other reason"),
            Map.entry("E9", "sentenced to custody"), Map.entry("E14", "accommodation on remand ended"),
            Map.entry("E15", "age assessed as 18 or over"), Map.entry("E16", "moved abroad"),
            Map.entry("E17", "aged 18 or over and stayed with their carers (including staying put)"));

    /** SSDA903 how the child took part in their review (REVIEW_CODE). */
    static final Map<String, String> PARTICIPATION = Map.of("PN0", "under 4", "PN1", "attended and spoke for themselves",
            "PN2", "attended, an advocate spoke for them", "PN3", "attended and gave their views non-verbally",
            "PN4", "attended without giving their views", "PN5", "did not attend, briefed an advocate",
            "PN6", "did not attend, gave their views another way", "PN7", "did not attend, no views given");

    /** SSDA903 OC3 main activity of a care leaver (ACTIV). */
    static final Map<String, String> ACTIVITY = Map.ofEntries(Map.entry("F1", "higher education, full time"), Map.entry("P1", "higher education, part time"),
            Map.entry("F2", "other education, full time"), Map.entry("P2", "other education, part time"),
            Map.entry("F4", "apprenticeship, full time"), Map.entry("P4", "apprenticeship, part time"),
            Map.entry("F5", "training or employment, full time"), Map.entry("P5", "training or employment, part time"),
            Map.entry("G4", "not in education, employment or training: illness or disability"),
            Map.entry("G5", "not in education, employment or training: other reasons"),
            Map.entry("G6", "not in education, employment or training: pregnancy or parenting"));

    /**
     * A care leaver's accommodation (SSDA903 OC3 ACCOM) in words: its letter's type and its digit's suitability
     * ({@code D2 (semi-independent or transitional accommodation, not suitable)}); {@code 0} and codes not known as
     * recorded, with the meaning of 0 when it is 0.
     */
    static String accommodation(String code) {
        String c = trim(code).toUpperCase(Locale.ROOT);
        if (c.isEmpty()) {
            return "";
        }
        if (c.equals("0")) {
            return "0 (" + ACCOMMODATION_NONE + ")";
        }
        String type = c.length() == 2 ? ACCOMMODATION.get(c.substring(0, 1)) : null;
        String suitability = c.length() == 2 ? switch (c.charAt(1)) {
            case '1' -> "suitable";
            case '2' -> "not suitable";
            default -> null;
        } : null;
        return type == null || suitability == null ? trim(code) : c + " (" + type + ", " + suitability + ")";
    }

    /** What ACCOM 0 means (DfE SSDA903 guide). */
    static final String ACCOMMODATION_NONE = "not known: not in touch, died, or returned home for 6 months or more";

    /**
     * SSDA903 OC3 care leavers' types of accommodation, the letter of ACCOM (the digit is its suitability: 1 suitable, 2 not
     * suitable). The DfE SSDA903 guide's labels, shortened; read from the guide's code list as data-to-insight's SSDA903 tools
     * and the SSD's Annex A list 9 query quote it.
     */
    static final Map<String, String> ACCOMMODATION = Map.ofEntries(Map.entry("B", "with parents or relatives"),
            Map.entry("C", "community home or other residential care, such as an NHS establishment"),
            Map.entry("D", "semi-independent or transitional accommodation"), Map.entry("E", "supported lodgings"),
            Map.entry("G", "gone abroad"), Map.entry("H", "deported"), Map.entry("K", "ordinary lodgings, without formal support"),
            Map.entry("R", "residence not known"), Map.entry("S", "no fixed abode or homeless"),
            Map.entry("T", "foyer or similar supported accommodation with education, training or employment"),
            Map.entry("U", "independent living"), Map.entry("V", "emergency accommodation"), Map.entry("W", "bed and breakfast"),
            Map.entry("X", "in custody"), Map.entry("Y", "other accommodation"), Map.entry("Z", "with former foster carers"));

    /** SSDA903 OC3 in-touch codes. */
    static final Map<String, String> IN_TOUCH = Map.of("YES", "in touch", "NO", "not in touch", "DIED", "died", "REFU", "refused contact",
            "NREQ", "no longer required", "RHOM", "returned home");
}
