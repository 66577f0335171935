package org.oversight.reports;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks that every stored document is whole and fully recorded: its bytes still match its SHA-256 and size, a PDF
 * still passes {@link DocumentIntegrity}, it is the source of an activity (or named in the history of the activity a
 * later document updated), and every activity read from a document has its on-site dates and the history entry of
 * the import. Used after a crash, a restore ({@code bin/oversight check-documents}) and by the fault tests.
 */
@Service
public class DocumentCheck {

    private final JdbcClient jdbc;

    DocumentCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Result(int documents, int activities, List<String> problems) {
        public boolean whole() {
            return problems.isEmpty();
        }
    }

    /** One consistent snapshot of the store; each problem names the document or activity and what is wrong. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Result run() {
        List<String> problems = new ArrayList<>();
        jdbc.sql("""
                SELECT sha256, file_name FROM source_document
                 WHERE encode(sha256(content), 'hex') <> sha256 OR size_bytes <> octet_length(content) ORDER BY sha256
                """).query((rs, i) -> "document " + rs.getString(1) + " (" + rs.getString(2)
                + "): its bytes do not match its SHA-256 or size").list().forEach(problems::add);
        List<String> pdfs = jdbc.sql("SELECT sha256 FROM source_document WHERE content_type = 'application/pdf' ORDER BY sha256")
                .query(String.class).list();
        for (String sha : pdfs) {
            var row = jdbc.sql("SELECT file_name, content FROM source_document WHERE sha256 = ?").param(sha)
                    .query((rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2)}).single();
            DocumentIntegrity.problem((byte[]) row[1]).ifPresent(p -> problems.add("document " + sha + " (" + row[0] + "): " + p));
        }
        jdbc.sql("""
                SELECT d.sha256, d.file_name FROM source_document d
                 WHERE NOT EXISTS (SELECT 1 FROM inspection_activity a WHERE a.source_document_sha256 = d.sha256)
                   AND NOT EXISTS (SELECT 1 FROM activity_history h WHERE h.description LIKE '%document ' || left(d.sha256, 12) || '%')
                 ORDER BY d.sha256
                """).query((rs, i) -> "document " + rs.getString(1) + " (" + rs.getString(2)
                + "): stored without the activity read from it").list().forEach(problems::add);
        // An activity of the national dataset is known by its report's SHA-256 (published_report), not a stored copy.
        jdbc.sql("""
                SELECT a.id FROM inspection_activity a
                 WHERE a.source = 'IMPORT' AND a.source_document_sha256 IS NULL
                   AND NOT EXISTS (SELECT 1 FROM published_report p WHERE p.activity_id = a.id AND p.status = 'RECORDED')
                 ORDER BY a.id
                """).query((rs, i) -> "activity " + rs.getString(1) + ": imported but has no document").list().forEach(problems::add);
        jdbc.sql("""
                SELECT a.id FROM inspection_activity a
                 WHERE a.source_document_sha256 IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM on_site_range r WHERE r.activity_id = a.id) ORDER BY a.id
                """).query((rs, i) -> "activity " + rs.getString(1) + ": read from a document but has no on-site dates")
                .list().forEach(problems::add);
        jdbc.sql("""
                SELECT a.id, a.source_document_sha256 FROM inspection_activity a
                 WHERE a.source_document_sha256 IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM activity_history h WHERE h.activity_id = a.id
                                      AND h.description LIKE '%document ' || left(a.source_document_sha256, 12) || '%')
                 ORDER BY a.id
                """).query((rs, i) -> "activity " + rs.getString(1) + ": no history entry for its import of document "
                + rs.getString(2)).list().forEach(problems::add);
        int activities = jdbc.sql("SELECT count(*) FROM inspection_activity WHERE source_document_sha256 IS NOT NULL")
                .query(Integer.class).single();
        int documents = jdbc.sql("SELECT count(*) FROM source_document").query(Integer.class).single();
        return new Result(documents, activities, List.copyOf(problems));
    }
}
