package org.oversight.shared.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.oversight.compliance.ComplianceFixtures;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: a pooled connection remembers the tenant scope it last entered, and a checkout for that same scope runs no
 * statement. Whatever order the scopes come in, every checkout must still see exactly the scope it was taken for (what
 * PostgreSQL's policies read, {@code oversight_visible_la()}), and the rows of that scope only.
 */
@SpringBootTest
class TenantScopeReuseIT extends IntegrationTest {

    private static final String ALL = "00000000-0000-0000-0000-000000000000";
    private static final String NOTHING = "ffffffff-ffff-ffff-ffff-ffffffffffff";

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCheckoutSeesTheScopeItWasTakenForInAnyOrder() {
        UUID city = jdbc.sql("SELECT id FROM local_authority WHERE name = 'City of London'").query(UUID.class).single();
        UUID southwark = TenantScope.asSystem(() -> ComplianceFixtures.southwark(jdbc));
        List<String> seen = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        // Same scope again and again, then changes in every direction: LA to LA, LA to all, all to LA, to none and back.
        String[] order = {"city", "city", "city", "southwark", "city", "system", "system", "city", "none", "southwark", "system", "none",
                "none", "southwark", "southwark", "city"};
        for (String step : order) {
            switch (step) {
                case "city" -> { seen.add(TenantScope.asLa(city, () -> visible())); expected.add(city.toString()); }
                case "southwark" -> { seen.add(TenantScope.asLa(southwark, () -> visible())); expected.add(southwark.toString()); }
                case "system" -> { seen.add(TenantScope.asSystem(() -> visible())); expected.add(ALL); }
                default -> { seen.add(visibleIn(TenantScope.NONE)); expected.add(NOTHING); }
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected);

        // And the rows follow: an LA's checkout right after the other LA's counts only its own children.
        int cityChildren = TenantScope.asSystem(() -> count("SELECT count(*) FROM child WHERE la_id = '" + city + "'"));
        int southwarkChildren = TenantScope.asSystem(() -> count("SELECT count(*) FROM child WHERE la_id = '" + southwark + "'"));
        assertThat(southwarkChildren).as("the fixture gives Southwark children").isPositive();
        for (int i = 0; i < 3; i++) {
            assertThat(TenantScope.asLa(city, () -> count("SELECT count(*) FROM child"))).isEqualTo(cityChildren);
            assertThat(TenantScope.asLa(southwark, () -> count("SELECT count(*) FROM child"))).isEqualTo(southwarkChildren);
        }
    }

    @Test
    void aCheckoutInTheScopeItsConnectionIsAlreadyInRunsNoStatement() {
        UUID southwark = TenantScope.asSystem(() -> ComplianceFixtures.southwark(jdbc));
        TenantScopedDataSource scoped = (TenantScopedDataSource) dataSource;
        TenantScope.asLa(southwark, () -> visible());
        long before = scoped.scopesEntered();
        for (int i = 0; i < 20; i++) {
            assertThat(TenantScope.asLa(southwark, () -> visible())).isEqualTo(southwark.toString());
        }
        // One thread taking connections one after another gets the one it just gave back (Hikari keeps a thread's
        // recent connections first); background work may take another now and then, so allow a few entries, not 20.
        assertThat(scoped.scopesEntered() - before).as("scopes entered for 20 checkouts in one scope").isLessThanOrEqualTo(4);
    }

    private String visible() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT oversight_visible_la()::text")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In no scope at all (a web request with nobody signed in). */
    private String visibleIn(TenantScope none) {
        Supplier<String> read = this::visible;
        return TenantScope.as(none, read);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
