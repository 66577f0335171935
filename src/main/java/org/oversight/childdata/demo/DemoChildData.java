package org.oversight.childdata.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.SyntheticData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.oversight.childdata.ChildDataImporter;
import org.springframework.util.FileSystemUtils;

/**
 * Demo child-level data: on first start, City of London gets the synthetic SSDA903 return and Annex A workbook of
 * {@code bin/oversight generate-data --scale la --la 201 --seed 2026}, imported as any upload would be, so that its
 * compliance dashboard, case audits and the young person's portal have children to show. Pseudonymous, generated
 * data: no real child. Runs after the register, demo accounts and demo activities are in place.
 */
@Component
@Order(35)
public class DemoChildData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoChildData.class);
    static final int CITY_OF_LONDON = 80450;
    static final String CITY_OF_LONDON_CODE = "201";
    static final long SEED = 2026;

    private final ChildDataImporter importer;
    private final JdbcClient jdbc;
    private final boolean enabled;

    DemoChildData(ChildDataImporter importer, JdbcClient jdbc, @Value("${oversight.demo.enabled:true}") boolean demo,
                  @Value("${oversight.demo.child-data:true}") boolean childData) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.enabled = demo && childData;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && !args.containsOption("oversight.cli")) {
            loadIfMissing();
        }
    }

    /** Imports the demo data for City of London unless it has child-level data already. Returns whether it did. */
    public boolean loadIfMissing() {
        return loadIfMissing(CITY_OF_LONDON, CITY_OF_LONDON_CODE);
    }

    /**
     * Imports City of London's demo return and workbook as a new import even when it has child-level data (the demo's
     * then become its current ones): for tests that need the demo data whatever other tests left. Returns the outcome,
     * with the new snapshots' ids.
     */
    public ChildDataImporter.Outcome loadAgain() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("oversight-demo-903");
            ChildDataImporter.Outcome outcome = importer.importFolder(CITY_OF_LONDON_CODE, CollectionYear.current().start().getYear(),
                    writeReturn(CITY_OF_LONDON_CODE, dir));
            if (!outcome.stored()) {
                throw new IllegalStateException("The demo return of City of London was not stored: " + outcome.errors());
            }
            return outcome;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Imports the demo data generated for {@code laCode} into the LA {@code urn} unless it has child-level data already. */
    public boolean loadIfMissing(int urn, String laCode) {
        boolean present = jdbc.sql("""
                SELECT count(*) FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id WHERE la.urn = ?""")
                .param(urn).query(Integer.class).single() > 0;
        if (present) {
            return false;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("oversight-demo-903");
            ChildDataImporter.Outcome outcome = importer.importFolder(laCode, CollectionYear.current().start().getYear(), writeReturn(laCode, dir));
            if (!outcome.stored()) {
                log.warn("Demo child-level data for LA {} was not stored: {} errors, first: {}", laCode, outcome.errors().size(),
                        outcome.errors().isEmpty() ? "none" : outcome.errors().getFirst());
                return false;
            }
            log.info("Demo child-level data for LA {} loaded: {} rows (synthetic, seed {})", laCode, outcome.accepted(), SEED);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Whether the LA is the one whose demo SSDA903 return this loads on first start (its demo journey then holds the same children). */
    static boolean hasDemoReturn(String laCode) {
        return CITY_OF_LONDON_CODE.equals(laCode);
    }

    /** Writes the LA's demo SSDA903 return and Annex A workbook (seed {@value #SEED}) under {@code dir}; returns the LA's folder. */
    static Path writeReturn(String laCode, Path dir) {
        SyntheticData.generate(SyntheticData.Scale.LA, SEED, List.of(laCode), dir);
        return dir.resolve(laCode);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            log.debug("Could not remove {}", dir, e);
        }
    }
}
