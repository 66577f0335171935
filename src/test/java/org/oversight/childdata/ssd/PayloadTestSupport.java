package org.oversight.childdata.ssd;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.oversight.support.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the payload ITs share: City of London's children endpoint, its manager signed in through the form, a token made
 * on the page, and the four sample children purged before each test and any snapshot a payload made removed after it.
 */
abstract class PayloadTestSupport extends HttpTest {

    static final String COL = "/api/v1/local-authorities/80450/children";
    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\">([^<]+)<");

    @Autowired
    protected JdbcClient jdbc;

    protected <T> T db(java.util.function.Supplier<T> q) {
        return TenantScope.asSystem(q);
    }

    protected Session manager() {
        Session s = new Session(port);
        assertThat(s.signIn("col.manager", PASSWORD).status()).isEqualTo(302);
        return s;
    }

    /** A manager signed in through the form makes a token on the page; the page shows it once. */
    protected String makeToken(Session manager, String name) {
        manager.get("/local-authorities/80450/api-tokens");
        Http.Response made = manager.post("/local-authorities/80450/api-tokens", "name", name);
        assertThat(made.status()).isEqualTo(200);
        Matcher m = NEW_TOKEN.matcher(made.body());
        assertThat(m.find()).as("the new token is on the page").isTrue();
        return m.group(1);
    }

    @BeforeEach
    void noPayloadChildrenYet() {
        String purge = """
                {"la_code": 201, "Children": [{"la_child_id": "CSCAPI-001", "purge": true}, {"la_child_id": "CSCAPI-002", "purge": true},
                  {"la_child_id": "CSCAPI-003", "purge": true}, {"la_child_id": "CSCAPI-004", "purge": true}]}""";
        assertThat(http.post(COL, purge, "col.manager").status()).isEqualTo(200);
    }

    /**
     * A payload for an LA without whole-journey data makes it a snapshot of today's year: removed after each test, so
     * tests that run later in the same database find City of London's journey data as they left it.
     */
    @AfterEach
    void noSnapshotMadeByAPayloadOutlivesTheTest() {
        db(() -> jdbc.sql("""
                DELETE FROM import_snapshot WHERE la_id = (SELECT id FROM local_authority WHERE urn = 80450) AND source = ?""")
                .param(CscPayloadImporter.SOURCE).update());
    }
}
