package org.oversight.audit.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.oversight.audit.AuditViews.Answer;
import org.oversight.audit.AuditViews.CaseAudit;
import org.oversight.audit.AuditViews.CaseRow;
import org.oversight.audit.AuditViews.Disagreement;
import org.oversight.audit.AuditViews.Event;
import org.oversight.audit.AuditViews.Finding;
import org.oversight.audit.AuditViews.ProgrammeSummary;
import org.oversight.audit.AuditViews.Status;
import org.oversight.audit.domain.AuditGrade;
import org.oversight.audit.domain.AuditTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of case audits: programmes and their samples, audits, answers, moderation, findings, events and roll-ups. */
@Repository
public class AuditRepository {

    /** A programme as stored, before its template, sample and tallies are joined to it. */
    public record ProgrammeHead(String title, UUID templateId, LocalDate start, LocalDate end, List<String> auditors, List<String> moderators,
                                String rule, String method, int size, long seed, Instant sampledAt, String from, int population) {
    }

    /** A new programme's columns. */
    public record NewProgramme(UUID laId, String title, UUID templateId, LocalDate start, LocalDate end, List<String> auditors,
                               List<String> moderators, String rule, String method, int size, long seed, Instant sampledAt, String from,
                               int population, String createdBy) {
    }

    /** One child of a programme's sample. */
    public record SampledCase(int position, String childRef, String cohort, String team, String auditor) {
    }

    /** A question's grade in a submitted audit. */
    public record QuestionGrade(UUID templateId, String questionId, AuditGrade grade) {
    }

    /** A submitted audit's team and grade (the agreed grade, or the auditor's before moderation). */
    public record TeamGrade(String team, AuditGrade grade) {
    }

    /**
     * A programme and, when it has one, one of its submitted audits ({@code status} null when it has none): its auditor's,
     * moderator's and effective grade.
     */
    public record TrendLine(UUID programmeId, String title, LocalDate start, LocalDate end, String status, String auditorGrade,
                            String moderatorGrade, String grade) {
    }

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- programmes ---------------------------------------------------------------------------------------------

    public UUID insertProgramme(NewProgramme p, List<SampledCase> sample) {
        UUID id = jdbc.sql("""
                INSERT INTO audit_programme (la_id, title, template_id, period_start, period_end, auditors, moderators, sampling_rule,
                                             sampling_method, sample_size, sample_seed, sampled_at, sampled_from, population, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(p.laId(), p.title(), p.templateId(), p.start(), p.end(), p.auditors().toArray(String[]::new),
                        p.moderators().toArray(String[]::new), p.rule(), p.method(), p.size(), p.seed(), Timestamp.from(p.sampledAt()), p.from(),
                        p.population(), p.createdBy())
                .query(UUID.class).single();
        for (SampledCase c : sample) {
            jdbc.sql("""
                    INSERT INTO case_audit (programme_id, la_id, position, child_ref, cohort, team, template_id, auditor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, p.laId(), c.position(), c.childRef(), c.cohort(), c.team(), p.templateId(), c.auditor()).update();
        }
        return id;
    }

