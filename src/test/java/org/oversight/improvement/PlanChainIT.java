package org.oversight.improvement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.oversight.improvement.domain.ActionStatus;
import org.oversight.improvement.domain.BodyKind;
import org.oversight.improvement.domain.Measure;
import org.oversight.improvement.domain.PlanKind;
import org.oversight.improvement.domain.PlanView;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** From finding to plan item to action, progress, evidence and committee report, against real PostgreSQL. */
@SpringBootTest
class PlanChainIT extends IntegrationTest {

    @Autowired
    PlanService plans;
    @Autowired
    CommitteeReports reports;
    @Autowired
    InspectionService inspections;
    @Autowired
    JdbcClient jdbc;

    private InspectionActivity activity(int urn, ActivityType type, LocalDate start) {
        return inspections.visibleActivities(inspections.localAuthority(urn).id()).stream()
                .filter(a -> a.type() == type && start.equals(a.startDate())).findFirst().orElseThrow();
    }

    private PlanView demoPlan() {
        InspectionActivity inspection = activity(80450, ActivityType.SHORT_INSPECTION, LocalDate.of(2020, 3, 2));
        return plans.plan(plans.plansOfActivity(inspection.id()).getFirst());
    }

    @Test
    @WithUserDetails("col.councillor")
    void theDemoPlanAnswersBothRecommendationsAndIsOverseenByTheBoardAndThreeCommittees() {
        PlanView plan = demoPlan();
        // the two recommendations (other tests may add an engagement meeting's agreed action, which answers no finding)
        assertThat(plan.items()).filteredOn(item -> item.findingId() != null).hasSize(2);
        assertThat(plan.items().subList(0, 2)).allSatisfy(item -> {
            assertThat(item.findingId()).isNotNull();
            assertThat(item.findingKind()).isEqualTo("RECOMMENDATION");
            assertThat(item.actions()).hasSize(1);
            assertThat(item.actions().getFirst().measure()).isNotNull();
        });
        assertThat(plan.items().get(0).findingText()).contains("stepped down to early help");
        assertThat(plan.items().get(1).findingText()).contains("management decision-making");
        assertThat(plan.overseenBy()).extracting(PlanView.Body::name).containsExactlyInAnyOrder("Service Improvement Board",
                "Community and Children's Services Committee", "Safeguarding Sub Committee", "Audit and Risk Management Committee");
        assertThat(plan.overseenBy()).filteredOn(b -> b.kind() != BodyKind.BOARD).extracting(b -> b.meetings().getFirst())
                .containsExactlyInAnyOrder(LocalDate.of(2020, 6, 17), LocalDate.of(2020, 6, 24), LocalDate.of(2020, 7, 14));
    }

