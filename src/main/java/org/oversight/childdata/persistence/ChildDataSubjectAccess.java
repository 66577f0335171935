package org.oversight.childdata.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.oversight.childdata.ssd.SsdSchema;
import org.oversight.shared.SubjectAccessSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The child's rows of every imported snapshot, newest import first: the SSDA903 and Annex A tables, then every table of
 * the SSD store that names a child (the whole journey, from the first contact to leaving care, whatever way it came
 * in), and the factors of the child's assessments.
 */
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
        // The store's rows are read by the LA's snapshots (its primary key leads with the number), then by child: the
        // store keeps no index by child.
        String ofTheLa = """
                SELECT s.collection_year, s.kind, s.imported_at, s.superseded_at IS NULL AS current_import, t.*
                  FROM %s t JOIN import_snapshot s ON s.no = t.snapshot_no
                 WHERE t.snapshot_no IN (SELECT no FROM import_snapshot WHERE la_id = ?) AND t.la_id = ? AND %s
                 ORDER BY s.imported_at DESC, t.snapshot_no""";
        for (SsdSchema.Table t : SsdSchema.get().tables()) {
            String child = t.name().equals("ssd_person") ? t.key() : t.person();
            if (child != null) {
                out.add(new Section(t.name(), jdbc.sql(ofTheLa.formatted(t.name(), "t." + child + " = ?"))
                        .params(laId, laId, childRef).query().listOfRows()));
            } else if (t.name().equals("ssd_assessment_factors")) {
                out.add(new Section(t.name(), jdbc.sql(ofTheLa.formatted(t.name(), """
                        (t.snapshot_no, t.cinf_assessment_id) IN (SELECT a.snapshot_no, a.cina_assessment_id FROM ssd_cin_assessments a
                          WHERE a.la_id = ? AND a.cina_person_id = ?)"""))
                        .params(laId, laId, laId, childRef).query().listOfRows()));
            }
        }
        return out;
    }
}
