package org.oversight.compliance;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Review compliance from a small snapshot of Southwark's return, stored in real PostgreSQL. */
@SpringBootTest
class ComplianceIT extends IntegrationTest {

    @Autowired
    ComplianceService compliance;
    @Autowired
    JdbcClient jdbc;
    UUID la;

    @BeforeEach
    void snapshot() {
        la = ComplianceFixture.southwark(jdbc, compliance);
    }

    @Test
    @WithUserDetails("southwark.manager")
    void eachChildsReviewsAreMeasuredAtTheEndOfTheCollectionYear() {
        var dashboard = compliance.dashboard(la).orElseThrow();
        assertThat(dashboard.snapshot().asOf()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(dashboard.inCare()).extracting(ComplianceService.ChildRecord::childRef).containsExactlyInAnyOrder("A1", "B2");
        var a1 = dashboard.inCare().stream().filter(r -> r.childRef().equals("A1")).findFirst().orElseThrow();
        assertThat(a1.rule("CLA-REVIEW").nextDue()).isEqualTo(LocalDate.of(2024, 4, 18));
        assertThat(a1.rule("CLA-REVIEW").compliant()).isTrue();
        var b2 = dashboard.inCare().stream().filter(r -> r.childRef().equals("B2")).findFirst().orElseThrow();
        assertThat(b2.lookedAfterFrom()).as("a placement change does not restart the period of care").isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(b2.rule("CLA-REVIEW").history().getFirst().due()).isEqualTo(LocalDate.of(2023, 6, 29));
        assertThat(b2.rule("CLA-REVIEW").history().getFirst().daysLate()).isEqualTo(11);
        assertThat(b2.rule("CLA-REVIEW").nextDue()).isEqualTo(LocalDate.of(2024, 4, 5));
        assertThat(dashboard.figure("CLA-REVIEW").compliant()).isEqualTo(1);
        assertThat(dashboard.figure("CL-KEEPING-IN-TOUCH").compliant()).isEqualTo(1);
        assertThat(dashboard.figure("CLA-VISIT").measured()).as("no Annex A: visits not known").isZero();
        assertThat(dashboard.figure("CLA-VISIT").unknown()).isEqualTo(2);
    }

    @Test
    @WithUserDetails("southwark.manager")
    void viewingAChildIsLogged() {
        int before = jdbc.sql("SELECT count(*) FROM child_access WHERE child_ref = 'A1'").query(Integer.class).single();
        assertThat(compliance.child(la, "A1").childRef()).isEqualTo("A1");
        assertThat(jdbc.sql("SELECT count(*) FROM child_access WHERE child_ref = 'A1' AND viewed_by = 'southwark.manager'").query(Integer.class).single())
                .isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails("col.manager")
    void anotherLasManagerSeesNoChild() {
        assertThatThrownBy(() -> compliance.dashboard(la)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> compliance.child(la, "A1")).isInstanceOf(AccessDeniedException.class);
    }
}
