package org.oversight.improvement.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.oversight.improvement.CommitteeReports.Version;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of committee reports: every generated version of a plan's report, with its draft and its three files. */
@Repository
public class CommitteeReportRepository {

    /** A stored version's files. */
    public record Files(UUID planId, int version, byte[] docx, byte[] pdf, String html) {
    }

    private final JdbcClient jdbc;

    CommitteeReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The plan's versions, newest first. */
    public List<Version> versions(UUID planId) {
        return jdbc.sql("SELECT id, version_no, generated_by, generated_at FROM committee_report WHERE plan_id = ? ORDER BY version_no DESC")
                .param(planId).query((rs, i) -> new Version(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** The draft of the plan's latest version, as JSON. */
    public Optional<String> latestDraft(UUID planId) {
        return jdbc.sql("SELECT draft::text FROM committee_report WHERE plan_id = ? ORDER BY version_no DESC LIMIT 1")
                .param(planId).query(String.class).optional();
    }

    public int nextVersion(UUID planId) {
        return jdbc.sql("SELECT coalesce(max(version_no), 0) + 1 FROM committee_report WHERE plan_id = ?").param(planId)
                .query(Integer.class).single();
    }

    public UUID insert(UUID planId, UUID laId, int version, String draftJson, byte[] docx, byte[] pdf, String html, String by, Instant at) {
        return jdbc.sql("""
                INSERT INTO committee_report (plan_id, la_id, version_no, draft, docx, pdf, html, generated_by, generated_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) RETURNING id""").params(planId, laId, version, draftJson, docx, pdf, html, by,
                Timestamp.from(at)).query(UUID.class).single();
    }

    public Optional<Files> files(UUID reportId) {
        return jdbc.sql("SELECT plan_id, version_no, docx, pdf, html FROM committee_report WHERE id = ?").param(reportId)
                .query((rs, i) -> new Files(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBytes(3), rs.getBytes(4), rs.getString(5)))
                .optional();
    }
}
