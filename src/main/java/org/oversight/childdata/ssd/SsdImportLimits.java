package org.oversight.childdata.ssd;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SSD extract's own cap on rows per table ({@code oversight.imports.ssd.max-rows}), in place of the general
 * {@code oversight.imports.max-rows} that the SSDA903 return, the Annex A workbook and the CIN census keep: a large LA's
 * extract holds years of contacts, far past 40,000 rows. The other upload limits (file size, ZIP expansion, columns,
 * cell length, errors) apply to the extract as to every upload.
 *
 * <p>The extract is read into memory, every table at once, because its checks cross tables (each row's child and the
 * referral, conference or plan it names, duplicates, overlapping episodes): it does not stream, so the heap an import
 * needs grows with this cap. README's configuration table gives the measured bytes per row.
 *
 * @param maxRows the most rows (not blank) in one table of an SSD extract
 */
@ConfigurationProperties("oversight.imports.ssd")
public record SsdImportLimits(@DefaultValue("150000") int maxRows) {

    /** The defaults, for readers used outside the application (tests, benchmarks). */
    public static final SsdImportLimits DEFAULT = new SsdImportLimits(150_000);
}
