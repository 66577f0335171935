package org.oversight.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.oversight.audit.domain.AuditTemplate;
import org.oversight.audit.domain.Question;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of audit forms: every version of every family, questions as JSON. */
@Repository
public class TemplateRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, family, version_no, name, cohort, description, questions, based_on, created_by, created_at";

    private final JdbcClient jdbc;

    TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean familyExists(String family) {
        return jdbc.sql("SELECT count(*) FROM audit_template WHERE family = ?").param(family).query(Integer.class).single() > 0;
    }

    /** The family's next version number. */
    public int nextVersion(String family) {
        return jdbc.sql("SELECT max(version_no) + 1 FROM audit_template WHERE family = ?").param(family).query(Integer.class).single();
    }

    public UUID insert(String family, int version, String name, AuditTemplate.Cohort cohort, String description, List<Question> questions,
                       UUID basedOn, String actor) {
        return jdbc.sql("""
                INSERT INTO audit_template (family, version_no, name, cohort, description, questions, based_on, created_by)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?) RETURNING id""")
                .params(family, version, name, cohort == null ? null : cohort.name(), description, JSON.writeValueAsString(questions), basedOn, actor)
                .query(UUID.class).single();
    }

    /** The newest version of each family. */
    public List<AuditTemplate> latest() {
        return jdbc.sql("SELECT DISTINCT ON (family) " + COLUMNS + " FROM audit_template ORDER BY family, version_no DESC")
                .query(TemplateRepository::map).list();
    }

    /** Every version of every family, newest first within each family. */
    public List<AuditTemplate> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_template ORDER BY family, version_no DESC").query(TemplateRepository::map).list();
    }

    public Optional<AuditTemplate> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_template WHERE id = ?").param(id).query(TemplateRepository::map).optional();
    }

    private static AuditTemplate map(ResultSet rs, int i) throws SQLException {
        String cohort = rs.getString(5);
        return new AuditTemplate(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                cohort == null ? null : AuditTemplate.Cohort.valueOf(cohort), rs.getString(6),
                JSON.readValue(rs.getString(7), new TypeReference<List<Question>>() { }), rs.getObject(8, UUID.class), rs.getString(9),
                rs.getTimestamp(10).toInstant());
    }
}
