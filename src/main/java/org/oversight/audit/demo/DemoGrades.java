package org.oversight.audit.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.oversight.audit.domain.AuditGrade;

/**
 * The demo audits' grades: for each theme of the shipped forms, the share of answers graded good or better in each of
 * the last three quarters (oldest first), a story an LA would recognise: pathway plans and recording improving after
 * the work on co-production and management oversight, risk and safety slipping back, staying in touch strong. A
 * quarter's answers to a question get exactly that share (rounded) of good or outstanding grades, placed among the
 * audits by the seeded random, so the figures are what the table says whatever the sample size. Pure.
 */
final class DemoGrades {

    static final int QUARTERS = 3;

    /** Good-or-better percentages by theme, oldest quarter first. */
    static final Map<String, int[]> SHARES = Map.ofEntries(
            Map.entry("Risk and safety", new int[] {67, 83, 67}),
            Map.entry("Pathway plans", new int[] {50, 58, 67}),
            Map.entry("Staying in touch and visits", new int[] {67, 83, 83}),
            Map.entry("Accommodation", new int[] {83, 100, 83}),
            Map.entry("Identity and history", new int[] {33, 50, 50}),
            Map.entry("Management oversight and supervision", new int[] {50, 50, 67}),
            Map.entry("Stability and permanence", new int[] {75, 67, 83}),
            Map.entry("Engagement and direct work", new int[] {67, 67, 83}),
            Map.entry("Recording", new int[] {33, 50, 67}),
            Map.entry("The independent reviewing officer", new int[] {83, 83, 67}),
            Map.entry("Step-down to early help", new int[] {50, 67, 83}),
            Map.entry("Assessment and planning", new int[] {67, 67, 83}));

    /** A theme not in the table (an edited form's): steady at two in three. */
    static final int[] OTHERWISE = {67, 67, 67};

    private DemoGrades() {
    }

    /** The share good or better of a theme in a quarter (0 the oldest). */
    static int share(String theme, int quarter) {
        return SHARES.getOrDefault(theme, OTHERWISE)[quarter];
    }

    /**
     * The grades of one question over {@code audits} audits of a quarter: round(share × audits) good or better (one in
     * four of them outstanding), the rest requires improvement (one in four of them inadequate), in seeded order.
     */
    static List<AuditGrade> grades(String theme, int quarter, int audits, Random random) {
        int positive = Math.round(share(theme, quarter) * audits / 100f);
        List<AuditGrade> out = new ArrayList<>();
        for (int i = 0; i < audits; i++) {
            boolean good = i < positive;
            int rank = good ? i : i - positive;
            out.add(good ? (rank % 4 == 3 ? AuditGrade.OUTSTANDING : AuditGrade.GOOD)
                    : (rank % 4 == 3 ? AuditGrade.INADEQUATE : AuditGrade.REQUIRES_IMPROVEMENT));
        }
        Collections.shuffle(out, random);
        return out;
    }

    /** The audit's overall grade from its answers: good when at least half are good or better, else requires improvement (inadequate when most are inadequate). */
    static AuditGrade overall(List<AuditGrade> answers) {
        long good = answers.stream().filter(AuditGrade::goodOrBetter).count();
        long inadequate = answers.stream().filter(g -> g == AuditGrade.INADEQUATE).count();
        long outstanding = answers.stream().filter(g -> g == AuditGrade.OUTSTANDING).count();
        if (2 * good >= answers.size()) {
            return 2 * outstanding > answers.size() ? AuditGrade.OUTSTANDING : AuditGrade.GOOD;
        }
        return 2 * inadequate > answers.size() ? AuditGrade.INADEQUATE : AuditGrade.REQUIRES_IMPROVEMENT;
    }

    /** The grade below (inadequate stays). */
    static AuditGrade oneLower(AuditGrade g) {
        AuditGrade[] all = AuditGrade.values();
        return all[Math.min(g.ordinal() + 1, all.length - 1)];
    }

    private static final Map<AuditGrade, List<String>> EVIDENCE = Map.of(
            AuditGrade.OUTSTANDING, List.of(
                    "%s: the record is full and current, written to the young person, and their own words shape the decisions.",
                    "%s: exemplary recording; each decision has its reason and the impact on the child is followed up."),
            AuditGrade.GOOD, List.of(
                    "%s: clear and up to date in the record, with the reasons for decisions written down.",
                    "%s: recorded well; the last entry is recent and matches what the young person said in the visit notes."),
            AuditGrade.REQUIRES_IMPROVEMENT, List.of(
                    "%s: recorded, but the last entry is out of date and the rationale for the decision is missing.",
                    "%s: not consistent across the record; actions are listed without timescales or owners."),
            AuditGrade.INADEQUATE, List.of(
                    "%s: not evident in the record; raised with the team manager on the day of the audit.",
                    "%s: no entry in the last six months; the auditor asked the team manager to act the same week."));

    private static final Map<AuditGrade, List<String>> SUMMARY = Map.of(
            AuditGrade.OUTSTANDING, List.of("Strong, child-centred practice throughout; share as an example in the practice forum."),
            AuditGrade.GOOD, List.of("Good practice: the plan is the young person's own and risks are named with what reduces them.",
                    "Good overall; recording of management decisions could be sharper."),
            AuditGrade.REQUIRES_IMPROVEMENT, List.of("The work is caring but the record does not show its impact; the plan needs timescales.",
                    "Requires improvement: supervision notes do not yet show reflective discussion of this child's plan."),
            AuditGrade.INADEQUATE, List.of("Inadequate: gaps in recording mean the risks to the child are not understood; escalated to the head of service."));

    /** The evidence written for an answer of this grade about this theme. */
    static String evidence(String theme, AuditGrade grade, Random random) {
        List<String> choices = EVIDENCE.get(grade);
        return choices.get(random.nextInt(choices.size())).formatted(theme);
    }

    /** The auditor's summary for an audit with this overall grade. */
    static String summary(AuditGrade grade, Random random) {
        List<String> choices = SUMMARY.get(grade);
        return choices.get(random.nextInt(choices.size()));
    }

}
