package org.oversight.shared.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits every import and request body is read under, in one place ({@code oversight.imports.*}): an uploaded file,
 * a whole upload, the bytes a compressed file (an XLSX workbook) may expand to, sheets, rows, columns, the length of
 * one cell, the errors kept, how many imports run at once and the largest JSON body. Readers take these limits and
 * stop with an {@link UploadLimitException} naming the limit in words; nothing is stored from a refused file.
 *
 * <p>Readers of new formats (the CIN census XML, the DfE JSON payload) read through {@link LimitedInputStream}
 * ({@link #maxFileSize()} bytes at most), parse XML with {@link SafeXml}, and apply {@link #maxRows()},
 * {@link #maxColumns()}, {@link #maxCellChars()} and {@link #maxErrors()} as the SSDA903 and Annex A readers do.
 *
 * @param maxFileSize      the largest file in an upload (also Spring's multipart {@code max-file-size})
 * @param maxUploadSize    the largest upload, all files together (also Spring's multipart {@code max-request-size})
 * @param maxExpandedSize  the most a workbook may expand to when unzipped, counted as its parts are inflated
 * @param maxSheets        the most sheets a workbook may have
 * @param maxRows          the most rows (not blank) in one table, sheet or list
 * @param maxColumns       the most columns in one row
 * @param maxCellChars     the longest value of one cell or field, in characters
 * @param maxErrors        the most errors kept for one import (listed in the CSV of errors); an import with more is refused
 * @param errorsShown      how many errors a page or an API response lists (the rest are in the CSV of errors)
 * @param maxConcurrent    how many imports of child-level data run at once; more wait in the job queue (pages) or get
 *                         503 with Retry-After (API)
 * @param maxJsonBody      the largest JSON request body the API accepts
 */
@ConfigurationProperties("oversight.imports")
public record UploadLimits(
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue("200MB") DataSize maxUploadSize,
        @DefaultValue("200MB") DataSize maxExpandedSize,
        @DefaultValue("20") int maxSheets,
        @DefaultValue("40000") int maxRows,
        @DefaultValue("200") int maxColumns,
        @DefaultValue("32767") int maxCellChars,
        @DefaultValue("100000") int maxErrors,
        @DefaultValue("100") int errorsShown,
        @DefaultValue("2") int maxConcurrent,
        @DefaultValue("1MB") DataSize maxJsonBody) {

    /** The defaults, for readers used outside the application (tests, benchmarks). */
    public static UploadLimits defaults() {
        return new UploadLimits(DataSize.ofMegabytes(50), DataSize.ofMegabytes(200), DataSize.ofMegabytes(200), 20, 40_000, 200, 32_767,
                100_000, 100, 2, DataSize.ofMegabytes(1));
    }

    /** The largest file, as people say it (for pages: "50 MB"). */
    public String maxFileSizeWords() {
        return words(maxFileSize);
    }

    /** The most rows of a table, as people say it (for pages: "100,000"). */
    public String maxRowsWords() {
        return count(maxRows);
    }

    /** A size as people say it: "200 MB", "50 KB", "900 bytes". */
    public static String words(DataSize size) {
        return words(size.toBytes());
    }

    /** A number of bytes as people say it. */
    public static String words(long bytes) {
        if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) {
            return String.format("%,d MB", bytes / (1024L * 1024));
        }
        if (bytes >= 1024L * 1024) {
            return String.format("%.1f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return String.format("%,d KB", bytes / 1024);
        }
        return String.format("%,d bytes", bytes);
    }

    /** A count with thousands separators: "100,000". */
    public static String count(long n) {
        return String.format("%,d", n);
    }
}
