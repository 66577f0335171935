package org.oversight.improvement.report;

import java.util.List;
import org.oversight.improvement.report.CommitteeReportContent.ActionLine;
import org.oversight.improvement.report.CommitteeReportContent.AuditTrail;
import org.oversight.improvement.report.CommitteeReportContent.AuthorSignOff;
import org.oversight.improvement.report.CommitteeReportContent.CommitteeDate;
import org.oversight.improvement.report.CommitteeReportContent.Consultation;
import org.oversight.improvement.report.CommitteeReportContent.JudgementFinding;
import org.oversight.improvement.report.CommitteeReportContent.Proposal;
import org.oversight.improvement.report.WrittenStatementContent.Action;
import org.oversight.improvement.report.WrittenStatementContent.FindingResponse;
import org.oversight.improvement.report.WrittenStatementContent.PlanItem;

/**
 * Test fixtures built from the City of London committee report on its 2020 Ofsted inspection (seed
 * 002). The audit trail and consultation rows follow Southwark's template (seed 004); the actions and
 * measures are illustrative.
 */
final class SeedReports {

    static final String LA = "City of London";
    static final String SUBJECT = "Ofsted Inspection 2020";

    static final List<CommitteeDate> COMMITTEES = List.of(
            new CommitteeDate("Community and Children's Services Committee", "17/06/2020"),
            new CommitteeDate("Safeguarding Sub Committee", "24/06/2020"),
            new CommitteeDate("Audit and Risk Management Committee", "14/07/2020"));

    static final JudgementFinding LEADERS = new JudgementFinding(
            "The impact of leaders on social work practice with children and families", "outstanding", List.of(
            "The independent inspectors found high quality services have been sustained and improved for some time, "
                    + "with services improved because of committed and effective leadership.",
            "Caseloads are manageable and enable strong relationships, which has been enhanced by systemic practice "
                    + "being embedded."));
    static final JudgementFinding HELP_AND_PROTECTION = new JudgementFinding(
            "The experiences and progress of children who need help and protection", "good", List.of(
            "Key findings are that children in need of help and protection receive a good service that is "
                    + "proportionate and enables positive change. Partner agency working is strong.",
            "In a minority, tighter timeframes could have meant a shorter period of intervention for the family. "
                    + "There was no data set for Early Help and some decisions were on file without the full rationale."));
    static final JudgementFinding CARE = new JudgementFinding(
            "The experiences and progress of children in care and care leavers", "outstanding", List.of(
            "Children in care and care leavers are extremely well supported, with extremely strong involvement and "
                    + "interest from council members."));
    static final JudgementFinding OVERALL = new JudgementFinding("Overall effectiveness", "outstanding", List.of(
            "The Ofsted report concludes: 'Social workers are well supported. They do good work, which is making a "
                    + "difference to children's lives'."));

    static final String RECOMMENDATION_1 = "The management overview of families stepped down to early help to ensure "
            + "that families receive help within a timescale that is right for them.";
    static final String RECOMMENDATION_2 =
            "The recording of management decision-making at all stages of a child's journey.";

    static final String MEASURE_1 = "Cases stepped down with manager oversight: baseline 40%, target 95%, "
            + "now 80% on 01/06/2020 (15 points from target)";

    static final List<Consultation> CONSULTATIONS = List.of(
            new Consultation("", "Director of Law and Democracy", ""),
            new Consultation("", "Strategic Director of Finance and Governance", ""),
            new Consultation("Cllr Jasmine Ali", "Cabinet Member", "2 June 2020"));

    private SeedReports() {
    }

    static CommitteeReportContent committeeReport() {
        return committeeReport(SUBJECT);
    }

