package org.oversight.shared.db;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

/**
 * Backup and restore of the whole Oversight database without {@code pg_dump}: the embedded PostgreSQL 17 ships only
 * the server, and an older {@code pg_dump} (Debian 12 has 15) refuses a newer server. So a backup is every table's rows
 * in PostgreSQL's own binary {@code COPY} format, all read in one REPEATABLE READ transaction (one consistent snapshot
 * while Oversight keeps running), with the sequences, in a zip whose manifest records the schema version (Flyway), each
 * table's columns, row count and SHA-256. A restore checks the file completely first, then replaces the contents of
 * every table in one transaction: it either all happens or nothing changes. The schema itself comes from Flyway, so a
 * backup restores into a database at the same schema version (the restore command migrates a fresh database first).
 *
 * <p>A backup holds every row or fails. It reads as the backup role ({@code OVERSIGHT_DB_BACKUP_USER}, BYPASSRLS,
 * read-only), else as the tables' owner, with {@code row_security = off}: PostgreSQL then raises an error rather than
 * leave out a row that row-level security would hide (as {@code pg_dump} does), and each table's copied rows are
 * compared with its count in the same snapshot. A restore runs as the tables' owner; as {@code COPY FROM} is refused on
 * a table whose row-level security applies to the one loading it, it lifts FORCE ROW LEVEL SECURITY inside the
 * restore's own transaction and puts it back before committing, so no other session ever sees a table without it.
 */
@Component
public class DatabaseBackup {

    static final String FORMAT = "oversight-backup-1";
    private static final String MANIFEST = "manifest.properties";
    private static final String SCHEMA_HISTORY = "flyway_schema_history";

    private final DataSource reader;
    private final DataSource writer;
    private final String readerName;

    @org.springframework.beans.factory.annotation.Autowired
    public DatabaseBackup(org.springframework.core.env.Environment env) {
        DatabaseSettings db = DatabaseSettings.from(env);
        this.reader = db.backupDataSource();
        this.writer = db.ownerDataSource();
        this.readerName = db.hasBackupRole() ? "the backup role " + db.backupUser() : "the tables' owner " + db.owner();
    }

    /** Reads and writes through one login (tests). */
    public DatabaseBackup(DataSource dataSource) {
        this.reader = dataSource;
        this.writer = dataSource;
        this.readerName = "this login";
    }

    /** One table in a backup. */
    public record Table(String name, List<String> columns, long rows, String sha256) {
    }

    public record Summary(String schemaVersion, List<Table> tables, long bytes) {
        public long rows() {
            return tables.stream().mapToLong(Table::rows).sum();
        }
    }

    /** Why a backup file cannot be restored here; nothing was changed. */
    public static class BackupException extends Exception {
        public BackupException(String message) {
            super(message);
        }
    }

