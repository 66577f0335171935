package org.oversight.childdata.ssda903;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.ssda903.rules.RuleOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partial update is checked as the return it makes: the rules see the uploaded tables together with the current
 * data's other tables (the context), but only the uploaded rows are reported and counted, and a rule that reads a
 * column the stored data did not keep says so instead of passing.
 */
class PartialUpdateRulesTest {

    private static final String HEADER = """
            CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
            1,Q,01/01/2015,WBRI,A123456789012,,
            """;
    private static final String EPISODES = """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            1,01/05/2026,S,C2,N1,U1,PR1,,,,,,
            """;
    private static final String REVIEWS = """
            CHILD,DOB,REVIEW,REVIEW_CODE
            1,01/01/2015,01/06/2026,PN1
            2,01/01/2016,01/06/2026,PN1
            """;

    private static final Ssda903Return.Options OPTIONS = Ssda903Return.Options.of(CollectionYear.of(2026)).withLa("E09000001");

    /** The current data as the importer rebuilds it: what was stored, named "(current data)", some columns not kept. */
    private static Ssda903Return.Context context() {
        return new Ssda903Return.Context(List.of(Ssda903Reader.read("(current data)", HEADER), Ssda903Reader.read("(current data)", EPISODES)),
                Map.of(Ssda903Table.HEADER, Set.of("UPN", "MOTHER", "MC_DOB")));
    }

    private static RuleOutcome outcome(Ssda903Return r, String code) {
        return r.outcomes().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void withoutTheCurrentDataARuleNeedingEpisodesIsNotChecked() {
        Ssda903Return alone = Ssda903Return.validate(List.of(Ssda903Reader.read("reviews.csv", REVIEWS)), OPTIONS);
        assertThat(outcome(alone, "1012").checked()).isFalse();
        assertThat(outcome(alone, "1012").reason()).contains("Episodes");
    }

    @Test
    void theRulesSeeTheCurrentDataButReportOnlyTheUploadedRows() {
        Ssda903Return merged = Ssda903Return.validate(List.of(Ssda903Reader.read("reviews.csv", REVIEWS)), context(), OPTIONS, 1_000);
        // 1012: child 2 has a review but no episode in the stored episodes.
        assertThat(outcome(merged, "1012").status()).isEqualTo("failed");
        assertThat(outcome(merged, "1012").flagged()).isEqualTo(1);
        assertThat(merged.errors()).anySatisfy(e -> {
            assertThat(e.ruleCode()).isEqualTo("1012");
            assertThat(e.file()).isEqualTo("reviews.csv");
            assertThat(e.row()).isEqualTo(3);
        });
        // The stored header's SEX "Q" breaks 101, but it is not the upload's: not reported, not counted.
        assertThat(outcome(merged, "101").status()).isEqualTo("passed");
        assertThat(merged.errors()).allSatisfy(e -> assertThat(e.file()).isEqualTo("reviews.csv"));
        // The UPN was not kept: the UPN rules say why they were not checked rather than pass on a blank.
        assertThat(outcome(merged, "168").checked()).isFalse();
        assertThat(outcome(merged, "168").reason()).contains("UPN").contains("Header").contains("which it does not have");
        assertThat(merged.errorTotal()).isEqualTo(merged.errors().size());
    }

    @Test
    void anUploadedTableReplacesTheSameTableOfTheCurrentData() {
        String header = HEADER.replace("1,Q,", "1,M,") + "2,F,01/01/2016,WBRI,A123456789013,,\n";
        Ssda903Return merged = Ssda903Return.validate(List.of(Ssda903Reader.read("header.csv", header), Ssda903Reader.read("reviews.csv", REVIEWS)),
                context(), OPTIONS, 1_000);
        assertThat(outcome(merged, "101").status()).as("the stored header's Q is not seen").isEqualTo("passed");
        assertThat(outcome(merged, "168").checked()).as("the uploaded header has its UPN").isTrue();
        assertThat(merged.errors()).noneMatch(e -> e.file().equals("(current data)"));
    }

    @Test
    void anErrorShowsTheValueAsTheFileGivesItNotAsTheRulesReadIt() {
        String header = HEADER.replace("1,Q,", "1,q,");
        Ssda903Return r = Ssda903Return.validate(List.of(Ssda903Reader.read("header.csv", header)), OPTIONS);
        assertThat(r.errors()).contains(new ValidationError("header.csv", 2, "SEX", "q", "101", RuleMessages.message("101"), Severity.ERROR));
    }

    @Test
    void errorsPastTheLimitAreCountedAndQueriesApart() {
        StringBuilder reviews = new StringBuilder("CHILD,DOB,REVIEW,REVIEW_CODE\n");
        for (int i = 0; i < 50; i++) {
            reviews.append("X").append(i).append(",01/01/2016,01/06/2026,PN1\n");
        }
        Ssda903Return r = Ssda903Return.validate(List.of(Ssda903Reader.read("reviews.csv", reviews.toString())), context(), OPTIONS, 10);
        assertThat(r.errors()).hasSize(10);
        assertThat(r.errorTotal()).isGreaterThanOrEqualTo(50);
        assertThat(r.errorCount()).isEqualTo(r.errorTotal() - r.queryTotal());
        assertThat(r.isValid()).isFalse();
    }
}