    @Test
    @WithUserDetails("southwark.manager")
    void anotherLasUserSeesNothing() {
        InspectionActivity inspection = activity(80450, ActivityType.SHORT_INSPECTION, LocalDate.of(2020, 3, 2));
        assertThat(plans.plansOfActivity(inspection.id())).isEmpty();
        assertThat(jdbc.sql("SELECT id FROM improvement_plan WHERE activity_id = ?").param(inspection.id()).query(UUID.class).list())
                .as("row-level security: the database shows another LA's plan to nobody else").isEmpty();
        UUID planId = org.oversight.shared.db.TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM improvement_plan WHERE activity_id = ?")
                .param(inspection.id()).query(UUID.class).list().getFirst());
        assertThatThrownBy(() -> plans.plan(planId)).isInstanceOfAny(AccessDeniedException.class, org.oversight.shared.problem.NotFoundException.class);
        assertThatThrownBy(() -> reports.versions(planId)).isInstanceOfAny(AccessDeniedException.class, org.oversight.shared.problem.NotFoundException.class);
    }

    @Test
    @WithUserDetails("col.councillor")
    void aCouncillorReadsButCannotChange() {
        PlanView plan = demoPlan();
        UUID item = plan.items().getFirst().id();
        assertThatThrownBy(() -> plans.addAction(item, "x", null, LocalDate.of(2020, 5, 1), ActionStatus.NOT_STARTED, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("col.manager")
    void aPlanFromAFocusedVisitHasAnItemPerAreaForImprovementAndRefusesBadActions() {
        InspectionActivity visit = activity(80450, ActivityType.FOCUSED_VISIT, LocalDate.of(2018, 10, 24));
        UUID planId = plans.createFromActivity(visit.id(), PlanKind.SERVICE_IMPROVEMENT, "Care leavers improvement plan", LocalDate.of(2018, 11, 16));
        PlanView plan = plans.plan(planId);
        assertThat(plan.items()).hasSize(3).allSatisfy(i -> assertThat(i.findingKind()).isEqualTo("AREA_FOR_IMPROVEMENT"));
        UUID item = plan.items().getFirst().id();
        int before = jdbc.sql("SELECT count(*) FROM plan_action").query(Integer.class).single();

        assertThatThrownBy(() -> plans.addAction(item, "Risk assessment training", null, null, ActionStatus.NOT_STARTED, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("ownerId", "dueDate"));
        UUID owner = plans.people(plan.laId()).getFirst().id();
        assertThatThrownBy(() -> plans.addAction(item, "Risk assessment training", owner, LocalDate.of(2018, 10, 1), ActionStatus.NOT_STARTED, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("on or after the plan's start, 16/11/2018"));
        assertThatThrownBy(() -> plans.addAction(item, "Risk assessment training", owner, LocalDate.of(2019, 3, 1), ActionStatus.NOT_STARTED,
                new Measure("Risk assessments with mitigations (%)", new BigDecimal("40"), new BigDecimal("40"), null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("target"));
        assertThat(jdbc.sql("SELECT count(*) FROM plan_action").query(Integer.class).single()).isEqualTo(before);

        UUID action = plans.addAction(item, "Risk assessment training for all personal advisers", owner, LocalDate.of(2019, 3, 1),
                ActionStatus.ON_TRACK, new Measure("Risk assessments with mitigations (%)", new BigDecimal("40"), new BigDecimal("90"), new BigDecimal("60"), null));
        plans.recordProgress(action, 0, ActionStatus.AT_RISK, "Training delayed by staff turnover", new BigDecimal("62"));
        assertThatThrownBy(() -> plans.recordProgress(action, 0, ActionStatus.ON_TRACK, "stale", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Someone else updated");

        assertThatThrownBy(() -> plans.addEvidence(action, "Training log", "log.exe", "application/x-msdownload", new byte[10], null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be a PDF, Word");
        assertThatThrownBy(() -> plans.addEvidence(action, "Training log", "big.pdf", "application/pdf", new byte[(int) plans.maxEvidenceBytes() + 1], null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("smaller than");
        plans.addEvidence(action, "Training attendance", "attendance.csv", "text/csv", "name,date\nA,01/02/2019\n".getBytes(), null);
        plans.addEvidence(action, "Audit report", null, null, null, "https://intranet.example/audit");

        PlanView.Action saved = plans.plan(planId).allActions().getFirst();
        assertThat(saved.status()).isEqualTo(ActionStatus.AT_RISK);
        assertThat(saved.measure().current()).isEqualByComparingTo("62");
        assertThat(saved.measure().distanceToTarget()).isEqualByComparingTo("28");
        assertThat(saved.updates()).hasSize(1);
        assertThat(saved.evidence()).hasSize(2);
        assertThat(jdbc.sql("SELECT sha256 FROM evidence WHERE action_id = ? AND content IS NOT NULL").param(action).query(String.class).single())
                .hasSize(64);
        assertThat(plans.plan(planId).history()).extracting(PlanView.History::actor)
                .contains("Rachel Green (City of London, head of quality and performance)"); // people's names, not usernames
        List<String> itemsOfFirstFinding = plans.itemsOfFindings(visit.id()).stream()
                .filter(i -> i.findingId().equals(visit.improvementItems().getFirst().id())).map(i -> i.title()).toList();
        assertThat(itemsOfFirstFinding).isNotEmpty();
    }

    @Test
    @WithUserDetails("col.manager")
    void theCommitteeReportIsGeneratedInTheCouncilsFormatAndEveryVersionIsKept() throws Exception {
        PlanView plan = demoPlan();
        ReportDraft draft = reports.draft(plan.id());
        assertThat(draft.meetings()).as("the committees overseeing the plan, each at a governance meeting").hasSize(3);
        assertThat(draft.otherCommittees()).isEmpty();
        UUID first = reports.generate(plan.id(), draft);
        UUID second = reports.generate(plan.id(), new ReportDraft(draft.meetings(), draft.otherCommittees(), "Ofsted Inspection 2020 (revised)", draft.classification(),
                draft.reportOf(), draft.reportAuthor(), draft.purpose(), draft.summary(), draft.recommendations(), draft.background(),
                draft.conclusion(), draft.appendices(), draft.leadOfficer(), draft.version(), draft.keyDecision(), draft.consultees(),
                draft.authorName(), draft.authorTitle(), draft.authorPhone(), draft.authorEmail(), draft.helpAndProtection()));
        assertThat(reports.versions(plan.id())).extracting(CommitteeReports.Version::number).startsWith(2, 1);
        assertThat(reports.draft(plan.id()).subject()).isEqualTo("Ofsted Inspection 2020 (revised)");
        int versions = reports.versions(plan.id()).size();
        ReportDraft secret = new ReportDraft(draft.meetings(), draft.otherCommittees(), " ", "Secret", draft.reportOf(), draft.reportAuthor(), draft.purpose(),
                draft.summary(), draft.recommendations(), draft.background(), draft.conclusion(), draft.appendices(), draft.leadOfficer(),
                draft.version(), "Maybe", draft.consultees(), draft.authorName(), draft.authorTitle(), draft.authorPhone(), draft.authorEmail(),
                draft.helpAndProtection());
        assertThatThrownBy(() -> reports.generate(plan.id(), secret)).isInstanceOfSatisfying(org.oversight.shared.problem.InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(org.oversight.shared.problem.FieldProblem::field)
                        .containsExactly("subject", "classification", "keyDecision"));
        assertThat(reports.versions(plan.id())).as("a refused draft stores no version").hasSize(versions);

        byte[] docx = reports.file(first, "docx").content();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable header = doc.getTables().getFirst();
            String headerText = header.getText();
            assertThat(headerText).contains("Community and Children's Services Committee").contains("17 June 2020")
                    .contains("Safeguarding Sub Committee").contains("24 June 2020")
                    .contains("Audit and Risk Management Committee").contains("14 July 2020");
            String text = new XWPFWordExtractor(doc).getText();
            assertReportText(text);
        }
        byte[] pdf = reports.file(second, "pdf").content();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertReportText(text);
            assertThat(text).contains("Ofsted Inspection 2020 (revised)");
        }
        assertThat(new String(reports.file(first, "html").content())).contains("<h1").contains("Safeguarding Sub Committee");
    }

    private static void assertReportText(String raw) {
        String text = raw.replaceAll("\\s+", " ").replace('\u2019', '\'');
        assertThat(text).contains("The impact of leaders on social work practice with children and families").contains("outstanding");
        assertThat(text).contains("The experiences and progress of children who need help and protection").contains("good");
        assertThat(text).contains("The management overview of families stepped down to early help");
        assertThat(text).contains("The recording of management decision-making at all stages of a child's journey");
        assertThat(text).contains("Members are asked to").contains("Note the report");
        assertThat(text).contains("Role").contains("Officer").contains("Date consulted")
                .contains("Director of Law and Democracy");
    }

    @Test
    @WithUserDetails("southwark.manager")
    void aMeasureBoundToComplianceFollowsTheChildLevelData() {
        org.oversight.compliance.ComplianceFixtures.southwark(jdbc);
        InspectionActivity visit = activity(80514, ActivityType.FOCUSED_VISIT, LocalDate.of(2019, 1, 15));
        UUID planId = plans.createFromActivity(visit.id(), PlanKind.SERVICE_IMPROVEMENT, "Permanence plan", LocalDate.of(2019, 2, 14));
        PlanView plan = plans.plan(planId);
        UUID owner = plans.people(plan.laId()).getFirst().id();
        UUID action = plans.addAction(plan.items().getFirst().id(), "Reviews on time for every child in care", owner, LocalDate.of(2099, 3, 31),
                ActionStatus.ON_TRACK, new Measure("Children in care with every review on time (%)", new BigDecimal("40"), new BigDecimal("90"), null, null));
        plans.bindMeasure(action, org.oversight.compliance.ComplianceMeasures.Key.REVIEWS_ON_TIME);
        PlanView.Action bound = plans.plan(planId).allActions().getFirst();
        // The fixture has two children in care, one with every review on time.
        assertThat(bound.measure().current()).isEqualByComparingTo("50.0");
        assertThat(bound.measure().measuredOn()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(bound.measure().distanceToTarget()).isEqualByComparingTo("40.0");
        assertThat(bound.boundMeasure()).isEqualTo("REVIEWS_ON_TIME");
    }

    @Test
    @WithUserDetails("col.manager")
    void theWrittenStatementFollowsTheOrderOfTheFindings() throws Exception {
        PlanView plan = demoPlan();
        byte[] pdf = reports.writtenStatement(plan.id(), "pdf").content();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            int first = text.indexOf("stepped down to early help");
            int second = text.indexOf("recording of management decision-making");
            assertThat(first).isPositive();
            assertThat(second).isGreaterThan(first);
            assertThat(text).contains("Rachel Green");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(reports.writtenStatement(plan.id(), "docx").content()))) {
            assertThat(new XWPFWordExtractor(doc).getText()).contains("section 137");
        }
    }
}
