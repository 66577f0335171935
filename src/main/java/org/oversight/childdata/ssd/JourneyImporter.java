package org.oversight.childdata.ssd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.oversight.access.CurrentUser;
import org.oversight.childdata.ChildDataImporter.Mode;
import org.oversight.childdata.ChildDataImporter.Outcome;
import org.oversight.childdata.ImportFile;
import org.oversight.childdata.annexa.AnnexAJourneyReader;
import org.oversight.childdata.annexa.AnnexAWorkbook;
import org.oversight.childdata.cin.CinCensus;
import org.oversight.childdata.cin.CinCensusReader;
import org.oversight.childdata.cin.CinError;
import org.oversight.childdata.cin.CinReadLimits;
import org.oversight.childdata.cin.CinReadResult;
import org.oversight.childdata.cin.CinSeverity;
import org.oversight.childdata.cin.CinValidator;
import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.shared.upload.LimitedInputStream;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the front half of a child's journey into the SSD-shaped store, each as a new dated snapshot of the LA in one
 * transaction (a newer import of the same kind and year supersedes the older one, which is kept):
 * <ul>
 *   <li>a <b>CIN census</b> XML file, read safely by {@link CinCensusReader} (a DOCTYPE is refused) and checked against
 *       all of DfE's CIN rules by {@link CinValidator}; errors stop the import (or, when bad rows may be left out, leave
 *       out the children they name), queries are reported and do not;</li>
 *   <li>an <b>SSD extract</b>, CSV files named by SSD table (or a ZIP of them), read by {@link SsdExtract}.</li>
 * </ul>
 * Every error names file, row (or line), column (field), value and rule; nothing is stored when an import is refused.
 */
@Service
public class JourneyImporter {

    public static final String CIN_CENSUS = "CIN_CENSUS";
    public static final String SSD = "SSD";

    private final JdbcClient jdbc;
    private final LocalAuthorities localAuthorities;
    private final CurrentUser currentUser;
    private final UploadLimits limits;
    private final SsdStore store;
    private final Clock clock;
    private final CinValidator validator = CinValidator.rules2025to26();
    private final org.springframework.context.ApplicationEventPublisher events;

    private final SsdImportLimits ssdLimits;

    JourneyImporter(JdbcClient jdbc, LocalAuthorities localAuthorities, CurrentUser currentUser, Clock clock, UploadLimits limits,
                    org.springframework.context.ApplicationEventPublisher events, SsdImportLimits ssdLimits, javax.sql.DataSource dataSource) {
        this.ssdLimits = ssdLimits;
        this.jdbc = jdbc;
        this.events = events;
        this.localAuthorities = localAuthorities;
        this.currentUser = currentUser;
        this.limits = limits;
        this.store = new SsdStore(jdbc, dataSource, clock);
        this.clock = clock;
    }

