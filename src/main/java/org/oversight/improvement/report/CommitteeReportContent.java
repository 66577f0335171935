package org.oversight.improvement.report;

import java.util.List;
import java.util.Objects;

/**
 * Everything a council committee report about an Ofsted inspection shows, already as display text.
 *
 * <p>The caller formats dates (dd/mm/yyyy) and grades (words such as "good") before building this
 * record; the generators ({@link CommitteeReportDocx}, {@link CommitteeReportHtml},
 * {@link CommitteeReportPdf}) only lay the text out. Lists are copied and never {@code null}
 * (a {@code null} list becomes empty). {@link #auditTrail()} and {@link #authorSignOff()} may be
 * {@code null}, in which case their sections are left out.
 *
 * <p>Paragraph numbering runs continuously through the Main Report: background paragraphs, then
 * finding paragraphs, then one paragraph per proposal, then conclusion paragraphs.
 *
 * @param laName          local authority name, e.g. "City of London"
 * @param committees      committees the report goes to, in meeting order
 * @param subject         report subject, e.g. "Ofsted Inspection 2020"
 * @param classification  e.g. "Public"
 * @param reportOf        e.g. "Andrew Carter, Director of Community &amp; Children's Services"
 * @param reportAuthor    e.g. "Rachel Green, Community &amp; Children's Services"
 * @param purpose         "For Information" or "For Decision"
 * @param summary         summary paragraphs
 * @param recommendations what members are asked to do, shown after "Members are asked to:"
 * @param background      numbered background paragraphs
 * @param findings        one entry per inspection judgement
 * @param proposals       one entry per inspection recommendation with its improvement plan item
 * @param conclusion      numbered conclusion paragraphs
 * @param appendices      appendix titles, e.g. "Appendix 1 – Ofsted report"
 * @param auditTrail      audit trail and consultation record, or {@code null}
 * @param authorSignOff   author contact block at the end, or {@code null}
 * @param helpAndProtection the help-and-protection figures section (after the proposals), or {@code null} to leave it out
 */
