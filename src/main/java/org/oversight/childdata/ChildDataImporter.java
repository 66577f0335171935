package org.oversight.childdata;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.oversight.access.CurrentUser;
import org.oversight.childdata.annexa.AnnexAWorkbook;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.Rows;
import org.oversight.childdata.ssda903.Ssda903Return;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.childdata.ssda903.rules.RuleOutcome;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an LA's child-level data — the SSDA903 tables (CSV) and the Annex A workbook (lists 8 and 9, XLSX) — as new
 * snapshots, in one transaction per command. With errors, the import is either rejected whole (nothing changes) or
 * accepted with its bad rows left out and reported; never half-stored. A return whose children belong to another LA is
 * refused whole.
 */
@Service
public class ChildDataImporter {

    public enum Mode { REJECT_IF_ANY_ERROR, ACCEPT_GOOD_ROWS }

    /**
     * What an import did: stored or not, the snapshot(s), rows accepted and rejected, every error and query with its
     * place, and what each DfE rule of the year found (flagged, passed, or not checked and why).
     */
    public record Outcome(boolean stored, UUID snapshotId, int accepted, int rejected, List<ValidationError> errors, UUID annexASnapshotId,
                          List<RuleOutcome> rules) {
        public Outcome {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }

        public Outcome(boolean stored, UUID snapshotId, int accepted, int rejected, List<ValidationError> errors, UUID annexASnapshotId) {
            this(stored, snapshotId, accepted, rejected, errors, annexASnapshotId, List.of());
        }

        public Outcome(boolean stored, UUID snapshotId, int accepted, int rejected, List<ValidationError> errors) {
            this(stored, snapshotId, accepted, rejected, errors, null, List.of());
        }

        /** Errors only: queries ask the LA to check, they do not stop an import. */
        public long errorCount() {
            return errors.stream().filter(e -> !e.query()).count();
        }
    }

    private static final int BATCH = 1_000;