    /**
     * Imports one CIN census XML file; its collection year is the census's own (from its reference date). A census of
     * another LA (its LEA code) is refused.
     */
    @Transactional
    public Outcome importCinCensus(int laUrn, List<ImportFile> files, Mode mode, boolean batch, Runnable storing) {
        LocalAuthority la = editable(laUrn, batch);
        if (files.size() != 1) {
            return refused(names(files), "OV-CIN-ONE-FILE", "Give one CIN census XML file at a time");
        }
        ImportFile file = files.getFirst();
        CinReadResult read;
        long max = limits.maxFileSize().toBytes();
        CinCensusReader reader = new CinCensusReader(CinReadLimits.DEFAULT.withMaxBytes(Math.max(1, max)));
        try (InputStream in = new LimitedInputStream(file.open(), max, () -> new UploadLimitException(
                file.name() + ": the file is larger than " + UploadLimits.words(max), "oversight.imports.max-file-size"))) {
            read = reader.read(file.name(), in);
        } catch (UploadLimitException e) {
            throw e.in(file.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ValidationError> errors = new ArrayList<>();
        List<ValidationError> notes = new ArrayList<>();
        for (CinError p : read.problems()) {
            (p.severity() == CinSeverity.ERROR ? errors : notes).add(error(p));
        }
        if (read.failed()) {
            return new Outcome(false, null, 0, 0, errors, null, errors.size(), null);
        }
        CinCensus census = read.census();
        String lea = census.header().lea() == null ? "" : census.header().lea().strip();
        if (!lea.equals(la.laCode()) && !lea.equals(la.laCodeNew())) {
            return refused(file.name(), "OV-CIN-WRONG-LA", "The census is for the local authority with the code '" + lea + "' (Header/Source/LEA), not "
                    + la.name() + " (" + la.laCode() + "): check you chose the right local authority");
        }
        CollectionYear year = yearOf(census);
        if (year == null) {
            return refused(file.name(), "OV-CIN-YEAR", "The census has no valid ReferenceDate or Year in its header, so its collection year is not known");
        }
        Set<Integer> badChildren = new HashSet<>();
        boolean returnLevelError = !errors.isEmpty();
        for (CinError e : validator.validate(read)) {
            ValidationError v = error(e);
            if (e.severity() == CinSeverity.QUERY) {
                notes.add(v);
                continue;
            }
            errors.add(v);
            if (e.childIndex() >= 0) {
                badChildren.add(e.childIndex());
            } else {
                returnLevelError = true;
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < census.children().size(); i++) {
            String id = census.children().get(i).laChildId();
            if (id == null || id.isBlank()) {
                errors.add(new ValidationError(file.name(), read.lineOf(i), "ChildIdentifiers/LAchildID", "", "OV-CIN-NO-ID",
                        "Child " + (i + 1) + " in the file has no LAchildID, so it cannot be stored"));
                badChildren.add(i);
            } else if (!ids.add(id.strip())) {
                errors.add(new ValidationError(file.name(), read.lineOf(i), "ChildIdentifiers/LAchildID", id, "OV-CIN-CHILD-TWICE",
                        "Child " + id + " is in the census twice; only the first is kept"));
                badChildren.add(i);
            }
        }
        SsdData data = new SsdData();
        long rejectedRows = 0;
        for (int i = 0; i < census.children().size(); i++) {
            if (badChildren.contains(i)) {
                SsdData dropped = new SsdData();
                if (census.children().get(i).laChildId() != null && !census.children().get(i).laChildId().isBlank()) {
                    CinToSsd.add(census.children().get(i), dropped);
                }
                rejectedRows += Math.max(1, dropped.total());
            } else {
                CinToSsd.add(census.children().get(i), data);
            }
        }
        List<ValidationError> all = new ArrayList<>(errors);
        all.addAll(notes);
        long errorCount = all.size();
        if (errors.size() > limits.maxErrors()) {
            return new Outcome(false, null, 0, (int) (data.total() + rejectedRows), tooMany(file.name(), all), null, errorCount + 1, null);
        }
        if (!errors.isEmpty() && (mode == Mode.REJECT_IF_ANY_ERROR || returnLevelError) || data.persons() == 0) {
            if (data.persons() == 0 && errors.isEmpty()) {
                all.add(0, new ValidationError(file.name(), 0, "", "", "OV-CIN-NO-CHILDREN", "The census has no children to store"));
            }
            return new Outcome(false, null, 0, (int) (data.total() + rejectedRows), List.copyOf(all), null, all.size(), null);
        }
        storing.run();
        UUID snapshot = store.newSnapshot(la.id(), year.toString(), CIN_CENSUS, file.name(), actor(batch), latest(data, year.end()),
                data.total(), rejectedRows);
        store.write(snapshot, la.id(), data);
        events.publishEvent(new ChildJourneys.Stored(la.id(), snapshot));
        return new Outcome(true, snapshot, (int) data.total(), (int) rejectedRows, List.copyOf(all), null, errorCount, null);
    }

    /** Imports an SSD extract (CSV files named by SSD table, or ZIP files of them) as the LA's data of the collection year. */
    @Transactional
    public Outcome importSsd(int laUrn, int collectionStartYear, List<ImportFile> files, Mode mode, boolean batch, Runnable storing) {
        LocalAuthority la = editable(laUrn, batch);
        CollectionYear year = CollectionYear.of(collectionStartYear);
        List<ImportFile> wrong = files.stream().filter(f -> !f.name().toLowerCase(Locale.ROOT).endsWith(".csv")
                && !f.name().toLowerCase(Locale.ROOT).endsWith(".zip")).toList();
        if (!wrong.isEmpty()) {
            return refused(names(wrong), "OV-SSD-FILE-TYPE", "An SSD extract is CSV files (one per SSD table, e.g. ssd_person.csv) or a ZIP of them");
        }
        // the data describes the day of its latest event: never after the end of its year, nor after today
        LocalDate today = LocalDate.now(clock);
        SsdExtract.Result read = SsdExtract.read(files, limits, ssdLimits, year.end().isBefore(today) ? year.end() : today);
        List<ValidationError> all = new ArrayList<>(read.errors());
        all.addAll(read.notes());
        SsdData data = read.data();
        if (read.errors().size() > limits.maxErrors()) {
            return new Outcome(false, null, 0, (int) read.rows(), tooMany(names(files), all), null, all.size() + 1L, null);
        }
        if (!read.errors().isEmpty() && mode == Mode.REJECT_IF_ANY_ERROR || data.persons() == 0 || blocking(read.errors())) {
            if (data.persons() == 0 && read.errors().isEmpty()) {
                all.add(0, new ValidationError(names(files), 0, "", "", "OV-SSD-NO-CHILDREN",
                        "The extract has no children: it needs ssd_person.csv with at least one child"));
            }
            return new Outcome(false, null, 0, (int) read.rows(), List.copyOf(all), null, all.size(), null);
        }
        ValidationError wrongLa = wrongLa(la, data, names(files));
        if (wrongLa != null) {
            all.add(0, wrongLa);
            return new Outcome(false, null, 0, (int) read.rows(), List.copyOf(all), null, all.size(), null);
        }
        storing.run();
        String source = read.files().size() <= 5 ? String.join(", ", read.files()) : read.files().size() + " files: " + names(files);
        UUID snapshot = store.newSnapshot(la.id(), year.toString(), SSD, source, actor(batch), read.latestDate(), data.total(), read.rejected());
        store.write(snapshot, la.id(), data);
        events.publishEvent(new ChildJourneys.Stored(la.id(), snapshot));
        return new Outcome(true, snapshot, (int) data.total(), (int) read.rejected(), List.copyOf(all), null, all.size(), null);
    }

    /** The source of a snapshot made from an Annex A workbook begins with this (its kind is {@code SSD}). */
    public static final String ANNEX_A_SOURCE = org.oversight.childdata.journey.ChildJourneys.Origin.ANNEX_A_SOURCE;

    /**
     * Imports lists 1 to 7 of an Annex A workbook (one .xlsx file) as a new whole-journey snapshot of kind {@code SSD}
     * whose source names the workbook, of the collection year of its latest date (not after today). Rows with errors
     * stop it, or with {@link Mode#ACCEPT_GOOD_ROWS} are left out; a missing heading always stops it.
     */
    @Transactional
    public Outcome importAnnexA(int laUrn, List<ImportFile> files, Mode mode, boolean batch, Runnable storing) {
        LocalAuthority la = editable(laUrn, batch);
        if (files.size() != 1 || !AnnexAWorkbook.isWorkbook(files.getFirst().name())) {
            return refused(names(files), "OV-AA-ONE-FILE", "Give one Annex A workbook (.xlsx) with any of the sheets 'List 1' to 'List 7'");
        }
        ImportFile file = files.getFirst();
        LocalDate today = LocalDate.now(clock);
        AnnexAJourneyReader.Result read;
        java.nio.file.Path temp = null;
        long max = limits.maxFileSize().toBytes();
        try {
            temp = java.nio.file.Files.createTempFile("oversight-annex-a", ".xlsx");
            try (InputStream in = new LimitedInputStream(file.open(), max, () -> new UploadLimitException(
                    file.name() + ": the file is larger than " + UploadLimits.words(max), "oversight.imports.max-file-size"))) {
                java.nio.file.Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            read = AnnexAJourneyReader.read(file.name(), temp, today, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    java.nio.file.Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // removed with the temporary folder
                }
            }
        }
        List<ValidationError> all = new ArrayList<>(read.errors());
        all.addAll(read.notes());
        SsdData data = read.data();
        long count = read.errorTotal() + read.notes().size();
        if (read.errorTotal() > limits.maxErrors()) {
            return new Outcome(false, null, 0, read.rejected() + (int) data.total(), tooMany(file.name(), all), null, count + 1, null);
        }
        if (!read.errors().isEmpty() && mode == Mode.REJECT_IF_ANY_ERROR || data.persons() == 0 || read.blocking()) {
            if (data.persons() == 0 && read.errors().isEmpty()) {
                all.add(0, new ValidationError(file.name(), 0, "", "", "OV-AA-NO-ROWS", "Lists 1 to 7 of the workbook have no children"));
            }
            return new Outcome(false, null, 0, read.rejected() + (int) data.total(), List.copyOf(all), null, Math.max(count, all.size()), null);
        }
        ValidationError wrongLa = wrongLa(la, data, file.name());
        if (wrongLa != null) {
            all.add(0, wrongLa);
            return new Outcome(false, null, 0, (int) data.total(), List.copyOf(all), null, all.size(), null);
        }
        storing.run();
        LocalDate latest = read.latestDate() == null ? today : read.latestDate();
        CollectionYear year = CollectionYear.of(latest.getMonthValue() >= 4 ? latest.getYear() : latest.getYear() - 1);
        UUID snapshot = store.newSnapshot(la.id(), year.toString(), SSD, ANNEX_A_SOURCE + file.name(), actor(batch), read.latestDate(), data.total(),
                read.rejected());
        store.write(snapshot, la.id(), data);
        events.publishEvent(new ChildJourneys.Stored(la.id(), snapshot));
        return new Outcome(true, snapshot, (int) data.total(), read.rejected(), List.copyOf(all), null, count, null);
    }

    /** Errors that stop an extract even when bad rows may be left out: they are about a whole file, not a row. */
    private static boolean blocking(List<ValidationError> errors) {
        return errors.stream().anyMatch(e -> e.row() <= 1);
    }

    /**
     * An extract is for the wrong LA when most of its children are another LA's current children and almost none are
     * this LA's (as for the SSDA903 return).
     */
    private ValidationError wrongLa(LocalAuthority la, SsdData data, String files) {
        if (data.persons() < 5) {
            return null;
        }
        int key = SsdSchema.get().table("ssd_person").index("pers_person_id");
        String[] refs = data.rows("ssd_person").stream().map(r -> r[key]).toArray(String[]::new);
        var counts = jdbc.sql("""
                SELECT s.la_id = ? AS own, la.name, count(DISTINCT p.pers_person_id) AS n FROM ssd_person p
                  JOIN import_snapshot s ON s.no = p.snapshot_no JOIN local_authority la ON la.id = s.la_id
                 WHERE s.superseded_at IS NULL AND p.pers_person_id = ANY(?)
                 GROUP BY 1, 2 ORDER BY n DESC""").params(la.id(), refs)
                .query((rs, i) -> new Object[] {rs.getBoolean(1), rs.getString(2), rs.getInt(3)}).list();
        int own = counts.stream().filter(c -> (Boolean) c[0]).mapToInt(c -> (Integer) c[2]).sum();
        var other = counts.stream().filter(c -> !(Boolean) c[0]).findFirst();
        if (other.isEmpty()) {
            return null;
        }
        double theirs = (double) (Integer) other.get()[2] / refs.length;
        if (theirs >= 0.5 && (double) own / refs.length < 0.1) {
            return new ValidationError(files, 0, "pers_person_id", "", "OV-WRONG-LA", String.format(
                    "%d of the %d children in this extract are %s's children, not %s's: check you chose the right local authority",
                    (Integer) other.get()[2], refs.length, other.get()[1], la.name()));
        }
        return null;
    }

    /** The census's collection year: the one that ends on its reference date (31 March), else the one its Year ends. */
    static CollectionYear yearOf(CinCensus census) {
        var ref = census.header().referenceDate();
        if (ref != null && ref.date() != null) {
            LocalDate d = ref.date();
            return CollectionYear.of(d.getMonthValue() >= 4 ? d.getYear() : d.getYear() - 1);
        }
        try {
            int y = Integer.parseInt(census.header().year() == null ? "" : census.header().year().strip());
            return y > 2000 && y < 2100 ? CollectionYear.of(y - 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A CIN census problem as an import error: the line of the child, the field's place in it, the child in the message. */
    static ValidationError error(CinError e) {
        String where = !e.path().isEmpty() ? e.path() : e.table();
        String column = where.isEmpty() ? e.field() : e.field().isEmpty() ? where : where + "/" + e.field();
        String child = e.childIndex() < 0 ? "" : "Child " + (e.childId().isEmpty() ? "(no LAchildID, " + (e.childIndex() + 1) + " in the file)" : e.childId()) + ": ";
        String severity = e.severity() == CinSeverity.QUERY ? " (query: check it, it does not stop the import)" : "";
        return new ValidationError(e.file(), e.line(), column, e.value(), e.ruleCode(), child + e.message().strip() + severity);
    }

    private static LocalDate latest(SsdData data, LocalDate notAfter) {
        String cap = notAfter.toString();
        String latest = null;
        for (SsdSchema.Table t : SsdSchema.get().tables()) {
            for (String[] row : data.rows(t.name())) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] != null && t.columns().get(i).type() == SsdSchema.Type.DATE && row[i].compareTo(cap) <= 0
                            && (latest == null || row[i].compareTo(latest) > 0)) {
                        latest = row[i];
                    }
                }
            }
        }
        return latest == null ? null : LocalDate.parse(latest);
    }

    private List<ValidationError> tooMany(String files, List<ValidationError> errors) {
        List<ValidationError> kept = new ArrayList<>();
        kept.add(new ValidationError(files, 0, "", "", "OV-TOO-MANY-ERRORS", "The files have more than " + UploadLimits.count(limits.maxErrors())
                + " errors: nothing was stored. The first " + UploadLimits.count(limits.maxErrors()) + " are listed; correct them and import again"));
        kept.addAll(errors.subList(0, Math.min(errors.size(), limits.maxErrors())));
        return kept;
    }

    private static Outcome refused(String file, String code, String message) {
        return new Outcome(false, null, 0, 0, List.of(new ValidationError(file, 0, "", "", code, message)));
    }

    private static String names(List<ImportFile> files) {
        return String.join(", ", files.stream().map(ImportFile::name).toList());
    }

    private String actor(boolean batch) {
        return currentUser.actor();
    }

    private LocalAuthority editable(int laUrn, boolean batch) {
        LocalAuthority la = localAuthorities.findByUrn(laUrn).orElseThrow(() -> new NotFoundException("No local authority has the URN " + laUrn));
        if (!batch && !currentUser.canEdit(la.id())) {
            throw new AccessDeniedException("Only " + la.name() + "'s managers and staff can import its children's data");
        }
        return la;
    }
}
