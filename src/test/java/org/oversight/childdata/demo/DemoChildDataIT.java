package org.oversight.childdata.demo;

import org.junit.jupiter.api.Test;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo child-level data is the generated return and Annex A workbook, imported once, cleanly. */
@SpringBootTest
class DemoChildDataIT extends IntegrationTest {

    @Autowired
    DemoChildData demo;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoReturnAndWorkbookAreImportedOnceWithoutErrors() {
        int camden = jdbc.sql("SELECT urn FROM local_authority WHERE la_code = '202'").query(Integer.class).single();
        assertThat(demo.loadIfMissing(camden, "202")).isTrue();
        assertThat(jdbc.sql("""
                SELECT string_agg(kind || ':' || rows_rejected, ',' ORDER BY kind) FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id
                 WHERE la.urn = ? AND superseded_at IS NULL""").param(camden).query(String.class).single())
                .isEqualTo("ANNEX_A:0,SSDA903:0");
        assertThat(demo.loadIfMissing(camden, "202")).as("already there: not loaded again").isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id WHERE la.urn = ?")
                .param(camden).query(Integer.class).single()).isEqualTo(2);
    }
}
