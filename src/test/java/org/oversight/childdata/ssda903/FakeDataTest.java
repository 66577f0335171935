package org.oversight.childdata.ssda903;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.ssda903.Rows.Episode;
import org.oversight.childdata.ssda903.Rows.Header;

/** The fake 903 files from data-to-insight (data/child-data/ssda903-fake), read as they are, as a 2026-27 return. */
public class FakeDataTest {

    public static final Path DIR = Path.of("data/child-data/ssda903-fake");
    /** The twelve tables; placed_for_adoption_errors.csv is a variant of placed_for_adoption.csv, left out. */
    public static final List<String> FILES = List.of("header.csv", "episodes.csv", "reviews.csv", "oc2.csv", "oc3.csv",
            "ad1.csv", "placed_for_adoption.csv", "previous_permanence.csv", "missing.csv", "uasc.csv",
            "sw_episodes.csv", "DoLo.csv");
    static Ssda903Return ret;

    static Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILES) {
            files.put(name, Files.readAllBytes(DIR.resolve(name)));
        }
        return files;
    }

    @BeforeAll
    static void readAll() throws IOException {
        ret = Ssda903Return.read(files(), Ssda903Return.Options.of(CollectionYear.of(2026)).withLa("E09000001"));
    }

    @Test
    void everyTableIsRecognisedWithItsRows() {
        Map<String, Integer> expected = Map.ofEntries(Map.entry("header.csv", 2675), Map.entry("episodes.csv", 5050),
                Map.entry("reviews.csv", 12582), Map.entry("oc2.csv", 2675), Map.entry("oc3.csv", 53),
                Map.entry("ad1.csv", 29), Map.entry("placed_for_adoption.csv", 29),
                Map.entry("previous_permanence.csv", 2675), Map.entry("missing.csv", 43), Map.entry("uasc.csv", 132),
                Map.entry("sw_episodes.csv", 1), Map.entry("DoLo.csv", 1));
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
    void everyRuleRanOrSaysWhyNot() {
        assertThat(ret.outcomes()).hasSize(322);
        assertThat(ret.ruleSetYear()).isEqualTo(2026);
        // without last year's return or Ofsted's provider lists these cannot be checked, and say so
        assertThat(ret.outcomes()).filteredOn(o -> !o.checked()).allMatch(o -> o.reason() != null && !o.reason().isBlank());
        assertThat(ret.outcomes()).filteredOn(o -> o.code().equals("1008")).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo("not checked"));
        assertThat(ret.outcomes()).filteredOn(o -> o.code().equals("202")).singleElement()
                .satisfies(o -> assertThat(o.reason()).contains("last year"));
        assertThat(ret.outcomes()).filteredOn(RuleOutcomeStatus::passed).isNotEmpty();
    }

    /** Small helper so the filter above reads as a sentence. */
    interface RuleOutcomeStatus {
        static boolean passed(org.oversight.childdata.ssda903.rules.RuleOutcome o) {
            return o.status().equals("passed");
        }
    }

    @Test
    void specificErrorsCheckedByHand() {
        List<ValidationError> errors = ret.errors();
        // header.csv row 2: 566910,2,27/03/2008,... SEX "2" is not M/F/U (rule 101, 2024-25 onwards)
        assertThat(errors).contains(ValidationError.of("header.csv", 2, "SEX", "2", "101"));
        // episodes.csv row 3: 566910,14/08/2017,T,C2,N3,A3,PR3,,X1,... REC X1 with no DEC (rule 148)
        assertThat(errors).contains(ValidationError.of("episodes.csv", 3, "DEC", "", "148"));
        // ... and PR3 cannot provide A3 (rule 529)
        assertThat(errors).contains(ValidationError.of("episodes.csv", 3, "PLACE", "A3", "529"));
        // episodes.csv rows 312/313, child 708102: 11/03/2017-10/03/2018 then a new episode from 11/01/2018 (rule 501)
        assertThat(errors).contains(ValidationError.of("episodes.csv", 313, "DECOM", "11/01/2018", "501"));
        // oc3.csv row 2: 197474,30/03/2001,DIED,F1,01 - ACCOM "01" is not a code (rule 133)
        assertThat(errors).contains(ValidationError.of("oc3.csv", 2, "ACCOM", "01", "133"));
        // oc3.csv row 3: 864948,16/01/2001,DIED,P3,T2 - ACTIV P3 was withdrawn (rule 132)
        assertThat(errors).contains(ValidationError.of("oc3.csv", 3, "ACTIV", "P3", "132"));
        // episodes.csv row 3 again: postcodes EG19 7TT and WV27 9FW are not real postcodes (rule 392c)
        assertThat(errors).contains(ValidationError.of("episodes.csv", 3, "HOME_POST", "EG19 7TT", "392c"));
        // sw_episodes.csv: reason SWLAZY is not a reason for a change of social worker (SW13STG1)
        assertThat(errors).contains(ValidationError.of("sw_episodes.csv", 2, "SW_REASON", "SWLAZY", "SW13STG1"));
    }

    @Test
    void acceptWithBadRowsKeepsOnlyRowsWithoutErrors() {
        Ssda903Return.Accepted accepted = ret.acceptWithBadRows();
        int total = ret.files().stream().mapToInt(f -> f.rows().size()).sum();
        assertThat(accepted.acceptedRows() + accepted.droppedRows()).isEqualTo(total);
        assertThat(accepted.rows(Header.class)).isEmpty(); // every header row has SEX 1/2
        Set<Integer> badEpisodeRows = new HashSet<>();
        ret.errors().stream().filter(e -> e.file().equals("episodes.csv") && !e.query())
                .forEach(e -> badEpisodeRows.add(e.row()));
        assertThat(accepted.rows(Episode.class)).allMatch(e -> !badEpisodeRows.contains(e.row()));
        System.out.println("FAKE accepted rows " + accepted.acceptedRows() + ", dropped " + accepted.droppedRows()
                + "; errors and queries " + ret.errors().size());
    }
}
