package org.oversight.childdata.ssda903;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;

/**
 * Sits between the bytes of a CSV file and the CSV parser and stops a value longer than the limit, or a row with more
 * columns than the limit, before the parser builds it in memory. It follows quotes as RFC 4180 does (a quoted value may
 * hold commas, line breaks and doubled quotes), so it counts the same rows and values as the parser.
 */
final class CsvGuard extends FilterReader {

    private final String file;
    private final int maxChars;
    private final int maxColumns;
    private boolean quoted;
    private boolean afterCr;
    private long valueChars;
    private int columns = 1;
    private long row = 1;

    CsvGuard(Reader in, String file, UploadLimits limits) {
        super(in);
        this.file = file;
        this.maxChars = limits.maxCellChars();
        this.maxColumns = limits.maxColumns();
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        for (int i = 0; i < n; i++) {
            see(buffer[off + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("every character is checked");
    }

    private void see(char c) {
        if (c == '"') {
            quoted = !quoted; // a doubled quote inside a quoted value toggles twice
            afterCr = false;
            return;
        }
        if (!quoted && (c == '\n' || c == '\r')) {
            if (!(c == '\n' && afterCr)) {
                row++;
            }
            afterCr = c == '\r';
            valueChars = 0;
            columns = 1;
            return;
        }
        if (!quoted && c == ',') {
            valueChars = 0;
            if (++columns > maxColumns) {
                throw new UploadLimitException(file + ": row " + row + " has more than " + UploadLimits.count(maxColumns) + " columns",
                        "oversight.imports.max-columns");
            }
            afterCr = false;
            return;
        }
        afterCr = false;
        if (++valueChars > maxChars) {
            throw new UploadLimitException(file + ": a value in row " + row + " is longer than " + UploadLimits.count(maxChars)
                    + " characters", "oversight.imports.max-cell-chars");
        }
    }
}
