package org.oversight.reports;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Published documents stored once, addressed by the SHA-256 of their bytes. */
@Repository
public class DocumentStore {

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String sha256(byte[] bytes) {
        return org.oversight.shared.Checksums.sha256(bytes);
    }

    public boolean exists(String sha256) {
        return jdbc.sql("SELECT count(*) FROM source_document WHERE sha256 = ?").param(sha256).query(Integer.class).single() > 0;
    }

    /** Stores the document unless it is already there (same bytes, same address). */
    void store(String sha256, String fileName, String contentType, byte[] bytes, String readAs, List<String> warnings, String actor) {
        jdbc.sql("""
                INSERT INTO source_document (sha256, file_name, content_type, size_bytes, content, read_as, warnings, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING
                """).params(sha256, fileName, contentType, bytes.length, bytes, readAs, warnings.toArray(String[]::new), actor).update();
    }

    public record StoredDocument(String sha256, String fileName, String contentType, byte[] content) {
    }

    public Optional<StoredDocument> find(String sha256) {
        return jdbc.sql("SELECT sha256, file_name, content_type, content FROM source_document WHERE sha256 = ?").param(sha256)
                .query((rs, i) -> new StoredDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4))).optional();
    }
}
