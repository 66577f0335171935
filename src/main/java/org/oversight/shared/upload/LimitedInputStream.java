package org.oversight.shared.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Counts the bytes actually read (for a compressed part: the bytes actually inflated) and stops with an
 * {@link UploadLimitException} as soon as they pass the limit, whatever a header or a zip directory claimed. Several
 * streams can share one {@link Budget}, so the parts of one workbook count against one total.
 */
public final class LimitedInputStream extends FilterInputStream {

    /** A number of bytes shared by several streams; the first stream to go past it stops with the exception. */
    public static final class Budget {
        private final long limit;
        private final Supplier<UploadLimitException> over;
        private long used;

        public Budget(long limit, Supplier<UploadLimitException> over) {
            this.limit = limit;
            this.over = over;
        }

        void take(long n) {
            used += n;
            if (used > limit) {
                throw over.get();
            }
        }

        /** The bytes read so far through every stream of this budget. */
        public long used() {
            return used;
        }

        public long limit() {
            return limit;
        }
    }

    private final Budget budget;
    private long count;

    /** At most {@code limit} bytes from {@code in}; one more is {@code over}. */
    public LimitedInputStream(InputStream in, long limit, Supplier<UploadLimitException> over) {
        this(in, new Budget(limit, over));
    }

    /** Bytes read from {@code in} count against the shared {@code budget}. */
    public LimitedInputStream(InputStream in, Budget budget) {
        super(in);
        this.budget = budget;
    }

    /** The bytes read through this stream. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }

    /** No mark and reset: every byte read counts once. */
    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        count += n;
        budget.take(n);
    }
}
