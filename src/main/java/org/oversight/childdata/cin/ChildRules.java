package org.oversight.childdata.cin;

import static org.oversight.childdata.cin.RuleSupport.allDigits;
import static org.oversight.childdata.cin.RuleSupport.d;
import static org.oversight.childdata.cin.RuleSupport.gt;
import static org.oversight.childdata.cin.RuleSupport.in;
import static org.oversight.childdata.cin.RuleSupport.isFalse;
import static org.oversight.childdata.cin.RuleSupport.isTrue;
import static org.oversight.childdata.cin.RuleSupport.known;
import static org.oversight.childdata.cin.RuleSupport.le;
import static org.oversight.childdata.cin.RuleSupport.lt;
import static org.oversight.childdata.cin.RuleSupport.slice;
import static org.oversight.childdata.cin.RuleSupport.unknown;
import static org.oversight.childdata.cin.RuleSupport.upper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinPlan;

/** The rules DfE files under Header, ChildIdentifiers, ChildCharacteristics and Disabilities. */
final class ChildRules {

    private ChildRules() {
    }

    /** 100: ReferenceDate must be present and equal 31 March of the collection Year. */
    static final CinRule R100 = CinRule.whole("100", () -> new CinRule.ReturnCheck() {
        @Override
        public void child(Child child, ChildRef ref, CensusContext census) {
        }

        @Override
        public void finish(CensusContext census, Flags flags) {
            String year = census.header().year();
            LocalDate expected = year != null && year.strip().matches("\\d{4}")
                    ? LocalDate.of(Integer.parseInt(year.strip()), 3, 31) : null;
            if (census.referenceDate() == null || !census.referenceDate().equals(expected)) {
                CinDate ref = census.header().referenceDate();
                flags.header("ReferenceDate", ref == null ? "" : ref.text());
            }
        }
    });

    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /** 1510: the first character of a 13-character UPN whose other 12 are digits must be its check letter. */
    static final CinRule R1510 = CinRule.child("1510", (c, census, f) -> {
        String upn = c.upn();
        if (upn == null || upn.length() != 13 || !allDigits(upn.substring(1))) {
            return;
        }
        int sum = 0;
        for (int i = 1; i < 13; i++) {
            sum += (upn.charAt(i) - '0') * (i + 1);
        }
        if (CHECK_LETTERS.charAt(sum % 23) != upn.charAt(0)) {
            f.identifiers("UPN");
        }
    });

    /** 1520: each UPN must be unique across the return; every child sharing one is flagged. */
    static final CinRule R1520 = CinRule.whole("1520", () -> new Duplicates("UPN") {
        @Override
        String key(Child child) {
            return child.upn();
        }
    });

    /** LA codes (and pseudo-LA codes) a UPN may carry in characters 2-4 (rule 1530, 2023-24 list). */
    static final Set<String> UPN_LA_CODES;

    static {
        Set<String> codes = new HashSet<>();
        for (int i = 1; i <= 5; i++) {
            codes.add("00" + i);
        }
        int[][] ranges = {{201, 213}, {301, 320}, {330, 336}, {340, 344}, {350, 359}, {370, 373}, {380, 384},
                {390, 394}, {660, 681}, {701, 708}, {800, 803}, {805, 808}, {810, 813}, {820, 823}, {835, 839},
                {850, 852}, {855, 857}, {865, 896}, {935, 938}, {940, 941}};
        for (int[] r : ranges) {
            for (int i = r[0]; i <= r[1]; i++) {
                codes.add(String.valueOf(i));
            }
        }
        for (int i : new int[] {420, 815, 816, 825, 826, 830, 831, 840, 841, 845, 846, 860, 861, 908, 909, 916, 919,
                921, 925, 926, 928, 929, 931, 933, 942, 943}) {
            codes.add(String.valueOf(i));
        }
        UPN_LA_CODES = Set.copyOf(codes);
    }

