package org.oversight.compliance.protection;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.demo.DemoJourneys;
import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.journey.ChildJourneys.JourneySnapshot;
import org.oversight.compliance.RuleSettings;
import org.oversight.compliance.protection.FrontDoor.Measure;
import org.oversight.compliance.protection.FrontDoor.Period;
import org.oversight.compliance.protection.FrontDoor.Result;
import org.oversight.compliance.protection.FrontDoor.Summary;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.DemoJourneyFixture;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Front-door figures computed once per whole-journey snapshot and stored (issues 15 and 17): stored as soon as a
 * snapshot is, equal to the figures computed from its rows, one row per snapshot (a new snapshot never mixes with the
 * old), computed again under a changed interval, and never read in another LA's scope.
 */
@SpringBootTest
class StoredFrontDoorFiguresIT extends IntegrationTest {

    @Autowired
    DemoJourneys demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChildJourneys journeys;
    @Autowired
    FrontDoors frontDoors;
    @Autowired
    FrontDoorFigures figures;
    @Autowired
    HelpAndProtection protection;
    @Autowired
    RuleSettings settings;
    @Autowired
    JsonMapper json;

    private UUID first;
    private UUID second;

    @AfterEach
    void removeWhatThisTestLoaded() {
        DemoJourneyFixture.remove(jdbc, second);
        DemoJourneyFixture.remove(jdbc, first);
    }

    private UUID la(int urn) {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM local_authority WHERE urn = ?").param(urn).query(UUID.class).single());
    }

    private String storedVersion(UUID snapshot) {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT rules_version FROM front_door_figures WHERE snapshot_id = ?").param(snapshot)
                .query(String.class).optional().orElse(null));
    }

    private Summary stored(UUID snapshot) {
        return json.readValue(TenantScope.asSystem(() -> jdbc.sql("SELECT figures::text FROM front_door_figures WHERE snapshot_id = ?")
                .param(snapshot).query(String.class).single()), Summary.class);
    }

    private Summary computed(UUID laId) {
        JourneySnapshot s = TenantScope.asSystem(() -> journeys.current(laId)).orElseThrow();
        var view = TenantScope.asSystem(() -> frontDoors.compute(s, Period.yearTo(s.asOf())));
        return view.result().summary(view.findings());
    }

    @Test
    void storedWhenTheSnapshotIsAndEqualToTheFiguresOfItsRows() {
        first = DemoJourneyFixture.loadIfMissing(demo, jdbc);
        UUID col = la(80450);
        assertThat(storedVersion(first)).as("stored right after the import committed, under the rules in force").isEqualTo(frontDoors.version());
        Summary stored = stored(first);
        assertThat(stored).isEqualTo(computed(col));
        assertThat(stored.figure(Measure.CONTACTS, Result.all()).total()).as("the demo journey has contacts in its year").isPositive();
        FrontDoorFigures.Stored read = TenantScope.asSystem(() -> figures.current(col)).orElseThrow();
        assertThat(read.stored()).as("a reader reads them as stored").isTrue();
        assertThat(read.snapshot().id()).isEqualTo(first);

        // a new snapshot has its own figures; the old snapshot's stay whole under its own key
        second = DemoJourneyFixture.loadIfMissing(demo, jdbc);
        assertThat(second).isNotEqualTo(first);
        assertThat(storedVersion(second)).isEqualTo(frontDoors.version());
        FrontDoorFigures.Stored after = TenantScope.asSystem(() -> figures.current(col)).orElseThrow();
        assertThat(after.snapshot().id()).as("readers move to the new snapshot's figures at once").isEqualTo(second);
        assertThat(after.stored()).isTrue();
        assertThat(stored(first)).as("the superseded snapshot's figures are untouched").isEqualTo(stored);
    }

    @Test
    @WithUserDetails("admin")
    void aChangedIntervalMakesTheStoredFiguresComputedAgain() {
        first = DemoJourneyFixture.loadIfMissing(demo, jdbc);
        UUID col = la(80450);
        String before = frontDoors.version();
        long inTimeBefore = stored(first).figure(Measure.CP_VISITS_IN_TIME, Result.all()).hits();
        try {
            settings.change(ProtectionTimescales.CP_VISIT, "visit", "3", "WORKING_DAYS", "test: a stricter local standard");
            assertThat(frontDoors.version()).isNotEqualTo(before);
            FrontDoorFigures.Stored read = figures.current(col).orElseThrow();
            assertThat(read.summary().figure(Measure.CP_VISITS_IN_TIME, Result.all()).hits())
                    .as("visits every 3 working days: fewer in time than every 10").isLessThan(inTimeBefore);
            assertThat(read.summary()).isEqualTo(computed(col));
            assertThat(storedVersion(first)).as("stored again under the new rules (by the reader or the refresh after the change)")
                    .isEqualTo(frontDoors.version());
        } finally {
            settings.change(ProtectionTimescales.CP_VISIT, "visit", "10", "WORKING_DAYS", "test: back to the common default");
        }
        FrontDoorFigures.Stored back = figures.current(col).orElseThrow();
        assertThat(back.summary().figure(Measure.CP_VISITS_IN_TIME, Result.all()).hits()).isEqualTo(inTimeBefore);
    }

    @Test
    @WithUserDetails("col.manager")
    void anotherLasStoredFiguresAreNeitherReadNorServed() {
        second = TenantScope.asSystem(() -> demo.loadAgain("857")); // Rutland: a journey no other test gives
        UUID rutland = la(80547);
        assertThat(storedVersion(second)).as("Rutland's figures are stored").isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM front_door_figures WHERE la_id = ?").param(rutland).query(Integer.class).single())
                .as("City of London's manager's scope: row-level security hides them").isZero();
        assertThat(figures.current(rutland)).as("read without the page's access check, still nothing").isEmpty();
        assertThatThrownBy(() -> protection.headline(rutland, null, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(protection::national).isInstanceOf(AccessDeniedException.class);
    }
}