public record CommitteeReportContent(
        String laName,
        List<CommitteeDate> committees,
        String subject,
        String classification,
        String reportOf,
        String reportAuthor,
        String purpose,
        List<String> summary,
        List<String> recommendations,
        List<String> background,
        List<JudgementFinding> findings,
        List<Proposal> proposals,
        List<String> conclusion,
        List<String> appendices,
        AuditTrail auditTrail,
        AuthorSignOff authorSignOff,
        HelpAndProtection helpAndProtection) {

    /** A report without a help-and-protection section. */
    public CommitteeReportContent(String laName, List<CommitteeDate> committees, String subject, String classification, String reportOf,
                                  String reportAuthor, String purpose, List<String> summary, List<String> recommendations,
                                  List<String> background, List<JudgementFinding> findings, List<Proposal> proposals,
                                  List<String> conclusion, List<String> appendices, AuditTrail auditTrail, AuthorSignOff authorSignOff) {
        this(laName, committees, subject, classification, reportOf, reportAuthor, purpose, summary, recommendations, background, findings,
                proposals, conclusion, appendices, auditTrail, authorSignOff, null);
    }

    /** Copies the lists and checks the fields every report needs. */
    public CommitteeReportContent {
        Objects.requireNonNull(laName, "laName");
        Objects.requireNonNull(subject, "subject");
        committees = copy(committees);
        summary = copy(summary);
        recommendations = copy(recommendations);
        background = copy(background);
        findings = copy(findings);
        proposals = copy(proposals);
        conclusion = copy(conclusion);
        appendices = copy(appendices);
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * One row of the header table: a committee and the date it meets to consider the report.
     *
     * @param committee committee name
     * @param date      meeting date as display text, e.g. "17/06/2020"
     */
    public record CommitteeDate(String committee, String date) {
    }

    /**
     * An inspection judgement with its grade and the report's paragraphs about it.
     *
     * @param judgement  judgement label, e.g. "The experiences and progress of children who need help and protection"
     * @param grade      grade in words, e.g. "good"
     * @param paragraphs numbered paragraphs about this judgement
     */
    public record JudgementFinding(String judgement, String grade, List<String> paragraphs) {
        /** Copies the paragraphs. */
        public JudgementFinding {
            paragraphs = copy(paragraphs);
        }
    }

    /**
     * The response to one inspection finding: the improvement plan item and its actions.
     *
     * @param finding       the inspection finding or recommendation, quoted
     * @param planItemTitle title of the improvement plan item that answers it
     * @param actions       the plan item's actions
     */
    public record Proposal(String finding, String planItemTitle, List<ActionLine> actions) {
        /** Copies the actions. */
        public Proposal {
            actions = copy(actions);
        }
    }

    /**
     * One action of an improvement plan item.
     *
     * @param description    what will be done
     * @param owner          who is responsible
     * @param due            due date as display text
     * @param status         status in words, e.g. "In progress"
     * @param rag            "Red", "Amber", "Green" or "Complete"
     * @param latestProgress latest progress note, may be {@code null}
     * @param measure        measure of success with its latest value, may be {@code null}
     */
    public record ActionLine(String description, String owner, String due, String status, String rag,
                             String latestProgress, String measure) {
    }

    /**
     * The audit trail block of a committee report (as in Southwark's template). Any field may be
     * {@code null}; rows with no value are left out.
     *
     * @param leadOfficer                  lead officer name and title
     * @param reportAuthor                 report author name and title
     * @param version                      e.g. "Final"
     * @param dated                        date of this version
     * @param keyDecision                  "Yes" or "No"
     * @param consultations                officers consulted
     * @param dateSentToConstitutionalTeam date the final report went to the constitutional team
     */
    public record AuditTrail(String leadOfficer, String reportAuthor, String version, String dated,
                             String keyDecision, List<Consultation> consultations,
                             String dateSentToConstitutionalTeam) {
        /** Copies the consultations. */
        public AuditTrail {
            consultations = copy(consultations);
        }
    }

    /**
     * One row of the consultation table.
     *
     * @param name officer or member consulted, e.g. "Jane Smith" (may be blank)
     * @param role their role, e.g. "Director of Law and Democracy"
     * @param date the date they were consulted, e.g. "6 April 2020" (blank when not recorded)
     */
    public record Consultation(String name, String role, String date) {
    }

    /**
     * The author's contact block at the end of the report. Any field but {@code name} may be {@code null}.
     *
     * @param name  author name
     * @param title job title
     * @param phone telephone number
     * @param email email address
     */
    public record AuthorSignOff(String name, String title, String phone, String email) {
    }

    /**
     * The LA's help-and-protection figures from its whole-journey data: the front-door funnel and the main measures,
     * each with the target and distance to target of the plan action whose measure follows it (blank when none does).
     *
     * @param paragraphs numbered paragraphs introducing the figures (period, source)
     * @param funnel     one line per funnel step
     * @param measures   one line per measure
     */
    public record HelpAndProtection(List<String> paragraphs, List<FunnelLine> funnel, List<MeasureLine> measures) {
        /** Copies the lists. */
        public HelpAndProtection {
            paragraphs = copy(paragraphs);
            funnel = copy(funnel);
            measures = copy(measures);
        }
    }

    /**
     * One funnel step.
     *
     * @param step       e.g. "Referrals"
     * @param count      how many in the period, as text
     * @param conversion the percentage of the step before, e.g. "62%", or "" for the first step
     */
    public record FunnelLine(String step, String count, String conversion) {
    }

    /**
     * One measure.
     *
     * @param measure  e.g. "Re-referrals within 12 months"
     * @param figure   e.g. "12 of 80"
     * @param percent  e.g. "15%", or "–" when nothing was counted
     * @param target   the plan action's target, e.g. "10%", or "" when no action's measure follows this one
     * @param distance distance to that target in percentage points, e.g. "5 points", or ""
     */
    public record MeasureLine(String measure, String figure, String percent, String target, String distance) {
    }
}