    /** 1530: characters 2-4 of a 13-character UPN must be a recognised LA code. */
    static final CinRule R1530 = CinRule.child("1530", (c, census, f) -> {
        String upn = c.upn();
        if (upn != null && upn.length() == 13 && !UPN_LA_CODES.contains(upn.substring(1, 4))) {
            f.identifiers("UPN");
        }
    });

    /** 1540: characters 5-12 of a UPN must be digits. */
    static final CinRule R1540 = CinRule.child("1540", (c, census, f) -> {
        if (c.upn() != null && !allDigits(slice(c.upn(), 4, 12))) {
            f.identifiers("UPN");
        }
    });

    private static final String UPN_LAST = "ABCDEFGHJKLMNPQRTUVWYXZ0123456789";

    /** 1550: character 13 of a UPN must be a digit or a letter other than I, O and S. */
    static final CinRule R1550 = CinRule.child("1550", (c, census, f) -> {
        String upn = c.upn();
        if (upn != null && upn.length() == 13 && UPN_LAST.indexOf(upn.charAt(12)) < 0) {
            f.identifiers("UPN");
        }
    });

    /** 1560Q: a former UPN must be a letter followed by 12 digits. */
    static final CinRule R1560Q = CinRule.child("1560Q", (c, census, f) -> {
        String former = c.formerUpn();
        if (former != null && (former.length() != 13 || !allDigits(former.substring(1))
                || !Character.isLetter(former.charAt(0)))) {
            f.identifiers("FormerUPN");
        }
    });

    /** 1570: LAchildID at most 20 characters. */
    static final CinRule R1570 = CinRule.child("1570", (c, census, f) -> {
        String id = c.laChildId();
        if (id != null && id.codePointCount(0, id.length()) > 20) {
            f.identifiers("LAchildID");
        }
    });

    /** 1580: LAchildID letters and digits only. */
    static final CinRule R1580 = CinRule.child("1580", (c, census, f) -> {
        String id = c.laChildId();
        if (id != null && !lettersAndDigits(id)) {
            f.identifiers("LAchildID");
        }
    });

    /**
     * 2886Q (return level): children with no sex recorded (Sex missing or U) and no expected date of birth must be at
     * most 2% of the children.
     */
    static final CinRule R2886Q = CinRule.whole("2886Q", () -> new CinRule.ReturnCheck() {
        int children;
        int noSex;

        @Override
        public void child(Child child, ChildRef ref, CensusContext census) {
            children++;
            if ((child.sex() == null || child.sex().equals("U")) && !known(child.expectedPersonBirthDate())) {
                noSex++;
            }
        }

        @Override
        public void finish(CensusContext census, Flags flags) {
            if (children > 0 && (double) noSex / children > 0.02) {
                flags.wholeReturn("Sex", noSex + " of " + children + " children have no sex recorded");
            }
        }
    });

    /** 4008: a CIN plan cannot start after the child's date of death. */
    static final CinRule R4008 = CinRule.child("4008", (c, census, f) -> {
        LocalDate death = d(c.personDeathDate());
        eachPlan(c, (i, j, p) -> {
            if (lt(death, d(p.startDate()))) {
                f.identifiers("PersonDeathDate");
                f.plan(i, j, "CINPlanStartDate");
            }
        });
    });

    /** 4009Q: a CIN plan cannot end after the child's date of death. */
    static final CinRule R4009Q = CinRule.child("4009Q", (c, census, f) -> {
        LocalDate death = d(c.personDeathDate());
        eachPlan(c, (i, j, p) -> {
            if (lt(death, d(p.endDate()))) {
                f.identifiers("PersonDeathDate");
                f.plan(i, j, "CINPlanEndDate");
            }
        });
    });

    static final Set<String> SEXES = Set.of("M", "F", "U");

    /** 4180: Sex must be M, F or U. */
    static final CinRule R4180 = CinRule.child("4180", (c, census, f) -> {
        if (c.sex() == null || !SEXES.contains(c.sex())) {
            f.identifiers("Sex");
        }
    });

