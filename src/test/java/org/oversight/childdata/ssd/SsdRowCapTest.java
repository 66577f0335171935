package org.oversight.childdata.ssd;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.ImportFile;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An SSD extract has its own cap of rows per table (oversight.imports.ssd.max-rows), not the general one of 40,000: a
 * contacts table over 40,000 rows is read, one over the SSD cap is refused naming the SSD setting. Also prints the heap
 * the reader holds per row, since it reads every table into memory (README's configuration table).
 */
class SsdRowCapTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 31);

    /** An extract of {@code children} children with {@code contacts} contacts, as the SSD's CSV files. */
    static List<ImportFile> extract(int children, int contacts) {
        StringBuilder persons = new StringBuilder("pers_person_id,pers_sex,pers_dob\n");
        for (int i = 0; i < children; i++) {
            persons.append("P").append(i).append(",F,2015-0").append(1 + i % 9).append("-1").append(i % 10).append('\n');
        }
        StringBuilder rows = new StringBuilder("cont_contact_id,cont_person_id,cont_contact_date,cont_contact_source_code\n");
        for (int i = 0; i < contacts; i++) {
            rows.append("K").append(i).append(",P").append(i % children).append(",2025-").append(String.format("%02d", 4 + i % 9)).append('-')
                    .append(String.format("%02d", 1 + i % 28)).append(",1A\n");
        }
        return List.of(ImportFile.of("ssd_person.csv", persons.toString().getBytes(StandardCharsets.UTF_8)),
                ImportFile.of("ssd_contacts.csv", rows.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aContactsTableOverTheGeneralCapIsReadUnderTheSsdCap() {
        UploadLimits general = UploadLimits.defaults();
        assertThat(general.maxRows()).isEqualTo(40_000);
        SsdExtract.Result read = SsdExtract.read(extract(5_000, 45_000), general, SsdImportLimits.DEFAULT, DAY);
        assertThat(read.errors()).isEmpty();
        assertThat(read.data().count("ssd_contacts")).isEqualTo(45_000);
    }

    @Test
    void aTableOverTheSsdCapIsRefusedNamingTheSsdSetting() {
        assertThatThrownBy(() -> SsdExtract.read(extract(100, 1_001), UploadLimits.defaults(), new SsdImportLimits(1_000), DAY))
                .isInstanceOf(UploadLimitException.class).hasMessageContaining("ssd_contacts.csv: the table has more than 1,000 rows")
                .extracting(e -> ((UploadLimitException) e).setting()).isEqualTo("oversight.imports.ssd.max-rows");
    }

    @Test
    void theReaderHoldsEveryRowSoItsHeapGrowsWithTheCap() {
        List<ImportFile> files = extract(20_000, 150_000);
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        SsdExtract.Result read = SsdExtract.read(files, UploadLimits.defaults(), SsdImportLimits.DEFAULT, DAY);
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        assertThat(read.data().count("ssd_contacts")).isEqualTo(150_000);
        long perRow = (after - before) / 170_000;
        System.out.println("SSD extract read into memory: 170,000 rows (150,000 contacts) hold about " + (after - before) / (1024 * 1024)
                + " MB of heap, " + perRow + " bytes a row");
        assertThat(read.rows()).isEqualTo(170_000);
    }
}
