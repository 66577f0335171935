package org.oversight.voice.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.oversight.shared.SubjectAccessSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The young person's own records: accounts (without password hashes or code hashes), plan, words, feedback, alerts, access. */
@Component
class VoiceSubjectAccess implements SubjectAccessSource {

    private static final List<String> TABLES = List.of("yp_invitation", "yp_account", "yp_plan_section", "yp_contribution", "yp_feedback",
            "yp_safety_alert", "yp_access");
    private static final List<String> SECRETS = List.of("password_hash", "code_hash");

    private final JdbcClient jdbc;

    VoiceSubjectAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> sections(UUID laId, String childRef) {
        List<Section> out = new ArrayList<>();
        for (String table : TABLES) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM %s WHERE la_id = ? AND child_ref = ?".formatted(table))
                    .params(laId, childRef).query().listOfRows();
            rows.forEach(r -> SECRETS.forEach(r::remove));
            out.add(new Section(table, rows));
        }
        return out;
    }
}
