package org.oversight.childdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.oversight.childdata.cin.CinCensus;
import org.oversight.childdata.cin.SyntheticCinCensus;
import org.oversight.childdata.ssd.JourneyImporter;
import org.oversight.childdata.ssd.SsdData;
import org.oversight.childdata.ssd.Ssda903ToSsd;
import org.oversight.childdata.ssd.SyntheticJourney;
import org.oversight.childdata.ssda903.ReadResult;
import org.oversight.childdata.ssda903.Rows;
import org.oversight.childdata.ssda903.Ssda903Return;
import org.oversight.childdata.ssda903.Ssda903Table;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.db.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * Synthetic whole-journey data imported as an upload would be: a CIN census of {@code children} children for the 12
 * months to {@code reference} and the SSD extract of the same children (contacts, early help, step-downs, visits,
 * workers and teams), written as SSD CSV files and imported as the LA's SSD snapshot of that collection year, under the
 * system scope. Given the LA's synthetic SSDA903 return, the census and extract also hold that return's children, as
 * {@code generate-data} writes them ({@link #ssda903Children}). For the demo data and the benchmarks; pseudonymous,
 * generated data: no real child.
 */
@Service
public class SyntheticJourneys {

    private final JourneyImporter importer;

    SyntheticJourneys(JourneyImporter importer) {
        this.importer = importer;
    }

    /** Generates and imports the LA's journey; the outcome says whether it was stored and, if not, why. */
    public ChildDataImporter.Outcome load(LocalAuthority la, int children, long seed, LocalDate reference) {
        return load(la, children, seed, reference, null);
    }

    /**
     * Generates and imports the LA's journey, holding besides its own children those of the SSDA903 return in
     * {@code ssda903} (a folder with {@code header.csv} and {@code episodes.csv}; null for none), as
     * {@link #ssda903Children} places them.
     */
    public ChildDataImporter.Outcome load(LocalAuthority la, int children, long seed, LocalDate reference, Path ssda903) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("oversight-synthetic-journey");
            writeExtract(la, children, seed, reference, ssda903, dir);
            return importExtract(la, reference, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /**
     * Writes the LA's synthetic journey as an SSD extract, one CSV file per SSD table, into the folder {@code into}
     * (which exists); {@link #load} is this and {@link #importExtract}. For benchmarks that time the import apart from
     * the generating.
     */
    public void writeExtract(LocalAuthority la, int children, long seed, LocalDate reference, Path ssda903, Path into) {
        SyntheticCinCensus synthetic = new SyntheticCinCensus(la.laCode(), children, seed, reference);
        CinCensus census = synthetic.census();
        List<CinCensus.Child> personsOnly = List.of();
        if (ssda903 != null) {
            Ssda903Children joined = ssda903Children(synthetic, ssda903);
            List<CinCensus.Child> all = new ArrayList<>(census.children());
            all.addAll(joined.inCensus());
            census = new CinCensus(census.header(), all);
            personsOnly = joined.personsOnly();
        }
        try {
            SsdData data = SyntheticJourney.of(census, seed, personsOnly);
            if (ssda903 != null) {
                lookedAfter(ssda903, data);
            }
            SyntheticJourney.write(data, into);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports the SSD extract in {@code extract} (as {@link #writeExtract} wrote it) as the LA's SSD snapshot of the
     * collection year that holds {@code reference}, under the system scope, rejected whole on any error.
     */
    public ChildDataImporter.Outcome importExtract(LocalAuthority la, LocalDate reference, Path extract) {
        int collectionStart = reference.getMonthValue() >= 4 ? reference.getYear() : reference.getYear() - 1;
        List<ImportFile> files;
        try (Stream<Path> list = Files.list(extract)) {
            files = list.sorted().map(ImportFile::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TenantScope.asSystem(() -> importer.importSsd(la.urn(), collectionStart, files, ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, true,
                () -> { }));
    }

    /**
     * The SSDA903 return's children as the synthetic census and SSD extract of the same LA hold them.
     *
     * @param inCensus    each child with a period of care (born by the census's reference date): the same id
     *                    ({@code CHILD} = {@code LAchildID} = {@code pers_person_id}), date of birth, sex and ethnicity, and
     *                    an episode of need with the 903's category of need, open at the reference date and referred
     *                    shortly before the child's first period of care began (on the reference date at the latest, when
     *                    care begins after it; never before birth)
     * @param personsOnly the others (care leavers): persons of the extract with no episode
     */
    public record Ssda903Children(List<CinCensus.Child> inCensus, List<CinCensus.Child> personsOnly) {
    }

    /** The 903 return's children (header.csv and episodes.csv in {@code folder}) for {@code synthetic}'s census. */
    public static Ssda903Children ssda903Children(SyntheticCinCensus synthetic, Path folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (String f : List.of("header.csv", "episodes.csv")) {
                if (Files.exists(folder.resolve(f))) {
                    files.put(f, Files.readAllBytes(folder.resolve(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CinCensus.Child> inCensus = new ArrayList<>();
        List<CinCensus.Child> personsOnly = new ArrayList<>();
        if (files.isEmpty()) {
            return new Ssda903Children(inCensus, personsOnly);
        }
        List<ReadResult> read = Ssda903Return.readAll(files);
        Map<String, Rows.Episode> first = new HashMap<>();
        read.forEach(f -> f.rows(Rows.Episode.class).forEach(e -> first.merge(e.child(), e, (a, b) -> a.decom().isAfter(b.decom()) ? b : a)));
        int k = 0;
        for (ReadResult f : read) {
            for (Rows.Header h : f.rows(Rows.Header.class)) {
                Rows.Episode e = first.get(h.child());
                if (e != null && !h.dob().isAfter(synthetic.reference())) {
                    inCensus.add(synthetic.lookedAfter(k++, h.child(), h.dob(), h.sex(), h.ethnic(), e.cin(), e.decom()));
                } else {
                    personsOnly.add(SyntheticCinCensus.person(h.child(), h.dob(), h.sex(), h.ethnic()));
                }
            }
        }
        return new Ssda903Children(List.copyOf(inCensus), List.copyOf(personsOnly));
    }

    /**
     * Adds to {@code data} the looked-after rows of the SSDA903 return in {@code folder} (its header, episodes, reviews,
     * OC3 and missing files, those there are): the same episodes, placements, legal statuses, reviews, missing episodes
     * and care leavers as the 903 files, as {@link Ssda903ToSsd} maps them. The 903's children must be persons of {@code data}.
     */
    public static void lookedAfter(Path folder, SsdData data) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (Ssda903Table t : List.of(Ssda903Table.HEADER, Ssda903Table.EPISODES, Ssda903Table.REVIEWS, Ssda903Table.OC3, Ssda903Table.MISSING)) {
                if (Files.exists(folder.resolve(t.fileName()))) {
                    files.put(t.fileName(), Files.readAllBytes(folder.resolve(t.fileName())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            return;
        }
        List<ReadResult> read = Ssda903Return.readAll(files);
        Ssda903ToSsd.add(rows(read, Rows.Header.class), rows(read, Rows.Episode.class), rows(read, Rows.Review.class), rows(read, Rows.Oc3.class),
                rows(read, Rows.Missing.class), data);
    }

    private static <T extends Rows.Ssda903Row> List<T> rows(List<ReadResult> read, Class<T> type) {
        List<T> out = new ArrayList<>();
        read.forEach(f -> out.addAll(f.rows(type)));
        return out;
    }

    /** Removes a temporary folder and what is in it. */
    public static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + dir, e);
        }
    }
}
