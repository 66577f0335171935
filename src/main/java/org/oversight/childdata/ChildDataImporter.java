package org.oversight.childdata;

import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.oversight.access.CurrentUser;
import org.oversight.childdata.annexa.AnnexAWorkbook;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.ErrorList;
import org.oversight.childdata.ssda903.ReadResult;
import org.oversight.childdata.ssda903.Rows;
import org.oversight.childdata.ssda903.Ssda903Reader;
import org.oversight.childdata.ssda903.Ssda903Return;
import org.oversight.childdata.ssda903.Ssda903Table;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.childdata.ssda903.rules.RuleOutcome;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an LA's child-level data — the SSDA903 tables (CSV) and the Annex A workbook (lists 8 and 9, XLSX) — as new
 * snapshots, in one transaction per command. Files are read as streams under the {@link UploadLimits} (a file past a
 * limit is an {@link UploadLimitException} and nothing is stored). With errors, the import is either rejected whole
 * (nothing changes) or accepted with its bad rows left out and reported; never half-stored. A return whose children
 * belong to another LA is refused whole; a return that lacks a table a full return needs is refused unless it is
 * marked as a partial update (its tables replace the current snapshot's, the rest are kept); and a return that would
 * drop more than {@code oversight.imports.confirm-drop-over} of the children or care leavers on the dashboard waits
 * for a person to confirm it.
 */
@Service
public class ChildDataImporter {

    public enum Mode { REJECT_IF_ANY_ERROR, ACCEPT_GOOD_ROWS }

    /**
     * How to import: with errors rejected or left out; as a partial update (only the tables given, merged into the
     * current snapshot of the year); with a large drop in the number of children confirmed.
     */
    public record Options(Mode mode, boolean partial, boolean confirmDrop) {
        public static Options of(Mode mode) {
            return new Options(mode, false, false);
        }
    }

    /**
     * What an import did: stored or not, the snapshot(s), rows accepted and rejected, the errors and queries kept (each
     * with its place), how many errors there were in all (queries left out: they do not stop an import), what each DfE
     * rule of the year found (flagged, passed, or not checked and why); or, when it would drop many children, why it
     * waits for a confirmation.
     */
    public record Outcome(boolean stored, UUID snapshotId, int accepted, int rejected, List<ValidationError> errors, UUID annexASnapshotId,
                          long errorCount, String confirmation, List<RuleOutcome> rules) {
        public Outcome {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }

        /** An outcome of an import that runs no DfE SSDA903 rule (a CIN census or an SSD extract). */
        public Outcome(boolean stored, UUID snapshotId, int accepted, int rejected, List<ValidationError> errors, UUID annexASnapshotId,
                       long errorCount, String confirmation) {
            this(stored, snapshotId, accepted, rejected, errors, annexASnapshotId, errorCount, confirmation, List.of());
        }

        public Outcome(boolean stored, UUID snapshotId, int accepted, int rejected, List<ValidationError> errors) {
            this(stored, snapshotId, accepted, rejected, errors, null, errors.stream().filter(e -> !e.query()).count(), null, List.of());
        }

        /** Nothing stored: the return would drop many children and needs a confirmation (the message says how many). */
        public boolean needsConfirmation() {
            return confirmation != null;
        }
    }

    private static final int BATCH = 1_000;

    /** The CSV tables and Annex A workbook in a folder (as generate-data writes one per LA), by file name, in name order. */
    public static Map<String, byte[]> readFolder(java.nio.file.Path dir) throws java.io.IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (ImportFile f : folder(dir)) {
            try (InputStream in = f.open()) {
                files.put(f.name(), in.readAllBytes());
            }
        }
        return files;
    }

    /** The CSV tables and Annex A workbook in a folder, in name order, to be read as streams. */
    public static List<ImportFile> folder(java.nio.file.Path dir) throws java.io.IOException {
        try (Stream<java.nio.file.Path> list = java.nio.file.Files.list(dir)) {
            return list.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return java.nio.file.Files.isRegularFile(p) && (name.endsWith(".csv") || name.endsWith(".xlsx"));
            }).sorted().map(ImportFile::of).toList();
        }
    }

    /** Imports a folder of generated data as a batch (no user) for the LA with that DfE code, rejecting it on any error. */
    @Transactional
    public Outcome importFolder(String laCode, int collectionStartYear, java.nio.file.Path dir) throws java.io.IOException {
        LocalAuthority la = localAuthorities.findByLaCode(laCode).orElseThrow(() -> new NotFoundException("No local authority has the code " + laCode));
        return importReturn(la.urn(), collectionStartYear, folder(dir), new Options(Mode.REJECT_IF_ANY_ERROR, false, true), true, () -> { });
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LocalAuthorities localAuthorities;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final UploadLimits limits;
    private final Set<Ssda903Table> requiredTables;
    private final double confirmDropOver;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Ssda903Export export;

    ChildDataImporter(JdbcClient jdbc, JdbcTemplate template, LocalAuthorities localAuthorities, CurrentUser currentUser, Clock clock,
                      UploadLimits limits, @Value("${oversight.imports.required-tables:header,episodes,reviews}") List<String> requiredTables,
                      @Value("${oversight.imports.confirm-drop-over:0.2}") double confirmDropOver,
                      org.springframework.context.ApplicationEventPublisher events, Ssda903Export export) {
        this.events = events;
        this.export = export;
        this.jdbc = jdbc;
        this.template = template;
        this.localAuthorities = localAuthorities;
        this.currentUser = currentUser;
        this.clock = clock;
        this.limits = limits;
        this.requiredTables = EnumSet.noneOf(Ssda903Table.class);
        for (String t : requiredTables) {
            if (!t.isBlank()) {
                this.requiredTables.add(Ssda903Table.valueOf(t.trim().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        this.confirmDropOver = confirmDropOver;
    }

    public UploadLimits limits() {
        return limits;
    }

    /**
     * Imports the given files: CSV tables of the SSDA903 return and, optionally, an Annex A workbook (.xlsx). All are
     * checked before anything is stored; in {@link Mode#REJECT_IF_ANY_ERROR} one error anywhere stores nothing.
     */
    @Transactional
    public Outcome importReturn(int laUrn, int collectionStartYear, Map<String, byte[]> files, Mode mode, boolean batch) {
        return importReturn(laUrn, collectionStartYear, files, mode, batch, () -> { });
    }

    /** As above; {@code storing} is called once the files are checked and storing begins (for a job's progress). */
    @Transactional
    public Outcome importReturn(int laUrn, int collectionStartYear, Map<String, byte[]> files, Mode mode, boolean batch, Runnable storing) {
        return importReturn(laUrn, collectionStartYear, files.entrySet().stream().map(e -> ImportFile.of(e.getKey(), e.getValue())).toList(),
                Options.of(mode), batch, storing);
    }

    /** Imports files read as streams, with the given options; see the class comment for what is refused. */
    @Transactional
    public Outcome importReturn(int laUrn, int collectionStartYear, List<ImportFile> files, Options options, boolean batch, Runnable storing) {
        LocalAuthority la = localAuthorities.findByUrn(laUrn).orElseThrow(() -> new NotFoundException("No local authority has the URN " + laUrn));
        if (!batch && !currentUser.canEdit(la.id())) {
            throw new AccessDeniedException("Only " + la.name() + "'s managers and staff can import its children's data");
        }
        Mode mode = options.mode();
        CollectionYear year = CollectionYear.of(collectionStartYear);
        List<ImportFile> csv = files.stream().filter(f -> !f.workbook()).toList();
        List<ImportFile> workbooks = files.stream().filter(ImportFile::workbook).toList();
        if (workbooks.size() > 1) {
            return new Outcome(false, null, 0, 0, List.of(new ValidationError(String.join(", ", workbooks.stream().map(ImportFile::name).toList()),
                    0, "", "", "OV-AA-ONE-WORKBOOK", "Give one Annex A workbook at a time")));
        }
        String csvNames = String.join(", ", csv.stream().map(ImportFile::name).toList());

        Optional<Current> current903 = current(la, "SSDA903", year);
        Ssda903Return parsed = null;
        List<Ssda903Table> given = List.of();
        if (!csv.isEmpty()) {
            List<ReadResult> read = new ArrayList<>();
            for (ImportFile f : csv) {
                read.add(readCsv(f));
            }
            given = read.stream().map(ReadResult::table).filter(Objects::nonNull).distinct().toList();
            Ssda903Return.Context context = Ssda903Return.Context.NONE;
            if (options.partial()) {
                Optional<Current> sameYear = current903.filter(c -> c.year().equals(year.toString()));
                if (sameYear.isEmpty()) {
                    return new Outcome(false, null, 0, 0, List.of(new ValidationError(csvNames, 0, "", "", "OV-PARTIAL-NO-CURRENT",
                            "A partial update changes the current data of " + year + ", and there is none: import the whole return")));
                }
                context = context(sameYear.get(), given);
            }
            parsed = Ssda903Return.validate(read, context, Ssda903Return.Options.of(year).withLa(la.laCodeNew()), limits.maxErrors());
        }
        List<ValidationError> refusals = new ArrayList<>();
        if (parsed != null && !options.partial()) {
            for (Ssda903Table t : requiredTables) {
                if (!given.contains(t)) {
                    refusals.add(new ValidationError(csvNames, 0, "", "", "OV-MISSING-TABLE", "The return has no " + t.dfeName()
                            + " table: a whole return needs " + tableNames(requiredTables) + ". To change only some tables, import them as a "
                            + "partial update, which keeps the other tables of the current data"));
                }
            }
        }
        ImportFile workbook = workbooks.isEmpty() ? null : workbooks.getFirst();
        AnnexAWorkbook.Result annex = workbook == null ? null : readWorkbook(workbook, year.end());

        List<RuleOutcome> rules = parsed == null ? List.of() : parsed.outcomes();
        // Queries are kept and shown, but only errors count: they stop an import or drop their rows.
        long errorCount = refusals.size() + (parsed == null ? 0 : parsed.errorCount()) + (annex == null ? 0 : annex.errorTotal());
        ErrorList errors = new ErrorList(limits.maxErrors());
        errors.addAll(refusals);
        if (parsed != null) {
            errors.addAll(parsed.errors());
        }
        if (annex != null) {
            errors.addAll(annex.errors());
        }
        int totalRows = (parsed == null ? 0 : parsed.files().stream().mapToInt(f -> f.rows().size()).sum())
                + (annex == null ? 0 : annex.rows().size() + annex.badRows());
        if (errors.stream().filter(e -> !e.query()).count() < errorCount) {
            // Some errors were not kept, so their rows could not be left out: nothing is stored.
            List<ValidationError> kept = new ArrayList<>();
            kept.add(new ValidationError(String.join(", ", files.stream().map(ImportFile::name).toList()), 0, "", "", "OV-TOO-MANY-ERRORS",
                    "The files have " + UploadLimits.count(errorCount) + " errors" + queries(parsed) + ", more than "
                            + UploadLimits.count(limits.maxErrors())
                            + ": nothing was stored. The first " + UploadLimits.count(errors.size()) + " are listed; correct them and import again"));
            kept.addAll(errors);
            return new Outcome(false, null, 0, totalRows, List.copyOf(kept), null, errorCount + 1, null, rules);
        }
        if (!refusals.isEmpty() || errorCount > 0 && mode == Mode.REJECT_IF_ANY_ERROR) {
            return new Outcome(false, null, 0, totalRows, List.copyOf(errors), null, errorCount, null, rules);
        }
        Ssda903Return.Accepted accepted = parsed == null ? null : parsed.acceptWithBadRows();
        List<Rows.Header> header = accepted == null ? List.of() : accepted.rows(Rows.Header.class);
        if (parsed != null && header.isEmpty() && !(options.partial() && !given.contains(Ssda903Table.HEADER))) {
            return new Outcome(false, null, 0, accepted.droppedRows(), List.copyOf(errors), null, errorCount, null, rules);
        }
        if (annex != null && annex.rows().isEmpty()) {
            return new Outcome(false, null, 0, annex.badRows(), List.copyOf(errors), null, errorCount, null, rules);
        }

        Set<String> returnChildren = header.stream().map(Rows.Header::child).collect(Collectors.toCollection(HashSet::new));
        Set<String> annexChildren = annex == null ? Set.of() : annex.rows().stream().map(AnnexAWorkbook.Row8or9::childRef).collect(Collectors.toSet());
        ValidationError wrongLa = wrongLa(la, parsed != null ? returnChildren : annexChildren,
                parsed != null ? csvNames : workbook.name(), parsed == null ? "ANNEX_A" : "SSDA903");
        if (wrongLa != null) {
            List<ValidationError> all = new ArrayList<>(errors);
            all.add(0, wrongLa);
            return new Outcome(false, null, 0, totalRows, List.copyOf(all), null, errorCount + 1, null, rules);
        }
        if (!options.confirmDrop()) {
            String drop = dropFor903(la, year, current903, accepted, returnChildren, options.partial(), given);
            if (drop == null && annex != null) {
                drop = dropForAnnexA(la, year, annex);
            }
            if (drop != null) {
                return new Outcome(false, null, 0, 0, List.copyOf(errors), null, errorCount, drop, rules);
            }
        }

        storing.run();
        UUID snapshot = null;
        int acceptedRows = 0;
        int rejectedRows = 0;
        if (parsed != null) {
            snapshot = options.partial()
                    ? store903Partial(la, year, csvNames, accepted, header, current903.orElseThrow(), given)
                    : store903(la, year, csvNames, accepted, header);
            acceptedRows += accepted.acceptedRows();
            rejectedRows += accepted.droppedRows();
        }
        UUID annexSnapshot = null;
        if (annex != null) {
            annexSnapshot = storeAnnexA(la, year, workbook.name(), annex);
            acceptedRows += annex.rows().size();
            rejectedRows += annex.badRows();
        }
        // In this transaction: figures computed from the new snapshot commit with it (compliance's stored figures).
        events.publishEvent(new org.oversight.childdata.snapshots.ChildDataSnapshots.Stored(la.id()));
        return new Outcome(true, snapshot != null ? snapshot : annexSnapshot, acceptedRows, rejectedRows, List.copyOf(errors), annexSnapshot,
                errorCount, null, rules);
    }

    /** " and 1,234 queries" when the return has queries, else "". */
    private static String queries(Ssda903Return parsed) {
        return parsed == null || parsed.queryTotal() == 0 ? "" : " and " + UploadLimits.count(parsed.queryTotal()) + " queries";
    }

    private ReadResult readCsv(ImportFile f) {
        try (InputStream in = f.open()) {
            return Ssda903Reader.read(f.name(), in, limits);
        } catch (UploadLimitException e) {
            throw e.in(f.name());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private AnnexAWorkbook.Result readWorkbook(ImportFile f, LocalDate notAfter) {
        try (InputStream in = f.open()) {
            return AnnexAWorkbook.read(f.name(), in, notAfter, limits);
        } catch (UploadLimitException e) {
            throw e.in(f.name());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String tableNames(Set<Ssda903Table> tables) {
        List<String> names = tables.stream().map(Ssda903Table::dfeName).toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    /** A current snapshot of the LA: its year, when it was imported and how many children and care leavers it has. */
    private record Current(UUID id, String year, Timestamp importedAt, LocalDate asAt, int children, int careLeavers, int annexRows) {
    }

    /**
     * The snapshot of this kind a new one for the year would replace on the dashboard: the current one of the same
     * year, or (for a later year) the latest one. None when the new one is for an earlier year than the dashboard's.
     */
    private Optional<Current> current(LocalAuthority la, String kind, CollectionYear year) {
        return jdbc.sql("""
                SELECT s.id, s.collection_year, s.imported_at, s.as_at,
                       (SELECT count(*) FROM child c WHERE c.snapshot_id = s.id),
                       (SELECT count(*) FROM care_leaver l WHERE l.snapshot_id = s.id),
                       (SELECT count(*) FROM annex_a_child a WHERE a.snapshot_id = s.id)
                  FROM import_snapshot s
                 WHERE s.la_id = ? AND s.kind = ? AND s.superseded_at IS NULL AND s.collection_year <= ?
                 ORDER BY s.collection_year DESC LIMIT 1""").params(la.id(), kind, year.toString())
                .query((rs, i) -> new Current(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3), rs.getObject(4, LocalDate.class),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7))).optional()
                .filter(c -> c.year().equals(year.toString()) || !laterYearExists(la, kind, year));
    }

    private boolean laterYearExists(LocalAuthority la, String kind, CollectionYear year) {
        return jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND kind = ? AND superseded_at IS NULL AND collection_year > ?")
                .params(la.id(), kind, year.toString()).query(Integer.class).single() > 0;
    }

    /**
     * The columns of Header and Episodes that a snapshot imported before {@code V34_16} does not have (PL_LA, PL_LOCATION
     * and PL_DISTANCE are worked out from the postcodes and URN); such a snapshot has none of the tables kept as rows.
     */
    static final Map<Ssda903Table, Set<String>> NOT_KEPT_BEFORE_V34 = Map.of(
            Ssda903Table.HEADER, Set.of("UPN", "MOTHER", "MC_DOB"),
            Ssda903Table.EPISODES, Set.of("REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN", "PL_LA", "PL_LOCATION", "PL_DISTANCE"));

    /**
     * For a partial update, the tables of the current snapshot that the update does not give, as its export writes them
     * ({@link Ssda903Export#read}) and read back by the same reader as an upload: the rules run on them with the update's
     * tables, but only the update's rows are reported. A table the snapshot holds whole (imported since {@code V34_16})
     * comes with every column; one from before has the columns of {@link #NOT_KEPT_BEFORE_V34} blank, and of the tables
     * kept as rows (UASC, OC2 and the rest) it has none, so the rules that need them are not checked.
     */
    private Ssda903Return.Context context(Current current, List<Ssda903Table> given) {
        Set<String> whole = Set.of(jdbc.sql("SELECT coalesce(tables_whole, '{}') FROM import_snapshot WHERE id = ?").param(current.id())
                .query((rs, i) -> (String[]) rs.getArray(1).getArray()).single());
        List<ReadResult> context = new ArrayList<>();
        Map<Ssda903Table, Set<String>> notKept = new java.util.EnumMap<>(Ssda903Table.class);
        export.read(current.id()).forEach((table, rows) -> {
            boolean complete = whole.contains(table.dfeName());
            if (given.contains(table) || !Ssda903Export.written(table, rows) || !complete && OTHER_TABLES.contains(table)) {
                return;
            }
            context.add(Ssda903Reader.read("(current data)", Ssda903Export.csv(table, rows)));
            if (!complete) {
                notKept.put(table, NOT_KEPT_BEFORE_V34.getOrDefault(table, Set.of()));
            }
        });
        return new Ssda903Return.Context(context, notKept);
    }

    /** Records that the snapshot holds these tables with every column. */
    private void tablesWhole(UUID snapshot, Set<Ssda903Table> tables) {
        jdbc.sql("UPDATE import_snapshot SET tables_whole = ? WHERE id = ?")
                .params(tables.stream().map(Ssda903Table::dfeName).toArray(String[]::new), snapshot).update();
    }

    private static String day(LocalDate d) {
        return d == null ? null : org.oversight.childdata.ssda903.Dates.format(d);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Why a new SSDA903 snapshot needs a confirmation, or null: it would drop more than the share of children or care leavers. */
    private String dropFor903(LocalAuthority la, CollectionYear year, Optional<Current> current, Ssda903Return.Accepted accepted,
                              Set<String> children, boolean partial, List<Ssda903Table> given) {
        if (current.isEmpty() || accepted == null) {
            return null;
        }
        Current c = current.get();
        int newChildren = partial && !given.contains(Ssda903Table.HEADER) ? c.children() : children.size();
        int newLeavers = partial && !given.contains(Ssda903Table.OC3) ? c.careLeavers() : accepted.rows(Rows.Oc3.class).size();
        String what = drop("children", c.children(), newChildren);
        if (what == null) {
            what = drop("care leavers", c.careLeavers(), newLeavers);
        }
        return what == null ? null : "This import has " + what + " in the current data of " + la.name() + " for " + c.year()
                + " (imported on " + Dates.format(c.importedAt().toInstant()) + "). If that is right, confirm it and it will replace the current data.";
    }

    private String dropForAnnexA(LocalAuthority la, CollectionYear year, AnnexAWorkbook.Result annex) {
        Optional<Current> current = current(la, "ANNEX_A", year);
        if (current.isEmpty()) {
            return null;
        }
        String what = drop("children in lists 8 and 9", current.get().annexRows(), annex.rows().size());
        return what == null ? null : "This Annex A workbook has " + what + " in the current one for " + current.get().year()
                + " (imported on " + Dates.format(current.get().importedAt().toInstant()) + "). If that is right, confirm it and it will replace the current one.";
    }

    /** "90 children, 81% fewer than the 467", or null when the drop is within the share. */
    private String drop(String what, int before, int after) {
        if (before <= 0 || after >= before || (before - after) <= before * confirmDropOver) {
            return null;
        }
        long percent = Math.round(100.0 * (before - after) / before);
        return UploadLimits.count(after) + " " + what + ", " + percent + "% fewer than the " + UploadLimits.count(before);
    }

    /**
     * A return is for the wrong LA when most of its children are another LA's current children and (when this LA has
     * data already) almost none are this LA's.
     */
    private ValidationError wrongLa(LocalAuthority la, Set<String> children, String files, String kind) {
        if (children.size() < 5) {
            return null;
        }
        String[] refs = children.toArray(String[]::new);
        int own = jdbc.sql("""
                SELECT count(DISTINCT c.child_ref) FROM child c JOIN import_snapshot s ON s.id = c.snapshot_id
                 WHERE s.la_id = ? AND s.superseded_at IS NULL AND c.child_ref = ANY(?)""").params(la.id(), refs).query(Integer.class).single();
        var other = jdbc.sql("""
                SELECT la.name, count(DISTINCT c.child_ref) AS n FROM child c JOIN import_snapshot s ON s.id = c.snapshot_id
                  JOIN local_authority la ON la.id = s.la_id
                 WHERE s.la_id <> ? AND s.superseded_at IS NULL AND c.child_ref = ANY(?)
                 GROUP BY la.name ORDER BY n DESC LIMIT 1""").params(la.id(), refs)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).optional();
        if (other.isEmpty()) {
            return null;
        }
        double theirs = (double) other.get().getValue() / children.size();
        double ours = (double) own / children.size();
        if (theirs >= 0.5 && ours < 0.1) {
            return new ValidationError(files, 0, "CHILD", "", "OV-WRONG-LA", String.format(
                    "%d of the %d children in this %s are %s's children, not %s's: check you chose the right local authority",
                    other.get().getValue(), children.size(), kind.equals("ANNEX_A") ? "workbook" : "return", other.get().getKey(), la.name()));
        }
        return null;
    }

    private UUID newSnapshot(LocalAuthority la, CollectionYear year, String kind, String source, LocalDate asAt, int accepted, int rejected,
                             UUID basedOn) {
        jdbc.sql("UPDATE import_snapshot SET superseded_at = ? WHERE la_id = ? AND kind = ? AND collection_year = ? AND superseded_at IS NULL")
                .params(Timestamp.from(clock.instant()), la.id(), kind, year.toString()).update();
        return jdbc.sql("""
                INSERT INTO import_snapshot (la_id, collection_year, kind, source, imported_by, imported_at, as_at, rows_accepted, rows_rejected, based_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""").params(la.id(), year.toString(), kind, source, currentUser.actor(),
                Timestamp.from(clock.instant()), asAt == null ? null : Date.valueOf(asAt), accepted, rejected, basedOn).query(UUID.class).single();
    }

    private static LocalDate asAt(CollectionYear year, Ssda903Return.Accepted accepted) {
        List<Rows.Episode> episodes = accepted.rows(Rows.Episode.class);
        List<Rows.Review> reviews = accepted.rows(Rows.Review.class);
        List<Rows.Missing> missing = accepted.rows(Rows.Missing.class);
        return Stream.of(episodes.stream().flatMap(e -> Stream.of(e.decom(), e.dec())), reviews.stream().map(Rows.Review::review),
                        missing.stream().flatMap(m -> Stream.of(m.misStart(), m.misEnd())))
                .flatMap(s -> s).filter(Objects::nonNull).filter(d -> !d.isAfter(year.end())).max(LocalDate::compareTo).orElse(null);
    }

    /**
     * Stores the files' rows as read, without the DfE rules, as a new snapshot: only for measuring what the store keeps
     * of a return (the round trip of the DfE fake sample, every one of whose children has an error, in
     * {@code Ssda903ExportIT}). Package-private: no page, API or command reaches it. Rows the tables cannot hold (a
     * child without a readable date of birth, an episode without a readable DECOM, a review without a readable date)
     * are left out, as are rows of children not in the header.
     */
    @Transactional
    UUID storeAsRead(LocalAuthority la, CollectionYear year, Map<String, byte[]> files) {
        Map<Ssda903Table, List<Rows.Ssda903Row>> rows = new java.util.EnumMap<>(Ssda903Table.class);
        for (ReadResult f : Ssda903Return.readAll(files)) {
            if (f.table() == null) {
                continue;
            }
            for (Rows.Ssda903Row r : f.rows()) {
                boolean storable = switch (r) {
                    case Rows.Header h -> h.child() != null && h.dob() != null;
                    case Rows.Episode e -> e.decom() != null;
                    case Rows.Review v -> v.review() != null;
                    default -> true;
                };
                if (storable) {
                    rows.computeIfAbsent(f.table(), t -> new ArrayList<>()).add(r);
                }
            }
        }
        Ssda903Return.Accepted accepted = new Ssda903Return.Accepted(rows, 0, List.of());
        return store903(la, year, "as read, unchecked", accepted, accepted.rows(Rows.Header.class));
    }

    private UUID store903(LocalAuthority la, CollectionYear year, String fileNames, Ssda903Return.Accepted accepted, List<Rows.Header> header) {
        UUID snapshot = newSnapshot(la, year, "SSDA903", fileNames, asAt(year, accepted), accepted.acceptedRows(), accepted.droppedRows(), null);
        Set<String> uasc = accepted.rows(Rows.Uasc.class).stream().map(Rows.Uasc::child).collect(Collectors.toSet());
        Set<String> children = insertChildren(snapshot, la, header, uasc::contains);
        insertTables(snapshot, la, accepted, children, EnumSet.allOf(Ssda903Table.class));
        tablesWhole(snapshot, EnumSet.allOf(Ssda903Table.class));
        intoSsdStore(snapshot);
        return snapshot;
    }

    /**
     * The snapshot's children and looked-after data, as stored in the 903 tables, written into the SSD store's tables of
     * the same snapshot ({@code ssd_from_ssda903}, {@code V46_16}): the one store holds them. The readers still read the
     * 903 tables, but for missing episodes (docs/ssd-store.md).
     */
    private void intoSsdStore(UUID snapshot) {
        jdbc.sql("SELECT count(*) FROM ssd_from_ssda903(?)").param(snapshot).query(Integer.class).single();
    }

    /**
     * A partial update: a new snapshot with the tables given and, for every other table, the current snapshot's rows
     * (copied in the database); the child list is the new header's, or the current one's when no header is given.
     */
    private UUID store903Partial(LocalAuthority la, CollectionYear year, String fileNames, Ssda903Return.Accepted accepted, List<Rows.Header> header,
                                 Current current, List<Ssda903Table> given) {
        LocalDate newest = asAt(year, accepted);
        LocalDate asAt = newest == null || current.asAt() != null && current.asAt().isAfter(newest) ? current.asAt() : newest;
        String source = fileNames + " (partial update; the other tables kept from the import of " + Dates.format(current.importedAt().toInstant()) + ")";
        UUID snapshot = newSnapshot(la, year, "SSDA903", source, asAt, accepted.acceptedRows(), accepted.droppedRows(), current.id());
        Set<String> uasc = given.contains(Ssda903Table.UASC)
                ? accepted.rows(Rows.Uasc.class).stream().map(Rows.Uasc::child).collect(Collectors.toSet())
                : new HashSet<>(jdbc.sql("SELECT child_ref FROM child WHERE snapshot_id = ? AND uasc").param(current.id()).query(String.class).list());
        Set<String> children;
        if (given.contains(Ssda903Table.HEADER)) {
            children = insertChildren(snapshot, la, header, uasc::contains);
        } else {
            jdbc.sql("""
                    INSERT INTO child (snapshot_id, la_id, child_ref, sex, dob, ethnic, uasc, upn, mother, mc_dob)
                    SELECT ?, la_id, child_ref, sex, dob, ethnic, child_ref = ANY(?), upn, mother, mc_dob FROM child WHERE snapshot_id = ?""")
                    .params(snapshot, uasc.toArray(String[]::new), current.id()).update();
            children = new HashSet<>(jdbc.sql("SELECT child_ref FROM child WHERE snapshot_id = ?").param(snapshot).query(String.class).list());
        }
        EnumSet<Ssda903Table> replaced = EnumSet.noneOf(Ssda903Table.class);
        replaced.addAll(given);
        // The tables given are whole; the others are as whole as they were in the current snapshot.
        EnumSet<Ssda903Table> whole = EnumSet.copyOf(replaced);
        jdbc.sql("SELECT unnest(tables_whole) FROM import_snapshot WHERE id = ?").param(current.id()).query(String.class).list()
                .forEach(name -> Arrays.stream(Ssda903Table.values()).filter(t -> t.dfeName().equals(name)).forEach(whole::add));
        tablesWhole(snapshot, whole);
        insertTables(snapshot, la, accepted, children, replaced);
        String[] kept = children.toArray(String[]::new);
        if (!replaced.contains(Ssda903Table.EPISODES)) {
            jdbc.sql("""
                    INSERT INTO episode (snapshot_id, la_id, child_ref, decom, rne, legal_status, cin, place, place_provider, dec, rec,
                                         reason_place_change, home_post, pl_post, urn)
                    SELECT ?, la_id, child_ref, decom, rne, legal_status, cin, place, place_provider, dec, rec,
                           reason_place_change, home_post, pl_post, urn FROM episode
                     WHERE snapshot_id = ? AND child_ref = ANY(?)""").params(snapshot, current.id(), kept).update();
        }
        if (!replaced.contains(Ssda903Table.REVIEWS)) {
            jdbc.sql("""
                    INSERT INTO review (snapshot_id, la_id, child_ref, review_date, review_code)
                    SELECT ?, la_id, child_ref, review_date, review_code FROM review WHERE snapshot_id = ? AND child_ref = ANY(?)""")
                    .params(snapshot, current.id(), kept).update();
        }
        if (!replaced.contains(Ssda903Table.OC3)) {
            jdbc.sql("""
                    INSERT INTO care_leaver (snapshot_id, la_id, child_ref, in_touch, activity, accommodation)
                    SELECT ?, la_id, child_ref, in_touch, activity, accommodation FROM care_leaver WHERE snapshot_id = ? AND child_ref = ANY(?)""")
                    .params(snapshot, current.id(), kept).update();
        }
        if (!replaced.contains(Ssda903Table.MISSING)) {
            jdbc.sql("""
                    INSERT INTO missing_episode (snapshot_id, la_id, child_ref, kind, started, ended)
                    SELECT ?, la_id, child_ref, kind, started, ended FROM missing_episode WHERE snapshot_id = ? AND child_ref = ANY(?)""")
                    .params(snapshot, current.id(), kept).update();
        }
        String[] keptTables = EnumSet.complementOf(EnumSet.copyOf(replaced)).stream().filter(OTHER_TABLES::contains)
                .map(Ssda903Table::dfeName).toArray(String[]::new);
        jdbc.sql("""
                INSERT INTO ssda903_row (snapshot_id, la_id, child_ref, table_name, row_no, fields)
                SELECT ?, la_id, child_ref, table_name, row_no, fields FROM ssda903_row
                 WHERE snapshot_id = ? AND child_ref = ANY(?) AND table_name = ANY(?)""").params(snapshot, current.id(), kept, keptTables).update();
        intoSsdStore(snapshot);
        return snapshot;
    }

    /** The tables kept as their rows' values in {@code ssda903_row}: those without a table of their own. */
    static final Set<Ssda903Table> OTHER_TABLES = EnumSet.of(Ssda903Table.UASC, Ssda903Table.OC2, Ssda903Table.AD1,
            Ssda903Table.PLACED_ADOPTION, Ssda903Table.PREV_PERM, Ssda903Table.SW_EPISODES, Ssda903Table.DOLO);

    private Set<String> insertChildren(UUID snapshot, LocalAuthority la, List<Rows.Header> header, java.util.function.Predicate<String> uasc) {
        Set<String> children = new HashSet<>();
        List<Object[]> childRows = new ArrayList<>();
        for (Rows.Header h : header) {
            if (children.add(h.child())) {
                childRows.add(new Object[] {snapshot, la.id(), h.child(), h.sex(), date(h.dob()), h.ethnic(), uasc.test(h.child()), blank(h.upn()),
                        blank(h.mother()), date(h.mcDob())});
            }
        }
        batch("INSERT INTO child (snapshot_id, la_id, child_ref, sex, dob, ethnic, uasc, upn, mother, mc_dob) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                childRows);
        return children;
    }

    private void insertTables(UUID snapshot, LocalAuthority la, Ssda903Return.Accepted accepted, Set<String> children, Set<Ssda903Table> tables) {
        List<Rows.Episode> episodes = tables.contains(Ssda903Table.EPISODES) ? accepted.rows(Rows.Episode.class) : List.of();
        List<Rows.Review> reviews = tables.contains(Ssda903Table.REVIEWS) ? accepted.rows(Rows.Review.class) : List.of();
        List<Rows.Missing> missing = tables.contains(Ssda903Table.MISSING) ? accepted.rows(Rows.Missing.class) : List.of();
        List<Rows.Oc3> oc3 = tables.contains(Ssda903Table.OC3) ? accepted.rows(Rows.Oc3.class) : List.of();
        batch("""
                INSERT INTO episode (snapshot_id, la_id, child_ref, decom, rne, legal_status, cin, place, place_provider, dec, rec,
                                     reason_place_change, home_post, pl_post, urn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", episodes.stream().filter(e -> children.contains(e.child()))
                .map(e -> new Object[] {snapshot, la.id(), e.child(), date(e.decom()), e.rne(), e.ls(), e.cin(), e.place(), e.placeProvider(),
                        date(e.dec()), e.rec(), blank(e.reasonPlaceChange()), blank(e.homePost()), blank(e.plPost()), blank(e.urn())}).toList());
        List<Object[]> other = new ArrayList<>();
        for (Ssda903Table table : OTHER_TABLES) {
            if (!tables.contains(table)) {
                continue;
            }
            int n = 0;
            for (Rows.Ssda903Row row : accepted.rows().getOrDefault(table, List.of())) {
                n++;
                if (row.child() == null || !children.contains(row.child())) {
                    continue;
                }
                String[] fields = row instanceof Rows.Uasc u
                        ? new String[] {u.child(), blank(u.sex()), day(u.dob()), day(u.duc())}
                        : row instanceof Rows.Other o && !o.values().isEmpty() ? o.values().toArray(String[]::new) : null;
                if (fields != null) {
                    other.add(new Object[] {snapshot, la.id(), row.child(), table.dfeName(), n, fields});
                }
            }
        }
        batch("INSERT INTO ssda903_row (snapshot_id, la_id, child_ref, table_name, row_no, fields) VALUES (?, ?, ?, ?, ?, ?)", other);
        batch("INSERT INTO review (snapshot_id, la_id, child_ref, review_date, review_code) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                reviews.stream().filter(r -> children.contains(r.child()))
                        .map(r -> new Object[] {snapshot, la.id(), r.child(), date(r.review()), r.reviewCode()}).toList());
        batch("INSERT INTO care_leaver (snapshot_id, la_id, child_ref, in_touch, activity, accommodation) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                oc3.stream().filter(o -> children.contains(o.child()))
                        .map(o -> new Object[] {snapshot, la.id(), o.child(), o.inTouch(), o.activ(), o.accom()}).toList());
        batch("INSERT INTO missing_episode (snapshot_id, la_id, child_ref, kind, started, ended) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                missing.stream().filter(m -> children.contains(m.child()) && m.misStart() != null)
                        .map(m -> new Object[] {snapshot, la.id(), m.child(), m.missing(), date(m.misStart()), date(m.misEnd())}).toList());
    }

    private UUID storeAnnexA(LocalAuthority la, CollectionYear year, String fileName, AnnexAWorkbook.Result annex) {
        UUID snapshot = newSnapshot(la, year, "ANNEX_A", fileName, annex.latestDate(), annex.rows().size(), annex.badRows(), null);
        batch("""
                INSERT INTO annex_a_child (snapshot_id, la_id, list, child_ref, team, worker, last_visit, last_iro_contact, last_health,
                                           last_dental, placement_start, permanence_plan, pathway_review, latest_contact, eligibility)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", annex.rows().stream().map(r -> new Object[] {snapshot, la.id(),
                (short) r.list(), r.childRef(), r.team(), r.worker(), date(r.lastVisit()), date(r.lastIroContact()), date(r.lastHealth()),
                date(r.lastDental()), date(r.placementStart()), r.permanencePlan(), date(r.pathwayReview()), date(r.latestContact()),
                r.eligibility()}).toList());
        return snapshot;
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
