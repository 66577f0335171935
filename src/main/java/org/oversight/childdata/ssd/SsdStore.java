package org.oversight.childdata.ssd;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes SSD rows as a new dated snapshot of an LA: the current snapshot of the same kind and year is superseded (kept,
 * not deleted), then every table's rows are copied ({@code COPY FROM STDIN}) into a temporary table of the transaction
 * and go into the store in one {@code INSERT ... SELECT} per table, under the LA's row-level security (which refuses
 * {@code COPY FROM} into the store itself, not into a temporary table); tables of fewer than {@link #COPY_FROM_ROWS}
 * rows go in as arrays, below; the store's statement triggers check the
 * references once per table ({@code V42_16}). The rows name their snapshot by its number ({@code import_snapshot.no}, 4 bytes
 * instead of the id's 16: {@code V44_16}). Each table's rows go in in the order of its primary key (the snapshot, then
 * the row's id, in the database's collation): its indexes are packed full ({@code V43_16}, fill factor 100), which only
 * holds when each new key comes after the last one on its page; in the file's order a page that is full splits in two
 * halves at every key out of order (measured: 8.4 MB of primary key for the bench's 94,387 CIN visits against 5.1 MB). Without a {@link DataSource} (a test's own store), or where the application's
 * role may not make temporary tables, the rows go in as batches of arrays that PostgreSQL unnests instead. Runs inside the caller's transaction.
 */
final class SsdStore {

    static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;

    /**
     * Tables of fewer rows go in as arrays even with a data source: making, filling and dropping a temporary table is
     * five statements and catalog rows, more than it saves on a small table (a national import is 153 extracts, most small).
     */
    static final int COPY_FROM_ROWS = 2_000;

    private final int copyFrom;

    SsdStore(JdbcClient jdbc, Clock clock) {
        this(jdbc, null, clock);
    }

    /** A store that copies the rows of large tables through a temporary table, on the transaction's connection of this data source. */
    SsdStore(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this(jdbc, dataSource, clock, COPY_FROM_ROWS);
    }

    /** The same, copying every table of at least {@code copyFrom} rows (tests copy every table). */
    SsdStore(JdbcClient jdbc, DataSource dataSource, Clock clock, int copyFrom) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        this.copyFrom = copyFrom;
    }

    /** A new snapshot of that kind ({@code SSD} or {@code CIN_CENSUS}) superseding the current one of the year. */
    UUID newSnapshot(UUID laId, String year, String kind, String source, String actor, LocalDate asAt, long accepted, long rejected) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("UPDATE import_snapshot SET superseded_at = ? WHERE la_id = ? AND kind = ? AND collection_year = ? AND superseded_at IS NULL")
                .params(now, laId, kind, year).update();
        return jdbc.sql("""
                INSERT INTO import_snapshot (la_id, collection_year, kind, source, imported_by, imported_at, as_at, rows_accepted, rows_rejected)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""").params(laId, year, kind, source, actor, now,
                asAt == null ? null : Date.valueOf(asAt), (int) Math.min(Integer.MAX_VALUE, accepted), (int) Math.min(Integer.MAX_VALUE, rejected))
                .query(UUID.class).single();
    }

    /** The number the store's rows name a snapshot by ({@code import_snapshot.no}, {@code V44_16}), read under row-level security. */
    static int number(JdbcClient jdbc, UUID snapshot) {
        return jdbc.sql("SELECT no FROM import_snapshot WHERE id = ?").param(snapshot).query(Integer.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("No snapshot " + snapshot));
    }

    /** Writes every table's rows into the snapshot, parents first. */
    void write(UUID snapshotId, UUID laId, SsdData data) {
        int snapshot = number(jdbc, snapshotId);
        // A database whose application role may not make temporary tables (REVOKE TEMPORARY ... FROM PUBLIC) takes the arrays.
        boolean staged = dataSource != null && data.total() >= copyFrom && jdbc.sql("SELECT has_database_privilege(current_database(), 'TEMPORARY')").query(Boolean.class).single();
        if (staged) {
            sortInMemory();
        }
        for (SsdSchema.Table t : SsdSchema.get().tables()) {
            List<String[]> rows = data.rows(t.name());
            if (staged && rows.size() >= copyFrom) {
                copy(snapshot, laId, t, rows);
                continue;
            }
            for (int from = 0; from < rows.size(); from += BATCH) {
                insert(snapshot, laId, t, rows.subList(from, Math.min(rows.size(), from + BATCH)));
            }
        }
    }

    /**
     * Gives the rest of the transaction {@link #SORT_MEMORY} of memory for each sort (never less than the server's own
     * {@code work_mem}): the rows of a large table go into the store sorted by its key, and at PostgreSQL's default 4 MB the
     * bench's 94,387 CIN visits were sorted on disk (an external merge of 6.9 MB, about a third of that table's writing,
     * measured with auto_explain), not in memory.
     */
    private void sortInMemory() {
        jdbc.sql("SELECT set_config('work_mem', ?, true) WHERE pg_size_bytes(current_setting('work_mem')) < pg_size_bytes(?)")
                .params(SORT_MEMORY, SORT_MEMORY).query(String.class).optional();
    }

    /** The memory a sort of the import may take: one table's rows and their keys (2 imports at once take twice this). */
    static final String SORT_MEMORY = "64MB";

    /**
     * One table's rows: copied in PostgreSQL's text format into a temporary table of the store's columns and types
     * (dropped at once, and at the latest when the transaction ends), then one {@code INSERT ... SELECT} into the store.
     */
    private void copy(int snapshot, UUID laId, SsdSchema.Table t, List<String[]> rows) {
        StringJoiner names = new StringJoiner(", ");
        t.columns().forEach(c -> names.add(c.name()));
        String stage = "ssd_stage_" + t.name().substring("ssd_".length());
        jdbc.sql("DROP TABLE IF EXISTS pg_temp." + stage).update();
        jdbc.sql("CREATE TEMPORARY TABLE " + stage + " ON COMMIT DROP AS SELECT " + names + " FROM " + t.name() + " WITH NO DATA").update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY pg_temp." + stage + " (" + names + ") FROM STDIN");
            try (Writer out = new OutputStreamWriter(new PGCopyOutputStream(in, 1 << 16), StandardCharsets.UTF_8)) {
                // Rows are put together in a buffer of the writer's own and written 64 K characters at a time: written
                // character by character to a BufferedWriter (which locks for each), they were most of the import's
                // Java time after reading (JFR: 24 of 31 samples of the copy).
                StringBuilder buffer = new StringBuilder(1 << 17);
                for (String[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            buffer.append('\t');
                        }
                        text(buffer, row[i]);
                    }
                    buffer.append('\n');
                    if (buffer.length() >= 1 << 16) {
                        out.append(buffer);
                        buffer.setLength(0);
                    }
                }
                out.append(buffer);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not copy the rows of " + t.name() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("Could not copy the rows of " + t.name() + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.sql("INSERT INTO " + t.name() + " (snapshot_no, la_id, " + names + ") SELECT ?, ?, " + names + " FROM pg_temp." + stage
                        + " ORDER BY " + t.key())
                .params(snapshot, laId).update();
        jdbc.sql("DROP TABLE pg_temp." + stage).update();
    }

    /**
     * A value in COPY's text format: {@code \N} for none, backslash, tab, newline and carriage return escaped (a value
     * with none of them, nearly all, is appended whole).
     */
    static void text(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        int plain = 0;
        while (plain < value.length() && !escaped(value.charAt(plain))) {
            plain++;
        }
        out.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static boolean escaped(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    private void insert(int snapshot, UUID laId, SsdSchema.Table t, List<String[]> rows) {
        List<SsdSchema.Column> columns = t.columns();
        StringJoiner names = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        StringJoiner arrays = new StringJoiner(", ");
        StringJoiner aliases = new StringJoiner(", ");
        for (int i = 0; i < columns.size(); i++) {
            SsdSchema.Column c = columns.get(i);
            names.add(c.name());
            values.add(switch (c.type()) {
                case DATE -> "c" + i + "::date";
                case INTEGER -> "c" + i + "::integer";
                case NUMERIC -> "c" + i + "::numeric";
                case TEXT -> "c" + i;
            });
            arrays.add("?::text[]");
            aliases.add("c" + i);
        }
        Object[] params = new Object[columns.size() + 2];
        params[0] = snapshot;
        params[1] = laId;
        for (int i = 0; i < columns.size(); i++) {
            String[] column = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                column[r] = rows.get(r)[i];
            }
            params[i + 2] = column;
        }
        jdbc.sql("INSERT INTO " + t.name() + " (snapshot_no, la_id, " + names + ") SELECT ?, ?, " + values
                        + " FROM unnest(" + arrays + ") AS u(" + aliases + ") ORDER BY c" + t.index(t.key()))
                .params(params).update();
    }

    /** The rows of the named tables of a snapshot, every value as text (dates yyyy-mm-dd), as {@link SsdData} holds them. */
    SsdData read(UUID snapshot, List<String> tables) {
        SsdData data = new SsdData();
        for (String name : tables) {
            SsdSchema.Table t = SsdSchema.get().table(name);
            StringJoiner columns = new StringJoiner(", ");
            t.columns().forEach(c -> columns.add(c.name() + "::text"));
            int n = t.columns().size();
            List<String[]> rows = data.rows(name);
            jdbc.sql("SELECT " + columns + " FROM " + name + " WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?)").param(snapshot)
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                        String[] row = new String[n];
                        for (int i = 0; i < n; i++) {
                            row[i] = rs.getString(i + 1);
                        }
                        rows.add(row);
                    });
        }
        return data;
    }
}
