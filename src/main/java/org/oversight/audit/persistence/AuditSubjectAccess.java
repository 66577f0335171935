package org.oversight.audit.persistence;

import java.util.List;
import java.util.UUID;

import org.oversight.shared.SubjectAccessSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Case audits of the child's record and their answers. */
@Component
class AuditSubjectAccess implements SubjectAccessSource {

    private final JdbcClient jdbc;

    AuditSubjectAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> sections(UUID laId, String childRef) {
        return List.of(
                new Section("case_audit", jdbc.sql("SELECT * FROM case_audit WHERE la_id = ? AND child_ref = ?").params(laId, childRef).query().listOfRows()),
                new Section("audit_answer", jdbc.sql("""
                        SELECT a.* FROM audit_answer a JOIN case_audit c ON c.id = a.audit_id WHERE c.la_id = ? AND c.child_ref = ?""")
                        .params(laId, childRef).query().listOfRows()));
    }
}
