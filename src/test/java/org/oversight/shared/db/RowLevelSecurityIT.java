package org.oversight.shared.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.compliance.ComplianceFixtures;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant isolation in PostgreSQL itself: every table with an la_id is isolated by row-level security unless it is
 * public; the application's role cannot bypass it; with the scope unset nothing is seen; an LA's user sees and writes
 * only its own LA's rows, whatever the SQL asks for.
 */
@SpringBootTest
class RowLevelSecurityIT extends IntegrationTest {

    /** Tables with an la_id that are public (register, published inspections, their uploads) or identity. */
    private static final List<String> PUBLIC = List.of("local_authority", "statistical_neighbour", "inspection_activity", "judgement",
            "finding", "source_document", "activity_history", "import_job", "app_user", "inspector_grant");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;

    @Test
    void everyLaPrivateTableIsIsolatedAndForcedEvenForItsOwner() {
        List<String> withLa = jdbc.sql("""
                SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t
                    ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                 WHERE c.table_schema = current_schema() AND c.column_name = 'la_id' ORDER BY 1""").query(String.class).list();
        assertThat(withLa).contains("child", "episode", "review", "care_leaver", "annex_a_child", "child_access", "improvement_plan");
        for (String table : withLa) {
            var flags = jdbc.sql("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = to_regclass(?)").param(table)
                    .query((rs, i) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)}).single();
            boolean policy = jdbc.sql("SELECT count(*) FROM pg_policies WHERE tablename = ? AND policyname = 'la_isolation'").param(table)
                    .query(Integer.class).single() == 1;
            if (PUBLIC.contains(table)) {
                assertThat(flags[0]).as("%s is public", table).isFalse();
            } else {
                assertThat(flags[0] && flags[1] && policy).as("%s has forced row-level security and its policy", table).isTrue();
            }
        }
    }

    @Test
    void theApplicationConnectsAsARoleThatCannotBypassRowLevelSecurity() {
        var role = jdbc.sql("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query((rs, i) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)}).single();
        assertThat(role[0]).as("superuser").isFalse();
        assertThat(role[1]).as("bypassrls").isFalse();
        boolean owner = jdbc.sql("SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'child'").query(Boolean.class).single();
        assertThat(owner).as("the application does not own the tables").isFalse();
    }

    @Test
    void withTheScopeUnsetNothingPrivateIsSeen() throws Exception {
        ComplianceFixtures.southwark(jdbc);
        assertThat(jdbc.sql("SELECT count(*) FROM child").query(Integer.class).single()).as("system scope here: rows exist").isPositive();
        try (Connection raw = DriverManager.getConnection(env.getProperty("spring.datasource.url"), env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password")); Statement s = raw.createStatement()) {
            for (String table : List.of("child", "episode", "review", "import_snapshot", "child_access")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("%s without a scope", table).isZero();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM local_authority")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the public register is still there").isGreaterThanOrEqualTo(153);
            }
        }
    }

    @Test
    @WithUserDetails("col.manager")
    void anLasUserSeesAndWritesOnlyItsOwnRowsWhateverTheQuery() {
        UUID southwark = TenantScope.asSystem(() -> ComplianceFixtures.southwark(jdbc));
        UUID city = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
        assertThat(TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM child WHERE la_id = ?").param(southwark).query(Integer.class).single()))
                .as("the system scope sees Southwark's children").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM child WHERE la_id = ?").param(southwark).query(Integer.class).single())
                .as("Southwark's children, asked for by a City of London manager").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM child WHERE la_id <> ?").param(city).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("UPDATE child SET ethnic = 'WBRI' WHERE la_id = ?").param(southwark).update()).as("nothing to update").isZero();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO child_access (la_id, child_ref, viewed_by, viewed_at, what) VALUES (?, 'X', 'me', now(), 'test')")
                .param(southwark).update()).rootCause().hasMessageContaining("row-level security");
        assertThat(jdbc.sql("INSERT INTO child_access (la_id, child_ref, viewed_by, viewed_at, what) VALUES (?, 'X', 'me', now(), 'test')")
                .param(city).update()).as("its own LA's row is written").isEqualTo(1);
    }
}
