package org.oversight.childdata.persistence;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The rows of a {@code COPY (SELECT …) TO STDOUT (FORMAT binary)}, read from its bytes: PostgreSQL's binary COPY
 * format (a signature, flags and a header extension, then per row a 16-bit field count and each field as a 32-bit
 * length, -1 for NULL, and its bytes in the type's binary form; a count of -1 ends the data). Reading them here
 * rather than through the driver's result set skips its per-row array of per-column byte arrays, the text form of
 * each date and its parsing: a date is 4 bytes (days since 1 January 2000), a uuid 16, text its UTF-8 bytes.
 *
 * <p>Call {@link #next()} until it returns false, reading the row's columns (from 0) in between; the reader checks the
 * whole stream (signature, no OID column, every row the same width, the end marker and nothing after it) and refuses a
 * column read as a type of another width. One reader per query and thread.
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 1 January 2000, PostgreSQL's day 0, as a day of the epoch (1 January 1970). */
    private static final int POSTGRES_EPOCH_DAY = 10_957;
    /** The days whose {@link LocalDate} is made once and shared: 1 January 1900 to 31 December 2099 (immutable values). */
    private static final int FIRST_CACHED = -36_524;
    private static final LocalDate[] DATES = new LocalDate[73_049];
    private static final Set<String> YES = Set.of("true", "y", "yes", "1", "t");

    private final InputStream in;
    private byte[] buffer;
    /** Where the current row starts in the buffer, where reading is, and the end of what has been read. */
    private int rowStart;
    private int position;
    private int limit;
    /** Each column's start, relative to the row's, or -1 for NULL, and its length. */
    private int[] starts = new int[16];
    private int[] lengths = new int[16];
    private int columns = -1;
    private boolean ended;
    private boolean inHeader = true;
    /** Per column: the last value decoded by {@link #repeatedText} and its bytes. */
    private String[] lastTexts = new String[16];
    private byte[][] lastBytes = new byte[16][];
    private UUID lastUuid;
    private final byte[] lastUuidBytes = new byte[16];
    /**
     * For each column read, the column of the data it is, -1 for one the query left out (read as NULL); null when they are the
     * same. The data's own columns' starts and lengths, when they differ from those read.
     */
    private final int[] columnsRead;
    private int[] dataStarts;
    private int[] dataLengths;

    BinaryCopyRows(InputStream in) throws IOException {
        this(in, 1 << 16, null);
    }

    /**
     * Rows whose columns are read as {@code columns} says: column {@code c} is the data's column {@code columns[c]}, or NULL when
     * that is -1 (a column the query left out, kept in its place for the caller); all the data's columns when null.
     */
    BinaryCopyRows(InputStream in, int[] columns) throws IOException {
        this(in, 1 << 16, columns);
    }

    BinaryCopyRows(InputStream in, int bufferSize) throws IOException {
        this(in, bufferSize, null);
    }

    private BinaryCopyRows(InputStream in, int bufferSize, int[] columns) throws IOException {
        this.in = in;
        this.buffer = new byte[Math.max(32, bufferSize)];
        this.columnsRead = columns == null ? null : columns.clone();
        header();
    }

    private void header() throws IOException {
        ensure(SIGNATURE.length);
        if (!Arrays.equals(buffer, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IOException("Not PostgreSQL binary COPY data: the signature is missing");
        }
        position = SIGNATURE.length;
        ensure(8);
        int flags = int32();
        if ((flags & (1 << 16)) != 0) {
            throw new IOException("Binary COPY data with an OID column is not read here");
        }
        if ((flags & 0xFFFF) != 0) {
            throw new IOException("Binary COPY data with critical flags " + Integer.toHexString(flags) + " this reader does not know");
        }
        int extension = int32();
        if (extension < 0) {
            throw new IOException("Binary COPY header extension of negative length " + extension);
        }
        ensure(extension);
        position += extension;
        inHeader = false;
    }

    /** Moves to the next row: false after the last one (the end marker read and nothing after it). */
    boolean next() throws IOException {
        if (ended) {
            return false;
        }
        rowStart = position;
        ensure(2);
        int count = (short) ((buffer[position] & 0xFF) << 8 | buffer[position + 1] & 0xFF);
        position += 2;
        if (count == -1) {
            ended = true;
            if (position < limit || in.read() != -1) {
                throw new IOException("Binary COPY data goes on after its end marker");
            }
            return false;
        }
        if (count < 0 || (columns >= 0 && count != columns)) {
            throw new IOException("Binary COPY row of " + count + " columns" + (columns >= 0 ? ", the rows before had " + columns : ""));
        }
        if (columns < 0) {
            columns = count;
            int read = columnsRead == null ? count : columnsRead.length;
            starts = new int[read];
            lengths = new int[read];
            lastTexts = new String[read];
            lastBytes = new byte[read][];
            if (columnsRead != null) {
                for (int c : columnsRead) {
                    if (c >= count) {
                        throw new IOException("Binary COPY rows of " + count + " columns, not the " + (c + 1) + " or more expected");
                    }
                }
                dataStarts = new int[count];
                dataLengths = new int[count];
            }
        }
        int[] rowStarts = columnsRead == null ? starts : dataStarts;
        int[] rowLengths = columnsRead == null ? lengths : dataLengths;
        for (int c = 0; c < count; c++) {
            ensure(4);
            int length = int32();
            if (length == -1) {
                rowStarts[c] = -1;
                rowLengths[c] = 0;
            } else if (length < 0) {
                throw new IOException("Binary COPY column " + c + " of negative length " + length);
            } else {
                ensure(length);
                rowStarts[c] = position - rowStart;
                rowLengths[c] = length;
                position += length;
            }
        }
        if (columnsRead != null) {
            for (int c = 0; c < columnsRead.length; c++) {
                int d = columnsRead[c];
                starts[c] = d < 0 ? -1 : dataStarts[d];
                lengths[c] = d < 0 ? 0 : dataLengths[d];
            }
        }
        return true;
    }

    boolean isNull(int column) {
        return starts[column] < 0;
    }

    /** A text column (or any column whose binary form is its text, as {@code text} and {@code varchar}); null for NULL. */
    String text(int column) {
        int start = starts[column];
        return start < 0 ? null : new String(buffer, rowStart + start, lengths[column], StandardCharsets.UTF_8);
    }

    /**
     * A text column whose value often repeats from one row to the next (rows in runs of it, as imported): the previous row's string
     * when the bytes are the same, so it is decoded once per run of rows.
     */
    String repeatedText(int column) {
        int start = starts[column];
        if (start < 0) {
            return null;
        }
        int from = rowStart + start;
        int length = lengths[column];
        byte[] last = lastBytes[column];
        if (last == null || !Arrays.equals(buffer, from, from + length, last, 0, last.length)) {
            lastBytes[column] = Arrays.copyOfRange(buffer, from, from + length);
            lastTexts[column] = new String(buffer, from, length, StandardCharsets.UTF_8);
        }
        return lastTexts[column];
    }

    /**
     * A text column read as a yes: {@code t}, {@code 1}, {@code y} (either case) and {@code true} from their bytes, else the text trimmed
     * and in lower case one of true, y, yes, 1, t; NULL is no.
     */
    boolean yes(int column) {
        int start = starts[column];
        if (start < 0) {
            return false;
        }
        int from = rowStart + start;
        int length = lengths[column];
        if (length == 1) {
            switch (buffer[from]) {
                case 't', '1', 'y', 'T', 'Y' -> {
                    return true;
                }
                case 'f', '0', 'n', 'F', 'N' -> {
                    return false;
                }
                default -> {
                }
            }
        } else if (length == 4 && buffer[from] == 't' && buffer[from + 1] == 'r' && buffer[from + 2] == 'u' && buffer[from + 3] == 'e') {
            return true;
        } else if (length == 5 && buffer[from] == 'f' && buffer[from + 1] == 'a' && buffer[from + 2] == 'l' && buffer[from + 3] == 's'
                && buffer[from + 4] == 'e') {
            return false;
        }
        return YES.contains(new String(buffer, from, length, StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT));
    }

    /** A {@code boolean} column; NULL is false. */
    boolean bool(int column) {
        int start = width(column, 1);
        return start >= 0 && buffer[start] != 0;
    }

    /** An {@code integer} column; null for NULL. */
    Integer int4(int column) {
        int start = width(column, 4);
        return start < 0 ? null : int32At(start);
    }

    /** A {@code date} column; null for NULL, {@link LocalDate#MAX} and {@link LocalDate#MIN} for infinity and -infinity. */
    LocalDate date(int column) {
        int start = width(column, 4);
        if (start < 0) {
            return null;
        }
        int day = int32At(start);
        if (day == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        if (day == Integer.MIN_VALUE) {
            return LocalDate.MIN;
        }
        int index = day - FIRST_CACHED;
        if (index < 0 || index >= DATES.length) {
            return LocalDate.ofEpochDay((long) POSTGRES_EPOCH_DAY + day);
        }
        LocalDate date = DATES[index];
        if (date == null) {
            // a benign race: two threads may make the same immutable value
            date = LocalDate.ofEpochDay(POSTGRES_EPOCH_DAY + day);
            DATES[index] = date;
        }
        return date;
    }

    /** A {@code uuid} column; null for NULL. The previous row's value when the bytes are the same. */
    UUID uuid(int column) {
        int start = width(column, 16);
        if (start < 0) {
            return null;
        }
        if (lastUuid == null || !Arrays.equals(buffer, start, start + 16, lastUuidBytes, 0, 16)) {
            System.arraycopy(buffer, start, lastUuidBytes, 0, 16);
            lastUuid = new UUID(int64At(start), int64At(start + 8));
        }
        return lastUuid;
    }

    /** The column's absolute start in the buffer, -1 for NULL; a value of another width is refused. */
    private int width(int column, int width) {
        int start = starts[column];
        if (start < 0) {
            return -1;
        }
        if (lengths[column] != width) {
            throw new IllegalStateException("Binary COPY column " + column + " is " + lengths[column] + " bytes, not " + width);
        }
        return rowStart + start;
    }

    private int int32() {
        int value = int32At(position);
        position += 4;
        return value;
    }

    private int int32At(int at) {
        return (buffer[at] & 0xFF) << 24 | (buffer[at + 1] & 0xFF) << 16 | (buffer[at + 2] & 0xFF) << 8 | buffer[at + 3] & 0xFF;
    }

    private long int64At(int at) {
        return (long) int32At(at) << 32 | int32At(at + 4) & 0xFFFFFFFFL;
    }

    /** At least n bytes read beyond the position: the row so far moved to the buffer's start (a larger buffer if need be). */
    private void ensure(int n) throws IOException {
        if (limit - position >= n) {
            return;
        }
        int kept = limit - rowStart;
        int needed = position - rowStart + n;
        if (needed > buffer.length) {
            byte[] larger = new byte[Math.max(needed, buffer.length * 2)];
            System.arraycopy(buffer, rowStart, larger, 0, kept);
            buffer = larger;
        } else if (rowStart > 0) {
            System.arraycopy(buffer, rowStart, buffer, 0, kept);
        }
        position -= rowStart;
        limit = kept;
        rowStart = 0;
        while (limit - position < n) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                throw new EOFException("Binary COPY data ended " + (inHeader ? "inside its header" : "inside a row"));
            }
            limit += read;
        }
    }
}
