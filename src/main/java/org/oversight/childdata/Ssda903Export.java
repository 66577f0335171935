package org.oversight.childdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.oversight.access.AccessLog;
import org.oversight.access.CurrentUser;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.Dates;
import org.oversight.childdata.ssda903.Ssda903Return;
import org.oversight.childdata.ssda903.Ssda903Table;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SSDA903 return of a collection year as DfE's CSV files, made from the LA's current SSDA903 data: Header,
 * Episodes, Reviews, OC3 and Missing from their tables, UASC, OC2, AD1, PlacedAdoption, PrevPerm, SWEpisodes and DoLo
 * from the rows kept as imported ({@code ssda903_row}), in DfE's file and column names, dates as dd/mm/yyyy. The files
 * are read back and checked by Oversight's own SSDA903 validation (every rule of the year). For the LA's managers;
 * each export is written to the access log.
 */
@Service
public class Ssda903Export {

    /** One file of the return and its rows. */
    public record TableFile(Ssda903Table table, String fileName, int rows) {
    }

    /**
     * One export.
     *
     * @param fileName  the ZIP's name, e.g. {@code ssda903-201-2026-27.zip}
     * @param files     the CSV files in the ZIP, in DfE's table order, with their bytes
     * @param check     Oversight's validation of those files
     * @param source    the snapshot it was made from, described
     */
    public record Export(CollectionYear year, String fileName, Map<String, byte[]> files, List<TableFile> tables, Ssda903Return check,
                         String source) {

        public long errors() {
            return check.errorCount();
        }

        public long queries() {
            return check.queryTotal();
        }

        /** How many errors and queries each rule found, by code ("233", "164 (query)"). */
        public Map<String, Long> byRule() {
            Map<String, Long> out = new TreeMap<>();
            check.errors().forEach(e -> out.merge(e.ruleCode() + (e.query() ? " (query)" : ""), 1L, Long::sum));
            return out;
        }

        public List<ValidationError> findings() {
            return check.errors();
        }

        /** The files as one ZIP. */
        public byte[] zip() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    zip.putNextEntry(new ZipEntry(f.getKey()));
                    zip.write(f.getValue());
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AccessLog accessLog;
    Ssda903Export(JdbcClient jdbc, CurrentUser currentUser, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.accessLog = accessLog;
    }

    public boolean mayUse(UUID laId) {
        return currentUser.canManage(laId);
    }

    /**
     * The collection year {@code year} names: its start year ({@code 2026}) or its name ({@code 2026-27}); a 400 in
     * words otherwise.
     */
    public static CollectionYear year(String year) {
        String y = year == null ? "" : year.strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})(?:[-/](\\d{2}))?").matcher(y);
        if (m.matches()) {
            int start = Integer.parseInt(m.group(1));
            boolean consistent = m.group(2) == null || Integer.parseInt(m.group(2)) == (start + 1) % 100;
            if (consistent && start >= 2000 && start <= 2100) {
                return CollectionYear.of(start);
            }
        }
        throw new InvalidInputException(List.of(new FieldProblem("year", "Give the collection year as the year it starts (1 April), for example "
                + "2026 for 2026-27" + (y.isEmpty() ? "" : "; '" + y + "' is not one"))));
    }

    /** The collection years the LA has current SSDA903 data for, newest first. */
    public List<CollectionYear> years(UUID laId) {
        return jdbc.sql("""
                SELECT collection_year FROM import_snapshot WHERE la_id = ? AND kind = 'SSDA903' AND superseded_at IS NULL
                 ORDER BY collection_year DESC""").param(laId).query(String.class).list().stream()
                .map(y -> CollectionYear.of(Integer.parseInt(y.substring(0, 4)))).toList();
    }

    /** The newest year with data, if any. */
    public Optional<CollectionYear> latest(UUID laId) {
        return years(laId).stream().findFirst();
    }

    /**
     * The return of the year for the LA. 403 for anyone but its managers; 404 in words when it has no current SSDA903
     * data for the year.
     *
     * @param download true for the ZIP (logged as its export), false to show its check on a page
     */
    @Transactional
    public Export export(LocalAuthority la, CollectionYear year, boolean download) {
        if (!mayUse(la.id())) {
            throw new AccessDeniedException("The SSDA903 return holds children's records: only " + la.name() + "'s managers can produce it");
        }
        record Source(UUID id, String source, java.sql.Timestamp importedAt) {
        }
        Source snapshot = jdbc.sql("""
                SELECT id, source, imported_at FROM import_snapshot
                 WHERE la_id = ? AND kind = 'SSDA903' AND collection_year = ? AND superseded_at IS NULL""").params(la.id(), year.toString())
                .query((rs, i) -> new Source(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3))).optional()
                .orElseThrow(() -> new NotFoundException(la.name() + " has no SSDA903 data for " + year + ": import the return on the "
                        + "child-level data page first" + (years(la.id()).isEmpty() ? "" : " (it has data for " + String.join(", ",
                        years(la.id()).stream().map(CollectionYear::toString).toList()) + ")")));
        Map<Ssda903Table, List<String[]>> tables = read(snapshot.id());
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<TableFile> written = new ArrayList<>();
        for (Map.Entry<Ssda903Table, List<String[]>> t : tables.entrySet()) {
            if (!written(t.getKey(), t.getValue())) {
                continue;
            }
            files.put(t.getKey().fileName(), csv(t.getKey(), t.getValue()));
            written.add(new TableFile(t.getKey(), t.getKey().fileName(), t.getValue().size()));
        }
        Ssda903Return check = Ssda903Return.read(files, Ssda903Return.Options.of(year).withLa(la.laCodeNew()));
        int children = tables.get(Ssda903Table.HEADER).size();
        accessLog.record(la.id(), AccessLog.ALL_CHILDREN, "SSDA903 return " + year + " (" + children + " children) "
                + (download ? "export" : "check, read on screen"), null);
        String source = snapshot.source() + ", imported " + org.oversight.shared.Dates.day(snapshot.importedAt().toInstant());
        return new Export(year, "ssda903-" + la.laCode() + "-" + year + ".zip", files, written, check, source);
    }

    /** Whether a table is one of the return's files: Header and Episodes always, any other table when it has rows. */
    static boolean written(Ssda903Table table, List<String[]> rows) {
        return !rows.isEmpty() || table == Ssda903Table.HEADER || table == Ssda903Table.EPISODES;
    }

    /**
     * Every table of the snapshot, as rows of values in DfE's column order (null for a blank), in DfE's table order: what
     * the export writes out, and what a partial update is checked against ({@code ChildDataImporter}).
     */
    Map<Ssda903Table, List<String[]>> read(UUID snapshot) {
        Map<Ssda903Table, List<String[]>> out = new LinkedHashMap<>();
        for (Ssda903Table t : Ssda903Table.values()) {
            out.put(t, new ArrayList<>());
        }
        jdbc.sql("SELECT child_ref, sex, dob, ethnic, upn, mother, mc_dob FROM child WHERE snapshot_id = ? ORDER BY child_ref").param(snapshot)
                .query(rs -> {
                    out.get(Ssda903Table.HEADER).add(row(rs, 7));
                });
        jdbc.sql("""
                SELECT child_ref, decom, rne, legal_status, cin, place, place_provider, dec, rec, reason_place_change, home_post, pl_post, urn
                  FROM episode WHERE snapshot_id = ? ORDER BY child_ref, decom""").param(snapshot)
                .query(rs -> {
                    out.get(Ssda903Table.EPISODES).add(row(rs, 13));
                });
        jdbc.sql("""
                SELECT r.child_ref, c.dob, r.review_date, r.review_code FROM review r
                  JOIN child c ON c.snapshot_id = r.snapshot_id AND c.child_ref = r.child_ref
                 WHERE r.snapshot_id = ? ORDER BY r.child_ref, r.review_date""").param(snapshot)
                .query(rs -> {
                    out.get(Ssda903Table.REVIEWS).add(row(rs, 4));
                });
        jdbc.sql("""
                SELECT l.child_ref, c.dob, l.in_touch, l.activity, l.accommodation FROM care_leaver l
                  JOIN child c ON c.snapshot_id = l.snapshot_id AND c.child_ref = l.child_ref
                 WHERE l.snapshot_id = ? ORDER BY l.child_ref""").param(snapshot)
                .query(rs -> {
                    out.get(Ssda903Table.OC3).add(row(rs, 5));
                });
        jdbc.sql("""
                SELECT m.child_ref, c.dob, m.kind, m.started, m.ended FROM missing_episode m
                  JOIN child c ON c.snapshot_id = m.snapshot_id AND c.child_ref = m.child_ref
                 WHERE m.snapshot_id = ? ORDER BY m.child_ref, m.started, m.kind""").param(snapshot)
                .query(rs -> {
                    out.get(Ssda903Table.MISSING).add(row(rs, 5));
                });
        Map<String, Ssda903Table> byName = new LinkedHashMap<>();
        Arrays.stream(Ssda903Table.values()).forEach(t -> byName.put(t.dfeName(), t));
        jdbc.sql("SELECT table_name, fields FROM ssda903_row WHERE snapshot_id = ? ORDER BY table_name, row_no").param(snapshot)
                .query(rs -> {
                    Ssda903Table t = byName.get(rs.getString(1));
                    Array a = rs.getArray(2);
                    String[] fields = (String[]) a.getArray();
                    out.get(t).add(Arrays.copyOf(fields, t.columns().size()));
                });
        return out;
    }

    private static String[] row(ResultSet rs, int columns) throws SQLException {
        String[] v = new String[columns];
        for (int i = 0; i < columns; i++) {
            Object o = rs.getObject(i + 1);
            v[i] = o instanceof java.sql.Date d ? Dates.format(d.toLocalDate()) : o instanceof LocalDate d ? Dates.format(d)
                    : o == null || o.toString().isBlank() ? null : o.toString();
        }
        return v;
    }

    /** One table as a DfE CSV file: the header row, then the rows; a blank for null. */
    static byte[] csv(Ssda903Table table, List<String[]> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSV)) {
            p.printRecord(table.columns());
            for (String[] r : rows) {
                p.printRecord((Object[]) Arrays.stream(r).map(v -> v == null ? "" : v).toArray(String[]::new));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
