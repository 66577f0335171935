package org.oversight.childdata.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL's binary COPY format read from bytes written here by the format's definition (the PostgreSQL manual, "COPY",
 * "Binary Format"): tricky values, rows split across reads and larger than the buffer, and damaged streams.
 * {@code BinaryCopyRowsIT} reads the same kinds of values from a real PostgreSQL and compares them with the driver's.
 */
class BinaryCopyRowsTest {

    /** A binary COPY stream under construction. */
    private static final class Copy {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);

        Copy() throws IOException {
            this(0, new byte[0]);
        }

        Copy(int flags, byte[] extension) throws IOException {
            out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0});
            out.writeInt(flags);
            out.writeInt(extension.length);
            out.write(extension);
        }

        Copy row(Object... values) throws IOException {
            out.writeShort(values.length);
            for (Object value : values) {
                switch (value) {
                    case null -> out.writeInt(-1);
                    case String s -> {
                        byte[] b = s.getBytes(StandardCharsets.UTF_8);
                        out.writeInt(b.length);
                        out.write(b);
                    }
                    case LocalDate d -> {
                        out.writeInt(4);
                        out.writeInt((int) (d.toEpochDay() - LocalDate.of(2000, 1, 1).toEpochDay()));
                    }
                    case Integer i -> {
                        out.writeInt(4);
                        out.writeInt(i);
                    }
                    case Boolean b -> {
                        out.writeInt(1);
                        out.writeByte(b ? 1 : 0);
                    }
                    case UUID u -> {
                        out.writeInt(16);
                        out.writeLong(u.getMostSignificantBits());
                        out.writeLong(u.getLeastSignificantBits());
                    }
                    case byte[] raw -> out.write(raw);
                    default -> throw new IllegalArgumentException(String.valueOf(value));
                }
            }
            return this;
        }

        byte[] end() throws IOException {
            out.writeShort(-1);
            return bytes.toByteArray();
        }

        byte[] unended() {
            return bytes.toByteArray();
        }
    }

    /** A stream that gives at most one byte per read, as a network might. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(1, len));
            }
        };
    }

    @Test
    void readsTextWithCharactersTheTextFormatWouldEscapeNullAndEmptyApart() throws IOException {
        String tricky = "tab\there, new\nline, back\\slash, \\N, carriage\rreturn, é, 日本, 👧";
        byte[] data = new Copy().row("\\N", tricky, "", null).row("", null, "plain", " ").end();
        BinaryCopyRows rows = new BinaryCopyRows(trickle(data), 32);

        assertThat(rows.next()).isTrue();
        assertThat(rows.text(0)).isEqualTo("\\N");
        assertThat(rows.text(1)).isEqualTo(tricky);
        assertThat(rows.text(2)).isEmpty();
        assertThat(rows.text(3)).isNull();
        assertThat(rows.isNull(3)).isTrue();
        assertThat(rows.isNull(2)).isFalse();
        assertThat(rows.next()).isTrue();
        assertThat(rows.text(0)).isEmpty();
        assertThat(rows.text(1)).isNull();
        assertThat(rows.text(2)).isEqualTo("plain");
        assertThat(rows.text(3)).isEqualTo(" ");
        assertThat(rows.next()).isFalse();
        assertThat(rows.next()).isFalse();
    }

    @Test
    void readsColumnsLeftOutOfTheQueryAsNullInTheirPlaces() throws IOException {
        // the caller's columns 0 to 4; the query left out 1 and 3, so the data has 3 columns: 0, 2 and 4
        byte[] data = new Copy().row(7, "Child A", LocalDate.of(2026, 3, 1)).row(8, null, LocalDate.of(2026, 3, 2)).end();
        BinaryCopyRows rows = new BinaryCopyRows(trickle(data), new int[] {0, -1, 1, -1, 2});

        assertThat(rows.next()).isTrue();
        assertThat(rows.int4(0)).isEqualTo(7);
        assertThat(rows.text(1)).isNull();
        assertThat(rows.isNull(1)).isTrue();
        assertThat(rows.text(2)).isEqualTo("Child A");
        assertThat(rows.date(3)).isNull();
        assertThat(rows.yes(3)).isFalse();
        assertThat(rows.date(4)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(rows.next()).isTrue();
        assertThat(rows.int4(0)).isEqualTo(8);
        assertThat(rows.repeatedText(2)).isNull();
        assertThat(rows.date(4)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(rows.next()).isFalse();

        BinaryCopyRows narrower = new BinaryCopyRows(new ByteArrayInputStream(new Copy().row(1, "a").end()), new int[] {0, -1, 2});
        assertThatThrownBy(narrower::next).isInstanceOf(IOException.class).hasMessageContaining("rows of 2 columns, not the 3 or more expected");
    }

    @Test
    void readsDatesEitherSideOfPostgresDayZeroAndInfinity() throws IOException {
        LocalDate[] dates = {LocalDate.of(2000, 1, 1), LocalDate.of(1999, 12, 31), LocalDate.of(2024, 2, 29), LocalDate.of(1900, 1, 1),
            LocalDate.of(1899, 12, 31), LocalDate.of(2099, 12, 31), LocalDate.of(2100, 1, 1), LocalDate.of(1066, 10, 14), LocalDate.of(9999, 12, 31)};
        Copy copy = new Copy();
        for (LocalDate d : dates) {
            copy.row(d, null);
        }
        ByteArrayOutputStream infinite = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(infinite);
        out.writeShort(2);
        out.writeInt(4);
        out.writeInt(Integer.MAX_VALUE);
        out.writeInt(4);
        out.writeInt(Integer.MIN_VALUE);
        copy.out.write(infinite.toByteArray());
        BinaryCopyRows rows = new BinaryCopyRows(new ByteArrayInputStream(copy.end()));

        for (LocalDate d : dates) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.date(0)).isEqualTo(d);
            assertThat(rows.date(1)).isNull();
        }
        assertThat(rows.next()).isTrue();
        assertThat(rows.date(0)).isEqualTo(LocalDate.MAX);
        assertThat(rows.date(1)).isEqualTo(LocalDate.MIN);
        assertThat(rows.next()).isFalse();
    }

    @Test
    void readsIntegersBooleansAndUuids() throws IOException {
        UUID a = UUID.fromString("ffffffff-0000-4000-8000-00000000ffff");
        UUID b = UUID.fromString("00000000-0000-0000-0000-000000000001");
        byte[] data = new Copy().row(a, -1, true, null).row(a, Integer.MIN_VALUE, false, null).row(b, Integer.MAX_VALUE, null, 0).end();
        BinaryCopyRows rows = new BinaryCopyRows(new ByteArrayInputStream(data));

        assertThat(rows.next()).isTrue();
        UUID first = rows.uuid(0);
        assertThat(first).isEqualTo(a);
        assertThat(rows.int4(1)).isEqualTo(-1);
        assertThat(rows.bool(2)).isTrue();
        assertThat(rows.int4(3)).isNull();
        assertThat(rows.next()).isTrue();
        assertThat(rows.uuid(0)).isSameAs(first);
        assertThat(rows.int4(1)).isEqualTo(Integer.MIN_VALUE);
        assertThat(rows.bool(2)).isFalse();
        assertThat(rows.next()).isTrue();
        assertThat(rows.uuid(0)).isEqualTo(b);
        assertThat(rows.int4(1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(rows.bool(2)).isFalse();
        assertThat(rows.int4(3)).isZero();
        assertThat(rows.next()).isFalse();
    }

    @Test
    void readsYesAsTheJdbcPathDidEveryCaseAndSpacing() throws IOException {
        String[] yes = {"t", "1", "y", "Y", "T", "true", "TRUE", "True", " yes ", "Yes", "t\n"};
        String[] no = {"f", "0", "n", "N", "F", "false", "no", "", "2", "tru", "yes please", "\\N"};
        Copy copy = new Copy();
        for (String s : yes) {
            copy.row(s);
        }
        for (String s : no) {
            copy.row(s);
        }
        copy.row((Object) null);
        BinaryCopyRows rows = new BinaryCopyRows(new ByteArrayInputStream(copy.end()));

        for (String s : yes) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.yes(0)).as("'%s'", s).isTrue();
        }
        for (String s : no) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.yes(0)).as("'%s'", s).isFalse();
        }
        assertThat(rows.next()).isTrue();
        assertThat(rows.yes(0)).isFalse();
        assertThat(rows.next()).isFalse();
    }

    @Test
    void repeatedTextIsDecodedOncePerRunAndFollowsEveryChange() throws IOException {
        byte[] data = new Copy().row("P1", "x").row("P1", "y").row("P2", null).row("P2", "y").row("P12", "y").row("P1", "").end();
        BinaryCopyRows rows = new BinaryCopyRows(trickle(data), 40);

        rows.next();
        String p1 = rows.repeatedText(0);
        rows.next();
        assertThat(rows.repeatedText(0)).isSameAs(p1);
        assertThat(rows.repeatedText(1)).isEqualTo("y");
        rows.next();
        assertThat(rows.repeatedText(0)).isEqualTo("P2");
        assertThat(rows.repeatedText(1)).isNull();
        rows.next();
        assertThat(rows.repeatedText(1)).isEqualTo("y");
        rows.next();
        assertThat(rows.repeatedText(0)).isEqualTo("P12");
        rows.next();
        assertThat(rows.repeatedText(0)).isEqualTo("P1");
        assertThat(rows.repeatedText(1)).isEmpty();
        assertThat(rows.next()).isFalse();
    }

    @Test
    void aRowLargerThanTheBufferAndAHeaderExtensionAreRead() throws IOException {
        String big = "é".repeat(50_000);
        byte[] data = new Copy(0, new byte[] {1, 2, 3, 4, 5}).row("before", 7).row(big, 8).row("after", 9).end();
        BinaryCopyRows rows = new BinaryCopyRows(new ByteArrayInputStream(data), 64);

        assertThat(rows.next()).isTrue();
        assertThat(rows.text(0)).isEqualTo("before");
        assertThat(rows.next()).isTrue();
        assertThat(rows.text(0)).isEqualTo(big);
        assertThat(rows.int4(1)).isEqualTo(8);
        assertThat(rows.next()).isTrue();
        assertThat(rows.text(0)).isEqualTo("after");
        assertThat(rows.int4(1)).isEqualTo(9);
        assertThat(rows.next()).isFalse();
    }

    @Test
    void noRowsAtAll() throws IOException {
        assertThat(new BinaryCopyRows(new ByteArrayInputStream(new Copy().end())).next()).isFalse();
    }

    @Test
    void damagedStreamsAreRefusedNotReadAsFewerRows() throws IOException {
        assertThatThrownBy(() -> new BinaryCopyRows(new ByteArrayInputStream("P1\t2026-03-31\tfalse\t\\N\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> new BinaryCopyRows(new ByteArrayInputStream(new Copy(1 << 16, new byte[0]).end())))
                .isInstanceOf(IOException.class).hasMessageContaining("OID");
        assertThatThrownBy(() -> new BinaryCopyRows(new ByteArrayInputStream(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y'})))
                .isInstanceOf(EOFException.class).hasMessageContaining("header");

        BinaryCopyRows unended = new BinaryCopyRows(new ByteArrayInputStream(new Copy().row("a").unended()));
        assertThat(unended.next()).isTrue();
        assertThatThrownBy(unended::next).isInstanceOf(EOFException.class).hasMessageContaining("inside a row");

        byte[] cut = new Copy().row("abcdef").end();
        BinaryCopyRows truncated = new BinaryCopyRows(new ByteArrayInputStream(java.util.Arrays.copyOf(cut, cut.length - 5)));
        assertThatThrownBy(truncated::next).isInstanceOf(EOFException.class);

        BinaryCopyRows widths = new BinaryCopyRows(new ByteArrayInputStream(new Copy().row("a", "b").row("c").end()));
        assertThat(widths.next()).isTrue();
        assertThatThrownBy(widths::next).isInstanceOf(IOException.class).hasMessageContaining("1 columns, the rows before had 2");

        byte[] trailing = new Copy().row("a").end();
        BinaryCopyRows after = new BinaryCopyRows(new ByteArrayInputStream(java.util.Arrays.copyOf(trailing, trailing.length + 1)));
        assertThat(after.next()).isTrue();
        assertThatThrownBy(after::next).isInstanceOf(IOException.class).hasMessageContaining("after its end marker");

        BinaryCopyRows wrongType = new BinaryCopyRows(new ByteArrayInputStream(new Copy().row("2026-03-31").end()));
        assertThat(wrongType.next()).isTrue();
        assertThatThrownBy(() -> wrongType.date(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("10 bytes, not 4");
    }
}
