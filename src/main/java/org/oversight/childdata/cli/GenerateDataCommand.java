package org.oversight.childdata.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.oversight.childdata.cin.CinCensus;
import org.oversight.childdata.cin.CinCensusWriter;
import org.oversight.childdata.cin.SyntheticCinCensus;
import org.oversight.childdata.SyntheticJourneys;
import org.oversight.childdata.ssd.SyntheticJourney;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.SyntheticData;
import org.oversight.shared.cli.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code bin/oversight generate-data --scale la|national --seed N --out DIR [--la CODE...]}: synthetic SSDA903 returns,
 * deterministic for a seed, one folder per LA. Needs no database, so {@code main} runs it without starting one.
 */
@Component
public class GenerateDataCommand implements CliCommand {

    @Override
    public String name() {
        return "generate-data";
    }

    @Override
    public String usage() {
        return "--scale la|national --seed N --out DIR [--la CODE...]";
    }

    @Override
    public String description() {
        return "Write synthetic SSDA903 CSVs and Annex A, a CIN census (cin-census.xml) and an SSD extract (ssd/) per LA (national: all 153 LAs, "
                + "~84,000 in care, 50,000 care leavers, ~650,000 children in need), same seed same bytes";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return execute(args, out, err);
    }

    /**
     * Children in the CIN census per child in care: England's census counts about 650,000 children in need in a year
     * (400,000 at 31 March) against about 84,000 in care, so each LA gets this many times its children in care.
     */
    static final double CHILDREN_IN_NEED_PER_CHILD_IN_CARE = 650_000.0 / 84_000.0;

    /**
     * The whole journey for an LA, for the same children as its SSDA903 files (already written in {@code folder}): a CIN
     * census of the 903's collection year (2026-27, reference date 31 March 2027) and an SSD extract. The census holds
     * its own children in need and every child looked after in the 903 return, with the 903's id ({@code CHILD} =
     * {@code LAchildID} = {@code pers_person_id}), date of birth, sex and ethnicity and an episode of need open since
     * shortly before the period of care began; the SSD extract holds the census's children and, as persons, the 903's
     * care leavers, and the 903's episodes, placements, legal statuses, reviews, missing episodes and care leavers in its
     * looked-after tables ({@link SyntheticJourneys#lookedAfter}). Returns the census's children.
     */
    static int writeJourney(SyntheticData.LaCounts la, long seed, Path folder) {
        int children = (int) Math.max(5, Math.round(la.childrenInCare() * CHILDREN_IN_NEED_PER_CHILD_IN_CARE));
        SyntheticCinCensus synthetic = new SyntheticCinCensus(la.laCode(), children, seed, CollectionYear.current().end());
        List<CinCensus.Child> inCensus = new ArrayList<>(synthetic.census().children());
        SyntheticJourneys.Ssda903Children ssda903 = SyntheticJourneys.ssda903Children(synthetic, folder);
        inCensus.addAll(ssda903.inCensus());
        List<CinCensus.Child> personsOnly = ssda903.personsOnly();
        CinCensus census = new CinCensus(synthetic.header(), inCensus);
        try (java.io.OutputStream xml = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(folder.resolve("cin-census.xml")))) {
            CinCensusWriter.write(census, xml);
            org.oversight.childdata.ssd.SsdData data = SyntheticJourney.of(census, seed, personsOnly);
            SyntheticJourneys.lookedAfter(folder, data);
            SyntheticJourney.write(data, folder.resolve("ssd"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return inCensus.size();
    }

    public static int execute(List<String> args, PrintStream out, PrintStream err) {
        String scale = "la";
        long seed = 1;
        Path dir = null;
        List<String> las = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--scale" -> scale = args.get(++i);
                    case "--seed" -> seed = Long.parseLong(args.get(++i));
                    case "--out" -> dir = Path.of(args.get(++i));
                    case "--la" -> las.add(args.get(++i));
                    default -> throw new IllegalArgumentException("unexpected argument '" + args.get(i) + "'");
                }
            }
        } catch (RuntimeException e) {
            err.println("generate-data: " + e.getMessage() + ". Usage: bin/oversight generate-data --scale la|national --seed N --out DIR [--la CODE...]");
            return 1;
        }
        if (dir == null) {
            err.println("generate-data: --out DIR is required");
            return 1;
        }
        if (scale.equalsIgnoreCase("la") && las.isEmpty()) {
            las.add("201");
        }
        try {
            SyntheticData.Summary summary = SyntheticData.generate(scale, seed, las, dir);
            long inCare = summary.byLa().values().stream().mapToLong(SyntheticData.LaCounts::childrenInCare).sum();
            long leavers = summary.byLa().values().stream().mapToLong(SyntheticData.LaCounts::careLeavers).sum();
            out.printf("Wrote %d LA folders under %s: %d children in care, %d care leavers, in %d ms%n", summary.byLa().size(),
                    dir, inCare, leavers, summary.elapsedMillis());
            long t0 = System.nanoTime();
            long inNeed = 0;
            for (SyntheticData.LaCounts la : summary.byLa().values()) {
                inNeed += writeJourney(la, seed, dir.resolve(la.laCode()));
            }
            out.printf("Wrote a CIN census (cin-census.xml) and an SSD extract (ssd/) per LA: %d children in need, in %d ms%n", inNeed,
                    (System.nanoTime() - t0) / 1_000_000);
            return 0;
        } catch (RuntimeException e) {
            err.println("generate-data: " + e.getMessage());
            return 2;
        }
    }
}