    static final Set<String> ETHNICITIES = Set.of("ABAN", "AIND", "AOTH", "APKN", "BAFR", "BCRB", "BOTH", "CHNE", "MOTH",
            "MWAS", "MWBA", "MWBC", "NOBT", "OOTH", "REFU", "WBRI", "WIRI", "WIRT", "WOTH", "WROM");

    /** 4220: Ethnicity must be present and a valid code. */
    static final CinRule R4220 = CinRule.child("4220", (c, census, f) -> {
        if (c.ethnicity() == null || !ETHNICITIES.contains(c.ethnicity())) {
            f.characteristics("Ethnicity");
        }
    });

    static final Set<String> DISABILITIES = Set.of("NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS",
            "BEH", "CON", "AUT", "DDA");

    /**
     * 8540: when the child has a date of birth and at least one episode with ReferralNFA false or 0, at least one
     * Disability must be present and each must be a valid code. Flags the date of birth, each such episode's ReferralNFA
     * and each invalid Disability.
     */
    static final CinRule R8540 = CinRule.child("8540", (c, census, f) -> {
        if (!known(c.personBirthDate())) {
            return;
        }
        List<Integer> bad = IntStream.range(0, c.disabilities().size())
                .filter(k -> !DISABILITIES.contains(c.disabilities().get(k))).boxed().toList();
        if (!bad.isEmpty() || c.disabilities().isEmpty()) {
            for (int i = 0; i < c.cinDetails().size(); i++) {
                if (isFalse(c.cinDetails().get(i).referralNfa())) {
                    f.identifiers("PersonBirthDate");
                    bad.forEach(f::disability);
                    f.cin(i, "ReferralNFA");
                }
            }
        }
    });