    /**
     * Writes a backup to {@code file} (through a temporary file beside it, so a failed backup leaves no half file).
     *
     * @throws BackupException when the login cannot read every row (row-level security applies to it) or a table's
     *         copied rows differ from its count; nothing is written
     */
    public Summary backup(Path file) throws IOException, SQLException, BackupException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (Connection c = reader.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                try (Statement st = c.createStatement()) {
                    // Every row or an error: with row_security off, PostgreSQL refuses a query that row-level security would filter.
                    st.execute("SET LOCAL row_security = off");
                }
                Summary summary = write(c, temp);
                c.commit();
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Summary(summary.schemaVersion(), summary.tables(), Files.size(target));
            } catch (IOException | SQLException | BackupException | RuntimeException e) {
                c.rollback();
                if (e instanceof SQLException sql && "42501".equals(sql.getSQLState()) && String.valueOf(sql.getMessage()).contains("row-level security")) {
                    String why = sql instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                            ? p.getServerErrorMessage().getMessage() : sql.getMessage().strip();
                    throw new BackupException("nothing backed up: " + readerName + " cannot read every LA's rows (" + why
                            + "). Back up as a role with BYPASSRLS: set OVERSIGHT_DB_BACKUP_USER and OVERSIGHT_DB_BACKUP_PASSWORD to the "
                            + "backup role of the README's runbook");
                }
                throw e;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Summary write(Connection c, Path temp) throws IOException, SQLException, BackupException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String version = schemaVersion(c);
        List<String> order = tablesInLoadOrder(c);
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("created-at", Instant.now().toString());
        manifest.setProperty("schema-version", version);
        manifest.setProperty("server-version", single(c, "SHOW server_version"));
        manifest.setProperty("tables", String.join(",", order));
        List<Table> tables = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
            for (int i = 0; i < order.size(); i++) {
                String table = order.get(i);
                List<String> columns = columns(c, table);
                String entry = "tables/%03d-%s.copy".formatted(i, table);
                zip.putNextEntry(new ZipEntry(entry));
                MessageDigest sha = sha256();
                long rows = copy.copyOut("COPY " + quote(table) + " (" + columnList(columns) + ") TO STDOUT (FORMAT binary)",
                        new DigestOutputStream(new KeepOpen(zip), sha));
                zip.closeEntry();
                long live = Long.parseLong(single(c, "SELECT count(*) FROM " + quote(table)));
                if (live != rows) {
                    throw new BackupException("nothing backed up: table " + table + " holds " + live + " rows in this snapshot but "
                            + rows + " were copied");
                }
                String digest = HexFormat.of().formatHex(sha.digest());
                manifest.setProperty("table." + table + ".entry", entry);
                manifest.setProperty("table." + table + ".columns", String.join(",", columns));
                manifest.setProperty("table." + table + ".rows", Long.toString(rows));
                manifest.setProperty("table." + table + ".sha256", digest);
                tables.add(new Table(table, columns, rows, digest));
            }
            for (Map.Entry<String, String> s : sequences(c).entrySet()) {
                manifest.setProperty("sequence." + s.getKey(), s.getValue());
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            StringWriter text = new StringWriter();
            manifest.store(text, "Oversight database backup: restore with bin/oversight restore FILE");
            zip.write(text.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
        return new Summary(version, tables, 0);
    }

    /**
     * Replaces every table's rows with the backup's. The file is checked whole (format, schema version, the same
     * tables and columns, every table's SHA-256) before anything is changed; then one transaction empties the tables,
     * loads them, checks each row count and sets the sequences.
     */
    public Summary restore(Path file) throws IOException, SQLException, BackupException {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(file + ": no such file");
        }
        try (ZipFile zip = openZip(file); Connection c = writer.getConnection()) {
            Properties manifest = manifest(zip, file);
            String version = schemaVersion(c);
            if (!version.equals(manifest.getProperty("schema-version"))) {
                throw new BackupException(file + ": made at schema version " + manifest.getProperty("schema-version")
                        + " but this database is at version " + version + "; restore with the Oversight version that made it");
            }
            List<String> order = List.of(manifest.getProperty("tables", "").split(","));
            Set<String> here = new TreeSet<>(tablesInLoadOrder(c));
            Set<String> there = new TreeSet<>(order);
            if (!here.equals(there)) {
                Set<String> missing = new TreeSet<>(here);
                missing.removeAll(there);
                Set<String> extra = new TreeSet<>(there);
                extra.removeAll(here);
                throw new BackupException(file + ": its tables do not match this database's (not in the backup: " + missing
                        + "; not in this database: " + extra + ")");
            }
            List<Table> tables = new ArrayList<>();
            for (String table : order) {
                List<String> columns = List.of(required(manifest, file, "table." + table + ".columns").split(","));
                if (!columns.equals(columns(c, table))) {
                    throw new BackupException(file + ": table " + table + " has columns " + columns + " in the backup but "
                            + columns(c, table) + " here");
                }
                ZipEntry entry = zip.getEntry(required(manifest, file, "table." + table + ".entry"));
                if (entry == null) {
                    throw new BackupException(file + ": the rows of table " + table + " are missing");
                }
                String expected = required(manifest, file, "table." + table + ".sha256");
                MessageDigest sha = sha256();
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (java.util.zip.ZipException e) {
                    throw new BackupException(file + ": the rows of table " + table + " are damaged (" + e.getMessage() + ")");
                }
                if (!HexFormat.of().formatHex(sha.digest()).equals(expected)) {
                    throw new BackupException(file + ": the rows of table " + table + " do not match their SHA-256; the file is damaged");
                }
                tables.add(new Table(table, columns, Long.parseLong(required(manifest, file, "table." + table + ".rows")), expected));
            }
            load(c, zip, file, manifest, tables);
            return new Summary(version, tables, Files.size(file));
        }
    }

    private void load(Connection c, ZipFile zip, Path file, Properties manifest, List<Table> tables)
            throws SQLException, IOException, BackupException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL lock_timeout = '30s'");
            // COPY FROM is refused where row-level security applies to the loader: the owner lifts FORCE for this
            // transaction only (DDL is transactional, and the tables stay locked until it commits with FORCE back).
            List<String> forced = bypassesRowLevelSecurity(c) ? List.of() : forcedTables(c);
            for (String table : forced) {
                st.execute("ALTER TABLE " + quote(table) + " NO FORCE ROW LEVEL SECURITY");
            }
            st.execute("TRUNCATE " + String.join(", ", tables.stream().map(t -> quote(t.name())).toList()));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (Table t : tables) {
                try (InputStream in = zip.getInputStream(zip.getEntry(manifest.getProperty("table." + t.name() + ".entry")))) {
                    long rows = copy.copyIn("COPY " + quote(t.name()) + " (" + columnList(t.columns()) + ") FROM STDIN (FORMAT binary)", in);
                    if (rows != t.rows()) {
                        throw new BackupException(file + ": table " + t.name() + " loaded " + rows + " rows, the backup says " + t.rows());
                    }
                }
            }
            for (String key : manifest.stringPropertyNames()) {
                if (!key.startsWith("sequence.")) {
                    continue;
                }
                String sequence = key.substring("sequence.".length());
                String value = manifest.getProperty(key);
                if (value.isEmpty()) {
                    st.execute("ALTER SEQUENCE " + quote(sequence) + " RESTART");
                } else {
                    try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
                        ps.setString(1, quote(sequence));
                        ps.setLong(2, Long.parseLong(value));
                        ps.execute();
                    }
                }
            }
            for (String table : forced) {
                st.execute("ALTER TABLE " + quote(table) + " FORCE ROW LEVEL SECURITY");
            }
            c.commit();
        } catch (SQLException | IOException | BackupException | RuntimeException e) {
            c.rollback();
            if (e instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                throw new BackupException("the database is busy: stop Oversight (bin/run) before restoring into its database");
            }
            throw e;
        }
    }

    private static boolean bypassesRowLevelSecurity(Connection c) throws SQLException {
        return "true".equals(single(c, "SELECT (rolsuper OR rolbypassrls)::text FROM pg_roles WHERE rolname = current_user"));
    }

    private static List<String> forcedTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relforcerowsecurity ORDER BY 1
                """)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static ZipFile openZip(Path file) throws BackupException, IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new BackupException(file + ": not an Oversight backup (not a zip file)");
        }
    }

    private static Properties manifest(ZipFile zip, Path file) throws IOException, BackupException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new BackupException(file + ": not an Oversight backup (no " + MANIFEST + ")");
        }
        Properties manifest = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            manifest.load(new StringReader(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)));
        }
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new BackupException(file + ": not an Oversight backup of a format this version reads (format "
                    + manifest.getProperty("format") + ", expected " + FORMAT + ")");
        }
        return manifest;
    }

    private static String required(Properties manifest, Path file, String key) throws BackupException {
        String value = manifest.getProperty(key);
        if (value == null) {
            throw new BackupException(file + ": the manifest has no " + key);
        }
        return value;
    }

    private static String schemaVersion(Connection c) throws SQLException {
        return single(c, "SELECT version FROM " + SCHEMA_HISTORY + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
    }

    /**
     * The application's tables, parents before the tables whose foreign keys (or reference-checking triggers) point at them (then by name). Not the
     * schema history (Flyway's, the same at the same version) nor the scope-signing key: a credential, not data; a
     * restored database keeps its own, which the instances running on it know.
     */
    static List<String> tablesInLoadOrder(Connection c) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind = 'r' AND NOT c.relispartition
                   AND c.relname NOT IN ('flyway_schema_history', 'oversight_scope_key')
                """)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Set<String>> parents = new TreeMap<>();
        tables.forEach(t -> parents.put(t, new TreeSet<>()));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT child.relname, parent.relname FROM pg_constraint k
                  JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
                 WHERE k.contype = 'f' AND child.relname <> parent.relname
                """)) {
            while (rs.next()) {
                if (parents.containsKey(rs.getString(1)) && tables.contains(rs.getString(2))) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        // References checked by a statement trigger instead of a foreign key (the ssd_* tables, V42_16): the snapshot,
        // and the child when the trigger names the child's column, else the LA (V47_16).
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT DISTINCT c.relname, t.tgnargs > 0 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
                 WHERE p.proname = 'ssd_check_references' AND c.relnamespace = current_schema()::regnamespace
                """)) {
            while (rs.next()) {
                Set<String> of = parents.get(rs.getString(1));
                if (of != null) {
                    for (String parent : rs.getBoolean(2) ? List.of("import_snapshot", "ssd_person") : List.of("import_snapshot", "local_authority")) {
                        if (tables.contains(parent) && !parent.equals(rs.getString(1))) {
                            of.add(parent);
                        }
                    }
                }
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        while (ordered.size() < tables.size()) {
            boolean progress = false;
            for (String t : tables) {
                if (!ordered.contains(t) && ordered.containsAll(parents.get(t))) {
                    ordered.add(t);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys between these tables form a cycle: " + parents);
            }
        }
        return List.copyOf(ordered);
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.attname FROM pg_attribute a
                 WHERE a.attrelid = (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                      WHERE n.nspname = current_schema() AND c.relname = ?)
                   AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum
                """)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** Each sequence and its last value (empty when never used). */
    private static Map<String, String> sequences(Connection c) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema() ORDER BY sequencename
                """)) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
            }
        }
        return values;
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("no result for " + sql);
            }
            return rs.getString(1);
        }
    }

    private static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(DatabaseBackup::quote).toList());
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets COPY write into the current zip entry without closing the zip. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
