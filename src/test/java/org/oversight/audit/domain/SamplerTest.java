package org.oversight.audit.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SamplerTest {

    private static List<SamplingRule.Candidate> children() {
        List<SamplingRule.Candidate> out = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String team = i <= 15 ? "Leaving care team" : i <= 24 ? "Asylum team" : null;
            List<String> overdue = i % 3 == 0 ? List.of("CL-PATHWAY-REVIEW") : List.of();
            out.add(new SamplingRule.Candidate("CL%02d".formatted(i), "CARE_LEAVER", team, overdue));
        }
        for (int i = 1; i <= 10; i++) {
            out.add(new SamplingRule.Candidate("CIC%02d".formatted(i), "CHILD_IN_CARE", "Children in care team", i <= 4 ? List.of("CLA-REVIEW") : List.of()));
        }
        return out;
    }

    @Test
    void theSameSeedAndDataGiveTheSameSampleWhateverTheOrderOfTheData() {
        List<SamplingRule.Candidate> data = children();
        List<Sampler.Pick> first = Sampler.draw(data, SamplingRule.ALL_CARE_LEAVERS, SamplingMethod.RANDOM, 8, 42);
        List<SamplingRule.Candidate> shuffled = new ArrayList<>(data);
        Collections.shuffle(shuffled, new java.util.Random(7));
        assertThat(Sampler.draw(shuffled, SamplingRule.ALL_CARE_LEAVERS, SamplingMethod.RANDOM, 8, 42)).isEqualTo(first);
        assertThat(first).hasSize(8).allSatisfy(p -> assertThat(p.cohort()).isEqualTo("CARE_LEAVER"));
        assertThat(first.stream().map(Sampler.Pick::childRef).distinct()).hasSize(8);
        assertThat(Sampler.draw(data, SamplingRule.ALL_CARE_LEAVERS, SamplingMethod.RANDOM, 8, 43)).as("another seed, another sample").isNotEqualTo(first);
    }

    @Test
    void rulesSelectByCohortAndOverdueTimescale() {
        List<Sampler.Pick> overdue = Sampler.draw(children(), SamplingRule.CARE_LEAVERS_PATHWAY_REVIEW_OVERDUE, SamplingMethod.RANDOM, 100, 1);
        assertThat(overdue).extracting(Sampler.Pick::childRef).containsExactlyInAnyOrder("CL03", "CL06", "CL09", "CL12", "CL15", "CL18", "CL21", "CL24", "CL27", "CL30");
        assertThat(Sampler.draw(children(), SamplingRule.CHILDREN_IN_CARE_REVIEW_OVERDUE, SamplingMethod.RANDOM, 100, 1))
                .extracting(Sampler.Pick::childRef).containsExactlyInAnyOrder("CIC01", "CIC02", "CIC03", "CIC04");
        assertThat(Sampler.draw(children(), SamplingRule.ALL_CHILDREN, SamplingMethod.RANDOM, 100, 1)).hasSize(40);
    }

    @Test
    void aStratifiedSampleGivesEachTeamItsShareAndNamesChildrenWithoutATeam() {
        // 15 leaving care, 9 asylum, 6 without a team: 10 of 30 is 5, 3 and 2.
        List<Sampler.Pick> sample = Sampler.draw(children(), SamplingRule.ALL_CARE_LEAVERS, SamplingMethod.STRATIFIED_BY_TEAM, 10, 99);
        Map<String, Long> byTeam = sample.stream().collect(Collectors.groupingBy(Sampler.Pick::team, Collectors.counting()));
        assertThat(byTeam).containsEntry("Leaving care team", 5L).containsEntry("Asylum team", 3L).containsEntry(Sampler.NOT_ALLOCATED, 2L);
        assertThat(Sampler.draw(children(), SamplingRule.ALL_CARE_LEAVERS, SamplingMethod.STRATIFIED_BY_TEAM, 10, 99)).isEqualTo(sample);
        // 7 of 30: exact shares 3.5, 2.1 and 1.4; the remaining place goes to the largest remainder (leaving care).
        Map<String, Long> seven = Sampler.draw(children(), SamplingRule.ALL_CARE_LEAVERS, SamplingMethod.STRATIFIED_BY_TEAM, 7, 5).stream()
                .collect(Collectors.groupingBy(Sampler.Pick::team, Collectors.counting()));
        assertThat(seven).containsEntry("Leaving care team", 4L).containsEntry("Asylum team", 2L).containsEntry(Sampler.NOT_ALLOCATED, 1L);
    }

    @Test
    void aSampleLargerThanThePopulationTakesEveryone() {
        assertThat(Sampler.draw(children(), SamplingRule.ALL_CHILDREN_IN_CARE, SamplingMethod.STRATIFIED_BY_TEAM, 50, 3)).hasSize(10);
        assertThat(Sampler.draw(children(), SamplingRule.ALL_CHILDREN_IN_CARE, SamplingMethod.RANDOM, 50, 3)).hasSize(10);
    }

    @Test
    void theHelpAndProtectionRulesSelectByGroupWhateverTheCohort() {
        List<SamplingRule.Candidate> data = new ArrayList<>(children());
        data.add(new SamplingRule.Candidate("P1", "CHILD_PROTECTION", "CP team", List.of(), java.util.Set.of("CHILD_PROTECTION", "CHILD_IN_NEED")));
        data.add(new SamplingRule.Candidate("N1", "CHILD_IN_NEED", null, List.of(), java.util.Set.of("CHILD_IN_NEED")));
        data.add(new SamplingRule.Candidate("E1", "EARLY_HELP", null, List.of(), java.util.Set.of("EARLY_HELP", "STEPPED_DOWN")));
        data.add(new SamplingRule.Candidate("CIC99", "CHILD_IN_CARE", null, List.of(), java.util.Set.of("CHILD_IN_NEED")));
        assertThat(refs(data, SamplingRule.CHILDREN_ON_CP_PLANS)).containsExactly("P1");
        assertThat(refs(data, SamplingRule.CHILDREN_IN_NEED)).containsExactlyInAnyOrder("P1", "N1", "CIC99");
        assertThat(refs(data, SamplingRule.CHILDREN_IN_EARLY_HELP)).containsExactly("E1");
        assertThat(refs(data, SamplingRule.STEPPED_DOWN_TO_EARLY_HELP)).containsExactly("E1");
        assertThat(refs(children(), SamplingRule.CHILDREN_IN_NEED)).as("SSDA903 children have no groups").isEmpty();
    }

    private static List<String> refs(List<SamplingRule.Candidate> data, SamplingRule rule) {
        return Sampler.draw(data, rule, SamplingMethod.RANDOM, 100, 1).stream().map(Sampler.Pick::childRef).toList();
    }
}
