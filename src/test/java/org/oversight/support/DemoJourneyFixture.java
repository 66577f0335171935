package org.oversight.support;

import java.util.UUID;

import org.oversight.childdata.demo.DemoJourneys;
import org.oversight.shared.db.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * City of London's demo whole-journey data for a test that needs it, whatever other tests left: imported afresh as the
 * LA's newest import of the demo's year (so it is the current journey), and removed afterwards with the import it
 * superseded made current again, so the next test sees the database as this one found it.
 */
public final class DemoJourneyFixture {

    private static final java.util.Map<UUID, UUID> SUPERSEDED = new java.util.concurrent.ConcurrentHashMap<>();

    private DemoJourneyFixture() {
    }

    /** Imports the demo journey afresh; returns the snapshot to {@link #remove}. */
    public static UUID loadIfMissing(DemoJourneys demo, JdbcClient jdbc) {
        UUID before = currentDemoYear(jdbc);
        UUID loaded = demo.loadAgain("201");
        if (before != null) {
            SUPERSEDED.put(loaded, before);
        }
        return loaded;
    }

    private static UUID currentDemoYear(JdbcClient jdbc) {
        return TenantScope.asSystem(() -> jdbc.sql("""
                SELECT s.id FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id
                 WHERE la.urn = 80450 AND s.kind = 'SSD' AND s.superseded_at IS NULL
                 ORDER BY s.collection_year DESC, s.imported_at DESC LIMIT 1""").query(UUID.class).optional().orElse(null));
    }

    /** Removes a snapshot {@link #loadIfMissing} loaded, with its rows (they cascade), and makes current again what it superseded. */
    public static void remove(JdbcClient jdbc, UUID snapshot) {
        if (snapshot == null) {
            return;
        }
        TenantScope.asSystem(() -> {
            String year = jdbc.sql("SELECT collection_year FROM import_snapshot WHERE id = ?").param(snapshot).query(String.class).single();
            jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(snapshot).update();
            UUID before = SUPERSEDED.remove(snapshot);
            if (before != null) {
                jdbc.sql("UPDATE import_snapshot SET superseded_at = NULL WHERE id = ? AND collection_year = ?").params(before, year).update();
            }
        });
    }
}
