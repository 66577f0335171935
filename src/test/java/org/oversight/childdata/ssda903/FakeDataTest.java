package org.oversight.childdata.ssda903;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.ssda903.Rows.Episode;
import org.oversight.childdata.ssda903.Rows.Header;

/** The fake 903 files from data-to-insight (data/child-data/ssda903-fake), read as they are. */
class FakeDataTest {

    static final Path DIR = Path.of("data/child-data/ssda903-fake");
    static Ssda903Return ret;

    @BeforeAll
    static void readAll() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : List.of("header.csv", "episodes.csv", "reviews.csv", "oc3.csv", "missing.csv", "uasc.csv")) {
            files.put(name, Files.readAllBytes(DIR.resolve(name)));
        }
        ret = Ssda903Return.read(files);
    }

    @Test
    void rowCountsMatchTheReadme() {
        Map<String, Integer> expected = Map.of("header.csv", 2675, "episodes.csv", 5050, "reviews.csv", 12582,
                "oc3.csv", 53, "missing.csv", 43, "uasc.csv", 132);
        for (ReadResult f : ret.files()) {
            assertThat(f.table()).as(f.file()).isNotNull();
            assertThat(f.rows()).as(f.file()).hasSize(expected.get(f.file()));
            assertThat(f.errors()).as(f.file()).noneMatch(e -> e.ruleCode().equals("OV-HEADER")
                    || e.ruleCode().equals("OV-ROW") || e.ruleCode().equals("OV-TABLE"));
        }
        assertThat(ret.header().getFirst()).isEqualTo(new Header(2, "566910", "2",
                java.time.LocalDate.of(2008, 3, 27), "WROM", "D051910639385", "", null));
    }

    @Test
    void errorCountsAsMeasured() {
        // Pinned figures (see docs/ssda903.md). The fake data predates the 2025-26 code changes (SEX 1/2, H5/P2/Z1)
        // and is known to contain errors; a change here means a rule changed, which should be deliberate.
        Map<String, Long> byRule = Ssda903Return.countByRule(ret.errors());
        assertThat(ret.errors()).hasSize(17627);
        assertThat(byRule.get("101")).isEqualTo(2675L);      // every header SEX is legacy 1/2
        assertThat(byRule.get("OV-CODE")).isEqualTo(133L);   // UASC SEX 1/2 (132) + one MOTHER value
        assertThat(byRule.get("501")).isEqualTo(62L);        // checked independently with a Python script
    }

    @Test
    void specificErrorsCheckedByHand() {
        List<ValidationError> errors = ret.errors();
        // header.csv row 2: 566910,2,27/03/2008,... SEX "2" is not M/F/U (rule 101, 2024-25 onwards)
        assertThat(errors).contains(ValidationError.of("header.csv", 2, "SEX", "2", "101"));
        // episodes.csv row 3: 566910,14/08/2017,T,C2,N3,A3,PR3,,X1,... REC X1 with no DEC (rule 148)
        assertThat(errors).contains(ValidationError.of("episodes.csv", 3, "DEC", "", "148"));
        // ... and PR3 cannot provide A3 (rule 529)
        assertThat(errors).contains(ValidationError.of("episodes.csv", 3, "PLACE_PROVIDER", "PR3", "529"));
        // episodes.csv rows 312/313, child 708102: 11/03/2017-10/03/2018 then a new episode from 11/01/2018 (rule 501)
        assertThat(errors).contains(ValidationError.of("episodes.csv", 313, "DECOM", "11/01/2018", "501"));
        // oc3.csv row 2: 197474,30/03/2001,DIED,F1,01 - ACCOM "01" is not a code (rule 133)
        assertThat(errors).contains(ValidationError.of("oc3.csv", 2, "ACCOM", "01", "133"));
        // oc3.csv row 3: 864948,16/01/2001,DIED,P3,T2 - ACTIV P3 was withdrawn (rule 132)
        assertThat(errors).contains(ValidationError.of("oc3.csv", 3, "ACTIV", "P3", "132"));
    }

    @Test
    void acceptWithBadRowsKeepsOnlyCleanRows() {
        Ssda903Return.Accepted accepted = ret.acceptWithBadRows();
        int total = ret.files().stream().mapToInt(f -> f.rows().size()).sum();
        assertThat(accepted.acceptedRows() + accepted.droppedRows()).isEqualTo(total);
        assertThat(accepted.rows(Header.class)).isEmpty(); // every header row has SEX 1/2
        List<Episode> eps = accepted.rows(Episode.class);
        assertThat(eps).isNotEmpty();
        java.util.Set<Integer> badEpisodeRows = new java.util.HashSet<>();
        ret.errors().stream().filter(e -> e.file().equals("episodes.csv")).forEach(e -> badEpisodeRows.add(e.row()));
        assertThat(eps).allMatch(e -> !badEpisodeRows.contains(e.row()));
        System.out.println("FAKE accepted rows " + accepted.acceptedRows() + ", dropped " + accepted.droppedRows());
    }

    @Test
    void report() {
        System.out.println("FAKE total errors: " + ret.errors().size());
        for (ReadResult f : ret.files()) {
            System.out.println("FAKE " + f.file() + " " + f.table() + " rows=" + f.rows().size() + " ownErrors="
                    + f.errors().size());
        }
        System.out.println("FAKE by rule: " + Ssda903Return.countByRule(ret.errors()));
    }
}