    static CommitteeReportContent committeeReport(String subject) {
        return new CommitteeReportContent(
                LA,
                COMMITTEES,
                subject,
                "Public",
                "Andrew Carter, Director of Community & Children's Services",
                "Rachel Green, Community & Children's Services",
                "For Information",
                List.of("Ofsted conducted an inspection of children's social care services in March 2020. "
                                + "Their findings were published on 6 April 2020.",
                        "Children's social care services received an overall judgment of 'Outstanding'.",
                        "The inspection report had two recommendations; a need to improve management overview of cases "
                                + "stepping down from social care to early help and; to improve the recording of "
                                + "management decision-making at all stages of a child's journey."),
                List.of("Note the report."),
                List.of("Inspections of children's social care focus on the effectiveness of local authority services "
                                + "and arrangements to help and protect children.",
                        "The last full inspection of children's social care took place in July 2016. The overall "
                                + "effectiveness of the service was found to be good.",
                        "The Children's services focused visit took place in November 2018."),
                List.of(LEADERS, HELP_AND_PROTECTION, CARE, OVERALL),
                List.of(
                        new Proposal(RECOMMENDATION_1, "Management oversight of step-down to early help", List.of(
                                new ActionLine("Team managers review every step-down to early help and record the "
                                        + "agreed timescale", "Service Manager, Children's Social Care", "30/09/2020",
                                        "In progress", "Amber",
                                        "Early Help workflow is live; managers review the weekly step-down report.",
                                        MEASURE_1))),
                        new Proposal(RECOMMENDATION_2, "Recording of management decisions", List.of(
                                new ActionLine("Introduce a management decision template at each stage of the "
                                        + "child's journey", "Head of Quality Assurance", "31/12/2020", "Complete",
                                        "Complete", "Template in use since May 2020.",
                                        "Audited files with a recorded management rationale: baseline 60%, "
                                                + "target 90%, now 92% on 01/06/2020 (target met)")))),
                List.of("Children's Social Care services are outstanding. Children and families receive timely good "
                        + "quality support that makes a difference to their lives."),
                List.of("Appendix 1 – Ofsted report", "Appendix 2 – Action Plan"),
                new AuditTrail("Andrew Carter, Director of Community & Children's Services",
                        "Rachel Green, Service Manager, People Department DCCS", "Final", "04/06/2020", "No",
                        CONSULTATIONS, "05/06/2020"),
                new AuthorSignOff("Rachel Green", "Service Manager, People Department DCCS", "020 7332 3501",
                        "Rachel.Green@CityofLondon.gov.uk"));
    }

    /** Number of numbered Main Report paragraphs in {@link #committeeReport()}. */
    static int numberedParagraphs(CommitteeReportContent c) {
        return c.background().size()
                + c.findings().stream().mapToInt(f -> f.paragraphs().size()).sum()
                + c.proposals().size()
                + c.conclusion().size();
    }

    static final List<String> WSOA_FINDINGS = List.of(
            "Zebra: the recording of management decision-making at all stages of a child's journey.",
            "Apple: the management overview of families stepped down to early help.",
            "Mango: the timeliness of permanence planning for children in care.");

    /** A written statement whose findings are deliberately not in alphabetical order. */
    static WrittenStatementContent writtenStatement() {
        return new WrittenStatementContent(LA, "Inspection of local authority children's services (ILACS)",
                "2 to 13 March 2020", "01/07/2020",
                List.of("This statement sets out how the City of London will respond to the inspection findings."),
                List.of(
                        new FindingResponse(WSOA_FINDINGS.get(0), List.of(new PlanItem("Item Z recording", List.of(
                                new Action("Introduce a decision template", "Head of Quality Assurance",
                                        "31/12/2020", "90% of audited files show a management rationale"))))),
                        new FindingResponse(WSOA_FINDINGS.get(1), List.of(new PlanItem("Item A step-down", List.of(
                                new Action("Review every step-down", "Service Manager", "30/09/2020",
                                        MEASURE_1))))),
                        new FindingResponse(WSOA_FINDINGS.get(2), List.of(new PlanItem("Item M permanence", List.of(
                                new Action("Permanence planning meeting by the second review", "Team Manager",
                                        "31/03/2021", null)))))));
    }
}
