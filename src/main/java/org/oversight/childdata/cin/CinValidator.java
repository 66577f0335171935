package org.oversight.childdata.cin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinDetails;
import org.oversight.childdata.cin.CinCensus.Header;
import org.oversight.shared.calendar.BankHolidays;
import org.oversight.shared.calendar.WorkingDayCalendar;

/**
 * Checks a CIN census against DfE's validation rules for the 2025-26 collection (all 109 codes of
 * data/child-data/cin-rules-2025-26.csv, errors and queries), plus Oversight's own check that every date is a date.
 *
 * <p>Validation streams: {@link #open} returns a session that takes one child at a time, so a census of any size is
 * checked in one pass with memory for one child plus what the return-level rules keep (the UPNs and child IDs seen, and
 * counts). Errors go to the caller's sink in file order, child by child; return-level findings come at the end.
 */
public final class CinValidator {

    /** A date field whose text is present but not a valid {@code yyyy-mm-dd} date. */
    public static final String INVALID_DATE = "OV-CIN-DATE";

    private static final CinRule DATES = CinRule.own(new CinRuleCatalog.Entry(INVALID_DATE, CinSeverity.ERROR, "",
            "The date is not a valid date in the form yyyy-mm-dd; DfE's rules treat it as missing.", "Oversight"),
            CinValidator::checkDates);

    private final List<CinRule> rules;
    private final WorkingDayCalendar workingDays;

    private CinValidator(List<CinRule> rules, WorkingDayCalendar workingDays) {
        this.rules = List.copyOf(rules);
        this.workingDays = workingDays;
    }

    /** The 2025-26 rules with England's bank holidays as shipped. */
    public static CinValidator rules2025to26() {
        return new CinValidator(all2025to26(), new WorkingDayCalendar(BankHolidays.fromClasspath()));
    }

    /** The same calendar with only the given rules (for a rule's own tests). */
    public CinValidator only(String... codes) {
        List<String> wanted = List.of(codes);
        List<CinRule> chosen = rules.stream().filter(r -> wanted.contains(r.code())).toList();
        if (chosen.size() != wanted.size()) {
            throw new IllegalArgumentException("Unknown CIN rule among " + wanted);
        }
        return new CinValidator(chosen, workingDays);
    }

    /** Every DfE rule this validator checks, in catalogue order. */
    public List<CinRule> rules() {
        return rules.stream().filter(r -> !r.code().startsWith("OV-")).toList();
    }

    static List<CinRule> all2025to26() {
        List<CinRule> all = Stream.of(ChildRules.ALL, EpisodeRules.ALL, AssessmentRules.ALL, PlanRules.ALL,
                Section47Rules.ALL, ProtectionPlanRules.ALL).flatMap(List::stream).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        List<String> order = new ArrayList<>(CinRuleCatalog.all().keySet());
        all.sort(Comparator.comparingInt(r -> order.indexOf(r.code())));
        all.add(DATES);
        return all;
    }

    /** Checks a whole census read into memory; {@code childLines} may be empty. */
    public List<CinError> validate(String file, CinCensus census, int[] childLines) {
        List<CinError> errors = new ArrayList<>();
        Session s = open(file, census.header(), errors::add);
        for (int i = 0; i < census.children().size(); i++) {
            s.child(census.children().get(i), i, i < childLines.length ? childLines[i] : 0);
        }
        s.finish();
        return errors;
    }

    /** Checks what a reader read; nothing when it could not read the file. */
    public List<CinError> validate(CinReadResult read) {
        return read.failed() ? List.of() : validate(read.file(), read.census(), read.childLines());
    }

    /** Starts a streaming validation. */
    public Session open(String file, Header header, Consumer<CinError> sink) {
        return new Session(file, header, sink);
    }

    /** One validation in progress. */
    public final class Session {

        private final CensusContext census;
        private final Flags flags;
        private final List<CinRule> childRules = new ArrayList<>();
        private final List<CinRule> returnRules = new ArrayList<>();
        private final List<CinRule.ReturnCheck> returnChecks = new ArrayList<>();
        private int children;

