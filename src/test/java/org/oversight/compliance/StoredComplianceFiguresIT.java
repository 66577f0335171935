package org.oversight.compliance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Kind;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Snapshot;
import org.oversight.childdata.ssda903.SyntheticData;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Compliance figures computed once per snapshot and stored: they are the figures computed from the data, a new
 * snapshot or a rule change replaces them in its own transaction (a reader meanwhile sees the whole old set, then the
 * whole new set), and one LA's stored figures are never read in another LA's scope.
 */
@SpringBootTest
class StoredComplianceFiguresIT extends IntegrationTest {

    /** Rutland and Hartlepool: LAs no other test gives child-level data. */
    private static final String A = "857";
    private static final String B = "805";

    @Autowired
    ChildDataImporter importer;
    @Autowired
    ComplianceFigures figures;
    @Autowired
    ComplianceService compliance;
    @Autowired
    ChildDataSnapshots snapshots;
    @Autowired
    RuleSettings settings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private UUID la(String code) {
        return jdbc.sql("SELECT id FROM local_authority WHERE la_code = ?").param(code).query(UUID.class).single();
    }

    private void importSynthetic(String code, long seed) throws Exception {
        Path dir = Files.createTempDirectory("oversight-stored-figures");
        SyntheticData.generate("la", seed, List.of(code), dir);
        assertThat(importer.importFolder(code, 2026, dir.resolve(code)).stored()).isTrue();
    }

    private void importedOnce(String code) throws Exception {
        if (TenantScope.asSystem(() -> snapshots.current(la(code), Kind.SSDA903)).isEmpty()) {
            TenantScope.asSystem(() -> {
                try {
                    importSynthetic(code, 1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** What a reader on another thread (another request) sees, waiting at most a minute. */
    private static <T> T meanwhile(Callable<T> read) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return other.submit(new DelegatingSecurityContextCallable<>(read)).get(60, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }

    /** The stored figures are what computing the LA's current data gives. */
    private void sameAsComputed(ComplianceFigures.Figures stored, UUID la) {
        Snapshot current = snapshots.current(la, Kind.SSDA903).orElseThrow();
        ComplianceFigures.Figures computed = ComplianceFigures.figures(compliance.compute(current), false);
        assertThat(stored.snapshot().id()).isEqualTo(current.id());
        assertThat(stored.figures()).isEqualTo(computed.figures());
        assertThat(stored.teams()).isEqualTo(computed.teams());
        assertThat(stored.overdueChildren()).isEqualTo(computed.overdueChildren());
        assertThat(stored.childrenInCare()).isEqualTo(computed.childrenInCare()).isPositive();
        assertThat(stored.careLeavers()).isEqualTo(computed.careLeavers());
    }

    @Test
    @WithUserDetails("admin")
    void aNewSnapshotReplacesTheStoredFiguresInItsTransactionAndAReaderMeanwhileSeesTheOldSet() throws Exception {
        UUID la = la(A);
        importSynthetic(A, 11);
        ComplianceFigures.Figures before = figures.current(la).orElseThrow();
        assertThat(before.stored()).as("computed when the snapshot was imported").isTrue();
        assertThat(before.overdueChildren()).isNotEmpty();
        sameAsComputed(before, la);

        Path next = Files.createTempDirectory("oversight-stored-figures");
        SyntheticData.generate("la", 12, List.of(A), next);
        ComplianceFigures.Figures during = new TransactionTemplate(transactions).execute(s -> {
            try {
                assertThat(importer.importFolder(A, 2026, next.resolve(A)).stored()).isTrue();
                // The new snapshot and its figures are written, not committed: another request sees the old set whole.
                return meanwhile(() -> figures.current(la).orElseThrow());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(during.stored()).isTrue();
        assertThat(during.snapshot().id()).isEqualTo(before.snapshot().id());
        assertThat(during.figures()).isEqualTo(before.figures());
        assertThat(during.overdueChildren()).isEqualTo(before.overdueChildren());

        ComplianceFigures.Figures after = figures.current(la).orElseThrow();
        assertThat(after.stored()).isTrue();
        assertThat(after.snapshot().id()).isNotEqualTo(before.snapshot().id());
        assertThat(after.overdueChildren()).as("another return, other children").isNotEqualTo(before.overdueChildren());
        sameAsComputed(after, la);
        assertThat(figures.trend(la)).as("the trend has both imports").hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(p -> assertThat(p.current()).isTrue());
    }

    @Test
    @WithUserDetails("admin")
    void aRuleChangeReplacesEveryLasFiguresInOneTransaction() throws Exception {
        importedOnce(A);
        importedOnce(B);
        UUID a = la(A);
        UUID b = la(B);
        figures.national(); // any LA whose stored figures are missing (a fixture's data, stored by SQL) is stored now
        List<ComplianceService.LaFigures> before = figures.national().stream().filter(f -> f.laId().equals(a) || f.laId().equals(b)).toList();
        assertThat(before).hasSize(2);
        try {
            List<ComplianceService.LaFigures> during = new TransactionTemplate(transactions).execute(s -> {
                settings.change("CLA-HEALTH", "fiveAndOver", "1", "MONTHS", "test: every LA's figures change at once");
                try {
                    return meanwhile(() -> figures.national().stream().filter(f -> f.laId().equals(a) || f.laId().equals(b)).toList());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(during).as("before the change commits, the old figures of both").isEqualTo(before);
            // Stored by the change itself, before any reader asks (a reader would recompute and store them too).
            String version = ComplianceFigures.version(settings.current());
            assertThat(jdbc.sql("SELECT count(*) FROM compliance_figures f WHERE la_id IN (?, ?) AND rules_version = ?").params(a, b, version)
                    .query(Integer.class).single()).as("stored with the new rules in the change's transaction").isEqualTo(2);
            List<ComplianceService.LaFigures> after = figures.national().stream().filter(f -> f.laId().equals(a) || f.laId().equals(b)).toList();
            for (int i = 0; i < 2; i++) {
                assertThat(after.get(i).health().compliant()).as("a health assessment every month: fewer on time")
                        .isLessThan(before.get(i).health().compliant());
                assertThat(after.get(i).reviewsCompliant()).as("reviews do not follow the health interval").isEqualTo(before.get(i).reviewsCompliant());
            }
        } finally {
            settings.change("CLA-HEALTH", "fiveAndOver", "12", "MONTHS", "test: back to the statutory interval");
        }
    }

    @Test
    @WithUserDetails("col.manager")
    void anotherLasStoredFiguresAreNeitherReadNorServed() throws Exception {
        importedOnce(A);
        UUID other = la(A);
        assertThat(TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM compliance_figures WHERE la_id = ?").param(other)
                .query(Integer.class).single())).as("the figures are stored").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM compliance_figures WHERE la_id = ?").param(other).query(Integer.class).single())
                .as("City of London's manager's scope: row-level security hides them").isZero();
        assertThat(figures.current(other)).as("read without the page's access check, still nothing").isEmpty();
        assertThatThrownBy(() -> compliance.openDashboard(other)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> figures.national()).isInstanceOf(AccessDeniedException.class);
    }
}
