package org.oversight.childdata.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticCinCensusTest {

    static Map<String, Long> byRule(List<CinError> errors) {
        return errors.stream().collect(Collectors.groupingBy(CinError::ruleCode, TreeMap::new, Collectors.counting()));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 37, 3000})
    void aGeneratedCensusPassesEveryRule(int children) {
        CinCensus census = SyntheticCinCensus.for2025to26("201", children, 7).census();
        List<CinError> errors = CinValidator.rules2025to26().validate("synthetic.xml", census, new int[0]);
        errors.stream().limit(20).forEach(e -> System.out.println(e.describe()));
        assertThat(byRule(errors)).isEmpty();
        assertThat(census.children()).hasSize(children);
    }

    @Test
    void sameArgumentsSameBytesAnotherSeedAnotherCensus() throws IOException {
        assertThat(bytes("201", 500, 9)).isEqualTo(bytes("201", 500, 9));
        assertThat(bytes("201", 500, 9)).isNotEqualTo(bytes("201", 500, 10));
        SyntheticCinCensus big = SyntheticCinCensus.for2025to26("201", 500, 9);
        assertThat(big.child(123)).isEqualTo(SyntheticCinCensus.for2025to26("201", 900, 9).child(123));
    }

    static byte[] bytes(String la, int n, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticCinCensus.for2025to26(la, n, seed).write(out);
        return out.toByteArray();
    }

    @Test
    void theJourneysExerciseEveryModule() {
        CinCensus census = SyntheticCinCensus.for2025to26("208", 3000, 11).census();
        java.time.LocalDate start = java.time.LocalDate.of(2025, 4, 1);
        long unborn = census.children().stream().filter(c -> c.expectedPersonBirthDate() != null).count();
        long twice = census.children().stream().filter(c -> c.cinDetails().size() == 2).count();
        List<CinCensus.CinDetails> episodes = census.children().stream().flatMap(c -> c.cinDetails().stream()).toList();
        long carried = episodes.stream().filter(e -> e.referralDate().date().isBefore(start)).count();
        long nfa = episodes.stream().filter(e -> "true".equals(e.referralNfa())).count();
        long open = episodes.stream().filter(e -> e.closureDate() == null).count();
        long assessments = episodes.stream().mapToLong(e -> e.assessments().size()).sum();
        long ongoingAssessments = episodes.stream().flatMap(e -> e.assessments().stream()).filter(a -> a.authorisationDate() == null).count();
        long plans = episodes.stream().mapToLong(e -> e.cinPlans().size()).sum();
        long s47 = episodes.stream().mapToLong(e -> e.section47s().size()).sum();
        long openS47 = episodes.stream().flatMap(e -> e.section47s().stream()).filter(s -> s.dateOfInitialCpc() == null && "false".equals(s.icpcNotRequired())).count();
        long cpps = episodes.stream().mapToLong(e -> e.protectionPlans().size()).sum();
        long reviews = episodes.stream().flatMap(e -> e.protectionPlans().stream()).mapToLong(p -> p.reviewDates().size()).sum();
        long disabled = census.children().stream().filter(c -> !c.disabilities().equals(List.of("NONE"))).count();
        System.out.printf("unborn %d, twice %d, episodes %d (carried over %d, NFA %d, open %d), assessments %d (ongoing %d),"
                + " CIN plans %d, S47 %d (open %d), CP plans %d, reviews %d, disabled %d%n", unborn, twice, episodes.size(),
                carried, nfa, open, assessments, ongoingAssessments, plans, s47, openS47, cpps, reviews, disabled);
        assertThat(List.of(unborn, twice, carried, nfa, open, ongoingAssessments, plans, openS47, reviews)).allMatch(n -> n > 5);
        assertThat(assessments).isGreaterThan(1000);
        assertThat(s47).isGreaterThan(150);
        assertThat(cpps).isGreaterThan(200);
        assertThat(disabled).isBetween(300L, 600L);
        assertThat(open).isBetween(1500L, 2200L);
    }

    @Test
    void everyLaInTheRegisterGetsACensusThatPasses() throws IOException {
        List<String> codes = org.oversight.childdata.ssda903.SyntheticData.loadLas().stream()
                .map(org.oversight.childdata.ssda903.SyntheticData.La::laCode).toList();
        assertThat(codes).hasSize(153);
        CinValidator v = CinValidator.rules2025to26();
        for (String la : codes) {
            CinCensus census = SyntheticCinCensus.for2025to26(la, 6, 1).census();
            assertThat(byRule(v.validate(la + ".xml", census, new int[0]))).as("LA " + la).isEmpty();
        }
    }

    @Test
    void refusesABadLaCode() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SyntheticCinCensus.for2025to26("2O1", 5, 1))
                .hasMessageContaining("three digits");
    }
}
