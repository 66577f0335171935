package org.oversight.support;

import java.util.UUID;

import org.oversight.childdata.demo.DemoJourneys;
import org.oversight.shared.db.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * City of London's demo whole-journey data for a test that needs some, left as the test found it: loaded only when the
 * LA has no whole-journey data, and then removed afterwards, so a test that imports its own journey for the LA (and
 * expects it to be the current one) sees the same database whichever test class ran first.
 */
public final class DemoJourneyFixture {

    private DemoJourneyFixture() {
    }

    /** Loads the demo journey when City of London has none; returns the snapshot to {@link #remove}, or null when it had one. */
    public static UUID loadIfMissing(DemoJourneys demo, JdbcClient jdbc) {
        if (!demo.loadIfMissing("201")) {
            return null;
        }
        return TenantScope.asSystem(() -> jdbc.sql("""
                SELECT s.id FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id
                 WHERE la.urn = 80450 AND s.kind IN ('SSD', 'CIN_CENSUS') ORDER BY s.imported_at DESC LIMIT 1""").query(UUID.class).single());
    }

    /** Removes a snapshot {@link #loadIfMissing} loaded, with its rows (they cascade); nothing when null. */
    public static void remove(JdbcClient jdbc, UUID snapshot) {
        if (snapshot != null) {
            TenantScope.asSystem(() -> jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(snapshot).update());
        }
    }
}