    public List<ProgrammeSummary> programmes(UUID laId) {
        return jdbc.sql("""
                SELECT p.id, p.title, t.name, t.version_no, p.period_start, p.period_end,
                       (SELECT count(*) FROM case_audit a WHERE a.programme_id = p.id),
                       (SELECT count(*) FROM case_audit a WHERE a.programme_id = p.id AND a.status <> 'OPEN'),
                       (SELECT count(*) FROM case_audit a WHERE a.programme_id = p.id AND a.status = 'MODERATED'),
                       (SELECT count(*) FROM case_audit a WHERE a.programme_id = p.id AND a.status = 'MODERATED' AND a.moderator_grade <> a.auditor_grade)
                  FROM audit_programme p JOIN audit_template t ON t.id = p.template_id
                 WHERE p.la_id = ? ORDER BY p.period_start DESC, p.created_at DESC""").param(laId)
                .query((rs, i) -> new ProgrammeSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                        new Disagreement(rs.getInt(9), rs.getInt(10)))).list();
    }

    public Optional<ProgrammeHead> programme(UUID laId, UUID programmeId) {
        return jdbc.sql("""
                SELECT title, template_id, period_start, period_end, auditors, moderators, sampling_rule, sampling_method, sample_size,
                       sample_seed, sampled_at, sampled_from, population
                  FROM audit_programme WHERE id = ? AND la_id = ?""").params(programmeId, laId)
                .query((rs, i) -> new ProgrammeHead(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), strings(rs.getArray(5)), strings(rs.getArray(6)), rs.getString(7), rs.getString(8),
                        rs.getInt(9), rs.getLong(10), instant(rs.getTimestamp(11)), rs.getString(12), rs.getInt(13))).optional();
    }

    /** The programme's sample, in order. */
    public List<CaseRow> cases(UUID programmeId) {
        return jdbc.sql("""
                SELECT id, position, child_ref, cohort, team, auditor, status, auditor_grade, moderator_grade, agreed_grade
                  FROM case_audit WHERE programme_id = ? ORDER BY position""").param(programmeId)
                .query((rs, i) -> new CaseRow(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), Status.valueOf(rs.getString(7)), AuditGrade.parse(rs.getString(8)), AuditGrade.parse(rs.getString(9)),
                        AuditGrade.parse(rs.getString(10)))).list();
    }

    /** Every question's grade in the programme's submitted audits. */
    public List<QuestionGrade> questionGrades(UUID programmeId) {
        return jdbc.sql("""
                SELECT a.template_id, q.question_id, q.grade FROM audit_answer q JOIN case_audit a ON a.id = q.audit_id
                 WHERE a.programme_id = ? AND a.status <> 'OPEN'""").param(programmeId)
                .query((rs, i) -> new QuestionGrade(rs.getObject(1, UUID.class), rs.getString(2), AuditGrade.parse(rs.getString(3)))).list();
    }

    public List<Finding> findings(UUID programmeId) {
        return jdbc.sql("""
                SELECT id, question_id, text, plan_id, plan_item_id, created_by, created_at FROM audit_finding
                 WHERE programme_id = ? ORDER BY created_at""").param(programmeId)
                .query((rs, i) -> new Finding(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }

    /** The programme's history, newest first. */
    public List<Event> events(UUID programmeId) {
        return jdbc.sql("SELECT description, actor, at FROM audit_event WHERE programme_id = ? ORDER BY at DESC, id DESC")
                .param(programmeId).query((rs, i) -> new Event(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    public void insertEvent(UUID laId, UUID programmeId, UUID auditId, String description, String actor, Instant at) {
        jdbc.sql("INSERT INTO audit_event (la_id, programme_id, audit_id, description, actor, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(laId, programmeId, auditId, description, actor, Timestamp.from(at)).update();
    }

    // ---- one audit ----------------------------------------------------------------------------------------------

    /** One audit of the programme with its answers; {@code template} finds the form it was answered against. */
    public Optional<CaseAudit> audit(UUID laId, int laUrn, String laName, UUID programmeId, UUID auditId, Function<UUID, AuditTemplate> template) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        jdbc.sql("SELECT question_id, grade, evidence FROM audit_answer WHERE audit_id = ? AND la_id = ?").params(auditId, laId)
                .query(rs -> { answers.put(rs.getString(1), new Answer(rs.getString(1), AuditGrade.parse(rs.getString(2)), rs.getString(3))); });
        return jdbc.sql("""
                SELECT a.id, p.id, p.title, a.position, a.child_ref, a.cohort, a.team, a.template_id, a.auditor, a.status, a.auditor_grade,
                       a.summary, a.submitted_at, a.moderator, a.moderator_grade, a.agreed_grade, a.agreed_reason, a.moderated_at, p.moderators
                  FROM case_audit a JOIN audit_programme p ON p.id = a.programme_id
                 WHERE a.id = ? AND a.programme_id = ? AND a.la_id = ?""").params(auditId, programmeId, laId)
                .query((rs, i) -> new CaseAudit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), laId, laUrn,
                        laName, rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), template.apply(rs.getObject(8, UUID.class)),
                        rs.getString(9), Status.valueOf(rs.getString(10)), answers, AuditGrade.parse(rs.getString(11)), rs.getString(12),
                        instant(rs.getTimestamp(13)), rs.getString(14), AuditGrade.parse(rs.getString(15)), AuditGrade.parse(rs.getString(16)),
                        rs.getString(17), instant(rs.getTimestamp(18)), strings(rs.getArray(19)))).optional();
    }

    /** Replaces the audit's answers with these. */
    public void replaceAnswers(UUID laId, UUID auditId, Collection<Answer> answers) {
        jdbc.sql("DELETE FROM audit_answer WHERE audit_id = ?").param(auditId).update();
        for (Answer a : answers) {
            jdbc.sql("INSERT INTO audit_answer (audit_id, la_id, question_id, grade, evidence) VALUES (?, ?, ?, ?, ?)")
                    .params(auditId, laId, a.questionId(), a.grade().name(), a.evidence()).update();
        }
    }

    /** The auditor's overall grade and summary on an audit still open; false when it has closed meanwhile. */
    public boolean saveOpenAudit(UUID auditId, AuditGrade overall, String summary, Status status, Instant submittedAt) {
        return jdbc.sql("""
                UPDATE case_audit SET auditor_grade = ?, summary = ?, status = ?, submitted_at = ?, version = version + 1
                 WHERE id = ? AND status = 'OPEN'""")
                .params(overall == null ? null : overall.name(), summary, status.name(), submittedAt == null ? null : Timestamp.from(submittedAt),
                        auditId).update() == 1;
    }

    /** The moderator's grade, the agreed grade and its reason on a submitted audit, which is then moderated. */
    public void moderate(UUID auditId, String moderator, AuditGrade grade, AuditGrade agreed, String reason, Instant at) {
        jdbc.sql("""
                UPDATE case_audit SET moderator = ?, moderator_grade = ?, agreed_grade = ?, agreed_reason = ?, moderated_at = ?, status = 'MODERATED',
                       version = version + 1 WHERE id = ? AND status = 'SUBMITTED'""")
                .params(moderator, grade.name(), agreed.name(), reason, Timestamp.from(at), auditId).update();
    }

    public void insertFinding(UUID laId, UUID programmeId, Finding f) {
        jdbc.sql("""
                INSERT INTO audit_finding (id, programme_id, la_id, question_id, text, plan_id, plan_item_id, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(f.id(), programmeId, laId, f.questionId(), f.text(), f.planId(), f.planItemId(),
                f.createdBy(), Timestamp.from(f.createdAt())).update();
    }

    // ---- roll-up ------------------------------------------------------------------------------------------------

    /** Every question's grade in the LA's submitted audits. */
    public List<QuestionGrade> questionGradesOfLa(UUID laId) {
        return jdbc.sql("""
                SELECT a.template_id, q.question_id, q.grade FROM audit_answer q JOIN case_audit a ON a.id = q.audit_id
                 WHERE a.la_id = ? AND a.status <> 'OPEN'""").param(laId)
                .query((rs, i) -> new QuestionGrade(rs.getObject(1, UUID.class), rs.getString(2), AuditGrade.parse(rs.getString(3)))).list();
    }

    /** A graded question of a submitted audit, with the audit and the end of its programme's period. */
    public record DatedQuestionGrade(UUID auditId, LocalDate periodEnd, UUID templateId, String questionId, AuditGrade grade) {
    }

    /** Every graded question in the LA's submitted audits, each with its audit and the end of the programme's period. */
    public List<DatedQuestionGrade> datedQuestionGradesOfLa(UUID laId) {
        return jdbc.sql("""
                SELECT a.id, p.period_end, a.template_id, q.question_id, q.grade
                  FROM audit_answer q JOIN case_audit a ON a.id = q.audit_id JOIN audit_programme p ON p.id = a.programme_id
                 WHERE a.la_id = ? AND a.status <> 'OPEN' AND q.grade IS NOT NULL""").param(laId)
                .query((rs, i) -> new DatedQuestionGrade(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getObject(3, UUID.class),
                        rs.getString(4), AuditGrade.parse(rs.getString(5)))).list();
    }

    public List<TeamGrade> teamGrades(UUID laId) {
        return jdbc.sql("SELECT team, coalesce(agreed_grade, auditor_grade) FROM case_audit WHERE la_id = ? AND status <> 'OPEN'").param(laId)
                .query((rs, i) -> new TeamGrade(rs.getString(1), AuditGrade.parse(rs.getString(2)))).list();
    }

    /** Every programme of the LA by period, each with its submitted audits (one line each, or one empty line). */
    public List<TrendLine> trend(UUID laId) {
        return jdbc.sql("""
                SELECT p.id, p.title, p.period_start, p.period_end, a.status, a.auditor_grade, a.moderator_grade, coalesce(a.agreed_grade, a.auditor_grade)
                  FROM audit_programme p LEFT JOIN case_audit a ON a.programme_id = p.id AND a.status <> 'OPEN'
                 WHERE p.la_id = ? ORDER BY p.period_start, p.created_at, p.id""").param(laId)
                .query((rs, i) -> new TrendLine(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))).list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
