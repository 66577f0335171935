package org.oversight.support;

import java.util.List;
import java.util.UUID;

import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.demo.DemoChildData;
import org.oversight.shared.db.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * City of London's demo SSDA903 return and Annex A workbook for a test that needs them, whatever other tests left:
 * imported afresh as the LA's newest imports of the demo's year (so they are its current ones), and removed afterwards
 * with the imports they superseded made current again, so the next test sees the database as this one found it.
 */
public final class DemoReturnFixture {

    /** What a {@link #load} stored and what it superseded, for {@link #remove}. */
    public record Loaded(UUID ssda903, UUID annexA, List<UUID> superseded) {
    }

    private DemoReturnFixture() {
    }

    public static Loaded load(DemoChildData demo, JdbcClient jdbc) {
        List<UUID> before = TenantScope.asSystem(() -> jdbc.sql("""
                SELECT s.id FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id
                 WHERE la.urn = 80450 AND s.kind IN ('SSDA903', 'ANNEX_A') AND s.collection_year = ? AND s.superseded_at IS NULL""")
                .param(org.oversight.childdata.ssda903.CollectionYear.current().toString()).query(UUID.class).list());
        ChildDataImporter.Outcome outcome = TenantScope.asSystem(demo::loadAgain);
        return new Loaded(outcome.snapshotId(), outcome.annexASnapshotId(), before);
    }

    /** Removes what {@link #load} stored, with its rows (they cascade), and makes current again what it superseded. */
    public static void remove(JdbcClient jdbc, Loaded loaded) {
        if (loaded == null) {
            return;
        }
        TenantScope.asSystem(() -> {
            for (UUID id : new UUID[] {loaded.ssda903(), loaded.annexA()}) {
                if (id != null) {
                    jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(id).update();
                }
            }
            for (UUID id : loaded.superseded()) {
                jdbc.sql("UPDATE import_snapshot SET superseded_at = NULL WHERE id = ?").param(id).update();
            }
        });
    }
}
