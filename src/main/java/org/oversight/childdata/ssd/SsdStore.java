package org.oversight.childdata.ssd;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes SSD rows as a new dated snapshot of an LA: the current snapshot of the same kind and year is superseded (kept,
 * not deleted), then every table goes in as batches of arrays that PostgreSQL unnests ({@code INSERT ... SELECT FROM
 * unnest(...)}), one statement per batch: row-level security refuses {@code COPY FROM}, and this is as fast as it gets
 * without it. Runs inside the caller's transaction.
 */
final class SsdStore {

    static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    SsdStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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

    /** Writes every table's rows into the snapshot, parents first. */
    void write(UUID snapshot, UUID laId, SsdData data) {
        for (SsdSchema.Table t : SsdSchema.get().tables()) {
            List<String[]> rows = data.rows(t.name());
            for (int from = 0; from < rows.size(); from += BATCH) {
                insert(snapshot, laId, t, rows.subList(from, Math.min(rows.size(), from + BATCH)));
            }
        }
    }

    private void insert(UUID snapshot, UUID laId, SsdSchema.Table t, List<String[]> rows) {
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
        jdbc.sql("INSERT INTO " + t.name() + " (snapshot_id, la_id, " + names + ") SELECT ?, ?, " + values
                        + " FROM unnest(" + arrays + ") AS u(" + aliases + ")")
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
            jdbc.sql("SELECT " + columns + " FROM " + name + " WHERE snapshot_id = ?").param(snapshot)
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
