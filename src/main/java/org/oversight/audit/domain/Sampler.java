package org.oversight.audit.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Draws a reproducible sample: the children the rule selects are sorted by reference, then shuffled with a
 * {@link Random} seeded with the programme's seed, so the same seed and the same data always give the same children
 * in the same order. Stratified samples give each team (children without a team form the stratum
 * {@value #NOT_ALLOCATED}) a share in proportion to its size by the largest-remainder method, ties to the team first
 * in alphabetical order; strata are visited in alphabetical order with one random sequence.
 */
public final class Sampler {

    public static final String NOT_ALLOCATED = "Not allocated";

    private Sampler() {
    }

    public record Pick(String childRef, String cohort, String team) {
    }

    public static List<Pick> draw(List<SamplingRule.Candidate> children, SamplingRule rule, SamplingMethod method, int size, long seed) {
        List<SamplingRule.Candidate> population = children.stream().filter(rule::matches)
                .sorted(Comparator.comparing(SamplingRule.Candidate::childRef)).toList();
        Random random = new Random(seed);
        List<Pick> out = new ArrayList<>();
        if (method == SamplingMethod.RANDOM) {
            List<SamplingRule.Candidate> shuffled = new ArrayList<>(population);
            Collections.shuffle(shuffled, random);
            shuffled.stream().limit(size).forEach(c -> out.add(pick(c)));
            return out;
        }
        Map<String, List<SamplingRule.Candidate>> strata = new TreeMap<>();
        population.forEach(c -> strata.computeIfAbsent(team(c), k -> new ArrayList<>()).add(c));
        Map<String, Integer> quota = allocate(strata, Math.min(size, population.size()), population.size());
        strata.forEach((team, members) -> {
            List<SamplingRule.Candidate> shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, random);
            shuffled.stream().limit(quota.get(team)).forEach(c -> out.add(pick(c)));
        });
        return out;
    }

    /** Largest-remainder allocation of {@code size} over the strata in proportion to their sizes. */
    static Map<String, Integer> allocate(Map<String, List<SamplingRule.Candidate>> strata, int size, int total) {
        Map<String, Integer> quota = new TreeMap<>();
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        int given = 0;
        for (var e : strata.entrySet()) {
            double exact = total == 0 ? 0 : (double) size * e.getValue().size() / total;
            int floor = (int) Math.floor(exact);
            quota.put(e.getKey(), floor);
            given += floor;
            remainders.add(Map.entry(e.getKey(), exact - floor));
        }
        remainders.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; given < size && i < remainders.size(); i++, given++) {
            quota.merge(remainders.get(i).getKey(), 1, Integer::sum);
        }
        return quota;
    }

    public static String team(SamplingRule.Candidate c) {
        return c.team() == null || c.team().isBlank() ? NOT_ALLOCATED : c.team();
    }

    private static Pick pick(SamplingRule.Candidate c) {
        return new Pick(c.childRef(), c.cohort(), team(c));
    }
}
