package org.oversight.childdata.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.oversight.shared.SubjectAccessSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The child's rows of every imported snapshot (SSDA903 and Annex A), newest import first. */
@Component
class ChildDataSubjectAccess implements SubjectAccessSource {

    private static final List<String> TABLES = List.of("child", "episode", "review", "care_leaver", "missing_episode", "ssda903_row",
            "annex_a_child");

    private final JdbcClient jdbc;

    ChildDataSubjectAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> sections(UUID laId, String childRef) {
        List<Section> out = new ArrayList<>();
        for (String table : TABLES) {
            out.add(new Section(table, jdbc.sql("""
                    SELECT s.collection_year, s.kind, s.imported_at, s.superseded_at IS NULL AS current_import, t.*
                      FROM %s t JOIN import_snapshot s ON s.id = t.snapshot_id
                     WHERE t.la_id = ? AND t.child_ref = ? ORDER BY s.imported_at DESC""".formatted(table))
                    .params(laId, childRef).query().listOfRows()));
        }
        return out;
    }
}