        private Session(String file, Header header, Consumer<CinError> sink) {
            this.census = CensusContext.of(header == null ? Header.EMPTY : header, workingDays);
            this.flags = new Flags(file, sink);
            for (CinRule r : rules) {
                CinRule.ReturnCheck check = r.newReturnCheck();
                if (check == null) {
                    childRules.add(r);
                } else {
                    returnRules.add(r);
                    returnChecks.add(check);
                }
            }
        }

        /** Checks one child. */
        public void child(Child child, int index, int line) {
            ChildRef ref = new ChildRef(index, child.laChildId(), line);
            for (CinRule r : childRules) {
                flags.begin(r, child, ref);
                r.childCheck().check(child, census, flags);
            }
            for (CinRule.ReturnCheck check : returnChecks) {
                check.child(child, ref, census);
            }
            children++;
        }

        /** Runs the return-level rules; call once after the last child. */
        public void finish() {
            for (int i = 0; i < returnRules.size(); i++) {
                flags.begin(returnRules.get(i), null, null);
                returnChecks.get(i).finish(census, flags);
            }
        }

        /** Children checked so far. */
        public int children() {
            return children;
        }

        /** Errors and queries recorded so far. */
        public int errors() {
            return flags.count();
        }
    }

    /** Every date field that has text but is not a valid date. */
    private static void checkDates(Child c, CensusContext census, Flags f) {
        if (invalid(c.personBirthDate())) {
            f.identifiers("PersonBirthDate");
        }
        if (invalid(c.expectedPersonBirthDate())) {
            f.identifiers("ExpectedPersonBirthDate");
        }
        if (invalid(c.personDeathDate())) {
            f.identifiers("PersonDeathDate");
        }
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (invalid(e.referralDate())) {
                f.cin(i, "CINreferralDate");
            }
            if (invalid(e.closureDate())) {
                f.cin(i, "CINclosureDate");
            }
            if (invalid(e.dateOfInitialCpc())) {
                f.cin(i, "DateOfInitialCPC");
            }
            for (int j = 0; j < e.assessments().size(); j++) {
                CinCensus.Assessment a = e.assessments().get(j);
                if (invalid(a.actualStartDate())) {
                    f.assessment(i, j, "AssessmentActualStartDate");
                }
                if (invalid(a.internalReviewDate())) {
                    f.assessment(i, j, "AssessmentInternalReviewDate");
                }
                if (invalid(a.authorisationDate())) {
                    f.assessment(i, j, "AssessmentAuthorisationDate");
                }
            }
            for (int j = 0; j < e.cinPlans().size(); j++) {
                if (invalid(e.cinPlans().get(j).startDate())) {
                    f.plan(i, j, "CINPlanStartDate");
                }
                if (invalid(e.cinPlans().get(j).endDate())) {
                    f.plan(i, j, "CINPlanEndDate");
                }
            }
            for (int j = 0; j < e.section47s().size(); j++) {
                CinCensus.Section47 s = e.section47s().get(j);
                if (invalid(s.actualStartDate())) {
                    f.section47(i, j, "S47ActualStartDate");
                }
                if (invalid(s.initialCpcTarget())) {
                    f.section47(i, j, "InitialCPCtarget");
                }
                if (invalid(s.dateOfInitialCpc())) {
                    f.section47(i, j, "DateOfInitialCPC");
                }
            }
            for (int j = 0; j < e.protectionPlans().size(); j++) {
                CinCensus.ProtectionPlan p = e.protectionPlans().get(j);
                if (invalid(p.startDate())) {
                    f.protectionPlan(i, j, "CPPstartDate");
                }
                if (invalid(p.endDate())) {
                    f.protectionPlan(i, j, "CPPendDate");
                }
                for (int k = 0; k < p.reviewDates().size(); k++) {
                    if (invalid(p.reviewDates().get(k)) && !p.reviewDates().get(k).text().isEmpty()) {
                        f.review(i, j, k);
                    }
                }
            }
        }
    }

    private static boolean invalid(CinDate date) {
        return date != null && !date.isValid();
    }
}