    /** The CSV tables and Annex A workbook in a folder (as generate-data writes one per LA), by file name, in name order. */
    public static Map<String, byte[]> readFolder(java.nio.file.Path dir) throws java.io.IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<java.nio.file.Path> list = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path p : list.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return name.endsWith(".csv") || name.endsWith(".xlsx");
            }).sorted().toList()) {
                files.put(p.getFileName().toString(), java.nio.file.Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** Imports a folder of generated data as a batch (no user) for the LA with that DfE code, rejecting it on any error. */
    @Transactional
    public Outcome importFolder(String laCode, int collectionStartYear, java.nio.file.Path dir) throws java.io.IOException {
        LocalAuthority la = localAuthorities.findByLaCode(laCode).orElseThrow(() -> new NotFoundException("No local authority has the code " + laCode));
        return importReturn(la.urn(), collectionStartYear, readFolder(dir), Mode.REJECT_IF_ANY_ERROR, true);
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LocalAuthorities localAuthorities;
    private final CurrentUser currentUser;
    private final Clock clock;

    ChildDataImporter(JdbcClient jdbc, JdbcTemplate template, LocalAuthorities localAuthorities, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.localAuthorities = localAuthorities;
        this.currentUser = currentUser;
        this.clock = clock;
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
        LocalAuthority la = localAuthorities.findByUrn(laUrn).orElseThrow(() -> new NotFoundException("No local authority has the URN " + laUrn));
        if (!batch && !currentUser.canEdit(la.id())) {
            throw new AccessDeniedException("Only " + la.name() + "'s managers and staff can import its children's data");
        }
        CollectionYear year = CollectionYear.of(collectionStartYear);
        Map<String, byte[]> csv = new LinkedHashMap<>();
        Map<String, byte[]> workbooks = new LinkedHashMap<>();
        files.forEach((name, bytes) -> (AnnexAWorkbook.isWorkbook(name) ? workbooks : csv).put(name, bytes));
        if (workbooks.size() > 1) {
            return new Outcome(false, null, 0, 0, List.of(new ValidationError(String.join(", ", workbooks.keySet()), 0, "", "",
                    "OV-AA-ONE-WORKBOOK", "Give one Annex A workbook at a time")));
        }

        Ssda903Return parsed = csv.isEmpty() ? null : Ssda903Return.read(csv, Ssda903Return.Options.of(year).withLa(la.laCodeNew()));
        List<ValidationError> errors = new ArrayList<>(parsed == null ? List.of() : parsed.errors());
        List<RuleOutcome> rules = parsed == null ? List.of() : parsed.outcomes();
        Map.Entry<String, byte[]> workbook = workbooks.isEmpty() ? null : workbooks.entrySet().iterator().next();
        AnnexAWorkbook.Result annex = workbook == null ? null : AnnexAWorkbook.read(workbook.getKey(), workbook.getValue(), year.end());
        if (annex != null) {
            errors.addAll(annex.errors());
        }
        int totalRows = (parsed == null ? 0 : parsed.files().stream().mapToInt(f -> f.rows().size()).sum())
                + (annex == null ? 0 : annex.rows().size() + annex.badRows());
        if (errors.stream().anyMatch(e -> !e.query()) && mode == Mode.REJECT_IF_ANY_ERROR) {
            return new Outcome(false, null, 0, totalRows, List.copyOf(errors), null, rules);
        }
        Ssda903Return.Accepted accepted = parsed == null ? null : parsed.acceptWithBadRows();
        List<Rows.Header> header = accepted == null ? List.of() : accepted.rows(Rows.Header.class);
        if (parsed != null && header.isEmpty()) {
            return new Outcome(false, null, 0, accepted.droppedRows(), List.copyOf(errors), null, rules);
        }
        if (annex != null && annex.rows().isEmpty()) {
            return new Outcome(false, null, 0, annex.badRows(), List.copyOf(errors));
        }

        Set<String> returnChildren = header.stream().map(Rows.Header::child).collect(Collectors.toCollection(HashSet::new));
        Set<String> annexChildren = annex == null ? Set.of() : annex.rows().stream().map(AnnexAWorkbook.Row8or9::childRef).collect(Collectors.toSet());
        ValidationError wrongLa = wrongLa(la, parsed != null ? returnChildren : annexChildren,
                parsed != null ? String.join(", ", csv.keySet()) : workbook.getKey(), parsed == null ? "ANNEX_A" : "SSDA903");
        if (wrongLa != null) {
            List<ValidationError> all = new ArrayList<>(errors);
            all.add(0, wrongLa);
            return new Outcome(false, null, 0, totalRows, List.copyOf(all), null, rules);
        }

        storing.run();
        UUID snapshot = null;
        int acceptedRows = 0;
        int rejectedRows = 0;
        if (parsed != null) {
            snapshot = store903(la, year, csv.keySet(), accepted, header);
            acceptedRows += accepted.acceptedRows();
            rejectedRows += accepted.droppedRows();
        }
        UUID annexSnapshot = null;
        if (annex != null) {
            annexSnapshot = storeAnnexA(la, year, workbook.getKey(), annex);
            acceptedRows += annex.rows().size();
            rejectedRows += annex.badRows();
        }
        return new Outcome(true, snapshot != null ? snapshot : annexSnapshot, acceptedRows, rejectedRows, List.copyOf(errors), annexSnapshot,
                rules);
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

    private UUID newSnapshot(LocalAuthority la, CollectionYear year, String kind, String source, LocalDate asAt, int accepted, int rejected) {
        jdbc.sql("UPDATE import_snapshot SET superseded_at = ? WHERE la_id = ? AND kind = ? AND collection_year = ? AND superseded_at IS NULL")
                .params(Timestamp.from(clock.instant()), la.id(), kind, year.toString()).update();
        return jdbc.sql("""
                INSERT INTO import_snapshot (la_id, collection_year, kind, source, imported_by, imported_at, as_at, rows_accepted, rows_rejected)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""").params(la.id(), year.toString(), kind, source, currentUser.actor(),
                Timestamp.from(clock.instant()), asAt == null ? null : Date.valueOf(asAt), accepted, rejected).query(UUID.class).single();
    }

    private UUID store903(LocalAuthority la, CollectionYear year, Set<String> fileNames, Ssda903Return.Accepted accepted, List<Rows.Header> header) {
        List<Rows.Episode> episodes = accepted.rows(Rows.Episode.class);
        List<Rows.Review> reviews = accepted.rows(Rows.Review.class);
        List<Rows.Missing> missing = accepted.rows(Rows.Missing.class);
        LocalDate asAt = Stream.of(episodes.stream().flatMap(e -> Stream.of(e.decom(), e.dec())), reviews.stream().map(Rows.Review::review),
                        missing.stream().flatMap(m -> Stream.of(m.misStart(), m.misEnd())))
                .flatMap(s -> s).filter(Objects::nonNull).filter(d -> !d.isAfter(year.end())).max(LocalDate::compareTo).orElse(null);
        UUID snapshot = newSnapshot(la, year, "SSDA903", String.join(", ", fileNames), asAt, accepted.acceptedRows(), accepted.droppedRows());
        Set<String> uasc = accepted.rows(Rows.Uasc.class).stream().map(Rows.Uasc::child).collect(Collectors.toSet());
        Set<String> children = new HashSet<>();
        List<Object[]> childRows = new ArrayList<>();
        for (Rows.Header h : header) {
            if (children.add(h.child())) {
                childRows.add(new Object[] {snapshot, la.id(), h.child(), h.sex(), date(h.dob()), h.ethnic(), uasc.contains(h.child())});
            }
        }
        batch("INSERT INTO child (snapshot_id, la_id, child_ref, sex, dob, ethnic, uasc) VALUES (?, ?, ?, ?, ?, ?, ?)", childRows);
        batch("""
                INSERT INTO episode (snapshot_id, la_id, child_ref, decom, rne, legal_status, cin, place, place_provider, dec, rec)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", episodes.stream().filter(e -> children.contains(e.child()))
                .map(e -> new Object[] {snapshot, la.id(), e.child(), date(e.decom()), e.rne(), e.ls(), e.cin(), e.place(), e.placeProvider(),
                        date(e.dec()), e.rec()}).toList());
        batch("INSERT INTO review (snapshot_id, la_id, child_ref, review_date, review_code) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                reviews.stream().filter(r -> children.contains(r.child()))
                        .map(r -> new Object[] {snapshot, la.id(), r.child(), date(r.review()), r.reviewCode()}).toList());
        batch("INSERT INTO care_leaver (snapshot_id, la_id, child_ref, in_touch, activity, accommodation) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                accepted.rows(Rows.Oc3.class).stream().filter(o -> children.contains(o.child()))
                        .map(o -> new Object[] {snapshot, la.id(), o.child(), o.inTouch(), o.activ(), o.accom()}).toList());
        batch("INSERT INTO missing_episode (snapshot_id, la_id, child_ref, kind, started, ended) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                missing.stream().filter(m -> children.contains(m.child()) && m.misStart() != null)
                        .map(m -> new Object[] {snapshot, la.id(), m.child(), m.missing(), date(m.misStart()), date(m.misEnd())}).toList());
        return snapshot;
    }

    private UUID storeAnnexA(LocalAuthority la, CollectionYear year, String fileName, AnnexAWorkbook.Result annex) {
        UUID snapshot = newSnapshot(la, year, "ANNEX_A", fileName, annex.latestDate(), annex.rows().size(), annex.badRows());
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
