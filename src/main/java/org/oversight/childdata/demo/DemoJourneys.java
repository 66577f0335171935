package org.oversight.childdata.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.SyntheticJourneys;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.db.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo whole-journey data: on first start, City of London, two of its statistical neighbours and one LA of each other
 * region get a synthetic SSD extract (contacts, early help, referrals, assessments, section 47 enquiries,
 * conferences, CIN and CP plans and visits, step-downs, workers and teams) for the 12 months to yesterday, imported as
 * any upload would be, so that the front door, step-downs and England's figures by region have data to show. Sized
 * from each LA's population aged 0 to 25. City of London's also holds the children of its demo SSDA903 return
 * ({@link DemoChildData}) under the same ids, so its looked-after children's journeys begin before their care.
 * Pseudonymous, generated data: no real child.
 */
@Component
@Order(36)
public class DemoJourneys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoJourneys.class);
    static final long SEED = 2026;

    private final SyntheticJourneys journeys;
    private final LocalAuthorities localAuthorities;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean enabled;
    private final List<String> laCodes;

    DemoJourneys(SyntheticJourneys journeys, LocalAuthorities localAuthorities, JdbcClient jdbc, Clock clock,
                 @Value("${oversight.demo.enabled:true}") boolean demo, @Value("${oversight.demo.child-data:true}") boolean childData,
                 @Value("${oversight.demo.journey-las:201,202,205,391,341,383,892,330,873,886,801}") String laCodes) {
        this.journeys = journeys;
        this.localAuthorities = localAuthorities;
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = demo && childData;
        this.laCodes = Arrays.stream(laCodes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && !args.containsOption("oversight.cli")) {
            laCodes.forEach(this::loadIfMissing);
        }
    }

    /** How many children a demo LA's extract holds: about one for each 800 of its people aged 0 to 25, 60 to 400. */
    static int children(Integer population0to25) {
        return population0to25 == null ? 100 : Math.clamp(population0to25 / 800, 60, 400);
    }

    /**
     * Imports the LA's demo journey as a new import even when it has whole-journey data (the demo's year then becomes
     * its current one): for tests that need the demo data whatever other tests left. Returns the new snapshot's id.
     */
    public java.util.UUID loadAgain(String laCode) {
        LocalAuthority la = localAuthorities.findByLaCode(laCode).orElseThrow(() -> new IllegalArgumentException("No LA has the code " + laCode));
        ChildDataImporter.Outcome outcome = load(la);
        if (!outcome.stored()) {
            throw new IllegalStateException("The demo journey of " + la.name() + " was not stored: " + outcome.errors());
        }
        return outcome.snapshotId();
    }

    /**
     * The LA's demo journey for the 12 months to yesterday: its own children and, for the LA with a demo SSDA903 return
     * (City of London), that return's children under the same ids, as {@code generate-data} writes them: each child
     * looked after with an episode of need that began before their care, each care leaver as a person.
     */
    private ChildDataImporter.Outcome load(LocalAuthority la) {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        if (!DemoChildData.hasDemoReturn(la.laCode())) {
            return journeys.load(la, children(la.population0to25()), SEED, yesterday);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("oversight-demo-903");
            return journeys.load(la, children(la.population0to25()), SEED, yesterday, DemoChildData.writeReturn(la.laCode(), dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            SyntheticJourneys.delete(dir);
        }
    }

    /** Imports the LA's demo journey unless it has whole-journey data already. Returns whether it did. */
    public boolean loadIfMissing(String laCode) {
        LocalAuthority la = localAuthorities.findByLaCode(laCode).orElse(null);
        if (la == null) {
            log.warn("Demo journey: no LA has the code {}", laCode);
            return false;
        }
        boolean present = TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND kind IN ('SSD', 'CIN_CENSUS')")
                .param(la.id()).query(Integer.class).single() > 0);
        if (present) {
            return false;
        }
        int children = children(la.population0to25());
        ChildDataImporter.Outcome outcome = load(la);
        if (!outcome.stored()) {
            log.warn("Demo journey for {} was not stored: {} errors, first: {}", la.name(), outcome.errors().size(),
                    outcome.errors().isEmpty() ? "none" : outcome.errors().getFirst());
            return false;
        }
        log.info("Demo whole-journey data for {} loaded: {} children of its own{}, {} rows (synthetic, seed {})", la.name(), children,
                DemoChildData.hasDemoReturn(laCode) ? " and those of its demo SSDA903 return" : "", outcome.accepted(), SEED);
        return true;
    }
}
