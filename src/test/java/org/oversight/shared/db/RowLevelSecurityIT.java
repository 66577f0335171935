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
    private static final List<String> PUBLIC = DatabaseSafety.PUBLIC_TABLES;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;
    @Autowired
    javax.sql.DataSource dataSource;

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

    @Test
    void theEmbeddedDatabasePassesTheStartUpChecks() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(DatabaseSafety.application(c, "oversight_app")).isEmpty();
        }
    }

    /**
     * Issue 13: someone with only the application role's password logs in and tries every way to a scope that would
     * show other LAs' rows: the old setting, a made-up proof, a proof made for another session, a table of their own
     * under the session table's name, the key itself and the owner's helper. Nothing private shows; the signed scope,
     * entered properly, does (so the refusals are not a scope that never works).
     */
    @Test
    void theApplicationRolesPasswordAloneCannotGiveItselfAScope() throws Exception {
        UUID southwark = TenantScope.asSystem(() -> ComplianceFixtures.southwark(jdbc));
        int children = TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM child WHERE la_id = ?").param(southwark).query(Integer.class).single());
        assertThat(children).isPositive();
        byte[] key;
        try (Connection owner = DriverManager.getConnection(env.getProperty("spring.flyway.url"), env.getProperty("spring.flyway.user"),
                env.getProperty("spring.flyway.password")); Statement s = owner.createStatement(); ResultSet rs = s.executeQuery("SELECT key FROM oversight_scope_key")) {
            rs.next();
            key = rs.getBytes(1);
        }
        try (Connection a = appLogin(); Connection b = appLogin(); Statement s = a.createStatement()) {
            s.execute("SET oversight.scope = 'system'");
            s.execute("SET oversight.la_id = '" + southwark + "'");
            assertThat(count(a, "child")).as("the old setting opens nothing").isZero();

            assertThatThrownBy(() -> enter(a, "system", null, new byte[32])).hasMessageContaining("no tenant-scope challenge");
            String challengeA = challenge(a);
            assertThatThrownBy(() -> enter(a, "system", null, new byte[32])).hasMessageContaining("not signed by this Oversight server");
            assertThatThrownBy(() -> enter(a, "la", southwark, ScopeSigner.hmac(new byte[32], ScopeSigner.message(challengeA, TenantScope.la(southwark)))))
                    .as("signed with another key").hasMessageContaining("not signed");
            challenge(b);
            byte[] proofForA = ScopeSigner.hmac(key, ScopeSigner.message(challengeA, TenantScope.SYSTEM));
            assertThatThrownBy(() -> enter(b, "system", null, proofForA)).as("a proof seen in another session").hasMessageContaining("not signed");
            assertThatThrownBy(() -> enter(a, "la", southwark, proofForA)).as("a proof of another scope").hasMessageContaining("not signed");
            assertThat(count(a, "child")).isZero();
            assertThat(count(b, "child")).isZero();

            assertThatThrownBy(() -> count(a, "oversight_scope_key")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("SELECT oversight_enter_scope_as_owner('system')")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("UPDATE pg_temp.oversight_session_scope SET scope = 'system'")).hasMessageContaining("permission denied");

            // The proof made with the key, for this session's challenge: the positive control.
            enter(a, "system", null, proofForA);
            assertThat(count(a, "child")).as("signed by the server: every LA").isGreaterThanOrEqualTo(children);
            String again = challenge(a);
            assertThat(count(a, "child")).as("a new challenge drops the scope").isZero();
            enter(a, "la", southwark, ScopeSigner.hmac(key, ScopeSigner.message(again, TenantScope.la(southwark))));
            assertThat(count(a, "child")).as("one LA").isEqualTo(children);
        }
        try (Connection c = appLogin(); Statement s = c.createStatement()) {
            // A session table of its own (this embedded database lets PUBLIC create temporary tables; the runbook's does not).
            s.execute("CREATE TEMPORARY TABLE oversight_session_scope (challenge TEXT, scope TEXT, la_id UUID)");
            s.execute("INSERT INTO pg_temp.oversight_session_scope VALUES ('x', 'system', NULL)");
            assertThat(count(c, "child")).as("a session table the session made itself counts for nothing").isZero();
            assertThatThrownBy(() -> challenge(c)).hasMessageContaining("not made by Oversight");
        }
    }

    private Connection appLogin() throws Exception {
        return DriverManager.getConnection(env.getProperty("spring.datasource.url"), env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"));
    }

    private static int count(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String challenge(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT oversight_scope_challenge()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void enter(Connection c, String scope, UUID la, byte[] proof) throws Exception {
        try (var ps = c.prepareStatement("SELECT oversight_enter_scope(?, ?::uuid, ?)")) {
            ps.setString(1, scope);
            ps.setString(2, la == null ? null : la.toString());
            ps.setBytes(3, proof);
            ps.execute();
        }
    }
}
