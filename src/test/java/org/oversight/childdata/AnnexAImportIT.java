package org.oversight.childdata;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.access.Role;
import org.oversight.access.UserAccounts;
import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Kind;
import org.oversight.childdata.ssda903.SyntheticData;
import org.oversight.compliance.ComplianceMeasures;
import org.oversight.compliance.ComplianceService;
import org.oversight.compliance.RuleSettings;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SSDA903 return and Annex A workbook of one LA (Hackney, synthetic) into real PostgreSQL: visits, health,
 * pathway plans, teams and workers measured; Annex A snapshots supersede; a workbook for the wrong LA or with errors
 * changes nothing; an administrator's interval changes the measure.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnexAImportIT extends IntegrationTest {

    private static final int HACKNEY = 80496;

    @Autowired
    ChildDataImporter importer;
    @Autowired
    ComplianceService compliance;
    @Autowired
    ChildDataSnapshots snapshots;
    @Autowired
    ComplianceMeasures measures;
    @Autowired
    RuleSettings settings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;

    Map<String, byte[]> hackney;
    UUID la;

    @BeforeAll
    void data() throws IOException {
        accounts.upsert("hackney.manager", "Hackney test manager", encoder.encode(PASSWORD), Role.LA_MANAGER, HACKNEY, false);
        Path dir = Files.createTempDirectory("annex-a-it");
        SyntheticData.generate(SyntheticData.Scale.LA, 5, List.of("204"), dir);
        hackney = read(dir.resolve("204"));
        la = jdbc.sql("SELECT id FROM local_authority WHERE urn = ?").param(HACKNEY).query(UUID.class).single();
        if (snapshots.current(la, Kind.SSDA903).isEmpty()) {
            var outcome = importer.importReturn(HACKNEY, 2026, hackney, ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, true);
            assertThat(outcome.errors()).isEmpty();
            assertThat(outcome.annexASnapshotId()).isNotNull();
        }
    }

    private static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    @WithUserDetails(value = "hackney.manager", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void visitsHealthPathwayPlansTeamsAndWorkersAreMeasuredFromAnnexA() {
        var d = compliance.dashboard(la).orElseThrow();
        assertThat(d.annexA()).isNotNull();
        var visits = d.figure("CLA-VISIT");
        assertThat(visits.measured()).isEqualTo(d.inCare().size());
        assertThat(visits.overdue()).as("the synthetic data has some overdue visits").isPositive().isLessThan(visits.measured() / 3);
        assertThat(d.figure("CLA-HEALTH").measured()).isEqualTo(d.inCare().size());
        assertThat(d.figure("CL-PATHWAY-REVIEW").measured()).isEqualTo(d.careLeavers().size());
        assertThat(d.figure("CLA-PEP").measured()).as("not in the data").isZero();
        assertThat(d.teams()).extracting(ComplianceService.GroupFigure::name).contains("Children in Care Team 1", "Leaving Care Team 1")
                .doesNotContain("Not allocated");
        var team = compliance.team(la, "Children in Care Team 1");
        assertThat(team.children()).isNotEmpty().allSatisfy(c -> assertThat(c.team()).isEqualTo("Children in Care Team 1"));
        assertThat(team.workers()).extracting(ComplianceService.GroupFigure::name).allMatch(w -> w.startsWith("Social worker 1-"));
        assertThat(team.workers().stream().mapToInt(ComplianceService.GroupFigure::children).sum()).isEqualTo(team.children().size());
        var overdue = d.overdueChildren().getFirst();
        assertThat(overdue.overdueRules()).isNotEmpty();
        assertThat(overdue.rules().get(overdue.overdueRules().getFirst()).nextDueReason()).isNotBlank();
        var measured = measures.current(la, ComplianceMeasures.Key.VISITS_ON_TIME).orElseThrow();
        assertThat(measured.percent()).isEqualByComparingTo(BigDecimal.valueOf(visits.compliant() * 100.0 / visits.measured())
                .setScale(1, java.math.RoundingMode.HALF_UP));
    }

    @Test
    @WithUserDetails(value = "hackney.manager", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aNewerWorkbookSupersedesTheOldOneWithoutDeletingIt() {
        int before = jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND kind = 'ANNEX_A'").param(la).query(Integer.class).single();
        var outcome = importer.importReturn(HACKNEY, 2026, Map.of("annex-a.xlsx", hackney.get("annex-a.xlsx")),
                ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, false);
        assertThat(outcome.stored()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND kind = 'ANNEX_A'").param(la).query(Integer.class).single())
                .isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND kind = 'ANNEX_A' AND superseded_at IS NULL").param(la)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(snapshots.current(la, Kind.ANNEX_A).orElseThrow().id()).isEqualTo(outcome.annexASnapshotId());
        assertThat(jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND kind = 'SSDA903' AND superseded_at IS NULL").param(la)
                .query(Integer.class).single()).as("the return is untouched").isEqualTo(1);
    }

    @Test
    @WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void filesForTheWrongLaAreRefusedWholeAndNothingChanges() {
        int before = jdbc.sql("SELECT count(*) FROM import_snapshot").query(Integer.class).single();
        int islington = jdbc.sql("SELECT urn FROM local_authority WHERE la_code = '206'").query(Integer.class).single();
        var outcome = importer.importReturn(islington, 2026, hackney, ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, true);
        assertThat(outcome.stored()).isFalse();
        assertThat(outcome.errors().getFirst().ruleCode()).isEqualTo("OV-WRONG-LA");
        assertThat(outcome.errors().getFirst().message()).contains("Hackney").contains("Islington");
        var workbookOnly = importer.importReturn(islington, 2026, Map.of("annex-a.xlsx", hackney.get("annex-a.xlsx")),
                ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, true);
        assertThat(workbookOnly.stored()).isFalse();
        assertThat(workbookOnly.errors().getFirst().ruleCode()).isEqualTo("OV-WRONG-LA");
        assertThat(jdbc.sql("SELECT count(*) FROM import_snapshot").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    @WithUserDetails(value = "hackney.manager", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aWorkbookWithErrorsIsRejectedWholeAndTheCurrentDataStays() {
        UUID current = snapshots.current(la, Kind.ANNEX_A).orElseThrow().id();
        var outcome = importer.importReturn(HACKNEY, 2026, Map.of("annex-a.xlsx", "not a workbook".getBytes()),
                ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, false);
        assertThat(outcome.stored()).isFalse();
        assertThat(outcome.errors()).extracting(e -> e.ruleCode()).containsExactly("OV-AA-NOT-XLSX");
        assertThat(snapshots.current(la, Kind.ANNEX_A).orElseThrow().id()).isEqualTo(current);
    }

    @Test
    @WithUserDetails(value = "hackney.manager", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void onlyAnAdministratorChangesAnIntervalAndOnlyOnAConfigurableRule() {
        assertThatThrownBy(() -> settings.change("CLA-VISIT", "firstYear", "4", "WEEKS", "Local policy"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void anAdministratorsShorterVisitIntervalMakesMoreVisitsOverdueAndIsKeptWithItsReason() {
        assertThatThrownBy(() -> settings.change("CLA-REVIEW", "first", "10", "WORKING_DAYS", "Faster"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("follows the law");
        assertThatThrownBy(() -> settings.change("CLA-VISIT", "firstYear", "0", "WEEKS", ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("amount").hasMessageContaining("reason");
        assertThatThrownBy(() -> settings.change("HP-CP-VISIT", "visit", "900", "WORKING_DAYS", "Absurd"))
                .as("longer than two years is no local standard").isInstanceOf(InvalidInputException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> settings.change("HP-ICPC", "conference", "20", "WORKING_DAYS", "Slower"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("follows the law");
        var snapshot = snapshots.current(la, Kind.SSDA903).orElseThrow();
        long overdueBefore = jdbcFigure(snapshot);
        settings.change("CLA-VISIT", "firstYear", "2", "WEEKS", "Test: a stricter local standard");
        try {
            assertThat(settings.current().get("CLA-VISIT").interval("firstYear").words()).isEqualTo("2 weeks");
            assertThat(jdbcFigure(snapshot)).isGreaterThan(overdueBefore);
            assertThat(settings.history().getFirst().reason()).isEqualTo("Test: a stricter local standard");
            assertThat(settings.history().getFirst().changedBy()).isEqualTo("admin");
        } finally {
            settings.change("CLA-VISIT", "firstYear", "6", "WEEKS", "Test: back to the published interval");
        }
    }

    private long jdbcFigure(ChildDataSnapshots.Snapshot snapshot) {
        return compliance.overdueCount(snapshot, "CLA-VISIT");
    }
}
