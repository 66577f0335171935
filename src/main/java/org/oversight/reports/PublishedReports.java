package org.oversight.reports;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.oversight.inspection.ReportSources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Published Ofsted reports known by their SHA-256 (from the bundled national dataset or the nightly sync): where each
 * is on Ofsted's site, which values the extractor could not read, and the activity it became. Also tells the pages,
 * through {@link ReportSources}, what to show for an activity read from one.
 */
@Repository
public class PublishedReports implements ReportSources {

    public enum Source { NATIONAL_DATASET, SYNC }

    /** One report as stored. */
    public record PublishedReport(String sha256, int urn, String fileName, Integer sizeBytes, LocalDate publicationDate,
                                  String ofstedUrl, String extractorVersion, boolean recorded, String reason,
                                  List<String> notRead, List<String> notes, UUID activityId, String rowSha256, Source source) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    PublishedReports(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    private static final String UPSERT = """
            INSERT INTO published_report (sha256, urn, file_name, size_bytes, publication_date, ofsted_url, extractor_version,
                   status, reason, not_read, notes, activity_id, row_sha256, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (sha256) DO UPDATE SET urn = excluded.urn, file_name = excluded.file_name,
                   size_bytes = excluded.size_bytes, publication_date = excluded.publication_date,
                   ofsted_url = coalesce(excluded.ofsted_url, published_report.ofsted_url),
                   extractor_version = excluded.extractor_version, status = excluded.status, reason = excluded.reason,
                   not_read = excluded.not_read, notes = excluded.notes,
                   activity_id = coalesce(excluded.activity_id, published_report.activity_id),
                   row_sha256 = excluded.row_sha256, source = excluded.source
            """;

    private static Object[] values(PublishedReport r) {
        return new Object[] {r.sha256(), r.urn(), r.fileName(), r.sizeBytes(), r.publicationDate(), blank(r.ofstedUrl()),
                r.extractorVersion(), r.recorded() ? "RECORDED" : "NOT_RECORDED", blank(r.reason()),
                r.notRead().toArray(String[]::new), r.notes().toArray(String[]::new), r.activityId(), r.rowSha256(),
                r.source().name()};
    }

    /** {@link #save} for many reports in one batch; a report listed twice (the same bytes) keeps its last row. */
    public void saveAll(List<PublishedReport> reports) {
        Map<String, PublishedReport> unique = new java.util.LinkedHashMap<>();
        reports.forEach(r -> unique.put(r.sha256(), r));
        batch.batchUpdate(UPSERT, unique.values().stream().map(PublishedReports::values).toList());
    }

    /** Adds the report, or replaces what is stored about it (a newer dataset, or the sync finding its address). */
    public void save(PublishedReport r) {
        jdbc.sql(UPSERT).params(values(r)).update();
    }

    /** The row checksum of every report the dataset loaded, by SHA-256: what a newer dataset compares against. */
    public Map<String, String> datasetRowChecksums() {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("SELECT sha256, row_sha256 FROM published_report WHERE row_sha256 IS NOT NULL")
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    public Optional<PublishedReport> find(String sha256) {
        return jdbc.sql("SELECT * FROM published_report WHERE sha256 = ?").param(sha256).query((rs, i) -> new PublishedReport(
                rs.getString("sha256"), rs.getInt("urn"), rs.getString("file_name"), rs.getObject("size_bytes", Integer.class),
                rs.getObject("publication_date", LocalDate.class), rs.getString("ofsted_url"), rs.getString("extractor_version"),
                rs.getString("status").equals("RECORDED"), rs.getString("reason"), strings(rs.getArray("not_read")),
                strings(rs.getArray("notes")), rs.getObject("activity_id", UUID.class), rs.getString("row_sha256"),
                Source.valueOf(rs.getString("source")))).optional();
    }

    public boolean knowsUrl(String url) {
        return jdbc.sql("SELECT count(*) FROM published_report WHERE ofsted_url = ?").param(url).query(Integer.class).single() > 0;
    }

    /** Records where a report already known by its checksum is on Ofsted's site. */
    public void setUrl(String sha256, String url) {
        jdbc.sql("UPDATE published_report SET ofsted_url = ? WHERE sha256 = ? AND ofsted_url IS NULL").params(url, sha256).update();
    }

    public int count() {
        return jdbc.sql("SELECT count(*) FROM published_report").query(Integer.class).single();
    }

    @Override
    public Map<UUID, ReportSource> of(Collection<UUID> activityIds) {
        Map<UUID, ReportSource> out = new HashMap<>();
        if (activityIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT activity_id, ofsted_url, not_read, file_name FROM published_report
                 WHERE activity_id = ANY (?) ORDER BY publication_date NULLS FIRST
                """).param(activityIds.toArray(UUID[]::new)).query(rs -> {
            out.put(rs.getObject(1, UUID.class), new ReportSource(rs.getString(2), Set.copyOf(strings(rs.getArray(3))),
                    rs.getString(4)));
        });
        return out;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
