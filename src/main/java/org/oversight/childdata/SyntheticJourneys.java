package org.oversight.childdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.oversight.childdata.cin.SyntheticCinCensus;
import org.oversight.childdata.ssd.JourneyImporter;
import org.oversight.childdata.ssd.SyntheticJourney;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.db.TenantScope;
import org.springframework.stereotype.Service;

/**
 * Synthetic whole-journey data imported as an upload would be: a CIN census of {@code children} children for the 12
 * months to {@code reference} and the SSD extract of the same children (contacts, early help, step-downs, visits,
 * workers and teams), written as SSD CSV files and imported as the LA's SSD snapshot of that collection year, under the
 * system scope. For the demo data and the benchmarks; pseudonymous, generated data: no real child.
 */
@Service
public class SyntheticJourneys {

    private final JourneyImporter importer;

    SyntheticJourneys(JourneyImporter importer) {
        this.importer = importer;
    }

    /** Generates and imports the LA's journey; the outcome says whether it was stored and, if not, why. */
    public ChildDataImporter.Outcome load(LocalAuthority la, int children, long seed, LocalDate reference) {
        int collectionStart = reference.getMonthValue() >= 4 ? reference.getYear() : reference.getYear() - 1;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("oversight-synthetic-journey");
            SyntheticJourney.write(SyntheticJourney.of(new SyntheticCinCensus(la.laCode(), children, seed, reference).census(), seed), dir);
            List<ImportFile> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.sorted().map(ImportFile::of).toList();
            }
            return TenantScope.asSystem(() -> importer.importSsd(la.urn(), collectionStart, files, ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, true,
                    () -> { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /** Removes a temporary folder and what is in it. */
    public static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + dir, e);
        }
    }
}