    private static boolean lettersAndDigits(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** 8500: LAchildID must be present. */
    static final CinRule R8500 = CinRule.child("8500", (c, census, f) -> {
        if (c.laChildId() == null) {
            f.identifiers("LAchildID");
        }
    });

    /** 8510: each LAchildID must be unique across the return (children with none count as one value, as in DfE's tool). */
    static final CinRule R8510 = CinRule.whole("8510", () -> new Duplicates("LAchildID") {
        @Override
        String key(Child child) {
            return child.laChildId() == null ? "\u0000none" : child.laChildId();
        }
    });

    /** 8520: the date of birth must be on or before the reference date. */
    static final CinRule R8520 = CinRule.child("8520", (c, census, f) -> {
        if (gt(d(c.personBirthDate()), census.end())) {
            f.identifiers("PersonBirthDate");
        }
    });

    /** 8525Q: either a date of birth or an expected date of birth, not both and not neither. */
    static final CinRule R8525Q = CinRule.child("8525Q", (c, census, f) -> {
        if (known(c.personBirthDate()) == known(c.expectedPersonBirthDate())) {
            f.identifiers("PersonBirthDate", "ExpectedPersonBirthDate");
        }
    });

    /** 8530Q: an expected date of birth must fall between the reference date minus 30 days and plus 9 months. */
    static final CinRule R8530Q = CinRule.child("8530Q", (c, census, f) -> {
        LocalDate expected = d(c.expectedPersonBirthDate());
        LocalDate ref = census.referenceDate();
        if (expected != null && ref != null
                && (!expected.isBefore(ref.plusMonths(9)) || !expected.isAfter(ref.minusDays(30)))) {
            f.identifiers("ExpectedPersonBirthDate");
        }
    });

    /** 8535Q: a date of death must not be before the date of birth (nor without one). */
    static final CinRule R8535Q = CinRule.child("8535Q", (c, census, f) -> {
        LocalDate death = d(c.personDeathDate());
        if (death != null && (gt(d(c.personBirthDate()), death) || unknown(c.personBirthDate()))) {
            f.identifiers("PersonDeathDate", "PersonBirthDate");
        }
    });

    /** 8545Q: a date of death must be within the census period. */
    static final CinRule R8545Q = CinRule.child("8545Q", (c, census, f) -> {
        LocalDate death = d(c.personDeathDate());
        if (death != null && !census.inPeriod(death)) {
            f.identifiers("PersonDeathDate");
        }
    });

    /** 8590: each child must have at least one CINdetails module. */
    static final CinRule R8590 = CinRule.child("8590", (c, census, f) -> {
        if (c.cinDetails().isEmpty()) {
            f.identifiers("LAchildID");
        }
    });

    /** 8750: an unborn child (expected date of birth, no date of birth) must have Sex U. */
    static final CinRule R8750 = CinRule.child("8750", (c, census, f) -> {
        if (unknown(c.personBirthDate()) && known(c.expectedPersonBirthDate()) && !"U".equals(c.sex())) {
            f.identifiers("Sex", "PersonBirthDate", "ExpectedPersonBirthDate");
        }
    });

    private static final Set<String> UPN_UNKNOWN_OF_SCHOOL_AGE = Set.of("UN2", "UN3", "UN4", "UN5", "UN6", "UN7");

    /**
     * 8770Q: a child of school age (born on or before 31 August six years before the August after the reference date)
     * with an episode going on to further action needs a UPN or a reason other than UN1 for having none.
     */
    static final CinRule R8770Q = CinRule.child("8770Q", (c, census, f) -> {
        LocalDate ref = census.referenceDate();
        if (ref == null || c.upn() != null) {
            return;
        }
        LocalDate schoolAge = ref.plusMonths(4).plusDays(31).minusYears(6);
        if (le(d(c.personBirthDate()), schoolAge) && c.cinDetails().stream().anyMatch(e -> isFalse(e.referralNfa()))
                && !in(upper(c.upnUnknown()), UPN_UNKNOWN_OF_SCHOOL_AGE)) {
            f.identifiers("UPN", "UPNunknown");
        }
    });

    /** 8772: UPNunknown UN7 (referral with no further action) needs every episode to be a referral with no further action. */
    static final CinRule R8772 = CinRule.child("8772", (c, census, f) -> {
        if (!"UN7".equals(c.upnUnknown())) {
            return;
        }
        if (c.cinDetails().isEmpty()) {
            f.identifiers("UPNunknown");
        }
        for (int i = 0; i < c.cinDetails().size(); i++) {
            if (!isTrue(c.cinDetails().get(i).referralNfa())) {
                f.identifiers("UPNunknown");
                f.cin(i, "ReferralNFA");
            }
        }
    });

    /** 8775Q: a child over 25 at the reference date should have every episode closed before their 25th birthday. */
    static final CinRule R8775Q = CinRule.child("8775Q", (c, census, f) -> {
        LocalDate birth = d(c.personBirthDate());
        if (!lt(birth, census.referenceDate() == null ? null : census.referenceDate().minusYears(25))) {
            return;
        }
        LocalDate twentyFifth = birth.plusYears(25);
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDate closure = c.cinDetails().get(i).closureDate();
            if (gt(d(closure), twentyFifth) || unknown(closure)) {
                f.identifiers("PersonBirthDate");
                f.cin(i, "CINclosureDate");
            }
        }
    });

    /** 8790: a child with Disability NONE must have no other Disability. */
    static final CinRule R8790 = CinRule.child("8790", (c, census, f) -> {
        if (c.disabilities().stream().anyMatch(x -> x.equalsIgnoreCase("NONE"))) {
            for (int k = 0; k < c.disabilities().size(); k++) {
                if (!c.disabilities().get(k).equalsIgnoreCase("NONE")) {
                    f.disability(k);
                }
            }
        }
    });

    /** 8794: a child must not have the same Disability twice. */
    static final CinRule R8794 = CinRule.child("8794", (c, census, f) -> {
        List<String> ds = c.disabilities();
        for (int k = 0; k < ds.size(); k++) {
            String x = ds.get(k);
            if (!x.isEmpty() && ds.indexOf(x) != ds.lastIndexOf(x)) {
                f.disability(k);
            }
        }
    });

