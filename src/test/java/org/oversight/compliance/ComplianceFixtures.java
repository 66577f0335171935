package org.oversight.compliance;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Public door to {@link ComplianceFixture} for tests in other packages. */
public final class ComplianceFixtures {

    private ComplianceFixtures() {
    }

    public static UUID southwark(JdbcClient jdbc) {
        UUID la = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80514").query(UUID.class).single();
        boolean present = jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND superseded_at IS NULL").param(la)
                .query(Integer.class).single() > 0;
        return present ? la : ComplianceFixture.southwark(jdbc, null);
    }
}
