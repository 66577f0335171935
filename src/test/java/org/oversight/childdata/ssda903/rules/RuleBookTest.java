package org.oversight.childdata.ssda903.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.Severity;
import org.oversight.childdata.ssda903.Ssda903Table;

class RuleBookTest {

    @Test
    void eachCollectionYearHasItsRuleSetAndTheYearBeforeStaysForLateReturns() {
        RuleBook current = RuleBook.forYear(CollectionYear.of(2026));
        RuleBook late = RuleBook.forYear(CollectionYear.of(2025));
        assertThat(current.startYear()).isEqualTo(2026);
        assertThat(current.rules()).hasSize(322);
        assertThat(late.startYear()).isEqualTo(2025);
        assertThat(late.rules()).hasSize(311);
        // 2026-27 added the DoLO table and its rules 700-710
        assertThat(current.rule("709")).isNotNull();
        assertThat(late.rule("709")).isNull();
        assertThat(late.rule("146")).isNotNull();
        assertThat(RuleBook.hasRulesFor(CollectionYear.of(2024))).isFalse();
        assertThat(RuleBook.forYear(CollectionYear.of(2024)).startYear()).as("older years: the oldest set kept").isEqualTo(2025);
        assertThat(RuleBook.forYear(CollectionYear.of(2030)).startYear()).as("later years: the newest set").isEqualTo(2026);
    }

    @Test
    void queriesAreTheRulesWhoseWordingAsksTheLaToCheck() {
        RuleBook book = RuleBook.forYear(CollectionYear.of(2026));
        assertThat(book.rules().stream().filter(r -> r.severity() == Severity.QUERY).map(Rule903::code))
                .containsExactlyInAnyOrder("164", "169", "231", "232", "355", "357", "454", "582", "EPI", "SW09STG2");
    }

    @Test
    void aRuleThatCannotRunSaysWhyAndFlagsNothing() {
        Map<Ssda903Table, Table> tables = new EnumMap<>(Ssda903Table.class);
        tables.put(Ssda903Table.HEADER, Table.of(Ssda903Table.HEADER, false, "header.csv",
                Map.of("CHILD", new String[] {"1"}, "SEX", new String[] {"X"})));
        ReturnData d = new ReturnData(tables, Map.of(), CollectionYear.of(2026), null, null, null);
        RuleBook.Result result = RuleBook.forYear(CollectionYear.of(2026)).run(d);
        assertThat(result.outcomes()).hasSize(322);
        RuleOutcome sex = result.outcomes().stream().filter(o -> o.code().equals("101")).findFirst().orElseThrow();
        assertThat(sex.status()).isEqualTo("failed");
        assertThat(sex.flagged()).isEqualTo(1);
        RuleOutcome episodes = result.outcomes().stream().filter(o -> o.code().equals("141")).findFirst().orElseThrow();
        assertThat(episodes.status()).isEqualTo("not checked");
        assertThat(episodes.reason()).isEqualTo("needs the Episodes table, which was not given");
        RuleOutcome urn = result.outcomes().stream().filter(o -> o.code().equals("1015")).findFirst().orElseThrow();
        assertThat(urn.checked()).isFalse();
        assertThat(result.errors()).extracting(e -> e.ruleCode()).contains("101").doesNotContain("141");
    }

    @Test
    void placementColumnsAreDerivedFromThePostcodesForTheLa() {
        Map<Ssda903Table, Table> tables = new EnumMap<>(Ssda903Table.class);
        tables.put(Ssda903Table.EPISODES, Table.of(Ssda903Table.EPISODES, false, "episodes.csv", Map.of(
                "CHILD", new String[] {"1", "2", "3"},
                "HOME_POST", new String[] {"EC2M 7JR", "EC2M 7JR", null},
                "PL_POST", new String[] {"EC2V 8BA", "CF10 1EP", "NOT A POSTCODE"})));
        ReturnData d = new ReturnData(tables, Map.of(), CollectionYear.of(2026), "E09000001", null, Postcodes.shared());
        Table e = d.episodes();
        assertThat(e.col("PL_LA")).containsExactly("E09000001", "WAL", null);
        assertThat(e.col("PL_LOCATION")).containsExactly("IN", "OUT", null);
        assertThat(Double.parseDouble(e.col("PL_DISTANCE")[0])).isLessThan(1.5);
        assertThat(Double.parseDouble(e.col("PL_DISTANCE")[1])).isBetween(125.0, 135.0);
        assertThat(e.col("PL_DISTANCE")[2]).isNull();
    }
}