    /**
     * 2887Q (return level): excluding NONE, the return should use more than 7 different disability codes. (The
     * reference implementation counts the NONE entries instead; see docs/cin-census.md.)
     */
    static final CinRule R2887Q = CinRule.whole("2887Q", () -> new CinRule.ReturnCheck() {
        final Set<String> codes = new HashSet<>();

        @Override
        public void child(Child child, ChildRef ref, CensusContext census) {
            for (String x : child.disabilities()) {
                if (!x.isEmpty() && !x.equals("NONE")) {
                    codes.add(x);
                }
            }
        }

        @Override
        public void finish(CensusContext census, Flags flags) {
            if (codes.size() <= 7) {
                flags.wholeReturn("Disability", codes.size() + " different codes" + (codes.isEmpty() ? ""
                        : ": " + String.join(", ", new java.util.TreeSet<>(codes))));
            }
        }
    });

    /**
     * 2888Q (return level): at least one child with a disability should have more than one recorded, unless no child has
     * any disability other than NONE.
     */
    static final CinRule R2888Q = CinRule.whole("2888Q", () -> new CinRule.ReturnCheck() {
        int most = -1;

        @Override
        public void child(Child child, ChildRef ref, CensusContext census) {
            int n = 0;
            for (String x : child.disabilities()) {
                if (!x.isEmpty() && !x.equals("NONE")) {
                    n++;
                }
            }
            if (n > 0) {
                most = Math.max(most, n);
            }
        }

        @Override
        public void finish(CensusContext census, Flags flags) {
            if (most == 1) {
                flags.wholeReturn("Disability", "no child has more than one disability recorded");
            }
        }
    });

    static final List<CinRule> ALL = List.of(R100, R1510, R1520, R1530, R1540, R1550, R1560Q, R1570, R1580, R2886Q, R4008,
            R4009Q, R4180, R4220, R8540, R8500, R8510, R8520, R8525Q, R8530Q, R8535Q, R8545Q, R8590, R8750, R8770Q,
            R8772, R8775Q, R8790, R8794, R2887Q, R2888Q);

    /** Each plan of a child, with its episode and position. */
    interface PlanVisitor {
        void visit(int cin, int j, CinPlan plan);
    }

    static void eachPlan(Child c, PlanVisitor v) {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            List<CinPlan> plans = c.cinDetails().get(i).cinPlans();
            for (int j = 0; j < plans.size(); j++) {
                v.visit(i, j, plans.get(j));
            }
        }
    }

    /** Flags a ChildIdentifiers field of every child whose value is shared with another child. */
    abstract static class Duplicates implements CinRule.ReturnCheck {

        private final String field;
        private final Map<String, Object> seen = new HashMap<>();
        private final List<String> repeated = new ArrayList<>();

        Duplicates(String field) {
            this.field = field;
        }

        /** The value to compare, or null to leave the child out. */
        abstract String key(Child child);

        @Override
        @SuppressWarnings("unchecked")
        public void child(Child child, ChildRef ref, CensusContext census) {
            String key = key(child);
            if (key == null) {
                return;
            }
            Object before = seen.get(key);
            if (before == null) {
                seen.put(key, ref);
            } else if (before instanceof ChildRef first) {
                List<ChildRef> list = new ArrayList<>(List.of(first, ref));
                seen.put(key, list);
                repeated.add(key);
            } else {
                ((List<ChildRef>) before).add(ref);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void finish(CensusContext census, Flags flags) {
            List<ChildRef> all = new ArrayList<>();
            Map<ChildRef, String> values = new HashMap<>();
            for (String key : repeated) {
                for (ChildRef r : (List<ChildRef>) seen.get(key)) {
                    all.add(r);
                    values.put(r, key.startsWith("\u0000") ? "" : key);
                }
            }
            all.sort(java.util.Comparator.comparingInt(ChildRef::index));
            for (ChildRef r : all) {
                flags.identifiersAt(r, field, values.get(r));
            }
        }
    }
}
