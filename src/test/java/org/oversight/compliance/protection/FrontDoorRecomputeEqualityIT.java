package org.oversight.compliance.protection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.SyntheticJourneys;
import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.journey.ChildJourneys.JourneySnapshot;
import org.oversight.compliance.protection.FrontDoor.Figure;
import org.oversight.compliance.protection.FrontDoor.Period;
import org.oversight.compliance.protection.FrontDoor.Result;
import org.oversight.compliance.protection.HelpAndProtection.View;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.calendar.WorkingDayCalendar;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help-and-protection recompute gives the same answers however fast it is made (issue 17, performance): the
 * synthetic whole journeys of four LAs (seeded, as {@code bench-protection} generates them) are imported, read back
 * and computed by the production path ({@link FrontDoors}: rows, clocks, front door), and every clock, finding, fact,
 * step-down and caseload is compared with what the code computed before its reading and counting were rewritten for
 * speed, kept in {@value #FIXTURE}: each LA's figures in words and a SHA-256 of everything, in order. Run with
 * {@code -Doversight.front-door-fixture.write=true} to write the file again (only when a figure is meant to change). The same
 * figures are computed again from the rows read whole ({@link ChildJourneys.Reading#WHOLE}), so a field the front door
 * comes to use that its own reading leaves out fails here.
 */
@SpringBootTest
class FrontDoorRecomputeEqualityIT extends IntegrationTest {

    static final String FIXTURE = "src/test/resources/org/oversight/compliance/protection/front-door-recompute.txt";
    /** LA code, children, seed: LAs no other test loads, of different sizes and seeds. */
    private static final List<Object[]> CASES = List.of(new Object[] {"830", 900, 2026L}, new Object[] {"926", 600, 17L},
            new Object[] {"359", 400, 99L}, new Object[] {"873", 250, 7L});

    @Autowired
    SyntheticJourneys synthetic;
    @Autowired
    LocalAuthorities localAuthorities;
    @Autowired
    ChildJourneys journeys;
    @Autowired
    FrontDoors frontDoors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDayCalendar calendar;

    private final List<UUID> loaded = new ArrayList<>();
    private final Map<UUID, UUID> superseded = new LinkedHashMap<>();

    @AfterEach
    void removeWhatThisTestLoaded() {
        TenantScope.asSystem(() -> {
            for (UUID id : loaded) {
                jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(id).update();
            }
            superseded.forEach((mine, before) -> jdbc.sql("UPDATE import_snapshot SET superseded_at = NULL WHERE id = ?").param(before).update());
        });
    }

    @Test
    void everyClockFactAndFigureIsWhatTheCodeBeforeTheSpeedUpComputed() throws Exception {
        LocalDate reference = LocalDate.of(2026, 3, 31);
        List<JourneySnapshot> snapshots = new ArrayList<>();
        for (Object[] c : CASES) {
            LocalAuthority la = localAuthorities.findByLaCode((String) c[0]).orElseThrow();
            UUID before = TenantScope.asSystem(() -> journeys.current(la.id())).map(JourneySnapshot::id).orElse(null);
            ChildDataImporter.Outcome outcome = synthetic.load(la, (Integer) c[1], (Long) c[2], reference);
            assertThat(outcome.stored()).as(la.name() + " imported: " + outcome.errors()).isTrue();
            JourneySnapshot s = TenantScope.asSystem(() -> journeys.current(la.id())).orElseThrow();
            loaded.add(s.id());
            if (before != null && !before.equals(s.id())) {
                superseded.put(s.id(), before);
            }
            snapshots.add(s);
        }
        // all four at once, as the national picture and the benchmark read them (one query per table for the batch)
        List<View> views = TenantScope.asSystem(() -> frontDoors.computeAll(snapshots, s -> Period.yearTo(s.asOf())));
        StringBuilder text = new StringBuilder("# LA code, children, seed: the figures (hits/total per measure), then a SHA-256 of every clock, finding,\n"
                + "# fact, step-down and caseload in order, as computed before the recompute was made faster. Written by\n"
                + "# FrontDoorRecomputeEqualityIT with -Doversight.front-door-fixture.write=true.\n");
        for (int i = 0; i < CASES.size(); i++) {
            Object[] c = CASES.get(i);
            View view = views.get(i);
            Result result = view.result();
            assertThat(result.facts()).as("the synthetic journey of " + c[0] + " has front-door facts").isNotEmpty();
            assertThat(view.evaluation().occurrences()).isNotEmpty();
            text.append(c[0]).append(' ').append(c[1]).append(' ').append(c[2]).append(" as of ").append(view.snapshot().asOf()).append('\n');
            for (Figure f : result.figures(Result.all())) {
                text.append("  ").append(f.measure()).append(' ').append(f.hits()).append('/').append(f.total()).append('\n');
            }
            text.append("  clocks ").append(view.evaluation().occurrences().size()).append(", findings ").append(view.findings().size())
                    .append(", facts ").append(result.facts().size()).append(", step-downs ").append(result.stepDowns().size())
                    .append(", caseloads ").append(result.caseloads().size()).append('\n');
            text.append("  sha256 ").append(digest(view)).append('\n');
        }
        // the rows read whole give the same answers: the clocks and the front door use no field their own reading leaves out
        Map<UUID, ChildJourneys.Journey> whole = TenantScope.asSystem(() -> journeys.journeys(snapshots.stream().map(JourneySnapshot::id).toList(),
                ChildJourneys.Reading.WHOLE));
        FrontDoor frontDoor = new FrontDoor(calendar, frontDoors.stepDownReasons(), frontDoors.stepDownWorkingDays());
        for (int i = 0; i < CASES.size(); i++) {
            JourneySnapshot s = snapshots.get(i);
            ChildJourneys.Journey journey = whole.get(s.id());
            assertThat(journey.persons()).as("a whole reading has the persons").isNotEmpty();
            ProtectionTimescales.Evaluation evaluation = frontDoors.evaluate(journey, s.asOf());
            Period period = Period.yearTo(s.asOf());
            View fromWhole = new View(s.laId(), s, period, evaluation, frontDoor.compute(journey, evaluation, period, s.asOf()),
                    frontDoors.stepDownWorkingDays());
            assertThat(digest(fromWhole)).as(CASES.get(i)[0] + " from the rows read whole").isEqualTo(digest(views.get(i)));
        }
        Path fixture = Path.of(FIXTURE);
        if (Boolean.getBoolean("oversight.front-door-fixture.write")) {
            Files.createDirectories(fixture.getParent());
            Files.writeString(fixture, text.toString());
        }
        assertThat(fixture).as("the committed fixture (write it with -Doversight.front-door-fixture.write=true)").exists();
        assertThat(text.toString()).isEqualTo(Files.readString(fixture));
    }

    /** Everything computed, in order, as text (records print every field), hashed. */
    private static String digest(View view) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        java.util.function.Consumer<Object> add = o -> sha.update((o + "\n").getBytes(StandardCharsets.UTF_8));
        view.evaluation().occurrences().forEach(add);
        view.findings().forEach(add);
        Result result = view.result();
        result.facts().forEach(add);
        result.stepDowns().forEach(add);
        add.accept(result.caseloads());
        add.accept(result.workers());
        add.accept(result.summary(view.findings()));
        return HexFormat.of().formatHex(sha.digest());
    }
}
